"""One clause per named document: "Were Resolutions 139 and 140 both revised?" when no clause names both.

The draft recalls Resolution 139 in one clause (忆及 c) and Resolution 140 in the next (d), each with its
revision (2022年，布加勒斯特，修订版). A yes/no, when or where question about both is answered from each
one's own clause, numbered and each cited, as a list is:

    Yes, for each of Resolution 139 and Resolution 140:
    1. Resolution 139 — According to EUR/44A25/1, 忆及 (recalling), clause c: 「…第139号决议（2022年…）」 [1]
    2. Resolution 140 — According to EUR/44A25/1, 忆及 (recalling), clause d: 「…第140号决议（2022年…）」 [2]

Each part is the answer the question gets with only the clauses naming that document to choose from, so
it passes every check a one-clause answer does. "Yes" is said only when every part supports it: a yes/no
question whose predicate one document's clause does not state ("both about bridging the digital divide")
is abstained on, saying for which document. A document no clause names, or a when/where part without its
value, leaves the one-clause answer as it was (led by the documents it covers, compose.py), as does a
question picking one of them ("Is Resolution 139 or Resolution 140 about the digital divide?", 或, 还是):
either one's clause answers it.

A yes/no question about one document is no "yes" either for a word that its clause lacks and a clause
naming another document states: "Was Resolution 140 about bridging the digital divide?" is not answered
from recalling d, which names 140, when the digital divide is recalled in c, for 139.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answering.analysis import analyse_question
from assistant.answering.candidates import add_candidates
from assistant.answering.citations import gloss_line
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, question_groups, written_in
from assistant.answering.identifiers import DocumentId, asks_together, document_ids, picks_one, without
from assistant.answering.near_miss import carried
from assistant.answering.replies import NO, YES, abstain
from assistant.answering.scope import RECORD_KINDS
from assistant.answering.support import clause_evidence, covered_terms, shown_word
from assistant.schema import Answer, Chunk, Language

# The question types answered per document: a yes, a date or a place each document's clause states.
_TYPES = ("yes-no", "when", "where")
_LEAD: dict[str, dict[Language, str]] = {
    "yes-no": {"en": "Yes, for each of {}:", "zh": "是的，{}均有条款为据："},
    # A negated question ("… not revised?") that each document's clause answers with the positive.
    "no": {
        "en": "No — for each of {}, the documents state the opposite:",
        "zh": "不，文件所述与此相反，{}均有条款为据：",
    },
    "value": {"en": "{}, each from its own clause:", "zh": "{}，各见其条款："},
}
_AND: dict[Language, str] = {"en": " and ", "zh": "和"}
_DASH: dict[Language, str] = {"en": " — ", "zh": "——"}
_FOR: dict[Language, str] = {"en": "For {}: ", "zh": "关于{}："}
# A citation mark closing a line of a part's text: renumbered in the whole answer.
_MARK = re.compile(r" \[(\d+)\]$", re.MULTILINE)

Answerer = Callable[[str, Language, AnswerContext], Answer]


def per_document_answer(
    question: str, lang: Language, answer: Answer, ctx: AnswerContext, answer_one: Answerer
) -> Answer | None:
    """The answer from each named document's own clauses, when the question asks of each and no clause
    names them all; an abstention for a yes/no question one document's clause does not support; None to
    keep `answer` (from `answer_one`, the one-clause answerer, which also answers each part)."""
    ids = document_ids(question)
    if not ids:
        return None
    qtype = (ctx.analysis or analyse_question(question, lang)).qtype
    if len(ids) == 1:
        return _said_of_another(question, lang, ids, answer, ctx) if qtype == "yes-no" else None
    if qtype not in _TYPES or picks_one(question) or asks_together(question, qtype):
        return None  # "Is Resolution 139 or 140 …?" is a yes from either one's clause, not a yes of each
    chunks = ctx.chunks or [h.chunk for h in ctx.hits]
    named = {c.id: carried(ids, c, clause_evidence(c, lang, ctx)) for c in chunks}
    if any(len(n) == len(ids) for n in named.values()):
        return None  # a clause names them all: the one-clause answer had it to choose
    parts: list[Answer] = []
    for ident in ids:
        own = [c for c in chunks if ident in named[c.id]]
        if not own:
            return None  # no clause names it: the one-clause answer says which documents it covers
        # Plus the documents' records: a metadata answer from one (the header's city) is checked against
        # the question there, and fails for not naming the document.
        own_ids = {c.id for c in own}
        records = [c for c in ctx.chunks if c.kind in RECORD_KINDS and c.id not in own_ids]
        part = answer_one(question, lang, narrowed(ctx, own, records))
        if part.abstained:
            if qtype != "yes-no" or answer.abstained:
                return None
            # No "yes" for both: this document's clause does not state what is asked.
            return replace(part, text=_FOR[lang].format(ident.shown) + part.text)
        if not part.citations or any(ident not in named.get(c.chunk_id, ()) for c in part.citations):
            return None  # answered from a record, not from a clause naming the document
        parts.append(part)
    for ident, part, lacking in zip(ids, parts, _lacking(question, lang, ids, parts, ctx), strict=True):
        if lacking:
            if qtype != "yes-no" or answer.abstained:
                return None
            covered, _ = covered_terms(without(question, ids), lang, [c.quote for c in part.citations])
            no = abstain(question, lang, covered=covered, missing=lacking)
            return replace(no, text=_FOR[lang].format(ident.shown) + no.text)
    return _joined(question, lang, qtype, ids, parts)


def _said_of_another(
    question: str, lang: Language, ids: Sequence[DocumentId], answer: Answer, ctx: AnswerContext
) -> Answer | None:
    """An abstention on a yes/no question about one document whose answer's clauses lack a word that a
    clause naming another document states: "Was Resolution 140 about bridging the digital divide?" is
    answered "Yes" from recalling d, which names 140, while c says it of 139. None to keep `answer`."""
    if answer.abstained or not answer.citations:
        return None
    chunks = ctx.chunks or [h.chunk for h in ctx.hits]
    cited = {c.chunk_id for c in answer.citations}
    keys = {i.key for i in ids}
    others = [
        c for c in chunks if c.id not in cited and (named := document_ids(c.text)) and not keys & {i.key for i in named}
    ]
    groups = question_groups(without(question, ids), lang, ctx.translations)
    own = {g for g in groups if any(_states(g, c, lang, ctx) for c in chunks if c.id in cited)}
    theirs = {g for g in groups if any(_states(g, c, lang, ctx) for c in others)}
    lacking = [shown_word(g, question, lang) for g in groups if g in theirs - own]
    if not lacking:
        return None
    covered, _ = covered_terms(without(question, ids), lang, [c.quote for c in answer.citations])
    return abstain(question, lang, covered=covered, missing=lacking)


def _lacking(
    question: str, lang: Language, ids: Sequence[DocumentId], parts: Sequence[Answer], ctx: AnswerContext
) -> list[list[str]]:
    """For each part, the question's words that another part's clauses state and its own do not.

    The question asks the same of each document: a word one document's clause states ("bridging the
    digital divide", recalling c) and another's does not (d, on the WSIS outcomes) is no "yes" for the
    other. A word no clause states, or every clause does, tells the documents apart in nothing.
    """
    return unstated_in_parts(without(question, ids), lang, parts, ctx)


def unstated_in_parts(question: str, lang: Language, parts: Sequence[Answer], ctx: AnswerContext) -> list[list[str]]:
    """For each part (an answer asked of one document), the words of `question` that another part's cited
    clauses state and its own do not: what tells one document's answer apart as no answer to the question.
    `question` is without the words naming the documents."""
    chunks = {c.id: c for c in ctx.chunks or [h.chunk for h in ctx.hits]}
    groups = question_groups(question, lang, ctx.translations)
    stated = [
        {
            g
            for g in groups
            if any(_states(g, chunks[c.chunk_id], lang, ctx) for c in p.citations if c.chunk_id in chunks)
        }
        for p in parts
    ]
    anywhere = set().union(*stated)
    return [[shown_word(g, question, lang) for g in groups if g in anywhere - own] for own in stated]


def _states(g: Group, chunk: Chunk, lang: Language, ctx: AnswerContext) -> bool:
    """Whether the clause states the question's word: in its evidence, or a glossary term's form in its text
    ("information society" in 信息社会世界峰会, which the glossary reads as the longer term)."""
    return g.found_in(*clause_evidence(chunk, lang, ctx)) or written_in(g, chunk.text)


def narrowed(ctx: AnswerContext, own: Sequence[Chunk], records: Sequence[Chunk] = ()) -> AnswerContext:
    """`ctx` whose candidates are one document's clauses (`own`): those retrieved, then the others; its
    chunks are those clauses and `records`, so that a section the question names ("recalled": 忆及) adds
    no clause of another document."""
    ids = {c.id for c in own}
    hits = [h for h in ctx.hits if h.chunk.id in ids]
    have = {h.chunk.id for h in hits}
    narrowed_ctx = replace(ctx, hits=hits, chunks=[*own, *records])
    return add_candidates(narrowed_ctx, [c for c in own if c.id not in have])


def part_text(part: Answer, lang: Language) -> str:
    """A part's text without its gloss line: the whole answer has one for all quotes."""
    gloss = gloss_line([c.quote for c in part.citations], part.citations[0].lang, lang) if part.citations else ""
    return "\n".join(line for line in part.text.split("\n") if not gloss or line != gloss)


