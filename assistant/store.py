"""Kept for code that imports `assistant.store`: the index now lives in `assistant.index`.

`assistant.index.local` holds the FAISS backend (`IndexStore`), `assistant.index.milvus` the Milvus one,
`assistant.index.builder` the build and loading (`write_index`, `load_index`), `assistant.index.manifest`
the folder layout, manifest and errors.
"""

from __future__ import annotations

from typing import Any

from assistant.index import *  # noqa: F403  (the names this module always had, now defined there)
from assistant.index import AssistantIndexError, __all__  # noqa: F401


def __getattr__(name: str) -> Any:
    # `IndexError_` was the old name: code importing it keeps catching the same errors, with a warning.
    if name == "IndexError_":
        import warnings

        warnings.warn(
            "assistant.store.IndexError_ is deprecated; use AssistantIndexError", DeprecationWarning, stacklevel=2
        )
        return AssistantIndexError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
