"""`PerIndex`: values derived from an index's contents, kept while those contents are current."""

from __future__ import annotations

import pytest

from assistant.index.generation import PerIndex


def test_a_value_is_made_once_per_key_while_its_source_is_current() -> None:
    made: list[tuple[int, str]] = []
    cache: PerIndex[list[int], str, int] = PerIndex()
    rows = [1, 2, 3]

    def total(key: str):
        def make(source: list[int]) -> int:
            made.append((len(source), key))
            return sum(source) if key == "sum" else len(source)

        return make

    assert cache.get(rows, "sum", total("sum")) == 6
    assert cache.get(rows, "len", total("len")) == 3
    assert cache.get(rows, "sum", total("sum")) == 6
    assert made == [(3, "sum"), (3, "len")]


def test_a_new_source_object_starts_afresh_even_with_equal_contents() -> None:
    cache: PerIndex[list[int], None, int] = PerIndex()
    old = [1, 2, 3]
    assert cache.get(old, None, sum) == 6
    # `add`/`delete_documents` replace the chunk list: the cache must follow the list, not what it holds.
    assert cache.get([1, 2], None, sum) == 3
    copy = list(old)
    assert cache.get(copy, None, lambda s: -1) == -1
    assert cache.get(copy, None, sum) == -1  # kept for the copy now


def test_a_value_is_made_from_the_source_it_is_asked_for() -> None:
    cache: PerIndex[list[str], None, tuple[str, ...]] = PerIndex()
    first, second = ["a"], ["b", "c"]
    assert cache.get(first, None, tuple) == ("a",)
    assert cache.get(second, None, tuple) == ("b", "c")


def test_the_cache_holds_at_most_its_limit_and_stays_right() -> None:
    cache: PerIndex[list[int], int, int] = PerIndex(limit=3)
    rows = [10, 20]
    for key in range(10):
        assert cache.get(rows, key, lambda s, key=key: s[0] + key) == 10 + key
    assert len(cache) <= 3


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        PerIndex(limit=0)
