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

Modules, each importing only the ones before it: `metrics` (pure metric
functions and per-question results), `suite` (gold suites, BEIR-style sets),
`scoring` (one answer against its gold question), `report` (EvalReport,
thresholds, baselines, Markdown), `runners` (run_suite, run_retrieval_benchmark,
passage retrievers over the project's own index) and `cli` (`assistant eval`).
Every public name is re-exported here, so `from assistant.evaluation import X`
works as it did when this was one module.

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

Example (what `assistant eval --suite eval/dev/qa.jsonl` does; `metrics` has examples of the metrics):
    >>> from assistant import Assistant
    >>> report = run_suite(Assistant(), "eval/dev/qa.jsonl", progress=False)  # doctest: +SKIP
    >>> check_thresholds(report, {"key_fact_accuracy": 0.8})  # doctest: +SKIP
    []
"""

from __future__ import annotations

from assistant.evaluation.cli import (
    MODES,
    build_parser,
    main,
)
from assistant.evaluation.metrics import (
    ANSWER_METRICS,
    BREAKDOWN_KEYS,
    LATENCY_METRICS,
    MRR_K,
    NDCG_K,
    RECALL_KS,
    RETRIEVAL_METRICS,
    RETRIEVE_K,
    AbstentionMetrics,
    CitationResult,
    QuestionResult,
    RetrievalMetrics,
    abstention_metrics,
    answer_metrics,
    base_chunk_id,
    breakdowns,
    dedupe_ranking,
    first_relevant_rank,
    key_facts_satisfied,
    latency_summary,
    missing_key_facts,
    mode_metrics,
    mrr_at_k,
    ndcg_at_k,
    normalise_text,
    percentile,
    quote_is_verbatim,
    recall_at_k,
    retrieval_metrics,
)
from assistant.evaluation.report import (
    REPORT_FORMAT,
    EvalReport,
    MetricDelta,
    RetrievalQueryResult,
    UnknownMetricError,
    check_thresholds,
    compare_metrics,
    known_metric_names,
    load_report_metrics,
    render_markdown,
    write_report,
)
from assistant.evaluation.runners import (
    CMRC_CHUNK_K,
    AssistantLike,
    RetrieveFn,
    assistant_passage_retrievers,
    run_retrieval_benchmark,
    run_suite,
)
from assistant.evaluation.scoring import (
    SEVERITY,
    question_type,
    score_question,
)
from assistant.evaluation.suite import (
    DIRECTIONS,
    LANGUAGES,
    OPTIONAL_FIELDS,
    REQUIRED_FIELDS,
    BeirSet,
    GoldQuestion,
    SuiteError,
    load_beir_files,
    load_beir_style,
    load_suite,
)

__all__ = [
    "ANSWER_METRICS",
    "BREAKDOWN_KEYS",
    "CMRC_CHUNK_K",
    "DIRECTIONS",
    "LANGUAGES",
    "LATENCY_METRICS",
    "MODES",
    "MRR_K",
    "NDCG_K",
    "OPTIONAL_FIELDS",
    "RECALL_KS",
    "REPORT_FORMAT",
    "REQUIRED_FIELDS",
    "RETRIEVAL_METRICS",
    "RETRIEVE_K",
    "SEVERITY",
    "AbstentionMetrics",
    "AssistantLike",
    "BeirSet",
    "CitationResult",
    "EvalReport",
    "GoldQuestion",
    "MetricDelta",
    "QuestionResult",
    "RetrievalMetrics",
    "RetrievalQueryResult",
    "RetrieveFn",
    "SuiteError",
    "UnknownMetricError",
    "abstention_metrics",
    "answer_metrics",
    "assistant_passage_retrievers",
    "base_chunk_id",
    "breakdowns",
    "build_parser",
    "check_thresholds",
    "compare_metrics",
    "dedupe_ranking",
    "first_relevant_rank",
    "key_facts_satisfied",
    "known_metric_names",
    "latency_summary",
    "load_beir_files",
    "load_beir_style",
    "load_report_metrics",
    "load_suite",
    "main",
    "missing_key_facts",
    "mode_metrics",
    "mrr_at_k",
    "ndcg_at_k",
    "normalise_text",
    "percentile",
    "question_type",
    "quote_is_verbatim",
    "recall_at_k",
    "render_markdown",
    "retrieval_metrics",
    "run_retrieval_benchmark",
    "run_suite",
    "score_question",
    "write_report",
]
