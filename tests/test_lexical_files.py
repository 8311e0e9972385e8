"""BM25 index files: their layout, and what a damaged or old-format lexical index means for a whole index."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from assistant.chunking import CHUNKER_VERSION
from assistant.lexical import BM25Index, tokenize
from assistant.lexical_files import (
    ARRAY_DTYPES,
    FORMAT,
    LEGACY_ARCHIVE,
    META_FILE,
    LexicalFormatError,
    LexicalIndexError,
    array_file,
    read_arrays,
    read_meta,
    write_files,
)
from assistant.store import IndexCorruptError, IndexStaleError, current_build, load_index, write_index

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


def _republish(folder: Path) -> None:
    """Rewrite the manifest's file list, as if the build had written the files as they now are."""
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "manifest.json"]
    manifest["files"] = {
        p.relative_to(folder).as_posix(): {
            "bytes": p.stat().st_size,
            "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
        }
        for p in files
    }
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


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


def test_an_index_with_a_format_1_lexical_archive_is_stale_with_the_reason(index_dir: Path) -> None:
    folder = current_build(index_dir)
    bm25 = folder / "bm25"
    old = BM25Index.load(bm25)
    for p in bm25.iterdir():
        p.unlink()
    np.savez(bm25 / LEGACY_ARCHIVE, indptr=old.indptr, doc_ids=old.doc_ids)
    meta = {"format": FORMAT, "version": 1, "tokenizer": old.tokenizer, "vocabulary": []}
    (bm25 / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    _republish(folder)
    with pytest.raises(IndexStaleError, match=r"format version 1 \(one bm25.npz archive\).*assistant index"):
        load_index(index_dir)


@pytest.mark.parametrize("name", ["doc_ids.npy", "weights.npy", META_FILE])
def test_a_half_written_lexical_file_means_rebuild_even_unchecked(index_dir: Path, name: str) -> None:
    # Even when the manifest agrees with the damaged file (or checksums are skipped),
    # loading names the file and what to run, never a traceback or wrong scores.
    path = current_build(index_dir) / "bm25" / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _republish(current_build(index_dir))
    with pytest.raises(IndexCorruptError, match=f"{name}.*Run `assistant index`"):
        load_index(index_dir, verify_checksums=False)
