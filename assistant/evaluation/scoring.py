"""Scoring one answer against its gold question: citations, key facts, abstention, failure reasons and severity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.evaluation.metrics import (
    RETRIEVE_K,
    CitationResult,
    QuestionResult,
    base_chunk_id,
    dedupe_ranking,
    first_relevant_rank,
    missing_key_facts,
    quote_is_verbatim,
)
from assistant.evaluation.suite import GoldQuestion

if TYPE_CHECKING:
    from assistant.schema import Answer

SEVERITY = {
    "error": 10.0,
    "answered_unanswerable": 6.0,
    "false_abstention": 4.0,
    "unfaithful_quote": 3.0,
    "unfaithful_share": 2.0,
    "missing_key_facts": 3.0,
    "missing_citations": 2.0,
    "imprecise_citations": 0.5,
}


def question_type(question: str, language: str) -> str:
    """The answer type the question analyser assigns, for the per-type breakdown of questions that give none."""
    try:
        from assistant.answering.analysis import analyse_question
    except ImportError:  # pragma: no cover - an answerer without question analysis
        return "untyped"
    return analyse_question(question, "zh" if language == "zh" else "en").qtype


def score_question(
    gold: GoldQuestion,
    answer: Answer | None,
    documents: Mapping[str, str],
    *,
    rankings: Mapping[str, Sequence[str]] | None = None,
    latency_s: float | None = None,
    retrieve_latency_s: Mapping[str, float] | None = None,
    error: str | None = None,
) -> QuestionResult:
    """Score one answer (None when `ask` raised; pass `error`) against its gold question."""
    result = QuestionResult(
        id=gold.id,
        question=gold.question,
        language=gold.language,
        direction=gold.direction,
        category=gold.category,
        section=gold.section,
        answerable=gold.answerable,
        gold_chunks=list(gold.gold_chunks),
        key_facts=[list(g) for g in gold.key_facts],
        type=gold.type or question_type(gold.question, gold.language),
        history=list(gold.history),
        latency_s=latency_s,
        retrieve_latency_s=dict(retrieve_latency_s or {}),
        error=error,
    )
    gold_ids = {base_chunk_id(c) for c in gold.gold_chunks}
    for mode, ranked in (rankings or {}).items():
        result.rankings[mode] = dedupe_ranking(ranked)[:RETRIEVE_K]
        result.first_gold_rank[mode] = first_relevant_rank(ranked, gold_ids) if gold_ids else None
    if answer is not None:
        _record_answer(result, answer, documents, gold_ids)
    answered = answer is not None and not result.abstained
    if result.citations:
        result.quote_fidelity = sum(c.verbatim for c in result.citations) / len(result.citations)
    if gold.answerable:
        missing = (
            missing_key_facts(result.answer_text, gold.key_facts) if answered else [list(g) for g in gold.key_facts]
        )
        result.missing_key_facts = missing
        result.key_facts_ok = not missing
        result.key_fact_coverage = 1 - len(missing) / len(gold.key_facts)
        cited = set(result.cited_chunks) if answered else set()
        result.citation_recall = len(cited & gold_ids) / len(gold_ids)
        if len(gold_ids) > 1:
            result.list_completeness = result.citation_recall
        if answered and result.cited_chunks:
            result.citation_precision = len(cited & gold_ids) / len(cited)
    result.failure_reasons, result.severity = _failures(result, gold_ids, answered)
    return result


def _record_answer(result: QuestionResult, answer: Answer, documents: Mapping[str, str], gold_ids: set[str]) -> None:
    """Copy the answer onto `result`, each citation checked for a verbatim quote and a gold chunk."""
    result.answer_text = answer.text
    result.abstained = bool(answer.abstained)
    result.answer_mode = answer.mode
    result.answer_notes = list(answer.notes)
    for c in answer.citations:
        base = base_chunk_id(c.chunk_id)
        result.citations.append(
            CitationResult(
                chunk_id=c.chunk_id,
                doc_id=c.doc_id,
                quote=c.quote,
                start=c.start,
                end=c.end,
                verbatim=quote_is_verbatim(c.doc_id, c.quote, c.start, c.end, documents),
                gold=base in gold_ids,
            )
        )
        if base not in result.cited_chunks:
            result.cited_chunks.append(base)


def _failures(r: QuestionResult, gold_ids: set[str], answered: bool) -> tuple[list[str], float]:
    reasons: list[str] = []
    severity = 0.0
    if r.error is not None:
        reasons.append(f"error: {r.error}")
        severity += SEVERITY["error"]
    elif not r.answerable and not r.abstained:
        reasons.append("answered an unanswerable question")
        severity += SEVERITY["answered_unanswerable"]
    elif r.answerable and r.abstained:
        reasons.append("abstained on an answerable question")
        severity += SEVERITY["false_abstention"]
    unfaithful = [c for c in r.citations if not c.verbatim]
    if unfaithful:
        ids = ", ".join(sorted({c.chunk_id for c in unfaithful}))
        reasons.append(f"unfaithful quote(s) {len(unfaithful)}/{len(r.citations)}: {ids}")
        severity += SEVERITY["unfaithful_quote"] + SEVERITY["unfaithful_share"] * len(unfaithful) / len(r.citations)
    if r.answerable and answered:
        if r.missing_key_facts:
            shown = "; ".join(" | ".join(g) for g in r.missing_key_facts)
            reasons.append(f"missing key fact(s): {shown}")
            severity += SEVERITY["missing_key_facts"] * len(r.missing_key_facts) / max(len(r.key_facts), 1)
        uncited = sorted(gold_ids - set(r.cited_chunks))
        if uncited:
            reasons.append(f"gold chunk(s) not cited: {', '.join(uncited)}")
            severity += SEVERITY["missing_citations"] * len(uncited) / len(gold_ids)
    if reasons and r.citation_precision is not None:
        severity += SEVERITY["imprecise_citations"] * (1 - r.citation_precision)
    return reasons, round(severity, 4)
