from __future__ import annotations

import pytest

from assistant.answering.contradiction import (
    borrowed,
    described,
    other_dates,
    other_places,
    other_years,
    own_text,
    stating_record,
    unstated_dates,
    unstated_topic,
)
from assistant.schema import Chunk

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


@pytest.mark.parametrize(
    ("question", "lang", "clause", "unstated"),
    [
        (
            "Is the resolution about nuclear weapons?",
            "en",
            "The resolution underscores human rights.",
            ["nuclear", "weapons"],
        ),
        (
            "Does the article talk about cybersecurity?",
            "en",
            "AI systems that prioritize safety and security.",
            ["cybersecurity"],
        ),
        ("决议草案是否涉及气候变化？", "zh", "联大有关“变革我们的世界：2030年可持续发展议程”的决议；", ["气候变化"]),
        # half the topic stated is a paraphrase, not another topic: "bridging" for 弥合
        ("Was Resolution 139 about bridging the digital divide?", "en", "第139号决议：利用电信弥合数字鸿沟", []),
        # a term inside a longer one the glossary reads first
        ("Does it concern the information society?", "en", "信息社会世界峰会（WSIS）成果", []),
        # "about" after a verb names no topic of the question
        (
            "Is the head of the secretariat obliged to inform the governing body about audits?",
            "en",
            "每年向理事会报告",
            [],
        ),
        ("Who reports to the Council?", "en", "每年向理事会报告", []),  # no topic asked
        # generic words said by others of their kind (相关 as 有关, 单位 as 实体, 工作 as 活动) are stated
        ("宗旨里是否提到要让相关单位参与国际电联的工作？", "zh", "促进有关实体参与国际电联的活动", []),
        # without them, three words of five are not stated
        ("宗旨里是否提到要让相关单位参与国际电联的工作？", "zh", "促进参与国际电联", ["相关", "单位", "工作"]),
    ],
)
def test_a_yes_no_topic_the_clause_does_not_state_is_unstated(question, lang, clause, unstated):
    assert unstated_topic(question, lang, clause, {}) == unstated


@pytest.mark.parametrize(
    "question", ["Is the resolution about nuclear weapons?", "决议草案是否涉及气候变化？", "这篇报道是否提到了核武器？"]
)
def test_a_yes_no_question_on_an_absent_topic_is_not_answered_yes(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))


@pytest.mark.parametrize(
    "question", ["Does the draft resolution mention the digital divide?", "这篇报道是否提到了可持续发展目标？"]
)
def test_a_yes_no_question_on_a_topic_a_clause_states_is_still_answered(assistant, question):
    assert assistant.ask(question).text.startswith(("Yes", "是的"))


@pytest.mark.parametrize(
    ("question", "contradicted"),
    [
        ("Was Resolution 139 revised in 2004?", ["2004"]),
        ("第139号决议是2030年修订的吗？", ["2030"]),
        ("Was Resolution 139 revised in 2022?", []),  # the clause's own year
        ("第139号决议是2022年修订的吗？", []),
        ("Was Resolution 139 revised?", []),  # no year asked
    ],
)
def test_a_year_the_clause_does_not_give_is_contradicted_only_when_it_gives_another(question, contradicted):
    assert other_years(question, CLAUSE_139) == contradicted


def _record(text: str) -> Chunk:
    return Chunk(
        id="a/dateline",
        doc_id="a",
        text=text,
        lang="en",
        kind="dateline",
        section_kind="header",
        start=0,
        end=len(text),
    )


def test_a_clause_giving_no_city_or_year_leaves_them_to_the_documents_dated_record():
    dateline = _record("New York, 21 March, 2004")
    clause = "The General Assembly embraced a pivotal resolution."
    assert stating_record("Was the resolution adopted in New York?", clause, [dateline]) is dateline
    assert stating_record("Was the resolution adopted in 2022?", clause, [dateline]) is dateline
    assert stating_record("Was the resolution adopted?", clause, [dateline]) is None
    assert stating_record("Was Resolution 139 revised in 2004?", CLAUSE_139, [dateline]) is None  # the clause gives one


