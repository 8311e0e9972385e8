"""One chat turn as a plain function: the question and the conversation so far in, an answer or a message out.

* `ask_turn(assistant, question, history)`: what the page does, on `Turn`s
  (the conversation kept in the browser); returns a `Reply`;
* `respond(assistant, message, history, k, mode, docs, use_llm)`: the same on
  chat messages, returning `(messages, citations panel)`; the app's `/ask` API
  endpoint serves it (for scripts and `gradio_client`), so its shape stays put.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.schema import Document, Turn
from assistant.text import as_tuple
from assistant.ui.render import (
    PANEL_ERROR,
    answer_id_prefix,
    escape_markdown,
    format_answer_markdown,
    friendly_error,
    render_citations,
)

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


def ask_turn(
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
    from assistant.questions import QuestionError

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
    """The document filter: () for all; unknown ids (a document removed meanwhile) are ignored, unless no
    chosen one is left: `ask` then says that they are not in the index, rather than answering from all."""
    if not docs or docs == "all":
        return ()
    chosen = as_tuple(docs)
    if "all" in chosen:
        return ()
    return tuple(d for d in chosen if d in documents) or chosen


def respond(
    assistant: Assistant,
    message: object,
    history: Sequence[dict[str, Any]] | None = None,
    k: int | float | None = None,
    mode: str | None = None,
    docs: Sequence[str] | str | None = None,
    use_llm: bool | None = False,
) -> tuple[list[dict[str, Any]], str]:
    """One stateless chat turn: `(history with the question and answer appended, citations panel HTML)`.

    `history` is a chat's messages (`{"role", "content"}`); its questions are
    passed on as the conversation (answers in rendered form cannot be read
    back, and a follow-up can be resolved from the questions). Never raises: a
    failure is an assistant message starting with ⚠️ and the "not answered" panel.
    """
    messages = [dict(m) for m in history or [] if isinstance(m, dict)]
    earlier = [Turn(_message_text(m)) for m in messages if m.get("role") == "user" and _message_text(m)]
    question = message if isinstance(message, str) else ""
    if question.strip():
        messages.append({"role": "user", "content": escape_markdown(question.strip())})
    reply = ask_turn(assistant, question, earlier, k=k, mode=mode, docs=docs, use_llm=use_llm)
    if reply.turn is None or reply.turn.answer is None:
        error = f'<span class="ui-error">⚠️ {escape_markdown(reply.error)}</span>'
        messages.append({"role": "assistant", "content": error})
        return messages, PANEL_ERROR
    prefix = answer_id_prefix(len(messages))
    messages.append({"role": "assistant", "content": format_answer_markdown(reply.turn.answer, id_prefix=prefix)})
    return messages, render_citations(reply.turn.answer, assistant.documents, id_prefix=prefix)


def _message_text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # typed parts, as gradio_client returns them
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""
