"""`assistant bench-retrieval`: the project's own ingest, index and retrieval, scored on any BEIR-style set.

A set is three files: `corpus.jsonl` (`{"id", "text", "title"?}` per line),
`queries.jsonl` (`{"id", "text"}`) and `qrels.tsv` (`query_id<TAB>corpus_id`).
Every passage is written as a text file and goes through `assistant add`'s
pipeline into a corpus of its own (a temporary home unless `work_dir` is
given, which is then reused while its content is the same), is indexed with
the settings given, and every query is run through `Assistant.retrieve` in
each mode. Chunks map back to their passage; the first hit per passage counts.

Example:
    >>> from assistant.benchmarking import bench_retrieval                         # doctest: +SKIP
    >>> from assistant.evaluation import load_beir_files                            # doctest: +SKIP
    >>> data = load_beir_files("corpus_zh.jsonl", "queries_en.jsonl", "qrels.tsv")  # doctest: +SKIP
    >>> bench_retrieval(data, modes=("hybrid", "dense")).report.retrieval["hybrid"].ndcg_at_10  # doctest: +SKIP
    0.93
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.evaluation import BeirSet, EvalReport, dedupe_ranking, run_retrieval_benchmark
from assistant.ingest.detect import slugify
from assistant.schema import Language
from assistant.settings import Settings

# Chunks fetched per query before mapping back to passages: a passage split into
# several chunks must not push the others out of the top 10.
CHUNKS_PER_QUERY = 30


@dataclass(frozen=True)
class IndexingStats:
    """What ingesting and indexing the set's corpus cost."""

    passages: int
    skipped: int
    chunks: int
    ingest_seconds: float
    index_seconds: float
    reused: bool  # the work folder already held this corpus and its index

    @property
    def passages_per_second(self) -> float | None:
        if self.reused or self.index_seconds <= 0:
            return None
        return self.passages / self.index_seconds


@dataclass(frozen=True)
class RetrievalBench:
    """The scored report and what indexing cost."""

    report: EvalReport
    indexing: IndexingStats
    settings: dict[str, Any]
    skipped: dict[str, str]  # corpus id -> why `add` skipped it

    def to_dict(self) -> dict[str, Any]:
        indexing = asdict(self.indexing) | {"passages_per_second": self.indexing.passages_per_second}
        return {
            "report": self.report.to_dict(),
            "indexing": indexing,
            "settings": self.settings,
            "skipped": self.skipped,
        }

    def table(self) -> str:
        """A Markdown table: one row per mode."""
        rows = [
            "| mode | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | query p50 ms | query p95 ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for mode, m in self.report.retrieval.items():
            lat = self.report.latency.get(f"retrieve.{mode}", {})
            rows.append(
                f"| {mode} | {m.recall[1]:.3f} | {m.recall[5]:.3f} | {m.recall[10]:.3f} | {m.mrr_at_10:.3f} "
                f"| {m.ndcg_at_10:.3f} | {_ms(lat.get('p50_s'))} | {_ms(lat.get('p95_s'))} |"
            )
        ix = self.indexing
        pps = ix.passages_per_second
        rows.append("")
        rows.append(
            f"{ix.passages} passages ({ix.skipped} skipped) → {ix.chunks} chunks; "
            + ("index reused" if ix.reused else f"indexed in {ix.index_seconds:.1f} s ({pps:.1f} passages/s)")
            + f"; {self.report.meta.get('n_queries', 0)} queries."
        )
        return "\n".join(rows)


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.1f}"


def corpus_digest(data: BeirSet, language: Language | None) -> str:
    """Identifies a corpus's content, so a work folder is reused only for the same passages."""
    digest = hashlib.sha256(f"lang={language}\0".encode())
    for cid in sorted(data.corpus):
        doc = data.corpus[cid]
        digest.update(f"{cid}\0{doc.get('title', '')}\0{doc['text']}\0".encode())
    return digest.hexdigest()[:16]


def _ingest(data: BeirSet, corpus_dir: Path, source_dir: Path, language: Language | None) -> tuple[dict, dict]:
    """Passages -> text files -> `add_files`; returns (doc id -> corpus id, corpus id -> skip reason)."""
    from assistant.ingest import add_files

    source_dir.mkdir(parents=True, exist_ok=True)
    by_path: dict[str, str] = {}
    for n, (cid, doc) in enumerate(data.corpus.items()):
        path = source_dir / f"{n:07d}-{slugify(cid, 40)}.txt"
        title = (doc.get("title") or "").strip()
        path.write_text(f"{title}\n\n{doc['text']}\n" if title else f"{doc['text']}\n", encoding="utf-8")
        by_path[str(path)] = cid
    with warnings.catch_warnings():  # passages are not news articles; the chunker says so for each one
        warnings.simplefilter("ignore")
        results = add_files(corpus_dir, [source_dir], kind="article", language=language)
    doc_to_cid: dict[str, str] = {}
    skipped: dict[str, str] = {}
    for r in results:
        cid = by_path.get(str(r.path))
        if cid is None:
            continue
        if r.ok and r.doc_id:
            doc_to_cid[r.doc_id] = cid
        else:
            skipped[cid] = r.reason or r.status
    return doc_to_cid, skipped


