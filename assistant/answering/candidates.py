"""The clauses one question may be answered from, beyond what retrieval returned.

A question that names a section ("What does the conference resolve?") or a kind of
document ("…, says the article?") makes that section's or document's clauses
candidates even when retrieval missed them: they join after the retrieved hits,
with their dense similarity to the question where it is known. So do the clauses
stating the contrary a yes/no question presumes or words (contrary.py: "the first
instance" for "ever … before", 超出…职权 for "all … its business", 考虑…是否 for
"obliged to"): a paraphrase shares few words with them, and they are its answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.context import AnswerContext
from assistant.answering.contrary import scanned_contraries
from assistant.answering.exclusions import without_set_aside
from assistant.answering.hedges import without_hedges
from assistant.answering.sections import section_chunks
from assistant.answering.support import Support, document_level, evidence_text
from assistant.safety import chunk_flags
from assistant.schema import Chunk, RetrievedChunk

# The clauses of a named kind of document that retrieval missed are added as candidates; beyond this
# many the corpus is too large for a scan and retrieval alone decides.
MAX_NAMED_DOC_CHUNKS = 200
# A corpus of more chunks than this is not scanned for clauses stating a yes/no question's contrary (a regex
# per chunk and question); beyond it retrieval alone decides, as for named documents.
MAX_SCANNED_CHUNKS = 20_000


def with_named_candidates(a: QuestionAnalysis, ctx: AnswerContext) -> AnswerContext:
    """Add the clauses of the section or document the question names when retrieval missed them."""
    focus = a.section if a.section_strength == "full" else None
    if focus is not None:
        # The section the question names competes even when retrieval missed it ("What does the
        # conference resolve?"): its clauses join the candidates, after the retrieved ones.
        have = {h.chunk.id for h in ctx.hits}
        ctx = add_candidates(ctx, [c for c in section_chunks(ctx.chunks, focus) if c.id not in have])
    if a.doc_hint:
        # "the article" named: its clauses that retrieval missed compete with the retrieved ones, even
        # when some of them were retrieved (a paraphrase may find a neighbour of the answer first).
        have = {h.chunk.id for h in ctx.hits}
        extra = [
            c
            for c in ctx.chunks
            if doc_kind(ctx, c.doc_id) == a.doc_hint and not (c.boilerplate or document_level(c) or c.id in have)
        ]
        if len(extra) <= MAX_NAMED_DOC_CHUNKS:
            ctx = add_candidates(ctx, extra)
    return ctx


def with_contrary_candidates(question: str, a: QuestionAnalysis, ctx: AnswerContext) -> AnswerContext:
    """Add the clauses stating a rare contrary the yes/no question presumes or words (`scanned_contraries`)
    when retrieval missed them; they must still pass coverage to be quoted."""
    if a.qtype != "yes-no" or len(ctx.chunks) > MAX_SCANNED_CHUNKS:
        return ctx
    wanted = scanned_contraries(question, a.lang)
    if not wanted:
        return ctx
    have = {h.chunk.id for h in ctx.hits}
    # The notice's clauses only for a question retrieved with the notice (site_notice.py): its disclaimers
    # ("makes no warranties") answer a question on the site's guarantees, not one on the resolution.
    notice = any(h.chunk.boilerplate for h in ctx.hits)
    extra = [
        c
        for c in ctx.chunks
        if c.id not in have
        and not document_level(c)
        and (notice or not c.boilerplate)
        and any(w.stated.search(c.text) for w in wanted)
    ]
    return add_candidates(ctx, extra[:MAX_NAMED_DOC_CHUNKS])


def add_candidates(ctx: AnswerContext, chunks: Sequence[Chunk]) -> AnswerContext:
    """`chunks` as candidates after the hits, with their dense similarity to the question where known.

    Without it they could pass neither the dense support routes nor `min_support` on a paraphrase.
    """
    # Retrieval's flagged passages were taken out before answering (chain: separate_flagged); those
    # added here bypassed that step, so the same rule applies: evidence only, never the answer.
    chunks = [c for c in chunks if not chunk_flags(RetrievedChunk(c, 0.0))]
    if not chunks:
        return ctx
    dense = ctx.similarity([c.id for c in chunks]) if ctx.similarity is not None else {}
    extra = [RetrievedChunk(c, 0.0, dense_score=dense.get(c.id)) for c in chunks]
    # Nearest first, as a dense retriever would rank them (the pick counts candidate order).
    extra.sort(key=lambda h: -(h.dense_score or 0.0))
    return replace(ctx, hits=[*ctx.hits, *extra])


def doc_kind(ctx: AnswerContext, doc_id: str) -> str:
    """The kind ("resolution", "article", …) of a document of the context; "" for one it does not hold."""
    doc = ctx.documents.get(doc_id)
    return doc.info.kind if doc is not None else ""


def support_question(question: str, a: QuestionAnalysis) -> str:
    """What the clause must support: a follow-up inherits the words of the question it follows; a kind of what
    it asks for that the question sets aside ("apart from UN agencies, which organisations", exclusions.py)
    is no part of it, nor is a hedge on its answer ("roughly", 大约: hedges.py)."""
    own = without_hedges(without_set_aside(question, a.lang), a.lang)
    return f"{a.carried_terms} {own}" if a.follow_up else own


def support_evidence(s: Support, ctx: AnswerContext) -> str:
    """The text a candidate offers as evidence (support.evidence_text): its clause and its document's titles."""
    return evidence_text(s.hit.chunk, ctx.documents.get(s.hit.chunk.doc_id))
