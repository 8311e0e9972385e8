"""BM25 index files: one `.npy` per array plus `bm25.json`, read back memory-mapped.

The layout follows bm25s (one array per file, JSON for the rest) so that loading
is an `mmap` of each array instead of unpacking one archive: at 10^5 chunks the
postings are ~10^8 entries, and only the pages a query touches are then read.
The precomputed BM25 weights are stored too, so loading computes nothing per
posting. `bm25.json` is written last and records every array's dtype and
shape: a save interrupted before it, or arrays from another save, fail the
shape check with "rebuild the index" instead of giving wrong scores.

This module knows the files, not BM25: `assistant.lexical.BM25Index` turns the
arrays into an index.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "ARRAY_DTYPES",
    "FORMAT",
    "FORMAT_VERSION",
    "LEGACY_ARCHIVE",
    "META_FILE",
    "LexicalFormatError",
    "LexicalIndexError",
    "array_file",
    "read_arrays",
    "read_meta",
    "write_files",
]

META_FILE = "bm25.json"
# What format 1 wrote: every array in one np.savez archive (no memory mapping).
LEGACY_ARCHIVE = "bm25.npz"
FORMAT = "assistant-bm25"
FORMAT_VERSION = 2
ARRAY_DTYPES: dict[str, type[np.generic]] = {
    "indptr": np.int64,  # len(vocabulary) + 1 offsets into the postings
    "doc_ids": np.int32,  # postings' document numbers, ascending within a term
    "term_freqs": np.int32,  # parallel to doc_ids
    "weights": np.float32,  # BM25 weight of each posting for the stored k1 and b
    "doc_lengths": np.int64,  # tokens per document
}


class LexicalIndexError(ValueError):
    """A stored BM25 index is missing, truncated, corrupt or from another tokenizer."""


class LexicalFormatError(LexicalIndexError):
    """A stored BM25 index is intact but in a format this code no longer reads: it is stale, not damaged."""


def array_file(name: str) -> str:
    """The file name of array `name` inside an index folder ("doc_ids" -> "doc_ids.npy")."""
    return f"{name}.npy"


def write_files(directory: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
    """Write each array to `<name>.npy`, then `bm25.json` (meta + array shapes), each by rename.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     write_files(Path(d), {"indptr": np.zeros(1, np.int64)}, {"format": FORMAT})
        ...     sorted(p.name for p in Path(d).iterdir())
        ['bm25.json', 'indptr.npy']
    """
    directory.mkdir(parents=True, exist_ok=True)
    shapes = {}
    for name, array in arrays.items():
        tmp = directory / (array_file(name) + ".tmp")
        with open(tmp, "wb") as fh:
            np.save(fh, np.ascontiguousarray(array), allow_pickle=False)
        os.replace(tmp, directory / array_file(name))
        shapes[name] = {"dtype": np.dtype(array.dtype).str, "shape": list(array.shape)}
    # A format-1 archive left beside new files would only confuse a reader of the folder.
    (directory / LEGACY_ARCHIVE).unlink(missing_ok=True)
    meta_tmp = directory / (META_FILE + ".tmp")
    meta_tmp.write_text(json.dumps({**meta, "arrays": shapes}, ensure_ascii=False), encoding="utf-8")
    os.replace(meta_tmp, directory / META_FILE)


def read_meta(directory: Path) -> dict[str, Any]:
    """`bm25.json`, checked for the fields `BM25Index` needs; `LexicalFormatError` for format 1."""
    path = directory / META_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexicalIndexError(f"BM25 index file {path} is missing; rebuild the index") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexicalIndexError(f"BM25 index file {path} cannot be read: {exc}; rebuild the index") from exc
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LexicalIndexError(f"BM25 index file {path} is truncated or corrupt: {exc}; rebuild the index") from exc
    if isinstance(meta, dict) and meta.get("format") == FORMAT and meta.get("version") != FORMAT_VERSION:
        raise LexicalFormatError(
            f"the BM25 index in {directory} has format version {meta.get('version')!r} "
            f"({'one ' + LEGACY_ARCHIVE + ' archive' if meta.get('version') == 1 else 'unknown'}), "
            f"this code reads version {FORMAT_VERSION} (one memory-mapped .npy per array); rebuild the index"
        )
    if not _meta_is_valid(meta):
        raise LexicalIndexError(f"BM25 index file {path} is not a BM25 index description; rebuild the index")
    return meta


def _meta_is_valid(meta: Any) -> bool:
    return (
        isinstance(meta, dict)
        and meta.get("format") == FORMAT
        and isinstance(meta.get("vocabulary"), list)
        and all(isinstance(t, str) for t in meta["vocabulary"])
        and isinstance(meta.get("k1"), (int, float))
        and isinstance(meta.get("b"), (int, float))
        and isinstance(meta.get("n_docs"), int)
        and isinstance(meta.get("n_postings"), int)
        and isinstance(meta.get("tokenizer"), str)
        and isinstance(meta.get("arrays"), dict)
    )


def read_arrays(directory: Path, meta: dict[str, Any], *, mmap: bool) -> dict[str, np.ndarray]:
    """Every array of `ARRAY_DTYPES`, memory-mapped read-only with `mmap`; errors name the file."""
    arrays = {}
    for name, dtype in ARRAY_DTYPES.items():
        path = directory / array_file(name)
        try:
            array = np.load(path, mmap_mode="r" if mmap else None, allow_pickle=False)
        except FileNotFoundError:
            raise LexicalIndexError(f"BM25 index file {path} is missing; rebuild the index") from None
        except (OSError, ValueError, EOFError) as exc:
            # np.load: ValueError for object arrays, bad headers and short files
            # ("mmap length is greater than file size"), OSError for unreadable ones.
            raise LexicalIndexError(
                f"BM25 index file {path} is truncated or corrupt ({type(exc).__name__}: {exc}); rebuild the index"
            ) from exc
        expected = meta["arrays"].get(name)
        if array.dtype != dtype or array.ndim != 1:
            raise LexicalIndexError(
                f"BM25 index file {path}: array {name} is {array.dtype}{array.shape}, "
                f"expected 1-d {np.dtype(dtype)}; rebuild the index"
            )
        if not isinstance(expected, dict) or list(array.shape) != expected.get("shape"):
            raise LexicalIndexError(
                f"BM25 index file {path} holds {array.shape[0]} values, {directory / META_FILE} expects "
                f"{expected.get('shape') if isinstance(expected, dict) else 'none'} (an interrupted save?); "
                "rebuild the index"
            )
        arrays[name] = array
    return arrays
