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

An answer is worded in Taiwan's standard forms (OpenCC's s2tw), or in Hong Kong's
(s2hk: 衞, 説, 綫 …) when its question writes a character only Hong Kong's standard
uses (`traditional_region`); Hong Kong forms OpenCC's t2s leaves as they are (衞) are
read as the mainland's too. A regional word the question used (網際網路) is echoed in
the question's own form, not as the mainland word converted (互聯網).

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
    >>> traditional_region("決議草案怎樣説？"), traditional_region("決議草案怎麼說？")
    ('hk', 'tw')
    >>> traditional_wording("秘书长须与互联网论坛合作", asked="秘書長應與哪個網際網路論壇合作？")
    '秘書長須與網際網路論壇合作'
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

from assistant.segmentation import cjk_word_bounds

__all__ = [
    "Region",
    "follows_script",
    "has_traditional",
    "is_traditional",
    "language_tag",
    "simplified_view",
    "to_simplified",
    "to_traditional",
    "traditional_region",
    "traditional_wording",
    "warm",
]

# Whose standard forms an answer in traditional characters is worded in: Taiwan's or Hong Kong's.
Region = Literal["tw", "hk"]
_WORDING = {"tw": "s2tw", "hk": "s2hk"}

_LOCK = threading.Lock()
# Quotes (「…」, and “…”, which the LLM checker also verifies) and titles (《…》) are the source's words:
# they stay as the source writes them.
_VERBATIM = re.compile(r"「[^」]*」|“[^”]*”|《[^》]*》")
# Characters t2s changes that the simplified standard (通用规范汉字表) still writes: 於 (a surname), 乾 (乾隆).
# Alone they do not make a text traditional.
_SIMPLIFIED_TOO = frozenset("於乾")
# Hong Kong writes 綫 for 線 (常用字字形表); OpenCC's s2hk keeps 線, so its tables do not list it.
_HONG_KONG_TOO = frozenset("綫")
_HONG_KONG_LINE = str.maketrans("線", "綫")
# OpenCC's Taiwan standard writes 溼, but Taiwan's own writing mostly 濕: it does not tell Hong Kong's.
_TAIWAN_TOO = frozenset("濕")


@cache
def _converter(config: str) -> Any:
    with _LOCK:
        import opencc

        return opencc.OpenCC(config)


def _table(name: str) -> dict[str, str]:
    """An OpenCC dictionary: each key with its first value."""
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    rows = (line.partition("\t") for line in text.splitlines())
    return {key: values.split()[0] for key, _, values in rows if key and values.split()}


