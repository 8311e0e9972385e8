"""The chunks of given documents, in index order, without a pass over the whole index per question.

A question restricted to some documents (`ask(doc_ids=...)`) may reach beyond its
retrieved clauses only into those documents. Filtering every chunk per question
costs O(index size); this view groups the rows by document once per index
generation and keeps the recent selections.

Both are kept per `chunks` list (`PerIndex`, index/generation.py): a rebuild loads a new
backend, and the backends' `add`/`delete_documents` replace the list rather than edit it, so
adding or removing documents is seen by the next selection.

Example:
    >>> from assistant.schema import Chunk
    >>> chunks = [Chunk(f"{d}/{i}", d, "x", "en", "clause", "operative", 0, 1) for i, d in enumerate("abab")]
    >>> [c.id for c in DocumentChunks().select(chunks, ["b"])]
    ['b/1', 'b/3']
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.index.generation import PerIndex
from assistant.schema import Chunk

# Distinct document selections kept per generation; a caller cycling through more starts over.
MAX_SELECTIONS = 64


class DocumentChunks:
    """`select(chunks, doc_ids)`: the chunks of those documents, as `[c for c in chunks if c.doc_id in doc_ids]`.

    Safe to share between threads: a generation is replaced whole, and a selection is immutable.
    """

    def __init__(self) -> None:
        self._rows: PerIndex[list[Chunk], None, dict[str, list[int]]] = PerIndex()
        self._selections: PerIndex[list[Chunk], frozenset[str], tuple[Chunk, ...]] = PerIndex(MAX_SELECTIONS)

    def select(self, chunks: list[Chunk], doc_ids: Sequence[str] | None) -> Sequence[Chunk]:
        """Every chunk when `doc_ids` is empty (the list itself); else those documents' chunks, in index order.

        An id that is no document of the index selects nothing (retrieval's filter behaves the same).
        """
        if not doc_ids:
            return chunks
        key = frozenset(doc_ids)
        return self._selections.get(chunks, key, lambda listed: self._select(listed, key))

    def document_ids(self, chunks: list[Chunk]) -> frozenset[str]:
        """The ids of the documents the index has chunks of (grouped once per generation, as `select`)."""
        return frozenset(self._rows.get(chunks, None, _rows_by_document))

    def _select(self, chunks: list[Chunk], doc_ids: frozenset[str]) -> tuple[Chunk, ...]:
        by_document = self._rows.get(chunks, None, _rows_by_document)
        return tuple(chunks[r] for r in sorted(r for doc_id in doc_ids for r in by_document.get(doc_id, ())))


def _rows_by_document(chunks: Sequence[Chunk]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for row, chunk in enumerate(chunks):
        rows.setdefault(chunk.doc_id, []).append(row)
    return rows
