"""A bounded in-memory cache for values computed from text (near-synonyms, glosses, compound parts).

Such values are asked for again and again (every clause of every answer), cost a dictionary walk
each, and never change for a given key; past `limit` entries the cache is emptied at once rather
than tracking recency, which is cheaper and enough for one corpus.

Example:
    >>> cache: BoundedCache[str, int] = BoundedCache(limit=2)
    >>> cache.get("life", lambda: 4), cache.get("life", lambda: 0)
    (4, 4)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()  # a cached value may be None


class BoundedCache(Generic[K, V]):
    """`make()`'s value per key, made once; all forgotten when more than `limit` are held."""

    def __init__(self, limit: int = 65536) -> None:
        self.limit = limit
        self._values: dict[K, V] = {}

    def get(self, key: K, make: Callable[[], V]) -> V:
        # One lookup, not `in` then `[]`: another thread may clear the cache between the two.
        value = self._values.get(key, _MISSING)
        if value is not _MISSING:
            return value  # type: ignore[return-value]
        value = make()
        if len(self._values) > self.limit:
            self._values.clear()
        self._values[key] = value
        return value
