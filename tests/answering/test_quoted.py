"""Names a question sets in quotation marks, and whether a text writes them."""

from __future__ import annotations

from assistant.answering.quoted import quoted_names, says_quoted


def test_a_quoted_name_the_glossary_does_not_know_whole_is_kept():
    assert quoted_names("“人工智能：智能机器、智能政策”会议在哪里开的？", "zh") == ("人工智能：智能机器、智能政策",)
    assert quoted_names('Where was the "Intelligent Machines, Smart Policies" conference?', "en") == (
        "Intelligent Machines, Smart Policies",
    )


def test_a_quoted_glossary_name_is_left_to_the_glossary():
    # “人工智能造福人类高峰会议” is the AI for Good Global Summit: matched as a term, not as written
    assert quoted_names("“人工智能造福人类高峰会议”在哪里？", "zh") == ()
    assert quoted_names("No quotation here?", "en") == ()


def test_a_text_says_a_quoted_name_as_written_or_through_all_its_words():
    assert says_quoted("人工智能造福人类", "合作组织的“人工智能造福人类高峰会议”", frozenset())
    assert not says_quoted("智能机器、智能政策", "国际电信联盟全权代表大会（2022年，布加勒斯特）", frozenset())
    assert says_quoted("smart policies", "OECD: Smart Policies", frozenset())
    assert not says_quoted("Intelligent Machines", "其他文本", frozenset({"intellig"}))
