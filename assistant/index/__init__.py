"""The index: one backend protocol, a local (FAISS + BM25) and a Milvus implementation, and the builder.

Example:
    >>> from assistant.index import IndexBackend, open_index, write_index   # doctest: +SKIP
"""

from assistant.index.backend import ChunkFilter, FilterSpec, IndexBackend, filter_allows, filter_mask
from assistant.index.builder import load_index, open_index, write_index
from assistant.index.loading import Expected
from assistant.index.local import IndexStore, build_faiss, built_index_type
from assistant.index.manifest import (
    FORMAT_VERSION,
    IVF_MIN_VECTORS,
    AssistantIndexError,
    IndexCorruptError,
    IndexLockedError,
    IndexManifest,
    IndexMissingError,
    IndexStaleError,
    build_lock,
    check_manifest,
    content_key,
    current_build,
    read_manifest,
)

__all__ = [
    "FORMAT_VERSION",
    "IVF_MIN_VECTORS",
    "AssistantIndexError",
    "ChunkFilter",
    "Expected",
    "FilterSpec",
    "IndexBackend",
    "IndexCorruptError",
    "IndexLockedError",
    "IndexManifest",
    "IndexMissingError",
    "IndexStaleError",
    "IndexStore",
    "build_faiss",
    "build_lock",
    "built_index_type",
    "check_manifest",
    "content_key",
    "current_build",
    "filter_allows",
    "filter_mask",
    "load_index",
    "open_index",
    "read_manifest",
    "write_index",
]
