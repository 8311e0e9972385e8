"""Evaluation harness: the gold QA suite, retrieval benchmarks, reports and thresholds.

Three layers, each usable on its own:

* **Metric functions** (pure): retrieval metrics with the definitions of
  sentence-transformers' `InformationRetrievalEvaluator` (Recall@k, MRR@10,
  nDCG@10 with binary relevance), key-fact matching, citation checks,
  abstention precision/recall/F1 and latency percentiles.
* **Runners**: `run_suite` asks an `Assistant` every question of a gold JSONL
  suite (see `eval/gold/README.md`) and scores retrieval, answers and
  citations; `run_retrieval_benchmark` scores any ranked-id retriever on a
  BEIR-style set such as CMRC 2018 dev (`load_beir_style`).
* **Output**: `write_report` writes a JSON report and a Markdown summary with
  failures worst first and, given a previous JSON report, old/new/delta per
  metric; `check_thresholds` turns minimums into readable failures; `main` is
  the `assistant eval` command line.

Definitions (all documented in `eval/README.md`):

* Chunk ids are compared after stripping a `#partN` suffix, and a ranking
  keeps only the first hit of each stripped id.
* Recall@k = relevant ids in the top k / number of relevant ids; MRR@10 =
  1 / rank of the first relevant id in the top 10 (0 if none); nDCG@10 =
  DCG@10 / ideal DCG@10 with gain 1 for a relevant id. Averaged over the
  queries that have at least one relevant id (the evaluator does the same).
* Key facts: a list of groups of alternatives; an answer satisfies the suite
  when every group has one alternative in the answer text, compared after
  NFKC normalisation, case folding, folding of curly quotes and collapsing
  white space. An abstention satisfies nothing.
* Citation precision: for each answerable question answered (not abstained)
  with at least one citation, the share of distinct cited chunks that are
  gold; averaged over those questions. Citation recall: for each answerable
  question, the share of gold chunks cited (0 when it abstained); averaged
  over answerable questions. Quote fidelity: the share of all citations
  (of every answer) whose quote equals `document.text[start:end]`.
* Abstention: "abstained" is the positive class, an unanswerable question a
  gold positive; precision, recall and F1 as usual (`None` when undefined).
* Severity of a failed question (higher is worse), the sum of:
  `ask()` raised 10; answered an unanswerable question 6; abstained on an
  answerable one 4; any unfaithful quote 3 + 2 x share of unfaithful quotes;
  for answered answerable questions, 3 x share of key-fact groups missing and
  2 x share of gold chunks not cited; plus 0.5 x (1 - citation precision) as a
  tie-breaker. A question fails on any of: error, abstention mismatch, a
  missing key fact, a missing gold citation, an unfaithful quote.

Example:
    >>> dedupe_ranking(["a#part1", "b", "a#part2", "c"])
    ['a', 'b', 'c']
    >>> recall_at_k(["x", "a", "b"], {"a", "b"}, 1), mrr_at_k(["x", "a"], {"a"})
    (0.0, 0.5)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import hashlib
import json
import math
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

if TYPE_CHECKING:
    from assistant.schema import Answer, RetrievedChunk

REPORT_FORMAT = "assistant-eval-report/1"
LANGUAGES = ("en", "zh")
DIRECTIONS = ("en->zh", "zh->zh", "en->en", "zh->en", "none")
MODES = ("hybrid", "dense", "bm25")
RECALL_KS = (1, 5, 10)
MRR_K = 10
NDCG_K = 10
RETRIEVE_K = 10  # chunks asked of `Assistant.retrieve` per question
CMRC_CHUNK_K = 30  # chunks asked per CMRC query; several chunks can come from one passage
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
REQUIRED_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "question": str,
    "language": str,
    "answerable": bool,
    "key_facts": list,
    "gold_chunks": list,
    "direction": str,
    "category": str,
}
OPTIONAL_FIELDS: dict[str, type | tuple[type, ...]] = {"notes": str, "type": str, "history": list}
BREAKDOWN_KEYS = ("language", "direction", "category", "type", "section")

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

_PART = re.compile(r"#part\d+$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


# ----------------------------------------------------------------------------------------------------------------
# Errors and protocols
# ----------------------------------------------------------------------------------------------------------------
class SuiteError(ValueError):
    """A suite or data file is unusable; the message names the file and line of each problem."""

    def __init__(self, message: str, errors: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors) or [message]


class UnknownMetricError(ValueError):
    """A threshold names a metric the report does not have; the message lists the known ones."""


class AssistantLike(Protocol):
    """What the runner needs of `assistant.Assistant` (tests use small fakes)."""

    def retrieve(self, question: str, k: int | None = None, *, mode: Any = None) -> Sequence[RetrievedChunk]: ...

    def ask(self, question: str, *, k: int | None = None, mode: Any = None, history: Any = ()) -> Answer: ...


RetrieveFn = Callable[[str], Sequence[str]]


# ----------------------------------------------------------------------------------------------------------------
# The gold suite
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldQuestion:
    """One line of a gold suite."""

    id: str
    question: str
    language: str
    answerable: bool
    key_facts: tuple[tuple[str, ...], ...]
    gold_chunks: tuple[str, ...]
    direction: str
    category: str
    notes: str = ""
    line: int = 0
    type: str = ""  # answer type (who, when, list, metadata, ...); "" = not given, derived when scored
    history: tuple[str, ...] = ()  # earlier questions of a conversation, oldest first (follow-ups)

    @property
    def section(self) -> str:
        """The section of the first gold chunk, e.g. `eur-44a25-1/operative/secretary-general`; `none` if none."""
        if not self.gold_chunks:
            return "none"
        parts = base_chunk_id(self.gold_chunks[0]).split("/")
        if len(parts) >= 3 and parts[1] in {"preamble", "operative", "body", "boilerplate"}:
            return "/".join(parts[:3])
        return "/".join(parts[:2])


def load_suite(path: Path | str, *, known_chunk_ids: Collection[str] | None = None) -> list[GoldQuestion]:
    """The questions of a gold JSONL suite, validated strictly.

    Every problem (malformed JSON, a missing or mistyped field, an unknown
    language/direction, inconsistent answerability, a duplicate id, a gold
    chunk id not in `known_chunk_ids` when given) is reported as
    `file:line: message`; all problems are collected into one `SuiteError`.
    Blank lines are allowed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SuiteError(f"{path}: suite file not found") from None
    except IsADirectoryError:
        raise SuiteError(f"{path}: is a directory, expected a JSONL suite file") from None
    except UnicodeDecodeError as exc:
        raise SuiteError(f"{path}: not valid UTF-8 ({exc})") from exc
    known = {base_chunk_id(c) for c in known_chunk_ids} if known_chunk_ids is not None else None
    errors: list[str] = []
    questions: list[GoldQuestion] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        problems, question = _parse_question(obj, lineno)
        errors.extend(f"{where}: {p}" for p in problems)
        if question is None:
            continue
        if question.id in first_line:
            errors.append(f"{where}: duplicate id {question.id!r} (first used on line {first_line[question.id]})")
            continue
        first_line[question.id] = lineno
        if known is not None:
            unknown = [c for c in question.gold_chunks if base_chunk_id(c) not in known]
            if unknown:
                errors.append(f"{where}: unknown chunk id(s) in gold_chunks: {', '.join(unknown)}")
        questions.append(question)
    if not errors and not questions:
        errors.append(f"{path}: the suite has no questions")
    if errors:
        shown = errors[:25]
        more = f"\n  ... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise SuiteError(f"{path}: invalid suite ({len(errors)} problem(s)):\n  " + "\n  ".join(shown) + more, errors)
    return questions


