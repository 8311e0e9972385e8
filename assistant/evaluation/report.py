"""Reports: `EvalReport`, thresholds, baselines and the JSON + Markdown files `assistant eval` writes."""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.evaluation.metrics import (
    ANSWER_METRICS,
    LATENCY_METRICS,
    RETRIEVAL_METRICS,
    QuestionResult,
    RetrievalMetrics,
)

REPORT_FORMAT = "assistant-eval-report/1"


class UnknownMetricError(ValueError):
    """A threshold names a metric the report does not have; the message lists the known ones."""


@dataclass
class RetrievalQueryResult:
    """One query of a retrieval benchmark."""

    id: str
    query: str
    relevant: list[str]
    rankings: dict[str, list[str]]
    first_relevant_rank: dict[str, int | None]
    latency_s: dict[str, float]
    severity: float = 0.0  # 1 when the first mode missed every relevant id in the top 10, else 1 - 1/rank
    failure_reasons: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    """The result of `run_suite` (kind "gold") or `run_retrieval_benchmark` (kind "retrieval")."""

    kind: str
    name: str
    modes: list[str]
    retrieval: dict[str, RetrievalMetrics]
    answers: dict[str, float | int | None] | None
    latency: dict[str, dict[str, float | int | None]]
    breakdowns: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    questions: list[QuestionResult] = field(default_factory=list)
    queries: list[RetrievalQueryResult] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=lambda: _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names -> values; these names are what thresholds and baselines use."""
        out: dict[str, float | None] = {}
        primary = self.modes[0] if self.modes else None
        if primary is not None and primary in self.retrieval:
            out.update(self.retrieval[primary].as_dict())
        if self.answers is not None:
            out.update({k: self.answers.get(k) for k in ANSWER_METRICS})  # type: ignore[misc]
            ask = self.latency.get("ask", {})
            out["latency_p50_s"], out["latency_p95_s"] = ask.get("p50_s"), ask.get("p95_s")
        elif primary is not None:
            lat = self.latency.get(f"retrieve.{primary}", {})
            out["latency_p50_s"], out["latency_p95_s"] = lat.get("p50_s"), lat.get("p95_s")
        for mode in self.modes:
            if mode in self.retrieval:
                out.update({f"{mode}.{k}": v for k, v in self.retrieval[mode].as_dict().items()})
            lat = self.latency.get(f"retrieve.{mode}", {})
            out[f"{mode}.latency_p50_s"], out[f"{mode}.latency_p95_s"] = lat.get("p50_s"), lat.get("p95_s")
        return {k: (float(v) if v is not None else None) for k, v in out.items()}

    def failures(self) -> list[QuestionResult]:
        """Failed questions, worst (highest severity) first, ties by id."""
        return sorted((q for q in self.questions if q.failed), key=lambda q: (-q.severity, q.id))

    def missed_queries(self) -> list[RetrievalQueryResult]:
        """Benchmark queries the first mode did not answer at rank 1, worst first."""
        return sorted((q for q in self.queries if q.failure_reasons), key=lambda q: (-q.severity, q.id))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "kind": self.kind,
            "name": self.name,
            "created": self.created,
            "modes": list(self.modes),
            "meta": self.meta,
            "metrics": self.metrics(),
            "retrieval": {m: r.to_dict() for m, r in self.retrieval.items()},
            "answers": self.answers,
            "latency": self.latency,
            "breakdowns": self.breakdowns,
            "failures": [q.id for q in self.failures()]
            if self.kind == "gold"
            else [q.id for q in self.missed_queries()],
            "questions": [asdict(q) for q in self.questions],
            "queries": [asdict(q) for q in self.queries],
        }


def known_metric_names(modes: Sequence[str], kind: str = "gold") -> list[str]:
    """The metric names a report of `kind` over `modes` has (what `--min` accepts)."""
    names = list(RETRIEVAL_METRICS)
    if kind == "gold":
        names += list(ANSWER_METRICS)
    names += list(LATENCY_METRICS)
    for mode in modes:
        names += [f"{mode}.{m}" for m in RETRIEVAL_METRICS] + [f"{mode}.{m}" for m in LATENCY_METRICS]
    return names


# ----------------------------------------------------------------------------------------------------------------
# Thresholds, baselines, writing
# ----------------------------------------------------------------------------------------------------------------
def check_thresholds(
    report: EvalReport, mins: Mapping[str, float], maxs: Mapping[str, float] | None = None
) -> list[str]:
    """Human-readable failures of `metric >= min` (and `metric <= max`, e.g. for latency).

    An unknown metric name raises `UnknownMetricError` listing the known ones;
    a metric with no value (e.g. no citations at all) fails.
    """
    metrics = report.metrics()
    maxs = maxs or {}
    unknown = sorted((set(mins) | set(maxs)) - set(metrics))
    if unknown:
        raise UnknownMetricError(f"unknown metric(s) {', '.join(unknown)}; known metrics: {', '.join(sorted(metrics))}")
    failures: list[str] = []
    for name, bound in mins.items():
        value = metrics[name]
        if value is None:
            failures.append(f"{name} has no value (nothing to measure) but must be >= {bound:g}")
        elif value < bound:
            failures.append(f"{name} = {value:.4f} is below the minimum {bound:g}")
    for name, bound in maxs.items():
        value = metrics[name]
        if value is None:
            failures.append(f"{name} has no value (nothing to measure) but must be <= {bound:g}")
        elif value > bound:
            failures.append(f"{name} = {value:.4f} is above the maximum {bound:g}")
    return failures


@dataclass(frozen=True)
class MetricDelta:
    name: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old


def load_report_metrics(path: Path | str) -> dict[str, float | None]:
    """The flat `metrics` of a JSON report written by `write_report`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: baseline report not found") from None
    except OSError as exc:  # a folder, no permission
        raise ValueError(f"{path}: baseline report cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: baseline is not a JSON report: {exc}") from exc
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict) or not all(v is None or isinstance(v, (int, float)) for v in metrics.values()):
        raise ValueError(f"{path}: baseline has no 'metrics' object of numbers (is it a report from `assistant eval`?)")
    return {str(k): (float(v) if v is not None else None) for k, v in metrics.items()}


