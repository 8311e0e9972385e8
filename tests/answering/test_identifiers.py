"""Document identifiers a question names, and whether a text carries them."""

from __future__ import annotations

import pytest

from assistant.answering.identifiers import carries, document_ids, without


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("In which city was Resolution 140 revised?", ["140"]),
        ("第139号决议是在哪个城市修订的？", ["139"]),
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
