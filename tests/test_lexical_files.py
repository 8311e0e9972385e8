"""BM25 index files: their layout, and what a damaged or old-format lexical index means for a whole index."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from assistant.chunking import CHUNKER_VERSION
from assistant.lexical import tokenize
from assistant.lexical_files import (
    ARRAY_DTYPES,
    FORMAT,
    META_FILE,
    LexicalFormatError,
    LexicalIndexError,
    array_file,
    read_arrays,
    read_meta,
    write_files,
)
from assistant.store import current_build, load_index, write_index

DIM = 8


def _embed(texts: list[str]) -> np.ndarray:
    rows = np.random.default_rng(len(texts)).standard_normal((len(texts), DIM)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture
def index_dir(tmp_path: Path, chunks) -> Path:
    write_index(tmp_path, chunks, _embed, model="fake", dim=DIM, corpus_hash="h", chunker_version=CHUNKER_VERSION)
    return tmp_path


def _entry(path: Path) -> dict[str, object]:
    return {"bytes": path.stat().st_size, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def test_write_then_read_gives_the_same_arrays(tmp_path: Path) -> None:
    arrays = {name: np.arange(3, dtype=dtype) for name, dtype in ARRAY_DTYPES.items()}
    write_files(tmp_path, arrays, {"format": FORMAT})
    meta = json.loads((tmp_path / META_FILE).read_text(encoding="utf-8"))
    assert meta["arrays"]["weights"] == {"dtype": "<f4", "shape": [3]}
    back = read_arrays(tmp_path, meta, mmap=True)
    assert all(np.array_equal(back[n], arrays[n]) for n in ARRAY_DTYPES)
    assert not (tmp_path / (array_file("weights") + ".tmp")).exists()


def test_a_description_that_is_not_one_is_refused(tmp_path: Path) -> None:
    (tmp_path / META_FILE).write_text(json.dumps({"format": FORMAT, "version": 2}), encoding="utf-8")
    with pytest.raises(LexicalIndexError, match="not a BM25 index description"):
        read_meta(tmp_path)


def test_an_unknown_future_version_is_stale(tmp_path: Path) -> None:
    (tmp_path / META_FILE).write_text(json.dumps({"format": FORMAT, "version": 99}), encoding="utf-8")
    with pytest.raises(LexicalFormatError, match="version 99 \\(unknown\\)"):
        read_meta(tmp_path)


def test_the_index_keeps_its_bm25_as_npy_files(index_dir: Path) -> None:
    folder = current_build(index_dir)
    assert {p.name for p in (folder / "bm25").iterdir()} == {META_FILE, *(array_file(n) for n in ARRAY_DTYPES)}
    store = load_index(index_dir)
    assert isinstance(store.lexical.doc_ids, np.memmap)  # loaded without reading the postings
    assert store.lexical.search(tokenize("理事会 报告"), k=3)


# How an old-format or damaged lexical index makes a whole index stale or corrupt is tested with the
# index loading, in tests/index/test_loading.py.
