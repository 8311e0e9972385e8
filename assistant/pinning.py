"""Which loaded build each in-flight question answers from, so a reload between its steps cannot mix builds.

A long-lived assistant swaps its store and corpus when another process publishes a build
(`Assistant._follow_published`). A question reads the store, the corpus and the chunks by id in
several chain steps; were the swap to land between them, hits from the old store would be looked
up in the new corpus (a document just removed would then be reported as "not in the corpus").
`Pins` gives each thread one `View`, taken once when its question starts, and keeps a replaced
store open until the last question pinned to it is done.

Example:
    >>> pins = Pins()                                               # doctest: +SKIP
    >>> with pins.pinned(take_view, load):                          # doctest: +SKIP
    ...     pins.current().documents  # the same snapshot for every step of this question
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from assistant.index import IndexBackend
from assistant.retrieval import HybridRetriever
from assistant.schema import Document


@dataclass(frozen=True)
class View:
    """One consistent snapshot: a store, its retriever and the corpus the store was loaded with."""

    store: IndexBackend
    retriever: HybridRetriever
    documents: dict[str, Document]


class Pins:
    """Per-thread snapshots, and stores whose closing waits for the questions still reading them."""

    def __init__(self) -> None:
        self._local = threading.local()
        # Held only for short work, never while taking the assistant's build lock. Re-entrant: a swap
        # closes the store it replaces through `close_when_free`.
        self._lock = threading.RLock()
        self._readers: dict[int, int] = {}
        self._retired: dict[int, IndexBackend] = {}

    def current(self) -> View | None:
        """The snapshot this thread's question answers from, None outside a question."""
        return getattr(self._local, "view", None)

    def swap(self, change: Callable[[], None]) -> None:
        """Run `change` (a reload's assignments) so that no snapshot is taken halfway through it."""
        with self._lock:
            change()

    @contextmanager
    def pinned(self, take: Callable[[], View | None], load: Callable[[], object]) -> Iterator[View]:
        """Pin `take()` for this thread until the block ends; `load()` first when nothing is loaded.

        A nested question (a chain step asking again) keeps the outer snapshot."""
        outer = self.current()
        if outer is not None:
            yield outer
            return
        while True:
            with self._lock:
                view = take()
                if view is not None:
                    self._readers[id(view.store)] = self._readers.get(id(view.store), 0) + 1
                    break
            load()  # outside the lock: loading may build, which takes the assistant's lock
        self._local.view = view
        try:
            yield view
        finally:
            self._local.view = None
            self._release(view.store)

    def close_when_free(self, store: IndexBackend) -> None:
        """Close a replaced store now, or when the last question reading it is done."""
        with self._lock:
            if self._readers.get(id(store)):
                self._retired[id(store)] = store
                return
        store.close()

    def _release(self, store: IndexBackend) -> None:
        with self._lock:
            left = self._readers[id(store)] - 1
            if left:
                self._readers[id(store)] = left
                return
            del self._readers[id(store)]
            retired = self._retired.pop(id(store), None)
        if retired is not None:
            retired.close()
