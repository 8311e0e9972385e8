"""The local backend: FAISS for dense search and the project's BM25 arrays, in the build folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from assistant.index.backend import FilterSpec
from assistant.index.loading import Expected, LiveBuild, guarded, read_build
from assistant.index.manifest import FAISS, IVF_MIN_VECTORS, IndexCorruptError, IndexManifest
from assistant.lexical import BM25Index, tokenize
from assistant.schema import Chunk


# A filter that leaves this many rows or fewer is scored exactly on HNSW and IVF indexes (a few ms).
EXACT_FILTERED_ROWS = 4096


@dataclass
class IndexStore:
    """A loaded local index: chunks, their vectors in FAISS, and BM25 over their index text (an `IndexBackend`)."""

    manifest: IndexManifest
    chunks: list[Chunk]
    dense: faiss.Index
    lexical: BM25Index
    path: Path
    # BM25 over each passage's words glossed into the other language (see retrieval.translation).
    gloss: BM25Index | None = None

    def __len__(self) -> int:
        return len(self.chunks)

    def count(self) -> int:
        return len(self.chunks)

    def chunk_ids(self) -> list[str]:
        return [c.id for c in self.chunks]

    def close(self) -> None:
        """Nothing to release: FAISS and BM25 live in this process's memory."""

    def describe(self) -> dict[str, Any]:
        return {"backend": "local", "dense": f"faiss {self.manifest.index_type_note()}", "lexical": "local-bm25"}

    def search_dense(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None, flt: FilterSpec | None = None
    ) -> list[tuple[int, float]]:
        """Row indices and inner-product scores of the `k` nearest chunks, best first.

        FAISS filters by the row mask `allowed`; `flt` (the filter it came from) is for backends that
        filter natively and is not needed here.
        """
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
            if not isinstance(dense, faiss.IndexFlat) and ids.size <= EXACT_FILTERED_ROWS:
                return self._exact(q[0], ids, k)
            selector = faiss.IDSelectorBatch(ids)
            if isinstance(dense, faiss.IndexHNSW):
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(64, k))
            elif isinstance(dense, faiss.IndexIVF):  # IVF refuses plain SearchParameters
                params = faiss.SearchParametersIVF(sel=selector, nprobe=dense.nprobe)
            else:
                params = faiss.SearchParameters(sel=selector)
        elif isinstance(dense, faiss.IndexHNSW):
            params = faiss.SearchParametersHNSW(efSearch=max(64, k))
        scores, rows = dense.search(q, k, params=params) if params else dense.search(q, k)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]

    def _exact(self, query: np.ndarray, ids: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The `k` best of these rows scored exactly: an HNSW or IVF search under a narrow selector
        returns fewer rows than asked (its graph or probed lists hold few of them)."""
        self._direct_map()
        scores = np.vstack([self.dense.reconstruct(int(i)) for i in ids]) @ query
        best = np.argsort(-scores, kind="stable")[:k]
        return [(int(ids[b]), float(scores[b])) for b in best]

    def search_lexical(self, scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `k` best rows by the given BM25 scores (the retriever computes them with its translations)."""
        return self.lexical.top_k(scores, k, allowed)

    def vectors(self) -> np.ndarray:
        """Every row's vector, in row order (FAISS holds them; nothing is re-embedded)."""
        self._direct_map()
        return self.dense.reconstruct_n(0, self.dense.ntotal)

    def _direct_map(self) -> None:
        """IVF reconstructs a row only through a direct map; build it once (a pass over every list)."""
        if isinstance(self.dense, faiss.IndexIVF) and self.dense.direct_map.type == faiss.DirectMap.NoMap:
            self.dense.make_direct_map()

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Append chunks in memory (BM25 is rebuilt; the gloss field is dropped until the next build)."""
        self._replace([*self.chunks, *chunks], np.vstack([self.vectors(), _rows(vectors, len(chunks))]))

    def delete_documents(self, doc_ids: Sequence[str]) -> int:
        """Drop the chunks of these documents in memory; returns how many went."""
        gone = set(doc_ids)
        keep = [i for i, c in enumerate(self.chunks) if c.doc_id not in gone]
        removed = len(self.chunks) - len(keep)
        if removed:
            self._replace([self.chunks[i] for i in keep], self.vectors()[keep])
        return removed

    def _replace(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        self.dense = build_faiss(vectors, self.manifest.index_type)
        self.lexical = BM25Index.build([tokenize(c.index_text) for c in chunks])
        self.gloss = None
        # The new list last: caches above key on it (index/generation.py), so who sees it sees the rest new too.
        self.chunks = chunks


def _rows(vectors: np.ndarray, n: int) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2 or matrix.shape[0] != n:
        raise ValueError(f"{n} chunks need {n} vector rows, got shape {matrix.shape}")
    return matrix


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


def write_dense(folder: Path, vectors: np.ndarray, index_type: str) -> str:
    """Write the build's dense.faiss; returns the index kind built (ivf falls back to flat when small)."""
    faiss.write_index(build_faiss(vectors, index_type), str(folder / FAISS))
    return built_index_type(index_type, len(vectors))


def open_local(index_dir: Path, expected: Expected, live: LiveBuild | None = None) -> IndexStore:
    """Load the live local build, checking it is complete, intact and built for `expected`.

    Every failure is an `AssistantIndexError` naming the file: a damaged file of an
    unexpected kind is `IndexCorruptError` too, never a raw traceback.
    """
    return guarded(index_dir, lambda: _open_local(index_dir, expected, live))


def _open_local(index_dir: Path, expected: Expected, live: LiveBuild | None) -> IndexStore:
    files = read_build(index_dir, expected, live)
    folder, manifest = files.folder, files.manifest
    try:
        dense = faiss.read_index(str(folder / FAISS))
    except RuntimeError as exc:
        raise IndexCorruptError(
            f"{folder / FAISS}: FAISS cannot read it ({str(exc)[:120]}). Run `assistant index`."
        ) from exc
    if dense.ntotal != len(files.chunks) or dense.d != manifest.dim:
        raise IndexCorruptError(
            f"{folder}: {dense.ntotal} vectors of dim {dense.d} for {len(files.chunks)} chunks of dim {manifest.dim}. "
            "Run `assistant index`."
        )
    return IndexStore(
        manifest=manifest, chunks=files.chunks, dense=dense, lexical=files.lexical, path=folder, gloss=files.gloss
    )
