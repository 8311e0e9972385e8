"""The LCEL chain: question → retrieve → answer → cite.

Each step is a `RunnableLambda`, so the chain streams, batches and traces
like any LangChain runnable, and steps can be swapped (e.g. another retriever).

Example:
    >>> chain = Assistant().as_runnable()                     # doctest: +SKIP
    >>> chain.invoke("谁必须向理事会报告？").citations[0].label   # doctest: +SKIP
    '7'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.text import has_cjk

if TYPE_CHECKING:
    from assistant.api import Assistant
from assistant.schema import Answer, Language, Turn


def history_turns(history: Any) -> list[Turn]:
    """Earlier turns from `Turn`s, their dicts, or LangChain chat messages (human question, AI answer)."""
    from langchain_core.messages import BaseMessage

    turns: list[Turn] = []
    for item in history or ():
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, dict):
            turns.append(Turn.from_dict(item))
        elif isinstance(item, BaseMessage):
            text = item.content if isinstance(item.content, str) else str(item.content)
            if item.type == "human":
                turns.append(Turn(text))
            elif item.type == "ai" and turns and turns[-1].answer is None:
                # A plain message has no citations: the follow-up then carries the earlier words only.
                last = turns[-1]
                turns[-1] = Turn(last.question, Answer(question=last.question, text=text, language=_lang(text)))
        else:
            raise TypeError(f"history items must be Turn, dict or LangChain messages, not {type(item).__name__}")
    return turns


def _lang(text: str) -> Language:
    return "zh" if has_cjk(text) else "en"


def _as_request(value: Any) -> dict[str, Any]:
    """Accept a bare question or a dict with `question` and optional `k`, `mode`, `doc_ids`, `history`."""
    if isinstance(value, str):
        return {"question": value}
    if isinstance(value, dict) and "question" in value:
        return dict(value)
    raise TypeError("the chain takes a question string or a dict with a 'question' key")


def build_chain(assistant: Assistant) -> Runnable[Any, Answer]:
    """question (str or dict) → validated request → Answer with checked citations."""

    def answer(request: dict[str, Any]) -> Answer:
        options = {k: request[k] for k in ("k", "mode", "doc_ids", "use_llm") if k in request}
        # "history" is what RunnableWithMessageHistory passes (messages) or the UI's Turns.
        return assistant.ask(request["question"], history=history_turns(request.get("history")), **options)

    return (RunnableLambda(_as_request, name="parse_request") | RunnableLambda(answer, name="answer")).with_config(
        run_name="clause_qa"
    )
