"""The bounded cache: each value made once, everything forgotten past the limit."""

from __future__ import annotations

from assistant.memo import BoundedCache


def test_a_value_is_made_once_per_key():
    calls: list[str] = []
    cache: BoundedCache[str, int] = BoundedCache()

    def make(word: str):
        return lambda: calls.append(word) or len(word)

    assert cache.get("life", make("life")) == 4
    assert cache.get("life", make("life")) == 4
    assert cache.get("cycle", make("cycle")) == 5
    assert calls == ["life", "cycle"]


def test_past_the_limit_everything_is_forgotten_and_made_again():
    calls: list[int] = []
    cache: BoundedCache[int, int] = BoundedCache(limit=2)
    for key in (1, 2, 3, 4, 1):
        cache.get(key, lambda key=key: calls.append(key) or key)
    # 1, 2, 3 fill it past the limit of 2; storing 4 empties it, so 1 is made again.
    assert calls == [1, 2, 3, 4, 1]
