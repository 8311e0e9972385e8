"""Traditional Chinese characters: read as simplified, answered back in traditional.

The corpus, the glossary, jieba's dictionary, the question-analysis tables and
CC-CEDICT lookups are all in simplified characters, so a question such as
誰必須向理事會報告？ is read in its simplified form (谁必须向理事会报告？), and
the wording of its answer is written back in traditional characters.

Reading (`to_simplified`) converts every text that has a character only
traditional writing uses, also a mixed one (决议草案的標題是什么), with OpenCC's
t2s; then Taiwan's and Hong Kong's words for terms the corpus writes the
mainland way (人工智慧, 網際網路, 數位落差 …) are read as those terms, from
assistant/data/regional_words.tsv. A simplified text stays byte-identical, also
with a 於 or 乾, which the simplified standard still writes. Whether an answer
is *worded* in traditional characters (`is_traditional`) goes by the majority.

The conversion is OpenCC's (opencc-python-reimplemented, pure Python, with its
dictionaries); its tables load once, on first use or in `warm()`.

Example:
    >>> to_simplified("誰必須向理事會報告？")
    '谁必须向理事会报告？'
    >>> to_simplified("谁必须向理事会报告？")
    '谁必须向理事会报告？'
    >>> to_simplified("人工智慧的數位落差")
    '人工智能的数字鸿沟'
    >>> is_traditional("決議草案的標題是什麼？"), is_traditional("决议草案的标题是什么？")
    (True, False)
    >>> traditional_wording("秘书长须每年报告。依据：「每年向理事会报告」")
    '秘書長須每年報告。依據：「每年向理事会报告」'
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

__all__ = [
    "follows_script",
    "has_traditional",
    "is_traditional",
    "simplified_view",
    "to_simplified",
    "to_traditional",
    "traditional_wording",
    "warm",
]

_LOCK = threading.Lock()
# Quotes (「…」, and “…”, which the LLM checker also verifies) and titles (《…》) are the source's words:
# they stay as the source writes them.
_VERBATIM = re.compile(r"「[^」]*」|“[^”]*”|《[^》]*》")
# Characters t2s changes that the simplified standard (通用规范汉字表) still writes: 於 (a surname), 乾 (乾隆).
# Alone they do not make a text traditional.
_SIMPLIFIED_TOO = frozenset("於乾")


@cache
def _converter(config: str) -> Any:
    with _LOCK:
        import opencc

        return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters OpenCC's t2s changes and simplified writing does not use."""
    table = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    chars = set()
    for line in table.splitlines():
        key, _, values = line.partition("\t")
        if key and values.split() and values.split()[0] != key:
            chars.add(key)
    return frozenset(chars - _SIMPLIFIED_TOO)


@lru_cache(maxsize=1)
def _regional() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regional words, keyed by their t2s form (they are matched after t2s), and one pattern, longest first."""
    rows = resources.files("assistant").joinpath("data", "regional_words.tsv").read_text(encoding="utf-8")
    words: dict[str, str] = {}
    for line in rows.splitlines():
        if line.strip() and not line.startswith("#"):
            regional, mainland, *_ = line.split("\t")
            words[_converter("t2s").convert(regional)] = mainland
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return pattern, words


def has_traditional(text: str) -> bool:
    """Whether `text` has any character that only traditional writing uses."""
    return not _traditional_chars().isdisjoint(text)


def _changed(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))


@lru_cache(maxsize=8192)
def is_traditional(text: str) -> bool:
    """True when `text` has more characters that only traditional writing uses than simplified ones
    (what its answer is worded in)."""
    if not has_traditional(text):
        return False
    return _changed(text, _converter("t2s").convert(text)) > _changed(text, _converter("s2t").convert(text))


def follows_script(text: str) -> bool:
    """True when `text` is written in no script of its own (其他呢？, 2017?): its answer is worded as the
    conversation's earlier question was."""
    return _converter("t2s").convert(text) == text and to_traditional(text) == text


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """`text` as the simplified index reads it: characters by OpenCC's t2s and Taiwan's and Hong Kong's
    words as the mainland's, when it has any character only traditional writing uses; otherwise `text`.

    Regional words may change the length (網際網路 → 互联网): offsets into the result are not offsets
    into `text`."""
    if not has_traditional(text):
        return text
    pattern, words = _regional()
    return pattern.sub(lambda m: words[m.group(0)], _converter("t2s").convert(text))


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    """`text` in traditional characters: OpenCC's s2tw (Taiwan's standard forms: 秘書長, not s2t's 祕書長),
    one jieba word at a time. Whole, OpenCC matches its phrase table across word boundaries: 秘书长须 ("the
    Secretary-General shall") became 秘書長鬚, read 长须 as "long beard"."""
    # lexical imports settings, which imports schema, which imports this module: import at call time.
    from assistant.lexical import cjk_word_bounds

    convert = _converter("s2tw").convert
    bounds = sorted(cjk_word_bounds(text) | {0, len(text)})
    return "".join(convert(text[a:b]) for a, b in pairwise(bounds))


def traditional_wording(text: str) -> str:
    """An answer's own wording in traditional characters, its quotes 「…」 “…” and titles 《…》 verbatim."""
    out: list[str] = []
    last = 0
    for m in _VERBATIM.finditer(text):
        out.append(to_traditional(text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(to_traditional(text[last:]))
    return "".join(out)


def warm() -> None:
    """Load the conversion tables now rather than on the first traditional question (~0.1 s)."""
    _traditional_chars()
    _regional()
    _converter("t2s").convert("誰")
    to_traditional("谁")


@lru_cache(maxsize=4096)
def simplified_view(text: str) -> str:
    """`text` as the answerer reads a traditional document: like `to_simplified`, but always of the same length,
    so that an offset into the view is an offset into `text` (quotes are put back in the source's wording by
    offset). Regional words that would change the length (網際網路 → 互联网) stay as they are."""
    if not has_traditional(text):
        return text
    view = _converter("t2s").convert(text)
    if len(view) != len(text):  # a phrase of another length: character by character then
        view = "".join(_converter("t2s").convert(ch) for ch in text)
    pattern, words = _regional()  # all of them, longest first: 网路 inside 网际网路 is not a word of its own

    def same_length(m: re.Match[str]) -> str:
        word = m.group(0)
        return words[word] if len(words[word]) == len(word) else word

    return pattern.sub(same_length, view)
