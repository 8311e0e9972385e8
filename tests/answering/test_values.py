"""The value a question asks for: a date, a frequency, a count or an amount, in either language."""

from __future__ import annotations

import pytest

from assistant.answering.values import value_kind, values


@pytest.mark.parametrize(
    ("question", "lang", "qtype", "kind"),
    [
        ("In which year was the centre set up?", "en", "when", "date"),
        ("How often must the Secretary-General report?", "en", "when", "frequency"),
        ("When is the report due?", "en", "when", "date-or-frequency"),
        ("秘书长多久报告一次？", "zh", "when", "frequency"),
        ("中心是哪一年成立的？", "zh", "when", "date"),
        ("How many member states backed it?", "en", "how-many", "count"),
        ("How much does it cost?", "en", "how-much", "amount"),
        ("What must the Director do?", "en", "what-must", ""),
    ],
)
def test_the_kind_of_value_follows_the_question(question, lang, qtype, kind):
    assert value_kind(question, lang, qtype) == kind


def test_values_of_a_kind_are_only_that_kind():
    text = "每年向理事会报告；2017年成立"
    assert [s.kind for s in values("date", text)] == ["date"]
    assert [s.kind for s in values("frequency", text)] == ["frequency"]
    assert {s.kind for s in values("date-or-frequency", text)} == {"date", "frequency"}
    assert values("", text) == []


@pytest.mark.parametrize(
    ("question", "lang"),
    [("这份草案是哪一天通过的？", "zh"), ("On what day was the draft adopted?", "en"), ("决议几月几日通过？", "zh")],
)
def test_a_question_asking_for_the_day_needs_a_day(question, lang):
    assert value_kind(question, lang, "when") == "date-day"
    # A heading's year says when a conference met, not the day anything was adopted.
    assert values("date-day", "全权代表大会（2022年，布加勒斯特）") == []
    assert [s.text for s in values("date-day", "NEW YORK, 21 March 2024 —")] == ["21 March 2024"]
    assert [s.text for s in values("date-day", "2024年3月21日通过")] == ["2024年3月21日"]


def test_the_number_of_a_resolution_is_no_day():
    assert value_kind("草案援引的是本届大会第几号决议？", "zh", "when") != "date-day"
