"""The browser store: several conversations, restored from whatever the browser sends back."""

from __future__ import annotations

from assistant.schema import Answer, Turn
from assistant.ui import conversations as convs


def _turn(q: str) -> Turn:
    return Turn(q, Answer(question=q, text=f"answer to {q}", language="en"))


def test_turns_accumulate_and_title_comes_from_the_first_question() -> None:
    store = convs.empty_store()
    store = convs.add_turn(store, _turn("Who must report to Council?"))
    store = convs.add_turn(store, _turn("What else must he do?"))
    assert [t.question for t in convs.turns(store)] == ["Who must report to Council?", "What else must he do?"]
    assert convs.current(store)["title"] == "Who must report to Council?"
    assert convs.turns(store)[1].answer.text == "answer to What else must he do?"


def test_several_conversations_new_select_delete() -> None:
    store = convs.add_turn(convs.empty_store(), _turn("first"))
    first = store["current"]
    store = convs.new_conversation(store)
    assert convs.new_conversation(store)["current"] == store["current"]  # an empty one is reused
    store = convs.add_turn(store, _turn("second"))
    assert [title for title, _ in convs.choices(store)] == ["second (1)", "first (1)"]
    store = convs.select(store, first)
    assert [t.question for t in convs.turns(store)] == ["first"]
    store = convs.select(store, "no-such-id")
    assert store["current"] == first
    store = convs.delete_current(store)
    assert [t.question for t in convs.turns(store)] == ["second"]
    store = convs.delete_current(store)
    assert convs.turns(store) == [] and len(store["conversations"]) == 1


def test_store_survives_a_json_round_trip() -> None:
    import json

    store = convs.add_turn(convs.empty_store(), _turn("Who must report?"))
    again = convs.normalise(json.loads(json.dumps(store)))
    assert convs.turns(again) == convs.turns(store)


def test_whatever_the_browser_sends_back_gives_a_usable_store() -> None:
    for raw in (None, "garbage", 42, [], {}, {"conversations": "x"}, {"conversations": [{"id": 1}]}):
        store = convs.normalise(raw)
        assert convs.turns(store) == [] and store["ui_lang"] == "both"
    damaged = {
        "current": "a",
        "ui_lang": "klingon",
        "conversations": [{"id": "a", "title": 5, "turns": [{"question": "ok"}, "not a turn", {"answer": {"x": 1}}]}],
    }
    store = convs.normalise(damaged)
    assert [t.question for t in convs.turns(store)] == ["ok"] and store["ui_lang"] == "both"


def test_limits_keep_the_store_small() -> None:
    store = convs.empty_store()
    for i in range(convs.MAX_CONVERSATIONS + 5):
        store = convs.new_conversation(convs.add_turn(store, _turn(f"q{i}")))
    assert len(store["conversations"]) <= convs.MAX_CONVERSATIONS
    assert convs.title_of("x" * 200).endswith("…") and len(convs.title_of("x" * 200)) == convs.TITLE_CHARS
