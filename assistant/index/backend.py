"""The one protocol every index backend implements, and the filter it searches with.

A loaded index is a list of chunks (row i is `chunks[i]`) plus two searches
over them: dense (inner product of unit vectors) and lexical (BM25 scores the
retriever computes with its query translation). The local backend answers the
dense search with FAISS; the Milvus backend with a collection whose scalar
fields (document, language, section kind, boilerplate) let the filter run
inside Milvus. Fusion stays in `assistant.retrieval`, the same for both.

Example:
    >>> from assistant.index import IndexBackend, ChunkFilter
    >>> ChunkFilter(doc_ids=("eur-44a25-1",)).allows_all()
    False
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from assistant.index.manifest import IndexManifest
from assistant.lexical import BM25Index
from assistant.schema import Chunk


class FilterSpec(Protocol):
    """What a search may return: the fields a backend reads; `ChunkFilter` is the implementation."""

    doc_ids: tuple[str, ...]
    languages: tuple[str, ...]
    section_kinds: tuple[str, ...]
    include_boilerplate: bool


@dataclass(frozen=True)
class ChunkFilter:
    """Which chunks a search may return. Empty tuples mean "any"; boilerplate only when asked for.

    The one filter of every layer: the retrieval layer uses it as `assistant.retrieval.RetrievalFilter`
    (the same class), the VectorStore and benchmarks by this name. Frozen, so it can key a mask cache.
    """

    doc_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    section_kinds: tuple[str, ...] = ()
    # Off by default: headers, footers and other boilerplate are noise in an answer (Settings.include_boilerplate).
    include_boilerplate: bool = False

    def allows_all(self) -> bool:
        return allows_all(self)

    def mask(self, store: IndexBackend) -> np.ndarray | None:
        """Boolean row mask over the store's chunks, or None when nothing is filtered out."""
        return filter_mask(self, store.chunks)


def allows_all(flt: FilterSpec) -> bool:
    """Whether `flt` lets every chunk through (no per-chunk test needed)."""
    return not (flt.doc_ids or flt.languages or flt.section_kinds or not flt.include_boilerplate)


def filter_allows(flt: FilterSpec, chunk: Chunk) -> bool:
    """Whether `chunk` passes `flt` (the local backend's row mask and the Milvus expression agree on this)."""
    return not (
        (flt.doc_ids and chunk.doc_id not in flt.doc_ids)
        or (flt.languages and chunk.lang not in flt.languages)
        or (flt.section_kinds and chunk.section_kind not in flt.section_kinds)
        or (chunk.boilerplate and not flt.include_boilerplate)
    )


def filter_mask(flt: FilterSpec, chunks: Sequence[Chunk]) -> np.ndarray | None:
    """Boolean row mask of the chunks `flt` allows, or None when it allows them all."""
    if allows_all(flt):
        return None  # nothing to test per chunk: an unfiltered query pays no pass over every chunk
    keep = np.fromiter((filter_allows(flt, c) for c in chunks), dtype=bool, count=len(chunks))
    return None if keep.all() else keep


@runtime_checkable
class IndexBackend(Protocol):
    """A loaded index: chunks, their dense vectors and BM25, whatever engine holds them.

    `search_dense` takes the row mask of a filter (`allowed`, None = all rows)
    and the filter itself (`flt`): a backend that filters natively (Milvus)
    uses `flt`, FAISS the mask; pass both (see `filter_mask`). Both return (row, inner product) pairs, best first.
    `add`/`delete_documents` change a loaded index in place, for library callers only: nothing in
    the assistant calls them (the VectorStore is read-only), and the manifest does not record such
    a change. They replace `chunks` and `lexical` with new objects, never edit them: the caches of
    the layers above key on those objects (`assistant.index.generation`), so the next question sees
    the change. They are not synchronised with searches running at the same time. `assistant index`
    publishes a new build through `assistant.index.builder`, which is what keeps the corpus and
    index in step.
    """

    manifest: IndexManifest
    chunks: list[Chunk]
    lexical: BM25Index
    gloss: BM25Index | None
    path: Path

    def __len__(self) -> int: ...

    def chunk_ids(self) -> list[str]: ...

    def search_dense(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None, flt: FilterSpec | None = None
    ) -> list[tuple[int, float]]: ...

    def search_lexical(
        self, scores: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]: ...

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None: ...

    def delete_documents(self, doc_ids: Sequence[str]) -> int: ...

    def count(self) -> int: ...

    def close(self) -> None: ...

    def describe(self) -> dict[str, Any]: ...
