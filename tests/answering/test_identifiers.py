"""Document identifiers a question names, and whether a text carries them."""

from __future__ import annotations

import re

import pytest

from assistant.answering.analysis import analyse_question
from assistant.answering.identifiers import asks_together, carries, compares, document_ids, picks_one, without


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("In which city was Resolution 140 revised?", ["140"]),
        ("第139号决议是在哪个城市修订的？", ["139"]),
        ("第139号和第140号决议是在哪个城市修订的？", ["139", "140"]),  # each 第…号 is one document
        ("Where was UN resolution A/RES/70/125 adopted?", ["70/125"]),
        ("What does EUR/44A25/1 ask the Secretary-General to do?", ["44A25/1"]),
        ("联大第A/RES/70/125号决议是在哪里通过的？", ["70/125"]),
        # Years, counts and names are no document numbers.
        ("Where was the 2022 Plenipotentiary Conference held?", []),
        ("How many of the 17 SDGs does ITU-T work on?", []),
        ("2022年的全权代表大会在哪里召开？", []),
    ],
)
def test_document_numbers_are_read_from_the_question(question, keys):
    assert [i.key for i in document_ids(question)] == keys


def test_a_number_is_carried_in_any_of_its_writings_but_not_inside_another_number():
    (res,) = document_ids("Where was resolution A/RES/70/1 adopted?")
    assert carries("联大有关议程的第A/RES70/1号决议；", res)
    assert not carries("第A/RES/70/125号决议", res)
    (r139,) = document_ids("Where was Resolution 139 revised?")
    assert carries("第139号决议（2022年，布加勒斯特，修订版）", r139)
    assert not carries("国际电信联盟全权代表大会（2022年，布加勒斯特）", r139)


def test_without_takes_the_named_document_out_of_a_text():
    ids = document_ids("Where was resolution A/RES/70/125 adopted?")
    assert "70/125" not in without("联大有关成果文件的第A/RES/70/125号决议；", ids)
    assert without("第139号决议（2022年，布加勒斯特）", ids) == "第139号决议（2022年，布加勒斯特）"


def test_a_number_written_with_spaces_the_un_chinese_way_is_carried_without_them():
    # UN Chinese texts write 第 70/125 号决议; the same number unspaced must be found.
    (spaced,) = document_ids("第 70/125 号决议是在哪里通过的？")
    assert spaced.key == "70/125"
    assert carries("联大有关成果文件的第A/RES/70/125号决议；", spaced)
    (r140,) = document_ids("第 140 号决议在哪里修订？")
    assert carries("第140号决议（2022年，布加勒斯特，修订版）", r140)


def test_a_symbol_typed_in_lower_case_is_the_same_document():
    assert [i.key for i in document_ids("Where was a/res/70/125 adopted?")] == ["70/125"]
    # Slashed words without a number stay words.
    assert document_ids("Does it cover AI/ML and/or TCP/IP?") == ()


@pytest.mark.parametrize(
    "question",
    [
        "What does the report 2023 say about AI?",  # a year after "report"
        "What does Annex 2 list?",  # a part of a document
        "What does document 12 propose?",
    ],
)
def test_years_and_parts_of_a_document_are_no_document_numbers(question):
    assert document_ids(question) == ()


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("What do Resolutions 139 and 140 ask of the Secretary-General?", ["139", "140"]),
        ("Were Resolutions 139, 140 or 141 revised in Bucharest?", ["139", "140", "141"]),
        ("Where was Recommendation 5 adopted?", ["5"]),
        ("What does Decision No. 12 decide?", ["12"]),
        ("What does Resolution 2231 say?", ["2231"]),  # a four-digit number after a document noun is its number
    ],
)
def test_every_number_after_a_document_noun_is_read(question, keys):
    assert [i.key for i in document_ids(question)] == keys


