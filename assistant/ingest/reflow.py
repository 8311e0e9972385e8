"""Turn the text of PDF pages into paragraphs, keeping where each page starts.

A PDF's text layer breaks lines where the printed line ended, repeats running
headers and footers on every page, and prints page numbers. The chunkers work
on paragraphs (one clause or paragraph per line), so the lines of a wrapped
paragraph are joined again: a new paragraph starts at a clause label
(`a)`, `1`, `–`), at a section heading, after a line that ends a sentence and
after a line clearly shorter than the page's full lines.

Example:
    >>> text, pages = reflow_pages(["considering\\na) that the Union\\nis useful;\\n", "b) that it works,\\n"], "en")
    >>> print(text, end="")
    considering
    a) that the Union is useful;
    b) that it works,
    >>> pages
    (0, 41)
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.chunking.base import Line
from assistant.chunking.resolution import heading_of
from assistant.glossary import match_section
from assistant.schema import Language

# Clause labels as the resolution chunker reads them, so a label always opens a paragraph.
_LABEL = re.compile(r"^(?:(?:[a-z]{1,2}|[ivx]{1,4})[\)）]|\d{1,2}(?:[\.\)）]\s*|\s+)(?=\S)|[–—\-•·]\s)")
_BARE_LABEL = re.compile(r"^(?:(?:[a-z]{1,2}|[ivx]{1,4})[\)）]|\d{1,2}[\.\)）]?|[–—\-•·])$")
# Not colons: "include:" before a list is followed by labels anyway, and a colon
# inside a quoted title ("Transforming our world: the 2030 Agenda") often ends a line.
_SENTENCE_END = re.compile(r"[.。;；!?！？][\"'”’」』）)]*$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?$|^第\s*(\d{1,4})\s*页(?:\s*共\s*\d+\s*页)?$",
    re.IGNORECASE,
)
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]) (?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])")
_CONTINUING_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"])
_SHORT = 0.7  # a line shorter than this share of the page's full lines ends its paragraph


def reflow_pages(pages: list[str], lang: Language) -> tuple[str, tuple[int, ...]]:
    """The pages' text as paragraphs (one per line) and the offset where each page starts in it.

    A page without text starts where the next page with text starts, so
    `bisect` over the offsets gives the page a character is on.
    """
    page_lines = strip_running_lines([_lines(p, lang) for p in pages])
    # Above a resolution's first section heading is its header: number, title,
    # conference, each on lines of its own that must stay apart for the header parser.
    in_header = any(_is_heading(line, lang) for lines in page_lines for line in lines)
    paragraphs: list[list[tuple[int, str]]] = []  # each a list of (page index, piece)
    for index, lines in enumerate(page_lines):
        width = _full_width(lines)
        for line in lines:
            current = paragraphs[-1] if paragraphs else None
            if current and _BARE_LABEL.match(current[-1][1]) and len(current) == 1:
                current.append((index, line))  # a label printed apart from its clause
                continue
            in_header = in_header and not _is_heading(line, lang)
            if current is None:
                new = True
            elif in_header or len(paragraphs) == 1:
                # Header lines (and an article's first line, its title) stand alone unless they visibly continue.
                new = _starts_paragraph(line, lang) or not _continues(current[-1][1], line)
            else:
                new = _starts_paragraph(line, lang) or _ends_paragraph(current[-1][1], lang, width)
            if new:
                paragraphs.append([(index, line)])
            else:
                current.append((index, line))
    text_parts: list[str] = []
    starts: list[int | None] = [None] * len(pages)
    pos = 0
    for paragraph in paragraphs:
        for n, (index, piece) in enumerate(paragraph):
            if n:
                sep = _joiner(paragraph[n - 1][1], piece, lang)
                text_parts.append(sep)
                pos += len(sep)
            if starts[index] is None:
                starts[index] = pos
            text_parts.append(piece)
            pos += len(piece)
        text_parts.append("\n")
        pos += 1
    text = "".join(text_parts)
    filled: list[int] = []
    following = len(text)
    for start in reversed(starts):
        following = following if start is None else start
        filled.append(following)
    return text, tuple(reversed(filled))


def _lines(page: str, lang: Language) -> list[str]:
    out = []
    for raw in page.split("\n"):
        line = " ".join(raw.split())
        if lang == "zh":
            # Extractors space out CJK glyphs they place one by one.
            line = _CJK_GAP.sub("", line)
        if line:
            out.append(line)
    return out


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages without running headers/footers and page numbers.

    A header or footer is a line among the first or last two of a page that
    recurs (digits aside) on at least half the pages of a document of three or
    more pages. A page number is a bare number (or "- 3 -", "Page 3 of 9",
    "第3页") as the last line, or as the first line when it is the page's own number.
    """

    def shape(line: str) -> str:
        return re.sub(r"\d+", "#", line.lower())

    running: set[str] = set()
    if len(pages) >= 3:
        counts: Counter[str] = Counter()
        for lines in pages:
            counts.update({shape(line) for line in lines[:2] + lines[-2:]})
        running = {s for s, c in counts.items() if c >= max(3, len(pages) / 2)}
    out = []
    for number, lines in enumerate(pages, start=1):
        kept = list(lines)
        for edge in (0, -1):
            if not kept:
                break
            m = _PAGE_NUMBER.match(kept[edge])
            if m and (edge == -1 or int(m.group(1) or m.group(2)) == number or not kept[edge].isdigit()):
                kept.pop(edge)
        if running:
            edges = set(range(min(2, len(kept)))) | set(range(max(0, len(kept) - 2), len(kept)))
            kept = [line for i, line in enumerate(kept) if not (i in edges and shape(line) in running)]
        out.append(kept)
    return out


def _full_width(lines: list[str]) -> int:
    """The length of a full line on this page (the 80th percentile), 0 when there are too few to tell."""
    if len(lines) < 4:
        return 0
    lengths = sorted(len(line) for line in lines)
    return lengths[int(len(lengths) * 0.8)]


def _continues(previous: str, line: str) -> bool:
    """Whether `line` visibly continues `previous`: it starts in lower case, `previous` ends on a
    word that cannot end a title ("and", "of the"), or a bracket is still open."""
    if not previous:
        return False
    if line[0].islower() or previous.rsplit(" ", 1)[-1].lower() in _CONTINUING_WORDS:
        return True
    return previous.count("(") + previous.count("（") > previous.count(")") + previous.count("）")


def _is_heading(line: str, lang: Language) -> bool:
    return bool(match_section(line)) or heading_of(Line(line, 0, len(line), 0), lang) is not None


def _starts_paragraph(line: str, lang: Language) -> bool:
    return bool(_LABEL.match(line) or _BARE_LABEL.match(line)) or _is_heading(line, lang)


def _ends_paragraph(previous: str, lang: Language, width: int) -> bool:
    if _SENTENCE_END.search(previous) or _is_heading(previous, lang):
        return True
    return bool(width) and len(previous) < _SHORT * width


def _joiner(previous: str, line: str, lang: Language) -> str:
    """What goes between a wrapped line and its continuation."""
    if _BARE_LABEL.match(previous):
        return "\t"
    if previous.endswith("-") and previous[-2:-1].isalpha():
        return ""  # a hyphen at the line end: keep it, add no space (Secretary-\nGeneral)
    if lang == "zh":
        # Chinese wraps anywhere and no space was lost, except between two Latin words.
        return (
            " " if previous[-1].isascii() and previous[-1].isalpha() and line[0].isascii() and line[0].isalpha() else ""
        )
    return " "
