"""Reading a build (`assistant.index.loading`): missing, stale and corrupt indexes each say why and what to run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.index import IndexCorruptError, IndexMissingError, IndexStaleError, current_build, load_index
from assistant.index.loading import Expected, guarded, live_manifest, read_build
from assistant.lexical import BM25Index
from assistant.lexical_files import FORMAT, LEGACY_ARCHIVE, META_FILE

from .fakes import build, republish


@pytest.fixture
def index_dir(tmp_path: Path, chunks) -> Path:
    build(tmp_path, chunks)
    return tmp_path


def test_missing_index_says_what_to_run(tmp_path):
    with pytest.raises(IndexMissingError, match="assistant index"):
        load_index(tmp_path)


def test_stale_index_names_every_reason(index_dir):
    with pytest.raises(IndexStaleError) as err:
        load_index(index_dir, model="other-model", corpus_hash="h2", chunker_version="0")
    message = str(err.value)
    assert "other-model" in message and "corpus changed" in message and "chunker version" in message
    assert "assistant index" in message
    assert len(err.value.reasons) == 3


def test_a_build_for_another_backend_is_stale(index_dir):
    with pytest.raises(IndexStaleError, match="built for the local backend, configured milvus") as err:
        live_manifest(index_dir, Expected(backend="milvus"))
    assert "--backend local" in str(err.value) and "ASSISTANT_BACKEND=local" in str(err.value)  # the way back
    folder, manifest = live_manifest(index_dir, Expected(model="fake", backend="local"))
    assert folder == current_build(index_dir) and manifest.backend == "local"


def test_a_build_without_the_configured_gloss_field_is_stale(index_dir):
    with pytest.raises(IndexStaleError, match="without the dictionary gloss field, configured 'gloss-x'"):
        load_index(index_dir, gloss_tokenizer="gloss-x")


def test_read_build_gives_the_backend_independent_files(index_dir, chunks):
    files = read_build(index_dir, Expected(model="fake"))
    assert files.folder == current_build(index_dir) and files.chunks == chunks
    assert len(files.lexical.doc_lengths) == len(chunks) and files.gloss is None


def test_a_current_pointer_naming_a_missing_build_is_corrupt(index_dir):
    (index_dir / "CURRENT").write_text("20000101T000000000000Z\n", encoding="utf-8")
    with pytest.raises(IndexCorruptError, match=r"is missing\. Run `assistant index`"):
        load_index(index_dir)


def test_a_file_listed_in_the_manifest_but_gone_is_corrupt(index_dir):
    (current_build(index_dir) / "vectors.npy").unlink()
    with pytest.raises(IndexCorruptError, match=r"vectors\.npy: missing index file"):
        load_index(index_dir)


@pytest.mark.parametrize("name", ["dense.faiss", "chunks.jsonl", "vectors.npy", "bm25"])
def test_truncated_files_give_a_clear_error_naming_the_file(index_dir, name):
    target = current_build(index_dir) / name
    if target.is_dir():
        target = sorted(p for p in target.iterdir() if p.is_file())[0]
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError, match=target.name):
        load_index(index_dir)


def test_corrupt_bytes_of_same_size_are_caught_by_checksum(index_dir):
    target = current_build(index_dir) / "dense.faiss"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="checksum"):
        load_index(index_dir)


def test_an_index_with_a_format_1_lexical_archive_is_stale_with_the_reason(index_dir):
    # What the previous version wrote: one bm25.npz archive plus a version-1 description. Intact, so stale, not corrupt.
    folder = current_build(index_dir)
    bm25 = folder / "bm25"
    old = BM25Index.load(bm25)
    for p in bm25.iterdir():
        p.unlink()
    np.savez(bm25 / LEGACY_ARCHIVE, indptr=old.indptr, doc_ids=old.doc_ids)
    meta = {"format": FORMAT, "version": 1, "tokenizer": old.tokenizer, "vocabulary": []}
    (bm25 / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    republish(folder)
    with pytest.raises(IndexStaleError, match=r"format version 1 \(one bm25.npz archive\).*assistant index") as err:
        load_index(index_dir)
    assert not any(r.endswith("rebuild the index") for r in err.value.reasons)


@pytest.mark.parametrize("name", ["doc_ids.npy", "weights.npy", META_FILE])
def test_a_half_written_lexical_file_means_rebuild_even_unchecked(index_dir, name):
    # Even when the manifest agrees with the damaged file (or checksums are skipped),
    # loading names the file and what to run, never a traceback or wrong scores.
    path = current_build(index_dir) / "bm25" / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    republish(current_build(index_dir))
    with pytest.raises(IndexCorruptError, match=f"{name}.*Run `assistant index`"):
        load_index(index_dir, verify_checksums=False)


def test_guarded_turns_unexpected_failures_into_corrupt_errors_and_passes_index_errors_through(tmp_path):
    def broken():
        raise KeyError("row")

    with pytest.raises(IndexCorruptError, match=r"cannot be read \(KeyError: 'row'\)\. Run `assistant index`"):
        guarded(tmp_path, broken)

    def stale():
        raise IndexStaleError(["because"])

    with pytest.raises(IndexStaleError, match="because"):
        guarded(tmp_path, stale)
    assert guarded(tmp_path, lambda: 42) == 42


def test_read_build_reads_the_build_already_checked_even_after_a_newer_one_is_published(index_dir, chunks):
    first = live_manifest(index_dir, Expected())
    build(index_dir, chunks[:2], corpus_hash="h2")  # published meanwhile; the first build is kept (keep_builds=2)
    assert current_build(index_dir) != first[0]
    files = read_build(index_dir, Expected(), first)
    assert files.folder == first[0] and len(files.chunks) == len(chunks)
    assert len(read_build(index_dir, Expected()).chunks) == 2  # without it: whatever CURRENT names now
