"""A clause of the other language that shares none of an English question's own words, only their translations.

An English question's generic words ("parties", "draw up", "together", "years") translate into many Chinese
clauses through the dictionary's senses (各方, 制定, 合作, 年), so a clause of the Chinese draft can cover a
paraphrase of the English article better than the article's paragraph that answers it. When a clause in the
question's own language passes with some of the question's own words (or glossary names), a clause of the other
language that has none of them (`Support.literal` 0) loses what its translations won: its coverage is guesswork
the own-language clause does not need.

Example: "What will the parties draw up together in the years ahead?" is answered by the article's "Looking
ahead, … cooperation among member states, civil society … in crafting responsible AI governance frameworks",
not by the draft's clause on 标准制定组织 … 各方 … 合作 … 2030年 that matched only through translations.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.support import Support, document_level
from assistant.schema import Language

# How much of its coverage a clause matched only through translations loses against an own-language clause with
# the question's own words. Chosen on eval/dev: 1.0 fixes dev-s05 and changes no other answer; at 0.5 its
# translations (0.83 of the question) still outweigh the paragraph.
TRANSLATED_ONLY_WEIGHT = 1.0


def translated_only(passing: Sequence[Support], lang: Language) -> frozenset[int]:
    """The ids of those of `passing` in the other language than `lang` that share none of the question's own words,
    when one in `lang` shares some (none otherwise: then translations are all a cross-lingual question has)."""
    if not any(s.hit.chunk.lang == lang and s.literal > 0 and not document_level(s.hit.chunk) for s in passing):
        return frozenset()
    return frozenset(id(s) for s in passing if s.hit.chunk.lang != lang and s.literal <= 0)


def translated_only_penalty(s: Support, guessed: frozenset[int]) -> float:
    """What `s` loses when it is among `guessed` (`translated_only`): its coverage, weighted."""
    return TRANSLATED_ONLY_WEIGHT * s.overlap if id(s) in guessed else 0.0
