"""Finding the clauses that answer: query translation, dense and BM25 search, fusion.

- `translation`: the question's words carried into the other language (glossary, then CC-CEDICT).
- `dictionary`, `wordnet`: the offline word lists behind it (CC-CEDICT; WordNet 3.0 as an English thesaurus).
- `fusion`: normalised-score fusion with language-aware weights; RRF as an option.
- `retriever`: `HybridRetriever` and the LangChain `ClauseRetriever`.
"""

from assistant.retrieval.fusion import FusionWeights, fuse_scores, normalise, reciprocal_rank_fusion
from assistant.retrieval.retriever import (
    ClauseRetriever,
    HybridRetriever,
    QueryEmbedder,
    RetrievalConfig,
    RetrievalFilter,
    lexical_query,
    to_langchain_document,
)
from assistant.retrieval.translation import LexicalQuery, TermGroup, TranslationWeights, translate_query

__all__ = [
    "ClauseRetriever",
    "FusionWeights",
    "HybridRetriever",
    "LexicalQuery",
    "QueryEmbedder",
    "RetrievalConfig",
    "RetrievalFilter",
    "TermGroup",
    "TranslationWeights",
    "fuse_scores",
    "lexical_query",
    "normalise",
    "reciprocal_rank_fusion",
    "to_langchain_document",
    "translate_query",
]
