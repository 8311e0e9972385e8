"""The two languages, which characters are Chinese, which words are function words, and how a lone name given
as a string is read: one definition for the package.

The copies this replaces disagreed: some missed 〇 (二〇二二年), extension A or the
supplementary planes, so a date or a rare name counted as Chinese in one module
and not in the next.

Example:
    >>> has_cjk("二〇二二年"), has_cjk("ITU 2022"), CJK_RUN.findall("AI 人工智能 and 〇")
    (True, False, ['人工智能', '〇'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

# The languages of questions, documents and answers. Defined here, below settings and schema, as both use it
# (schema re-exports it, the name most modules import it by).
Language = Literal["zh", "en"]

# CJK ideographs incl. extension A, compatibility ideographs, the supplementary planes, and 〇.
CJK_CHARS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
# A citation marker in an answer, "[3]": the number of the cited clause (the LLM checker and the UI read it).
CITATION_MARKER = re.compile(r"\[(\d{1,3})\]")


def has_cjk(text: str) -> bool:
    """Whether `text` holds at least one Chinese character."""
    return CJK_CHAR.search(text) is not None


def as_tuple(names: Iterable[str] | str) -> tuple[str, ...]:
    """Names (document ids, languages) as a tuple; one given as a string is that name, not its letters.

    Example:
        >>> as_tuple("zh"), as_tuple(["zh", "en"]), as_tuple(())
        (('zh',), ('zh', 'en'), ())
    """
    return (names,) if isinstance(names, str) else tuple(names)


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# English function words: BM25 drops them, and language detection counts them as English.
EN_STOP_WORDS = _words(
    """a an the and or nor but if then than so as of to in on at by for from with into onto upon about
    over under via per within without between is are was were be been being am it its this that these
    those there here which who whom whose what when where why how not no do does did doing has have had
    having can could shall should will would may might must i me my we our you your he him his she her
    they them their also any all each such other more most some only own same too very just s t"""
)
# Function words and question words: frequent in queries ("……是什么？"), no topical content.
ZH_STOP_WORDS = _words(
    """的 了 和 与 及 以及 或 或者 是 在 有 等 等等 也 就 都 而 并 并且 被 把 对 对于 为 以 之 其 这 那 这个 那个
    这些 那些 这样 一个 个 吗 呢 吧 啊 么 呀 什么 哪 哪个 哪些 哪里 哪儿 谁 如何 怎么 怎样 为什么 多少 是否 还
    又 即 则 于 所 将 着 过 得 地"""
)
