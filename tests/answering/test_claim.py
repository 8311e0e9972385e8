"""A yes needs the clause's own text to state some of the question's claim, not only its heading or title."""

from __future__ import annotations

import pytest

from assistant.answering.claim import unstated_claim
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
