"""Reading each supported format, and refusing bad files with a reason a user can act on."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from assistant.ingest import SkipFile, extract, sniff
from tests.samples import write_docx, write_html, write_pdf


def skip_reason(path: Path) -> str:
    with pytest.raises(SkipFile) as info:
        extract(path)
    return info.value.reason


# -- text formats -------------------------------------------------------------------------------------------------
def test_txt_is_read_as_utf8_without_bom_and_with_unix_line_ends(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "忆及\r\na)\t联大决议；\r\n".encode())
    doc = extract(path)
    assert doc.text == "忆及\na)\t联大决议；\n"
    assert doc.format == "text" and doc.pages == ()


def test_markdown_keeps_what_a_reader_sees(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# AI and ITU\n\n**Geneva** – see [the report](http://x.org).\n\n* first point\n", encoding="utf-8")
    assert extract(path).text == "AI and ITU\n\nGeneva – see the report.\n\n– first point\n"


def test_html_drops_scripts_and_navigation_and_writes_out_list_labels(tmp_path):
    path = write_html(
        tmp_path / "r.html",
        "Draft resolution",
        ["recalling", ["first recalled text;", "second recalled text,"], "instructs the Secretary-General"],
        ordered="a",
    )
    doc = extract(path)
    assert doc.title == "Draft resolution"
    assert "var x" not in doc.text and "Home" not in doc.text
    assert doc.text.splitlines() == [
        "Draft resolution",
        "recalling",
        "a) first recalled text;",
        "b) second recalled text,",
        "instructs the Secretary-General",
    ]


def test_html_unordered_items_become_sub_items_and_declared_encodings_are_honoured(tmp_path):
    html = '<html><head><meta charset="gb18030"></head><body><p>考虑到</p><ul><li>促进合作；</li></ul></body></html>'
    path = tmp_path / "zh.htm"
    path.write_bytes(html.encode("gb18030"))
    assert extract(path).text == "考虑到\n– 促进合作；\n"


def test_html_with_a_control_character_in_its_charset_is_still_read(tmp_path):
    # lxml raises ValueError on such a page (found by the fuzz test); the page's text is still there.
    path = tmp_path / "odd.html"
    path.write_bytes(
        b'<html><head><meta charset="utf-8\x0b"></head><body><p>recalling \xe5\xbf\x86\xe5\x8f\x8a</p></body></html>'
    )
    assert extract(path).text == "recalling 忆及\n"


def test_docx_paragraphs_tables_and_automatic_numbers(tmp_path):
    path = write_docx(
        tmp_path / "r.docx",
        [
            ("Title", "Draft new resolution"),
            "instructs the Secretary-General",
            ("List Number", "to promote cooperation;"),
            ("List Number", "to report to the Council,"),
            ("List Bullet", "a sub-item"),
        ],
        title="Draft new resolution [EUR-2]",
    )
    doc = extract(path)
    assert doc.title == "Draft new resolution [EUR-2]"  # document properties win over the Title paragraph
    # Word draws "1." and "2."; they are not in the paragraph text, but the chunker needs them.
    assert doc.text.splitlines()[2:] == [
        "1.\tto promote cooperation;",
        "2.\tto report to the Council,",
        "–\ta sub-item",
    ]


# -- PDF ----------------------------------------------------------------------------------------------------------
def test_pdf_text_layer_and_page_starts(tmp_path, en_lines):
    pages = [en_lines[:10], en_lines[10:20], en_lines[20:]]
    doc = extract(write_pdf(tmp_path / "r.pdf", pages, wrap=90))
    assert doc.format == "pdf" and doc.language == "en"
    assert len(doc.pages) == 3 and doc.pages[0] == 0
    # Each page starts exactly where its first printed line is in the text, lines re-joined.
    for page, lines in zip(doc.pages, pages, strict=True):
        assert doc.text[page:].startswith(lines[0])
    assert doc.text == "\n".join(en_lines) + "\n"


def test_chinese_pdf_lines_are_rejoined_without_spaces_and_headers_and_page_numbers_dropped(tmp_path, seed_lines):
    header = "PP22/44(Add.25)-C"
    pages = [
        [header, *seed_lines[:12], "- 1 -"],
        [header, *seed_lines[12:30], "- 2 -"],
        [header, *seed_lines[30:], "3"],
    ]
    doc = extract(write_pdf(tmp_path / "zh.pdf", pages, wrap=38))
    assert doc.language == "zh"
    assert doc.text == "\n".join(seed_lines) + "\n"
    assert "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，" in doc.text


def test_pdf_pages_without_text_are_noted_and_keep_their_place(tmp_path, en_lines):
    doc = extract(write_pdf(tmp_path / "r.pdf", [en_lines[:8], [], en_lines[8:]]))
    assert any("page(s) 2 have no text layer" in note for note in doc.notes)
    assert doc.pages[1] == doc.pages[2]  # the empty page starts where the next page does


def test_pdf_title_comes_from_metadata_unless_it_is_a_file_name(tmp_path, en_lines):
    assert extract(write_pdf(tmp_path / "a.pdf", [en_lines], title="Draft resolution")).title == "Draft resolution"
    assert extract(write_pdf(tmp_path / "b.pdf", [en_lines], title="Microsoft Word - draft3.docx")).title == ""


def test_pdf_encrypted_with_a_password_is_skipped(tmp_path, en_lines):
    reason = skip_reason(write_pdf(tmp_path / "secret.pdf", [en_lines[:5]], password="s3cret"))
    assert reason.startswith("encrypted PDF (password protected)") and "qpdf --decrypt" in reason


def test_image_only_pdf_is_skipped_with_an_ocr_hint(tmp_path):
    reason = skip_reason(write_pdf(tmp_path / "scan.pdf", [[], []]))
    assert reason.startswith("no text layer") and "OCR it first" in reason


# -- bad files ----------------------------------------------------------------------------------------------------
def test_zero_bytes(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert skip_reason(tmp_path / "empty.pdf") == "empty file (0 bytes)"


def test_wrong_extensions_are_caught_by_content(tmp_path, en_lines):
    (tmp_path / "report.pdf").write_text("<html><body>not a pdf</body></html>", encoding="utf-8")
    assert skip_reason(tmp_path / "report.pdf") == "not a PDF: the content looks like plain text; wrong extension?"
    pdf = write_pdf(tmp_path / "real.pdf", [en_lines[:3]])
    (tmp_path / "renamed.docx").write_bytes(pdf.read_bytes())
    assert "not a Word .docx file: the content looks like a PDF" in skip_reason(tmp_path / "renamed.docx")
    (tmp_path / "renamed.txt").write_bytes(pdf.read_bytes())
    assert "not a text file: the content looks like a PDF" in skip_reason(tmp_path / "renamed.txt")
    with zipfile.ZipFile(tmp_path / "archive.docx", "w") as z:
        z.writestr("hello.txt", "hi")
    assert "not a Word .docx file" in skip_reason(tmp_path / "archive.docx")
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "old binary Word .doc" in skip_reason(tmp_path / "old.docx")


def test_non_utf8_text_gets_an_iconv_command(tmp_path):
    (tmp_path / "gb.txt").write_bytes("责成秘书长每年向理事会报告".encode("gb18030"))
    reason = skip_reason(tmp_path / "gb.txt")
    assert reason.startswith("not UTF-8 text")
    assert "`iconv -f gb18030 -t utf-8 gb.txt > gb.utf8.txt`" in reason
    (tmp_path / "gb.md").write_bytes("# 决定\n\n责成秘书长每年向理事会报告".encode("gb18030"))
    assert "`iconv -f gb18030 -t utf-8 gb.md > gb.utf8.md`" in skip_reason(tmp_path / "gb.md")  # still Markdown


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_gets_an_iconv_command(tmp_path, encoding):
    # Before: "not a text file: the content looks like binary data; wrong extension?"
    (tmp_path / "u.txt").write_bytes("第140号决议 Resolution 140\n责成秘书长每年向理事会报告\n".encode(encoding))
    reason = skip_reason(tmp_path / "u.txt")
    name = encoding.replace("-le", "le").replace("-be", "be")
    assert reason.startswith("UTF-16 text without a byte-order mark")
    assert f"`iconv -f {name} -t utf-8 u.txt > u.utf8.txt`" in reason


def test_binary_data_is_not_taken_for_utf16(tmp_path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    assert "looks like binary data" in skip_reason(tmp_path / "b.txt")


def test_unsupported_types_say_what_to_do(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert "save it as .docx or PDF" in skip_reason(tmp_path / "old.doc")
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    assert skip_reason(tmp_path / "data.csv").startswith("unsupported file type .csv")


def test_damaged_pdf(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n%%garbage without objects\n")
    assert "PDF" in skip_reason(tmp_path / "broken.pdf")


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"%PDF-1.4", "PDF"), (b"PK\x03\x04", "ZIP archive"), (b"\x89PNG\r\n", "PNG image"), ("文本".encode(), "text")],
)
def test_sniff(data, kind):
    assert sniff(data) == kind
