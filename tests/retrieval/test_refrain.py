"""A request to refrain, said in everyday words, is searched and supported as a text says it (refrain, 避免)."""

from __future__ import annotations

import pytest

from assistant.answering.evidence import chunk_evidence, overlap, question_groups
from assistant.retrieval.refrain import refrain_paraphrases
from assistant.retrieval.translation import AnyTerms, translate_query

REFRAIN = chunk_evidence("The Council called on all stakeholders to refrain from deploying unsafe drones.")
OTHER = chunk_evidence("The Council stressed that unsafe drones need cooperation among all member states.")


def _idf(token: str) -> float:
    return 1.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did the Council ask everyone involved not to do with drones?", "en"),
        ("What were all parties asked to stop doing with drones?", "en"),
        ("What kind of drone use did the Council tell everybody to stay away from?", "en"),
        ("What did the Council urge everyone to avoid with drones?", "en"),
        ("理事会要求各方不要用无人机做什么？", "zh"),
    ],
)
def test_a_request_to_refrain_is_covered_by_the_clause_that_says_refrain(question, lang):
    groups = question_groups(question, lang)
    assert overlap(groups, REFRAIN, _idf) > overlap(groups, OTHER, _idf)


def test_the_everyone_phrase_of_a_request_is_the_stakeholders():
    found = refrain_paraphrases("What were all parties asked to stop doing?", "en")
    assert [p.source for p in found] == ["asked to stop", "all parties"]
    assert found[1].term is not None and found[1].term.en == "stakeholders"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did the Council ask everyone to do?", "en"),  # a request, but nothing to avoid
        ("How can developing countries avoid the digital divide?", "en"),  # avoiding, but no request
        ("Who did the Assembly ask to report?", "en"),
        ("请问理事会呼吁什么？", "zh"),  # 请问 is "may I ask", no request
    ],
)
def test_other_questions_have_no_request_to_refrain(question, lang):
    assert refrain_paraphrases(question, lang) == ()


def test_the_query_searches_the_request_in_both_languages():
    query = translate_query("What did the Assembly ask everyone not to do?", "en", AnyTerms())
    searched = {t for g in query.groups if g.origin == "paraphrase" for t in g.tokens}
    assert {"refrain", "·避免", "stakehold"} <= searched
