"""A Chinese word carried into English through a glossary term it is the head of.

A Chinese question often names only the head noun of a term the English text writes in full:
哪个鸿沟 asks "which divide", and the article says "digital divide" (数字鸿沟 in the glossary).
CC-CEDICT translates 鸿沟 as "gulf; chasm; wide gap", none of which an English text about the
digital divide uses, so the question's most specific word found no English evidence at all.

In both languages a noun compound puts its head last (数字**鸿沟**, digital **divide**), so a
word that ends a glossary term's Chinese form stands for the word that heads the term's English
name. This is a fallback: it runs only for a word the dictionary could not carry into the index.

Example:
    >>> head_glosses("鸿沟")
    ('divide',)
    >>> head_glosses("数字"), head_glosses("鸿")   # not a head; one character is too ambiguous
    ((), ())
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.glossary import TERMS

# English words that join a head to its complement ("Council of Europe", "right to privacy"):
# the head is the word before the first of them.
_COMPLEMENT = re.compile(r"\s+(?:of|for|to|on|in)\s+", re.IGNORECASE)
# A head shorter than this is one character: too many compounds end with it (会, 性, 者).
MIN_HEAD_CHARS = 2


def english_head(name: str) -> str:
    """The head word of an English noun phrase: the last word before any complement.

    Example:
        >>> english_head("digital divide"), english_head("Council of Europe")
        ('divide', 'Council')
    """
    core = _COMPLEMENT.split(name.strip(), maxsplit=1)[0]
    words = core.split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _heads() -> dict[str, tuple[str, ...]]:
    """Chinese head (the last characters of a glossary form, a word of its own) -> English heads."""
    out: dict[str, list[str]] = {}
    for term in TERMS:
        head_en = english_head(term.name("en"))
        if not head_en or " " in term.name("zh"):
            continue
        for form in term.forms("zh"):
            for n in range(MIN_HEAD_CHARS, len(form)):
                # Every tail of the form, so 鸿沟 and 数字鸿沟's longer tails are all found; a
                # tail that is no head of the term (字鸿沟) is never asked for by a question word.
                heads = out.setdefault(form[-n:], [])
                if head_en not in heads:
                    heads.append(head_en)
    return {tail: tuple(heads) for tail, heads in out.items()}


def head_glosses(word: str) -> tuple[str, ...]:
    """English head words of the glossary terms whose Chinese form ends with `word` (and is longer)."""
    if len(word) < MIN_HEAD_CHARS:
        return ()
    return _heads().get(word, ())
