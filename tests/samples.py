"""Small files in every supported format, written from text: for tests and benchmarks (not shipped in the package).

Real UN/ITU PDFs and Word files cannot ship with the tests, and the usual PDF
writers (reportlab, fpdf2) are not dependencies, so `write_pdf` writes a
minimal PDF with pypdf itself: a real text layer (Helvetica for Latin text, an
Identity-H CID font with a ToUnicode map for Chinese, as Chinese PDFs have),
optionally password-protected, or with pages that carry no text at all, like
a scan.

Example:
    >>> from tests.samples import write_pdf
    >>> pdf = write_pdf(tmp / "r.pdf", [["recalling", "a) one;"], ["instructs the Secretary-General", "1 to report"]])
    ...                                                                           # doctest: +SKIP
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape
from pathlib import Path

_PAGE_W, _PAGE_H = 595, 842  # A4 in points


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    password: str | None = None,
    title: str = "",
    wrap: int = 0,
) -> Path:
    """A PDF with one page per item of `pages`, each line of it printed as one text line.

    `wrap` > 0 breaks longer lines at that many characters (Chinese) or at
    word boundaries (English), as a typeset page does. An empty page has no
    text layer. `password` encrypts the file (RC4, readable without extra
    crypto packages) with that user password.
    """
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    def name(value: str) -> NameObject:
        return NameObject(value)

    writer = PdfWriter()
    latin = writer._add_object(
        DictionaryObject(
            {
                name("/Type"): name("/Font"),
                name("/Subtype"): name("/Type1"),
                name("/BaseFont"): name("/Helvetica"),
                name("/Encoding"): name("/WinAnsiEncoding"),
            }
        )
    )
    wrapped = [[piece for line in page for piece in _wrap(line, wrap)] for page in pages]
    chars = sorted({ord(ch) for page in wrapped for line in page for ch in line if ord(ch) <= 0xFFFF})
    to_unicode = DecodedStreamObject()
    to_unicode.set_data(_to_unicode_cmap(chars).encode("ascii"))
    descendant = writer._add_object(
        DictionaryObject(
            {
                name("/Type"): name("/Font"),
                name("/Subtype"): name("/CIDFontType2"),
                name("/BaseFont"): name("/SimSun"),
                name("/CIDSystemInfo"): DictionaryObject(
                    {
                        name("/Registry"): TextStringObject("Adobe"),
                        name("/Ordering"): TextStringObject("Identity"),
                        name("/Supplement"): NumberObject(0),
                    }
                ),
                name("/DW"): NumberObject(1000),
            }
        )
    )
    cjk = writer._add_object(
        DictionaryObject(
            {
                name("/Type"): name("/Font"),
                name("/Subtype"): name("/Type0"),
                name("/BaseFont"): name("/SimSun"),
                name("/Encoding"): name("/Identity-H"),
                name("/DescendantFonts"): ArrayObject([descendant]),
                name("/ToUnicode"): writer._add_object(to_unicode),
            }
        )
    )
    fonts = DictionaryObject({name("/F1"): latin, name("/F2"): cjk})
    for lines in wrapped:
        page = writer.add_blank_page(_PAGE_W, _PAGE_H)
        if not lines:
            continue  # like a scanned page: no text layer
        ops = ["BT", "14 TL", f"56 {_PAGE_H - 72} Td"]
        for line in lines:
            if all(ord(ch) < 128 for ch in line):
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"/F1 10 Tf ({escaped}) Tj T*")
            else:  # Identity-H: two-byte codes equal to the BMP code points, mapped back by ToUnicode
                codes = "".join(f"{ord(ch):04X}" for ch in line if ord(ch) <= 0xFFFF)
                ops.append(f"/F2 10 Tf <{codes}> Tj T*")
        ops.append("ET")
        content = DecodedStreamObject()
        content.set_data("\n".join(ops).encode("latin-1"))
        page[name("/Contents")] = writer._add_object(content)
        page[name("/Resources")] = DictionaryObject({name("/Font"): fonts})
    if title:
        writer.add_metadata({"/Title": title})
    if password:
        writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        writer.write(f)
    return path


def _wrap(line: str, width: int) -> list[str]:
    if width <= 0 or len(line) <= width:
        return [line]
    if any(ord(ch) > 0x2E80 for ch in line):
        # Chinese breaks between any two characters, but not inside a Latin word or number.
        out, start = [], 0
        while len(line) - start > width:
            cut = start + width
            while cut > start + 1 and line[cut - 1].isascii() and line[cut - 1].isalnum() and line[cut].isascii():
                cut -= 1
            out.append(line[start:cut])
            start = cut
        return [*out, line[start:]]
    return textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [line]


def _to_unicode_cmap(chars: Sequence[int]) -> str:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for i in range(0, len(chars), 100):  # at most 100 entries per block, as the CMap format requires
        block = chars[i : i + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{c:04X}> <{c:04X}>" for c in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def write_docx(path: Path, paragraphs: Sequence[str | tuple[str, str]], *, title: str = "") -> Path:
    """A Word file; an item `(style, text)` uses that paragraph style, e.g. ("List Number", "to report …")."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for item in paragraphs:
        style, text = item if isinstance(item, tuple) else (None, item)
        document.add_paragraph(text, style=style)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write_html(path: Path, title: str, blocks: Sequence[str | list[str]], *, ordered: str = "") -> Path:
    """An HTML page: each string a <p>, each list a <ol type=`ordered`> (or <ul> when `ordered` is '')."""
    body = []
    for block in blocks:
        if isinstance(block, list):
            tag = "ol" if ordered else "ul"
            kind = f' type="{ordered}"' if ordered else ""
            items = "".join(f"<li>{escape(item)}</li>" for item in block)
            body.append(f"<{tag}{kind}>{items}</{tag}>")
        else:
            body.append(f"<p>{escape(block)}</p>")
    html = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>p {{ margin: 0 }}</style><script>var x = 1;</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><h1>{escape(title)}</h1>{''.join(body)}</body></html>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path