def compare_metrics(old: Mapping[str, float | None], new: Mapping[str, float | None]) -> list[MetricDelta]:
    """Every metric in either report: new ones in report order, then ones only the baseline has."""
    names = list(new) + [k for k in old if k not in new]
    return [MetricDelta(k, old.get(k), new.get(k)) for k in names]


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _cell(text: Any, limit: int = 160) -> str:
    s = re.sub(r"\s+", " ", str(text)).strip()
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("|", "\\|")


def render_markdown(
    report: EvalReport, comparison: Sequence[MetricDelta] | None = None, checks: Sequence[str] | None = None
) -> str:
    """The Markdown summary `write_report` writes."""
    lines = _md_header(report)
    if checks is not None:
        lines += ["## Thresholds", ""]
        lines += [f"- FAIL: {c}" for c in checks] if checks else ["- all thresholds passed"]
        lines.append("")
    lines += _md_retrieval(report)
    if report.answers is not None:
        lines += _md_answers(report, report.answers)
    if comparison is not None:
        lines += ["## Comparison with baseline", "", "| metric | old | new | delta |", "|---|---|---|---|"]
        for d in comparison:
            delta = "–" if d.delta is None else f"{d.delta:+.3f}"
            lines.append(f"| {d.name} | {_fmt(d.old)} | {_fmt(d.new)} | {delta} |")
        lines.append("")
    for key, table in report.breakdowns.items():
        if not table:
            continue
        cols = list(next(iter(table.values())).keys())
        lines += [f"## By {key}", "", f"| {key} | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for group, row in table.items():
            lines.append(f"| {group} | " + " | ".join(_fmt(row[c]) for c in cols) + " |")
        lines.append("")
    lines += _md_failures(report) if report.kind == "gold" else _md_missed(report)
    return "\n".join(lines)


def _md_header(report: EvalReport) -> list[str]:
    lines = [f"# Evaluation report: {report.name}", ""]
    lines.append(f"- kind: {report.kind}; created {report.created}; modes: {', '.join(report.modes)}")
    for key in ("suite", "n_questions", "n_corpus", "n_queries"):
        if key in report.meta:
            lines.append(f"- {key}: {report.meta[key]}")
    settings = report.meta.get("settings")
    if isinstance(settings, dict):
        keys = ("embedding_model", "retriever", "top_k", "llm_provider", "llm_model")
        lines.append("- settings: " + ", ".join(f"{k}={settings.get(k)!s}" for k in keys if k in settings))
    lines.append("")
    return lines


def _md_retrieval(report: EvalReport) -> list[str]:
    lines = ["## Retrieval", "", "| mode | n | " + " | ".join(RETRIEVAL_METRICS) + " | p50 s | p95 s |"]
    lines.append("|---" * (len(RETRIEVAL_METRICS) + 4) + "|")
    for mode, rm in report.retrieval.items():
        lat = report.latency.get(f"retrieve.{mode}", {})
        vals = " | ".join(_fmt(v) for v in rm.as_dict().values())
        lines.append(f"| {mode} | {rm.n_queries} | {vals} | {_fmt(lat.get('p50_s'))} | {_fmt(lat.get('p95_s'))} |")
    lines.append("")
    return lines


def _md_answers(report: EvalReport, a: dict[str, Any]) -> list[str]:
    lines = ["## Answers and citations", "", "| metric | value |", "|---|---|"]
    for k in ("n", "n_answerable", "n_unanswerable", "n_citations", "n_errors", "n_failed", *ANSWER_METRICS):
        lines.append(f"| {k} | {_fmt(a.get(k))} |")
    ask = report.latency.get("ask", {})
    lines.append(f"| ask latency p50 s | {_fmt(ask.get('p50_s'))} |")
    lines.append(f"| ask latency p95 s | {_fmt(ask.get('p95_s'))} |")
    lines.append("")
    return lines


def _md_failures(report: EvalReport) -> list[str]:
    failures = report.failures()
    lines = [f"## Failures, worst first ({len(failures)})", ""]
    if not failures:
        return [*lines, "None.", ""]
    lines += [
        "Severity: error 10, answered unanswerable 6, false abstention 4, unfaithful quote 3 + 2 x share, "
        "missing key facts 3 x share, uncited gold 2 x share, + 0.5 x (1 - citation precision).",
        "",
        "| severity | id | lang | direction | category | reasons | first gold rank | question | answer | cited |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for q in failures:
        ranks = ", ".join(f"{m}:{_fmt(r)}" for m, r in q.first_gold_rank.items())
        lines.append(
            f"| {q.severity:.2f} | {_cell(q.id)} | {q.language} | {q.direction} | {_cell(q.category)} | "
            f"{_cell('; '.join(q.failure_reasons), 300)} | {ranks} | {_cell(q.question)} | "
            f"{_cell(('(abstained) ' if q.abstained else '') + q.answer_text, 200)} | "
            f"{_cell(', '.join(q.cited_chunks), 200)} |"
        )
    return [*lines, ""]


def _md_missed(report: EvalReport) -> list[str]:
    missed = report.missed_queries()
    lines = [f"## Queries not answered at rank 1, worst first ({len(missed)}; first 50 shown)", ""]
    if not missed:
        return [*lines, "None.", ""]
    lines += ["| severity | id | query | relevant | first relevant rank |", "|---|---|---|---|---|"]
    for q in missed[:50]:
        ranks = ", ".join(f"{m}:{_fmt(r)}" for m, r in q.first_relevant_rank.items())
        relevant = _cell(", ".join(q.relevant))
        lines.append(f"| {q.severity:.2f} | {_cell(q.id)} | {_cell(q.query)} | {relevant} | {ranks} |")
    return [*lines, ""]


def write_report(
    report: EvalReport,
    out_dir: Path | str,
    *,
    baseline: Path | str | None = None,
    checks: Sequence[str] | None = None,
    stem: str | None = None,
) -> tuple[Path, Path]:
    """Write `<stem>.json` and `<stem>.md` into `out_dir`; returns their paths.

    `stem` defaults to `<kind>-<name>-<UTC timestamp>`, made unique. With
    `baseline` (a JSON report), both files carry old/new/delta per metric;
    `checks` (from `check_thresholds`) are recorded when given.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    comparison = compare_metrics(load_report_metrics(baseline), report.metrics()) if baseline is not None else None
    if stem is None:
        stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%d-%H%M%S")
        base_name = re.sub(r"[^\w.-]+", "-", Path(report.name).stem)
        stem = f"{report.kind}-{base_name}-{stamp}"
        n = 1
        candidate = stem
        while (out / f"{candidate}.json").exists() or (out / f"{candidate}.md").exists():
            n += 1
            candidate = f"{stem}-{n}"
        stem = candidate
    data = report.to_dict()
    if comparison is not None:
        data["baseline"] = str(baseline)
        data["comparison"] = [{"name": d.name, "old": d.old, "new": d.new, "delta": d.delta} for d in comparison]
    if checks is not None:
        data["threshold_failures"] = list(checks)
    json_path, md_path = out / f"{stem}.json", out / f"{stem}.md"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(render_markdown(report, comparison, checks) + "\n", encoding="utf-8")
    return json_path, md_path
