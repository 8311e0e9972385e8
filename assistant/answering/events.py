"""Event nouns that name a document's adoption: "the vote", "the passing", 这次表决.

A news item reports a resolution's adoption ("the adoption of this resolution",
"the endorsement of a resolution") without ever saying "vote". A question that
speaks of *the* vote, *this* passing or 这次表决 means that event ("that" only
as a demonstrative: "said that voting was close" opens a clause), and the
adoption wording is evidence of it: "In what area does the vote mark a
watershed?" is about the adoption the article calls a watershed. Such a word
gets the adoption's words as near-synonyms: they make it found (so it is no
unstated specific fact, see specifics.py) but add nothing to a clause's
coverage, since every paragraph of a report on an adoption has them (its title
says "Adopts"), and 通过 is also "through".

Votes cast or counted are no such event and stay as written, so that they are
still specific facts a clause must state: a verb ("voted against", "how did the
states vote"), a plural ("how many votes"), the noun modifying what is asked
("the vote count"), or "the vote for / against". Nor is the vote of a yes/no
question ("Was the vote unanimous?"): its "Yes" would affirm how the vote went,
which the adoption's words do not say.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering.analysis import question_type
from assistant.lexical import tokenize
from assistant.schema import Language

# the / this / that (a possessive is a voter's: "its vote"), then the event noun; not after "cast", and not
# "that" before a gerund, where it opens a clause ("said that voting was close", "that passing the text"); not
# followed by a noun it modifies or by for / against (votes cast). "voting" modifies most nouns it precedes
# (voting rights, the voting procedure), so it is the event only before punctuation or a function word;
# "passage" only as the passage *of a* text ("this passage" is an excerpt, "the passage of time" no vote).
# Words after "the voting" that show it is the event, not a modifier of a noun: function words and the verbs
# questions put after an event (go, take place, happen, end …).
_AFTER_VOTING = (
    "on|in|at|of|by|over|was|were|is|did|had|took|go|goes|went|take|takes|happen|happened|end|ended|"
    "start|started|begin|began|close|closed|result|resulted"
)
_EN_EVENT = re.compile(
    r"(?<!\bcast\s)\b(?:the|this|that)\s+"
    # Names before the noun say whose or what vote it is ("the UN AI vote", "this General Assembly vote").
    r"(?:(?-i:[A-Z][\w-]*)\s+){0,3}"
    rf"(?P<noun>vote|(?<!\bthat\s)passing|(?<!\bthat\s)voting(?=\s*(?:[^\w\s]|$)|\s+(?:{_AFTER_VOTING})\b)"
    r"|passage(?=\s+of\s+(?:the|this|that|its|a|an|resolution|decision|draft)\s))\b(?![-'’])"
    r"(?!\s+(?:count|tally|margin|record|share|total|figures?|numbers?|breakdown|results?|for|against)\b)",
    re.IGNORECASE,
)
# A demonstrative, then 表决 / 投票: the one vote the documents report, not votes cast (投票反对) nor what
# the word modifies (投票权 voting rights, 表决程序, 表决结果, 票数).
_ZH_EVENT = re.compile(r"(?:这次|此次|本次|该次|那次|这一)(?P<noun>表决|投票)(?![反赞弃权程规制机方结数率])")
_EN_NOUN = re.compile(r"\b(?:vote[sd]?|voting|pass(?:ing|ed|es|age)?)\b", re.IGNORECASE)
_ZH_NOUN = re.compile(r"表决|投票")
_EVENTS: dict[Language, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "en": (_EN_EVENT, _EN_NOUN),
    "zh": (_ZH_EVENT, _ZH_NOUN),
}
# How a text says the adoption, in either language (as index tokens: stems, words and bigrams).
_ADOPTION_WORDS = ("adopt", "adopted", "adoption", "endorse", "endorsed", "endorsement", "通过")


@lru_cache(maxsize=1)
def _adoption_tokens() -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for w in _ADOPTION_WORDS for t in tokenize(w)))


def adoption_events(question: str, lang: Language) -> dict[str, tuple[str, ...]]:
    """Question token -> the adoption's tokens, for each word used only as the adoption's event noun.

    A word also used otherwise in the question ("Who voted against in the vote?") is left out: the
    question's words are one group per token.
    """
    event, any_use = _EVENTS[lang]
    events = [m.span("noun") for m in event.finditer(question)]
    if not events or question_type(question, lang) == "yes-no":
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for m in any_use.finditer(question):
        for token in tokenize(m.group(0), cjk_bigrams=False):
            out.setdefault(token, _adoption_tokens())
            if m.span() not in events:
                out[token] = ()
    return {t: alts for t, alts in out.items() if alts}
