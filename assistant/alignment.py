"""Parallel language versions: link the clauses of two documents that are the same text.

Two documents are language versions of each other when they carry the same
document number in different languages, or when one was added with
`--same-as` the other. Their clauses are aligned by structure, not by
meaning: a chunk id after the document id is the clause's place in the text
(`operative/secretary-general/7`), and the chunker gives a section the same
key in Chinese and English (责成秘书长 and "instructs the Secretary-General"
are both `secretary-general`). When both versions have the same sequence of
sections but a section's key differs (a heading outside the glossary), the
sections are paired by position.

The links are stored in `<corpus>/links.json` and read back by
`ParallelIndex`, which answers "what is this clause in the other language?".

Example:
    >>> from assistant.alignment import ParallelIndex
    >>> index = ParallelIndex.load("corpus")                               # doctest: +SKIP
    >>> index.parallel_chunk("eur-44a25-1/operative/secretary-general/7")  # doctest: +SKIP
    'eur-44a25-1-en/operative/secretary-general/7'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.chunking import CHUNKER_VERSION, chunk_document
from assistant.corpus import load_corpus
from assistant.schema import Chunk, Document, DocumentInfo

LINKS_NAME = "links.json"
LINKS_VERSION = 1
# Chunks whose place in the text is the same in every language version. Article
# paragraphs are left out: translations split and merge paragraphs freely.
ALIGNABLE_KINDS = frozenset({"header", "title", "dateline", "clause", "subclause"})
_PART = re.compile(r"#part\d+$")


@dataclass(frozen=True)
class ClauseLink:
    """`a_id` (in the first document) and `b_id` (in the second) are the same clause; `key` is its place."""

    a_id: str
    b_id: str
    key: str  # e.g. "operative/secretary-general/7"

    def to_dict(self) -> dict[str, str]:
        return {"a": self.a_id, "b": self.b_id, "key": self.key}


@dataclass(frozen=True)
class Pair:
    """Two documents that are language versions of each other; `a` comes first in the manifest."""

    a: str
    b: str
    by: str  # "doc_number" or "same_as"


@dataclass(frozen=True)
class PairLinks:
    """The aligned clauses of one pair, and the clause keys only one side has."""

    pair: Pair
    links: tuple[ClauseLink, ...]
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()
    fingerprint: str = ""  # of both texts and the chunker; unchanged pairs are not re-aligned

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.pair.a,
            "b": self.pair.b,
            "by": self.pair.by,
            "fingerprint": self.fingerprint,
            "links": [link.to_dict() for link in self.links],
            "only_a": list(self.only_a),
            "only_b": list(self.only_b),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairLinks:
        return cls(
            pair=Pair(data["a"], data["b"], data.get("by", "")),
            links=tuple(ClauseLink(d["a"], d["b"], d.get("key", "")) for d in data.get("links", ())),
            only_a=tuple(data.get("only_a", ())),
            only_b=tuple(data.get("only_b", ())),
            fingerprint=data.get("fingerprint", ""),
        )

    def summary(self) -> str:
        """One line for the CLI, e.g. `eur-44a25-1 ↔ eur-44a25-1-en: 21 clauses linked (by doc_number); …`."""
        line = f"{self.pair.a} ↔ {self.pair.b}: {len(self.links)} clauses linked (by {self.pair.by})"
        gaps = []
        if self.only_a:
            gaps.append(f"{len(self.only_a)} only in {self.pair.a}")
        if self.only_b:
            gaps.append(f"{len(self.only_b)} only in {self.pair.b}")
        return line + (f"; {', '.join(gaps)}" if gaps else "")


def clause_key(chunk: Chunk) -> str:
    """A chunk's place in its document: its id without the document id and any `#partN`.

    Example:
        >>> from assistant.schema import Chunk
        >>> cid = "eur-44a25-1/operative/secretary-general/7#part2"
        >>> clause_key(Chunk(cid, "eur-44a25-1", "…", "zh", "clause", "operative", 0, 1))
        'operative/secretary-general/7'
    """
    return _PART.sub("", chunk.id[len(chunk.doc_id) + 1 :])


def align(doc_a_chunks: Sequence[Chunk], doc_b_chunks: Sequence[Chunk]) -> list[ClauseLink]:
    """Links between the clauses of two language versions with the same place in their text.

    A clause split into parts for length is linked part to part while both
    have parts, the remaining parts to the other side's last part.

    Example:
        >>> links = align(zh_chunks, en_chunks)                  # doctest: +SKIP
        >>> links[0]                                              # doctest: +SKIP
        ClauseLink(a_id='eur-44a25-1/header', b_id='eur-44a25-1-en/header', key='header')
    """
    return _align(doc_a_chunks, doc_b_chunks)[0]


def _align(a_chunks: Sequence[Chunk], b_chunks: Sequence[Chunk]) -> tuple[list[ClauseLink], list[str], list[str]]:
    a_groups = _groups(a_chunks)
    b_groups = _groups(b_chunks)
    rename = _positional_sections(list(a_groups), list(b_groups))
    b_by_key = {rename.get(key, key): chunks for key, chunks in b_groups.items()}
    links: list[ClauseLink] = []
    for key, a_list in a_groups.items():
        b_list = b_by_key.get(key)
        if not b_list:
            continue
        for i in range(max(len(a_list), len(b_list))):
            a, b = a_list[min(i, len(a_list) - 1)], b_list[min(i, len(b_list) - 1)]
            links.append(ClauseLink(a.id, b.id, key))
    only_a = [k for k in a_groups if k not in b_by_key]
    only_b = [k for k, key in ((k, rename.get(k, k)) for k in b_groups) if key not in a_groups]
    return links, only_a, only_b


def _groups(chunks: Iterable[Chunk]) -> dict[str, list[Chunk]]:
    groups: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.kind in ALIGNABLE_KINDS:
            groups.setdefault(clause_key(chunk), []).append(chunk)
    return groups


def _section_of(key: str) -> str:
    """'operative/secretary-general/7' -> 'operative/secretary-general'; 'header' -> ''."""
    parts = key.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else ""


def _positional_sections(a_keys: list[str], b_keys: list[str]) -> dict[str, str]:
    """b clause key -> a clause key for sections whose keys differ but stand at the same place.

    Only when both documents have the same number of sections, of the same
    kinds (preamble/operative) in the same order: then the n-th section of one
    is the n-th of the other, whatever its heading was keyed as.
    """
    a_sections = list(dict.fromkeys(s for s in map(_section_of, a_keys) if s))
    b_sections = list(dict.fromkeys(s for s in map(_section_of, b_keys) if s))
    if len(a_sections) != len(b_sections) or a_sections == b_sections:
        return {}
    if any(x.split("/")[0] != y.split("/")[0] for x, y in zip(a_sections, b_sections, strict=True)):
        return {}
    mapping = dict(zip(b_sections, a_sections, strict=True))
    rename = {}
    for key in b_keys:
        section = _section_of(key)
        if section and mapping[section] != section:
            rename[key] = mapping[section] + key[len(section) :]
    return rename


def find_pairs(infos: Sequence[DocumentInfo]) -> list[Pair]:
    """Pairs of language versions: the same document number in two languages, or a `same_as` mark.

    Example:
        >>> from assistant.schema import DocumentInfo as D
        >>> find_pairs([D("a", "a.txt", "zh", "resolution", doc_number="EUR/1/2"),
        ...             D("b", "b.txt", "en", "resolution", doc_number="eur/1/2"),
        ...             D("c", "c.txt", "en", "article", same_as="a")])
        [Pair(a='a', b='b', by='doc_number'), Pair(a='a', b='c', by='same_as')]
    """
    order = {info.id: i for i, info in enumerate(infos)}
    by_id = {info.id: info for info in infos}
    found: dict[tuple[str, str], str] = {}
    for info in infos:
        if info.same_as in by_id and info.same_as != info.id and by_id[info.same_as].language != info.language:
            a, b = sorted((info.id, info.same_as), key=order.__getitem__)
            found.setdefault((a, b), "same_as")
    by_number: dict[str, list[DocumentInfo]] = {}
    for info in infos:
        if info.doc_number:
            by_number.setdefault(re.sub(r"\s+", "", info.doc_number).upper(), []).append(info)
    for group in by_number.values():
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                if x.language != y.language:
                    found.setdefault((x.id, y.id), "doc_number")
    return [Pair(a, b, by) for (a, b), by in sorted(found.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))]


def _fingerprint(a: Document, b: Document, max_tokens: int) -> str:
    h = hashlib.sha256(f"{CHUNKER_VERSION}\0{max_tokens}\0{a.id}\0{b.id}\0".encode())
    h.update(a.text.encode("utf-8"))
    h.update(b"\0")
    h.update(b.text.encode("utf-8"))
    return h.hexdigest()[:32]


def update_links(
    corpus_dir: Path | str, max_tokens: int = 256, documents: Sequence[Document] | None = None
) -> list[PairLinks]:
    """Align every pair of language versions in the corpus and write `links.json`; returns the pairs.

    A pair whose two texts are unchanged since the last run keeps its links
    without being re-chunked, so adding one document to a large corpus only
    aligns that document. `max_tokens` must be the index's chunk size so the
    linked ids (`#partN`) are the indexed ones. The file is removed when the
    corpus has no pairs.
    """
    corpus_dir = Path(corpus_dir)
    docs = list(documents) if documents is not None else load_corpus(corpus_dir)
    by_id = {d.id: d for d in docs}
    previous = {(p.pair.a, p.pair.b): p for p in ParallelIndex.load(corpus_dir).pairs}
    out: list[PairLinks] = []
    chunk_cache: dict[str, list[Chunk]] = {}

    def chunks_of(doc: Document) -> list[Chunk]:
        if doc.id not in chunk_cache:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the index build reports chunking problems
                chunk_cache[doc.id] = chunk_document(doc, max_tokens)
        return chunk_cache[doc.id]

    for pair in find_pairs([d.info for d in docs]):
        a, b = by_id[pair.a], by_id[pair.b]
        fingerprint = _fingerprint(a, b, max_tokens)
        old = previous.get((pair.a, pair.b))
        if old and old.fingerprint == fingerprint:
            out.append(PairLinks(pair, old.links, old.only_a, old.only_b, fingerprint))
            continue
        links, only_a, only_b = _align(chunks_of(a), chunks_of(b))
        out.append(PairLinks(pair, tuple(links), tuple(only_a), tuple(only_b), fingerprint))
    path = corpus_dir / LINKS_NAME
    if out:
        data = {"version": LINKS_VERSION, "pairs": [p.to_dict() for p in out]}
        tmp = corpus_dir / f".{LINKS_NAME}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)  # readers see the old links or the new ones, never half
    elif path.exists():
        path.unlink()
    return out


@dataclass
class ParallelIndex:
    """Clause-to-clause links between language versions, looked up by chunk id.

    Example:
        >>> idx = ParallelIndex([PairLinks(Pair("zh", "en", "doc_number"), (ClauseLink("zh/x/1", "en/x/1", "x/1"),))])
        >>> idx.parallel_chunk("zh/x/1"), idx.parallel_chunk("en/x/1"), idx.parallel_chunk("zh/x/2")
        ('en/x/1', 'zh/x/1', None)
        >>> idx.parallel_documents("en")
        ['zh']
    """

    pairs: list[PairLinks] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._other: dict[str, str] = {}
        self._docs: dict[str, list[str]] = {}
        for p in self.pairs:
            self._docs.setdefault(p.pair.a, []).append(p.pair.b)
            self._docs.setdefault(p.pair.b, []).append(p.pair.a)
            for link in p.links:
                # First link wins: a clause split in parts maps to the other side's first part.
                self._other.setdefault(link.a_id, link.b_id)
                self._other.setdefault(link.b_id, link.a_id)

    @classmethod
    def load(cls, corpus_dir: Path | str) -> ParallelIndex:
        """The links in `<corpus_dir>/links.json`; an empty index when there is none or it is unreadable."""
        path = Path(corpus_dir) / LINKS_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls([PairLinks.from_dict(p) for p in data.get("pairs", [])])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Links only enrich citations; a missing or damaged file must not stop answering.
            return cls([])

    @classmethod
    def from_links(cls, links: Sequence[ClauseLink]) -> ParallelIndex:
        """An index over links made by `align` directly, without a links file."""
        pairs: dict[tuple[str, str], list[ClauseLink]] = {}
        for link in links:
            # Document ids never contain "/": the first id part is the document.
            pairs.setdefault((link.a_id.split("/", 1)[0], link.b_id.split("/", 1)[0]), []).append(link)
        return cls([PairLinks(Pair(a, b, "align"), tuple(group)) for (a, b), group in pairs.items()])

    def parallel_chunk(self, chunk_id: str) -> str | None:
        """The id of the same clause in the other language version, or None."""
        return self._other.get(chunk_id)

    def parallel_of(self, chunk_id: str, chunks: Mapping[str, Chunk]) -> Chunk | None:
        """The other language's chunk itself, looked up in `chunks` (e.g. the loaded index by id).

        None when there is no link, or when the linked chunk is not in `chunks`
        (links written before the last re-index may name chunks that are gone).

        Example:
            >>> by_id = {c.id: c for c in assistant.store.chunks}          # doctest: +SKIP
            >>> other = index.parallel_of(citation.chunk_id, by_id)          # doctest: +SKIP
            >>> other.text, other.lang, other.display_label()                # doctest: +SKIP
            ('to report every year to the Council …', 'en', 'instructs the Secretary-General (责成秘书长) · 7')
        """
        other = self.parallel_chunk(chunk_id)
        return chunks.get(other) if other else None

    def parallel_documents(self, doc_id: str) -> list[str]:
        """Ids of the other language versions of `doc_id`."""
        return list(self._docs.get(doc_id, []))

    def links(self, doc_id: str | None = None) -> list[ClauseLink]:
        """Every link, or those of the pairs `doc_id` is in."""
        return [link for p in self.pairs if doc_id is None or doc_id in (p.pair.a, p.pair.b) for link in p.links]

    def __len__(self) -> int:
        return sum(len(p.links) for p in self.pairs)