def _parse_question(obj: Any, lineno: int) -> tuple[list[str], GoldQuestion | None]:
    if not isinstance(obj, dict):
        return [f"expected a JSON object, got {type(obj).__name__}"], None
    problems: list[str] = []
    for name, kind in REQUIRED_FIELDS.items():
        if name not in obj:
            problems.append(f"missing field {name!r}")
        elif not isinstance(obj[name], kind) or (kind is not bool and isinstance(obj[name], bool)):
            problems.append(f"field {name!r} must be a {_type_name(kind)}, got {type(obj[name]).__name__}")
    for name, kind in OPTIONAL_FIELDS.items():
        if name in obj and not isinstance(obj[name], kind):
            problems.append(f"field {name!r} must be a {_type_name(kind)}, got {type(obj[name]).__name__}")
    extra = sorted(set(obj) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if extra:
        problems.append(f"unknown field(s) {', '.join(map(repr, extra))}")
    if problems:
        return problems, None
    qid, question = obj["id"].strip(), obj["question"].strip()
    if not qid:
        problems.append("'id' is empty")
    if not question:
        problems.append("'question' is empty")
    if not obj["category"].strip():
        problems.append("'category' is empty")
    if obj["language"] not in LANGUAGES:
        problems.append(f"'language' must be one of {list(LANGUAGES)}, got {obj['language']!r}")
    if obj["direction"] not in DIRECTIONS:
        problems.append(f"'direction' must be one of {list(DIRECTIONS)}, got {obj['direction']!r}")
    groups: list[tuple[str, ...]] = []
    for i, group in enumerate(obj["key_facts"]):
        if not isinstance(group, list) or not group:
            problems.append(f'key_facts[{i}] must be a non-empty list of alternative strings, e.g. ["秘书长"]')
        elif not all(isinstance(s, str) and s.strip() for s in group):
            problems.append(f"key_facts[{i}] must contain only non-empty strings")
        else:
            groups.append(tuple(group))
    gold = obj["gold_chunks"]
    if not all(isinstance(c, str) and c.strip() for c in gold):
        problems.append("gold_chunks must contain only non-empty chunk id strings")
    elif len(set(gold)) != len(gold):
        problems.append("gold_chunks lists a chunk id twice")
    if obj["answerable"]:
        if not gold:
            problems.append("an answerable question needs at least one gold chunk")
        if not obj["key_facts"]:
            problems.append("an answerable question needs at least one key-fact group")
        if obj["direction"] == "none":
            problems.append("an answerable question needs a direction such as 'en->zh'")
        elif obj["direction"] in DIRECTIONS and obj["direction"].split("->")[0] != obj["language"]:
            problems.append(
                f"direction {obj['direction']!r} starts with the question language, expected {obj['language']!r}->..."
            )
    else:
        if gold:
            problems.append("an unanswerable question must have empty gold_chunks")
        if obj["key_facts"]:
            problems.append("an unanswerable question must have empty key_facts")
        if obj["direction"] != "none":
            problems.append("an unanswerable question must have direction 'none'")
    history = obj.get("history", [])
    if not all(isinstance(h, str) and h.strip() for h in history):
        problems.append("history must be a list of non-empty earlier questions")
    if problems:
        return problems, None
    return [], GoldQuestion(
        id=qid,
        question=question,
        language=obj["language"],
        answerable=obj["answerable"],
        key_facts=tuple(groups),
        gold_chunks=tuple(gold),
        direction=obj["direction"],
        category=obj["category"].strip(),
        notes=obj.get("notes", ""),
        line=lineno,
        type=obj.get("type", "").strip(),
        history=tuple(h.strip() for h in history),
    )


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "string", bool: "boolean (true/false)", list: "list", int: "integer", float: "number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


# ----------------------------------------------------------------------------------------------------------------
# BEIR-style retrieval sets (CMRC 2018 dev)
# ----------------------------------------------------------------------------------------------------------------
class BeirSet(NamedTuple):
    """A retrieval set: corpus id -> {"title", "text"}, query id -> text, query id -> relevant corpus ids."""

    corpus: dict[str, dict[str, str]]
    queries: dict[str, str]
    qrels: dict[str, set[str]]


def load_beir_style(directory: Path | str, limit_queries: int | None = None) -> BeirSet:
    """`corpus.jsonl`, `queries.jsonl` and `qrels.tsv` of `directory`.

    `limit_queries` keeps the first N queries in file order (and their qrels);
    the corpus is always complete, so every passage still competes. Malformed
    lines raise `SuiteError` naming file and line.
    """
    directory = Path(directory)
    return load_beir_files(
        directory / "corpus.jsonl", directory / "queries.jsonl", directory / "qrels.tsv", limit_queries=limit_queries
    )


def load_beir_files(
    corpus_path: Path | str, queries_path: Path | str, qrels_path: Path | str, *, limit_queries: int | None = None
) -> BeirSet:
    """A retrieval set from three named files (`corpus_zh.jsonl` with `queries_en.jsonl`); see `load_beir_style`."""
    if limit_queries is not None and limit_queries < 1:
        raise ValueError(f"limit_queries must be at least 1, got {limit_queries}")
    corpus: dict[str, dict[str, str]] = {}
    for where, obj in _jsonl(Path(corpus_path)):
        cid, text = obj.get("id"), obj.get("text")
        if not isinstance(cid, str) or not isinstance(text, str):
            raise SuiteError(f"{where}: expected an object with string 'id' and 'text'")
        if cid in corpus:
            raise SuiteError(f"{where}: duplicate corpus id {cid!r}")
        corpus[cid] = {"title": str(obj.get("title") or ""), "text": text}
    queries: dict[str, str] = {}
    for where, obj in _jsonl(Path(queries_path)):
        qid, text = obj.get("id"), obj.get("text")
        if not isinstance(qid, str) or not isinstance(text, str):
            raise SuiteError(f"{where}: expected an object with string 'id' and 'text'")
        if qid in queries:
            raise SuiteError(f"{where}: duplicate query id {qid!r}")
        if limit_queries is None or len(queries) < limit_queries:
            queries[qid] = text
    qrels: dict[str, set[str]] = {}
    qrels_path = Path(qrels_path)
    if not qrels_path.is_file():
        raise SuiteError(f"{qrels_path}: file not found")
    for lineno, line in enumerate(qrels_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if lineno == 1 and cells[0] in {"query_id", "query-id", "qid"}:
            continue
        if len(cells) < 2:
            raise SuiteError(f"{qrels_path}:{lineno}: expected 'query_id<TAB>corpus_id[<TAB>score]'")
        qid, cid = cells[0], cells[1]
        if len(cells) >= 3 and cells[2].strip() not in {"", "1"} and _float_or_none(cells[2]) in (0.0, None):
            continue  # a graded file: score 0 means not relevant
        if cid not in corpus:
            raise SuiteError(f"{qrels_path}:{lineno}: corpus id {cid!r} is not in corpus.jsonl")
        if qid in queries:
            qrels.setdefault(qid, set()).add(cid)
    return BeirSet(corpus, queries, qrels)


def _jsonl(path: Path) -> Iterable[tuple[str, dict[str, Any]]]:
    if not path.is_file():
        raise SuiteError(f"{path}: file not found")
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SuiteError(f"{path}:{lineno}: malformed JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise SuiteError(f"{path}:{lineno}: expected a JSON object")
            yield f"{path}:{lineno}", obj


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


# ----------------------------------------------------------------------------------------------------------------
# Retrieval metrics
# ----------------------------------------------------------------------------------------------------------------
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
# Per-question scoring
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


# ----------------------------------------------------------------------------------------------------------------
# Aggregates and the report
# ----------------------------------------------------------------------------------------------------------------
def _mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def answer_metrics(results: Sequence[QuestionResult]) -> dict[str, float | int | None]:
    """Answer, citation and abstention metrics over `results` (definitions in the module docstring)."""
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


def _mode_metrics(results: Sequence[QuestionResult], mode: str) -> RetrievalMetrics:
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
                    rm = _mode_metrics(rs, mode).as_dict()
                    row[f"{mode}.recall@5"] = rm["recall@5"]
                    row[f"{mode}.mrr@10"] = rm["mrr@10"]
                else:
                    row[f"{mode}.recall@5"] = row[f"{mode}.mrr@10"] = None
            table[name] = row
        out[key] = table
    return out


@dataclass
class RetrievalQueryResult:
    """One query of a retrieval benchmark."""

    id: str
    query: str
    relevant: list[str]
    rankings: dict[str, list[str]]
    first_relevant_rank: dict[str, int | None]
    latency_s: dict[str, float]
    severity: float = 0.0  # 1 when the first mode missed every relevant id in the top 10, else 1 - 1/rank
    failure_reasons: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    """The result of `run_suite` (kind "gold") or `run_retrieval_benchmark` (kind "retrieval")."""

    kind: str
    name: str
    modes: list[str]
    retrieval: dict[str, RetrievalMetrics]
    answers: dict[str, float | int | None] | None
    latency: dict[str, dict[str, float | int | None]]
    breakdowns: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    questions: list[QuestionResult] = field(default_factory=list)
    queries: list[RetrievalQueryResult] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=lambda: _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names -> values; these names are what thresholds and baselines use."""
        out: dict[str, float | None] = {}
        primary = self.modes[0] if self.modes else None
        if primary is not None and primary in self.retrieval:
            out.update(self.retrieval[primary].as_dict())
        if self.answers is not None:
            out.update({k: self.answers.get(k) for k in ANSWER_METRICS})  # type: ignore[misc]
            ask = self.latency.get("ask", {})
            out["latency_p50_s"], out["latency_p95_s"] = ask.get("p50_s"), ask.get("p95_s")
        elif primary is not None:
            lat = self.latency.get(f"retrieve.{primary}", {})
            out["latency_p50_s"], out["latency_p95_s"] = lat.get("p50_s"), lat.get("p95_s")
        for mode in self.modes:
            if mode in self.retrieval:
                out.update({f"{mode}.{k}": v for k, v in self.retrieval[mode].as_dict().items()})
            lat = self.latency.get(f"retrieve.{mode}", {})
            out[f"{mode}.latency_p50_s"], out[f"{mode}.latency_p95_s"] = lat.get("p50_s"), lat.get("p95_s")
        return {k: (float(v) if v is not None else None) for k, v in out.items()}

    def failures(self) -> list[QuestionResult]:
        """Failed questions, worst (highest severity) first, ties by id."""
        return sorted((q for q in self.questions if q.failed), key=lambda q: (-q.severity, q.id))

    def missed_queries(self) -> list[RetrievalQueryResult]:
        """Benchmark queries the first mode did not answer at rank 1, worst first."""
        return sorted((q for q in self.queries if q.failure_reasons), key=lambda q: (-q.severity, q.id))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "kind": self.kind,
            "name": self.name,
            "created": self.created,
            "modes": list(self.modes),
            "meta": self.meta,
            "metrics": self.metrics(),
            "retrieval": {m: r.to_dict() for m, r in self.retrieval.items()},
            "answers": self.answers,
            "latency": self.latency,
            "breakdowns": self.breakdowns,
            "failures": [q.id for q in self.failures()]
            if self.kind == "gold"
            else [q.id for q in self.missed_queries()],
            "questions": [asdict(q) for q in self.questions],
            "queries": [asdict(q) for q in self.queries],
        }


def known_metric_names(modes: Sequence[str], kind: str = "gold") -> list[str]:
    """The metric names a report of `kind` over `modes` has (what `--min` accepts)."""
    names = list(RETRIEVAL_METRICS)
    if kind == "gold":
        names += list(ANSWER_METRICS)
    names += list(LATENCY_METRICS)
    for mode in modes:
        names += [f"{mode}.{m}" for m in RETRIEVAL_METRICS] + [f"{mode}.{m}" for m in LATENCY_METRICS]
    return names


# ----------------------------------------------------------------------------------------------------------------
# Runners
# ----------------------------------------------------------------------------------------------------------------
def _hit_id(hit: Any) -> str:
    chunk = getattr(hit, "chunk", None)
    if chunk is not None:
        return str(chunk.id)
    return str(hit)


def _load_documents(corpus_dir: Path | str) -> dict[str, str]:
    from assistant.corpus import load_corpus

    return {doc.id: doc.text for doc in load_corpus(corpus_dir)}


def _progress(enabled: bool, stream: TextIO | None = None) -> Callable[[str], None]:
    out = stream or sys.stderr

    def say(msg: str) -> None:
        if enabled:
            print(msg, file=out, flush=True)

    return say


def question_type(question: str, language: str) -> str:
    """The answer type the question analyser assigns, for the per-type breakdown of questions that give none."""
    try:
        from assistant.answering.analysis import analyse_question
    except ImportError:  # pragma: no cover - an answerer without question analysis
        return "untyped"
    return analyse_question(question, "zh" if language == "zh" else "en").qtype


def _history_turns(assistant: AssistantLike, questions: Sequence[str]) -> list[Any]:
    """Ask the earlier questions of a follow-up in order, each with the turns before it, as the UI would."""
    if not questions:
        return []
    from assistant.schema import Turn

    turns: list[Any] = []
    for q in questions:
        answer = assistant.ask(q, history=list(turns)) if turns else assistant.ask(q)
        turns.append(Turn(q, answer))
    return turns


def run_suite(
    assistant: AssistantLike,
    suite_path: Path | str,
    *,
    corpus_dir: Path | str | None = None,
    modes: Sequence[str] = ("hybrid",),
    progress: bool = True,
    documents: Mapping[str, str] | None = None,
) -> EvalReport:
    """Ask `assistant` every question of the suite and score it.

    Retrieval metrics come from `assistant.retrieve(q, k=10, mode=m)` for each
    mode; answer and citation metrics from `assistant.ask(q)`, timed by wall
    clock. Quotes are verified against the documents of `corpus_dir` (or
    `documents`, doc id -> text). Gold chunk ids are checked against
    `assistant.chunk_ids()` when the assistant has it. An exception from
    `ask` or `retrieve` is recorded on the question, not raised. One untimed
    `retrieve` call first loads the index and models.
    """
    modes = list(dict.fromkeys(modes))
    known = None
    chunk_ids = getattr(assistant, "chunk_ids", None)
    if callable(chunk_ids):
        known = list(chunk_ids())
    questions = load_suite(suite_path, known_chunk_ids=known)
    if documents is None:
        if corpus_dir is None:
            corpus_dir = getattr(getattr(assistant, "settings", None), "corpus_dir", None)
        if corpus_dir is None:
            raise ValueError("run_suite needs corpus_dir (or documents) to verify quotes")
        documents = _load_documents(corpus_dir)
    say = _progress(progress)
    if questions and modes:
        # Untimed warm-up: loading the index and models is not a question's latency; errors are recorded below.
        with contextlib.suppress(Exception):
            assistant.retrieve(questions[0].question, k=1, mode=modes[0])
    results: list[QuestionResult] = []
    ask_times: list[float] = []
    retrieve_times: dict[str, list[float]] = {m: [] for m in modes}
    for i, gq in enumerate(questions, start=1):
        rankings: dict[str, list[str]] = {}
        r_lat: dict[str, float] = {}
        errors: list[str] = []
        for mode in modes:
            t0 = time.perf_counter()
            try:
                hits = assistant.retrieve(gq.question, k=RETRIEVE_K, mode=mode)
                rankings[mode] = [_hit_id(h) for h in hits]
            except Exception as exc:  # recorded on the question, not raised
                rankings[mode] = []
                errors.append(f"retrieve({mode}) {type(exc).__name__}: {exc}")
            r_lat[mode] = time.perf_counter() - t0
            retrieve_times[mode].append(r_lat[mode])
        answer = None
        turns: list[Any] = []
        try:
            turns = _history_turns(assistant, gq.history)
        except Exception as exc:  # recorded on the question, not raised
            errors.append(f"history {type(exc).__name__}: {exc}")
        t0 = time.perf_counter()
        try:
            answer = assistant.ask(gq.question, history=turns) if turns else assistant.ask(gq.question)
        except Exception as exc:  # recorded on the question, not raised
            errors.append(f"{type(exc).__name__}: {exc}")
        latency = time.perf_counter() - t0
        if answer is not None:
            ask_times.append(latency)
        result = score_question(
            gq,
            answer,
            documents,
            rankings=rankings,
            latency_s=latency if answer is not None else None,
            retrieve_latency_s=r_lat,
            error="; ".join(errors) or None,
        )
        results.append(result)
        status = "ok" if not result.failed else f"FAIL {result.severity:.1f}"
        say(f"[{i}/{len(questions)}] {gq.id}: {status} ({latency:.2f}s)")
    latency_table = {"ask": latency_summary(ask_times)}
    latency_table.update({f"retrieve.{m}": latency_summary(t) for m, t in retrieve_times.items()})
    settings = getattr(assistant, "settings", None)
    meta: dict[str, Any] = {"suite": str(suite_path), "n_questions": len(questions)}
    if settings is not None and callable(getattr(settings, "to_dict", None)):
        meta["settings"] = settings.to_dict()
    return EvalReport(
        kind="gold",
        name=Path(suite_path).name,
        modes=modes,
        retrieval={m: _mode_metrics(results, m) for m in modes},
        answers=answer_metrics(results),
        latency=latency_table,
        breakdowns=breakdowns(results, modes),
        questions=results,
        meta=meta,
    )


def run_retrieval_benchmark(
    retrieve_fn: RetrieveFn | Mapping[str, RetrieveFn],
    corpus: Mapping[str, Any],
    queries: Mapping[str, str],
    qrels: Mapping[str, Collection[str]],
    *,
    name: str = "retrieval",
    progress: bool = False,
) -> EvalReport:
    """Score ranked-id retrievers on a BEIR-style set (e.g. CMRC 2018 dev).

    `retrieve_fn(query) -> ranked corpus ids` (best first), or a mapping
    mode -> such a function; the first mode is the primary one. Queries
    without relevant ids are skipped, as `InformationRetrievalEvaluator` does.
    """
    fns: dict[str, RetrieveFn] = dict(retrieve_fn) if isinstance(retrieve_fn, Mapping) else {"default": retrieve_fn}
    if not fns:
        raise ValueError("run_retrieval_benchmark needs at least one retrieve function")
    unknown = sorted({c for rel in qrels.values() for c in rel} - set(corpus))
    if unknown:
        raise ValueError(f"qrels name corpus ids not in the corpus: {unknown[:5]}")
    qids = [q for q in queries if qrels.get(q)]
    say = _progress(progress)
    per_mode: dict[str, dict[str, list[str]]] = {m: {} for m in fns}
    times: dict[str, list[float]] = {m: [] for m in fns}
    results: list[RetrievalQueryResult] = []
    primary = next(iter(fns))
    for i, qid in enumerate(qids, start=1):
        rankings: dict[str, list[str]] = {}
        lat: dict[str, float] = {}
        for mode, fn in fns.items():
            t0 = time.perf_counter()
            ranked = [str(x) for x in fn(queries[qid])]
            lat[mode] = time.perf_counter() - t0
            times[mode].append(lat[mode])
            per_mode[mode][qid] = ranked
            rankings[mode] = dedupe_ranking(ranked)[:RETRIEVE_K]
        relevant = sorted(qrels[qid])
        ranks = {m: first_relevant_rank(r, relevant) for m, r in rankings.items()}
        rank = ranks[primary]
        reasons = []
        if rank is None:
            reasons.append(f"{primary}: no relevant passage in the top {RETRIEVE_K}")
        elif rank > 1:
            reasons.append(f"{primary}: first relevant passage at rank {rank}")
        severity = 1.0 if rank is None else 1 - 1 / rank
        results.append(
            RetrievalQueryResult(qid, queries[qid], relevant, rankings, ranks, lat, round(severity, 4), reasons)
        )
        if progress and (i % 100 == 0 or i == len(qids)):
            say(f"[{i}/{len(qids)}] queries")
    qrels_used = {q: set(qrels[q]) for q in qids}
    return EvalReport(
        kind="retrieval",
        name=name,
        modes=list(fns),
        retrieval={m: retrieval_metrics(per_mode[m], qrels_used) for m in fns},
        answers=None,
        latency={f"retrieve.{m}": latency_summary(t) for m, t in times.items()},
        queries=results,
        meta={"n_corpus": len(corpus), "n_queries": len(qids)},
    )


# ----------------------------------------------------------------------------------------------------------------
# Thresholds, baselines, writing
# ----------------------------------------------------------------------------------------------------------------
def check_thresholds(
    report: EvalReport, mins: Mapping[str, float], maxs: Mapping[str, float] | None = None
) -> list[str]:
    """Human-readable failures of `metric >= min` (and `metric <= max`, e.g. for latency).

    An unknown metric name raises `UnknownMetricError` listing the known ones;
    a metric with no value (e.g. no citations at all) fails.
    """
    metrics = report.metrics()
    maxs = maxs or {}
    unknown = sorted((set(mins) | set(maxs)) - set(metrics))
    if unknown:
        raise UnknownMetricError(f"unknown metric(s) {', '.join(unknown)}; known metrics: {', '.join(sorted(metrics))}")
    failures: list[str] = []
    for name, bound in mins.items():
        value = metrics[name]
        if value is None:
            failures.append(f"{name} has no value (nothing to measure) but must be >= {bound:g}")
        elif value < bound:
            failures.append(f"{name} = {value:.4f} is below the minimum {bound:g}")
    for name, bound in maxs.items():
        value = metrics[name]
        if value is None:
            failures.append(f"{name} has no value (nothing to measure) but must be <= {bound:g}")
        elif value > bound:
            failures.append(f"{name} = {value:.4f} is above the maximum {bound:g}")
    return failures


@dataclass(frozen=True)
class MetricDelta:
    name: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old


def load_report_metrics(path: Path | str) -> dict[str, float | None]:
    """The flat `metrics` of a JSON report written by `write_report`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: baseline report not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: baseline is not a JSON report: {exc}") from exc
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict) or not all(v is None or isinstance(v, (int, float)) for v in metrics.values()):
        raise ValueError(f"{path}: baseline has no 'metrics' object of numbers (is it a report from `assistant eval`?)")
    return {str(k): (float(v) if v is not None else None) for k, v in metrics.items()}


def compare_metrics(old: Mapping[str, float | None], new: Mapping[str, float | None]) -> list[MetricDelta]:
    """Every metric in either report: new ones in report order, then ones only the baseline has."""
    names = list(new) + [k for k in old if k not in new]
    return [MetricDelta(k, old.get(k), new.get(k)) for k in names]


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _cell(text: Any, limit: int = 160) -> str:
    s = re.sub(r"\s+", " ", str(text)).strip()
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("|", "\\|")


def render_markdown(
    report: EvalReport, comparison: Sequence[MetricDelta] | None = None, checks: Sequence[str] | None = None
) -> str:
    """The Markdown summary `write_report` writes."""
    lines = [f"# Evaluation report: {report.name}", ""]
    lines.append(f"- kind: {report.kind}; created {report.created}; modes: {', '.join(report.modes)}")
    for key in ("suite", "n_questions", "n_corpus", "n_queries"):
        if key in report.meta:
            lines.append(f"- {key}: {report.meta[key]}")
    settings = report.meta.get("settings")
    if isinstance(settings, dict):
        keys = ("embedding_model", "retriever", "top_k", "llm_provider", "llm_model")
        lines.append("- settings: " + ", ".join(f"{k}={settings.get(k)!s}" for k in keys if k in settings))
    lines.append("")
    if checks is not None:
        lines += ["## Thresholds", ""]
        lines += [f"- FAIL: {c}" for c in checks] if checks else ["- all thresholds passed"]
        lines.append("")
    lines += ["## Retrieval", "", "| mode | n | " + " | ".join(RETRIEVAL_METRICS) + " | p50 s | p95 s |"]
    lines.append("|---" * (len(RETRIEVAL_METRICS) + 4) + "|")
    for mode, rm in report.retrieval.items():
        lat = report.latency.get(f"retrieve.{mode}", {})
        vals = " | ".join(_fmt(v) for v in rm.as_dict().values())
        lines.append(f"| {mode} | {rm.n_queries} | {vals} | {_fmt(lat.get('p50_s'))} | {_fmt(lat.get('p95_s'))} |")
    lines.append("")
    if report.answers is not None:
        a = report.answers
        lines += ["## Answers and citations", "", "| metric | value |", "|---|---|"]
        for k in ("n", "n_answerable", "n_unanswerable", "n_citations", "n_errors", "n_failed", *ANSWER_METRICS):
            lines.append(f"| {k} | {_fmt(a.get(k))} |")
        ask = report.latency.get("ask", {})
        lines.append(f"| ask latency p50 s | {_fmt(ask.get('p50_s'))} |")
        lines.append(f"| ask latency p95 s | {_fmt(ask.get('p95_s'))} |")
        lines.append("")
    if comparison is not None:
        lines += ["## Comparison with baseline", "", "| metric | old | new | delta |", "|---|---|---|---|"]
        for d in comparison:
            delta = "–" if d.delta is None else f"{d.delta:+.3f}"
            lines.append(f"| {d.name} | {_fmt(d.old)} | {_fmt(d.new)} | {delta} |")
        lines.append("")
    for key, table in report.breakdowns.items():
        if not table:
            continue
        cols = list(next(iter(table.values())).keys())
        lines += [f"## By {key}", "", f"| {key} | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for group, row in table.items():
            lines.append(f"| {group} | " + " | ".join(_fmt(row[c]) for c in cols) + " |")
        lines.append("")
    if report.kind == "gold":
        failures = report.failures()
        lines += [f"## Failures, worst first ({len(failures)})", ""]
        if failures:
            lines += [
                "Severity: error 10, answered unanswerable 6, false abstention 4, unfaithful quote 3 + 2 x share, "
                "missing key facts 3 x share, uncited gold 2 x share, + 0.5 x (1 - citation precision).",
                "",
                "| severity | id | lang | direction | category | reasons | first gold rank | question | answer "
                "| cited |",
                "|---|---|---|---|---|---|---|---|---|---|",
            ]
            for q in failures:
                ranks = ", ".join(f"{m}:{_fmt(r)}" for m, r in q.first_gold_rank.items())
                lines.append(
                    f"| {q.severity:.2f} | {_cell(q.id)} | {q.language} | {q.direction} | {_cell(q.category)} | "
                    f"{_cell('; '.join(q.failure_reasons), 300)} | {ranks} | {_cell(q.question)} | "
                    f"{_cell(('(abstained) ' if q.abstained else '') + q.answer_text, 200)} | "
                    f"{_cell(', '.join(q.cited_chunks), 200)} |"
                )
        else:
            lines.append("None.")
        lines.append("")
    else:
        missed = report.missed_queries()
        lines += [f"## Queries not answered at rank 1, worst first ({len(missed)}; first 50 shown)", ""]
        if missed:
            lines += ["| severity | id | query | relevant | first relevant rank |", "|---|---|---|---|---|"]
            for q in missed[:50]:
                ranks = ", ".join(f"{m}:{_fmt(r)}" for m, r in q.first_relevant_rank.items())
                relevant = _cell(", ".join(q.relevant))
                lines.append(f"| {q.severity:.2f} | {_cell(q.id)} | {_cell(q.query)} | {relevant} | {ranks} |")
        else:
            lines.append("None.")
        lines.append("")
    return "\n".join(lines)


def write_report(
    report: EvalReport,
    out_dir: Path | str,
    *,
    baseline: Path | str | None = None,
    checks: Sequence[str] | None = None,
    stem: str | None = None,
) -> tuple[Path, Path]:
    """Write `<stem>.json` and `<stem>.md` into `out_dir`; returns their paths.

    `stem` defaults to `<kind>-<name>-<UTC timestamp>`, made unique. With
    `baseline` (a JSON report), both files carry old/new/delta per metric;
    `checks` (from `check_thresholds`) are recorded when given.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    comparison = compare_metrics(load_report_metrics(baseline), report.metrics()) if baseline is not None else None
    if stem is None:
        stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%d-%H%M%S")
        base_name = re.sub(r"[^\w.-]+", "-", Path(report.name).stem)
        stem = f"{report.kind}-{base_name}-{stamp}"
        n = 1
        candidate = stem
        while (out / f"{candidate}.json").exists() or (out / f"{candidate}.md").exists():
            n += 1
            candidate = f"{stem}-{n}"
        stem = candidate
    data = report.to_dict()
    if comparison is not None:
        data["baseline"] = str(baseline)
        data["comparison"] = [{"name": d.name, "old": d.old, "new": d.new, "delta": d.delta} for d in comparison]
    if checks is not None:
        data["threshold_failures"] = list(checks)
    json_path, md_path = out / f"{stem}.json", out / f"{stem}.md"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(render_markdown(report, comparison, checks) + "\n", encoding="utf-8")
    return json_path, md_path


# ----------------------------------------------------------------------------------------------------------------
# CMRC through the Assistant
# ----------------------------------------------------------------------------------------------------------------
def assistant_passage_retrievers(
    corpus: Mapping[str, Mapping[str, str]], modes: Sequence[str], *, work_dir: Path | None = None
) -> dict[str, RetrieveFn]:
    """Retrieve functions (query -> ranked passage ids) that run the project's own retriever over `corpus`.

    The passages are written as a corpus folder of Chinese articles (title line,
    blank line, text) under `work_dir` (default `.cache/eval/cmrc-<hash>`),
    indexed there by `Assistant(build=True)` once, and reused on later runs.
    Each hit's `doc_id` is the passage id.
    """
    from assistant import Assistant
    from assistant.settings import Settings

    digest = hashlib.sha256()
    for cid in sorted(corpus):
        digest.update(f"{cid}\0{corpus[cid].get('title', '')}\0{corpus[cid]['text']}\0".encode())
    base = work_dir or Settings.from_env().cache_dir / "eval" / f"passages-{digest.hexdigest()[:12]}"
    corpus_dir = base / "corpus"
    manifest = corpus_dir / "manifest.json"
    if not manifest.is_file():
        corpus_dir.mkdir(parents=True, exist_ok=True)
        entries = []
        for n, (cid, doc) in enumerate(corpus.items()):
            filename = f"{n:06d}-{re.sub(r'[^A-Za-z0-9_.-]+', '_', cid)}.txt"
            title = (doc.get("title") or "").strip()
            text = f"{title}\n\n{doc['text']}\n" if title else f"{doc['text']}\n"
            (corpus_dir / filename).write_text(text, encoding="utf-8")
            entries.append({"id": cid, "path": filename, "language": "zh", "kind": "article", "title_zh": title})
        manifest.write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=1), encoding="utf-8")
    with warnings.catch_warnings():  # passages are not news articles; the chunker says so for each one
        warnings.simplefilter("ignore")
        assistant = Assistant(build=True, corpus_dir=corpus_dir, index_dir=base / "index", include_boilerplate=True)
        assistant.retrieve("预热", k=1, mode=modes[0] if modes else None)  # build/load now, not in the first timing

    def make(mode: str) -> RetrieveFn:
        def retrieve(query: str) -> list[str]:
            hits = assistant.retrieve(query, k=CMRC_CHUNK_K, mode=mode)
            return dedupe_ranking(h.chunk.doc_id for h in hits)

        return retrieve

    return {mode: make(mode) for mode in modes}


# ----------------------------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------------------------
def _root() -> Path:
    from assistant.settings import project_root

    return project_root()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant eval",
        description="Run the gold QA suite (default) or the CMRC retrieval benchmark; write JSON + Markdown reports.",
        epilog="Exit codes: 0 all thresholds pass, 1 a threshold fails, 2 bad arguments or suite/data file.",
    )
    parser.add_argument("--suite", type=Path, default=None, help="gold JSONL suite (default: eval/gold/qa.jsonl)")
    parser.add_argument(
        "--modes", default="hybrid,dense,bm25", help="comma-separated retriever modes to score (first is primary)"
    )
    parser.add_argument("--out", type=Path, default=None, help="report folder (default: eval/reports)")
    parser.add_argument("--baseline", type=Path, default=None, help="previous JSON report to compare with")
    parser.add_argument(
        "--min", action="append", default=[], metavar="NAME=VALUE", help="fail (exit 1) when metric < VALUE; repeatable"
    )
    parser.add_argument(
        "--max", action="append", default=[], metavar="NAME=VALUE", help="fail when metric > VALUE (e.g. latency)"
    )
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder to verify quotes against")
    parser.add_argument("--cmrc", type=Path, default=None, metavar="DIR", help="run the BEIR-style retrieval benchmark")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="with --cmrc: first N queries only")
    parser.add_argument("--quiet", action="store_true", help="no per-question progress on stderr")
    parser.add_argument(
        "--from-feedback",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="instead of evaluating: turn the UI's thumbs-down answers (default file: <data>/feedback.jsonl) "
        "into draft gold questions, printed as JSONL (or written with --drafts)",
    )
    parser.add_argument("--drafts", type=Path, default=None, metavar="FILE", help="with --from-feedback: write here")
    return parser


def _parse_bounds(items: Sequence[str], flag: str) -> dict[str, float]:
    bounds: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        number = _float_or_none(value.strip()) if sep else None
        if not name.strip() or number is None or math.isnan(number):
            raise ValueError(f"{flag} expects NAME=NUMBER, e.g. {flag} citation_recall=0.8; got {item!r}")
        bounds[name.strip()] = number
    return bounds


def _drafts_from_feedback(source: str, out: Path | None, fail: Callable[[str], int]) -> int:
    """`assistant eval --from-feedback`: thumbs-down answers as draft gold questions (JSONL) for a person to finish."""
    from assistant.feedback import FEEDBACK_FILE, draft_gold_questions, read_feedback
    from assistant.settings import Settings

    path = Path(source) if source else Settings.from_env().data_dir / FEEDBACK_FILE
    if not path.is_file():
        return fail(f"no feedback file at {path} (the web UI writes it when someone rates an answer)")
    drafts = draft_gold_questions(read_feedback(path))
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts)
    if out is None:
        sys.stdout.write(lines)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(lines, encoding="utf-8")
    print(
        f"{len(drafts)} draft gold question(s) from thumbs-down answers in {path}"
        + (f" → {out}" if out else "")
        + "; fill in key_facts, gold_chunks, direction and category before adding them to a suite",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """`assistant eval`: returns 0 when every threshold passes, 1 when one fails, 2 on bad input."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--"]:  # `assistant eval -- --suite ...` passes the separator through
        argv = argv[1:]
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2

    def fail(msg: str) -> int:
        print(f"assistant eval: error: {msg}", file=sys.stderr)
        return 2

    if args.from_feedback is not None:
        return _drafts_from_feedback(args.from_feedback, args.drafts, fail)

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if not modes or bad:
        return fail(f"--modes must be a comma-separated subset of {','.join(MODES)}; got {args.modes!r}")
    modes = list(dict.fromkeys(modes))
    if args.limit is not None and (args.cmrc is None or args.limit < 1):
        return fail("--limit N needs --cmrc and N >= 1")
    try:
        mins = _parse_bounds(args.min, "--min")
        maxs = _parse_bounds(args.max, "--max")
    except ValueError as exc:
        return fail(str(exc))
    kind = "retrieval" if args.cmrc is not None else "gold"
    known = set(known_metric_names(modes, kind))
    unknown = sorted((set(mins) | set(maxs)) - known)
    if unknown:
        return fail(f"unknown metric(s) {', '.join(unknown)}; known metrics: {', '.join(sorted(known))}")
    if args.baseline is not None:
        try:
            load_report_metrics(args.baseline)
        except ValueError as exc:
            return fail(str(exc))
    root = _root()
    out_dir = args.out or root / "eval" / "reports"
    progress = not args.quiet

    if args.cmrc is not None:
        try:
            data = load_beir_style(args.cmrc, args.limit)
        except (SuiteError, ValueError) as exc:
            return fail(str(exc))
        fns = assistant_passage_retrievers(data.corpus, modes)
        report = run_retrieval_benchmark(
            fns, data.corpus, data.queries, data.qrels, name=Path(args.cmrc).name, progress=progress
        )
        report.meta["dataset"] = str(args.cmrc)
        report.meta["limit_queries"] = args.limit
    else:
        suite = args.suite or root / "eval" / "gold" / "qa.jsonl"
        try:
            load_suite(suite)  # fail fast on a malformed file, before loading any model
        except SuiteError as exc:
            return fail(str(exc))
        from assistant import Assistant

        # An eval measures the code as it is: a missing or stale index is rebuilt first
        # (vectors of unchanged chunks are reused), instead of failing the run.
        assistant = Assistant(build=True)
        corpus_dir = args.corpus or assistant.settings.corpus_dir
        try:
            report = run_suite(assistant, suite, corpus_dir=corpus_dir, modes=modes, progress=progress)
        except SuiteError as exc:
            return fail(str(exc))
    checks = check_thresholds(report, mins, maxs)
    json_path, md_path = write_report(report, out_dir, baseline=args.baseline, checks=checks)
    metrics = report.metrics()
    headline = [*RETRIEVAL_METRICS, *(ANSWER_METRICS if kind == "gold" else ()), *LATENCY_METRICS]
    print(f"{report.name}: " + ", ".join(f"{k}={_fmt(metrics.get(k))}" for k in headline if k in metrics))
    print(f"report: {json_path}\n        {md_path}")
    for c in checks:
        print(f"FAIL: {c}")
    return 1 if checks else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
