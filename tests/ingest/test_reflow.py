"""PDF page text back into paragraphs: joined lines, running headers and page numbers gone, page offsets kept."""

from __future__ import annotations

from assistant.ingest.reflow import reflow_pages, strip_running_lines


def test_wrapped_lines_join_and_labels_start_paragraphs() -> None:
    text, pages = reflow_pages(["considering\na) that the Union\nis useful;\n", "b) that it works,\n"], "en")
    assert text.splitlines() == ["considering", "a) that the Union is useful;", "b) that it works,"]
    assert pages == (0, text.index("b) that"))


def test_running_headers_and_page_numbers_are_dropped() -> None:
    page = "ITU PP-22 Document 44\n{body}\nPage {n}\n"
    bodies = ["recalling\na) resolution 1;", "b) resolution 2;", "c) resolution 3;"]
    text, pages = reflow_pages([page.format(body=b, n=i + 1) for i, b in enumerate(bodies)], "en")
    assert "Document 44" not in text and "Page" not in text
    assert text.splitlines() == ["recalling", "a) resolution 1;", "b) resolution 2;", "c) resolution 3;"]
    assert len(pages) == 3 and list(pages) == sorted(pages)


def test_chinese_lines_join_without_a_space() -> None:
    text, _ = reflow_pages(["责成秘书长\n1\t每年向理事会\n报告工作。\n"], "zh")
    assert "每年向理事会报告工作。" in text


def test_an_empty_page_starts_where_the_next_page_starts() -> None:
    text, pages = reflow_pages(["recalling\na) one;\n", "", "b) two;\n"], "en")
    assert pages[1] == pages[2] == text.index("b) two")


def test_strip_running_lines_keeps_text_that_is_not_repeated() -> None:
    pages = [["Header", "alpha", "1"], ["Header", "beta", "2"], ["Header", "gamma", "3"]]
    assert strip_running_lines(pages) == [["alpha"], ["beta"], ["gamma"]]
    assert strip_running_lines([["only page", "text"]]) == [["only page", "text"]]
