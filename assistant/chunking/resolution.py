"""Parser for UN/ITU resolutions, Chinese and English.

A resolution is a header (document number, resolution number, title,
conference) followed by sections. A section opens with a heading line from
`glossary.SECTIONS` (忆及 / recalling, 责成秘书长 / instructs the
Secretary-General …) and holds clauses labelled `a)` or `1`, which may hold
sub-items opened by `–`. Each clause and sub-item becomes one chunk.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

from assistant.chunking.base import ChunkingWarning, Line, id_part, lines_of, paragraph_chunks, unique_key
from assistant.glossary import Section, generic_operative, match_section
from assistant.schema import Chunk, Document, Language

# A clause label at the start of a line: "a)", "a）", "1", "1.", "1)"; the
# number must be followed by a separator so "2017年…" is not clause 2017.
_LETTER = re.compile(r"^([a-z]{1,2}|[ivx]{1,4})[\)）]\s*")
_NUMBER = re.compile(r"^(\d{1,2})(?:[\.\)）]\s*|\s+)(?=\S)")
_SUBITEM = re.compile(r"^([–—\-•·])\s*")
_HEADING_MAX = {"zh": 40, "en": 110}
_DOC_NUMBER = re.compile(r"\b([A-Z]{2,6}/[0-9A-Z]+(?:/[0-9A-Z]+)+)\b")
_RES_NUMBER = {
    "zh": re.compile(r"第\s*(\S+?)\s*号"),
    "en": re.compile(r"resolution\s+(\S+)", re.IGNORECASE),
}
_CONFERENCE = {
    "zh": re.compile(r"^(?P<name>.*?大会)\s*[（(](?P<year>\d{4})年[，,]\s*(?P<place>[^）)]+)[）)]"),
    "en": re.compile(r"^(?:The\s+)?(?P<name>.*?Conference.*?)\s*\((?P<place>[^,()]+),\s*(?P<year>\d{4})\)"),
}


@dataclass(frozen=True)
class ResolutionHeader:
    """What the lines above the first section say about the resolution."""

    doc_number: str
    resolution_number: str
    title: str
    conference: str
    place: str
    year: str


@dataclass(frozen=True)
class ParsedResolution:
    header: ResolutionHeader | None  # None when the text has no section headings (read as paragraphs)
    chunks: list[Chunk]


def heading_of(line: Line, lang: Language) -> Section | None:
    """The section a line opens, or None when it is ordinary text."""
    if _LETTER.match(line.text) or _NUMBER.match(line.text) or _SUBITEM.match(line.text):
        return None
    found = match_section(line.text)
    if found:
        return found[0]
    if len(line.text) > _HEADING_MAX[lang] or line.text.rstrip()[-1:] in "。；;.":
        return None
    return generic_operative(line.text, lang)


def parse_header(lines: list[Line], lang: Language) -> ResolutionHeader:
    """Document number, resolution number, title, conference, place and year."""
    doc_number = res_number = conference = place = year = ""
    title_lines: list[str] = []
    for line in lines:
        if not doc_number and (m := _DOC_NUMBER.search(line.text)):
            doc_number = m.group(1)
            continue
        if not res_number and (m := _RES_NUMBER[lang].search(line.text)):
            res_number = m.group(1)
            continue
        if m := _CONFERENCE[lang].search(line.text):
            conference, place, year = m.group("name").strip(), m.group("place").strip(), m.group("year")
            continue
        title_lines.append(line.text)
    joiner = "" if lang == "zh" else " "
    return ResolutionHeader(doc_number, res_number, joiner.join(title_lines).strip(), conference, place, year)


def parse_resolution(doc: Document) -> ParsedResolution:
    """Header and chunks of a resolution; falls back to paragraphs (with a warning) if it has no sections."""
    lang = doc.info.language
    lines = lines_of(doc.text)
    first = next((i for i, line in enumerate(lines) if heading_of(line, lang)), None)
    if first is None:
        return ParsedResolution(None, paragraph_chunks(doc, "no resolution section headings found"))
    header_lines = lines[:first]
    header = parse_header(header_lines, lang)
    chunks: list[Chunk] = []
    if header_lines:
        chunks.append(_header_chunk(doc, header_lines, header))
    chunks.extend(_section_chunks(doc, lines[first:], lang))
    return ParsedResolution(header, chunks)


def _header_chunk(doc: Document, lines: list[Line], header: ResolutionHeader) -> Chunk:
    start, end = lines[0].start, lines[-1].end
    facts = [header.doc_number, header.resolution_number, header.conference, header.place, header.year]
    return Chunk(
        id=f"{doc.id}/header",
        doc_id=doc.id,
        text=doc.text[start:end],
        lang=doc.info.language,
        kind="header",
        section_kind="header",
        start=start,
        end=end,
        section="标题" if doc.info.language == "zh" else "heading",
        section_en="heading",
        section_zh="标题",
        path=("header",),
        context=" ".join(f for f in [doc.info.title_en, doc.info.title_zh, *facts] if f),
    )


_BARE_LABEL = re.compile(r"([a-z]{1,2}|[ivx]{1,4})[\)）]|\d{1,2}[\.\)）]?|[–—\-•·]")


def _join_bare_labels(doc: Document, lines: list[Line], lang: Language) -> list[Line]:
    """Lines with a label alone ("a)", "1", "–") merged with the line that follows, so no clause is empty.

    Some files put the label and its text on separate lines; the merged line
    spans both, and the clause text still starts after the label. A label
    with no text after it (end of file, or a heading next) is dropped with a
    warning: there is nothing to cite.
    """
    out: list[Line] = []
    bare: Line | None = None
    for line in lines:
        if bare is not None:
            if heading_of(line, lang) is None and not _BARE_LABEL.fullmatch(line.text):
                out.append(Line(doc.text[bare.start : line.end], bare.start, line.end, bare.number))
                bare = None
                continue
            _warn_bare(doc, bare)
            bare = None
        if _BARE_LABEL.fullmatch(line.text):
            bare = line
            continue
        out.append(line)
    if bare is not None:
        _warn_bare(doc, bare)
    return out


def _warn_bare(doc: Document, line: Line) -> None:
    warnings.warn(
        f"{doc.info.path}:{line.number}: label {line.text!r} has no text; skipped", ChunkingWarning, stacklevel=4
    )


@dataclass
class _Open:
    """Where `_section_chunks` is: the section and its numbering so far."""

    section: Section
    heading: str
    key: str
    fields: dict[str, Any]  # what every chunk of the section shares (`_section_fields`)
    clause: Chunk | None = None  # the open lettered/numbered clause, parent of "–" items
    unlabeled: int = 0
    subitems: int = 0
    last_number: int = 0


def _section_chunks(doc: Document, lines: list[Line], lang: Language) -> list[Chunk]:
    chunks: list[Chunk] = []
    taken: set[str] = set()
    state: _Open | None = None
    for line in _join_bare_labels(doc, lines, lang):
        if found := heading_of(line, lang):
            heading = line.text.rstrip(",，:：")
            state = _Open(found, heading, unique_key(found.key, taken), _section_fields(doc, found, heading))
            continue
        assert state is not None  # lines start at a heading
        if m := _SUBITEM.match(line.text):
            chunks.append(_subitem(doc, line, m.end(), state, lang))
        else:
            state.clause = _clause(doc, line, state, lang, chunks)
            state.subitems = 0
            chunks.append(state.clause)
    return chunks


def _section_fields(doc: Document, section: Section, heading: str) -> dict[str, Any]:
    """The chunk fields that come from the document and the section heading, set once per section."""
    return {
        "doc_id": doc.id,
        "lang": doc.info.language,
        "section_kind": section.kind,
        "section": heading,
        "section_en": section.en,
        "section_zh": section.zh,
        "addressee_en": section.addressee_en,
        "addressee_zh": section.addressee_zh,
    }


def _names(state: _Open, lang: Language) -> str:
    """The section heading as printed, then in the other language: the context of its chunks."""
    return f"{state.heading} / {state.section.en if lang == 'zh' else state.section.zh}"


def _subitem(doc: Document, line: Line, offset: int, state: _Open, lang: Language) -> Chunk:
    """A "–" item: a chunk under the open clause (or, outside one, under "p" with a warning)."""
    clause = state.clause
    if clause is None:
        warnings.warn(
            f"{doc.info.path}:{line.number}: sub-item outside a clause; kept as its own clause",
            ChunkingWarning,
            stacklevel=3,
        )
    state.subitems += 1
    parent = clause.id.rsplit("/", 1)[1] if clause else "p"
    start = line.start + offset
    return Chunk(
        id=f"{doc.id}/{state.section.kind}/{state.key}/{parent}/{state.subitems}",
        text=doc.text[start : line.end],
        kind="subclause",
        start=start,
        end=line.end,
        label="–",
        path=(state.key, parent, str(state.subitems)),
        context=f"{_names(state, lang)}\n{clause.text if clause else ''}",
        **state.fields,
    )


def _clause(doc: Document, line: Line, state: _Open, lang: Language, chunks: list[Chunk]) -> Chunk:
    """A lettered, numbered or unlabelled clause; warns about numbering gaps and repeated labels."""
    m = _LETTER.match(line.text) or _NUMBER.match(line.text)
    if m:
        label = m.group(1)
        printed = label + (")" if _LETTER.match(line.text) else "")
        if _NUMBER.match(line.text):
            if int(label) != state.last_number + 1:
                warnings.warn(
                    f"{doc.info.path}:{line.number}: clause {label} follows clause {state.last_number or 'none'}",
                    ChunkingWarning,
                    stacklevel=3,
                )
            state.last_number = int(label)
        part = id_part(label)
    else:
        state.unlabeled += 1
        printed, part = "", f"p{state.unlabeled}"
    start = line.start + (m.end() if m else 0)
    prefix = f"{doc.id}/{state.section.kind}/{state.key}"
    cid = f"{prefix}/{part}"
    if any(c.id == cid for c in chunks):
        warnings.warn(f"{doc.info.path}:{line.number}: clause {printed} repeats", ChunkingWarning, stacklevel=3)
        state.unlabeled += 1
        cid = f"{prefix}/{part}-{state.unlabeled}"
    return Chunk(
        id=cid,
        text=doc.text[start : line.end],
        kind="clause",
        start=start,
        end=line.end,
        label=printed,
        path=(state.key, part if m else ""),
        context=_names(state, lang),
        **state.fields,
    )
