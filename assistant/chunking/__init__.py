"""Structure-aware chunking: one parser per document kind, all yielding `Chunk`.

Example:
    >>> from assistant.corpus import load_corpus
    >>> from assistant.chunking import chunk_corpus
    >>> chunks = chunk_corpus(load_corpus("corpus"))          # doctest: +SKIP
    >>> chunks[0].id                                           # doctest: +SKIP
    'eur-44a25-1/header'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from assistant.chunking.article import parse_article
from assistant.chunking.base import ChunkingWarning, finish
from assistant.chunking.resolution import ParsedResolution, ResolutionHeader, parse_resolution
from assistant.safety import instruction_flags
from assistant.schema import Chunk, Document

# Bump when chunk ids, offsets or index text change: an index built by an
# older chunker is then reported stale.
CHUNKER_VERSION = "1"

__all__ = [
    "CHUNKER_VERSION",
    "ChunkingWarning",
    "ParsedResolution",
    "ResolutionHeader",
    "chunk_corpus",
    "chunk_document",
    "parse_resolution",
]


def chunk_document(doc: Document, max_tokens: int = 256) -> list[Chunk]:
    """The chunks of one document, split to at most `max_tokens` where a clause is longer."""
    if doc.info.kind == "resolution":
        chunks = parse_resolution(doc).chunks
    elif doc.info.kind == "article":
        chunks = parse_article(doc)
    else:  # the manifest loader rejects unknown kinds; this guards direct callers
        raise ValueError(f"{doc.info.path}: no parser for document kind {doc.info.kind!r}")
    return flag_instructions(finish(doc, chunks, max_tokens))


def flag_instructions(chunks: list[Chunk]) -> list[Chunk]:
    """Mark chunks that read as instructions to an AI (see `assistant.safety`).

    The parts of a clause split for length share the flags of any part: the
    sentence after "IGNORE ALL PREVIOUS INSTRUCTIONS" is what the planted
    instruction wants said, so it must not become an answer either.
    """
    found = {c.id: instruction_flags(c.text) for c in chunks}
    by_clause: dict[str, list[str]] = {}
    for c in chunks:
        names = by_clause.setdefault(c.id.split("#part")[0], [])
        names.extend(f for f in found[c.id] if f not in names)
    out = []
    for c in chunks:
        flags = ",".join(by_clause[c.id.split("#part")[0]])
        out.append(replace(c, flags=flags) if flags != c.flags else c)
    return out


def chunk_corpus(documents: Iterable[Document], max_tokens: int = 256) -> list[Chunk]:
    """The chunks of every document, in corpus order; chunk ids are unique."""
    out: list[Chunk] = []
    for doc in documents:
        out.extend(chunk_document(doc, max_tokens))
    ids = [c.id for c in out]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate chunk ids (are two documents sharing an id?): {dup[:5]}")
    return out
