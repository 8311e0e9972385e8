"""List labels as printed in UN/ITU texts (1. / a) / i)), and Word's automatic list numbering.

A .docx keeps "a)" or "1." out of the text: Word draws them from the numbering
definitions (numbering.xml). `Numbering` reads those definitions so a converted
clause keeps its label; `list_label` is the HTML converter's counterpart.
"""

from __future__ import annotations

import re
from typing import Any


def list_label(number: int, style: str) -> str:
    """A list item's printed label in the style UN/ITU texts use: 1. / a) / A) / i) / I).

    Example:
        >>> list_label(3, "1"), list_label(3, "a"), list_label(4, "i"), list_label(27, "a")
        ('3.', 'c)', 'iv)', 'aa)')
    """
    if style in ("a", "A"):
        label = ""
        n = number
        while n > 0:
            n, rem = divmod(n - 1, 26)
            label = chr(ord("a") + rem) + label
        return f"{label.upper() if style == 'A' else label})"
    if style in ("i", "I"):
        roman = _roman(number)
        return f"{roman.upper() if style == 'I' else roman})"
    return f"{number}."


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out


class Numbering:
    """Renders Word's automatic list numbers ("a)", "1", "–"), which are not part of the paragraph text.

    It reads the paragraph styles too: numbering is often defined by a style ("List Number").
    """

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, format, text)
        self._counters: dict[str, list[int | None]] = {}
        # Style id -> (name, pPr, based-on id), read once: python-docx's `paragraph.style`
        # searches the styles part on every call, which made long documents slow.
        self._styles: dict[str, tuple[str, Any, str | None]] = {}
        self._default_style: str | None = None
        for node in document.styles.element.findall(qn("w:style")):
            if node.get(qn("w:type")) != "paragraph":
                continue
            style_id = node.get(qn("w:styleId"))
            self._styles[style_id] = (
                self._val(node, "w:name") or style_id,
                node.find(qn("w:pPr")),
                self._val(node, "w:basedOn"),
            )
            if node.get(qn("w:default")) in ("1", "true", "on"):
                self._default_style = style_id
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no automatic numbers
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(self._val(lvl, "w:start") or 1),
                    self._val(lvl, "w:numFmt") or "decimal",
                    self._val(lvl, "w:lvlText") or "",
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            levels = dict(abstract.get(self._val(num, "w:abstractNumId") or "", {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = self._val(override, "w:startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start), *levels[ilvl][1:])
            self._levels[num.get(qn("w:numId"))] = levels

    def _val(self, node: Any, tag: str) -> str | None:
        child = node.find(self._qn(tag))
        return None if child is None else child.get(self._qn("w:val"))

    def _style_id(self, paragraph: Any) -> str | None:
        ppr = paragraph._p.pPr
        node = None if ppr is None else ppr.find(self._qn("w:pStyle"))
        return self._default_style if node is None else node.get(self._qn("w:val"))

    def style_name(self, paragraph: Any) -> str:
        """The paragraph style's name, e.g. 'Title' or 'List Number'."""
        entry = self._styles.get(self._style_id(paragraph) or "")
        return entry[0] if entry else ""

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        qn = self._qn
        sources = [paragraph._p.pPr]
        style_id, seen = self._style_id(paragraph), set()
        while style_id in self._styles and style_id not in seen:  # the paragraph's style, then those it is based on
            seen.add(style_id)
            _, ppr, style_id = self._styles[style_id]
            sources.append(ppr)
        num_id = ilvl = None
        for ppr in sources:
            node = None if ppr is None else ppr.find(qn("w:numPr"))
            if node is None:
                continue
            num_id = num_id or self._val(node, "w:numId")
            ilvl = ilvl if ilvl is not None else self._val(node, "w:ilvl")
            if num_id:
                break
        if not num_id or num_id == "0" or num_id not in self._levels:
            return None
        return num_id, int(ilvl or 0)

    def label(self, paragraph: Any) -> str:
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self._levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [None] * 10)
        counters[ilvl] = levels[ilvl][0] if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        fmt, text = levels[ilvl][1:]
        if fmt == "bullet":
            return "–"  # the resolution sub-item mark, whatever glyph the template draws
        if fmt == "none":
            return ""

        def render(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters[level] if 0 <= level < len(counters) and counters[level] is not None else None
            lvl = levels.get(level, (1, "decimal", ""))
            return _format_number(lvl[0] if value is None else value, lvl[1])

        return re.sub(r"%(\d)", render, text).strip()


_CN_DIGITS = "〇一二三四五六七八九"


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return list_label(n, "a")[:-1]
    if fmt == "upperLetter":
        return list_label(n, "A")[:-1]
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting") and n < 100:
        tens, units = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
        return head + (_CN_DIGITS[units] if units or not head else "")
    return str(n)
