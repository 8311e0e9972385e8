"""Traditional Chinese characters: read as simplified, answered back in traditional.

The corpus, the glossary, jieba's dictionary, the question-analysis tables and
CC-CEDICT lookups are all in simplified characters, so a question such as
誰必須向理事會報告？ is read in its simplified form (谁必须向理事会报告？), and
the wording of its answer is written back in traditional characters. Only text
that reads as traditional is converted: a simplified text stays byte-identical
(OpenCC's t2s would turn a stray 著 or 於 of simplified prose into 着 / 于).

The conversion is OpenCC's (opencc-python-reimplemented, pure Python, with its
dictionaries); its tables load once, on first use or in `warm()`.

Example:
    >>> to_simplified("誰必須向理事會報告？")
    '谁必须向理事会报告？'
    >>> to_simplified("谁必须向理事会报告？")
    '谁必须向理事会报告？'
    >>> is_traditional("決議草案的標題是什麼？"), is_traditional("决议草案的标题是什么？")
    (True, False)
    >>> traditional_wording("秘书长。依据：「每年向理事会报告」")
    '祕書長。依據：「每年向理事会报告」'
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = ["is_traditional", "to_simplified", "to_traditional", "traditional_wording", "warm"]

_LOCK = threading.Lock()
# Quotes (「…」) and titles (《…》) are the source's words: they stay as the source writes them.
_VERBATIM = re.compile(r"「[^」]*」|《[^》]*》")


@cache
def _converter(config: str) -> Any:
    with _LOCK:
        import opencc

        return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters OpenCC's t2s changes: a text without any is not traditional (a quick pre-check)."""
    table = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    chars = set()
    for line in table.splitlines():
        key, _, values = line.partition("\t")
        if key and values.split() and values.split()[0] != key:
            chars.add(key)
    return frozenset(chars)


def _changed(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))


@lru_cache(maxsize=8192)
def is_traditional(text: str) -> bool:
    """True when `text` has more characters that only traditional writing uses than simplified ones."""
    if _traditional_chars().isdisjoint(text):
        return False
    simplified = _converter("t2s").convert(text)
    if simplified == text:
        return False
    return _changed(text, simplified) > _changed(text, _converter("s2t").convert(text))


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """`text` in simplified characters when it reads as traditional; otherwise `text` unchanged.

    The result has the same length as `text` (OpenCC's t2s maps character for character), so offsets
    into it are offsets into `text`; where a conversion would change the length, `text` is returned."""
    if not is_traditional(text):
        return text
    simplified = _converter("t2s").convert(text)
    return simplified if len(simplified) == len(text) else text


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    """`text` in traditional characters (OpenCC's s2t)."""
    return _converter("s2t").convert(text)


def traditional_wording(text: str) -> str:
    """An answer's own wording in traditional characters, its quotes 「…」 and titles 《…》 verbatim."""
    out: list[str] = []
    last = 0
    for m in _VERBATIM.finditer(text):
        out.append(to_traditional(text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(to_traditional(text[last:]))
    return "".join(out)


def warm() -> None:
    """Load both conversion tables now rather than on the first traditional question (~0.1 s)."""
    _traditional_chars()
    _converter("t2s").convert("誰")
    _converter("s2t").convert("谁")
