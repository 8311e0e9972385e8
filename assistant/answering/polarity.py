"""A negated yes/no question: "Were Resolutions 139 and 140 not revised?", 第140号决议没有修订吗？

Coverage sees only the topic ("not" and 没有 are no focus words), so the clause that states the
revision supports the question, and "Yes." would agree with the negation. The lead says "No" instead
(in Chinese too, 不: a reply disagrees with a negated question's proposition) and the quote shows what
the clause states. A clause that words a negation of its own ("refrain from", 不得) may state exactly
what the question asks: it is quoted without a yes or no.

"Didn't / Wasn't …?" expects a yes ("Wasn't it revised in 2022?" — "Yes."): only a separate "not" or
"never" after the opening auxiliary negates.

Example:
    >>> negated("Were Resolutions 139 and 140 not revised?", "en"), negated("Weren't they revised?", "en")
    (True, False)
    >>> negated("第139号决议是否未被修订？", "zh"), negated("第139号决议有没有修订？", "zh")
    (True, False)
"""

from __future__ import annotations

import re

from assistant.answering.analysis import YES_NO_OPENING
from assistant.answering.replies import NO, YES
from assistant.schema import Language

_NEGATED: dict[Language, re.Pattern[str]] = {
    # "not only … but also" adds, "whether or not" leaves open: neither negates.
    # The "not" of a relative clause negates no predicate ("mention countries that do not have access").
    "en": re.compile(
        rf"{YES_NO_OPENING}(?:(?!\b(?:that|who|which|whose|where|when|if|whether)\b)[^?])*?"
        r"\b(?<!\bor )(?:not(?!\s+only\b)|never)\b",
        re.IGNORECASE,
    ),
    # 没(有) + verb, 未(被/经) + verb up to the end; 有没有 asks, 未来 is the future, and a negation before
    # 的 modifies a noun (是否提到没有互联网接入的人).
    "zh": re.compile(r"(?<!有)(?:没有?|未)(?!有|来)[^的，,。]*$"),
}
# A clause's own negation: then "not X?" may be what it states, and no "No" can be read off.
_NEGATION: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:not|no|never|none|neither|nor|without|refrain\w*|cease\w*|avoid\w*|prohibit\w*|ban|banned)\b|n't\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"[不没未非无勿]|禁止|避免|停止"),
}


def negated(question: str, lang: Language) -> bool:
    """Whether a yes/no question asks about the negation of its predicate ("… not revised?", 没有修订吗)."""
    return _NEGATED[lang].search(question) is not None


def states_negation(text: str) -> bool:
    """Whether `text` words a negation of its own, in either language ("refrain from", 未, 不得)."""
    return any(p.search(text) for p in _NEGATION.values())


def yes_no_lead(question: str, lang: Language, quote: str) -> str:
    """The lead of a yes/no answer quoting `quote`, a clause that supports the question's predicate:
    "Yes.", "No — …" for a negated question, or "" when the quote words a negation of its own."""
    if not negated(question, lang):
        return YES[lang]
    return "" if states_negation(quote) else NO[lang]
