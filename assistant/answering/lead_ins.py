"""Conversational lead-ins: who is asking and why, never something a clause must state.

"I'm prepping talking points for my minister: what kind of rulebook …" asks about the
rulebook; no clause mentions the minister, and reading the lead-in as content made
"minister" a fact the answer lacked ("The documents mention … but not minister").

A lead-in is the start of a question up to a colon or a dash that talks about the
asker (I, my, we, 我, 我们) or is a stock opener ("Quick question:", 顺便问一下：), holds
no question word of its own, and leaves a question after it. It is context: the
question is analysed and checked for support without it. The tables below are per
language; a prefix that fails any test ("Resolution 1/2: what does it say?") stays.

Example:
    >>> split_lead_in("For my report — which body adopted the text?", "en")
    ('For my report', 'Which body adopted the text?')
    >>> split_lead_in("Resolution 1/2: what does it say?", "en")
    ('', 'Resolution 1/2: what does it say?')
"""

from __future__ import annotations

import re

from assistant.schema import Language

# Where a lead-in ends: a colon or a dash set off as a break (not the hyphen inside "AI-related").
_BREAK: dict[Language, str] = {
    "en": r"\s*(?::|\s[—–-]{1,2}\s|—|–)\s*",
    "zh": r"\s*(?:[:：]|——|—|--)\s*",
}

# Words that make a prefix talk about the asker.
ASKER_WORDS: dict[Language, str] = {
    "en": r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|we're|we’re|our|us)\b",
    "zh": r"我|咱",
}

# Stock openers that say nothing about the asker but are no content either.
OPENERS: dict[Language, tuple[str, ...]] = {
    "en": (
        "quick question",
        "question",
        "one more question",
        "another question",
        "just curious",
        "out of curiosity",
        "just wondering",
        "follow-up",
        "hi",
        "hello",
        "sorry",
    ),
    "zh": ("请问一下", "顺便问一下", "问一下", "快问一下", "另外", "还有个问题", "一个问题", "好奇"),
}

# A prefix holding one of these is part of the question ("Who adopted it: the UN or ITU?").
QUESTION_WORDS: dict[Language, str] = {
    "en": r"\b(?:what|which|who|whom|whose|when|where|why|how)\b|\?",
    "zh": r"什么|哪|谁|何|多少|几|吗|呢|怎|是否|[?？]",
}

# A lead-in is short: past this it is more likely a premise of the question itself.
_MAX_LEAD: dict[Language, int] = {"en": 14, "zh": 30}


def _length(text: str, lang: Language) -> int:
    return len(re.sub(r"\s", "", text)) if lang == "zh" else len(text.split())


def _is_lead_in(lead: str, lang: Language) -> bool:
    if not lead or _length(lead, lang) > _MAX_LEAD[lang]:
        return False
    if re.search(QUESTION_WORDS[lang], lead, re.IGNORECASE):
        return False
    opener = lead.strip(" ,.!，。！").casefold() in OPENERS[lang]
    return opener or bool(re.search(ASKER_WORDS[lang], lead, re.IGNORECASE))


def split_lead_in(question: str, lang: Language) -> tuple[str, str]:
    """(lead-in, the question after it); ("", question) when it opens with none."""
    m = re.search(_BREAK[lang], question)
    if not m:
        return "", question
    lead, rest = question[: m.start()].strip(), question[m.end() :].strip()
    # What follows must still be a question, not a list or a quoted title.
    if not re.search(QUESTION_WORDS[lang], rest, re.IGNORECASE) or not _is_lead_in(lead, lang):
        return "", question
    return lead, rest[:1].upper() + rest[1:] if lang == "en" else rest


def without_lead_in(question: str, lang: Language) -> str:
    """`question` without its conversational lead-in; unchanged when it has none."""
    return split_lead_in(question, lang)[1]
