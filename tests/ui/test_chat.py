"""One chat turn against the real assistant over the bundled corpus."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.schema import Turn
from assistant.ui.chat import ask_turn, respond
from assistant.ui.render import render_citations

EN, ZH = "Who must report to Council?", "谁必须向理事会报告？"
CLAUSE = "每年向理事会报告"


@pytest.mark.parametrize(("question", "addressee"), [(EN, "Secretary-General"), (ZH, "秘书长")])
def test_answer_cites_the_clause(assistant, question: str, addressee: str) -> None:
    reply = ask_turn(assistant, question)
    assert reply.ok and reply.turn.question == question
    answer = reply.turn.answer
    assert addressee in answer.text
    assert CLAUSE in answer.citations[0].quote
    panel = render_citations(answer, assistant.documents, id_prefix="cite-1")
    assert 'id="cite-1-1"' in panel and "责成秘书长" in panel and "EUR/44A25/1" in panel


def test_history_is_passed_to_ask(assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}
    real_ask = assistant.ask

    def spy(question, **kw):
        seen.update(kw)
        return real_ask(question, **kw)

    monkeypatch.setattr(assistant, "ask", spy)
    first = ask_turn(assistant, EN).turn
    ask_turn(assistant, "What else must he do?", [first])
    assert seen["history"] == (first,)


def test_follow_up_is_answered_from_context(assistant) -> None:
    first = ask_turn(assistant, EN).turn
    follow = ask_turn(assistant, "What else must he do?", [first]).turn
    assert follow is not None and not follow.answer.abstained
    assert follow.answer.citations and all(c.doc_id == "eur-44a25-1" for c in follow.answer.citations)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("", "Please type a question"),
        ("   ", "Please type a question"),
        (None, "Please type a question"),
        ("x" * 5000, "too long"),
        ("Bonjour, qui doit faire rapport au Conseil ?", "English or Chinese"),
    ],
)
def test_bad_questions_are_friendly_messages(assistant, question: object, says: str) -> None:
    reply = ask_turn(assistant, question)
    assert not reply.ok and says in reply.error
    assert "Traceback" not in reply.error


def test_unexpected_error_is_logged_not_shown(assistant, monkeypatch, caplog) -> None:
    def boom(*_a, **_k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(assistant, "ask", boom)
    reply = ask_turn(assistant, EN)
    assert "went wrong" in reply.error and "secret internals" not in reply.error
    assert any(r.exc_info for r in caplog.records)


@pytest.mark.parametrize("question", ["How do I cook rice?", "怎么做红烧肉？"])
def test_cooking_question_abstains(assistant, question: str) -> None:
    answer = ask_turn(assistant, question).turn.answer
    assert answer.abstained and not answer.citations


def test_document_filter_limits_citations(assistant) -> None:
    def quotes(docs):
        return " ".join(c.quote for c in ask_turn(assistant, EN, docs=docs).turn.answer.citations)

    assert CLAUSE not in quotes(["unido-unga-ai-resolution"])
    assert CLAUSE in quotes(["eur-44a25-1"])
    assert CLAUSE in quotes("all")
    # Only unknown ids: no longer widened to all documents (test_a_filter_of_documents_no_longer_indexed_…).


def test_concurrent_users_get_their_own_answers(assistant) -> None:
    questions = [EN, ZH, "How do I cook rice?"] * 4
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda q: (q, ask_turn(assistant, q)), questions))
    for question, reply in results:
        assert reply.turn.question == question
        assert reply.turn.answer.abstained == (question == "How do I cook rice?")


def test_turns_round_trip_through_the_browser_format(assistant) -> None:
    turn = ask_turn(assistant, EN).turn
    assert Turn.from_dict(turn.to_dict()) == turn


def test_respond_on_chat_messages_extends_the_history_with_unique_ids(assistant) -> None:
    history, first = respond(assistant, EN, [], 5, "hybrid", [], False)
    history, second = respond(assistant, ZH, history, 5, "hybrid", [], False)
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert 'id="cite-1-1"' in first and 'id="cite-3-1"' in second
    assert 'href="#cite-3-1"' in history[-1]["content"] and CLAUSE in second


def test_respond_passes_earlier_questions_as_the_conversation(assistant, monkeypatch) -> None:
    seen = {}
    real_ask = assistant.ask

    def spy(question, **kw):
        seen.update(kw)
        return real_ask(question, **kw)

    monkeypatch.setattr(assistant, "ask", spy)
    history = [{"role": "user", "content": EN}, {"role": "assistant", "content": "…"}]
    respond(assistant, "What else must he do?", history)
    assert [t.question for t in seen["history"]] == [EN]


def test_respond_errors_are_a_warning_message_and_no_citations(assistant) -> None:
    history, panel = respond(assistant, "", [])
    assert history[-1]["role"] == "assistant" and "⚠️" in history[-1]["content"]
    assert "not answered" in panel


def test_a_filter_of_documents_no_longer_indexed_is_said_not_widened(assistant) -> None:
    # before: the unknown ids were dropped, the filter became "all documents", and the answer came from them
    reply = ask_turn(assistant, EN, docs=["removed-meanwhile"])
    assert not reply.ok and reply.turn is None
    assert "no document with id 'removed-meanwhile' in the index" in reply.error
    # what to do: choose again or clear the filter, not reword the question (换一种问法)
    assert "clear the filter" in reply.error and "重新选择" in reply.error and "问法" not in reply.error


def test_a_removed_document_beside_a_known_one_is_ignored(assistant) -> None:
    reply = ask_turn(assistant, EN, docs=["removed-meanwhile", "eur-44a25-1"])
    assert reply.ok and reply.turn.answer.citations[0].doc_id == "eur-44a25-1"
