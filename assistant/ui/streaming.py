"""Show an LLM's answer as it is generated, then the checked answer.

`Assistant.ask` returns only when the answer is complete and its citations are
checked. To show the model's words as they come, the question runs on a
worker thread with a LangChain callback handler in the run's context
(`var_child_runnable_config`, which every Runnable call inside `ask` inherits);
the handler marks itself a streaming handler, so chat models that can stream
do so even though `ask` calls `invoke`. The streamed text is a draft: the
final, checked `Answer` (citations verified, or the extractive fallback)
replaces it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.runnables.config import var_child_runnable_config

T = TypeVar("T")
# How often the page is updated while tokens arrive (every token would flood the websocket).
UPDATE_EVERY_S = 0.1


class _TokenSink(BaseCallbackHandler):
    """Puts every new token on a queue. The two `tap_output_*` methods make LangChain treat it as a
    streaming handler (its `_StreamingCallbackHandler` protocol), so `invoke` streams."""

    def __init__(self, put: Callable[[str], None]) -> None:
        self._put = put

    def on_llm_new_token(self, token: str, **kwargs: Any) -> None:
        if token:
            self._put(token)

    def tap_output_aiter(self, run_id: UUID, output: Any) -> Any:
        return output

    def tap_output_iter(self, run_id: UUID, output: Iterator[T]) -> Iterator[T]:
        return output


def stream_tokens(work: Callable[[], T]) -> Iterator[tuple[str, T | None]]:
    """Run `work` on a thread; yield `(text so far, None)` while a model streams, then `(text, result)`.

    Exceptions of `work` are raised here, in the caller's thread.
    """
    tokens: queue.Queue[str] = queue.Queue()
    outcome: dict[str, Any] = {}

    def run() -> None:
        context = var_child_runnable_config.set({"callbacks": [_TokenSink(tokens.put)]})
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            var_child_runnable_config.reset(context)

    worker = threading.Thread(target=run, name="answer-stream", daemon=True)
    worker.start()
    text = ""
    last = 0.0
    while worker.is_alive() or not tokens.empty():
        try:
            text += tokens.get(timeout=UPDATE_EVERY_S)
        except queue.Empty:
            continue
        while not tokens.empty():
            text += tokens.get_nowait()
        now = time.monotonic()
        if now - last >= UPDATE_EVERY_S:
            last = now
            yield text, None
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    yield text, outcome["result"]
