"""Approximation words ("roughly", "about how many", 大约, 左右) say how exact an answer may be, not a topic."""

from __future__ import annotations

import pytest

from assistant.answering.analysis import analyse_question
from assistant.answering.hedges import without_hedges


@pytest.mark.parametrize(
    ("question", "lang", "plain"),
    [
        ("How many countries roughly got behind it?", "en", "How many countries got behind it?"),
        ("Roughly how many countries backed it?", "en", "how many countries backed it?"),
        ("About how many states backed it?", "en", "how many states backed it?"),
        ("How many states, more or less, backed it?", "en", "How many states backed it?"),
        ("How many countries backed it, approximately?", "en", "How many countries backed it?"),
        ("Did around 120 states vote?", "en", "Did 120 states vote?"),
        ("大约有多少国家支持这项决议？", "zh", "有多少国家支持这项决议？"),
        ("支持决议的国家有多少个左右？", "zh", "支持决议的国家有多少个？"),
        ("决议获得了约120个国家的支持吗？", "zh", "决议获得了120个国家的支持吗？"),
    ],
)
def test_a_hedge_on_the_answer_is_dropped(question, lang, plain):
    assert without_hedges(question, lang) == plain


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # "about", "around", "some", 约, 近 carry a topic or a share where no figure follows them
        ("What does the resolution say about AI?", "en"),
        ("What can AI help countries deal with around the world?", "en"),
        ("Did some member states oppose it?", "en"),
        ("决议对人工智能的约束力如何？", "zh"),
        ("最近通过的决议是哪一项？", "zh"),
    ],
)
def test_a_word_that_hedges_only_before_a_figure_is_kept_elsewhere(question, lang):
    assert without_hedges(question, lang) == question


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("How many countries roughly got behind the resolution?", "got"),
        ("How many countries approximately supported the resolution?", "supported"),
        ("How many countries got behind the resolution?", "got"),
    ],
)
def test_a_hedge_after_the_answer_noun_is_not_the_verb_of_what_it_did(question, verb):
    assert analyse_question(question, "en").answer_verb == verb


def test_a_count_asked_roughly_is_answered_with_the_count(assistant):
    # The article never says "roughly": the hedge is no word a clause must state.
    answer = assistant.ask("How many countries roughly got behind the UN's new AI resolution?")
    assert not answer.abstained
    assert "120" in answer.text
