"""Partitive nouns ("stages", 阶段) and the whole they are asked of."""

from __future__ import annotations

import pytest

from assistant.answering.partitive import complement, is_partitive


@pytest.mark.parametrize(
    ("asked", "lang", "expected"),
    [
        ("stages", "en", True),
        ("phases", "en", True),
        ("countries", "en", False),
        ("阶段", "zh", True),
        ("国家", "zh", False),
    ],
)
def test_a_partitive_noun_names_a_part(asked, lang, expected):
    assert is_partitive(asked, lang) is expected


def _span(question: str, noun: str) -> tuple[int, int]:
    start = question.index(noun)
    return start, start + len(noun)


def test_the_english_complement_ends_at_an_auxiliary_and_is_then_certain():
    q = "Which stages of the AI lifecycle does the article list?"
    assert complement(q, "en", *_span(q, "stages")) == (["AI", "lifecycle"], True)


def test_a_possessive_is_read_as_its_noun():
    q = "Which phases of the system's life must respect rights?"
    words, _ = complement(q, "en", *_span(q, "phases"))
    assert words == ["system", "life"]


def test_without_of_there_is_no_complement():
    q = "Which stages matter most?"
    assert complement(q, "en", *_span(q, "stages")) == ([], False)


def test_the_chinese_whole_stands_before_the_question_word_and_must_be_a_noun():
    q = "人工智能生命周期包括哪些阶段？"
    assert complement(q, "zh", *_span(q, "阶段")) == (["生命周期"], True)
    # 今后 (from now on) is when, not what the parts are of
    q = "今后有哪些方面会一起参与？"
    assert complement(q, "zh", *_span(q, "方面")) == ([], True)
