"""Data that crosses module lines: documents, chunks, retrieval hits, answers.

Everything here is a plain frozen dataclass that converts to and from JSON-able
dicts, so the index can be stored without pickle and the API returns data a
caller can serialise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from assistant.script import to_simplified
from assistant.text import Language  # also imported from here, as `assistant.schema.Language`

DocKind = Literal["resolution", "article"]
# What a chunk is inside its document; retrieval filters on it.
ChunkKind = Literal[
    "header",  # document number, title, conference of a resolution
    "clause",  # a labelled (or the only) clause of a section
    "subclause",  # an "–" item under a clause
    "title",  # an article's headline
    "dateline",  # "New York, 21 March, 2004 –"
    "paragraph",  # an article paragraph, or a fallback paragraph chunk
    "boilerplate",  # disclaimers, "Read more here": kept but tagged
]
SectionKind = Literal["header", "preamble", "operative", "body", "boilerplate", "unknown"]


def known_fields(cls: type[Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """The entries of `data` that name a field of dataclass `cls`: a record saved by another version still loads."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass(frozen=True)
class DocumentInfo:
    """One corpus document as described by `corpus/manifest.json`."""

    id: str
    path: str  # relative to the corpus folder
    language: Language
    kind: DocKind
    # Both titles are shown on citation cards whatever the document's language; either may be a translation.
    title_en: str = ""
    title_zh: str = ""
    doc_number: str = ""  # the UN/ITU document symbol as printed, e.g. "EUR/44A25/1"
    source: str = ""  # who published it and where, in words ("ITU Plenipotentiary Conference (PP-22, …)")
    date_printed: str = ""  # as printed, even when wrong: `note` says so, and answers quote the document
    note: str = ""  # provenance caveats for the reader: working translations, typos kept as printed
    source_path: str = ""  # the original file `assistant add` converted (relative to the corpus folder if inside it)
    checksum: str = ""  # "sha256:<hex>" of the original file's bytes
    pages: tuple[int, ...] = ()  # PDFs: offset in the text where each page starts (see corpus.page_of)
    same_as: str = ""  # id of a document this one is a language version of (`assistant add --same-as`)
    added_by: str = ""  # login name of whoever ran `assistant add`; empty for bundled documents
    added_at: str = ""  # when, ISO 8601 UTC

    def provenance(self) -> str:
        """Where the text comes from, shown with every citation: bundled, or added by whom, when, from what.

        Example:
            >>> DocumentInfo(id="r", path="r.txt", language="en", kind="article").provenance()
            'bundled with the corpus'
            >>> DocumentInfo(id="r", path="r.en.txt", language="en", kind="article", source_path="/in/r.pdf",
            ...              checksum="sha256:0123456789abcdef", added_by="ann", added_at="2026-12-01T14:00:00+00:00"
            ...              ).provenance()
            'added by ann on 2026-12-01 from /in/r.pdf (sha256:0123456789ab…)'
        """
        if not (self.source_path or self.checksum or self.added_by):
            return "bundled with the corpus"
        parts = ["added"]
        if self.added_by:
            parts.append(f"by {self.added_by}")
        if self.added_at:
            parts.append(f"on {self.added_at[:10]}")
        if self.source_path:
            parts.append(f"from {self.source_path}")
        if self.checksum:
            parts.append(f"({self.checksum[:19]}…)")
        return " ".join(parts)

    def title(self, lang: Language) -> str:
        """The title in `lang`, falling back to the other language."""
        primary, other = (self.title_zh, self.title_en) if lang == "zh" else (self.title_en, self.title_zh)
        return primary or other

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentInfo:
        return cls(**known_fields(cls, data))


@dataclass(frozen=True)
class Document:
    """A loaded document: its manifest entry and its exact source text."""

    info: DocumentInfo
    text: str

    @property
    def id(self) -> str:
        return self.info.id


