"""The index on disk: FAISS vectors, chunk records, BM25, and a manifest. No pickle.

Layout of `index_dir`:

    CURRENT                 name of the live build, replaced atomically
    builds/<build-id>/
        manifest.json       model, dim, corpus hash, chunker version, counts, file checksums
        chunks.jsonl        one Chunk per line
        vectors.npy         float32 embeddings (also the re-embedding cache)
        dense.faiss         faiss.write_index of the vectors
        bm25/               lexical index as arrays + JSON
    .lock                   held while a build runs

A build is written into a fresh folder and only then named in CURRENT, so a
crash or Ctrl-C mid-build leaves the previous index untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from assistant.fsutil import fsync_dir, held_lock
from assistant.lexical import BM25Index, LexicalFormatError, LexicalIndexError, tokenize
from assistant.schema import Chunk

FORMAT_VERSION = 1
_MANIFEST = "manifest.json"
_CHUNKS = "chunks.jsonl"
_VECTORS = "vectors.npy"
_FAISS = "dense.faiss"
_BM25 = "bm25"
_GLOSS = "bm25-gloss"


class AssistantIndexError(RuntimeError):
    """Base of index errors (named so it does not shadow the builtin IndexError)."""


def __getattr__(name: str) -> Any:
    # `IndexError_` was the old name: code importing it keeps catching the same errors, with a warning.
    if name == "IndexError_":
        import warnings

        warnings.warn(
            "assistant.store.IndexError_ is deprecated; use AssistantIndexError", DeprecationWarning, stacklevel=2
        )
        return AssistantIndexError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class IndexMissingError(AssistantIndexError):
    """No index has been built yet."""


class IndexStaleError(AssistantIndexError):
    """The index was built from another model, corpus or chunker."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("index is stale: " + "; ".join(reasons) + ". Run `assistant index` to rebuild it.")


class IndexCorruptError(AssistantIndexError):
    """An index file is missing, truncated or not what the manifest says."""


class IndexLockedError(AssistantIndexError):
    """Another process is building the index."""


@dataclass(frozen=True)
class IndexManifest:
    model: str
    dim: int
    corpus_hash: str
    chunker_version: str
    index_type: str
    created: str
    counts: dict[str, int]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    build_seconds: float = 0.0
    reused_vectors: int = 0
    # `index_type` is the kind built; this is the kind asked for when it differs (ivf on a small corpus).
    requested_index_type: str = ""

    def index_type_note(self) -> str:
        """'flat', or e.g. 'flat (ivf requested; it needs 1000 vectors to train, got 23)' when a fallback was built."""
        if not self.requested_index_type or self.requested_index_type == self.index_type:
            return self.index_type
        why = ""
        if self.requested_index_type == "ivf":
            why = f"; it needs {IVF_MIN_VECTORS} vectors to train, got {self.counts.get('chunks', 0)}"
        return f"{self.index_type} ({self.requested_index_type} requested{why})"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexManifest:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass
