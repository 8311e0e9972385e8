"""Pins: one snapshot per thread's question, and a replaced store closed only when no question reads it."""

from __future__ import annotations

import threading

from assistant.pinning import Pins, View


class _Store:
    def __init__(self) -> None:
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def _view(store: _Store) -> View:
    return View(store, retriever=None, documents={})  # type: ignore[arg-type]  # only identity matters here


def test_a_replaced_store_closes_when_the_last_question_reading_it_is_done() -> None:
    pins, old, loaded = Pins(), _Store(), []
    with pins.pinned(lambda: _view(old) if loaded else None, lambda: loaded.append(1)) as view:
        assert loaded and pins.current() is view  # nothing loaded: `load` ran first
        with pins.pinned(lambda: _view(_Store()), list) as inner:
            assert inner is view  # a nested question keeps the outer snapshot
        other: list[View | None] = []
        reader = threading.Thread(target=lambda: other.append(pins.current()))
        reader.start()
        reader.join()
        assert other == [None]  # another thread's question has its own
        pins.close_when_free(old)
        assert old.closed == 0
    assert old.closed == 1 and pins.current() is None
    pins.close_when_free(old)
    assert old.closed == 2  # no reader left: closed at once
