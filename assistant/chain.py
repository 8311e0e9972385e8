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

if TYPE_CHECKING:
    from assistant.api import Assistant
from assistant.schema import Answer


def _as_request(value: Any) -> dict[str, Any]:
    """Accept a bare question or a dict with `question` and optional `k`, `mode`, `doc_ids`."""
    if isinstance(value, str):
        return {"question": value}
    if isinstance(value, dict) and "question" in value:
        return dict(value)
    raise TypeError("the chain takes a question string or a dict with a 'question' key")


def build_chain(assistant: Assistant) -> Runnable[Any, Answer]:
    """question (str or dict) → validated request → Answer with checked citations."""

    def answer(request: dict[str, Any]) -> Answer:
        options = {k: request[k] for k in ("k", "mode", "doc_ids", "use_llm") if k in request}
        return assistant.ask(request["question"], **options)

    return (RunnableLambda(_as_request, name="parse_request") | RunnableLambda(answer, name="answer")).with_config(
        run_name="clause_qa"
    )