class IndexStore:
    """A loaded index: chunks, their vectors in FAISS, and BM25 over their index text."""

    manifest: IndexManifest
    chunks: list[Chunk]
    dense: faiss.Index
    lexical: BM25Index
    path: Path
    # BM25 over each passage's words glossed into the other language (see retrieval.translation).
    gloss: BM25Index | None = None

    def __len__(self) -> int:
        return len(self.chunks)

    def chunk_ids(self) -> list[str]:
        return [c.id for c in self.chunks]

    def search_dense(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Row indices and inner-product scores of the `k` nearest chunks, best first."""
        dense = self.dense
        k = min(k, len(self.chunks))
        if k <= 0:
            return []
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed is not None:
            ids = np.flatnonzero(allowed).astype(np.int64)
            if ids.size == 0:
                return []
            selector = faiss.IDSelectorBatch(ids)
            params = (
                faiss.SearchParametersHNSW(sel=selector, efSearch=max(64, k))
                if isinstance(dense, faiss.IndexHNSW)
                else faiss.SearchParameters(sel=selector)
            )
        elif isinstance(dense, faiss.IndexHNSW):
            params = faiss.SearchParametersHNSW(efSearch=max(64, k))
        scores, rows = dense.search(q, k, params=params) if params else dense.search(q, k)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]


def content_key(chunk: Chunk) -> str:
    """What a vector depends on: the text the model embeds."""
    return hashlib.sha256(chunk.index_text.encode("utf-8")).hexdigest()[:32]


# IVF needs enough points to train its coarse quantiser; below this a flat index is built instead.
IVF_MIN_VECTORS = 1000


def built_index_type(index_type: str, n_vectors: int) -> str:
    """The FAISS index kind `build_faiss` actually builds for `index_type` over `n_vectors` vectors."""
    if index_type == "ivf" and n_vectors < IVF_MIN_VECTORS:
        return "flat"
    return index_type if index_type in ("hnsw", "ivf") else "flat"


def build_faiss(vectors: np.ndarray, index_type: str) -> faiss.Index:
    """Flat inner product by default; HNSW or IVF for large corpora. Vectors are L2-normalised."""
    n, dim = vectors.shape
    kind = built_index_type(index_type, n)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    elif kind == "ivf":
        nlist = int(min(4096, max(16, np.sqrt(n))))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(vectors)
        index.nprobe = max(8, nlist // 16)
    else:
        # IVF needs enough points to train; a small corpus is exact and fast on flat anyway.
        index = faiss.IndexFlatIP(dim)
    if n:
        index.add(vectors)
    return index


@contextlib.contextmanager
def build_lock(index_dir: Path, wait: float = 0.0, say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold `index_dir/.lock` for the duration of a build.

    With `wait` > 0, a lock held by another build is waited for (up to `wait`
    seconds, saying so once through `say`): `assistant add` right after another
    `add` must not leave its corpus change unindexed just because the first one
    is still building. Otherwise, or when the wait runs out, `IndexLockedError`
    names the holder and what to run afterwards.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    with held_lock(
        index_dir / ".lock",
        wait=wait,
        unknown="unknown",
        on_wait=(lambda holder: say(f"waiting for another process ({holder}) that is building the index …"))
        if say
        else None,
        on_timeout=lambda holder: IndexLockedError(
            f"another process ({holder}) is building the index in {index_dir}; "
            "wait for it to finish, then run `assistant index`"
        ),
    ):
        yield


def current_build(index_dir: Path) -> Path | None:
    """The folder CURRENT points to, or None if no build was completed.

    A pointer that is not a short UTF-8 build name (random bytes, a path, empty)
    is `IndexCorruptError`: loading then says to rebuild, and a build ignores it.
    """
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    try:
        raw = pointer.read_bytes()[:1024]
        name = raw.decode("utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(f"{pointer}: unreadable ({exc}). Run `assistant index`.") from exc
    if not name or "/" in name or "\\" in name or name.startswith(".") or not name.isprintable():
        raise IndexCorruptError(f"{pointer}: does not name a build folder. Run `assistant index`.")
    return index_dir / "builds" / name


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _file_entries(folder: Path) -> dict[str, dict[str, Any]]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != _MANIFEST:
            rel = path.relative_to(folder).as_posix()
            files[rel] = {"bytes": path.stat().st_size, "sha256": _sha256(path)}
    return files


def write_index(
    index_dir: Path,
    chunks: list[Chunk],
    embed: Callable[[list[str]], np.ndarray],
    *,
    model: str,
    dim: int,
    corpus_hash: str,
    chunker_version: str,
    index_type: str = "flat",
    keep_builds: int = 2,
    lock_wait: float = 0.0,
    progress: Callable[[str], None] | None = None,
    gloss: Callable[[list[list[str]]], Iterable[list[str]]] | None = None,
    gloss_tokenizer: str = "",
) -> IndexManifest:
    """Embed (reusing cached vectors), index and publish a new build; returns its manifest.

    `embed` turns texts into normalised float32 rows. Vectors of chunks whose
    index text is unchanged since the live build (same model) are reused.
    `gloss` maps every chunk's BM25 tokens to tokens of the other language for a
    second BM25 index (document translation), recorded as `gloss_tokenizer`. The
    previous build is only a cache: if it cannot be read, everything is
    re-embedded and `progress` gets a one-line note saying so. `lock_wait`
    is how long to wait for another build to finish (see `build_lock`).
    """
    started = time.perf_counter()
    index_dir = Path(index_dir)
    with build_lock(index_dir, wait=lock_wait, say=progress):
        reuse, problem = _reusable_vectors(index_dir, model, dim)
        if problem and progress is not None:
            progress(f"note: the previous index is unreadable ({problem}); rebuilding it from the corpus")
        keys = [content_key(c) for c in chunks]
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
        builds = index_dir / "builds"
        builds.mkdir(parents=True, exist_ok=True)
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        tmp = builds / f".tmp-{build_id}"
        tmp.mkdir()
        try:
            with open(tmp / _CHUNKS, "w", encoding="utf-8") as f:
                for chunk, key in zip(chunks, keys, strict=True):
                    f.write(json.dumps({**chunk.to_dict(), "content_key": key}, ensure_ascii=False) + "\n")
            np.save(tmp / _VECTORS, vectors, allow_pickle=False)
            faiss.write_index(build_faiss(vectors, index_type), str(tmp / _FAISS))
            # The manifest records what was built, not what was asked for (ivf falls back to flat when small).
            built = built_index_type(index_type, len(chunks))
            token_lists = [tokenize(c.index_text) for c in chunks]
            BM25Index.build(token_lists).save(tmp / _BM25)
            if gloss is not None:
                BM25Index.build(gloss(token_lists), tokenizer=gloss_tokenizer).save(tmp / _GLOSS)
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
                files=_file_entries(tmp),
                build_seconds=round(time.perf_counter() - started, 3),
                reused_vectors=len(chunks) - len(todo),
            )
            (tmp / _MANIFEST).write_text(json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
            final = builds / build_id
            os.replace(tmp, final)
            fsync_dir(builds)
            pointer_tmp = index_dir / ".CURRENT.tmp"
            pointer_tmp.write_text(build_id + "\n", encoding="utf-8")
            os.replace(pointer_tmp, index_dir / "CURRENT")
            fsync_dir(index_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _prune(builds, keep=keep_builds, live=build_id)
        return manifest


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
    the previous one.
    """
    try:
        folder = current_build(index_dir)
        if folder is None or not folder.is_dir():
            return {}, ("" if folder is None else f"{folder.name} is missing")
        manifest = read_manifest(folder)
        if manifest.model != model or manifest.dim != dim:
            return {}, ""
        vectors = np.load(folder / _VECTORS, allow_pickle=False)
        with open(folder / _CHUNKS, encoding="utf-8") as f:
            keys = [json.loads(line)["content_key"] for line in f]
        if vectors.ndim != 2 or vectors.shape != (len(keys), dim) or vectors.dtype != np.float32:
            return {}, f"{folder / _VECTORS}: shape {vectors.shape} does not match {len(keys)} chunks of dim {dim}"
        return dict(zip(keys, vectors, strict=True)), ""
    except Exception as exc:  # whatever is wrong with the old build, the new one starts afresh
        return {}, f"{type(exc).__name__}: {str(exc)[:160]}"


def read_manifest(folder: Path) -> IndexManifest:
    path = folder / _MANIFEST
    if not path.is_file():
        raise IndexCorruptError(f"{path}: manifest missing; the build is incomplete. Run `assistant index`.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = IndexManifest.from_dict(data)
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as exc:
        raise IndexCorruptError(f"{path}: unreadable manifest ({exc}). Run `assistant index`.") from exc
    if manifest.format_version != FORMAT_VERSION:
        raise IndexStaleError([f"index format {manifest.format_version}, this version reads {FORMAT_VERSION}"])
    return manifest


def check_manifest(
    manifest: IndexManifest, *, model: str | None, corpus_hash: str | None, chunker_version: str | None
) -> list[str]:
    """Why the index does not fit the configuration; empty when it does."""
    reasons = []
    if model is not None and manifest.model != model:
        reasons.append(f"built with embedding model {manifest.model!r}, configured {model!r}")
    if corpus_hash is not None and manifest.corpus_hash != corpus_hash:
        reasons.append("the corpus changed since it was built")
    if chunker_version is not None and manifest.chunker_version != chunker_version:
        reasons.append(f"built by chunker version {manifest.chunker_version}, this is version {chunker_version}")
    return reasons


def load_index(
    index_dir: Path,
    *,
    model: str | None = None,
    corpus_hash: str | None = None,
    chunker_version: str | None = None,
    verify_checksums: bool = True,
    gloss_tokenizer: str | None = None,
) -> IndexStore:
    """Load the live build, checking it is complete, intact and built for this configuration.

    With `gloss_tokenizer`, a build without that gloss field (or with another) is stale.

    Every failure is an `AssistantIndexError` naming the file: a damaged file of an
    unexpected kind is `IndexCorruptError` too, never a raw traceback.
    """
    index_dir = Path(index_dir)
    try:
        return _load_index(
            index_dir,
            model=model,
            corpus_hash=corpus_hash,
            chunker_version=chunker_version,
            verify_checksums=verify_checksums,
            gloss_tokenizer=gloss_tokenizer,
        )
    except AssistantIndexError:
        raise
    except (OSError, ValueError, TypeError, KeyError, AttributeError, EOFError, RuntimeError) as exc:
        raise IndexCorruptError(
            f"{index_dir}: the index cannot be read ({type(exc).__name__}: {str(exc)[:160]}). Run `assistant index`."
        ) from exc


def _load_index(
    index_dir: Path,
    *,
    model: str | None,
    corpus_hash: str | None,
    chunker_version: str | None,
    verify_checksums: bool,
    gloss_tokenizer: str | None = None,
) -> IndexStore:
    folder = current_build(index_dir)
    if folder is None:
        raise IndexMissingError(f"no index in {index_dir}. Run `assistant index` to build it.")
    if not folder.is_dir():
        raise IndexCorruptError(
            f"{folder}: the build named in {index_dir / 'CURRENT'} is missing. Run `assistant index`."
        )
    manifest = read_manifest(folder)
    reasons = check_manifest(manifest, model=model, corpus_hash=corpus_hash, chunker_version=chunker_version)
    if reasons:
        raise IndexStaleError(reasons)
    for rel, entry in manifest.files.items():
        path = folder / rel
        if not path.is_file():
            raise IndexCorruptError(f"{path}: missing index file. Run `assistant index`.")
        if path.stat().st_size != entry["bytes"]:
            raise IndexCorruptError(
                f"{path}: {path.stat().st_size} bytes, the manifest says {entry['bytes']} (truncated?). "
                "Run `assistant index`."
            )
        if verify_checksums and _sha256(path) != entry["sha256"]:
            raise IndexCorruptError(f"{path}: checksum does not match the manifest (corrupt). Run `assistant index`.")
    chunks = _read_chunks(folder / _CHUNKS)
    try:
        dense = faiss.read_index(str(folder / _FAISS))
    except RuntimeError as exc:
        raise IndexCorruptError(
            f"{folder / _FAISS}: FAISS cannot read it ({str(exc)[:120]}). Run `assistant index`."
        ) from exc
    try:
        lexical = BM25Index.load(folder / _BM25)
        gloss = BM25Index.load(folder / _GLOSS, tokenizer=None) if (folder / _GLOSS).is_dir() else None
    except LexicalFormatError as exc:  # an intact index from an older version: stale, not damaged
        raise IndexStaleError([str(exc).removesuffix("; rebuild the index")]) from exc
    except LexicalIndexError as exc:
        raise IndexCorruptError(f"{exc}. Run `assistant index`.") from exc
    if gloss_tokenizer and (gloss is None or gloss.tokenizer != gloss_tokenizer):
        built = f"with gloss field {gloss.tokenizer!r}" if gloss else "without the dictionary gloss field"
        raise IndexStaleError([f"built {built}, configured {gloss_tokenizer!r}"])
    if dense.ntotal != len(chunks) or dense.d != manifest.dim:
        raise IndexCorruptError(
            f"{folder}: {dense.ntotal} vectors of dim {dense.d} for {len(chunks)} chunks of dim {manifest.dim}. "
            "Run `assistant index`."
        )
    return IndexStore(manifest=manifest, chunks=chunks, dense=dense, lexical=lexical, path=folder, gloss=gloss)


def _read_chunks(path: Path) -> list[Chunk]:
    chunks = []
    number = 0
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                number += 1
                chunks.append(Chunk.from_dict(json.loads(line)))
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as exc:
        raise IndexCorruptError(f"{path}: line {number} is not a chunk record ({exc}). Run `assistant index`.") from exc
    return chunks
