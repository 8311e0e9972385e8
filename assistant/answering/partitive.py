"""Partitive questions: "which *stages* of the AI lifecycle", "生命周期包括哪些*阶段*".

A partitive noun names a part of something rather than a kind of answer. The corpus may never say
"stage" although a clause lists the lifecycle's stages, so the noun to check is the complement
("lifecycle"), not the partitive. Question analysis (analysis.py) finds the question word and its noun;
this module says whether that noun is partitive and reads its complement.
"""

from __future__ import annotations

import re

from assistant.answering.words import AUXILIARIES
from assistant.lexical import tokenize
from assistant.schema import Language
from assistant.segmentation import pos_words

PARTITIVE_NOUNS: dict[Language, frozenset[str]] = {
    "en": frozenset(
        (
            *("stage", "stages", "phase", "phases", "step", "steps", "part", "parts", "aspect", "aspects"),
            *("element", "elements", "component", "components", "dimension", "dimensions", "facet", "facets"),
            *("area", "areas", "kind", "kinds", "sort", "sorts", "type", "types", "piece", "pieces"),
        )
    ),
    "zh": frozenset(("阶段", "环节", "部分", "组成部分", "方面", "要素", "步骤", "层面", "类型", "种类")),
}
# What may stand between the partitive and its complement: "stages *of the* lifecycle",
# "生命周期*包括*哪些阶段" (Chinese puts the complement first).
_PARTITIVE_OF = re.compile(r"^\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|its\s+|their\s+)?((?:[\w'’-]+\s*){1,4})")
# jieba flags of a word that can be a Chinese partitive's whole: nouns, abbreviations, Latin words, verbal nouns.
_ZH_WHOLE_FLAGS = ("n", "j", "eng", "vn")
_PARTITIVE_ZH = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:的|包括|包含|有|分为|分成|涉及)(?:哪些|哪几个|哪个|什么)$")
_MAX_COMPLEMENT_WORDS = 4  # as many words as _PARTITIVE_OF takes
# Words that end the complement's noun phrase ("the lifecycle *does* …", "the technology's life *must* …").
_RELATIVES = frozenset(("that", "which", "who"))
_NP_BREAKS = frozenset(("in", "on", "for", "to", "with", "by", "from", "at", "and", "or"))


def is_partitive(asked: str, lang: Language) -> bool:
    """Whether the noun after the question word, as asked, names a part ("stages", 阶段).

    Read before generic nouns ("parts", 方面) are dropped: those can be partitive too."""
    pieces = tokenize(asked, cjk_bigrams=False) if lang == "zh" else [asked]
    return bool(pieces) and pieces[0].lower() in PARTITIVE_NOUNS[lang]


def complement(question: str, lang: Language, start: int, end: int) -> tuple[list[str], bool]:
    """The words of what the partitive noun at `question[start:end]` is part of, and whether their end is
    certain (an auxiliary, a preposition or the end)."""
    if lang == "zh":
        found = _PARTITIVE_ZH.search(question[:start])
        pieces = tokenize(found.group(1), cjk_bigrams=False) if found else []
        # Only a noun is a whole with parts: 今后 (from now on) in 今后有哪些方面 is when, not what of.
        last = pos_words(pieces[-1]) if pieces else []
        return (pieces[-1:] if len(last) == 1 and last[0][1].startswith(_ZH_WHOLE_FLAGS) else []), True
    found = _PARTITIVE_OF.match(question[end:])
    if not found:
        return [], False
    # Without a part-of-speech tagger the phrase runs to the next auxiliary or preposition; the noun
    # check passes when any of its words is known, so a verb caught in it ("draft *mention*") is harmless.
    words: list[str] = []
    caught = found.group(1).split()
    for word in caught:
        if word.lower() in AUXILIARIES or word.lower() in _RELATIVES:
            return words, True
        if word.lower() in _NP_BREAKS:
            # After two words a preposition may follow the question's verb ("the resolution *deal with*").
            return words, len(words) < 2
        words.append(re.sub(r"['’]s$|['’]$", "", word))
    return words, len(caught) < _MAX_COMPLEMENT_WORDS
