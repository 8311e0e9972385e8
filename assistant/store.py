"""Kept for code that imports `assistant.store`: the index now lives in `assistant.index`.

`assistant.index.local` holds the FAISS backend (`IndexStore`), `assistant.index.milvus` the Milvus one,
`assistant.index.builder` the build and loading (`write_index`, `load_index`), `assistant.index.manifest`
the folder layout, manifest and errors.
"""

from __future__ import annotations

from typing import Any

from assistant.index.builder import load_index, write_index
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
    "load_index",
    "read_manifest",
    "write_index",
]


def __getattr__(name: str) -> Any:
    # `IndexError_` was the old name: code importing it keeps catching the same errors, with a warning.
    if name == "IndexError_":
        import warnings

        warnings.warn(
            "assistant.store.IndexError_ is deprecated; use AssistantIndexError", DeprecationWarning, stacklevel=2
        )
        return AssistantIndexError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
