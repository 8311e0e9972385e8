"""Retrieval and answer metrics: pure functions over ids, texts and per-question results.

Definitions (documented in `eval/README.md` and the package docstring): ids are
compared after stripping `#partN`; Recall@k, MRR@10 and binary-gain nDCG@10 as
sentence-transformers' `InformationRetrievalEvaluator` computes them; key facts
after NFKC and case folding; abstention as the positive class.

Nothing here imports `Assistant` or the rest of the package: the metrics can be
reused (and tested) without models or an index.

Example:
    >>> dedupe_ranking(["a#part1", "b", "a#part2", "c"])
    ['a', 'b', 'c']
    >>> recall_at_k(["x", "a", "b"], {"a", "b"}, 1), mrr_at_k(["x", "a"], {"a"})
    (0.0, 0.5)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

RECALL_KS = (1, 5, 10)
MRR_K = 10
NDCG_K = 10
RETRIEVE_K = 10  # chunks asked of `Assistant.retrieve` per question
RETRIEVAL_METRICS = (*(f"recall@{k}" for k in RECALL_KS), f"mrr@{MRR_K}", f"ndcg@{NDCG_K}")
ANSWER_METRICS = (
    "pass_rate",
    "key_fact_accuracy",
    "key_fact_coverage",
    "citation_precision",
    "citation_recall",
    "quote_fidelity",
    "list_completeness",
    "abstention_precision",
    "abstention_recall",
    "abstention_f1",
    "abstention_accuracy",
)
LATENCY_METRICS = ("latency_p50_s", "latency_p95_s")
BREAKDOWN_KEYS = ("language", "direction", "category", "type", "section")

_PART = re.compile(r"#part\d+$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def base_chunk_id(chunk_id: str) -> str:
    """`chunk_id` without a `#partN` suffix: parts of a split clause count as the clause."""
    return _PART.sub("", chunk_id)


def dedupe_ranking(ids: Iterable[str]) -> list[str]:
    """Ids with `#partN` stripped, keeping only the first occurrence of each."""
    seen: set[str] = set()
    out: list[str] = []
    for cid in ids:
        base = base_chunk_id(cid)
        if base not in seen:
            seen.add(base)
            out.append(base)
    return out


def _relevant(relevant: Collection[str]) -> set[str]:
    rel = {base_chunk_id(r) for r in relevant}
    if not rel:
        raise ValueError("a retrieval metric needs at least one relevant id")
    return rel


def recall_at_k(ranked: Sequence[str], relevant: Collection[str], k: int) -> float:
    """Relevant ids among the first `k` (deduplicated) ranked ids, over the number of relevant ids."""
    rel = _relevant(relevant)
    return sum(1 for cid in dedupe_ranking(ranked)[:k] if cid in rel) / len(rel)


def mrr_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = MRR_K) -> float:
    """1 / rank of the first relevant id within the first `k`; 0 when there is none."""
    rel = _relevant(relevant)
    for rank, cid in enumerate(dedupe_ranking(ranked)[:k], start=1):
        if cid in rel:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = NDCG_K) -> float:
    """Binary-gain nDCG@k: DCG of the ranking over the DCG of `len(relevant)` relevant ids ranked first."""
    rel = _relevant(relevant)
    dcg = sum(1.0 / math.log2(i + 2) for i, cid in enumerate(dedupe_ranking(ranked)[:k]) if cid in rel)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(rel), k)))
    return dcg / ideal


def first_relevant_rank(ranked: Sequence[str], relevant: Collection[str]) -> int | None:
    """1-based rank of the first relevant id in the deduplicated ranking, or None."""
    rel = {base_chunk_id(r) for r in relevant}
    for rank, cid in enumerate(dedupe_ranking(ranked), start=1):
        if cid in rel:
            return rank
    return None


@dataclass(frozen=True)
class RetrievalMetrics:
    """Averages over the queries with at least one relevant id."""

    n_queries: int
    recall: dict[int, float]  # k -> Recall@k
    mrr_at_10: float
    ndcg_at_10: float

    def as_dict(self) -> dict[str, float]:
        out = {f"recall@{k}": v for k, v in sorted(self.recall.items())}
        out[f"mrr@{MRR_K}"] = self.mrr_at_10
        out[f"ndcg@{NDCG_K}"] = self.ndcg_at_10
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"n_queries": self.n_queries, **self.as_dict()}


def retrieval_metrics(
    rankings: Mapping[str, Sequence[str]], qrels: Mapping[str, Collection[str]], ks: Sequence[int] = RECALL_KS
) -> RetrievalMetrics:
    """Recall@k, MRR@10 and nDCG@10 over every query of `qrels` with a relevant id.

    A query missing from `rankings` counts as an empty ranking (all zeros),
    as in `InformationRetrievalEvaluator`, which scores every query it is given.
    """
    qids = [q for q, rel in qrels.items() if rel]
    if not qids:
        return RetrievalMetrics(0, {k: 0.0 for k in ks}, 0.0, 0.0)
    n = len(qids)
    recall = {k: sum(recall_at_k(rankings.get(q, ()), qrels[q], k) for q in qids) / n for k in ks}
    mrr = sum(mrr_at_k(rankings.get(q, ()), qrels[q], MRR_K) for q in qids) / n
    ndcg = sum(ndcg_at_k(rankings.get(q, ()), qrels[q], NDCG_K) for q in qids) / n
    return RetrievalMetrics(n, recall, mrr, ndcg)


# ----------------------------------------------------------------------------------------------------------------
# Answers: key facts, citations, abstention, latency
# ----------------------------------------------------------------------------------------------------------------
def normalise_text(text: str) -> str:
    """NFKC, case-folded, curly quotes made straight, white space collapsed: how key facts are compared."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip()


