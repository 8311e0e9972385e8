"""Names a question sets in quotation marks: “人工智能造福人类”的峰会, the “Intelligent Machines, Smart Policies”
conference, 「…」.

A quoted name says what the question is about as the user read it somewhere; when the glossary does not know
it whole, a clause or record answers about that thing only if it writes the name too: the draft's header
(全权代表大会（2022年，布加勒斯特）) does not say where “人工智能：智能机器、智能政策”会议 met, and a clause
that never names “人工智能造福人类” says nothing of who organised it.

Example:
    >>> quoted_names("“人工智能造福人类”的峰会是谁办的？", "zh")
    ('人工智能造福人类',)
    >>> says_quoted("人工智能造福人类", "合作组织的“人工智能造福人类高峰会议”", frozenset())
    True
"""

from __future__ import annotations

import re
from collections.abc import Set

from assistant.answering.evidence import words
from assistant.glossary import find_terms
from assistant.schema import Language

# “…”, 「…」, 『…』 or "…", two to forty characters: a name, not a quoted sentence.
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"]{2,40})[”」』\"]")


def quoted_names(question: str, lang: Language) -> tuple[str, ...]:
    """The names the question quotes that are no glossary name as a whole (those are matched as terms)."""
    return tuple(q for q in _QUOTED.findall(question) if not any(q in t.forms(lang) for t in find_terms(q, lang)))


def says_quoted(name: str, text: str, tokens: Set[str]) -> bool:
    """Whether a text writes a quoted name: as a substring (any case), or every word of it among `tokens` (the
    clause's evidence words, its document's titles included: an English name in a Chinese record's English
    title)."""
    if name.casefold() in text.casefold():
        return True
    found = words(name)
    return bool(found) and set(found) <= tokens
