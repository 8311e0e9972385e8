"""A what-question naming its topic is answered only by a clause that states at least half of the topic."""

from __future__ import annotations

import pytest

from assistant.answering.about import noun_topic, unstated_about
from tests.answering.toy import toy_context

DOCS = {
    "news": (
        "news",
        [
            ("title", "UNIDO news item on the AI resolution"),
            ("paragraph", "Nations can harness AI responsibly to tackle pressing global challenges."),
            ("paragraph", "The Assembly urged all stakeholders to refrain from harmful AI systems."),
        ],
    )
}


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("What does the draft resolution say about generative AI?", "generative"),
        ("决议草案关于自动驾驶汽车说了什么？", "汽车"),
    ],
)
def test_a_what_question_about_a_topic_no_clause_states_is_refused(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.abstained and missing in answer.text


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("What does the draft say about bridging the digital divide?", "eur-44a25-1/preamble/recalling/c"),
        ("报道关于数字素养说了什么？", "unido-unga-ai-resolution/body/5"),
    ],
)
def test_a_what_question_about_a_topic_the_clause_states_is_answered(assistant, question, clause):
    assert [c.chunk_id for c in assistant.ask(question).citations] == [clause]


def test_half_the_topic_stated_is_enough():
    ctx = toy_context(DOCS, hits=["news/paragraph/3"])
    chunk = next(c for c in ctx.chunks if c.id == "news/paragraph/3")
    # "harmful" is in the clause, "dangerous" is not: half the topic, a paraphrase of the rest.
    assert unstated_about("What does the item say about harmful dangerous systems?", "en", chunk, ctx) == []
    assert unstated_about("What does the item say about quantum computing?", "en", chunk, ctx) == [
        "quantum",
        "computing",
    ]


def test_the_topic_a_which_questions_noun_is_on():
    question = "Which UN resolution on the 2030 Agenda does this ITU draft recall?"
    assert noun_topic(question, "en", "resolution") == "the 2030 Agenda"
    assert noun_topic("Which resolution does the draft recall?", "en", "resolution") == ""


def test_a_which_question_quotes_the_clause_that_names_its_noun_on_the_topic(assistant):
    # Every clause of the draft has the 2030 Agenda in its document's title; only clause a recalls a resolution on it.
    answer = assistant.ask("Which UN resolution on the 2030 Agenda does this ITU draft recall?")
    assert [c.chunk_id for c in answer.citations] == ["eur-44a25-1/preamble/recalling/a"]
