"""Caches of values derived from a loaded index that follow the index when its contents change.

Filter masks, per-row arrays, id -> row maps and document groupings cost a pass over every
chunk, so the layers above the index keep them. What they are derived from is one object of
the index: its `chunks` list (row i is `chunks[i]`) or its BM25 arrays. A rebuild loads a new
backend, and the backends' `add`/`delete_documents` replace these objects rather than edit them
(the `IndexBackend` contract). `PerIndex` holds the object its values were made from and compares
by identity, so a change in place starts it afresh; holding the object keeps it alive, so another
list cannot be mistaken for it after garbage collection.

Example:
    >>> rows: PerIndex[list[str], None, dict[str, int]] = PerIndex()
    >>> chunk_ids = ["a/1", "b/1"]
    >>> rows.get(chunk_ids, None, lambda ids: {c: i for i, c in enumerate(ids)})
    {'a/1': 0, 'b/1': 1}
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from assistant.memo import BoundedCache

S = TypeVar("S")  # what the values are derived from: an index's chunk list or its BM25
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class PerIndex(Generic[S, K, V]):
    """`make(source)` per key, made once while `source` is the index's current object; at most `limit` held.

    Safe to share between threads: a change of source replaces the whole cache, and a value made
    for an old source is stored only in that source's cache, which nobody reads again.
    """

    def __init__(self, limit: int = 64) -> None:
        if limit < 1:
            raise ValueError(f"a cache limit must be at least 1, got {limit}")
        self.limit = limit
        self._current: tuple[S, BoundedCache[K, V]] | None = None

    def __len__(self) -> int:
        current = self._current
        return 0 if current is None else len(current[1])

    def get(self, source: S, key: K, make: Callable[[S], V]) -> V:
        """The value for `key` derived from `source`: pass the object once and make from it (a snapshot), so an
        in-place change between reading the index and computing cannot mix two generations."""
        current = self._current
        if current is None or current[0] is not source:
            current = self._current = (source, BoundedCache(self.limit))
        return current[1].get(key, lambda: make(source))
