"""Time scope: a question about a future or "next" event is not answered by a record of the past.

"Which city will host the next AI summit?" and "Where will the next
Plenipotentiary Conference be held?" share their words with a dateline ("New
York, 21 March") or a past conference's header ("2022, Bucharest"); those say
where something *was*. Such a question is answered only by a clause that itself
speaks of what is to come: an instruction or invitation (operative clauses ask
for future action) or text with a future marker ("will", "looking ahead", 将,
下一届). Cue words are one small table per language.
"""

from __future__ import annotations

import re

from assistant.schema import Chunk, Language

# A question about what is still to come.
FUTURE_QUESTION: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\bwill\b|\bnext\b|\bupcoming\b|\bforthcoming\b|\bgoing to\b|\bin (?:the )?(?:future|coming)\b|"
        r"\bis (?:to|due to) be\b",
        re.IGNORECASE,
    ),
    # Bare 将 is also the object marker ("哪些国家将人工智能用于…", like 把): 将 marks the future only
    # before a time or place question word or a verb (将于 / 将在, 将何时, 将举办 …). An object may start with
    # 哪些 (将哪些技术用于) or with a verb-led noun (将决定草案通过, 将实施情况报告), so neither counts.
    "zh": re.compile(
        r"将于|将在|将(?:要|会)?(?:何时|什么时候|在哪|如何|"
        r"(?:举办|举行|召开|主办|承办|审议|审查|通过|成立|设立|发布|实施|启动|推出|开展|成为|继续|讨论|决定|提交|"
        r"批准|签署|到期|生效)(?!草案|情况|结果|进展|事项|内容|文件))|下一届|下届|下一次|下次|即将|未来|今后|明年|以后会"
    ),
}
# Verbs of an event that has a place and a date: a "which city / by when" question is about a future
# *event* only with one ("Which city will host …"); "Which countries will benefit …" asks who, not when.
EVENT_VERB: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:host(?:s|ed|ing)?|held|hold(?:s|ing)?|take place|takes place|convene[sd]?|convening|meet|meets|"
        r"gather|organi[sz]e[sd]?)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"举办|举行|召开|主办|承办|开会|会议"),
}
# Nouns of a gathering. A question about the next one ("the next conference / summit / meeting",
# 下一届大会) is answered only by a clause that names a gathering: an operative clause asks for future
# action, but "resolves to ensure …" or "report to the Council each year" says nothing of the next conference.
EVENT_NOUN: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:conferences?|summits?|meetings?|sessions?|assembl(?:y|ies)|forums?|congress(?:es)?|conventions?|"
        r"gatherings?|events?)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"大会|会议|峰会|论坛|届会|盛会"),
}
# Text that speaks of what is to come.
FUTURE_TEXT: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\bwill\b|\bshall\b|\bnext\b|\bupcoming\b|\bforthcoming\b|\bfuture\b|\blooking ahead\b|"
        r"\bpaves? the way\b|\bto be held\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"将|下一届|下届|下一次|即将|未来|今后"),
}
# Document-level chunks record the document's own place and date: always the past event.
RECORD_KINDS = ("header", "title", "dateline")
# Where something is sited ("based", "headquartered", 设在, 位于, 总部): a standing place, which a record never
# gives; its city is where its own gathering was held or its story filed (dev-wc37: the 2017 centre 设在哪座城市
# is not in 布加勒斯特 because the conference was).
SITED_QUESTION: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:located|based|headquartered|situated|housed|sited|headquarters|head\s+office)\b", re.IGNORECASE
    ),
    "zh": re.compile(r"设在|设于|位于|坐落|总部|所在地|落户|驻地|驻在"),
}


def asks_future(question: str, lang: Language) -> bool:
    """Whether the question asks about a future or "next" event."""
    return bool(FUTURE_QUESTION[lang].search(question))


def names_event(question: str, lang: Language) -> bool:
    """Whether the question names an event held somewhere at some time (host, held, 举办 …)."""
    return bool(EVENT_VERB[lang].search(question))


def asks_site(question: str, lang: Language) -> bool:
    """Whether the question asks where something other than a gathering is sited ("Where is the centre
    based?", 中心设在哪里); "Where was the conference located?" asks where the gathering was held."""
    return bool(SITED_QUESTION[lang].search(question)) and not names_gathering(question, lang)


def names_gathering(question: str, lang: Language) -> bool:
    """Whether the question names a gathering (conference, summit, meeting, 大会, 峰会 …)."""
    return bool(EVENT_NOUN[lang].search(question))


def speaks_of_future(chunk: Chunk, gathering: bool = False) -> bool:
    """Whether a clause can state a future event: an operative clause, or text with a future marker.

    A header, title or dateline never does: it records where and when the document itself happened.
    With `gathering` (the question asks about a next conference or summit) the clause must also name one.
    """
    if chunk.kind in RECORD_KINDS:
        return False
    if gathering and not EVENT_NOUN[chunk.lang].search(chunk.text):
        return False
    if chunk.section_kind == "operative":
        return True
    return bool(FUTURE_TEXT[chunk.lang].search(chunk.text))
