"""Read a file in a supported format as plain UTF-8 text: .txt, .md, .html, .docx, .pdf.

`extract(path)` returns an `Extracted` (text, page starts for PDFs, a title
hint, notes); a file that cannot be read raises `SkipFile` whose `reason` says
what is wrong and what to do, e.g. "no text layer (scanned or image-only PDF);
OCR it first". The content is checked against the extension first, so a Word
file renamed to .pdf is reported as such instead of failing deep in a parser.

pypdf, python-docx and beautifulsoup4 are the `ingest` extra; each is imported
only when a file of its format is read.

Example:
    >>> from assistant.ingest.formats import extract
    >>> doc = extract(Path("report.pdf"))          # doctest: +SKIP
    >>> doc.pages[:3]                              # doctest: +SKIP
    (0, 1834, 3710)
"""

from __future__ import annotations

import io
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.corpus import guess_encoding
from assistant.ingest.limits import IngestLimits, html_depth, human_size
from assistant.ingest.numbering import Numbering, list_label
from assistant.ingest.reflow import reflow_pages
from assistant.ingest.skip import SkipFile  # also imported from here: `from assistant.ingest.formats import SkipFile`
from assistant.schema import Language

# Extension -> reader. Anything else is skipped with a hint (UNSUPPORTED) or "unsupported file type".
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
UNSUPPORTED: dict[str, str] = {
    ".doc": "old binary Word format: save it as .docx or PDF",
    ".rtf": "RTF: save it as .docx or PDF",
    ".odt": "OpenDocument text: save it as .docx or PDF",
    ".pages": "Apple Pages: export it as .docx or PDF",
    ".xls": "a spreadsheet, not a document",
    ".xlsx": "a spreadsheet, not a document",
    ".pptx": "a presentation: export it as PDF",
    ".ppt": "a presentation: export it as PDF",
    ".png": "an image: OCR it to a text PDF first",
    ".jpg": "an image: OCR it to a text PDF first",
    ".jpeg": "an image: OCR it to a text PDF first",
    ".tif": "an image: OCR it to a text PDF first",
    ".tiff": "an image: OCR it to a text PDF first",
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office file (.doc/.xls)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"{\\rtf", "RTF document"),
    (b"\x1f\x8b", "gzip archive"),
)


@dataclass(frozen=True)
class Extracted:
    """A file's text as it will be stored in the corpus, with what the reader learnt on the way."""

    text: str
    format: str  # "text", "markdown", "html", "docx" or "pdf"
    title: str = ""  # from metadata (<title>, document properties), if any
    pages: tuple[int, ...] = ()  # PDFs: offset in `text` where each page starts
    notes: tuple[str, ...] = ()  # things the user should know, e.g. pages without text
    language: Language | None = None  # set when the reader had to decide it (PDF line joining)


