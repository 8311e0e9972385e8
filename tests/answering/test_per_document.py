"""Yes/no, when and where questions about several numbered documents: one clause per document, each cited."""

from __future__ import annotations

import re

import pytest

from assistant.answering.compose import answer_extractive

from .toy import toy_context

RECALLING = "eur-44a25-1/preamble/recalling/"


def _cited(answer):
    return [c.chunk_id for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Were Resolutions 139 and 140 both revised?", "Yes, for each of Resolution 139 and Resolution 140:"),
        ("Were both Resolution 139 and Resolution 140 revised in Bucharest?", "Yes, for each of"),
        ("Do Resolutions 139 and 140 both concern the information society?", "Yes, for each of"),
        # a named section (recalling) adds no clause on the other resolution to either part
        ("Are Resolutions 139 and 140 recalled in the draft?", "Yes, for each of"),
        ("第139号和第140号决议都经过修订了吗？", "是的，第139号决议和第140号决议均有条款为据："),
        ("第139、140号决议是否都在2022年修订？", "是的，"),
    ],
)
def test_a_yes_no_question_on_two_resolutions_cites_the_clause_of_each(assistant, question, lead):
    # recalling c names Resolution 139 and d Resolution 140, each with its revision; neither names both
    answer = assistant.ask(question)
    assert not answer.abstained
    assert _cited(answer) == [RECALLING + "c", RECALLING + "d"]
    lines = answer.text.split("\n")
    assert lines[0] == lead or (lead.endswith(("of", "，")) and lines[0].startswith(lead))
    # numbered by document, each part closing on its own citation mark, no "covers only" line
    assert re.match(r"1\. (Resolution 139 — |第139号决议——).*\[1\]$", lines[1])
    assert re.match(r"2\. (Resolution 140 — |第140号决议——).*\[2\]$", lines[2])
    assert "covers only" not in answer.text and "仅涉及" not in answer.text


def test_a_when_question_on_two_resolutions_answers_for_each(assistant):
    answer = assistant.ask("In which year were Resolutions 139 and 140 revised?")
    assert _cited(answer) == [RECALLING + "c", RECALLING + "d"]
    first, second = answer.text.split("\n")[1:3]
    assert "2022 (2022年)." in first and "2022 (2022年)." in second
    assert not answer.text.startswith(("Yes", "是的"))  # a when answer says no yes


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("第139号和第140号决议分别是在哪里修订的？", ("第139号决议——", "第140号决议——")),
        ("In which city were Resolutions 139 and 140 revised?", ("Resolution 139 — ", "Resolution 140 — ")),
    ],
)
def test_a_where_question_on_two_resolutions_gives_each_ones_place_from_its_own_clause(assistant, question, names):
    # Before, only "According to" / "依据：" was checked: any clause of any document passed.
    answer = assistant.ask(question)
    assert not answer.abstained and not answer.text.startswith(("Yes", "是的"))
    assert _cited(answer) == [RECALLING + "c", RECALLING + "d"]
    first, second = answer.text.split("\n")[1:3]
    # each numbered part names its resolution, quotes the clause that gives the place, and cites that clause
    for line, name, number, marker, citation in zip(
        (first, second), names, ("第139号决议", "第140号决议"), ("[1]", "[2]"), answer.citations, strict=True
    ):
        assert line.startswith(f"{marker[1]}. {name}") and line.endswith(marker)
        assert f"{number}（2022年，布加勒斯特，修订版）" in citation.quote and citation.quote in line


@pytest.mark.parametrize(
    ("question", "lead", "missing"),
    [
        # only 139's clause bridges the digital divide; only 140's names the WSIS outcomes
        (
            "Were Resolutions 139 and 140 both about bridging the digital divide?",
            "For Resolution 140: ",
            "digital divide",
        ),
        ("第139号和第140号决议都是关于弥合数字鸿沟的吗？", "关于第140号决议：", "数字鸿沟"),
        ("第139号和第140号决议是否都涉及信息社会世界峰会的成果？", "关于第139号决议：", "信息社会世界峰会"),
    ],
)
def test_no_yes_for_both_when_one_resolutions_clause_lacks_what_is_asked(assistant, question, lead, missing):
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations
    assert answer.text.startswith(lead) and missing in answer.text


def test_documents_asked_about_together_or_one_at_a_time_are_not_answered_per_document(assistant):
    # "together with" joins them in one event: no clause says so
    assert assistant.ask("Was Resolution 139 revised together with Resolution 140?").abstained
    one = assistant.ask("Was Resolution 139 revised?")
    assert _cited(one) == [RECALLING + "c"] and one.text.startswith("Yes. According to")
    # a what-question keeps the one-clause answer that says which document it covers
    what = assistant.ask("What is said of Resolutions 139 and 140 on the digital divide?")
    assert what.text.startswith("This answer covers only Resolution 139.")


def test_a_document_no_clause_names_leaves_the_answer_on_the_other_as_it_was():
    ctx = toy_context(
        {
            "d": (
                "resolution",
                [("clause", "Recalling Resolution 139 on connectivity, as revised in Bucharest in 2022.")],
            )
        },
        hits=["d/clause/1"],
    )
    answer = answer_extractive("Were Resolutions 139 and 140 both revised?", "en", ctx)
    assert _cited(answer) == ["d/clause/1"]
    assert answer.text.startswith("This answer covers only Resolution 139.")


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # the digital divide is recalled for 139 (c), the WSIS outcomes for 140 (d)
        ("Was Resolution 140 about bridging the digital divide?", False),
        ("第139号决议是否涉及信息社会世界峰会的成果？", False),
        ("Was Resolution 139 about bridging the digital divide?", True),
        ("第140号决议是否涉及信息社会世界峰会的成果？", True),
        ("Was Resolution 140 revised?", True),
    ],
)
def test_a_yes_no_question_on_one_resolution_is_no_yes_for_what_another_resolutions_clause_says(
    assistant, question, answered
):
    answer = assistant.ask(question)
    assert answer.abstained is not answered
    assert answer.text.startswith(("Yes.", "是的。")) is answered


@pytest.mark.parametrize(
    "question",
    [
        "Is Resolution 139 or Resolution 140 about the digital divide?",
        "Is Resolution 139 or 140 about bridging the digital divide?",
        "第139号决议或第140号决议是否涉及数字鸿沟？",
        # one 第…号 for both: not "the corpus does not mention 140" (or 139)
        "第139或140号决议是否涉及弥合数字鸿沟？",
        "第139号或140号决议是否涉及数字鸿沟？",
        "第139或第140号决议是否涉及数字鸿沟？",
    ],
)
def test_a_yes_no_question_picking_one_resolution_is_answered_from_that_ones_clause(assistant, question):
    # an "or" between the documents asks whether either does: 139's clause (c) says so, 140's (d) does not,
    # which is no "For Resolution 140: the corpus does not say"
    answer = assistant.ask(question)
    assert not answer.abstained
    assert _cited(answer) == [RECALLING + "c"]


@pytest.mark.parametrize(
    "question",
    [
        "Does Resolution 139 replace Resolution 140?",
        "Are Resolutions 139 and 140 the same?",
        "Is Resolution 139 related to Resolution 140?",
        "第139号决议是否取代了第140号决议？",
        "第139号决议与第140号决议是否相关？",
    ],
)
def test_a_yes_no_question_relating_the_resolutions_is_no_yes_of_each(assistant, question):
    # c and d each recall one resolution; neither says how it stands to the other
    answer = assistant.ask(question)
    assert answer.abstained and not answer.text.startswith(("Yes", "是的"))
