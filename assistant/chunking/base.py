"""Shared pieces of the parsers: lines with offsets, length splits, fallbacks."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace

from assistant.schema import Chunk, Document
from assistant.tokens import count_tokens, split_by_tokens


class ChunkingWarning(UserWarning):
    """A document did not have the expected structure; it was chunked more coarsely."""


@dataclass(frozen=True)
class Line:
    """A non-blank source line, trimmed, with offsets into the document text."""

    text: str
    start: int
    end: int
    number: int  # 1-based line number, for messages


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of `text`, each trimmed of surrounding white space."""
    out = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append(Line(stripped, start, start + len(stripped), number))
        pos += len(raw) + 1
    return out


def span(text: str, start: int, end: int) -> tuple[int, int]:
    """`start:end` narrowed so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def finish(doc: Document, chunks: list[Chunk], max_tokens: int) -> list[Chunk]:
    """Count tokens, and split chunks longer than `max_tokens` at sentence ends.

    A part keeps its clause's id with a `#partN` suffix; parts never leave the
    clause they came from, so a citation still names one clause.
    """
    out: list[Chunk] = []
    for chunk in chunks:
        if doc.text[chunk.start : chunk.end] != chunk.text:  # pragma: no cover - a parser bug, not user input
            raise AssertionError(f"chunk {chunk.id} does not match its offsets")
        tokens = count_tokens(chunk.text)
        if tokens <= max_tokens:
            out.append(replace(chunk, tokens=tokens))
            continue
        pieces = [span(chunk.text, a, b) for a, b in split_by_tokens(chunk.text, max_tokens)]
        pieces = [(a, b) for a, b in pieces if b > a]
        for n, (a, b) in enumerate(pieces, start=1):
            text = chunk.text[a:b]
            out.append(
                replace(
                    chunk,
                    id=f"{chunk.id}#part{n}",
                    text=text,
                    start=chunk.start + a,
                    end=chunk.start + b,
                    part=n,
                    tokens=count_tokens(text),
                )
            )
    return out


def paragraph_chunks(doc: Document, reason: str, id_part: str = "para") -> list[Chunk]:
    """Every non-blank line as a plain paragraph chunk, with a `ChunkingWarning`."""
    warnings.warn(f"{doc.info.path}: {reason}; chunked by paragraphs instead", ChunkingWarning, stacklevel=3)
    return [
        Chunk(
            id=f"{doc.id}/{id_part}/{n}",
            doc_id=doc.id,
            text=line.text,
            lang=doc.info.language,
            kind="paragraph",
            section_kind="unknown",
            start=line.start,
            end=line.end,
            label=f"¶{n}",
            path=(id_part, str(n)),
        )
        for n, line in enumerate(lines_of(doc.text), start=1)
    ]


def unique_key(key: str, taken: set[str]) -> str:
    """`key`, or `key-2`, `key-3` … when a document repeats a heading."""
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    taken.add(candidate)
    return candidate


def id_part(label: str) -> str:
    """A clause label as an id part: 'a)' -> 'a', '7.' -> '7'."""
    return re.sub(r"[^\w]+", "", label) or "p"
