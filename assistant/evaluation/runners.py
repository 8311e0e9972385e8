"""Runners: ask an assistant a gold suite, or score ranked-id retrievers on a BEIR-style set.

`Assistant` is imported only inside `assistant_passage_retrievers`: the runners
take anything shaped like `AssistantLike`, so tests pass small fakes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sys
import time
import warnings
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from assistant.evaluation.metrics import (
    RETRIEVE_K,
    QuestionResult,
    answer_metrics,
    breakdowns,
    dedupe_ranking,
    first_relevant_rank,
    latency_summary,
    mode_metrics,
    retrieval_metrics,
)
from assistant.evaluation.report import EvalReport, RetrievalQueryResult
from assistant.evaluation.scoring import score_question
from assistant.evaluation.suite import load_suite

if TYPE_CHECKING:
    from assistant.schema import Answer, RetrievedChunk

CMRC_CHUNK_K = 30  # chunks asked per CMRC query; several chunks can come from one passage


class AssistantLike(Protocol):
    """What the runner needs of `assistant.Assistant` (tests use small fakes)."""

    def retrieve(self, question: str, k: int | None = None, *, mode: Any = None) -> Sequence[RetrievedChunk]: ...

    def ask(self, question: str, *, k: int | None = None, mode: Any = None, history: Any = ()) -> Answer: ...


RetrieveFn = Callable[[str], Sequence[str]]


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
    questions, documents = _suite_inputs(assistant, suite_path, corpus_dir, documents)
    say = _progress(progress)
    if questions and modes:
        # Untimed warm-up: loading the index and models is not a question's latency; errors are recorded below.
        with contextlib.suppress(Exception):
            assistant.retrieve(questions[0].question, k=1, mode=modes[0])
    results: list[QuestionResult] = []
    ask_times: list[float] = []
    retrieve_times: dict[str, list[float]] = {m: [] for m in modes}
    for i, gq in enumerate(questions, start=1):
        result = _score_one(assistant, gq, modes, documents)
        for mode, seconds in result.retrieve_latency_s.items():
            retrieve_times[mode].append(seconds)
        if result.latency_s is not None:
            ask_times.append(result.latency_s)
        results.append(result)
        status = "ok" if not result.failed else f"FAIL {result.severity:.1f}"
        say(f"[{i}/{len(questions)}] {gq.id}: {status} ({result.latency_s or 0.0:.2f}s)")
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
        retrieval={m: mode_metrics(results, m) for m in modes},
        answers=answer_metrics(results),
        latency=latency_table,
        breakdowns=breakdowns(results, modes),
        questions=results,
        meta=meta,
    )


def _score_one(assistant: AssistantLike, gq: Any, modes: Sequence[str], documents: Mapping[str, str]) -> QuestionResult:
    """Retrieve in every mode, ask, and score; failures are recorded on the result, not raised."""
    errors: list[str] = []
    rankings, r_lat = _retrieve_all(assistant, gq.question, modes, errors)
    answer, latency = _ask(assistant, gq, errors)
    return score_question(
        gq,
        answer,
        documents,
        rankings=rankings,
        latency_s=latency if answer is not None else None,
        retrieve_latency_s=r_lat,
        error="; ".join(errors) or None,
    )


def _suite_inputs(
    assistant: AssistantLike,
    suite_path: Path | str,
    corpus_dir: Path | str | None,
    documents: Mapping[str, str] | None,
) -> tuple[list[Any], Mapping[str, str]]:
    """The suite's questions (gold ids checked against the index when it can list them) and the document texts."""
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
    return questions, documents


def _retrieve_all(
    assistant: AssistantLike, question: str, modes: Sequence[str], errors: list[str]
) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Ranked chunk ids and seconds per mode; a failing mode ranks nothing and adds to `errors`."""
    rankings: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    for mode in modes:
        t0 = time.perf_counter()
        try:
            hits = assistant.retrieve(question, k=RETRIEVE_K, mode=mode)
            rankings[mode] = [_hit_id(h) for h in hits]
        except Exception as exc:  # recorded on the question, not raised
            rankings[mode] = []
            errors.append(f"retrieve({mode}) {type(exc).__name__}: {exc}")
        seconds[mode] = time.perf_counter() - t0
    return rankings, seconds


def _ask(assistant: AssistantLike, gq: Any, errors: list[str]) -> tuple[Any, float]:
    """The answer (None on an error, added to `errors`) and the seconds `ask` took."""
    turns: list[Any] = []
    try:
        turns = _history_turns(assistant, gq.history)
    except Exception as exc:  # recorded on the question, not raised
        errors.append(f"history {type(exc).__name__}: {exc}")
    t0 = time.perf_counter()
    answer = None
    try:
        answer = assistant.ask(gq.question, history=turns) if turns else assistant.ask(gq.question)
    except Exception as exc:  # recorded on the question, not raised
        errors.append(f"{type(exc).__name__}: {exc}")
    return answer, time.perf_counter() - t0


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
        results.append(_query_result(qid, queries[qid], sorted(qrels[qid]), rankings, lat, primary))
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


def _query_result(
    qid: str, query: str, relevant: list[str], rankings: dict[str, list[str]], lat: dict[str, float], primary: str
) -> RetrievalQueryResult:
    """One query's ranks per mode; its severity and reasons come from the primary mode's first relevant rank."""
    ranks = {m: first_relevant_rank(r, relevant) for m, r in rankings.items()}
    rank = ranks[primary]
    reasons = []
    if rank is None:
        reasons.append(f"{primary}: no relevant passage in the top {RETRIEVE_K}")
    elif rank > 1:
        reasons.append(f"{primary}: first relevant passage at rank {rank}")
    severity = 1.0 if rank is None else 1 - 1 / rank
    return RetrievalQueryResult(qid, query, relevant, rankings, ranks, lat, round(severity, 4), reasons)


# ----------------------------------------------------------------------------------------------------------------
# CMRC through the Assistant
# ----------------------------------------------------------------------------------------------------------------
def quiet_build(quiet: bool) -> dict[str, Any]:
    """`Assistant(...)` keywords that silence an index build's notes and progress bar when `quiet` (`--quiet`)."""
    return {"progress": lambda _message: None, "show_progress": False} if quiet else {}


def assistant_passage_retrievers(
    corpus: Mapping[str, Mapping[str, str]], modes: Sequence[str], *, work_dir: Path | None = None, quiet: bool = False
) -> dict[str, RetrieveFn]:
    """Retrieve functions (query -> ranked passage ids) that run the project's own retriever over `corpus`.

    The passages are written as a corpus folder of Chinese articles (title line,
    blank line, text) under `work_dir` (default `.cache/eval/cmrc-<hash>`),
    indexed there by `Assistant(build=True)` once, and reused on later runs.
    Each hit's `doc_id` is the passage id. `quiet`: no build notes or embedding progress bar.
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
        assistant = Assistant(
            build=True,
            corpus_dir=corpus_dir,
            index_dir=base / "index",
            include_boilerplate=True,
            **quiet_build(quiet),
        )
        assistant.retrieve("预热", k=1, mode=modes[0] if modes else None)  # build/load now, not in the first timing

    def make(mode: str) -> RetrieveFn:
        def retrieve(query: str) -> list[str]:
            hits = assistant.retrieve(query, k=CMRC_CHUNK_K, mode=mode)
            return dedupe_ranking(h.chunk.doc_id for h in hits)

        return retrieve

    return {mode: make(mode) for mode in modes}