def test_a_short_number_is_carried_only_as_a_documents_number():
    (r2,) = document_ids("What does Resolution 2 resolve?")
    assert not carries("2 invites Member States to take part in the 2 workshops", r2)
    assert carries("recalling Resolution 2 (Rev. Dubai, 2018)", r2)
    assert carries("recalling Resolutions 1 and 2 of the Conference", r2)
    assert carries("忆及第2号决议", r2)
    assert not carries("Resolution 25 (Rev. Dubai, 2018)", r2)
    assert without("recalling Resolution 2 in its 2 parts", [r2]) == "recalling  in its 2 parts"


@pytest.mark.parametrize(
    "question",
    ["What did the decision 2 years ago change?", "Which resolution 10 percent of States opposed?"],
)
def test_a_number_with_a_unit_or_time_word_is_no_document_number(question):
    assert document_ids(question) == ()


def test_a_unit_with_a_slash_is_no_document_symbol():
    # A UN or ITU symbol has at least two slashes (A/RES/70/1, S/RES/2334 (2016), EUR/44A25/1); kg/m2 is a unit.
    assert document_ids("What limit in kg/m2 does the standard set?") == ()


def test_without_takes_out_a_short_number_written_as_a_symbol():
    ids = document_ids("What does resolution 2 say?")
    assert "2" not in without("recalling A/RES/2 on the matter", ids)


@pytest.mark.parametrize(
    ("question", "together"),
    [
        ("Compare Resolutions 139 and 140.", True),
        ("What do Resolutions 139 and 140 both address?", True),
        ("How do Resolutions 139 and 140 differ?", True),
        ("What do Resolutions 139 and 140 have in common?", True),
        ("比较第139号和第140号决议。", True),
        ("第139号和第140号决议有什么共同点？", True),
        ("第139号决议与第140号决议有何异同？", True),
        ("In which city were Resolutions 139 and 140 revised?", False),
        ("第139号和第140号决议是在哪个城市修订的？", False),
        ("What do both Resolution 139 and Resolution 140 concern?", True),
        ("What does Resolution 139 say about the digital divide together with Resolution 140?", True),
        # "both" of another phrase, or of the documents each on its own (a yes-no question), is no comparison
        ("Which of Resolutions 139 and 140 addresses both the digital divide and the information society?", False),
        ("Were Resolutions 139 and 140 both revised in Bucharest in 2022?", False),
        ("Would Resolutions 139 and 140 both apply to the draft?", False),  # any yes-no opening (analysis.py)
        (
            "Does Resolution 139 or Resolution 140 concern the digital divide and the information society together?",
            False,
        ),
        ("第139号和第140号决议中，哪一项涉及弥合数字鸿沟？", False),
        # an "or" between topics still compares the documents; only one between the documents picks one
        ("Compare Resolutions 139 and 140 on the digital divide or the information society.", True),
        ("What do Resolutions 139 and 140 have in common on WSIS or the digital divide?", True),
        ("Is it Resolution 139 or 140 that differs from the draft on the digital divide?", False),
        ("第139号还是第140号决议与草案有何不同？", False),
        # a yes-no question's "both" / 都 asks of each document; "together with" still joins them
        ("Were both Resolution 139 and Resolution 140 revised in Bucharest?", False),
        ("第139号和第140号决议是否都涉及信息社会？", False),
        ("第139号和第140号决议都涉及什么？", True),
        ("Was Resolution 139 revised together with Resolution 140?", True),
    ],
)
def test_a_question_asks_for_its_documents_together_when_it_compares_them(question, together):
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", question) else "en"
    assert asks_together(question, analyse_question(question, lang).qtype) is together


@pytest.mark.parametrize(
    "question",
    [
        "第139、140号决议是关于什么的？",
        "第139号和140号决议是关于什么的？",
        "第139及140号决议",
        "第139、第140号决议有什么共同点？",  # the second number repeats 第
        "第139和第140号决议",
        "第139或140号决议是否涉及弥合数字鸿沟？",  # 或 shares the 号 as 和 does
        "第139号或第140号决议",
        "What are resolutions 139 & 140 about?",
    ],
)
def test_two_numbers_sharing_one_noun_or_one_hao_are_two_documents(question):
    assert [i.key for i in document_ids(question)] == ["139", "140"]


def test_a_chinese_number_before_another_takes_the_noun_they_share():
    assert [i.shown for i in document_ids("第139号和第140号决议是关于什么的？")] == ["第139号决议", "第140号决议"]


