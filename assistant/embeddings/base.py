"""Shared batching, normalisation and loading for every embedding model of the assistant.

Each concrete model only says how to encode *one batch*; this base class turns
that into LangChain's `Embeddings` interface plus a numpy fast path that the
index builder and the retriever use directly (no list-of-floats round trip).

Example:
    >>> import numpy as np
    >>> class Ones(BatchedEmbeddings):
    ...     dimension = 2
    ...     model_name = "ones"
    ...     def _encode_documents(self, texts):
    ...         return np.ones((len(texts), 2))
    >>> vectors = Ones(batch_size=2).embed_documents_array(["a", "b", "c"])
    >>> vectors.shape, vectors.dtype, round(float(vectors[0, 0]), 4)
    ((3, 2), dtype('float32'), 0.7071)
"""

from __future__ import annotations

import copy
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

try:  # Self is typing-only; 3.11 has it, the fallback keeps older interpreters importable
    from typing import Self
except ImportError:  # pragma: no cover
    from typing import Self


class EmbeddingModelError(RuntimeError):
    """An embedding model cannot be loaded or used here (not installed, not cached, no GPU).

    The message names the model and says how to make it available, so the CLI
    and the UI can show it as is.
    """


def l2_normalize(vectors: np.ndarray) -> np.ndarray:
    """Return `vectors` (n x dim) as float32 rows of unit L2 norm.

    All-zero rows stay zero rather than becoming NaN, so one degenerate input
    cannot poison a whole index.

    Example:
        >>> l2_normalize(np.array([[3.0, 4.0], [0.0, 0.0]])).tolist()
        [[0.6000000238418579, 0.800000011920929], [0.0, 0.0]]
    """
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2:
        raise ValueError(f"expected a 2-D array of vectors, got shape {matrix.shape}")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    return np.ascontiguousarray(matrix / norms, dtype=np.float32)


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        # A bare string is a sequence of characters: embedding each one is never what the caller meant.
        raise TypeError("expected a list of strings, got a single str (use embed_query_array for one text)")
    items = list(texts)
    for i, text in enumerate(items):
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}] is {type(text).__name__}, expected str")
    return items


class BatchedEmbeddings(Embeddings, ABC):
    """LangChain `Embeddings` with batching, a progress bar, lazy loading and a numpy API.

    Subclasses implement `dimension`, `model_name`, `_encode_documents` (one batch)
    and optionally `_encode_queries` (when queries get a different prefix) and
    `_load` (to load weights once, on first use or on `load()`).

    Every vector returned is float32 and L2-normalised, whatever the backend does.
    """

    def __init__(self, *, batch_size: int = 32, show_progress: bool = False) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.batch_size = batch_size
        self.show_progress = show_progress
        self._loaded = False
        # The registry shares one instance between the UI and the API threads: load exactly once.
        self._load_lock = threading.Lock()

    # ---- what subclasses provide -------------------------------------------------

    @property
    @abstractmethod
    def dimension(self) -> int:
        """Length of every vector this model returns."""

    @property
    @abstractmethod
    def model_name(self) -> str:
        """Stable identifier recorded in the index manifest, e.g. "usem3"."""

    @abstractmethod
    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        """Encode one non-empty batch of documents; any float dtype, any norm."""

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        """Encode one non-empty batch of queries; same as documents unless overridden."""
        return self._encode_documents(texts)

    def _load(self) -> None:
        """Load weights; raise `EmbeddingModelError` when they are missing. Default: nothing to load."""

    # ---- loading -----------------------------------------------------------------

    def load(self) -> Self:
        """Load the model now instead of on first use; raises `EmbeddingModelError`. Returns self."""
        if not self._loaded:
            with self._load_lock:
                if not self._loaded:
                    self._load()
                    self._loaded = True
        return self

    @property
    def is_loaded(self) -> bool:
        """Whether the weights are in memory."""
        return self._loaded

    def with_options(self, *, batch_size: int | None = None, show_progress: bool | None = None) -> Self:
        """A shallow copy with other batching options that shares the loaded model (no second load).

        Example:
            >>> class Ones(BatchedEmbeddings):
            ...     dimension, model_name = 1, "ones"
            ...     def _encode_documents(self, texts):
            ...         return np.ones((len(texts), 1))
            >>> Ones().with_options(batch_size=4).batch_size
            4
        """
        self.load()
        clone = copy.copy(self)
        if batch_size is not None:
            if batch_size < 1:
                raise ValueError(f"batch_size must be at least 1, got {batch_size}")
            clone.batch_size = batch_size
        if show_progress is not None:
            clone.show_progress = show_progress
        return clone

    # ---- numpy fast path -----------------------------------------------------------

    def embed_documents_array(self, texts: Sequence[str]) -> np.ndarray:
        """Embed documents into an (n, dimension) float32 array of unit rows; (0, dimension) for no texts."""
        return self._embed(_check_texts(texts), self._encode_documents)

    def embed_queries_array(self, texts: Sequence[str]) -> np.ndarray:
        """Embed several queries at once (evaluation); (n, dimension) float32, unit rows."""
        return self._embed(_check_texts(texts), self._encode_queries)

    def embed_query_array(self, text: str) -> np.ndarray:
        """Embed one query into a (dimension,) float32 unit vector."""
        if not isinstance(text, str):
            raise TypeError(f"text is {type(text).__name__}, expected str")
        return self._embed([text], self._encode_queries)[0]

    # ---- LangChain interface -------------------------------------------------------

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain: embed documents as lists of floats (see `embed_documents_array` for numpy)."""
        return self.embed_documents_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain: embed one query as a list of floats (see `embed_query_array` for numpy)."""
        return self.embed_query_array(text).tolist()

    # ---- internals -----------------------------------------------------------------

    def _embed(self, texts: list[str], encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        self.load()
        dim = self.dimension
        if not texts:
            return np.empty((0, dim), dtype=np.float32)
        starts = range(0, len(texts), self.batch_size)
        bar = self._progress_bar(len(texts)) if self.show_progress and len(starts) > 1 else None
        out = np.empty((len(texts), dim), dtype=np.float32)
        try:
            for start in starts:
                batch = texts[start : start + self.batch_size]
                vectors = np.asarray(encode(batch))
                if vectors.shape != (len(batch), dim):
                    raise EmbeddingModelError(
                        f"{self.model_name} returned shape {vectors.shape} for {len(batch)} texts, "
                        f"expected ({len(batch)}, {dim})"
                    )
                out[start : start + len(batch)] = vectors
                if bar is not None:
                    bar.update(len(batch))
        finally:
            if bar is not None:
                bar.close()
        if not np.isfinite(out).all():
            # NaNs would silently corrupt every similarity computed against the index.
            raise EmbeddingModelError(f"{self.model_name} returned non-finite values")
        return l2_normalize(out)

    def _progress_bar(self, total: int) -> Any:
        from tqdm import tqdm

        return tqdm(total=total, desc=f"Embedding ({self.model_name})", unit="text")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model_name={self.model_name!r}, batch_size={self.batch_size})"
