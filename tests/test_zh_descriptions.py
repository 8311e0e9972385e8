"""Informal Chinese descriptions read as the glossary terms a text names them with."""

from __future__ import annotations

import pytest

from assistant.glossary import TERMS
from assistant.zh_descriptions import DESCRIPTIONS, descriptions_in, without_descriptions


def terms(question: str) -> list[str]:
    return [d.term for d, _ in descriptions_in(question, "zh")]


def test_every_row_names_a_glossary_term():
    known = {t.en for t in TERMS}
    assert all(d.term in known for d in DESCRIPTIONS)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("日内瓦那家管通信的单位在AI上做了什么？", ["International Telecommunication Union"]),
        ("那个搞电信的国际组织有什么宗旨？", ["International Telecommunication Union"]),
        ("掌门人多久得向董事会汇报一次？", ["Secretary-General", "Council"]),
        ("管发展那一摊的局长要分享什么？", ["Director of the Telecommunication Development Bureau"]),
        ("负责电信发展的那个局的头儿该做什么？", ["Director of the Telecommunication Development Bureau"]),
        ("联合国那个所有国家都参加的大会通过了什么？", ["General Assembly"]),
        ("全体会员国大会强调了什么？", ["General Assembly"]),
        ("发稿的那家联合国工业机构说了什么？", ["United Nations Industrial Development Organization"]),
        ("机器智能能带来什么？", ["artificial intelligence"]),
        ("各国政府在做什么？", ["Member States"]),
        ("那套十五年全球目标指什么？", ["2030 Agenda for Sustainable Development"]),
        ("那场网络社会全球盛会的成果文件是哪份？", ["World Summit on the Information Society"]),
    ],
)
def test_a_description_is_read_as_its_term(question, expected):
    assert terms(question) == expected


def test_an_officer_takes_the_body_its_description_names():
    # 联盟掌门人 is the Secretary-General, not ITU and a head besides.
    found = descriptions_in("草案要求联盟掌门人确保什么？", "zh")
    assert [(d.term, source) for d, source in found] == [("Secretary-General", "联盟掌门人")]
    found = descriptions_in("日内瓦那家管通信的单位的掌门人要做什么？", "zh")
    assert [d.term for d, _ in found] == ["Secretary-General"]


@pytest.mark.parametrize(
    "question",
    [
        "国际电联秘书长应向理事会报告什么？",  # the terms themselves: the glossary reads them
        "阿拉伯国家联盟有什么作用？",  # another union
        "联盟的成员有哪些？",  # the members, not the Union acting
        "大会在哪里举行？",  # a bare assembly is no General Assembly
        "发展中国家面临什么挑战？",
    ],
)
def test_words_that_describe_nothing_are_left(question):
    assert terms(question) == []


def test_english_questions_have_no_chinese_descriptions():
    assert descriptions_in("What must the head of the union report to its board?", "en") == ()


def test_without_descriptions_leaves_what_the_question_says_of_its_own():
    text = without_descriptions("日内瓦那家管通信的单位在布加勒斯特做了什么？")
    assert "日内瓦" not in text and "布加勒斯特" in text
    assert without_descriptions("Was it adopted in Geneva?") == "Was it adopted in Geneva?"
