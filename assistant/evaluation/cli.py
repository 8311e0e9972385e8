"""`assistant eval`: run the gold suite or a retrieval benchmark, check thresholds, write reports.

Its argparse lives here, next to the runners it drives; `assistant.cli` hands
`assistant eval ...` over unchanged (`python -m assistant.evaluation` is the same).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from assistant.evaluation.metrics import ANSWER_METRICS, LATENCY_METRICS, RETRIEVAL_METRICS
from assistant.evaluation.report import (
    EvalReport,
    _fmt,
    check_thresholds,
    known_metric_names,
    load_report_metrics,
    write_report,
)
from assistant.evaluation.runners import (
    assistant_passage_retrievers,
    quiet_build,
    run_retrieval_benchmark,
    run_suite,
)
from assistant.evaluation.suite import SuiteError, _float_or_none, load_beir_style, load_suite
from assistant.fsutil import drop_stdout

MODES = ("hybrid", "dense", "bm25")


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
        epilog="Exit codes: 0 all thresholds pass, 1 a threshold fails, 2 bad arguments, suite or data file, "
        "a corpus, index or model that cannot be loaded, or an --out folder that cannot be written.",
    )
    parser.add_argument("--suite", type=Path, default=None, help="gold JSONL suite (default: eval/gold/qa.jsonl)")
    parser.add_argument(
        "--modes",
        default="hybrid,dense,bm25",
        help="comma-separated retriever modes to score, the first is primary (default: hybrid,dense,bm25)",
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
    parser.add_argument(
        "--quiet", action="store_true", help="no progress on stderr (per question, or building a missing index)"
    )
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
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(lines, encoding="utf-8")
        except OSError as exc:
            return fail(f"--drafts {out}: cannot write there ({exc.strerror or exc})")
    print(
        f"{len(drafts)} draft gold question(s) from thumbs-down answers in {path}"
        + (f" → {out}" if out else "")
        + "; fill in key_facts, gold_chunks, direction and category before adding them to a suite",
        file=sys.stderr,
    )
    return 0


class _UsageError(ValueError):
    """Bad flags or an unreadable input: exit 2 with the message."""


def _fail(msg: str) -> int:
    print(f"assistant eval: error: {msg}", file=sys.stderr)
    return 2


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
    if args.from_feedback is not None:
        return _drafts_from_feedback(args.from_feedback, args.drafts, _fail)
    try:
        modes, mins, maxs = _checked_options(args)
        report = _run(args, modes)
    except _UsageError as exc:
        return _fail(str(exc))
    except _loading_errors() as exc:  # evaluated only when something is raised: no index stack for --help
        return _fail(str(exc))
    checks = check_thresholds(report, mins, maxs)
    metrics = report.metrics()
    gold = args.cmrc is None
    headline = [*RETRIEVAL_METRICS, *(ANSWER_METRICS if gold else ()), *LATENCY_METRICS]
    # The figures first: a report that cannot be written (disk full, folder gone) leaves them on screen.
    _say(f"{report.name}: " + ", ".join(f"{k}={_fmt(metrics.get(k))}" for k in headline if k in metrics))
    for c in checks:
        _say(f"FAIL: {c}")
    try:
        json_path, md_path = write_report(report, _out_dir(args), baseline=args.baseline, checks=checks)
    except OSError as exc:
        return _fail(f"could not write the report to {_out_dir(args)}: {exc}")
    _say(f"report: {json_path}\n        {md_path}")
    return 1 if checks else 0


def _say(line: str) -> None:
    """Print a line; a reader that closed stdout (`assistant eval … | head -1`) costs neither the report
    nor the exit code that CI reads from the thresholds."""
    try:
        print(line, flush=True)
    except BrokenPipeError:
        drop_stdout()


def _out_dir(args: argparse.Namespace) -> Path:
    return args.out or _root() / "eval" / "reports"


def _check_writable(folder: Path) -> None:
    """Create `folder` and write a probe file in it, so an unwritable `--out` fails before a long run, not after."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise _UsageError(f"--out {folder}: cannot write reports there ({exc.strerror or exc})") from exc


def _checked_options(args: argparse.Namespace) -> tuple[list[str], dict[str, float], dict[str, float]]:
    """The modes and the --min/--max bounds, checked before any model loads; `_UsageError` otherwise."""
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if not modes or bad:
        raise _UsageError(f"--modes must be a comma-separated subset of {','.join(MODES)}; got {args.modes!r}")
    modes = list(dict.fromkeys(modes))
    if args.limit is not None and (args.cmrc is None or args.limit < 1):
        raise _UsageError("--limit N needs --cmrc and N >= 1")
    try:
        mins = _parse_bounds(args.min, "--min")
        maxs = _parse_bounds(args.max, "--max")
    except ValueError as exc:
        raise _UsageError(str(exc)) from exc
    known = set(known_metric_names(modes, "retrieval" if args.cmrc is not None else "gold"))
    unknown = sorted((set(mins) | set(maxs)) - known)
    if unknown:
        raise _UsageError(f"unknown metric(s) {', '.join(unknown)}; known metrics: {', '.join(sorted(known))}")
    if args.baseline is not None:
        try:
            load_report_metrics(args.baseline)
        except ValueError as exc:
            raise _UsageError(str(exc)) from exc
    _check_writable(_out_dir(args))
    return modes, mins, maxs


def _loading_errors() -> tuple[type[Exception], ...]:
    """What loading the corpus, the index or the model raises with a message for the user (else a traceback)."""
    from assistant.corpus import CorpusError
    from assistant.embeddings import EmbeddingModelError
    from assistant.store import AssistantIndexError

    return CorpusError, AssistantIndexError, EmbeddingModelError


def _run(args: argparse.Namespace, modes: list[str]) -> EvalReport:
    """The CMRC-style retrieval benchmark (`--cmrc`) or the gold suite."""
    progress = not args.quiet
    if args.cmrc is not None:
        try:
            data = load_beir_style(args.cmrc, args.limit)
        except (SuiteError, ValueError) as exc:
            raise _UsageError(str(exc)) from exc
        fns = assistant_passage_retrievers(data.corpus, modes, quiet=args.quiet)
        report = run_retrieval_benchmark(
            fns, data.corpus, data.queries, data.qrels, name=Path(args.cmrc).name, progress=progress
        )
        report.meta["dataset"] = str(args.cmrc)
        report.meta["limit_queries"] = args.limit
        return report
    suite = args.suite or _root() / "eval" / "gold" / "qa.jsonl"
    try:
        load_suite(suite)  # fail fast on a malformed file, before loading any model
    except SuiteError as exc:
        raise _UsageError(str(exc)) from exc
    from assistant import Assistant

    # An eval measures the code as it is: a missing or stale index is rebuilt first
    # (vectors of unchanged chunks are reused), instead of failing the run.
    assistant = Assistant(build=True, **quiet_build(args.quiet))
    corpus_dir = args.corpus or assistant.settings.corpus_dir
    try:
        return run_suite(assistant, suite, corpus_dir=corpus_dir, modes=modes, progress=progress)
    except SuiteError as exc:
        raise _UsageError(str(exc)) from exc
