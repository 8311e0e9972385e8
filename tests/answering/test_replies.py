"""The fixed shapes of an answer's text: an abstention, and a quote led by its short answer."""

from __future__ import annotations

from assistant.answering.citations import make_citation
from assistant.answering.replies import YES, abstain, cited_text, otherwise, single_text
from assistant.answering.support import abstention_text
from tests.answering.toy import toy_context

QUOTE = "Member States shall report every year."


def _citation():
    ctx = toy_context({"d": ("article", [("paragraph", QUOTE)])}, hits=["d/paragraph/1"])
    chunk = ctx.chunks[0]
    return make_citation(ctx.hits[0], ctx.documents["d"], chunk.start, chunk.end)


def test_an_abstention_says_what_the_documents_lack_in_the_questions_language():
    answer = abstain("What is the budget?", "en", covered=["report"], missing=["budget"])
    assert answer.abstained and answer.language == "en" and not answer.citations
    assert answer.text == abstention_text("What is the budget?", "en", covered=["report"], missing=["budget"])


def test_the_short_answer_leads_then_where_the_quote_stands_and_the_quote_cited_as_one():
    assert single_text("Every year.", _citation(), "en", "en") == f"Every year. According to d: 「{QUOTE}」 [1]"
    assert single_text("", _citation(), "en", "en") == f"According to d: 「{QUOTE}」 [1]"


def test_two_quotes_are_cited_in_order_after_one_lead():
    one, two = _citation(), _citation()
    assert cited_text("Yes.", [one], "en", "en") == single_text("Yes.", one, "en", "en")
    assert cited_text("Yes.", [one, two], "en", "en") == f"Yes. According to d: 「{QUOTE}」 [1], and d: 「{QUOTE}」 [2]"
    first = cited_text(YES["zh"], [one, two], "en", "zh").split("\n")[0]
    assert first == f"是的。依据：《d》：「{QUOTE}」 [1]；《d》：「{QUOTE}」 [2]"


def test_a_chinese_answer_about_an_english_quote_glosses_its_key_terms_on_a_line_of_its_own():
    first, gloss = single_text(YES["zh"], _citation(), "en", "zh").split("\n")
    assert first == f"是的。依据：《d》：「{QUOTE}」 [1]"
    assert gloss.startswith("关键词：") and "report = 报告" in gloss


def test_a_contradicted_place_or_year_is_an_abstention_quoting_what_the_clause_gives():
    answer = otherwise("Do Member States report in 2010?", "en", _citation(), ["2010"])
    assert answer.abstained and not answer.text.startswith("Yes")
    assert "not 2010" in answer.text and f"「{QUOTE}」" in answer.text
    assert otherwise("成员国是2010年报告的吗？", "zh", _citation(), ["2010"]).text.startswith("语料中没有这样的说法。")
