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
