"""`score_question`: one answer against its gold question, without a runner."""

from __future__ import annotations

import pytest

from assistant.evaluation.scoring import SEVERITY, question_type, score_question
from assistant.evaluation.suite import GoldQuestion
from tests.evaluation.fakes import DOCS, answer, cite

QUOTE = "每年向理事会报告人工智能问题的任何活动，"


def gold(answerable: bool = True, chunks: tuple[str, ...] = ("res/sg/7",)) -> GoldQuestion:
    return GoldQuestion(
        id="en-q",
        question="Who must report to Council?",
        language="en",
        answerable=answerable,
        key_facts=(("Secretary-General", "秘书长"),) if answerable else (),
        gold_chunks=chunks if answerable else (),
        direction="en->zh" if answerable else "none",
        category="operative" if answerable else "unanswerable-near",
    )


def test_a_right_cited_answer_passes_with_full_scores() -> None:
    a = answer("Q", f"The Secretary-General: {QUOTE}", [cite("res/sg/7#part1", QUOTE)])
    r = score_question(gold(), a, DOCS, rankings={"hybrid": ["x/1", "res/sg/7#part2", "res/sg/7#part1"]})
    assert (r.key_facts_ok, r.citation_recall, r.citation_precision, r.quote_fidelity) == (True, 1.0, 1.0, 1.0)
    assert r.cited_chunks == ["res/sg/7"] and r.citations[0].gold and r.citations[0].verbatim
    assert r.rankings["hybrid"] == ["x/1", "res/sg/7"] and r.first_gold_rank["hybrid"] == 2  # parts count once
    assert not r.failed and r.severity == 0


def test_a_quote_not_at_its_offsets_is_unfaithful() -> None:
    a = answer("Q", "秘书长", [cite("res/sg/7", QUOTE, start=0)])
    r = score_question(gold(), a, DOCS)
    assert r.quote_fidelity == 0.0 and not r.citations[0].verbatim
    assert r.severity == pytest.approx(SEVERITY["unfaithful_quote"] + SEVERITY["unfaithful_share"])
    assert any("unfaithful" in reason for reason in r.failure_reasons)


def test_abstaining_on_an_answerable_question_is_a_false_abstention() -> None:
    r = score_question(gold(), answer("Q", "The corpus does not say.", abstained=True), DOCS)
    assert r.abstained and r.citation_recall == 0.0 and r.missing_key_facts == [["Secretary-General", "秘书长"]]
    assert r.severity == pytest.approx(SEVERITY["false_abstention"])


def test_answering_an_unanswerable_question_and_an_error_are_the_worst() -> None:
    answered = score_question(gold(answerable=False), answer("Q", "5 million.", [cite("res/sg/7", QUOTE)]), DOCS)
    assert answered.severity == pytest.approx(SEVERITY["answered_unanswerable"])
    failed = score_question(gold(), None, DOCS, error="RuntimeError: boom")
    assert failed.error == "RuntimeError: boom" and failed.severity >= SEVERITY["error"]


def test_list_completeness_only_for_questions_with_several_gold_clauses() -> None:
    a = answer("Q", "秘书长", [cite("res/sg/7", QUOTE)])
    assert score_question(gold(chunks=("res/sg/7", "res/sg/6")), a, DOCS).list_completeness == 0.5
    assert score_question(gold(), a, DOCS).list_completeness is None


def test_question_type_comes_from_the_question_analyser() -> None:
    assert question_type("Who must report to Council?", "en") == "who"
