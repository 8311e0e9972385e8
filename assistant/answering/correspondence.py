"""Verbs of correspondence: "aligns with", "fits in with", 与…相一致, 符合, 与…一脉相承.

"Which broader UN initiatives does the resolution align with?" asks what the resolution matches. Texts word
that relation in many ways ("is in line with", "consistent with", 符合, 与…相符), so the question's verb is no
word a clause must state (analysis.answer_verb); and of the clauses that pass, the one that states a
correspondence in any of those ways is the one saying what it matches (choice.pick).
"""

from __future__ import annotations

import re

from assistant.schema import Language

# The verbs as analysis.answer_verb reads them (the word after the asked noun), in either language.
CORRESPONDENCE_VERBS: frozenset[str] = frozenset(
    (
        *("align", "aligns", "aligned", "accord", "accords", "conform", "conforms", "correspond", "corresponds"),
        *("match", "matches", "fit", "fits", "tally", "tallies", "agree", "agrees", "chime", "chimes"),
        *("一致", "相一致", "保持一致", "符合", "相符", "相符合", "吻合", "相吻合", "契合", "相契合", "对应", "相对应"),
        # "in the same line as", "echoes": 与…一脉相承, 与…相呼应 say it continues or chimes with the other
        *("一脉相承", "相呼应", "呼应"),
    )
)
# The relation as a text states it: a verb with its preposition, or an adjective phrase ("in line with").
_EN = re.compile(
    r"\b(?:align(?:s|ed|ing)?(?: itself| themselves)? with|in line with|in keeping with|consistent with|"
    r"in accordance with|fit(?:s|ted|ting)? (?:in with|into)|correspond(?:s|ed|ing)? (?:to|with)|"
    r"conform(?:s|ed|ing)? (?:to|with)|accord(?:s|ed)? with|chime(?:s|d)? with|dovetail(?:s|ed)? with)\b",
    re.IGNORECASE,
)
_ZH = re.compile(r"一致|符合|相符|吻合|契合|相对应|一脉相承|相呼应")


def states_correspondence(text: str) -> bool:
    """Whether a text (a clause, or a question) says that one thing matches another, in either language."""
    return _EN.search(text) is not None or _ZH.search(text) is not None


def asks_correspondence(question: str, lang: Language) -> bool:
    """Whether the question asks what something matches ("… does it align with?", 与哪类倡议相一致)."""
    return (_ZH if lang == "zh" else _EN).search(question) is not None
