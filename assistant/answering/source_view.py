"""Traditional documents answered from their simplified view, quoted in their own wording.

The answerer's readers (dates, places, numbers, addressees, coverage) compare a
clause's text with the question's simplified reading, so a document written in
traditional characters is answered from `simplified_view` of its chunks and
text. That view has the source's length, so a quote's offsets are the source's:
`restore_source` puts the source's own characters back into the answer's quotes
and citations, which the citation checker then finds verbatim.

Example:
    >>> ctx = simplified_context(ctx)                  # doctest: +SKIP
    >>> answer = restore_source(answer, ctx, documents)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from assistant.answering.context import AnswerContext
from assistant.schema import Answer, Chunk, Citation, Document
from assistant.script import has_traditional, simplified_view

__all__ = ["restore_source", "simplified_context"]

# What an answer quotes from its sources: clauses 「…」 and “…” (the LLM checker's), titles 《…》.
_QUOTED = re.compile(r"(?<=「)[^」]+(?=」)|(?<=“)[^”]+(?=”)|(?<=《)[^》]+(?=》)")


@lru_cache(maxsize=4096)
def _traditional(text: str) -> bool:
    return has_traditional(text)


def _viewed(doc: Document) -> bool:
    return doc.info.language == "zh" and _traditional(doc.text)


@lru_cache(maxsize=65536)
def _chunk_view(chunk: Chunk) -> Chunk:
    return replace(
        chunk,
        text=simplified_view(chunk.text),
        context=simplified_view(chunk.context),
        section=simplified_view(chunk.section),
    )


def simplified_context(ctx: AnswerContext) -> AnswerContext:
    """`ctx` with the documents written in traditional characters (and their chunks) in their simplified view;
    `ctx` itself when there are none, which costs one cached look per document."""
    viewed = {doc_id for doc_id, doc in ctx.documents.items() if _viewed(doc)}
    if not viewed:
        return ctx

    def view(chunk: Chunk) -> Chunk:
        return _chunk_view(chunk) if chunk.doc_id in viewed else chunk

    documents = {
        doc_id: replace(doc, text=simplified_view(doc.text)) if doc_id in viewed else doc
        for doc_id, doc in ctx.documents.items()
    }
    hits = [replace(h, chunk=view(h.chunk)) for h in ctx.hits]
    return replace(ctx, hits=hits, documents=documents, chunks=[view(c) for c in ctx.chunks])


def restore_source(answer: Answer, viewed: Mapping[str, Document], source: Mapping[str, Document]) -> Answer:
    """`answer` (made from the `viewed` documents) with its quotes and citations in the `source` documents'
    own characters, taken at the same offsets."""
    changed = {d for d, doc in viewed.items() if d in source and doc.text != source[d].text}
    if not changed:
        return answer
    citations = [_cite_source(c, source) if c.doc_id in changed else c for c in answer.citations]
    # A quote the view of a cited document holds: the source's characters at its place (the citation's own
    # span first, so a phrase written twice is put back where it was cited).
    spans = [(c.doc_id, c.start, c.end) for c in answer.citations if c.doc_id in changed]
    docs = list(dict.fromkeys(d for d, _, _ in spans)) or sorted(changed)

    def back(m: re.Match[str]) -> str:
        quote = m.group(0)
        for doc_id, start, end in spans:
            if viewed[doc_id].text[start:end] == quote:
                return source[doc_id].text[start:end]
        for doc_id in docs:
            at = viewed[doc_id].text.find(quote)
            if at >= 0:
                return source[doc_id].text[at : at + len(quote)]
        return quote

    return replace(answer, text=_QUOTED.sub(back, answer.text), citations=citations)


def _cite_source(c: Citation, source: Mapping[str, Document]) -> Citation:
    return replace(c, quote=source[c.doc_id].text[c.start : c.end])
