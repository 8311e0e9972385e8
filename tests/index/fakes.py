"""Index test helpers: a counting fake embedder, local and hash-embedded builds over given chunks, re-listing a build's files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.chunking import CHUNKER_VERSION
from assistant.embeddings import HashEmbeddings
from assistant.index import IndexManifest, write_index
from assistant.settings import MilvusSettings

DIM = 16


class CountingEmbedder:
    """Deterministic unit vectors from a text hash; counts how many texts it embedded."""

    def __init__(self) -> None:
        self.embedded = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.embedded += len(texts)
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32).reshape(len(texts), DIM)


def build(index_dir: Path, chunks, embed=None, **kw: Any) -> IndexManifest:
    """A local build of `chunks` with model "fake", corpus hash "h1" and this chunker version (overridable)."""
    return write_index(
        index_dir,
        chunks,
        embed or CountingEmbedder(),
        model=kw.pop("model", "fake"),
        dim=DIM,
        corpus_hash=kw.pop("corpus_hash", "h1"),
        chunker_version=CHUNKER_VERSION,
        **kw,
    )


def write_hash_index(
    index_dir: Path, chunks, *, corpus_hash: str = "h1", milvus: MilvusSettings | None = None, **kw: Any
) -> IndexManifest:
    """A build of `chunks` embedded by `HashEmbeddings` (model "hash"), locally or into `milvus`."""
    emb = HashEmbeddings()
    return write_index(
        index_dir,
        chunks,
        emb.embed_documents_array,
        model="hash",
        dim=emb.dimension,
        corpus_hash=corpus_hash,
        chunker_version=CHUNKER_VERSION,
        milvus=milvus,
        **kw,
    )


def republish(folder: Path) -> None:
    """Rewrite the manifest's file list, as if the build had written the files as they now are."""
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "manifest.json"]
    manifest["files"] = {
        p.relative_to(folder).as_posix(): {
            "bytes": p.stat().st_size,
            "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
        }
        for p in files
    }
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
