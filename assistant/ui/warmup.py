"""Create and load the Assistant in the background, so the page responds at once and says it is loading.

Importing the question-answering stack (LangChain, FAISS), loading the
embedding model and the index take seconds (more on a busy machine, minutes
when the index has to be built). The server starts first, with only the
settings and the corpus manifest; `Warmup` then imports, creates and loads the
`Assistant` on a thread. Handlers that need it call `get()`, which waits.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from assistant.corpus import CorpusError, load_corpus
from assistant.schema import Document
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.api import Assistant

logger = logging.getLogger(__name__)
WARM_UP_QUESTIONS = ("Who must report to the Council?", "谁必须向理事会报告？")
# A question asked while the index is still loading waits this long for it.
LOAD_WAIT_S = 600.0


class NotLoadedError(RuntimeError):
    """The assistant could not be loaded (the message says why), or not in time."""


def prepare_assistant(
    assistant: Assistant | Settings | None = None, *, say: Callable[[str], None] = print
) -> Assistant:
    """Load the index (building a missing, stale or corrupt one first, with progress) and warm it up.

    `assistant` may be an `Assistant`, or `Settings` (or None, the environment's) to make one.
    """
    from assistant.api import Assistant
    from assistant.store import IndexCorruptError, IndexMissingError, IndexStaleError

    if not isinstance(assistant, Assistant):
        assistant = Assistant(assistant or Settings.from_env())

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
    # Answering reads a Chinese question's parts of speech (answer_class.asked_phrase): jieba's tagger loads
    # in about half a second, which the first Chinese question would otherwise pay.
    from assistant.segmentation import pos_words

    pos_words(WARM_UP_QUESTIONS[-1])
    # The traditional/simplified tables (OpenCC's, ~0.1 s), which a first traditional question would pay.
    from assistant.script import warm

    warm()
    return assistant


class Warmup:
    """The `Assistant`, created and loaded on a background thread; `ready`, `error` and `message` say how far."""

    def __init__(self, settings: Settings, assistant: Assistant | None = None) -> None:
        self.settings = settings
        self.assistant = assistant
        self._done = threading.Event()
        self.error: str = ""
        self.seconds: float | None = None
        self.message = "loading"
        self._thread: threading.Thread | None = None
        self._corpus: dict[str, Document] | None = None
        self._after: Callable[[], bool] | None = None
        self._after_wait_s = 0.0

    @classmethod
    def already_ready(cls, assistant: Assistant) -> Warmup:
        """For an `Assistant` loaded (or loading lazily) by the caller: nothing runs in the background."""
        w = cls(assistant.settings, assistant)
        w._done.set()
        w.message = "ready"
        return w

    def start(self, after: Callable[[], bool] | None = None, wait_s: float = 30.0) -> Warmup:
        """Load on a thread; with `after`, first wait (up to `wait_s`) until it returns True (the server is up)."""
        self._after = after
        self._after_wait_s = wait_s
        self._thread = threading.Thread(target=self._run, name="assistant-warmup", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        after = self._after
        deadline = time.monotonic() + self._after_wait_s
        while after is not None and not after() and time.monotonic() < deadline:
            time.sleep(0.02)
        t0 = time.perf_counter()
        try:
            if self.assistant is None:
                from assistant.api import Assistant

                self.assistant = Assistant(self.settings)
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

    def get(self, timeout: float = LOAD_WAIT_S) -> Assistant:
        """The assistant, once loaded; `NotLoadedError` if loading failed or took longer than `timeout`."""
        if not self._done.wait(timeout):
            raise NotLoadedError(f"the search index is still loading after {timeout:.0f} s")
        if self.assistant is None:
            raise NotLoadedError(self.error or "the assistant was not created")
        return self.assistant

    def documents(self) -> Mapping[str, Document]:
        """The corpus documents: the assistant's once it exists, else read from the corpus folder once."""
        try:
            if self.assistant is not None:
                return self.assistant.documents
            if self._corpus is None:
                has_manifest = self._has_manifest()
                self._corpus = {d.id: d for d in load_corpus(self.settings.corpus_dir)} if has_manifest else {}
            return self._corpus
        except CorpusError:  # an unreadable manifest: the load reports it; the page still renders
            logger.warning("cannot read the corpus in %s", self.settings.corpus_dir, exc_info=True)
            return {}

    def _has_manifest(self) -> bool:
        from assistant.corpus import MANIFEST_NAME

        return (self.settings.corpus_dir / MANIFEST_NAME).is_file()