def sniff(raw: bytes) -> str:
    """What the bytes look like: 'PDF', 'ZIP archive', 'PNG image' …, 'binary' or 'text'.

    Example:
        >>> sniff(b"%PDF-1.7 ..."), sniff("忆及".encode()), sniff(b"\\x00\\x01\\x02")
        ('PDF', 'text', 'binary')
    """
    head = raw[:1024]
    for magic, name in _MAGIC:
        # PDFs may carry junk before the header; the spec allows it within the first 1 KB.
        if head.startswith(magic) or (magic == b"%PDF-" and magic in head):
            return name
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def extract(path: Path, language: Language | None = None, limits: IngestLimits | None = None) -> Extracted:
    """The text of `path`, or `SkipFile` with the reason it cannot be read.

    `language` ("zh"/"en") only matters for PDFs, where wrapped lines are
    joined with or without a space; it is detected when not given. `limits`
    (default: `IngestLimits()`) bound the file's size, a DOCX's unpacked size
    and compression ratio, and a PDF's pages, checked before the expensive step.
    """
    limits = limits or IngestLimits()
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        hint = UNSUPPORTED.get(suffix, f"supported: {', '.join(sorted(set(FORMATS)))}")
        raise SkipFile(f"unsupported file type {suffix or '(no extension)'} ({hint})")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SkipFile("not a regular file (a named pipe, socket or device?)")
        limits.check("max_file_bytes", info.st_size, f"the file is {human_size(info.st_size)}")
        raw = path.read_bytes()
    except OSError as exc:
        raise SkipFile(f"cannot read it: {exc.strerror or exc}") from exc
    if not raw:
        raise SkipFile("empty file (0 bytes)")
    if not raw.strip():
        raise SkipFile("no text: the file is only white space")
    kind = sniff(raw)
    if fmt == "pdf":
        if kind != "PDF":
            raise SkipFile(f"not a PDF: the content looks like {_content_name(kind)}; wrong extension?")
        return _pdf(raw, language, limits)
    if fmt == "docx":
        if kind == "old Microsoft Office file (.doc/.xls)":
            raise SkipFile("an old binary Word .doc file named .docx: save it as .docx or PDF")
        if kind != "ZIP archive" or not _is_docx(raw):
            raise SkipFile(f"not a Word .docx file: the content looks like {_content_name(kind)}; wrong extension?")
        return _docx(raw, limits)
    if kind == "binary" and (utf16 := utf16_without_bom(raw)):
        raise SkipFile(f"UTF-16 text without a byte-order mark, not UTF-8; {_iconv_hint(utf16, path.name)}")
    if kind != "text":
        raise SkipFile(f"not a text file: the content looks like {_content_name(kind)}; wrong extension?")
    if fmt == "html":
        return _html(raw, limits)
    text = decode_utf8(raw, path.name)
    if fmt == "markdown":
        return _finish(strip_markdown(text), "markdown")
    return _finish(text, "text")


def _content_name(kind: str) -> str:
    return {"text": "plain text", "binary": "binary data"}.get(kind, f"a {kind}")


def decode_utf8(raw: bytes, name: str = "FILE") -> str:
    """`raw` as UTF-8 (a byte-order mark is dropped), or `SkipFile` with an `iconv` command to convert it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = guess_encoding(raw) or "ENCODING"
        raise SkipFile(
            f"not UTF-8 text (byte {exc.start} is {raw[exc.start : exc.start + 1]!r}); {_iconv_hint(encoding, name)}"
        ) from exc


def _iconv_hint(encoding: str, name: str) -> str:
    # The converted file keeps its extension: notes.md converted to notes.utf8.txt would lose its Markdown.
    stem, dot, ext = name.rpartition(".")
    target = f"{stem}.utf8.{ext}" if dot and stem else f"{name}.utf8.txt"
    return f"convert it with `iconv -f {encoding} -t utf-8 {name} > {target}`"


def utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16le" or "utf-16be" when `raw` reads as UTF-16 text saved without a byte-order mark, else None.

    Such text has NUL bytes (the high byte of every Latin character, digit and line end), so it is
    sniffed as binary; the NULs' side (odd or even offsets) gives the byte order.

    Example:
        >>> utf16_without_bom("Resolution 140 决议".encode("utf-16-le")), utf16_without_bom(bytes(range(8)))
        ('utf-16le', None)
    """
    if len(raw) < 4 or len(raw) % 2:
        return None
    odd, even = raw[1::2].count(0), raw[0::2].count(0)
    encoding = "utf-16le" if odd > even else "utf-16be"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    readable = sum(c.isprintable() or c in "\n\r\t" for c in text)
    return encoding if "\x00" not in text and readable >= 0.98 * len(text) else None


# -- clean-up shared by every format ---------------------------------------------------------------------------
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Kangxi radicals (U+2F00–) and CJK compatibility ideographs (U+F900–) come out of many
# Chinese PDFs in place of the ordinary ideographs they look like: 人 as ⼈. Searching
# for 人 would miss them, so they are mapped back (NFKC on these characters only;
# full-width punctuation is left as printed).
_CJK_LOOKALIKES = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")