def bench_retrieval(
    data: BeirSet,
    *,
    modes: Sequence[str] = ("hybrid", "dense", "bm25"),
    settings: Settings | None = None,
    work_dir: Path | None = None,
    language: Language | None = None,
    name: str = "retrieval",
    progress: Callable[[str], None] | None = None,
) -> RetrievalBench:
    """Ingest `data.corpus` with the project's `add` path, index it, and score every mode.

    `settings` supplies the model and retrieval knobs (its folders are replaced by
    ones under `work_dir`); `language` states the passages' language instead of
    detecting it per passage.
    """
    say = progress or (lambda _msg: None)
    base = settings or Settings.from_env()
    temporary = work_dir is None
    root = Path(tempfile.mkdtemp(prefix="bench-retrieval-")) if temporary else Path(work_dir)
    try:
        home = root / corpus_digest(data, language)
        cfg = base.with_(
            corpus_dir=home / "corpus",
            index_dir=home / f"index-{slugify(base.embedding_model)}-{base.index_type}",
            include_boilerplate=True,
            show_progress=base.show_progress,
        )
        assistant, doc_to_cid, skipped, stats = _ingested_and_indexed(data, cfg, home, language, say)
        if skipped:
            say(f"{len(skipped)} passages skipped by `add`, e.g. {next(iter(skipped.items()))}")
        assistant.retrieve("warm up 预热", k=1, mode=modes[0])  # load models now, not in the first timing

        def make(mode: str) -> Callable[[str], list[str]]:
            def retrieve(query: str) -> list[str]:
                hits = assistant.retrieve(query, k=CHUNKS_PER_QUERY, mode=mode)  # type: ignore[arg-type]
                return dedupe_ranking(doc_to_cid.get(h.chunk.doc_id, h.chunk.doc_id) for h in hits)

            return retrieve

        report = run_retrieval_benchmark(
            {m: make(m) for m in modes}, data.corpus, data.queries, data.qrels, name=name, progress=False
        )
        used = {k: v for k, v in cfg.to_dict().items() if k not in ("corpus_dir", "index_dir", "cache_dir")}
        used["fusion_weights"] = list(cfg.fusion_weights())  # as resolved from the model's profile
        return RetrievalBench(report=report, indexing=stats, settings=used, skipped=skipped)
    finally:
        if temporary:
            shutil.rmtree(root, ignore_errors=True)


def _ingested_and_indexed(
    data: BeirSet, cfg: Settings, home: Path, language: Language | None, say: Callable[[str], None]
) -> tuple[Any, dict[str, str], dict[str, str], IndexingStats]:
    """The passages ingested under `home` and indexed (both reused when already there), and what it took."""
    from assistant.api import Assistant
    from assistant.journal import pending_change

    ids_file = home / "ids.json"
    t0 = time.perf_counter()
    if ids_file.is_file():
        saved = json.loads(ids_file.read_text(encoding="utf-8"))
        doc_to_cid, skipped = saved["ids"], saved["skipped"]
    else:
        say(f"ingesting {len(data.corpus)} passages into {home}")
        doc_to_cid, skipped = _ingest(data, cfg.corpus_dir, home / "source", language)
        ids_file.write_text(json.dumps({"ids": doc_to_cid, "skipped": skipped}, ensure_ascii=False))
    t1 = time.perf_counter()
    assistant = Assistant(cfg, progress=say)
    reused = False
    with warnings.catch_warnings():  # the chunker's "not a news article" warning, once per passage
        warnings.simplefilter("ignore")
        # Passages just ingested are a pending `add`, which loading would build silently ("note: finishing
        # `assistant add` …") and then count as a reused index, with no indexing speed to report.
        if pending_change(cfg.corpus_dir) is None:
            try:
                assistant.store  # noqa: B018 - loads, or raises when missing or stale
                reused = True
            except Exception:
                pass
        if not reused:
            say(f"indexing with {cfg.embedding_model}")
            assistant.build_index(progress=say)
    stats = IndexingStats(
        passages=len(data.corpus),
        skipped=len(skipped),
        chunks=len(assistant.store.chunks),
        ingest_seconds=round(t1 - t0, 3),
        index_seconds=round(time.perf_counter() - t1, 3),
        reused=reused,
    )
    return assistant, doc_to_cid, skipped, stats


def write_bench(bench: RetrievalBench, out_dir: Path, name: str) -> tuple[Path, Path]:
    """`<name>.json` and `<name>.md` in `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / f"{name}.json", out_dir / f"{name}.md"
    json_path.write_text(json.dumps(bench.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    md_path.write_text(f"# {name}\n\n{bench.table()}\n", encoding="utf-8")
    return json_path, md_path
