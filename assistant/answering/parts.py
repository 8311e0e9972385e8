"""Two-part questions, and the condition a question asks for.

"Am I allowed to reuse extracts from UNIDO's site, and on what condition?",
"UNIDO网站上的材料能不能拿去别处用？有什么条件？": a yes/no question followed by what it asks
once the answer is yes. The yes alone does not answer it; the answer leads with
what the second part asks, quoting the sentence that states it.

The second part this module reads is a condition ("on what condition", "under
what terms", 有什么条件, 前提是什么): a clause states one by a marker ("provided
that", "as long as", "subject to", 只要, 但须), not by the word "condition", and the
sentence carrying the marker is the one to quote. Markers are ranked: "provided
that" states the condition of what the sentence allows; "if" and 如果 also open
conditions of other things ("If the material is from a source external to
UNIDO, permission … must be sought"), so they count only where no firm marker is.

Example:
    >>> split_parts("Can I reuse extracts, and on what condition?", "en")
    Parts(first='Can I reuse extracts', second='on what condition?')
    >>> condition_phrase("Extracts may be used provided that the source is named.", "en")
    'provided that the source is named'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answering.polarity import yes_no_lead
from assistant.answering.qtypes import YES_NO_OPENING
from assistant.answering.replies import YES
from assistant.answering.spans import sentences
from assistant.schema import Answer, Language

# Where a second question starts: after a question mark with more text, after "(and) if so", or before
# ", and what / on what / under which …" (English); after a mid-question ？ or a 如果是的话 (Chinese).
_SECOND_PART: dict[Language, str] = {
    "en": (
        r"\?\s+(?=\S)|,?\s+(?:and\s+)?if\s+(?:so|yes)\b,?\s*"
        r"|,\s*and\s+(?=(?:(?:on|under|in|with|for|to|by|at|subject\s+to)\s+)?(?:what|which|how|who|whom|when|where|why)\b)"
    ),
    "zh": r"[？?]\s*(?=\S)|[，,]\s*(?:如果|若|要是)(?:是|有|可以|能)?(?:的话)?[，,]",
}

# A first part that asks yes or no beyond the answer-type table's openings: "Am I allowed to …", and a Chinese
# part closed by 吗 or asking 能不能 / 可以 (the table reads 什么 of the second part as a what-question).
_YES_NO_PART: dict[Language, str] = {
    "en": rf"{YES_NO_OPENING}|^\s*am\b",
    "zh": r"吗$|是否|有没有|能否|可否|是不是|([\u4e00-\u9fff])不\1|可以$|行不行|好不好",
}

# A question (or one of its parts) asking for the condition something holds under.
CONDITION_ASKED: dict[Language, str] = {
    "en": (
        r"\b(?:on|under|with|subject\s+to)\s+what\s+(?:\w+\s+)?(?:conditions?|terms|basis|circumstances|provisos?)\b"
        # Not "the condition(s) of …": the state of something ("the condition of the poorest countries").
        r"|\bwhat\s+(?:are\s+the\s+|is\s+the\s+)?(?:conditions?|provisos?|strings\s+attached)\b(?!\s+of\b)"
        r"|\bprovided\s+what\b"
    ),
    "zh": r"(?:什么|哪些|何种|啥)(?:样的?)?(?:条件|前提|要求)|(?:条件|前提|要求)是什么|(?:需要|须|要|得)满足",
}

# Markers a text states a condition with, firm ones first. Chinese 须 / 必须 alone are duties, not conditions.
CONDITION_MARKERS: dict[Language, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        (
            *("provided that", "providing that", "on condition that", "on the condition that"),
            *("as long as", "so long as", "subject to", "only if", "only when", "on the understanding that"),
        ),
        ("unless", "if"),
    ),
    "zh": (
        ("条件是", "前提是", "只要", "但须", "但必须", "前提下", "条件下", "在符合"),
        ("除非", "如果", "若", "倘若"),
    ),
}

# Where a stated condition ends: the end of its clause (a semicolon, a full stop) or, for one that opens the
# sentence ("If X, …"), its comma.
_CONDITION_END = r"[;；.。]"


@dataclass(frozen=True)
class Parts:
    """A yes/no question (`first`) and what it asks once the answer is yes (`second`)."""

    first: str
    second: str


def split_parts(question: str, lang: Language) -> Parts | None:
    """The yes/no part and the part after it; None for a one-part question or one whose first part asks no
    yes or no ("How often …, and which kind …?" asks two things, neither of them yes or no)."""
    text = question.strip()
    for m in re.finditer(_SECOND_PART[lang], text, re.IGNORECASE):
        first, second = text[: m.start()].strip(), text[m.end() :].strip()
        if first and second and re.search(_YES_NO_PART[lang], first.rstrip("?？"), re.IGNORECASE):
            return Parts(first.rstrip("?？"), second)
    return None


def asks_condition(question: str, lang: Language) -> bool:
    """Whether the question (or one of its parts) asks for the condition something holds under."""
    return re.search(CONDITION_ASKED[lang], question, re.IGNORECASE) is not None


@lru_cache(maxsize=4)
def _markers(lang: Language, firm: bool) -> re.Pattern[str]:
    words = CONDITION_MARKERS[lang][0 if firm else 1]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b" if lang == "en" else alternation, re.IGNORECASE)


def _marker(text: str, lang: Language) -> re.Match[str] | None:
    """The first firm condition marker of `text`, else its first other one; None without any."""
    return _markers(lang, True).search(text) or _markers(lang, False).search(text)


def _firmness(text: str, lang: Language) -> int:
    """2 for a text stating a condition with a firm marker, 1 with another one, 0 with none."""
    return 2 if _markers(lang, True).search(text) else 1 if _markers(lang, False).search(text) else 0


def states_condition(text: str, lang: Language) -> bool:
    """Whether `text` (in its own language `lang`) states a condition with a firm marker ("provided that",
    只要): the evidence a clause answers "on what condition"."""
    return _firmness(text, lang) == 2


def condition_sentence(text: str, lang: Language, span: tuple[int, int]) -> tuple[int, int]:
    """`span` (offsets into `text`), or the sentence of `text` stating a condition more firmly than it: the
    first sentence with a firm marker when the span has none."""
    have = _firmness(text[span[0] : span[1]], lang)
    for a, b in sentences(text):
        if _firmness(text[a:b], lang) > have:
            return a, b
    return span


def condition_phrase(text: str, lang: Language) -> str:
    """The condition `text` states, from its marker to the end of its clause ("provided that acknowledgement
    of the source is made"); "" when it states none."""
    m = _marker(text, lang)
    if m is None:
        return ""
    rest = text[m.start() :]
    opening = not text[: m.start()].strip()  # "If X, then …": the condition ends at its comma
    end = re.search(r"[,，]" if opening else _CONDITION_END, rest)
    return rest[: end.start() if end else len(rest)].strip()


# The lead of an answer giving a condition: after the yes its yes/no part gets, or alone. A condition in the
# question's language reads as the rest of the sentence ("Yes, provided that …"); one in the other language
# is quoted as written.
_CONDITION_LEAD: dict[Language, dict[tuple[bool, bool], str]] = {
    "en": {
        (True, True): "Yes, {phrase}.",
        (False, True): "{phrase}.",
        (True, False): "Yes, on this condition: 「{phrase}」.",
        (False, False): "On this condition: 「{phrase}」.",
    },
    "zh": {
        (True, True): "是的，{phrase}。",
        (False, True): "条件：{phrase}。",
        (True, False): "是的，条件是：「{phrase}」。",
        (False, False): "条件是：「{phrase}」。",
    },
}


def condition_lead(question: str, lang: Language, quote: str, quote_lang: Language) -> str:
    """The lead of an answer to a question asking for a condition: the condition `quote` states, after "Yes"
    when the question's yes/no part (`split_parts`) gets one from the quote; "" when the question asks for no
    condition or the quote states none."""
    phrase = condition_phrase(quote, quote_lang) if asks_condition(question, lang) else ""
    if not phrase:
        return ""
    parts = split_parts(question, lang)
    yes = parts is not None and yes_no_lead(parts.first, lang, quote) == YES[lang]
    same = quote_lang == lang
    if same and lang == "en" and not yes:
        phrase = phrase[0].upper() + phrase[1:]
    return _CONDITION_LEAD[lang][(yes, same)].format(phrase=phrase)


def with_condition(question: str, lang: Language, answer: Answer, quote_lang: Language) -> Answer:
    """A yes/no `answer` whose "Yes." is followed by the condition its quote states, when the question asks for
    one: "Yes, provided that acknowledgement of the source is made." `answer` as it is otherwise."""
    if answer.abstained or not answer.citations or not answer.text.startswith(YES[lang]):
        return answer
    lead = condition_lead(question, lang, answer.citations[-1].quote, quote_lang)
    if not lead:
        return answer
    return replace(answer, text=lead + answer.text[len(YES[lang]) :])
