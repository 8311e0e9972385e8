"""The layout of an index folder, its manifest and errors: what every backend's build shares.

Layout of `index_dir` (any backend):

    CURRENT                 name of the live build, replaced atomically
    builds/<build-id>/
        manifest.json       backend, model, dim, corpus hash, chunker version, counts, file checksums
        chunks.jsonl        one Chunk per line (with its content key)
        vectors.npy         float32 embeddings (the re-embedding cache, and what a migration copies)
        dense.faiss         local backend only: faiss.write_index of the vectors
        bm25/ bm25-gloss/   lexical index as arrays + JSON
    .lock                   held while a build runs

A build is written into a fresh folder and only then named in CURRENT, so a
crash or Ctrl-C mid-build leaves the previous index untouched. The Milvus
backend keeps its vectors in a collection instead of dense.faiss; the
collection records which build it holds (see `assistant.index.milvus`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.fsutil import held_lock, sha256
from assistant.schema import Chunk, known_fields

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "vectors.npy"
FAISS = "dense.faiss"
BM25 = "bm25"
GLOSS = "bm25-gloss"
# IVF needs enough points to train its coarse quantiser; below this a flat index is built instead.
IVF_MIN_VECTORS = 1000


class AssistantIndexError(RuntimeError):
    """Base of index errors (named so it does not shadow the builtin IndexError)."""


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
    # Where the vectors live: "local" (dense.faiss here) or "milvus" (the collection named below).
    backend: str = "local"
    collection: str = ""
    # Which engine scores BM25: always the project's arrays here (see assistant.index.milvus for why).
    lexical: str = "local-bm25"

    def backend_note(self) -> str:
        """'local', or 'milvus collection assistant_chunks (BM25: local-bm25)' for the `assistant index` line."""
        if self.backend == "local":
            return "local"
        return f"{self.backend} collection {self.collection} (BM25: {self.lexical})"

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
        return cls(**known_fields(cls, data))


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


def content_key(chunk: Chunk) -> str:
    """What a vector depends on: the text the model embeds."""
    return hashlib.sha256(chunk.index_text.encode("utf-8")).hexdigest()[:32]


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


def file_entries(folder: Path) -> dict[str, dict[str, Any]]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            rel = path.relative_to(folder).as_posix()
            files[rel] = {"bytes": path.stat().st_size, "sha256": sha256(path)}
    return files


def read_manifest(folder: Path) -> IndexManifest:
    path = folder / MANIFEST
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


def read_chunks(path: Path) -> list[Chunk]:
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
