"""Approximation words: how exact an answer may be, never something a clause must state.

"How many countries *roughly* got behind the resolution?" asks for the count the
article gives ("more than 120 member states"); no clause says "roughly", and
reading it as a content word (a topic the clause lacks, or the verb of what the
countries did) turned an answerable question into "the corpus does not say".

Two tables per language: words that hedge wherever they stand (roughly,
approximately, 大约, 左右), and words that hedge only before a figure or a
how-many / how-much question word ("*about* how many", "*around* 120", 约120),
since elsewhere they carry a topic ("a resolution *about* AI", "*around* the
world", 附近).

Example:
    >>> without_hedges("How many countries roughly got behind it?", "en")
    'How many countries got behind it?'
    >>> without_hedges("What can AI do around the world?", "en")
    'What can AI do around the world?'
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.schema import Language

# Hedges anywhere in a question. Not "nearly" or "almost" alone: "almost all member states" is a share.
HEDGES: dict[Language, tuple[str, ...]] = {
    "en": ("roughly", "approximately", "approx", "circa", "more or less", "give or take", "or so", "ballpark"),
    "zh": ("大约", "大概", "左右", "差不多", "大致", "约莫"),
}

# Hedges only right before a figure or a count's question word: "about how many", "around 120", 约120个.
NUMERIC_HEDGES: dict[Language, tuple[str, ...]] = {
    "en": ("about", "around", "some", "nearly", "almost", "close to", "just over", "just under"),
    "zh": ("约", "将近", "接近", "近"),
}

# What a numeric hedge must stand before to be one.
_FIGURE: dict[Language, str] = {
    "en": r"(?:how\s+(?:many|much)\b|\d)",
    "zh": r"(?:多少|几|\d|[一二三四五六七八九十百千万两]+[个位家项名])",
}


@lru_cache(maxsize=2)
def _pattern(lang: Language) -> re.Pattern[str]:
    anywhere = "|".join(re.escape(h) for h in sorted(HEDGES[lang], key=len, reverse=True))
    numeric = "|".join(re.escape(h) for h in sorted(NUMERIC_HEDGES[lang], key=len, reverse=True))
    if lang == "zh":
        return re.compile(rf"(?:{anywhere})|(?:{numeric})(?={_FIGURE[lang]})")
    # A hedge set off by commas takes its commas with it: "How many states, more or less, backed it?"
    return re.compile(
        rf",?\s*\b(?:{anywhere})\b\s*,?|\b(?:{numeric})\s+(?={_FIGURE[lang]})",
        re.IGNORECASE,
    )


def without_hedges(question: str, lang: Language) -> str:
    """`question` without the words that only say how exact its answer may be; unchanged when it has none."""
    if lang == "zh":
        return _pattern(lang).sub("", question)
    # Each hedge is replaced by one space (none before closing punctuation), so words stay apart.
    out = _pattern(lang).sub(" ", question)
    return re.sub(r"\s+([?.!,;:])", r"\1", re.sub(r"\s{2,}", " ", out)).strip()
