"""Reasons and purposes in a clause, and how they tie to a why-question's words."""

from __future__ import annotations

import pytest

from assistant.answering.evidence import question_groups
from assistant.answering.reasons import reason_lead, reason_nudge, reason_spans, ties
from tests.answering.toy import toy_context


@pytest.mark.parametrize(
    ("text", "lang", "kind", "span", "effect"),
    [
        (
            "由于技术变化，电信的格局将继续发展，提供商可以采用新技术；",
            "zh",
            "cause",
            "由于技术变化",
            "电信的格局将继续发展",
        ),
        (
            "同时，国际电联利用现有合作机制以避免重复工作；",
            "zh",
            "purpose",
            "以避免重复工作",
            "国际电联利用现有合作机制",
        ),
        (
            "加强与其他组织的合作，以实现国际电联的宗旨；",
            "zh",
            "purpose",
            "以实现国际电联的宗旨",
            "加强与其他组织的合作",
        ),
        ("该中心成立于2017年，其目的是改进协调；", "zh", "purpose", "其目的是改进协调", "该中心成立于2017年"),
        ("各组织为解决伦理问题而实施的举措，", "zh", "purpose", "为解决伦理问题而", "实施的举措"),
        ("各方分享经验，因此合作得到加强。", "zh", "cause", "各方分享经验", "因此合作得到加强"),
        (
            "Because of rapid change, the landscape keeps evolving.",
            "en",
            "cause",
            "Because of rapid change",
            "the landscape keeps evolving",
        ),
        (
            "States share data so as to avoid duplication.",
            "en",
            "purpose",
            "so as to avoid duplication",
            "States share data",
        ),
        ("Costs rose; therefore the plan changed.", "en", "cause", "Costs rose", "therefore the plan changed"),
    ],
)
def test_a_reason_span_and_what_it_is_given_for(text, lang, kind, span, effect):
    [found] = reason_spans(text, lang)
    assert (found.kind, found.span, found.effect) == (kind, span, effect)
    assert text[found.start : found.end].startswith(span)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("成员国可以分享信息以及建议；", "zh"),  # 可以, 以及: no purpose
        ("以上各项和以下各项均适用；", "zh"),
        ("The centre has worked on AI since 2017.", "en"),  # "since" of time
        ("The Assembly adopted the resolution.", "en"),
    ],
)
def test_words_that_only_look_like_markers_give_no_reason(text, lang):
    assert reason_spans(text, lang) == []


DOCS = {
    "res": (
        "resolution",
        [
            ("header", "Draft resolution"),
            ("clause", "Member States share data on networks so as to avoid duplication of work."),
            ("clause", "Many bodies act in order to share data on networks."),
            ("clause", "Member States share data on networks every year."),
        ],
    ),
}
TIED, CONVERSE, NONE = "res/clause/2", "res/clause/3", "res/clause/4"


def _nudge(question: str, chunk_id: str) -> float:
    ctx = toy_context(DOCS, hits=[TIED, CONVERSE, NONE])
    chunk = next(c for c in ctx.chunks if c.id == chunk_id)
    return reason_nudge(question_groups(question, "en"), chunk, "en", ctx)


def test_a_reason_given_for_the_questions_words_is_preferred_and_one_that_is_them_is_not():
    question = "Why do Member States share data on networks?"
    assert _nudge(question, TIED) > 0
    assert _nudge(question, CONVERSE) < 0  # it says what the bodies act for, not why data is shared
    assert _nudge(question, NONE) == 0


def test_the_words_asking_for_a_purpose_are_no_part_of_what_it_is_given_for():
    # "purpose" asks; the clause's "so as to" span does not state the question's content by containing it.
    ctx = toy_context(DOCS, hits=[TIED])
    chunk = next(c for c in ctx.chunks if c.id == TIED)
    [tie] = ties(question_groups("What is the purpose of sharing data on networks?", "en"), chunk, "en", ctx)
    assert tie.tied and tie.within == 0


def test_the_lead_is_the_tied_reason_as_the_clause_writes_it_in_the_questions_language():
    ctx = toy_context(DOCS, hits=[TIED])
    chunk = next(c for c in ctx.chunks if c.id == TIED)
    groups = question_groups("Why do Member States share data on networks?", "en")
    assert (
        reason_lead(groups, chunk, chunk.text, "en", ctx)
        == "The purpose given: 「so as to avoid duplication of work」."
    )
    assert reason_lead(groups, chunk, chunk.text, "zh", ctx) == "目的：「so as to avoid duplication of work」。"
    assert reason_lead(groups, chunk, "Member States share data on networks", "en", ctx) == ""  # not in the quote