@dataclass(frozen=True)
class Chunk:
    """A citable unit of a document: one clause, sub-clause or paragraph.

    `text` is always `source[start:end]` of the document it came from, so a
    citation can be re-checked against the file. `context` is extra text used
    only for indexing (section heading, parent clause, English and Chinese
    section names) so that a bare clause is still findable by what it is about.
    """

    id: str
    doc_id: str
    text: str
    lang: Language
    kind: ChunkKind
    section_kind: SectionKind
    start: int
    end: int
    section: str = ""  # heading as printed in the source, e.g. 责成秘书长
    section_en: str = ""  # canonical English name, e.g. instructs the Secretary-General
    section_zh: str = ""  # canonical Chinese name
    addressee_en: str = ""  # operative sections: who is asked to act
    addressee_zh: str = ""
    label: str = ""  # clause label as printed: "a)", "7", "–"
    path: tuple[str, ...] = ()  # labels from section down, e.g. ("considering", "a", "2")
    part: int = 0  # 0 = whole; 1.. = part of a chunk split for length
    tokens: int = 0
    context: str = ""
    boilerplate: bool = False
    # Why the text reads as an instruction to an AI (assistant.safety), comma-separated; "" for
    # ordinary text. A flagged chunk is evidence only: never an answer, never in an LLM prompt.
    flags: str = ""

    @property
    def index_text(self) -> str:
        """What embeddings and BM25 see: context first, then the text, in simplified characters when it is
        written in traditional ones (questions are read that way too); `text` itself stays verbatim."""
        text = f"{self.context}\n{self.text}" if self.context else self.text
        return to_simplified(text) if self.lang == "zh" else text

    def display_label(self) -> str:
        """Human label: section (both languages) and clause, e.g. `责成秘书长 (instructs …) · 7`."""
        names = [self.section] if self.section else []
        other = self.section_en if self.lang == "zh" else self.section_zh
        if other and other != self.section:
            names.append(f"({other})")
        parts = [" ".join(names)] if names else []
        clause = " – ".join(p for p in self.path[1:] if p) if len(self.path) > 1 else self.label
        if clause:
            parts.append(clause)
        if self.part:
            parts.append(f"part {self.part}")
        return " · ".join(parts) if parts else self.kind

    def to_dict(self) -> dict[str, Any]:
        # Shallow: every field is a str/int/bool except `path`; asdict's deep copy
        # dominated index writes at 10^4+ chunks.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["path"] = list(self.path)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chunk:
        values = known_fields(cls, data)
        values["path"] = tuple(values.get("path", ()))
        return cls(**values)


@dataclass(frozen=True)
class RetrievedChunk:
    """A chunk with its fused score and what each retriever said about it."""

    chunk: Chunk
    score: float
    dense_score: float | None = None
    dense_rank: int | None = None
    lexical_score: float | None = None
    lexical_rank: int | None = None
    # Query translations that matched this chunk, e.g. "report → 报告 (dictionary)".
    translations: tuple[str, ...] = ()

    @property
    def found_by(self) -> tuple[str, ...]:
        found = []
        if self.dense_rank is not None:
            found.append("dense")
        if self.lexical_rank is not None:
            found.append("bm25")
        return tuple(found)


def short_title(title: str) -> str:
    """A resolution's title runs long; its name up to the colon identifies it."""
    return title.split("：")[0].split(": ")[0]


@dataclass(frozen=True)
class Citation:
    """The exact source text an answer rests on."""

    chunk_id: str
    doc_id: str
    doc_title: str
    doc_number: str
    section: str
    section_other: str  # the section's canonical name in the other language
    label: str
    quote: str  # verbatim source text, == document.text[start:end]
    start: int
    end: int
    score: float
    lang: Language
    page: int | None = None  # PDFs: the page of the original the quote starts on
    provenance: str = ""  # where the document comes from: bundled, or added by whom, when, from what file
    # The same clause in the document's other language version, when one is linked.
    parallel_chunk_id: str = ""
    parallel_quote: str = ""
    parallel_lang: str = ""
    parallel_label: str = ""

    def bilingual_section(self, template: str = "{} ({})") -> str:
        """The section as printed with its name in the other language, e.g. `责成秘书长 (instructs …)`."""
        if self.section_other and self.section_other != self.section:
            return template.format(self.section, self.section_other) if self.section else self.section_other
        return self.section

    def header(self) -> str:
        """One line naming document, section and clause, as the CLI prints it."""
        parts = [p for p in (self.doc_number, short_title(self.doc_title)) if p]
        if section := self.bilingual_section():
            parts.append(section)
        if self.label:
            parts.append(self.label)
        if self.page is not None:
            parts.append(f"p. {self.page}")
        return " · ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """What `Assistant.ask` returns."""

    question: str
    text: str
    language: Language
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    mode: str = "extractive"
    notes: list[str] = field(default_factory=list)  # e.g. citations dropped by the checker
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    # The BCP 47 tag of the answer's wording (en, zh-Hans, zh-Hant-TW, zh-Hant-HK); "" when not known (an
    # answer made before it was kept): the UI marks the answer with it, not with the page's language.
    lang_tag: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["citations"] = [c.to_dict() for c in self.citations]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        """The inverse of `to_dict` (e.g. a chat turn restored from browser storage)."""
        values = known_fields(cls, data)
        values["citations"] = [Citation(**known_fields(Citation, c)) for c in values.get("citations", [])]
        return cls(**values)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation, passed as `Assistant.ask(..., history=[Turn, ...])`.

    The answer is optional: a follow-up can be resolved from the questions alone,
    but the cited clauses (document, section) of the previous answer say best what
    "he", "it" or "what else" refer to.
    """

    question: str
    answer: Answer | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.answer.to_dict() if self.answer else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        answer = data.get("answer")
        return cls(str(data.get("question", "")), Answer.from_dict(answer) if answer else None)
