"""The chunks of given documents, in index order, without a pass over the whole index per question.

A question restricted to some documents (`ask(doc_ids=...)`) may reach beyond its
retrieved clauses only into those documents. Filtering every chunk per question
costs O(index size); this view groups the rows by document once per index
generation and keeps the recent selections.

A generation is one `chunks` list: a rebuild loads a new backend, and the backends'
`add`/`delete_documents` replace the list rather than edit it. The view holds the
list it was built from and compares by identity, so adding or removing documents
invalidates it, and a list that was garbage-collected cannot be mistaken for another.

Example:
    >>> from assistant.schema import Chunk
    >>> chunks = [Chunk(f"{d}/{i}", d, "x", "en", "clause", "operative", 0, 1) for i, d in enumerate("abab")]
    >>> [c.id for c in DocumentChunks().select(chunks, ["b"])]
    ['b/1', 'b/3']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.schema import Chunk

# Distinct document selections kept per generation; a caller cycling through more starts over.
MAX_SELECTIONS = 64


@dataclass
class _Generation:
    chunks: list[Chunk]
    rows: dict[str, list[int]]  # doc_id -> its rows, ascending
    selections: dict[frozenset[str], tuple[Chunk, ...]] = field(default_factory=dict)


class DocumentChunks:
    """`select(chunks, doc_ids)`: the chunks of those documents, as `[c for c in chunks if c.doc_id in doc_ids]`.

    Safe to share between threads: a generation is replaced whole, and a selection is immutable.
    """

    def __init__(self) -> None:
        self._generation: _Generation | None = None

    def select(self, chunks: list[Chunk], doc_ids: Sequence[str] | None) -> Sequence[Chunk]:
        """Every chunk when `doc_ids` is empty (the list itself); else those documents' chunks, in index order.

        An id that is no document of the index selects nothing (retrieval's filter behaves the same).
        """
        if not doc_ids:
            return chunks
        generation = self._generation
        if generation is None or generation.chunks is not chunks:
            generation = self._generation = _Generation(chunks, _rows_by_document(chunks))
        key = frozenset(doc_ids)
        found = generation.selections.get(key)
        if found is None:
            rows = sorted(r for doc_id in key for r in generation.rows.get(doc_id, ()))
            found = tuple(chunks[r] for r in rows)
            if len(generation.selections) >= MAX_SELECTIONS:
                generation.selections.clear()
            generation.selections[key] = found
        return found


def _rows_by_document(chunks: Sequence[Chunk]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for row, chunk in enumerate(chunks):
        rows.setdefault(chunk.doc_id, []).append(row)
    return rows
