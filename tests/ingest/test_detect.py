"""Language, kind, number, title and id of a document, from its text alone."""

from __future__ import annotations

import pytest

from assistant.ingest import SkipFile, describe, detect_document_language, detect_kind, document_id
from assistant.ingest.detect import find_doc_number, slugify
from assistant.ingest.reflow import reflow_pages, strip_running_lines


def test_seed_resolution_is_a_chinese_resolution_with_its_number_and_title(seed_lines):
    d = describe("\n".join(seed_lines))
    assert (d.language, d.kind, d.doc_number) == ("zh", "resolution", "EUR/44A25/1")
    assert d.title.startswith("人工智能技术助力电信") and d.notes == ()


def test_english_translation_is_an_english_resolution(en_lines):
    d = describe("\n".join(en_lines))
    assert (d.language, d.kind, d.doc_number) == ("en", "resolution", "EUR/44A25/1")
    assert "TEST TRANSLATION" in d.title  # the marking travels with the title


def test_news_article_is_an_article_titled_by_its_first_line():
    text = "UN adopts AI resolution\nNew York, 21 March 2024 – The General Assembly adopted…\nRead more here\n"
    d = describe(text)
    assert (d.language, d.kind, d.title, d.doc_number) == ("en", "article", "UN adopts AI resolution", "")


def test_unrecognised_kind_is_indexed_by_paragraphs_with_a_note():
    kind, note = detect_kind("one long paragraph without a title " * 20, "en")
    assert kind == "article" and "kind not recognised" in note
    kind, note = detect_kind("A title\nrecalling\nsome text.\n", "en")  # one heading is not a resolution
    assert kind == "article" and "1 resolution heading(s)" in note and "--kind resolution" in note


def test_language_is_the_majority_script_and_other_languages_are_refused():
    assert detect_document_language("责成秘书长每年向理事会报告国际电联 (ITU) 的人工智能 (AI) 活动") == "zh"
    assert detect_document_language("The Council 理事会 shall meet every year.") == "en"
    with pytest.raises(SkipFile, match=r"Cyrillic.*only Chinese and English documents"):
        detect_document_language("Генеральная Ассамблея приняла резолюцию")
    with pytest.raises(SkipFile, match="looks Japanese"):
        detect_document_language("国際電気通信連合は、人工知能についての決議を採択しました。")
    # A Japanese name in a Chinese text does not make it Japanese.
    text = "《最终幻想》（ファイナルファンタジー）由史克威尔开发。" + "这是一部角色扮演游戏，在全球发行，销量很高。" * 3
    assert detect_document_language(text) == "zh"


def test_given_language_and_kind_are_not_re_detected():
    d = describe("A title\nSome text.\n", language="en", kind="resolution")
    assert d.kind == "resolution"


def test_un_symbols_are_read_whole():
    assert find_doc_number("A/RES/78/265\nSeizing the opportunities\nrecalling\n", "en", "resolution") == "A/RES/78/265"
    # In an article only a line that is nothing but a symbol is its own number.
    assert find_doc_number("Title\nThe resolution A/RES/78/265 was adopted.\n", "en", "article") == ""
    assert find_doc_number("A/78/123\nReport of the Secretary-General\n", "en", "article") == "A/78/123"


def test_ids_from_number_with_a_language_suffix_for_the_second_version():
    assert document_id("EUR/44A25/1", "zh", "x.pdf", set()) == "eur-44a25-1"
    assert document_id("EUR/44A25/1", "en", "x.pdf", {"eur-44a25-1"}, other_versions=["zh"]) == "eur-44a25-1-en"
    # Same number, same language (a revision): not a language version, just unique.
    assert document_id("EUR/44A25/1", "zh", "x.pdf", {"eur-44a25-1"}, other_versions=["zh"]) == "eur-44a25-1-2"
    assert document_id("", "en", "x.docx", {"eur-44a25-1"}, same_as="eur-44a25-1") == "eur-44a25-1-en"


def test_ids_from_file_names():
    assert document_id("", "en", "Annual Report 2023_EN.pdf", set()) == "annual-report-2023"
    assert document_id("", "zh", "人工智能报告.zh.docx", {"人工智能报告"}) == "人工智能报告-2"
    assert slugify("a/b#c d") == "a-b-c-d"


def test_reflow_joins_wrapped_clauses_and_keeps_labels_and_headings_apart():
    page = "instructs the Secretary-General\n1 to report every year to the\nCouncil on activities,\n2\nto share\n"
    text, starts = reflow_pages([page], "en")
    assert (
        text == "instructs the Secretary-General\n1 to report every year to the Council on activities,\n2\tto share\n"
    )
    assert starts == (0,)


def test_running_headers_footers_and_page_numbers_are_removed():
    body = ["recalling", "a) one;", "b) two;", "considering", "a) three,"]
    pages = [["PP22/44(Add.25)-C", *body[n:], *body[:n], f"Page {n} of 4"] for n in range(1, 5)]
    assert strip_running_lines(pages) == [[*body[n:], *body[:n]] for n in range(1, 5)]
    # A bare number at the top is a page number only when it is the page's own number.
    assert strip_running_lines([["7", "a clause"]]) == [["7", "a clause"]]
    assert strip_running_lines([["1", "a clause"]]) == [["a clause"]]
