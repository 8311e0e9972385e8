"""Corpus chunks -> a published index build, through either backend: the one rebuild policy.

The policy, the same for both backends:

* a build runs under `index_dir/.lock` (`build_lock`);
* vectors of chunks whose index text is unchanged since the live build (same
  model) are reused, whichever backend built it: that is also the migration
  (`assistant index --backend milvus` over a local index embeds nothing);
* chunks, vectors and BM25 are written into a fresh folder; the local backend
  adds dense.faiss there, the Milvus backend syncs its collection (rewriting
  only the changed documents' rows) and marks it with the new build's id;
* the folder is then named in CURRENT: the one atomic step. A build killed
  before it leaves the previous index live (a Milvus collection it already
  changed is then reported stale, and the next build re-syncs it).

Example:
    >>> from assistant.index.builder import write_index, open_index     # doctest: +SKIP
    >>> write_index(index_dir, chunks, embed, model="hash", dim=256,    # doctest: +SKIP
    ...             corpus_hash="h", chunker_version="3", milvus=MilvusSettings(uri="ix.db"))
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from assistant.fsutil import fsync_dir
from assistant.index import local
from assistant.index.backend import IndexBackend
from assistant.index.loading import Expected, LiveBuild, guarded, live_manifest
from assistant.index.manifest import (
    BM25,
    CHUNKS,
    GLOSS,
    MANIFEST,
    VECTORS,
    IndexManifest,
    build_lock,
    content_key,
    current_build,
    file_entries,
    read_manifest,
)
from assistant.lexical import BM25Index, tokenize
from assistant.schema import Chunk
from assistant.settings import MilvusSettings

Embed = Callable[[list[str]], np.ndarray]
Gloss = Callable[[list[list[str]]], Iterable[list[str]]]


def write_index(
    index_dir: Path,
    chunks: list[Chunk],
    embed: Embed,
    *,
    model: str,
    dim: int,
    corpus_hash: str,
    chunker_version: str,
    index_type: str = "flat",
    keep_builds: int = 2,
    lock_wait: float = 0.0,
    progress: Callable[[str], None] | None = None,
    gloss: Gloss | None = None,
    gloss_tokenizer: str = "",
    milvus: MilvusSettings | None = None,
) -> IndexManifest:
    """Embed (reusing cached vectors), index and publish a new build; returns its manifest.

    `embed` turns texts into normalised float32 rows. `gloss` maps every chunk's
    BM25 tokens to tokens of the other language for a second BM25 index
    (document translation), recorded as `gloss_tokenizer`. With `milvus`, the
    vectors go to that Milvus collection instead of dense.faiss. The previous
    build is only a cache: if it cannot be read, everything is re-embedded and
    `progress` gets a one-line note saying so. `lock_wait` is how long to wait
    for another build to finish (see `build_lock`).

    Long because: it is the one transaction (lock, vectors, files, dense, manifest, publish) with one rollback.
    """
    started = time.perf_counter()
    index_dir = Path(index_dir)
    with build_lock(index_dir, wait=lock_wait, say=progress):
        keys = [content_key(c) for c in chunks]
        vectors, reused = _vectors(index_dir, chunks, keys, embed, model, dim, progress)
        builds = index_dir / "builds"
        builds.mkdir(parents=True, exist_ok=True)
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        tmp = builds / f".tmp-{build_id}"
        tmp.mkdir()
        try:
            _write_lexical(tmp, chunks, keys, vectors, gloss, gloss_tokenizer)
            if milvus is None:
                built = local.write_dense(tmp, vectors, index_type)
                extra = {}
            else:
                built, extra = _write_milvus(milvus, chunks, keys, vectors, index_type, build_id, progress)
            manifest = IndexManifest(
                model=model,
                dim=dim,
                corpus_hash=corpus_hash,
                chunker_version=chunker_version,
                index_type=built,
                requested_index_type=index_type if built != index_type else "",
                created=datetime.now(UTC).isoformat(timespec="seconds"),
                counts={
                    "chunks": len(chunks),
                    "documents": len({c.doc_id for c in chunks}),
                    "boilerplate": sum(c.boilerplate for c in chunks),
                },
                files=file_entries(tmp),
                build_seconds=round(time.perf_counter() - started, 3),
                reused_vectors=reused,
                **extra,
            )
            (tmp / MANIFEST).write_text(json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
            _publish(index_dir, tmp, build_id)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _prune(builds, keep=keep_builds, live=build_id)
        return manifest


def _vectors(
    index_dir: Path,
    chunks: list[Chunk],
    keys: list[str],
    embed: Embed,
    model: str,
    dim: int,
    progress: Callable[[str], None] | None,
) -> tuple[np.ndarray, int]:
    """Every chunk's vector, reusing the live build's where the content is unchanged; and how many were reused."""
    reuse, problem = _reusable_vectors(index_dir, model, dim)
    if problem and progress is not None:
        progress(f"note: the previous index is unreadable ({problem}); rebuilding it from the corpus")
    vectors = np.zeros((len(chunks), dim), dtype=np.float32)
    todo = [i for i, key in enumerate(keys) if key not in reuse]
    for i, key in enumerate(keys):
        if key in reuse:
            vectors[i] = reuse[key]
    if todo:
        fresh = embed([chunks[i].index_text for i in todo])
        if fresh.shape != (len(todo), dim):
            raise ValueError(f"embedding model returned shape {fresh.shape}, expected {(len(todo), dim)}")
        vectors[todo] = fresh
    return vectors, len(chunks) - len(todo)


def _write_lexical(
    folder: Path,
    chunks: list[Chunk],
    keys: list[str],
    vectors: np.ndarray,
    gloss: Gloss | None,
    gloss_tokenizer: str,
) -> None:
    """chunks.jsonl, vectors.npy and the BM25 indexes: the part of a build both backends keep locally."""
    with open(folder / CHUNKS, "w", encoding="utf-8") as f:
        for chunk, key in zip(chunks, keys, strict=True):
            f.write(json.dumps({**chunk.to_dict(), "content_key": key}, ensure_ascii=False) + "\n")
    np.save(folder / VECTORS, vectors, allow_pickle=False)
    token_lists = [tokenize(c.index_text) for c in chunks]
    BM25Index.build(token_lists).save(folder / BM25)
    if gloss is not None:
        BM25Index.build(gloss(token_lists), tokenizer=gloss_tokenizer).save(folder / GLOSS)


def _write_milvus(
    cfg: MilvusSettings,
    chunks: list[Chunk],
    keys: list[str],
    vectors: np.ndarray,
    index_type: str,
    build_id: str,
    progress: Callable[[str], None] | None,
) -> tuple[str, dict[str, str]]:
    """Sync the collection to these chunks and mark it with the build; the index kind and manifest fields."""
    from assistant.index import milvus

    # The same fallback as FAISS: IVF needs enough vectors to train, so a small corpus gets flat.
    built = local.built_index_type(index_type, len(chunks))
    collection = milvus.open_collection(cfg)
    try:
        report = milvus.sync(collection, chunks, keys, vectors, built, build_id)
    finally:
        # The build's hold only: a store loaded in this process keeps the connection open.
        milvus.disconnect(cfg)
    if progress is not None:
        how = "created" if report.recreated else "updated"
        progress(
            f"milvus collection {cfg.collection} {how} at {cfg.uri}: {report.documents_replaced} documents "
            f"({report.rows_written} rows) written; BM25 stays local (local-bm25)"
        )
    return built, {"backend": "milvus", "collection": cfg.collection, "lexical": "local-bm25"}


def _publish(index_dir: Path, tmp: Path, build_id: str) -> None:
    """Move the finished folder into place and name it in CURRENT (atomic renames, fsynced)."""
    builds = tmp.parent
    os.replace(tmp, builds / build_id)
    fsync_dir(builds)
    pointer_tmp = index_dir / ".CURRENT.tmp"
    pointer_tmp.write_text(build_id + "\n", encoding="utf-8")
    os.replace(pointer_tmp, index_dir / "CURRENT")
    fsync_dir(index_dir)


def _prune(builds: Path, keep: int, live: str) -> None:
    done = sorted(p for p in builds.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in done[:-keep]:
        if old.name != live:
            shutil.rmtree(old, ignore_errors=True)
    for tmp in builds.glob(".tmp-*"):
        # Left by a crashed build; no live build can point at a .tmp folder.
        shutil.rmtree(tmp, ignore_errors=True)


def _reusable_vectors(index_dir: Path, model: str, dim: int) -> tuple[dict[str, np.ndarray], str]:
    """Vectors of the live build keyed by content if it used the same model, and what was wrong if unreadable.

    Anything unreadable (a garbage CURRENT, a 0-byte vectors.npy, a broken
    chunks.jsonl) only means re-embedding everything: a build must never need
    the previous one. Either backend's build keeps vectors.npy, so this is also
    how a move between backends avoids re-embedding.
    """
    try:
        folder = current_build(index_dir)
        if folder is None or not folder.is_dir():
            return {}, ("" if folder is None else f"{folder.name} is missing")
        manifest = read_manifest(folder)
        if manifest.model != model or manifest.dim != dim:
            return {}, ""
        vectors = np.load(folder / VECTORS, allow_pickle=False)
        with open(folder / CHUNKS, encoding="utf-8") as f:
            keys = [json.loads(line)["content_key"] for line in f]
        if vectors.ndim != 2 or vectors.shape != (len(keys), dim) or vectors.dtype != np.float32:
            return {}, f"{folder / VECTORS}: shape {vectors.shape} does not match {len(keys)} chunks of dim {dim}"
        return dict(zip(keys, vectors, strict=True)), ""
    except Exception as exc:  # whatever is wrong with the old build, the new one starts afresh
        return {}, f"{type(exc).__name__}: {str(exc)[:160]}"


def open_index(
    index_dir: Path, expected: Expected, milvus: MilvusSettings | None = None, live: LiveBuild | None = None
) -> IndexBackend:
    """The live build as a loaded backend: local FAISS, or the Milvus collection when `milvus` is given.

    `live`: the build folder and manifest the caller has already read and checked (`live_manifest`).
    """
    if milvus is None:
        return local.open_local(Path(index_dir), expected, live)
    from assistant.index.milvus import open_milvus

    return open_milvus(Path(index_dir), expected, milvus, live)


def load_index(
    index_dir: Path,
    *,
    model: str | None = None,
    corpus_hash: str | None = None,
    chunker_version: str | None = None,
    verify_checksums: bool = True,
    gloss_tokenizer: str | None = None,
    milvus: MilvusSettings | None = None,
) -> IndexBackend:
    """Load the live build whichever backend built it, checking it fits the given configuration.

    With `gloss_tokenizer`, a build without that gloss field (or with another) is stale. A Milvus
    build is opened through `milvus`, by default Milvus Lite in `<index_dir>/milvus.db` with the
    collection its manifest names.
    """
    index_dir = Path(index_dir)
    expected = Expected(model, corpus_hash, chunker_version, gloss_tokenizer, None, verify_checksums)
    # One read of CURRENT and the manifest picks the backend and is the build that is opened: a build
    # published in between cannot be opened through the other backend.
    live = guarded(index_dir, lambda: live_manifest(index_dir, expected))
    manifest = live[1]
    if manifest.backend == "milvus" and milvus is None:
        milvus = MilvusSettings(uri=str(index_dir / "milvus.db"), collection=manifest.collection)
    return open_index(index_dir, expected, milvus if manifest.backend == "milvus" else None, live)
