"""Why and purpose questions: the part of a clause that gives a reason or purpose, and what it is given for.

A why-question ("Why will the landscape keep evolving?", 为什么…, "What's the point of …", analysis.py) is
answered by a clause that gives a reason *for what the question asks about*: 「由于技术变化，国际电信/ICT的格局
将继续发展」 gives one (技术变化) for the landscape evolving. A clause may also share the question's words only in
its reason: 「…为解决与人工智能相关的社会、伦理…问题而实施的举措」 says what initiatives are *for*; it does not say
why those questions are, or are not, someone's. So a clause's reason span is told from the rest of it (its
effect) by small tables of markers, and the question's words are looked for in each part:

* **tied**: the effect states more of the question than the reason does; the reason answers it;
* **converse**: the reason states more of it than the effect does; the clause answers another question.

Example:
    >>> [(r.kind, r.span) for r in reason_spans("由于技术变化，格局将继续发展；", "zh")]
    [('cause', '由于技术变化')]
    >>> [(r.kind, r.span) for r in reason_spans("It was adopted in order to close the gap.", "en")]
    [('purpose', 'in order to close the gap')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answering.citations import quoted
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, overlap, words
from assistant.answering.support import clause_evidence
from assistant.schema import Chunk, Language

# Markers of a reason or purpose, per clause language: (pattern, kind, side). "after": the span runs from the
# marker to the end of its segment (由于技术变化，… / "…, so as to avoid duplication"); "before": the marker
# introduces a result, and the span is the text before it in the sentence (…，因此… / "…; therefore …");
# "whole": the pattern matches the whole span (为…而: "for the purpose of … it is done").
MARKERS: dict[Language, tuple[tuple[str, str, str], ...]] = {
    "zh": (
        (r"由于|因为|鉴于|出于", "cause", "after"),
        (r"其?目的(?:是|在于)|旨在|为了|以便|以期|以免|以防|用以|借以", "purpose", "after"),
        # 以 before a verb of aim (…合作机制*以*避免重复工作): not 可以, 予以, 以及, 以上, 以…为….
        (
            r"(?<=[\u4e00-\u9fff）》”，,A-Za-z0-9])(?<![可予加难得足是据所])以(?![及上下来前后外内往为致至此其])(?=[\u4e00-\u9fff])",
            "purpose",
            "after",
        ),
        (r"为(?![了何什])[^，。；,;]{2,60}?而", "purpose", "whole"),
        (r"因此|因而|所以|从而", "cause", "before"),
    ),
    "en": (
        (
            r"\b(?:because(?: of)?|since(?!\s+(?:\d|then|when|the (?:start|beginning|adoption)))|due to|owing to|"
            r"as a result of|given that|in view of|on account of)\b",
            "cause",
            "after",
        ),
        (
            r"\b(?:in order to|so as to|so that|with a view to|for the purpose of|with the aim of|aimed at|"
            r"to avoid|to prevent|(?:its|their|whose) (?:purpose|aim|goal) (?:is|was|being))\b",
            "purpose",
            "after",
        ),
        (r"\b(?:therefore|hence|consequently|as a result)\b", "cause", "before"),
    ),
}

# Where a reason span ends: the end of its segment (a comma, semicolon or full stop); a reason opening its sentence
# (_SENTENCE_END before it) is given for the segment after it. A "before" span starts at the last full stop.
_SEGMENT_END: dict[Language, str] = {"zh": r"[，。；：！？;:!?\n]", "en": r"[,;:.!?\n](?=\s|$)"}
_SENTENCE_END: dict[Language, str] = {"zh": r"[。；！？;!?\n]", "en": r"[;.!?\n](?=\s|$)"}
# A result marker's reason may run over a semicolon ("Costs rose; therefore …"), not over a full stop.
_FULL_STOP: dict[Language, str] = {"zh": r"[。！？!?\n]", "en": r"[.!?\n](?=\s|$)"}

# The lead of a why-answer, by the reason's kind: the span quoted as the clause writes it.
_LEADS: dict[str, dict[Language, str]] = {
    "cause": {"en": "The reason given: {span}.", "zh": "原因：{span}。"},
    "purpose": {"en": "The purpose given: {span}.", "zh": "目的：{span}。"},
}


# Words a question uses to ask for the reason ("What is the *purpose* of …", 目的是什么): no content a reason is
# given for, and what the reason span itself says (其*目的*是…).
ASKING_WORDS = (
    "purpose purposes point aim aims goal goals reason reasons rationale objective objectives motive "
    "目的 原因 理由 用意 缘故 为了 为何 为什么"
)


@dataclass(frozen=True)
class ReasonSpan:
    """A reason or purpose a text gives: `kind` ("cause" or "purpose"), its offsets in the text, its words, and
    the words it is given for (`effect`: the segment it opens or closes, see `_effect`)."""

    kind: str
    start: int
    end: int
    span: str
    effect: str


@dataclass(frozen=True)
class Tie:
    """How a clause's reason relates to a question: the share of the question's words (IDF-weighted) stated by
    what the reason is given for (`effect`), by the reason itself (`within`) and by the whole clause (`clause`)."""

    reason: ReasonSpan
    effect: float
    within: float
    clause: float

    @property
    def strength(self) -> float:
        """How much of what the clause shares with the question the reason is given for (0..1)."""
        return min(1.0, self.effect / self.clause) if self.tied and self.clause > 0 else 0.0

    @property
    def tied(self) -> bool:
        """The reason is given for what the question asks about."""
        return self.effect > 0 and self.effect > self.within

    @property
    def converse(self) -> bool:
        """The question's words are the reason's (at least half of what the clause shares with it, more than what
        the reason is for states): the clause says what something else is for."""
        return self.within > self.effect and self.within >= self.clause / 2


@lru_cache(maxsize=4)
def _compiled(lang: Language) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((re.compile(p, re.IGNORECASE), kind, side) for p, kind, side in MARKERS[lang])


def reason_spans(text: str, lang: Language) -> list[ReasonSpan]:
    """The reason and purpose spans `text` (written in `lang`) gives, in text order, without overlaps."""
    found: list[ReasonSpan] = []
    for pattern, kind, side in _compiled(lang):
        for m in pattern.finditer(text):
            start, end = _extent(text, lang, m, side)
            span = text[start:end].strip().rstrip("，,；;：: ")
            said = side == "whole" or len(span) > len(m.group(0).strip())  # a marker with nothing after it gives none
            if said and not any(r.start < end and start < r.end for r in found):
                found.append(ReasonSpan(kind, start, end, span, _effect(text, lang, start, end, side)))
    return sorted(found, key=lambda r: r.start)


def _effect(text: str, lang: Language, start: int, end: int, side: str) -> str:
    """What the span `text[start:end]` gives a reason for. A reason opening its sentence (由于技术变化，…, "Because
    of X, …") or a result marker's (…，因此…) is for the segment after it; one closing a segment (…合作机制以避免
    重复工作, "… so as to avoid X") for the segment before it, the one before its comma when it opens its own."""
    seg = re.compile(_SEGMENT_END[lang])
    sentence_start = max((m.end() for m in re.finditer(_SENTENCE_END[lang], text[:start])), default=0)
    if side in ("before", "whole") or not text[sentence_start:start].strip():
        after = text[end:] if side == "before" else text[end:].lstrip("，, ")  # a result marker opens its effect
        cut = seg.search(after, 1)
        return (after[: cut.start()] if cut else after).strip()
    before = text[sentence_start:start].rstrip("，, ")
    cuts = [m.end() for m in seg.finditer(before)]
    return before[cuts[-1] if cuts else 0 :].strip()


def _extent(text: str, lang: Language, m: re.Match[str], side: str) -> tuple[int, int]:
    """Offsets of the span a marker (`m`) introduces, by its `side` (see MARKERS)."""
    if side == "whole":
        return m.start(), m.end()
    if side == "before":
        ends = [e.end() for e in re.finditer(_FULL_STOP[lang], text[: m.start()])]
        start = ends[-1] if ends else 0
        return start + len(text[start : m.start()]) - len(text[start : m.start()].lstrip()), m.start()
    end = re.search(_SEGMENT_END[lang], text[m.end() :])
    return m.start(), m.end() + end.start() if end else len(text)


def ties(groups: Sequence[Group], chunk: Chunk, lang: Language, ctx: AnswerContext) -> list[Tie]:
    """Each reason span of `chunk` with how much of the question (`groups`, asked in `lang`) it and the rest of
    the clause state, read as the clause is (its translations and glosses, not its document's title)."""
    found = reason_spans(chunk.text, chunk.lang)
    groups = [g for g in groups if not _asking(g)]
    whole = _share(groups, chunk.text, chunk, lang, ctx) if found else 0.0
    return [
        Tie(r, _share(groups, r.effect, chunk, lang, ctx), _share(groups, r.span, chunk, lang, ctx), whole)
        for r in found
    ]


@lru_cache(maxsize=1)
def _asking_stems() -> frozenset[str]:
    return frozenset(t for w in ASKING_WORDS.split() for t in (w, *words(w)))


def _asking(group: Group) -> bool:
    """Whether the question word is one that asks for the reason (ASKING_WORDS)."""
    said = group.term.en.lower() if group.term is not None else group.token
    return said in _asking_stems()


def _share(groups: Sequence[Group], text: str, chunk: Chunk, lang: Language, ctx: AnswerContext) -> float:
    part = replace(chunk, text=text, context="")
    return overlap(groups, clause_evidence(part, lang, ctx, title=False), ctx.idf)


def reason_nudge(groups: Sequence[Group], chunk: Chunk, lang: Language, ctx: AnswerContext) -> float:
    """What a why-question's clause choice adds for `chunk`: the strength of its best tied reason (0..1); minus 1
    when its only reasons are the question's own words (converse); 0 when it gives no reason."""
    found = ties(groups, chunk, lang, ctx)
    tied = [t.strength for t in found if t.tied]
    if tied:
        return max(tied)
    return -1.0 if any(t.converse for t in found) else 0.0


def reason_lead(groups: Sequence[Group], chunk: Chunk, quote: str, lang: Language, ctx: AnswerContext) -> str:
    """The lead of a why-answer quoting `quote` (a part of `chunk`): the tied reason the quote gives, as the clause
    writes it ("The reason given: 「由于技术变化」."); "" when it gives none."""
    best = max(
        (t for t in ties(groups, chunk, lang, ctx) if t.tied and t.reason.span in quote),
        default=None,
        key=lambda t: t.strength,
    )
    if best is None:
        return ""
    return _LEADS[best.reason.kind][lang].format(span=quoted(best.reason.span))
