"""A bounded in-memory cache for values computed from text (near-synonyms, glosses, compound parts).

Such values are asked for again and again (every clause of every answer), cost a dictionary walk
each, and never change for a given key; when storing would take it past `limit` entries the cache
is emptied at once rather than tracking recency, which is cheaper and enough for one corpus.

Example:
    >>> cache: BoundedCache[str, int] = BoundedCache(limit=2)
    >>> cache.get("life", lambda: 4), cache.get("life", lambda: 0)
    (4, 4)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()  # a cached value may be None


class BoundedCache(Generic[K, V]):
    """`make()`'s value per key, made once; never more than `limit` held (all forgotten when full)."""

    def __init__(self, limit: int = 65536) -> None:
        if limit < 1:
            raise ValueError(f"a cache limit must be at least 1, got {limit}")
        self.limit = limit
        self._values: dict[K, V] = {}

    def __len__(self) -> int:
        return len(self._values)

    def _store(self, new: dict[K, V]) -> None:
        """One rule for `get` and `get_many`: empty the cache when `new` would not fit, and of a batch
        larger than the limit keep only the first `limit` (the rest are answered but not held)."""
        if len(self._values) + len(new) > self.limit:
            self._values.clear()
        if len(new) > self.limit:
            new = dict(list(new.items())[: self.limit])
        self._values.update(new)

    def get(self, key: K, make: Callable[[], V]) -> V:
        # One lookup, not `in` then `[]`: another thread may clear the cache between the two.
        value = self._values.get(key, _MISSING)
        if value is not _MISSING:
            return value  # type: ignore[return-value]
        value = make()
        self._store({key: value})
        return value

    def get_many(self, keys: Sequence[K], make_many: Callable[[Sequence[K]], Sequence[V]]) -> list[V]:
        """The values of `keys`, those not held made by one `make_many` call (a batch is cheaper than
        one call per key, e.g. for an embedding model); `make_many` returns one value per key given."""
        values = [self._values.get(k, _MISSING) for k in keys]
        todo = list(dict.fromkeys(k for k, v in zip(keys, values, strict=True) if v is _MISSING))
        if todo:
            made = list(make_many(todo))
            if len(made) != len(todo):
                raise ValueError(f"make_many returned {len(made)} values for {len(todo)} keys")
            new = dict(zip(todo, made, strict=True))
            self._store(new)
            values = [new[k] if v is _MISSING else v for k, v in zip(keys, values, strict=True)]
        return values  # type: ignore[return-value]
