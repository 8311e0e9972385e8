"""A toy document for answering unit tests: one text, its chunks at their offsets, an AnswerContext over them."""

from __future__ import annotations

from typing import Any

from assistant.answering.context import AnswerContext
from assistant.schema import Chunk, Document, DocumentInfo, RetrievedChunk


def toy_chunks(doc_id: str, parts: list[tuple[str, str]], lang: str = "en") -> tuple[str, list[Chunk]]:
    """The document text (`parts` joined by newlines) and one chunk per (kind, text) part, at its offsets."""
    chunks: list[Chunk] = []
    start = 0
    for n, (kind, body) in enumerate(parts, start=1):
        section = "header" if kind in ("header", "title", "dateline") else "body"
        chunks.append(Chunk(f"{doc_id}/{kind}/{n}", doc_id, body, lang, kind, section, start, start + len(body)))  # type: ignore[arg-type]
        start += len(body) + 1
    return "\n".join(body for _, body in parts), chunks


def toy_context(
    docs: dict[str, tuple[str, list[tuple[str, str]]]], hits: list[str] = (), known: set[str] | None = None, **kw: Any
) -> AnswerContext:
    """An AnswerContext over `docs` (doc_id -> (kind, parts)); `hits` are chunk ids retrieved, best first.

    A document's title is its first title or header part (else its id).
    `known` are the index tokens the toy idf knows (every token when None).
    """
    documents: dict[str, Document] = {}
    chunks: list[Chunk] = []
    for doc_id, (kind, parts) in docs.items():
        text, mine = toy_chunks(doc_id, parts)
        title = next((body for part, body in parts if part in ("title", "header")), doc_id)
        documents[doc_id] = Document(DocumentInfo(doc_id, f"{doc_id}.txt", "en", kind, title_en=title), text)  # type: ignore[arg-type]
        chunks += mine
    by_id = {c.id: c for c in chunks}
    retrieved = [RetrievedChunk(by_id[i], 1.0 - r / 10, dense_score=0.0, dense_rank=r + 1) for r, i in enumerate(hits)]
    return AnswerContext(
        hits=retrieved,
        documents=documents,
        idf=lambda t: 2.0 if known is None or t in known else None,
        min_support=0.3,
        chunks=chunks,
        **kw,
    )
