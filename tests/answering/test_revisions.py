"""First adoption: a date the text gives only for a revised version is not when it was first adopted."""

from __future__ import annotations

import pytest

from assistant.answering.revisions import asks_first, revision_dated


@pytest.mark.parametrize(
    ("question", "lang", "first"),
    [
        ("When was Resolution 140 originally adopted?", "en", True),
        ("In what year was Resolution 140 first approved?", "en", True),
        ("第140号决议首次通过是在哪一年？", "zh", True),
        ("第140号决议最早是什么时候通过的？", "zh", True),
        ("When was Resolution 140 revised?", "en", False),
        ("第140号决议是哪一年修订的？", "zh", False),
    ],
)
def test_a_question_about_the_first_time(question, lang, first):
    assert asks_first(question, lang) is first


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("本届大会有关ICT的第140号决议（2022年，布加勒斯特，修订版），", True),
        ("Resolution 140 (Rev. Bucharest, 2022)", True),
        ("Resolution 140 as amended in 2022;", True),
        # The first adoption's date beside the revision's: the first one is given.
        ("Resolution 140 (Tunis, 2005; Rev. Bucharest, 2022)", False),
        # A date with no revision mark, or no date at all.
        ("国际电信联盟全权代表大会（2022年，布加勒斯特）", False),
        ("本届大会有关ICT的第140号决议（修订版）", False),
        # The 2030 Agenda's year is its name, not a date: the revision's date is the only one.
        ("促进《2030年可持续发展议程》的第140号决议（2022年，修订版）", True),
    ],
)
def test_a_clause_dated_only_by_a_revision(text, dated):
    assert revision_dated(text) is dated
