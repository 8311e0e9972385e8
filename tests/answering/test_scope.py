"""Time scope: a question about a future or "next" event and the clauses that can speak of one."""

from __future__ import annotations

import pytest

from assistant.answering.scope import asks_future, asks_site, names_gathering, speaks_of_future
from assistant.schema import Chunk


def chunk(text: str, lang: str = "en", kind: str = "clause", section_kind: str = "preamble") -> Chunk:
    return Chunk(
        id="d/x", doc_id="d", text=text, lang=lang, kind=kind, section_kind=section_kind, start=0, end=len(text)
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "lang", "future"),
    [
        ("Where will the next Plenipotentiary Conference be held?", "en", True),
        ("Which city hosts the next AI summit?", "en", True),
        ("When will the UNICRI robotics centre close?", "en", True),
        ("Where was the conference held?", "en", False),
        ("When did the General Assembly adopt the resolution?", "en", False),
        ("下一届全权代表大会将在哪座城市举行？", "zh", True),
        ("全权代表大会是在哪座城市举行的？", "zh", False),
        # 将 alone is also the object marker (like 把): "which countries use AI for …".
        ("哪些国家将人工智能用于可持续发展？", "zh", False),
        ("大会将于何时举行？", "zh", True),
        # 将 before a verb or a question word is the future; before an object it is not
        ("哪座城市将举办全权代表大会？", "zh", True),
        ("联合国大会将何时审议这项决议？", "zh", True),
        ("电信提供商可以将什么技术用于管理网络？", "zh", False),
        # an object after 将 may start with a question word (哪些) or a verb-led noun (决定草案, 实施情况)
        ("成员国将哪些技术用于实现可持续发展目标？", "zh", False),
        ("秘书长应将实施情况报告给哪个机构？", "zh", False),
        ("联合国大会什么时候将决定草案通过的？", "zh", False),
        ("委员会将讨论结果提交给了谁？", "zh", False),
        ("全权代表大会将在哪里举行？", "zh", True),
        ("理事会将讨论什么问题？", "zh", True),
    ],
)
def test_a_question_about_what_is_to_come(question, lang, future):
    assert asks_future(question, lang) is future


def test_a_dateline_or_header_never_speaks_of_the_future():
    assert not speaks_of_future(chunk("New York, 21 March, 2004", kind="dateline", section_kind="header"))
    assert not speaks_of_future(chunk("国际电信联盟全权代表大会（2022年，布加勒斯特）", "zh", "header", "header"))


def test_a_past_fact_does_not_and_an_instruction_or_future_marker_does():
    assert not speaks_of_future(chunk("2017年成立的联合国区域间犯罪和司法研究所人工智能和机器人中心", "zh"))
    assert speaks_of_future(chunk("每年向理事会报告", "zh", section_kind="operative"))
    assert speaks_of_future(chunk("Looking ahead, the resolution paves the way for cooperation", section_kind="body"))
    assert speaks_of_future(chunk("国际电信/ICT的格局将继续发展", "zh"))


def test_a_question_about_the_next_gathering_needs_a_clause_that_names_one():
    resolves = chunk(
        "确保成员国能够贡献和利用国际电联的信息和建议，最大程度地将人工智能技术应用于电信/ICT",
        "zh",
        section_kind="operative",
    )
    report = chunk("每年向理事会报告", "zh", section_kind="operative")
    assert names_gathering("Where will the next Plenipotentiary Conference take place?", "en")
    assert names_gathering("下一届人工智能造福人类高峰会议将在何地召开？", "zh")
    assert not names_gathering("Where will the Secretary-General report?", "en")
    # An operative clause asks for future action, but says nothing of the next conference unless it names one.
    assert speaks_of_future(resolves) and not speaks_of_future(resolves, gathering=True)
    assert not speaks_of_future(report, gathering=True)
    assert speaks_of_future(chunk("The next summit will be held in 2026.", section_kind="body"), gathering=True)


@pytest.mark.parametrize(
    ("question", "lang", "sited"),
    [
        ("Where is the AI and robotics centre based?", "en", True),
        ("In which city is ITU headquartered?", "en", True),
        ("那个人工智能和机器人中心设在哪座城市？", "zh", True),
        ("该研究所的总部在哪里？", "zh", True),
        ("Where was the Plenipotentiary Conference located?", "en", False),  # a gathering: where it was held
        ("全权代表大会位于哪座城市？", "zh", False),
        ("Where was the news item filed?", "en", False),
    ],
)
def test_a_question_asks_where_something_is_sited_unless_it_is_a_gathering(question, lang, sited):
    assert asks_site(question, lang) is sited