@lru_cache(maxsize=1)
def _hong_kong_reading() -> dict[str, str]:
    """Hong Kong's forms that t2s leaves as they are, with the simplified character they are read as
    (衞 -> 卫, 敍 -> 叙, 枱 -> 台): t2s knows OpenCC's own traditional forms (衛), not Hong Kong's variants of them."""
    t2s = _converter("t2s").convert
    reading = {}
    for key, standard in _table("HKVariantsRev.txt").items():
        read = t2s(standard)
        # 抬 -> 擡 -> 抬: a simplified character too. 潀 -> 潨: no simplified form at all.
        if len(key) == 1 and t2s(key) == key and read not in (key, standard):
            reading[key] = read
    return reading


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters OpenCC's t2s changes and simplified writing does not use, and Hong Kong's forms of them."""
    chars = {key for key, value in _table("TSCharacters.txt").items() if value != key}
    return frozenset((chars | set(_hong_kong_reading())) - _SIMPLIFIED_TOO)


@lru_cache(maxsize=1)
def _hong_kong_chars() -> frozenset[str]:
    """Characters only Hong Kong's standard writes: s2hk writes them, and neither s2tw (Taiwan's) nor s2t
    (OpenCC's own, which writes 裏, 峯, 羣 as Hong Kong does) does: 衞, 説, 閲, 鋭 …, and 綫."""
    s2hk, s2tw, s2t = (_converter(c).convert for c in ("s2hk", "s2tw", "s2t"))
    candidates = set(_table("HKVariants.txt").values()) | set(_hong_kong_reading())
    chars = set(_HONG_KONG_TOO)
    candidates -= _TAIWAN_TOO
    for ch in candidates & _traditional_chars():
        simplified = _read_characters(ch)
        if s2hk(simplified) == ch and ch not in (s2tw(simplified), s2t(simplified)):
            chars.add(ch)
    return frozenset(chars)


def _read_characters(text: str) -> str:
    """`text` in simplified characters (t2s, then Hong Kong's forms t2s leaves), of the same length."""
    converted = _converter("t2s").convert(text)
    if len(converted) != len(text):  # a phrase of another length: character by character then
        converted = "".join(_converter("t2s").convert(ch) for ch in text)
    return _hong_kong_read(converted)


def _hong_kong_read(converted: str) -> str:
    """t2s output with the Hong Kong forms t2s leaves as they are (衞) read as the mainland's too (卫)."""
    return converted if _hong_kong_reading().keys().isdisjoint(converted) else converted.translate(_hong_kong_table())


@lru_cache(maxsize=1)
def _hong_kong_table() -> dict[int, str]:
    return str.maketrans(_hong_kong_reading())


@lru_cache(maxsize=1)
def _regional() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """Regional words keyed by their t2s form (they are matched after t2s): one pattern, longest first, the
    mainland word of each, and each as the table writes it."""
    rows = resources.files("assistant").joinpath("data", "regional_words.tsv").read_text(encoding="utf-8")
    words: dict[str, str] = {}
    written: dict[str, str] = {}
    for line in rows.splitlines():
        if line.strip() and not line.startswith("#"):
            regional, mainland, *_ = line.split("\t")
            key = _converter("t2s").convert(regional)
            words[key], written[key] = mainland, regional
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return pattern, words, written


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
    pattern, words, _ = _regional()
    read = _hong_kong_read(_converter("t2s").convert(text))
    return pattern.sub(lambda m: words[m.group(0)], read)


@lru_cache(maxsize=4096)
def to_traditional(text: str, region: Region = "tw") -> str:
    """`text` in traditional characters: OpenCC's s2tw (Taiwan's standard forms: 秘書長, not s2t's 祕書長), or
    s2hk for Hong Kong's (衞, 説), one jieba word at a time. Whole, OpenCC matches its phrase table across word
    boundaries: 秘书长须 ("the Secretary-General shall") became 秘書長鬚, read 长须 as "long beard"."""
    convert = _converter(_WORDING[region]).convert
    bounds = sorted(cjk_word_bounds(text) | {0, len(text)})
    worded = "".join(convert(text[a:b]) for a, b in pairwise(bounds))
    return worded.translate(_HONG_KONG_LINE) if region == "hk" else worded


def traditional_region(text: str) -> Region:
    """Whose forms an answer to `text` is worded in: Hong Kong's when `text` writes a character only Hong
    Kong's standard uses (衞, 説, 綫 …), otherwise Taiwan's."""
    return "tw" if _hong_kong_chars().isdisjoint(text) else "hk"


def language_tag(language: str, region: Region | None = None) -> str:
    """The BCP 47 tag of text in `language` ("en", "zh"), Chinese worded in `region`'s traditional forms or,
    without one, in simplified ones: what a page marks it with, so that Han characters get their glyphs."""
    if language != "zh":
        return language
    return "zh-Hans" if region is None else f"zh-Hant-{region.upper()}"


@lru_cache(maxsize=1024)
def _echoes(asked: str) -> dict[str, str]:
    """The regional words `asked` writes, each keyed by its mainland (simplified) word, in `asked`'s own form."""
    if not has_traditional(asked):
        return {}
    pattern, words, written = _regional()
    read = _read_characters(asked)
    same = len(read) == len(asked)
    echoes: dict[str, str] = {}
    for m in pattern.finditer(read):
        echoes.setdefault(words[m.group(0)], asked[m.start() : m.end()] if same else written[m.group(0)])
    return echoes


def _worded(text: str, region: Region, echoes: dict[str, str]) -> str:
    """`text` in traditional characters, a whole jieba word the question wrote in a regional form in that form."""
    if not echoes:
        return to_traditional(text, region)
    bounds = cjk_word_bounds(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(echoes, key=len, reverse=True)))
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        if m.start() in bounds and m.end() in bounds:  # 信息 in 信息社会, not 网络 inside 互联网络
            out += [to_traditional(text[last : m.start()], region), echoes[m.group(0)]]
            last = m.end()
    out.append(to_traditional(text[last:], region))
    return "".join(out)


def traditional_wording(text: str, asked: str = "") -> str:
    """An answer's own wording in traditional characters, its quotes 「…」 “…” and titles 《…》 verbatim: in
    Hong Kong's forms when the question `asked` writes them, and the regional words it wrote (網際網路)
    echoed in its own form rather than as the mainland word converted (互聯網)."""
    region = traditional_region(asked)
    echoes = _echoes(asked)
    out: list[str] = []
    last = 0
    for m in _VERBATIM.finditer(text):
        out.append(_worded(text[last : m.start()], region, echoes))
        out.append(m.group(0))
        last = m.end()
    out.append(_worded(text[last:], region, echoes))
    return "".join(out)


def warm() -> None:
    """Load the conversion tables now rather than on the first traditional question (~0.1 s)."""
    _traditional_chars()
    _hong_kong_chars()
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
    view = _read_characters(text)
    pattern, words, _ = _regional()  # all of them, longest first: 网路 inside 网际网路 is not a word of its own

    def same_length(m: re.Match[str]) -> str:
        word = m.group(0)
        return words[word] if len(words[word]) == len(word) else word

    return pattern.sub(same_length, view)
