"""Who-questions asking to or with whom an addressee acts are answered with the body the clause addresses."""

from __future__ import annotations

import pytest

from assistant.answering.recipients import asks_recipient, recipient_in, recipient_lead


@pytest.mark.parametrize(
    ("question", "lang", "asks"),
    [
        ("Who must the Secretary-General report to?", "en", True),
        ("To whom does the Secretary-General report every year?", "en", True),
        ("Who should the Secretary-General share UN system advice with?", "en", True),
        ("秘书长必须向谁报告？", "zh", True),
        ("秘书长应与谁分享建议？", "zh", True),
        ("Who must report to Council?", "en", False),  # asks who acts
        ("谁必须向理事会报告？", "zh", False),
    ],
)
def test_asks_recipient_tells_the_recipient_from_the_actor(question, lang, asks):
    assert asks_recipient(question, lang) is asks


def test_a_chinese_clause_names_the_body_after_its_preposition_and_before_the_act():
    q = "秘书长必须向谁报告？"
    assert recipient_in("每年向理事会报告对国际电联产生重大战略或财务影响的活动，", "zh", q).en == "Council"
    assert recipient_in("与成员国分享联合国系统内提供的建议和信息，", "zh", q).en == "Member States"


def test_partners_of_a_longer_phrase_are_no_recipient():
    # 与联合国其他机构…的合作: the UN's other bodies are partners, nothing is shared with "the UN".
    assert (
        recipient_in("促进与联合国其他机构，主要是联合国教育、科学和文化组织的合作；", "zh", "秘书长应与谁合作？")
        is None
    )


def test_an_english_clause_names_the_body_after_to():
    assert (
        recipient_in("The Secretary-General shall report to the Council every year.", "en", "Who …to?").en == "Council"
    )


def test_a_range_or_the_question_s_own_subject_is_no_recipient():
    assert recipient_in("from design and development to deployment and utilization", "en", "Who … to?") is None
    asked = "To whom must Member States submit their national AI strategies?"
    assert recipient_in("与成员国分享有关人工智能技术的信息", "zh", asked) is None


def test_the_lead_names_the_recipient_in_both_languages():
    council = recipient_in("向理事会报告", "zh", "向谁报告？")
    assert recipient_lead(council, "en") == "The Council (理事会)"
    assert recipient_lead(council, "zh") == "理事会（Council）"


@pytest.mark.parametrize(
    ("question", "lead", "clause"),
    [
        ("Who must the Secretary-General report to?", "The Council (理事会).", "secretary-general/7"),
        ("To whom does the Secretary-General report every year?", "The Council (理事会).", "secretary-general/7"),
        ("秘书长必须向谁报告？", "理事会（Council）。", "secretary-general/7"),
        (
            "Who should the Secretary-General share UN system advice with?",
            "Member States (成员国).",
            "secretary-general/4",
        ),
    ],
)
def test_a_recipient_question_leads_with_the_recipient_and_cites_its_clause(assistant, question, lead, clause):
    answer = assistant.ask(question)
    assert answer.text.startswith(lead)
    assert [c.chunk_id for c in answer.citations] == [f"eur-44a25-1/operative/{clause}"]


def test_who_acts_is_still_answered_with_the_addressee(assistant):
    assert assistant.ask("Who must report to Council?").text.startswith("The Secretary-General")


def test_the_question_s_own_subject_is_skipped_for_the_next_recipient():
    clause = "与成员国分享信息，并每年向理事会报告；"
    assert recipient_in(clause, "zh", "To whom must Member States report?").en == "Council"
