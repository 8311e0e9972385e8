"""The bounded cache: each value made once, everything forgotten past the limit."""

from __future__ import annotations

import pytest

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
    # 1, 2 fill it to the limit of 2; storing 3 empties it, 4 joins 3, and storing 1 again empties it.
    assert calls == [1, 2, 3, 4, 1]


def test_a_cache_cleared_between_two_looks_at_a_key_still_answers():
    # Another thread may empty the cache while `get` runs: a key that empties it when hashed a second
    # time stands in for that thread, deterministically.
    cache: BoundedCache[object, int] = BoundedCache()

    class Racing:
        hashed = 0

        def __hash__(self) -> int:
            Racing.hashed += 1
            if Racing.hashed == 2:
                cache._values.clear()  # what the other thread does
            return 1

    key = Racing()
    cache.get(key, lambda: 7)
    Racing.hashed = 0  # the second look at the key in this `get` finds the cache emptied
    assert cache.get(key, lambda: 8) == 7


def test_many_values_are_made_in_one_call_for_the_keys_not_held():
    batches: list[list[str]] = []
    cache: BoundedCache[str, int] = BoundedCache()

    def make_many(keys):
        batches.append(list(keys))
        return [len(k) for k in keys]

    assert cache.get_many(["life", "cycle", "life"], make_many) == [4, 5, 4]
    assert cache.get_many(["cycle", "span"], make_many) == [5, 4]
    assert batches == [["life", "cycle"], ["span"]]


def test_a_batch_maker_that_returns_too_few_values_is_refused():
    cache: BoundedCache[str, int] = BoundedCache()
    with pytest.raises(ValueError, match="returned 1 values for 2 keys"):
        cache.get_many(["a", "b"], lambda keys: [1])


def test_get_and_get_many_hold_at_most_limit_values():
    one: BoundedCache[str, int] = BoundedCache(limit=3)
    many: BoundedCache[str, int] = BoundedCache(limit=3)
    for key in "abcd":
        one.get(key, lambda: 0)
        many.get_many([key], lambda keys: [0] * len(keys))
        assert len(one) == len(many) <= 3
    # Storing the fourth empties both by the same rule.
    assert len(one) == len(many) == 1


def test_a_batch_larger_than_the_limit_is_answered_but_stores_at_most_limit():
    cache: BoundedCache[str, int] = BoundedCache(limit=2)
    assert cache.get_many(list("abcde"), lambda keys: [ord(k) for k in keys]) == [97, 98, 99, 100, 101]
    assert len(cache) <= 2


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1, got 0"):
        BoundedCache(limit=0)
