"""When the best clauses of two documents disagree, say so and cite both, instead of silently picking one.

The test is deliberately simple and says what it is: the answer's clause and
the best-supported clause of *another* document (not a language version of the
same one) both cover the question's words about equally and are both well
supported, and exactly one of them is
negated ("no longer", "abolished", "shall not", 不再, 废除, 无须 …). That catches
"X must report" against "nobody must report / the requirement was abolished",
the kind of contradiction a planted or outdated document makes; it does not
judge subtler disagreement, and it never decides which source is right.

Example:
    >>> negated("The Council was abolished in 2025."), negated("The Council meets every year.")
    (True, False)
    >>> negated("理事会已被废除。"), negated("每年向理事会报告")
    (True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering import AnswerContext, Support, citable, make_citation, supports
from assistant.schema import Answer, Citation, Language

_NEGATION_EN = re.compile(
    r"\b(?:no longer|not|never|nobody|no one|none|neither|nor|abolished|repealed|revoked|rescinded|"
    r"cancell?ed|discontinued|ceased?|shall not|must not|need not|cannot|no)\b",
    re.IGNORECASE,
)
_NEGATION_ZH = re.compile(r"不再|不得|不必|不需|无需|无须|没有|并非|从未|废除|废止|撤销|取消|停止|终止|无人|不应|不会")
# The rival must cover the question's words about as fully as the answer's clause, and be
# nearly as well supported overall, to count as "the best clause" too.
_SAME_COVERAGE = 0.9
_CLOSE = 0.7


def negated(text: str) -> bool:
    """Whether `text` carries a negation or an abolition (English or Chinese)."""
    return bool(_NEGATION_EN.search(text) or _NEGATION_ZH.search(text))


@dataclass(frozen=True)
class Conflict:
    """The clause of another document that contradicts the answer's, and how to say so."""

    citation: Citation
    note: str


def find_conflict(question: str, lang: Language, answer: Answer, ctx: AnswerContext) -> Conflict | None:
    """The best clause of another document that contradicts the answer's first citation, or None."""
    if answer.abstained or not answer.citations:
        return None
    cited = answer.citations[0]
    ranked = supports(question, lang, ctx)
    best = next((s for s in ranked if s.hit.chunk.id == cited.chunk_id), None)
    if best is None:
        return None
    rival = _rival(question, lang, ctx, ranked, best)
    if rival is None or negated(best.hit.chunk.text) == negated(rival.hit.chunk.text):
        return None
    chunk = rival.hit.chunk
    citation = make_citation(rival.hit, ctx.documents[chunk.doc_id], chunk.start, chunk.end)
    a = cited.doc_number or cited.doc_id
    b = citation.doc_number or citation.doc_id
    if lang == "zh":
        note = f"注意：{a} 与 {b} 的相关条款相互矛盾（其中一条为否定或废止）；两者均已引用，请核对原文。"
    else:
        note = f"Note: {a} and {b} disagree on this (one of the clauses negates or abolishes it); both are cited."
    return Conflict(citation, note)


def _rival(question: str, lang: Language, ctx: AnswerContext, ranked: list[Support], best: Support) -> Support | None:
    """The best citable clause from a document that is neither the answer's nor a language version of it."""
    docs = ctx.documents
    mine = docs[best.hit.chunk.doc_id].info
    for s in ranked:
        other = docs[s.hit.chunk.doc_id].info
        if other.id == mine.id or other.same_as == mine.id or mine.same_as == other.id:
            continue
        if mine.doc_number and other.doc_number == mine.doc_number:
            continue
        close = s.overlap >= _SAME_COVERAGE * best.overlap and s.score >= _CLOSE * best.score
        if close and citable(s, question, lang, ctx.min_support):
            return s
        return None  # only the best clause of the other documents counts
    return None
