from __future__ import annotations

import pytest

from assistant.answering.contradiction import other_places

CLAUSE_139 = "本届大会有关弥合数字鸿沟的第139号决议（2022年，布加勒斯特，修订版）；"


@pytest.mark.parametrize(
    ("question", "contradicted"),
    [
        ("Was Resolution 139 revised in New York?", ["New York"]),
        ("第139号决议是在巴黎修订的吗？", ["巴黎"]),
        ("Was Resolution 139 revised in Bucharest?", []),  # the clause's own city, written in English
        ("第139号决议是在布加勒斯特修订的吗？", []),
        ("Was Resolution 139 revised?", []),  # no place asked
    ],
)
def test_a_place_the_clause_does_not_give_is_contradicted_only_when_it_gives_another(question, contradicted):
    assert other_places(question, CLAUSE_139) == contradicted


def test_a_clause_naming_no_city_contradicts_no_place():
    assert other_places("Was the resolution adopted in New York?", "The General Assembly adopted it.") == []


@pytest.mark.parametrize(
    "question",
    [
        "Was Resolution 139 revised in New York?",
        "第140号决议是在日内瓦修订的吗？",
        "Were Resolutions 139 and 140 both revised in Geneva?",
    ],
)
def test_a_yes_no_question_on_another_place_is_not_answered_yes(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))


@pytest.mark.parametrize(
    "question",
    [
        "Was Resolution 140 revised in Bucharest?",
        "第139号决议是在布加勒斯特修订的吗？",
    ],
)
def test_a_yes_no_question_on_the_clauses_own_place_is_still_answered(assistant, question):
    answer = assistant.ask(question)
    assert answer.text.startswith(("Yes", "是的")) and answer.citations
