"""The LCEL chain around `Assistant.ask`: what it accepts, what it passes on, batching; with a recording fake."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from assistant.chain import build_chain, history_turns
from assistant.schema import Answer, Turn


class RecordingAssistant:
    def __init__(self) -> None:
        self.calls: list[tuple[str, list[Turn], dict]] = []

    def ask(self, question: str, *, history: list[Turn], **options) -> Answer:
        self.calls.append((question, history, options))
        return Answer(question=question, text=f"answer to {question}", language="en")


def test_a_string_or_a_dict_reaches_ask_with_its_options() -> None:
    fake = RecordingAssistant()
    chain = build_chain(fake)  # type: ignore[arg-type]
    assert chain.invoke("Who?").text == "answer to Who?"
    chain.invoke({"question": "What?", "k": 3, "mode": "bm25", "ignored": 1})
    assert fake.calls[0] == ("Who?", [], {})
    assert fake.calls[1] == ("What?", [], {"k": 3, "mode": "bm25"})


def test_batch_answers_each_input_in_order() -> None:
    fake = RecordingAssistant()
    answers = build_chain(fake).batch(["a?", {"question": "b?"}])  # type: ignore[arg-type]
    assert [a.question for a in answers] == ["a?", "b?"]


def test_anything_else_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="question string or a dict"):
        build_chain(RecordingAssistant()).invoke({"q": "no"})  # type: ignore[arg-type]


def test_history_from_turns_dicts_or_chat_messages() -> None:
    first = Answer(question="Who?", text="The Secretary-General.", language="en")
    assert history_turns([Turn("Who?", first)]) == [Turn("Who?", first)]
    assert history_turns([Turn("Who?", first).to_dict()])[0].question == "Who?"
    turns = history_turns([HumanMessage("谁？"), AIMessage("秘书长。"), HumanMessage("Next?")])
    assert [t.question for t in turns] == ["谁？", "Next?"]
    assert turns[0].answer.text == "秘书长。" and turns[0].answer.language == "zh" and turns[1].answer is None
    with pytest.raises(TypeError, match="history items must be"):
        history_turns([42])


def test_history_in_a_request_reaches_ask_as_turns() -> None:
    fake = RecordingAssistant()
    build_chain(fake).invoke({"question": "And then?", "history": [HumanMessage("Who?")]})  # type: ignore[arg-type]
    assert [t.question for t in fake.calls[0][1]] == ["Who?"]
