"""Sentence-level similarity of a question to multi-sentence chunks (small-to-big retrieval at query time).

A paragraph of a news article holds two or three sentences on different points; its one vector is
the mean of their meanings, so a question about one of them ("What were all parties asked to stop
doing?" for the second sentence of a paragraph that opens on human rights offline and online) sits
far from it, and an English question's nearest Chinese clauses (one point each) pass it. Scoring each
sentence of a candidate on its own and keeping the best finds the paragraph again. This is
LlamaIndex's sentence-window retrieval, but at query time over a bounded pool of candidates, so the
index format does not change: sentence vectors are made with the index's own embedder on first use
and kept per chunk text in a bounded cache.

Chinese clauses of the draft are one sentence each and are split only at 。；; (and ！？); English at a
full stop, question or exclamation mark followed by a space and a capital or an opening quote. A chunk
of one sentence has nothing to add to its paragraph vector and is not embedded again.

Example:
    >>> split_sentences("It urged all stakeholders. It also noted the divide.")
    ['It urged all stakeholders.', 'It also noted the divide.']
    >>> split_sentences("确保一致性；同时避免重复工作；")
    ['确保一致性；', '同时避免重复工作；']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from assistant.memo import BoundedCache

# A sentence ends at . ! ? before a space and an upper-case letter, a digit or an opening quote or bracket
# (not "21 March, 2004" or "e.g. the"), or at a Chinese full stop, semicolon, ! or ? (any script after it).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(])|(?<=[。；;！？])")

DocumentEmbedder = Callable[[list[str]], np.ndarray]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, trimmed, empty ones dropped; a text without inner sentence ends is one."""
    parts = [p.strip() for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p] or [text.strip()]


class SentenceScorer:
    """Best cosine between a question vector and the sentences of each chunk, for chunks of 2+ sentences.

    `embed` is the index's document embedder (unit rows); vectors are cached per chunk text, at most
    `limit` texts (the cache is emptied when full, see `BoundedCache`).

    Example:
        >>> from assistant.embeddings import HashEmbeddings
        >>> emb = HashEmbeddings()
        >>> scorer = SentenceScorer(emb.embed_documents_array)
        >>> q = emb.embed_query_array("It also noted the divide.")
        >>> round(scorer.best([ "It urged all stakeholders. It also noted the divide."], q)[0], 3)
        1.0
    """

    def __init__(self, embed: DocumentEmbedder, limit: int = 4096) -> None:
        self._embed = embed
        self._vectors: BoundedCache[str, np.ndarray | None] = BoundedCache(limit)

    def _make(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        split = [split_sentences(t) for t in texts]
        many = [s for s in split if len(s) > 1]
        flat = [sentence for s in many for sentence in s]
        vectors = self._embed(flat) if flat else np.zeros((0, 0), dtype=np.float32)
        out: list[np.ndarray | None] = []
        at = 0
        for s in split:
            if len(s) > 1:
                out.append(np.asarray(vectors[at : at + len(s)], dtype=np.float32))
                at += len(s)
            else:
                out.append(None)  # one sentence: its paragraph vector already says it
        return out

    def best(self, texts: Sequence[str], query: np.ndarray) -> list[float | None]:
        """Per text, the best inner product of `query` with one of its sentences; None for one-sentence texts."""
        if not texts:
            return []
        vectors = self._vectors.get_many(list(texts), self._make)
        return [None if v is None else float(np.max(v @ query)) for v in vectors]
