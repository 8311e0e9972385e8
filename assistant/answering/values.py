"""The value a question asks for (a date, a frequency, a count, an amount) and whether a clause has it."""

from __future__ import annotations

import re

from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import chunk_evidence, question_groups
from assistant.answering.spans import Span, spans_for
from assistant.answering.subitems import counts_items, sub_items
from assistant.schema import Chunk, Language

# Only these "when" questions need a calendar date; "how often" needs a frequency; a bare "when"
# is answered by either.
DATE_ONLY = {
    "en": re.compile(r"\b(what|which) (year|date|day|month|session)\b|\bin (what|which) year\b|\bon what date\b", re.I),
    "zh": re.compile(r"哪一年|哪年|哪一天|哪天|几月|哪一届|哪届|日期"),
}
# A question that asks for the day ("哪一天正式通过的", "on what day") is not answered by a year or a month:
# "2022年" in a heading says when the conference met, not the day anything was adopted.
DAY_ONLY = {
    "en": re.compile(r"\b(what|which) day\b|\bexact date\b", re.I),
    "zh": re.compile(r"哪一天|哪天|几月几[日号]|(?<!第)几号(?!决议)|具体日期"),
}
_DAY = re.compile(
    r"\d\s*[日号]|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\d)"
)
FREQUENCY_ONLY = {
    "en": re.compile(r"\bhow (often|frequently)\b|\bat what interval\b", re.I),
    "zh": re.compile(r"多久|频率|多常|多长时间"),
}


def value_kind(question: str, lang: Language, qtype: str) -> str:
    """What value a question needs: 'date-day', 'date', 'frequency', 'date-or-frequency', 'count', 'amount' or ''."""
    if qtype == "when":
        if FREQUENCY_ONLY[lang].search(question):
            return "frequency"
        if DAY_ONLY[lang].search(question):
            return "date-day"
        if DATE_ONLY[lang].search(question):
            return "date"
        return "date-or-frequency"
    return {"how-many": "count", "how-much": "amount"}.get(qtype, "")


def values(kind: str, text: str) -> list[Span]:
    """The spans of `text` that are values of `kind` (see `value_kind`)."""
    if kind in ("date-day", "date", "frequency", "date-or-frequency"):
        found = spans_for("when", text)
        if kind == "date-day":
            return [s for s in found if s.kind == "date" and _DAY.search(s.text)]
        if kind == "date":
            return [s for s in found if s.kind == "date"]
        if kind == "frequency":
            return [s for s in found if s.kind == "frequency"]
        return found
    if kind == "count":
        return spans_for("how-many", text)
    if kind == "amount":
        return spans_for("how-much", text)
    return []


def values_for_noun(kind: str, text: str, a: QuestionAnalysis, lang: Language, ctx: AnswerContext) -> list[Span]:
    """Values of `text`, and for "how many X" only the counts of X ("17 Sustainable Development Goals")."""
    found = values(kind, text)
    if kind != "count" or not a.answer_noun:
        return found
    groups = question_groups(a.answer_noun, lang, ctx.translations)
    if not groups:
        return found
    out = []
    for span in found:
        # The counted noun follows the number; look a little further for Chinese (30多个机构和部门).
        evidence = chunk_evidence(text[span.start : span.end + 12])
        if any(g.found_in(*evidence) for g in groups):
            out.append(span)
    return out


def has_value(kind: str, chunk: Chunk, question: str, a: QuestionAnalysis, lang: Language, ctx: AnswerContext) -> bool:
    """Whether the clause holds the value asked for; "how many items" is answered by a list's items."""
    if kind == "count" and counts_items(question, lang) and sub_items(chunk, ctx.chunks):
        return True
    return bool(values_for_noun(kind, chunk.text, a, lang, ctx))
