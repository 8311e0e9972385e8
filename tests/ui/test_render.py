"""Rendering as text: citation cards, chat messages, the plain text of Copy answer, the Markdown export."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.schema import Answer, Citation, Document, DocumentInfo, Turn
from assistant.ui.render import (
    PANEL_ABSTAINED,
    answer_plain_text,
    chat_messages,
    conversation_markdown,
    corpus_summary,
    example_questions,
    format_answer_markdown,
    render_citations,
    turn_of_message,
    unit_words,
)

CLAUSE = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，"


def _doc(text: str, kind: str = "article") -> Document:
    info = DocumentInfo(id="d", path="d.txt", language="en", kind=kind, title_en="<b>Title</b> & co")  # type: ignore[arg-type]
    return Document(info=info, text=text)


def _answer(quote_start: int, quote_end: int, text: str, answer_text: str = "See [1].") -> Answer:
    citation = Citation(
        chunk_id="d/body/1",
        doc_id="d",
        doc_title="<b>Title</b> & co",
        doc_number='A/"1"',
        section="<i>body</i>",
        section_other="正文",
        label="1",
        quote=text[quote_start:quote_end],
        start=quote_start,
        end=quote_end,
        score=0.5,
        lang="en",
    )
    return Answer(question="q", text=answer_text, language="en", citations=[citation])


def _council_answer(lang: str = "en") -> Answer:
    c = Citation(
        chunk_id="eur-44a25-1/operative/secretary-general/7",
        doc_id="eur-44a25-1",
        doc_title="第[EUR-2]号新决议草案：人工智能技术",
        doc_number="EUR/44A25/1",
        section="责成秘书长",
        section_other="instructs the Secretary-General",
        label="7",
        quote=CLAUSE,
        start=0,
        end=len(CLAUSE),
        score=0.04,
        lang="zh",
    )
    text = "The Secretary-General (秘书长) must report to the Council. [1]"
    return Answer(question="Who must report to Council?", text=text, language=lang, citations=[c])  # type: ignore[arg-type]


def test_render_citations_escapes_html() -> None:
    text = "line one\nline two\n<script>alert('x')</script> & <img src=x onerror=alert(1)>\nline four\n"
    start = text.index("<script>")
    end = text.index("\nline four")
    out = render_citations(_answer(start, end, text), {"d": _doc(text)})
    assert "<script>" not in out and "<img" not in out and "<b>Title" not in out and "<i>body" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; co" in out
    assert "A/&quot;1&quot;" in out
    assert "line two\n<mark>&lt;script&gt;" in out
    assert "</mark>\nline four" in out


def test_context_is_a_window_not_the_whole_document() -> None:
    lines = [f"line {i}" for i in range(40)]
    text = "\n".join(lines)
    start = text.index("line 20")
    out = render_citations(_answer(start, start + len("line 20"), text), {"d": _doc(text)})
    assert "line 17" in out and "line 23" in out
    assert "line 10\n" not in out and "line 30" not in out
    assert "<mark>line 20</mark>" in out


def test_plain_words_by_default_details_only_in_the_technical_line() -> None:
    text = "one paragraph\n"
    out = render_citations(_answer(0, 3, text), {"d": _doc(text, kind="article")})
    # A news item's unit is a paragraph, not a clause.
    assert "paragraph 1" in out and "第 1 段" in out and "clause" not in out
    # Ids, offsets and scores are there only in the line the Advanced panel reveals.
    tech = re.search(r'<div class="cite-meta cite-tech">([^<]*)</div>', out)
    assert tech and "d/body/1" in tech.group(1) and "score" in tech.group(1)
    assert out.count("score") == 1 and out.count("d/body/1") == 2  # the card's data attribute, the tech line


def test_unit_words() -> None:
    assert unit_words("7", "resolution", "en") == "clause 7"
    assert unit_words("7", "resolution", "zh") == "第 7 项"
    assert unit_words("3", "article", "en") == "paragraph 3"
    assert unit_words("", "article", "en") == ""


def test_answer_markdown_links_only_real_footnotes_and_escapes() -> None:
    answer = _answer(0, 1, "a\nb\n", answer_text="Quote 「<b>*x*</b> [EUR-2] [7]」 [1]")
    md = format_answer_markdown(answer, id_prefix="cite-5")
    assert md.endswith('<a href="#cite-5-1" class="footnote" title="Show citation 1 · 查看引文 1">[1]</a>')
    assert "&lt;b&gt;" in md and r"\*x\*" in md
    assert r"\[7\]" in md  # not a citation of this answer: left as text


def test_a_traditional_answer_and_its_question_are_marked_zh_hant_not_the_pages_zh_hans() -> None:
    # The page is zh-Hans (the interface's language): a traditional answer took simplified glyph forms.
    answer = replace(_council_answer("zh"), text="秘書長須每年報告。[1]", lang_tag="zh-Hant-HK")
    md = format_answer_markdown(answer)
    assert md.startswith('<div lang="zh-Hant-HK">\n\n秘書長須每年報告。') and md.endswith("\n\n</div>")
    assert 'href="#cite-1"' in md  # the footnote link is still inside, read as Markdown
    question, reply, simplified = chat_messages([Turn("決議草案怎樣説？", answer), Turn("谁必须报告？", None)])
    assert question["content"] == '<div lang="zh-Hant-HK">\n\n決議草案怎樣説？\n\n</div>'
    assert reply["content"] == format_answer_markdown(answer, id_prefix="cite-1")
    assert simplified["content"] == "谁必须报告？"  # marked by the page
    assert chat_messages([Turn("誰必須報告？", None)])[0]["content"].startswith('<div lang="zh-Hant-TW">')


def test_an_answer_saved_before_its_tag_was_kept_is_not_marked() -> None:
    assert format_answer_markdown(_council_answer()) == format_answer_markdown(replace(_council_answer(), lang_tag=""))
    assert not format_answer_markdown(_council_answer()).startswith("<div")


def test_abstained_answer_renders_neutral_panel() -> None:
    answer = Answer(question="q", text="The corpus does not say.", language="en", abstained=True)
    assert PANEL_ABSTAINED in render_citations(answer, {})
    assert "badge-abstain" in format_answer_markdown(answer)


def test_plain_text_is_the_answer_then_numbered_references() -> None:
    plain = answer_plain_text(_council_answer(), {})
    assert plain == (
        "The Secretary-General (秘书长) must report to the Council. [1]\n\n"
        f"[1] EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7: 「{CLAUSE}」"
    )
    assert "<" not in plain and "href" not in plain


def test_plain_text_of_a_chinese_answer_uses_chinese_punctuation() -> None:
    plain = answer_plain_text(_council_answer("zh"), {})
    assert f"[1] EUR/44A25/1，责成秘书长 (instructs the Secretary-General)，第 7 项：「{CLAUSE}」" in plain


def test_copy_button_carries_the_plain_text_escaped() -> None:
    answer = _answer(0, 8, "<b>bold</b>\n", answer_text='He said "<x>" [1]')
    panel = render_citations(answer, {"d": _doc("<b>bold</b>\n")})
    copy = re.search(r'class="copy-answer" data-copy="([^"]*)"', panel)
    assert copy
    import html

    assert html.unescape(copy.group(1)).startswith('He said "<x>" [1]\n\n[1] A/"1", <i>body</i> (正文), paragraph 1')


def test_conversation_markdown_has_questions_answers_and_citations() -> None:
    turns = [
        Turn("Who must report to Council?", _council_answer()),
        Turn("How do I cook rice?", Answer(question="q", text="It does not say.", language="en", abstained=True)),
        Turn("unanswered *question*"),
    ]
    md = conversation_markdown("Council <reports>", turns)
    assert md.startswith("# Council \\<reports\\>\n")
    assert "## 1. Who must report to Council?" in md
    assert "[1] EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7" in md
    assert f"> 「{CLAUSE}」" in md
    assert "Not in the corpus" in md
    assert "## 3. unanswered \\*question\\*" in md


def test_chat_messages_and_turn_lookup() -> None:
    turns = [Turn("Q1 *", _council_answer()), Turn("Q2", _council_answer())]
    messages = chat_messages(turns, pending="Q3")
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant", "user"]
    assert messages[0]["content"] == "Q1 \\*"
    assert 'href="#cite-1-1"' in messages[1]["content"] and 'href="#cite-3-1"' in messages[3]["content"]
    assert messages[-1]["content"] == "Q3"
    assert turn_of_message(turns, 0) == (1, turns[0])  # a question shows its answer's citations
    assert turn_of_message(turns, [3]) == (3, turns[1])
    assert turn_of_message(turns, 7) is None and turn_of_message([], 0) is None


def test_first_screen_says_what_is_loaded_in_both_languages(documents) -> None:
    infos = [d.info for d in documents.values()]
    line = corpus_summary(infos)
    assert "2 documents" in line and "Chinese resolution (EUR/44A25/1)" in line and "English news item" in line
    assert "已加载 2 份文件" in line
    assert "Chinese" not in corpus_summary(infos, "zh") and "已加载" not in corpus_summary(infos, "en")
    assert "No documents" in corpus_summary([], "en")


def test_examples_are_drawn_from_the_documents_in_both_languages(documents) -> None:
    examples = example_questions([d.info for d in documents.values()])
    assert "Who must report to Council?" in examples and "谁必须向理事会报告？" in examples
    other = DocumentInfo(id="x", path="x.txt", language="en", kind="resolution", doc_number="A/RES/1")
    drawn = example_questions([other])
    assert any("A/RES/1" in q and re.search(r"[\u4e00-\u9fff]", q) for q in drawn)
    assert any("A/RES/1" in q and q.startswith("What") for q in drawn)


def test_parallel_clause_is_shown_beside_the_quote(documents) -> None:
    c = Citation(
        chunk_id="eur-44a25-1/operative/secretary-general/7",
        doc_id="eur-44a25-1",
        doc_title="t",
        doc_number="EUR/44A25/1",
        section="责成秘书长",
        section_other="instructs the Secretary-General",
        label="7",
        quote="每年向理事会报告",
        start=0,
        end=8,
        score=0.1,
        lang="zh",
        page=3,
        parallel_chunk_id="eur-44a25-1-en/operative/secretary-general/7",
        parallel_quote="to report annually to the <Council>",
        parallel_lang="en",
        parallel_label="instructs the Secretary-General · 7",
    )
    out = render_citations(Answer(question="q", text="a [1]", language="en", citations=[c]), documents)
    assert "cite-quote-parallel" in out and "&lt;Council&gt;" in out and "p. 3" in out