def renumbered(text: str, offset: int) -> str:
    """A part's text with the citation marks closing its lines moved on by `offset` (the earlier parts' citations)."""
    return _MARK.sub(lambda m: f" [{int(m[1]) + offset}]", text)


def _joined(question: str, lang: Language, qtype: str, ids: Sequence[DocumentId], parts: Sequence[Answer]) -> Answer:
    """The parts numbered by document, their citation marks renumbered, one gloss line for all quotes."""
    names = _AND[lang].join(i.shown for i in ids)
    lines = [_LEAD[_lead(qtype, lang, parts)][lang].format(names)]
    citations = []
    for n, (ident, part) in enumerate(zip(ids, parts, strict=True), start=1):
        text = renumbered(_body(part, lang, qtype), len(citations))
        lines.append(f"{n}. {ident.shown}{_DASH[lang]}{text}")
        citations += part.citations
    quote_lang = parts[0].citations[0].lang if parts[0].citations else lang
    gloss = gloss_line([c.quote for c in citations], quote_lang, lang)
    if gloss:
        lines.append(gloss)
    return Answer(question=question, text="\n".join(lines), language=lang, citations=citations)


def _lead(qtype: str, lang: Language, parts: Sequence[Answer]) -> str:
    """The key of the whole answer's lead: each part's own yes or no when they agree; else the parts speak
    for themselves (a negated question whose clauses word a negation of their own lead with neither)."""
    if qtype != "yes-no":
        return "value"
    for key, lead in (("yes-no", YES), ("no", NO)):
        if all(p.text.startswith(lead[lang]) for p in parts):
            return key
    return "value"


def _body(part: Answer, lang: Language, qtype: str) -> str:
    """A part's text without its gloss line (the whole answer has one) and, for yes/no, its "Yes" or "No"."""
    text = part_text(part, lang)
    if qtype == "yes-no":
        text = text.removeprefix(YES[lang]).removeprefix(NO[lang]).lstrip()
    return text
