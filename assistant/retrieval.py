"""Hybrid retrieval: dense (FAISS) and BM25 ranks fused by reciprocal rank fusion.

`HybridRetriever` is the plain component the assistant uses; `ClauseRetriever`
wraps it as a LangChain `BaseRetriever` so it drops into any LangChain chain.

Example:
    >>> from assistant import Assistant
    >>> hits = Assistant().retrieve("Who must report to Council?", k=3)     # doctest: +SKIP
    >>> hits[0].chunk.id                                                    # doctest: +SKIP
    'eur-44a25-1/operative/secretary-general/7'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.glossary import expand_query
from assistant.language import detect_language
from assistant.lexical import tokenize
from assistant.schema import RetrievedChunk
from assistant.settings import RetrieverMode
from assistant.store import IndexStore


class QueryEmbedder(Protocol):
    def embed_query_array(self, text: str) -> np.ndarray: ...


@dataclass(frozen=True)
class RetrievalFilter:
    """Which chunks may be returned. Empty tuples mean "any"."""

    doc_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    section_kinds: tuple[str, ...] = ()
    include_boilerplate: bool = False

    def mask(self, store: IndexStore) -> np.ndarray | None:
        """Boolean row mask over the store's chunks, or None when nothing is filtered out."""
        keep = np.ones(len(store.chunks), dtype=bool)
        for i, c in enumerate(store.chunks):
            if (
                (self.doc_ids and c.doc_id not in self.doc_ids)
                or (self.languages and c.lang not in self.languages)
                or (self.section_kinds and c.section_kind not in self.section_kinds)
                or (c.boilerplate and not self.include_boilerplate)
            ):
                keep[i] = False
        return None if keep.all() else keep


def lexical_query(question: str) -> list[str]:
    """BM25 tokens of the question plus the other-language forms of its glossary terms."""
    try:
        lang = detect_language(question)
    except ValueError:
        return tokenize(question)
    return tokenize(question) + [t for term in expand_query(question, lang) for t in tokenize(term)]


def reciprocal_rank_fusion(
    rankings: dict[str, list[tuple[int, float]]], weights: dict[str, float], rrf_k: int = 60
) -> list[tuple[int, float]]:
    """Fuse ranked (row, score) lists: score = Σ weight / (rrf_k + rank), rank from 1."""
    fused: dict[int, float] = {}
    for name, ranking in rankings.items():
        w = weights.get(name, 1.0)
        for rank, (row, _) in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + w / (rrf_k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


class HybridRetriever:
    """Dense, BM25 or both over one `IndexStore`."""

    def __init__(
        self,
        store: IndexStore,
        embedder: QueryEmbedder,
        *,
        dense_weight: float = 1.0,
        lexical_weight: float = 1.0,
        rrf_k: int = 60,
        candidates: int = 50,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.weights = {"dense": dense_weight, "bm25": lexical_weight}
        self.rrf_k = rrf_k
        self.candidates = candidates
        # Masks cost a pass over every chunk; filters repeat, so keep them per filter.
        self._masks: dict[RetrievalFilter, np.ndarray | None] = {}

    def _mask(self, flt: RetrievalFilter | None) -> np.ndarray | None:
        flt = flt or RetrievalFilter()
        if flt not in self._masks:
            if len(self._masks) > 64:
                self._masks.clear()
            self._masks[flt] = flt.mask(self.store)
        return self._masks[flt]

    def retrieve(
        self,
        question: str,
        k: int = 5,
        mode: RetrieverMode = "hybrid",
        flt: RetrievalFilter | None = None,
    ) -> list[RetrievedChunk]:
        """The `k` best chunks for `question`, best first, with each retriever's rank and score."""
        mask = self._mask(flt)
        n = max(k, self.candidates)
        dense: list[tuple[int, float]] = []
        lexical: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense"):
            dense = self.store.search_dense(self.embedder.embed_query_array(question), n, mask)
        if mode in ("hybrid", "bm25"):
            lexical = self.store.lexical.search(lexical_query(question), n, allowed=mask)
        if mode == "dense":
            fused = dense
        elif mode == "bm25":
            fused = lexical
        else:
            fused = reciprocal_rank_fusion({"dense": dense, "bm25": lexical}, self.weights, self.rrf_k)
        d_info = {row: (rank, score) for rank, (row, score) in enumerate(dense, start=1)}
        l_info = {row: (rank, score) for rank, (row, score) in enumerate(lexical, start=1)}
        out = []
        for row, score in fused[:k]:
            d = d_info.get(row)
            lx = l_info.get(row)
            out.append(
                RetrievedChunk(
                    chunk=self.store.chunks[row],
                    score=float(score),
                    dense_score=d[1] if d else None,
                    dense_rank=d[0] if d else None,
                    lexical_score=lx[1] if lx else None,
                    lexical_rank=lx[0] if lx else None,
                )
            )
        return out


def to_langchain_document(hit: RetrievedChunk) -> LCDocument:
    """A LangChain Document carrying the chunk text and all its metadata."""
    meta: dict[str, Any] = hit.chunk.to_dict()
    text = meta.pop("text")
    meta.update(
        score=hit.score,
        dense_score=hit.dense_score,
        lexical_score=hit.lexical_score,
        found_by=list(hit.found_by),
    )
    return LCDocument(page_content=text, metadata=meta, id=hit.chunk.id)


class ClauseRetriever(BaseRetriever):
    """LangChain retriever over the assistant's hybrid index.

    Example:
        >>> retriever = Assistant().as_retriever(k=3)          # doctest: +SKIP
        >>> retriever.invoke("谁必须向理事会报告？")[0].metadata["label"]   # doctest: +SKIP
        '7'
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any
    k: int = 5
    mode: RetrieverMode = "hybrid"
    filter: RetrievalFilter | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[LCDocument]:
        hits = self.retriever.retrieve(query, k or self.k, self.mode, self.filter)
        return [to_langchain_document(h) for h in hits]