def missing_key_facts(text: str, key_facts: Sequence[Sequence[str]]) -> list[list[str]]:
    """The key-fact groups none of whose alternatives occur in `text`."""
    haystack = normalise_text(text)
    return [list(group) for group in key_facts if not any(normalise_text(alt) in haystack for alt in group)]


def key_facts_satisfied(text: str, key_facts: Sequence[Sequence[str]]) -> bool:
    """True when every group has at least one alternative in `text`."""
    return not missing_key_facts(text, key_facts)


def quote_is_verbatim(doc_id: str, quote: str, start: int, end: int, documents: Mapping[str, str]) -> bool:
    """True when `quote` is exactly `documents[doc_id][start:end]` (and the span is valid)."""
    text = documents.get(doc_id)
    if text is None or not quote or not (0 <= start < end <= len(text)):
        return False
    return text[start:end] == quote


@dataclass(frozen=True)
class AbstentionMetrics:
    """Abstaining is the positive class; an unanswerable question is a gold positive."""

    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int
    precision: float | None
    recall: float | None
    f1: float | None
    accuracy: float | None


def abstention_metrics(pairs: Iterable[tuple[bool, bool]]) -> AbstentionMetrics:
    """From (answerable, abstained) pairs. Precision is 0 when nothing was abstained on but some
    question was unanswerable, and None when both counts are zero; recall is None without unanswerable questions."""
    tp = fp = fn = tn = 0
    for answerable, abstained in pairs:
        if abstained and not answerable:
            tp += 1
        elif abstained:
            fp += 1
        elif not answerable:
            fn += 1
        else:
            tn += 1
    positives, predicted, total = tp + fn, tp + fp, tp + fp + fn + tn
    precision = tp / predicted if predicted else (0.0 if positives else None)
    recall = tp / positives if positives else None
    if precision is None or recall is None:
        f1 = None
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / total if total else None
    return AbstentionMetrics(tp, fp, fn, tn, precision, recall, f1, accuracy)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The `q`-th percentile (0-100) with linear interpolation, as `numpy.percentile` computes it."""
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be in [0, 100], got {q}")
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def latency_summary(values: Sequence[float]) -> dict[str, float | int | None]:
    return {
        "n": len(values),
        "p50_s": percentile(values, 50),
        "p95_s": percentile(values, 95),
        "mean_s": sum(values) / len(values) if values else None,
        "max_s": max(values) if values else None,
    }


# ----------------------------------------------------------------------------------------------------------------
# Per-question results and their aggregates
# ----------------------------------------------------------------------------------------------------------------
@dataclass
class CitationResult:
    chunk_id: str
    doc_id: str
    quote: str
    start: int
    end: int
    verbatim: bool
    gold: bool


@dataclass
class QuestionResult:
    """Everything measured for one gold question; JSON-able via `asdict`."""

    id: str
    question: str
    language: str
    direction: str
    category: str
    section: str
    answerable: bool
    gold_chunks: list[str]
    key_facts: list[list[str]]
    type: str = ""
    history: list[str] = field(default_factory=list)
    answer_text: str = ""
    abstained: bool = False
    answer_mode: str = ""
    answer_notes: list[str] = field(default_factory=list)
    citations: list[CitationResult] = field(default_factory=list)
    cited_chunks: list[str] = field(default_factory=list)  # distinct, #partN stripped, answer order
    missing_key_facts: list[list[str]] = field(default_factory=list)
    key_facts_ok: bool | None = None  # None for unanswerable questions
    key_fact_coverage: float | None = None
    citation_precision: float | None = None
    citation_recall: float | None = None
    list_completeness: float | None = None  # answerable questions with 2+ gold clauses: share of them cited
    quote_fidelity: float | None = None
    rankings: dict[str, list[str]] = field(default_factory=dict)  # mode -> deduplicated top-k chunk ids
    first_gold_rank: dict[str, int | None] = field(default_factory=dict)
    latency_s: float | None = None
    retrieve_latency_s: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    failure_reasons: list[str] = field(default_factory=list)
    severity: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.failure_reasons)

    @property
    def abstention_correct(self) -> bool:
        return self.abstained != self.answerable and self.error is None


def _mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def answer_metrics(results: Sequence[QuestionResult]) -> dict[str, float | int | None]:
    """Answer, citation and abstention metrics over `results` (definitions in the `assistant.evaluation` docstring)."""
    answerable = [r for r in results if r.answerable]
    citations = [c for r in results for c in r.citations]
    abst = abstention_metrics((r.answerable, r.abstained and r.error is None) for r in results)
    return {
        "n": len(results),
        "n_answerable": len(answerable),
        "n_unanswerable": len(results) - len(answerable),
        "n_citations": len(citations),
        "n_errors": sum(r.error is not None for r in results),
        "n_failed": sum(r.failed for r in results),
        "pass_rate": _mean(0.0 if r.failed else 1.0 for r in results),
        "key_fact_accuracy": _mean(1.0 if r.key_facts_ok else 0.0 for r in answerable),
        "key_fact_coverage": _mean(r.key_fact_coverage for r in answerable),
        "citation_precision": _mean(r.citation_precision for r in answerable),
        "citation_recall": _mean(r.citation_recall for r in answerable),
        "quote_fidelity": sum(c.verbatim for c in citations) / len(citations) if citations else None,
        "list_completeness": _mean(r.list_completeness for r in answerable),
        "abstention_precision": abst.precision,
        "abstention_recall": abst.recall,
        "abstention_f1": abst.f1,
        "abstention_accuracy": abst.accuracy,
    }


def mode_metrics(results: Sequence[QuestionResult], mode: str) -> RetrievalMetrics:
    """Retrieval metrics of one retriever mode over the questions' recorded rankings."""
    rankings = {r.id: r.rankings.get(mode, []) for r in results}
    qrels = {r.id: set(r.gold_chunks) for r in results if r.gold_chunks}
    return retrieval_metrics(rankings, qrels)


def breakdowns(results: Sequence[QuestionResult], modes: Sequence[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Answer metrics (and Recall@5 / MRR@10 per mode) per language, direction, category and gold section."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for key in BREAKDOWN_KEYS:
        groups: dict[str, list[QuestionResult]] = {}
        for r in results:
            groups.setdefault(str(getattr(r, key)), []).append(r)
        table: dict[str, dict[str, Any]] = {}
        for name in sorted(groups):
            rs = groups[name]
            m = answer_metrics(rs)
            row: dict[str, Any] = {
                k: m[k]
                for k in (
                    "n",
                    "n_answerable",
                    "pass_rate",
                    "key_fact_accuracy",
                    "citation_recall",
                    "citation_precision",
                    "list_completeness",
                    "quote_fidelity",
                    "abstention_accuracy",
                )
            }
            for mode in modes:
                if any(r.gold_chunks for r in rs):
                    rm = mode_metrics(rs, mode).as_dict()
                    row[f"{mode}.recall@5"] = rm["recall@5"]
                    row[f"{mode}.mrr@10"] = rm["mrr@10"]
                else:
                    row[f"{mode}.recall@5"] = row[f"{mode}.mrr@10"] = None
            table[name] = row
        out[key] = table
    return out