@pytest.mark.parametrize("question", ["责成秘书长的第6和第7项是什么？", "执行部分第3和第4段说了什么？", "第5和6段"])
def test_numbered_items_or_paragraphs_are_no_documents(question):
    # Only a 号 or a document's noun after the last number makes 第…和第… documents: 第6和第7项 are items.
    assert document_ids(question) == ()


def test_items_of_a_section_are_answered_not_taken_for_documents(assistant):
    answer = assistant.ask("责成秘书长的第6和第7项是什么？")
    cited = {c.chunk_id for c in answer.citations}
    assert not answer.abstained and {f"eur-44a25-1/operative/secretary-general/{n}" for n in (6, 7)} <= cited


@pytest.mark.parametrize(
    "question",
    [
        "比较一下，第139号决议还是第140号决议涉及弥合数字鸿沟？",  # the noun written after each number
        "第139号决议或第140号决议与草案有何不同？",
        "Which differs more from the draft, Resolution 139, or Resolution 140?",  # a comma before "or"
        "Compare A/RES/70/1 or A/RES/78/265 on the digital divide.",  # symbols
    ],
)
def test_a_choice_between_the_documents_picks_one_however_each_is_written(question):
    assert not asks_together(question, analyse_question(question, "zh" if "号" in question else "en").qtype)
    assert picks_one(question)


@pytest.mark.parametrize(
    ("question", "picks"),
    [
        ("Is Resolution 139 or Resolution 140 about the digital divide?", True),
        ("第139号决议或第140号决议是否涉及数字鸿沟？", True),
        ("第139或140号决议是否涉及弥合数字鸿沟？", True),
        ("Were Resolutions 139 and 140 both revised?", False),
        ("What do Resolutions 139 and 140 have in common on SDG 4 or 9?", False),  # goals, not documents
    ],
)
def test_a_yes_no_or_between_the_documents_picks_one(question, picks):
    assert picks_one(question) is picks


@pytest.mark.parametrize(
    ("question", "together"),
    [
        ("Does Resolution 139 replace Resolution 140?", True),
        ("Are Resolutions 139 and 140 the same?", True),
        ("Is Resolution 139 related to 140?", True),
        ("Were Resolutions 139 and 140 revised in different years?", True),
        ("第139号决议是否取代了第140号决议？", True),
        ("第139号和第140号决议是否相关？", True),
        ("第139号和第140号决议是在同一年修订的吗？", True),
        # said of each resolution: "related to" / 与…有关 a topic, not the other resolution
        ("Are Resolutions 139 and 140 both related to the information society?", False),
        ("第139号和第140号决议是否都与信息社会有关？", False),
    ],
)
def test_a_yes_no_question_relating_the_documents_asks_of_them_together(question, together):
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", question) else "en"
    assert asks_together(question, analyse_question(question, lang).qtype) is together


def test_a_choice_between_documents_written_in_full_is_answered_from_the_clause_on_one(assistant):
    answer = assistant.ask("比较一下，第139号决议还是第140号决议涉及弥合数字鸿沟？")
    assert not answer.abstained and [c.chunk_id for c in answer.citations] == ["eur-44a25-1/preamble/recalling/c"]


@pytest.mark.parametrize(
    "question",
    [
        "What do Resolutions 139 and 140 have in common on SDG 4 or 9?",  # goals, not documents
        "Compare Resolutions 139 and 140 as revised in 2018 or 2022.",  # years
        "比较第139号和第140号决议在2018或2022年的版本。",
    ],
)
def test_an_or_between_numbers_that_are_no_documents_still_compares(question):
    assert asks_together(question, analyse_question(question, "zh" if "号" in question else "en").qtype)


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("What do the documents have in common?", True),
        ("两份文件有何异同？", True),
        ("Does Resolution 139 replace Resolution 140?", True),
        ("What do the documents say about the digital divide?", False),
        ("两份文件关于数字鸿沟说了什么？", False),
    ],
)
def test_a_question_compares_documents_however_it_names_them(question, compared):
    assert compares(question) is compared