def clean_text(text: str) -> str:
    """Normalised line ends, no invisible or control characters, no trailing spaces, NFC.

    Example:
        >>> clean_text("a\\u00a0b\\r\\nc\\u200b  \\r\\n\\u2f08")
        'a b\\nc\\n人\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\u00a0", " ")
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = _CJK_LOOKALIKES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def _finish(text: str, fmt: str, **extra: Any) -> Extracted:
    text = clean_text(text)
    if not text.strip():
        raise SkipFile(f"no text found in this {fmt} file")
    return Extracted(text=text, format=fmt, **extra)


# -- Markdown ---------------------------------------------------------------------------------------------------
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$|^~~~.*$", re.M), ""),  # code fence lines
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^[ \t]{0,3}(?:=+|-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # setext underlines, rules
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^([ \t]*)[*+][ \t]+", re.M), r"\1– "),  # bullets, as the resolution sub-item dash
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
)


def strip_markdown(text: str) -> str:
    """Markdown as the plain text a reader sees: no heading marks, emphasis or link targets.

    Example:
        >>> strip_markdown("# Title\\n\\n**instructs** the [SG](http://x)\\n* item")
        'Title\\n\\ninstructs the SG\\n– item'
    """
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


# -- HTML -------------------------------------------------------------------------------------------------------
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "figcaption"}
    | {"figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre"}
    | {"section", "table", "tbody", "thead", "tfoot", "tr", "ul"}
)
_DROP_TAGS = ["script", "style", "noscript", "template", "nav", "form", "button", "iframe", "svg", "canvas", "select"]
_LABELLED = re.compile(r"^\s*(?:[a-z]{1,2}[\)）]|[ivx]{1,4}[\)）]|\d{1,2}[\.\)）]?\s|[–—\-•·])")


def _html(raw: bytes, limits: IngestLimits) -> Extracted:
    depth = html_depth(raw)
    limits.check("max_html_depth", depth, f"its elements nest {depth} levels deep")
    try:
        from bs4 import BeautifulSoup, FeatureNotFound
    except ImportError as exc:  # pragma: no cover - the ingest extra is missing
        raise SkipFile("reading HTML needs beautifulsoup4: pip install 'un-itu-assistant[ingest]'") from exc
    # bs4 finds the encoding from the BOM, <meta charset> or the bytes themselves.
    try:
        soup = BeautifulSoup(raw, "lxml")
    except FeatureNotFound:  # pragma: no cover - lxml is optional; the stdlib parser is slower, not worse here
        soup = BeautifulSoup(raw, "html.parser")
    except ValueError:
        # lxml refuses a control character in what it is handed (a <meta charset="utf-8\x0b"> found
        # by the fuzz test); the stdlib parser reads the same page, with the encoding bs4 detects.
        soup = BeautifulSoup(raw, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["head", *_DROP_TAGS]):
        tag.decompose()
    if not title and (h1 := soup.find("h1")):
        title = h1.get_text(" ", strip=True)
    # List numbering is drawn by the browser, not written in the text; the chunker
    # needs the labels ("a)", "1.") to find clauses, so they are written out.
    for ol in soup.find_all("ol"):
        style = ol.get("type", "1")
        try:
            number = int(ol.get("start", 1))
        except ValueError:
            number = 1
        for li in ol.find_all("li", recursive=False):
            if not _LABELLED.match(li.get_text()):
                li.insert(0, f"{list_label(number, style)}\t")
            number += 1
    for ul in soup.find_all("ul"):
        for li in ul.find_all("li", recursive=False):
            if not _LABELLED.match(li.get_text()):
                li.insert(0, "– ")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.append(" ")
    for tag in soup.find_all(list(_BLOCK_TAGS)):
        tag.insert_before("\n")
        tag.append("\n")
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in soup.get_text().split("\n"))
    return _finish("\n".join(line for line in lines if line), "html", title=title)


# -- Word .docx -------------------------------------------------------------------------------------------------
def _is_docx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _docx(raw: bytes, limits: IngestLimits) -> Extracted:
    # Before python-docx unpacks anything: a 915 KB zip bomb otherwise takes gigabytes.
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            limits.check_zip(archive)
    except zipfile.BadZipFile as exc:
        raise SkipFile(f"damaged .docx file (BadZipFile: {exc})") from exc
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - the ingest extra is missing
        raise SkipFile("reading .docx needs python-docx: pip install 'un-itu-assistant[ingest]'") from exc
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises a variety of errors on damaged packages
        raise SkipFile(f"damaged .docx file ({type(exc).__name__}: {exc})") from exc
    numbering = Numbering(document)
    lines: list[str] = []
    title = ""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            label = numbering.label(paragraph)  # counted even when empty, as Word does
            if not text:
                continue
            if not title and numbering.style_name(paragraph) in ("Title", "Heading 1"):
                title = text
            lines.append(f"{label}\t{text}" if label else text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    lines.append(" ".join(cells))
    title = (document.core_properties.title or "").strip() or title
    return _finish("\n".join(lines), "docx", title=title)


# -- PDF --------------------------------------------------------------------------------------------------------
_OCR_HINT = "OCR it first, e.g. `ocrmypdf in.pdf out.pdf`"


def _pdf(raw: bytes, language: Language | None, limits: IngestLimits) -> Extracted:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - the ingest extra is missing
        raise SkipFile("reading PDF needs pypdf: pip install 'un-itu-assistant[ingest]'") from exc
    notes: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(raw))
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise SkipFile(f"damaged PDF ({type(exc).__name__}: {exc})") from exc
    if reader.is_encrypted:
        # Many official PDFs are "encrypted" only to restrict printing, with an empty
        # user password: those open without one and are read normally.
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # missing crypto backend, unknown algorithm
            raise SkipFile(f"encrypted PDF that cannot be opened here ({exc}); save an unencrypted copy") from exc
        if not opened:
            raise SkipFile(
                "encrypted PDF (password protected); save an unprotected copy, "
                "e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`"
            )
        notes.append("encrypted PDF without a user password: opened and read")
    try:
        pages = list(reader.pages)
    except Exception as exc:  # a broken page tree
        raise SkipFile(f"damaged PDF: cannot list its pages ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise SkipFile("PDF without pages")
    limits.check("max_pages", len(pages), f"the PDF has {len(pages)} pages")
    texts: list[str] = []
    failed: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(clean_text(page.extract_text() or ""))
        except Exception:  # pypdf raises many kinds on malformed content streams
            failed.append(number)
            texts.append("")
    empty = [n for n, t in enumerate(texts, start=1) if not t.strip() and n not in failed]
    if len(empty) + len(failed) == len(texts):
        raise SkipFile(f"no text layer (scanned or image-only PDF); {_OCR_HINT}")
    if failed:
        notes.append(f"text of page(s) {_ranges(failed)} could not be read; they are left out")
    if empty:
        notes.append(f"page(s) {_ranges(empty)} have no text layer (images?); {_OCR_HINT} to include them")
    if language is None:
        from assistant.ingest.detect import detect_document_language

        language = detect_document_language("\n".join(texts))
    text, starts = reflow_pages(texts, language)
    title = ""
    try:
        title = _meaningful_title(str((reader.metadata or {}).get("/Title") or ""))
    except Exception:  # unreadable metadata only costs the title hint
        title = ""
    if not text.strip():
        raise SkipFile(f"no text layer (scanned or image-only PDF); {_OCR_HINT}")
    return Extracted(text=text, format="pdf", title=title, pages=starts, notes=tuple(notes), language=language)


def _meaningful_title(title: str) -> str:
    """A PDF's /Title unless it is a leftover like 'Microsoft Word - draft3.docx' or a file name."""
    title = " ".join(title.split())
    if not title or re.search(r"\.(docx?|pdf|rtf|odt)$", title, re.I) or title.lower().startswith("microsoft "):
        return ""
    return title


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> '1-3, 5'."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
