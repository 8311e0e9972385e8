"""The parts of an English compound the dictionary does not list, as evidence of the clause that uses it.

"lifecycle" is written as one word, but no dictionary lists it: its meaning is that of its parts, and
a question about "the whole life of these systems" asks about it. A compound the dictionary lists
("watershed", "framework", "stakeholder") has a meaning of its own and is left whole: "water" is no
evidence for a watershed moment. A word is split only into a dictionary word as written (the
modifier) followed by a dictionary word in any inflection (the head), both at least `MIN_PART`
letters long.

Example:
    >>> from assistant.retrieval.dictionary import parse_cedict
    >>> lex = parse_cedict(["生命 生命 [sheng1 ming4] /life/", "周期 周期 [zhou1 qi1] /cycle/"])
    >>> sorted(compound_parts("throughout the entire lifecycle of AI", lex))
    ['cycl', 'life']
"""

from __future__ import annotations

import re

from assistant.answering.evidence import words
from assistant.memo import BoundedCache
from assistant.retrieval.dictionary import DictionaryUnavailableError, Lexicon, load_lexicon
from assistant.retrieval.translation import english_forms

MIN_PART = 4  # "life" + "cycle"; shorter pieces ("on" + "line", "out" + "come") are mostly not words of the compound
_LONG_WORD = re.compile(rf"[A-Za-z]{{{2 * MIN_PART},}}")

# Endings that look like a word but make a derivation, not a compound ("suitability" is no "suit" +
# "ability", "referring" no "refer" + "ring"), and modifiers that are prepositions ("underscores").
_SUFFIX_HEADS = frozenset(("able", "ability", "ably", "ally", "ring", "ness", "ment", "less", "ship", "wise"))
_PREPOSITIONS = frozenset(("under", "over", "with", "into", "upon", "onto", "out", "through"))

_CACHE: BoundedCache[tuple[str, int, str], frozenset[str]] = BoundedCache()


def compound_parts(text: str, lexicon: Lexicon) -> frozenset[str]:
    """Stems of the parts of `text`'s unlisted English compounds ("lifecycle" -> life, cycl); cached per text."""

    def parts() -> frozenset[str]:
        out: set[str] = set()
        for word in dict.fromkeys(w.lower() for w in _LONG_WORD.findall(text)):
            split = _split(word, lexicon)
            if split is not None:
                out.update(t for part in split for t in words(part))
        return frozenset(out)

    # A Lexicon holds dicts (not hashable), and an id can be reused: key by its source and size.
    return _CACHE.get((lexicon.source, len(lexicon.zh_to_en), text), parts)


def dictionary_parts(text: str) -> frozenset[str]:
    """`compound_parts` with the bundled CC-CEDICT; nothing when it is not installed."""
    try:
        return compound_parts(text, load_lexicon())
    except DictionaryUnavailableError:
        return frozenset()


def _split(word: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """The first split of an unlisted word into a listed modifier and a listed head, or None."""
    if _listed(word, lexicon):
        return None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        modifier, head = word[:i], word[i:]
        if head in _SUFFIX_HEADS or modifier in _PREPOSITIONS:
            continue
        if lexicon.chinese(modifier) and _listed(head, lexicon):
            return modifier, head
    return None


def _listed(word: str, lexicon: Lexicon) -> bool:
    return any(lexicon.chinese(form) for form in english_forms(word))
