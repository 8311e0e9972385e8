"""Start-up: from a fresh Python process to the first answer, with a built index and without one.

Each run is a new subprocess (`python benchmarks/startup.py --child ...`), so imports, model
loading and index loading are all counted. The child reports:
  * import_s   `import assistant` + `from assistant import Assistant` (what a user script pays first);
  * first_answer_s  from `Assistant()` to the first `ask` returning (the target's measure);
  * process_s  whole child wall time as seen by the parent (interpreter start-up included).
"with index": the index was built beforehand into a temp folder (the project's index/ is not used);
"without index": an empty temp folder with `build=True`, so chunking, embedding and writing the index
happen inside the timed span.

Target: with a built index, `Assistant()` to first answer < 5 s.

Usage:
    .venv/bin/python benchmarks/startup.py [--runs 3] [--question "Who must report to Council?"]
"""

from __future__ import annotations

import time

_T_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve()
TARGET_S = 5.0


def child(index_dir: str, build: bool, question: str) -> None:
    t0 = time.perf_counter()
    sys.path.insert(0, str(HERE.parent.parent))
    from assistant import Assistant, Settings

    t1 = time.perf_counter()
    a = Assistant(Settings.from_env(index_dir=Path(index_dir), show_progress=False), build=build)
    answer = a.ask(question)
    t2 = time.perf_counter()
    print(
        json.dumps(
            {
                "import_s": t1 - t0,
                "first_answer_s": t2 - t1,
                "since_script_start_s": t2 - _T_START,
                "abstained": answer.abstained,
                "cited": answer.citations[0].chunk_id if answer.citations else None,
                "chunks": len(a.store),
            }
        )
    )


def run_child(index_dir: str, build: bool, question: str) -> dict:
    cmd = [sys.executable, str(HERE), "--child", "--index-dir", index_dir, "--question", question]
    if build:
        cmd.append("--build")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=os.environ.copy())
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["process_s"] = wall
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per scenario")
    parser.add_argument("--question", default="Who must report to Council?")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--index-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.index_dir, args.build, args.question)
        return

    from common import median, print_table, write_results

    results: dict[str, list[dict]] = {"with index": [], "without index": []}
    with tempfile.TemporaryDirectory(prefix="startup-") as tmp:
        built = Path(tmp) / "built"
        print("building the bundled corpus's index in a temp folder (not timed) …")
        run_child(str(built), True, args.question)
        for i in range(args.runs):
            results["with index"].append(run_child(str(built), False, args.question))
            results["without index"].append(run_child(str(Path(tmp) / f"empty-{i}"), True, args.question))

    rows = []
    summary = {}
    for scenario, runs in results.items():
        s = {k: round(median([r[k] for r in runs]), 3) for k in ("import_s", "first_answer_s", "process_s")}
        s["runs"] = [{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in runs]
        summary[scenario] = s
        rows.append([scenario, len(runs), s["import_s"], s["first_answer_s"], s["process_s"], runs[0]["cited"]])
    print_table(
        ["scenario", "runs", "import s", "Assistant()->answer s", "whole process s", "first citation"],
        rows,
        f"Start-up to the first answer of {args.question!r} (medians over fresh processes)",
    )
    ok = summary["with index"]["first_answer_s"] < TARGET_S
    total_ok = summary["with index"]["process_s"] < TARGET_S
    print(
        f"\nTarget: with a built index, Assistant() to first answer < {TARGET_S:.0f} s: "
        f"{summary['with index']['first_answer_s']:.2f} s {'PASS' if ok else 'FAIL'} "
        f"(whole process incl. imports {summary['with index']['process_s']:.2f} s {'PASS' if total_ok else 'FAIL'})"
    )
    write_results(
        "startup",
        {
            "question": args.question,
            "scenarios": summary,
            "target": {"seconds": TARGET_S, "pass": ok, "pass_including_imports": total_ok},
        },
    )


if __name__ == "__main__":
    main()