@pytest.mark.parametrize(
    "question",
    ["Was Resolution 140 revised in 2004?", "联合国大会是在2022年通过人工智能决议的吗？"],
)
def test_a_yes_no_question_on_another_year_is_not_answered_yes(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))


def test_a_place_only_the_dateline_gives_is_answered_from_the_dateline(assistant):
    answer = assistant.ask("Was the UN General Assembly resolution on AI adopted in New York?")
    assert not answer.abstained and answer.text.startswith("Yes")
    assert [c.chunk_id for c in answer.citations] == ["unido-unga-ai-resolution/dateline"]


CLAUSE_140 = "本届大会有关信息社会世界峰会成果的第140号决议（2022年，布加勒斯特，修订版），"


@pytest.mark.parametrize(
    ("question", "lent"),
    [
        ("Was the General Assembly's resolution on AI adopted in 2022?", ["2022"]),
        ("Was the resolution on AI adopted in Bucharest?", ["Bucharest"]),
        ("联合国大会是在2022年通过人工智能决议的吗？", ["2022"]),
        ("Was Resolution 140 revised in 2022?", []),  # the question names the document the year is of
        ("第140号决议是在布加勒斯特修订的吗？", []),
        ("Were Resolutions 139 and 140 revised in 2022?", []),
        # Another year or city than the record's is no more the clause's own (was answered "Yes.").
        ("Was the resolution on WSIS outcomes revised in 2017?", ["2017"]),
        ("有关信息社会世界峰会成果的决议是2017年修订的吗？", ["2017"]),
        ("Was the resolution on WSIS outcomes revised in Geneva?", ["Geneva"]),
    ],
)
def test_a_year_or_city_in_another_documents_record_is_borrowed(question, lent):
    assert borrowed(question, CLAUSE_140) == lent


def test_a_clause_without_a_record_lends_no_year():
    assert borrowed("Was the resolution on WSIS outcomes revised in 2017?", "信息社会世界峰会成果的决议，") == []


@pytest.mark.parametrize(
    "question",
    ["Was the resolution on WSIS outcomes revised in 2017?", "有关信息社会世界峰会成果的决议是2017年修订的吗？"],
)
def test_a_year_asked_of_an_unnamed_resolution_is_not_said_yes_from_anothers_record(assistant, question):
    # before: recalling d (第140号决议（2022年，…）) was quoted with "Yes." for 2017
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))


def test_another_documents_record_neither_gives_nor_contradicts_a_year():
    question = "Was the resolution on AI adopted in 2004?"
    assert other_years(question, own_text(question, CLAUSE_140)) == []
    assert other_years(
        "Was Resolution 140 revised in 2004?", own_text("Was Resolution 140 revised in 2004?", CLAUSE_140)
    )


def test_a_year_another_resolution_was_revised_in_does_not_answer_yes(assistant):
    answer = assistant.ask("Did the General Assembly adopt the resolution on AI in 2022?")
    # Not "Yes", and not "the documents do not mention 2022" either: the ITU draft's header gives 2022.
    assert answer.abstained and not answer.text.startswith("Yes") and "not 2022" not in answer.text
    assert assistant.ask("Was Resolution 140 revised in 2022?").text.startswith("Yes")


def test_a_year_the_record_writes_as_a_name_is_not_said_to_be_given_otherwise(assistant):
    # The header's 《2030年可持续发展议程》 names the Agenda: quoting it as "not 2030" contradicts itself.
    answer = assistant.ask("Are the Sustainable Development Goals to be achieved by 2030?")
    assert answer.abstained and "otherwise" not in answer.text


CLAUSES = [CLAUSE_139, CLAUSE_140, "联大有关“变革我们的世界：2030年可持续发展议程”的第A/RES70/1号决议；"]


