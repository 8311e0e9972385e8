"""Loading the BM25 indexes of a scale build: format 1 (one np.savez archive) vs format 2 (one .npy per array, mmap).

Used by `scale.py --lexical-load N`. Both formats are read from the same build in the same run:

  * baseline: the format-1 reader as it was (bm25.json + `np.load` of bm25.npz into memory, then every
    posting's BM25 weight recomputed, as `BM25Index.__post_init__` did on load). A format-1 build is read
    where it exists (`--lexical-from`, e.g. a cache built by the previous version); otherwise the
    format-2 arrays are written out as a format-1 archive first, so the baseline reads the same bytes.
  * now: `BM25Index.load` (memory-mapped) and `load_index` of a copy of the build whose bm25 folders
    are in format 2 (nothing re-embedded or re-tokenized: the arrays are converted).

Reported: seconds to load each BM25 index, seconds to the first 20 BM25 queries after loading (a memory-mapped
index reads its pages then), and `load_index` (checksums on and off) on the converted build.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.lexical import BM25Index
from assistant.store import current_build, load_index

BM25_FOLDERS = ("bm25", "bm25-gloss")
FORMAT1_ARRAYS = ("indptr", "doc_ids", "term_freqs", "doc_lengths")


def load_format1(folder: Path) -> BM25Index:
    """The format-1 load path: JSON, the whole archive into memory, weights recomputed."""
    meta = json.loads((folder / "bm25.json").read_text(encoding="utf-8"))
    with np.load(folder / "bm25.npz", allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in FORMAT1_ARRAYS}
    return BM25Index(
        vocabulary={t: i for i, t in enumerate(meta["vocabulary"])},
        k1=float(meta["k1"]),
        b=float(meta["b"]),
        tokenizer=meta["tokenizer"],
        **arrays,
    )


def write_format1(index: BM25Index, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(folder / "bm25.npz", **{name: getattr(index, name) for name in FORMAT1_ARRAYS})
    meta = {"format": "assistant-bm25", "version": 1, "tokenizer": index.tokenizer, "k1": index.k1, "b": index.b}
    meta["vocabulary"] = sorted(index.vocabulary, key=index.vocabulary.__getitem__)
    (folder / "bm25.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _timed(fn: Any, rounds: int = 3) -> tuple[Any, float]:
    """The result of `fn()` and the median seconds of `rounds` calls (the machine is shared: one call is noisy)."""
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, round(float(np.median(times)), 3)


def _score_all(index: BM25Index, queries: list[list[str]]) -> float:
    t0 = time.perf_counter()
    for q in queries:
        index.scores(q)
    return round(time.perf_counter() - t0, 3)


def _queries(index: BM25Index, n: int = 20) -> list[list[str]]:
    """Terms spread over the vocabulary (by id), so the queries touch pages all over the postings."""
    terms = sorted(index.vocabulary, key=index.vocabulary.__getitem__)
    step = max(1, len(terms) // (n * 3))
    return [terms[i : i + 3 * step : step] for i in range(0, n * 3 * step, 3 * step)][:n]


def _republish(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    files = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != "manifest.json":
            h = hashlib.sha256()
            with open(p, "rb") as f:
                for block in iter(lambda f=f: f.read(1 << 20), b""):
                    h.update(block)
            files[p.relative_to(folder).as_posix()] = {"bytes": p.stat().st_size, "sha256": h.hexdigest()}
    manifest["files"] = files
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")


def measure(source_index_dir: Path, work: Path) -> dict[str, Any]:
    """Both formats' load times for the live build of `source_index_dir` (never modified: it is copied)."""
    source = current_build(source_index_dir)
    if source is None:
        raise SystemExit(f"no index in {source_index_dir}; run scale.py --sizes N first")
    shutil.rmtree(work, ignore_errors=True)
    build = work / "index" / "builds" / source.name
    build.mkdir(parents=True)
    (work / "index" / "CURRENT").write_text(source.name + "\n", encoding="utf-8")
    for p in source.iterdir():
        if p.is_file():
            shutil.copy2(p, build / p.name)
    out: dict[str, Any] = {"source": str(source), "indexes": {}}
    for name in BM25_FOLDERS:
        if (source / name / "bm25.npz").is_file():
            old_dir = source / name
            out["baseline_from"] = "format-1 build"
        else:
            old_dir = work / "format1" / name
            write_format1(BM25Index.load(source / name, tokenizer=None, mmap=False), old_dir)
            out["baseline_from"] = "format-2 build rewritten as format 1"
        old, old_s = _timed(lambda d=old_dir: load_format1(d))
        old.save(build / name)
        del old
        new, new_s = _timed(lambda n=name: BM25Index.load(build / n, tokenizer=None))
        queries = _queries(new)
        new_q = _score_all(new, queries)
        ref = load_format1(old_dir)
        old_q = _score_all(ref, queries)
        same = all(np.array_equal(ref.scores(q), new.scores(q)) for q in queries)
        out["indexes"][name] = {
            "postings": int(new.doc_ids.size),
            "terms": len(new.vocabulary),
            "format1_load_s": old_s,
            "format2_mmap_load_s": new_s,
            "format1_first_20_queries_s": old_q,
            "format2_first_20_queries_s": new_q,
            "same_scores": same,
        }
        del new, ref
    _republish(build)
    # load_index cannot read a format-1 build any more (it is stale), so its format-1 figure is derived:
    # the measured format-2 load with the BM25 part swapped for the format-1 load measured above.
    swap = sum(v["format1_load_s"] - v["format2_mmap_load_s"] for v in out["indexes"].values())
    for verify in (True, False):
        _, s = _timed(lambda v=verify: load_index(work / "index", verify_checksums=v))
        kind = "with" if verify else "without"
        out[f"load_index_{kind}_checksums_s"] = s
        out[f"load_index_{kind}_checksums_format1_equivalent_s"] = round(s + swap, 3)
    return out
