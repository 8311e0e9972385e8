"""First adoption: the date of a revised version is not when a text was first adopted.

"第139号决议最初是在哪一年通过的？" meets 「…第139号决议（2022年，布加勒斯特，修订版）」: 2022 is the
year of the revision the draft recalls, not of the resolution's first adoption. A question asking when
something was first (最初, 首次, "originally" …) adopted is answered only by a clause that gives a date
outside a revision's mark; the same question without "first" is answered by 2022 as before.

Example:
    >>> asks_first("When was Resolution 139 originally adopted?", "en")
    True
    >>> revision_dated("Resolution 139 (Rev. Bucharest, 2022)")
    True
    >>> revision_dated("Resolution 139 (Antalya, 2006; Rev. Bucharest, 2022)")
    False
"""

from __future__ import annotations

import re

from assistant.answering.spans import dates
from assistant.schema import Language

# A question about the first time, not the latest: "first adopted", "originally", 最初, 首次.
FIRST_QUESTION: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:first|originally|initially|original|initial)\b", re.IGNORECASE),
    "zh": re.compile(r"最初|首次|第一次|最早|起初|原先|当初|初次|原始"),
}
# The mark of a revised version next to its date: （2022年，布加勒斯特，修订版）, "(Rev. Bucharest, 2022)".
REVISION_MARK = re.compile(r"修订|修正|\brev(?:\.|ised\b|ision\b)|\bamended\b", re.IGNORECASE)
# What bounds a date's part of a clause: a bracket, or the next clause or sentence (not "." of "Rev.").
_PART_START = re.compile(r"[；;。\n（(]")
_PART_END = re.compile(r"[；;。\n）)]")

MISSING: dict[Language, str] = {"en": "the date of its first adoption", "zh": "最初通过的时间"}


def asks_first(question: str, lang: Language) -> bool:
    """Whether a question asks when something happened the first time ("first adopted", 最初通过)."""
    return FIRST_QUESTION[lang].search(question) is not None


def revision_dated(text: str) -> bool:
    """Whether every date of `text` is a revision's: each stands in a part of it (within brackets and between
    semicolons) that marks a revision. False for a text with no date, or with a date outside such a mark."""
    found = dates(text)
    return bool(found) and all(REVISION_MARK.search(_part(text, d.start, d.end)) for d in found)


def _part(text: str, start: int, end: int) -> str:
    """The part of `text` around text[start:end]: from the last bracket or separator before it to the next after."""
    starts = [m.end() for m in _PART_START.finditer(text, 0, start)]
    stop = _PART_END.search(text, end)
    return text[starts[-1] if starts else 0 : stop.start() if stop else len(text)]
