"""An LLM's answer streams to the page, then the checked answer replaces the draft."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant import Assistant
from assistant.ui.chat import ask_turn
from assistant.ui.streaming import stream_tokens


def test_tokens_stream_then_the_checked_answer(assistant: Assistant) -> None:
    llm_assistant = Assistant(assistant.settings)
    text = "The Secretary-General must report to the Council every year [1]."
    llm_assistant.use_llm(GenericFakeChatModel(messages=iter([AIMessage(content=text)])))
    updates = list(stream_tokens(lambda: ask_turn(llm_assistant, "Who must report to Council?", use_llm=True)))
    drafts = [t for t, result in updates if result is None]
    final_text, reply = updates[-1]
    assert reply is not None and reply.turn is not None and reply.turn.answer.mode.startswith(("llm", "extractive"))
    assert final_text == text  # every token arrived
    assert all(text.startswith(d) for d in drafts)  # drafts only grow


def test_without_a_model_nothing_streams_and_the_result_comes_back(assistant: Assistant) -> None:
    updates = list(stream_tokens(lambda: ask_turn(assistant, "Who must report to Council?")))
    assert len(updates) == 1 and updates[0][0] == "" and updates[0][1].turn is not None


def test_errors_reach_the_caller() -> None:
    def boom() -> None:
        raise RuntimeError("model down")

    with pytest.raises(RuntimeError, match="model down"):
        list(stream_tokens(boom))
