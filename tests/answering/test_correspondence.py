"""Verbs of correspondence: what a question asks something matches, and the clauses that state a match."""

from __future__ import annotations

import pytest

from assistant.answering.correspondence import asks_correspondence, states_correspondence


@pytest.mark.parametrize(
    ("question", "lang", "asks"),
    [
        ("Which broader UN initiatives does the resolution align with?", "en", True),
        ("Which wider UN efforts does the resolution fit in with?", "en", True),
        ("What is the resolution consistent with?", "en", True),
        ("文章说这项决议与联合国哪类更广泛的倡议相一致？", "zh", True),
        ("秘书长要确保哪些活动符合国际电联的职权？", "zh", True),
        ("Which initiatives does the resolution name?", "en", False),
        ("Who aligned the figures?", "en", False),  # no "with": aligning is no correspondence asked
        ("决议提到了哪些倡议？", "zh", False),
        ("这项决议和联合国哪些倡议一脉相承？", "zh", True),  # continues the same line
        ("这项决议与哪些国际努力相呼应？", "zh", True),
        ("决议呼吁会员国采取哪些行动？", "zh", False),  # 呼吁 calls for; it is no 呼应
    ],
)
def test_a_question_asks_what_something_matches(question, lang, asks):
    assert asks_correspondence(question, lang) is asks


def test_a_clause_states_a_correspondence_in_either_language():
    assert states_correspondence("It aligns with broader UN initiatives aimed at fostering digital cooperation.")
    assert states_correspondence("确保国际电联人工智能技术相关活动符合国际电联的职权")
    assert not states_correspondence("The resolution paves the way for sustained engagement.")
