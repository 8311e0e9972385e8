"""Load the index and models in the background, so the page responds at once and says it is loading.

Loading the embedding model and the index takes seconds (more on a cold disk,
minutes when the index has to be built); the server starts first and the page
shows "loading" until `Warmup.ready`. A question asked meanwhile simply waits
for the load inside `Assistant.ask` (the store is loaded under a lock).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from assistant.api import Assistant
from assistant.store import IndexCorruptError, IndexMissingError, IndexStaleError

logger = logging.getLogger(__name__)
WARM_UP_QUESTIONS = ("Who must report to the Council?", "谁必须向理事会报告？")


def prepare_assistant(assistant: Assistant, *, say: Callable[[str], None] = print) -> Assistant:
    """Load `assistant`'s index (building a missing, stale or corrupt one first, with progress) and its retriever."""
    try:
        store = assistant.store
    except (IndexMissingError, IndexStaleError, IndexCorruptError) as exc:
        say(f"{exc} Building the index in {assistant.settings.index_dir} …")
        assistant.build_index(progress=say)
        store = assistant.store
    say(f"index loaded: {len(store.chunk_ids())} chunks from {len(assistant.documents)} documents")
    # One query per language loads what the first question would otherwise pay for (the query
    # embedding's first call, the translation dictionaries: seconds), now rather than for the first user.
    for question in WARM_UP_QUESTIONS:
        try:
            assistant.retrieve(question, 1)
        except Exception:  # a warm-up query must never fail the start; a real question will report it
            logger.warning("warm-up query %r failed", question, exc_info=True)
    return assistant


class Warmup:
    """`prepare_assistant` on a background thread; `ready`, `failed` and `message` say how it went."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._done = threading.Event()
        self.error: str = ""
        self.seconds: float | None = None
        self.message = "loading"
        self._thread: threading.Thread | None = None

    @classmethod
    def already_ready(cls, assistant: Assistant) -> Warmup:
        w = cls(assistant)
        w._done.set()
        w.message = "ready"
        return w

    def start(self) -> Warmup:
        self._thread = threading.Thread(target=self._run, name="assistant-warmup", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        t0 = time.perf_counter()
        try:
            prepare_assistant(self.assistant, say=self._say)
        except Exception as exc:  # reported on the page and in the log; questions then fail with a clear message
            logger.exception("loading the index failed")
            self.error = str(exc) or type(exc).__name__
        finally:
            self.seconds = time.perf_counter() - t0
            self._done.set()

    def _say(self, message: str) -> None:
        self.message = message
        logger.info("%s", message)

    @property
    def ready(self) -> bool:
        return self._done.is_set() and not self.error

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)