@pytest.mark.parametrize(
    ("question", "lang", "named"),
    [
        ("Was the resolution on WSIS outcomes revised in Bucharest?", "en", ["140"]),
        ("有关信息社会世界峰会成果的决议是在布加勒斯特修订的吗？", "zh", ["140"]),
        ("Was the resolution on the digital divide revised in 2022?", "en", ["139"]),
        ("Was the resolution on AI adopted in 2022?", "en", []),  # no recorded resolution on AI
        ("Was Resolution 139 revised in 2022?", "en", []),  # named by number already
        ("Was the resolution revised in 2022?", "en", []),  # no topic
    ],
)
def test_a_resolution_named_by_its_topic_is_the_one_recorded_resolution_on_it(question, lang, named):
    assert [i.key for i in described(question, lang, CLAUSES, {})] == named


def test_a_topic_two_recorded_resolutions_share_names_neither():
    both = [CLAUSE_139, "本届大会有关弥合数字鸿沟的第200号决议（2018年，迪拜），"]
    assert described("Was the resolution on the digital divide revised in 2022?", "en", both, {}) == ()


def test_the_record_of_a_resolution_named_by_its_topic_is_its_own():
    question = "Was the resolution on WSIS outcomes revised in Bucharest?"
    named = described(question, "en", CLAUSES, {})
    assert borrowed(question, CLAUSE_140, named) == []
    assert other_years("… revised in 2017?", own_text(question, CLAUSE_140, named)) == ["2017"]


@pytest.mark.parametrize(
    ("question", "clause", "contradicted"),
    [
        ("Was the resolution adopted in April 2024?", "New York, 21 March, 2004", ["April"]),
        ("决议是2024年4月通过的吗？", "New York, 21 March, 2004", ["4月"]),
        ("Was it adopted on 22 March 2024?", "New York, 21 March, 2004", ["22 March"]),
        ("Was it adopted in March 2024?", "New York, 21 March, 2004", []),
        ("决议是3月21日通过的吗？", "New York, 21 March, 2004", []),
        ("Was it adopted in April?", "国际电信联盟全权代表大会（2022年，布加勒斯特）", []),  # no month given
    ],
)
def test_a_month_or_day_the_clause_does_not_give_is_contradicted_only_when_it_gives_another(
    question, clause, contradicted
):
    assert other_dates(question, clause) == contradicted


def test_a_month_asked_of_a_record_that_gives_none_is_unstated():
    header = "国际电信联盟全权代表大会（2022年，布加勒斯特）"
    assert unstated_dates("Was the conference held in May 2022?", header) == ["May"]
    assert unstated_dates("Was it adopted in March?", "New York, 21 March, 2004") == []


@pytest.mark.parametrize("clause", ["the strategic plan for 2022-2026", "2022–2026年战略规划", "2022至2026年战略规划"])
@pytest.mark.parametrize("year", ["2022", "2024", "2026"])
def test_a_year_range_does_not_contradict_a_year_it_contains(clause, year):
    assert other_years(f"Was the plan adopted for {year}?", clause) == []
    assert other_years("Was the plan adopted for 2030?", clause) == ["2030"]


def test_a_month_only_the_dateline_gives_is_answered_from_it():
    dateline = _record("New York, 21 March, 2004")
    clause = "The General Assembly embraced a pivotal resolution."
    assert stating_record("Was it adopted in April?", clause, [dateline]) is dateline


def test_the_seat_in_a_description_of_a_body_is_no_place_asked():
    header = "国际电信联盟全权代表大会（2022年，布加勒斯特）"
    # 日内瓦那家管通信的单位 is ITU (descriptions.py): the draft's Bucharest contradicts nothing.
    assert other_places("日内瓦那家管通信的单位是否要求各机构彼此衔接？", header) == []
    # A place the question asks about is still checked.
    assert other_places("决议是在日内瓦修订的吗？", header) == ["日内瓦"]
