"""A yes needs the clause's own text to state some of the question's claim, not only its heading or title."""

from __future__ import annotations

import pytest

from assistant.answering.claim import unstated_about, unstated_claim
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


def claim(question: str, chunk_id: str) -> list[str]:
    ctx = toy_context(DOCS, hits=[chunk_id])
    chunk = next(c for c in ctx.chunks if c.id == chunk_id)
    return unstated_claim(question, "en", chunk, ctx)


def test_a_subject_named_only_by_the_title_does_not_state_the_claim():
    # UNIDO is the news item's publisher: its title names it, the paragraph says nothing of liability.
    assert claim("Is UNIDO liable for any loss?", "news/paragraph/2") == ["liable", "loss"]


def test_one_word_of_the_claim_in_the_clause_is_enough():
    # "stakeholders" is in the clause; "forbid" is said otherwise ("refrain"): a paraphrase, not another claim.
    assert claim("Did UNIDO ask stakeholders to forbid harmful systems?", "news/paragraph/3") == []


@pytest.mark.parametrize(
    "question",
    [
        "Does the news item mention the AI resolution?",  # every word is the title's or frames the question
        "Is it not true that the resolution is on AI?",
    ],
)
def test_a_question_whose_words_are_all_subject_or_framing_has_no_claim_to_check(question):
    assert claim(question, "news/paragraph/2") == []


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Is UNIDO liable for any loss?", "liable"),
        ("Is the Secretary-General liable for AI failures?", "liable"),
        ("決議草案是否要求設立新的人工智慧研究組？", "研究組"),
    ],
)
def test_a_yes_no_question_no_clause_states_is_refused_naming_what_is_missing(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.abstained and missing in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Must the Secretary-General report to the Council every year?",
        "Must people's basic freedoms be protected on the internet as well as off it?",
        "联合国大会没有通过关于人工智能的决议吗？",
    ],
)
def test_a_yes_no_question_the_clause_states_keeps_its_answer(assistant, question):
    assert not assistant.ask(question).abstained


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
