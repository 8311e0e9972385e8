"""Clauses that introduce a list, and questions that count a list's items."""

from __future__ import annotations

import pytest

from assistant.answering.subitems import counts_items, item_count_lead, sub_items
from assistant.schema import Chunk


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How many sub-items does the list have?", "en"),
        ("How many points make up ITU's purposes?", "en"),
        ("What is the number of items in the list?", "en"),
        ("国际电联的宗旨包括几项？", "zh"),
        ("宗旨共有多少条？", "zh"),
    ],
)
def test_questions_that_count_a_lists_items(question, lang):
    assert counts_items(question, lang)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How many countries backed the resolution?", "en"),
        ("How many agencies should ITU cooperate with?", "en"),
        ("大会通过了几项决议草案？", "zh"),  # 几项 counts resolutions here, not list items
        ("有多少个成员国支持？", "zh"),
    ],
)
def test_questions_that_count_other_things_do_not(question, lang):
    assert not counts_items(question, lang)


def _chunk(cid: str, text: str, start: int) -> Chunk:
    return Chunk(
        id=cid,
        doc_id="d",
        text=text,
        lang="zh",
        kind="clause",
        section_kind="preamble",
        start=start,
        end=start + len(text),
        path=tuple(cid.split("/")[1:]),
    )  # type: ignore[arg-type]


def test_a_clause_ending_in_a_colon_introduces_its_sub_clauses_in_document_order():
    intro = _chunk("d/considering/a", "国际电联的宗旨包括：", 0)
    items = [_chunk("d/considering/a/2", "第二项；", 20), _chunk("d/considering/a/1", "第一项；", 10)]
    other = _chunk("d/considering/b", "另一条款；", 30)
    assert [c.id for c in sub_items(intro, [intro, *items, other])] == ["d/considering/a/1", "d/considering/a/2"]
    assert sub_items(other, [intro, *items, other]) == []  # no colon: introduces nothing


def test_the_short_answer_says_how_many_in_the_questions_language():
    assert item_count_lead(3, "en") == "3 items."
    assert item_count_lead(1, "en") == "1 item."
    assert item_count_lead(3, "zh") == "共3项。"
