"""The single-clause answer: the best supported clause led by its short answer, or an abstention."""

from __future__ import annotations

import pytest

from assistant.answering.analysis import analyse_question
from assistant.answering.near_miss import needs
from assistant.answering.single import single_answer
from tests.answering.test_choice import DOCS, HITS
from tests.answering.toy import toy_context


def ask(question: str, **kw):
    return single_answer(question, "en", analyse_question(question, "en"), toy_context(DOCS, hits=HITS), **kw)


def cited(answer) -> list[str]:
    return [c.chunk_id for c in answer.citations]


def test_a_supported_yes_no_question_leads_with_yes_and_quotes_its_evidence():
    answer = ask("Must Member States share their AI skills?")
    assert answer.text.startswith("Yes. According to Draft resolution on AI: 「Member States shall share")
    assert cited(answer) == ["res/clause/2"]


def test_a_how_many_question_leads_with_the_count():
    answer = ask("How many member states backed the resolution?")
    assert answer.text.startswith("120 member states") and cited(answer) == ["art/paragraph/4"]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("What else must he do?", "No clause in the indexed documents supports"),  # nothing to look for
        ("What is the budget of the resolution for AI skills?", "but not budget"),  # the topic, not the budget
    ],
)
def test_a_question_no_clause_answers_abstains_and_says_why(question, says):
    answer = ask(question)
    assert answer.abstained and not answer.citations and says in answer.text


def test_what_the_question_needs_is_read_once_by_the_caller_or_here_alike():
    question = "Which countries backed the resolution?"
    a = analyse_question(question, "en")
    assert ask(question, need=needs(question, "en", a.qtype)) == ask(question)
    # The caller's reading is the one used: one that asks for a city rules the clause out.
    city = "Which city backed the resolution?"
    assert ask(question, need=needs(city, "en", "which")).abstained


@pytest.mark.parametrize(
    "question",
    [
        "Which countries supported the resolution?",
        "Which specific nations supported the resolution?",
        "哪些成员国支持了该决议？",
    ],
)
def test_a_class_question_is_not_answered_by_a_quote_naming_none_of_the_class(assistant, question):
    # body/5 names "developing nations" in its first sentence, but its second one carries the question's
    # words ("support"): the quoted sentence names no country, so it is no answer.
    answer = assistant.ask(question)
    quotes = [c.quote for c in answer.citations]
    assert answer.abstained or any("member states" in q for q in quotes), quotes
