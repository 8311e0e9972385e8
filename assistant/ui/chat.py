"""One chat turn as a plain function: the question and the conversation so far in, an answer or a message out."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.schema import Document, Turn
from assistant.ui.render import friendly_error

if TYPE_CHECKING:
    from assistant.api import Assistant

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reply:
    """What asking gave: the new turn (question and answer), or `error`, a message for the user."""

    turn: Turn | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.turn is not None


def respond(
    assistant: Assistant,
    question: object,
    history: Sequence[Turn] = (),
    *,
    k: int | float | None = None,
    mode: str | None = None,
    docs: Sequence[str] | str | None = None,
    use_llm: bool | None = False,
) -> Reply:
    """Answer `question` in the context of `history` (earlier turns, oldest first). Never raises.

    Bad questions (`QuestionError`) and unexpected failures come back as a
    friendly `Reply.error`, the latter logged with its traceback on the server
    only. `docs` empty (or "all") means every document; `use_llm` is honoured
    only when the settings enable an LLM.
    """
    from assistant.api import QuestionError

    text = question if isinstance(question, str) else ""
    try:
        answer = assistant.ask(
            text,
            k=int(k) if k else None,
            mode=mode or None,  # type: ignore[arg-type]  # the radio offers only valid modes
            doc_ids=doc_ids(docs, assistant.documents),
            use_llm=bool(use_llm) and assistant.settings.llm_enabled,
            history=tuple(history),
        )
    except QuestionError as exc:
        logger.info("question rejected: %s", exc)
        return Reply(None, friendly_error(exc))
    except Exception as exc:  # the page must never show a traceback; the log gets it
        logger.exception("answering %r failed", text[:200])
        return Reply(None, friendly_error(exc))
    return Reply(Turn(text.strip(), answer))


def doc_ids(docs: Sequence[str] | str | None, documents: Mapping[str, Document]) -> tuple[str, ...]:
    """The document filter: () for all; unknown ids (a document removed meanwhile) are ignored."""
    if not docs or docs == "all":
        return ()
    chosen = (docs,) if isinstance(docs, str) else tuple(docs)
    if "all" in chosen:
        return ()
    return tuple(d for d in chosen if d in documents)
