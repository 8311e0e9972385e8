"""The index folder's layout, manifest and errors (`assistant.index.manifest`)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from assistant.index.manifest import (
    FORMAT_VERSION,
    IVF_MIN_VECTORS,
    MANIFEST,
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
    file_entries,
    read_chunks,
    read_manifest,
)

MANIFEST_ = IndexManifest(
    model="m",
    dim=8,
    corpus_hash="h",
    chunker_version="3",
    index_type="flat",
    created="2026-01-01T00:00:00+00:00",
    counts={"chunks": 23, "documents": 2, "boilerplate": 1},
    files={"chunks.jsonl": {"bytes": 10, "sha256": "ab"}},
    requested_index_type="ivf",
    backend="milvus",
    collection="c",
)


def test_to_dict_from_dict_round_trips_through_json():
    data = json.loads(json.dumps(MANIFEST_.to_dict()))
    assert IndexManifest.from_dict(data) == MANIFEST_
    plain = dataclasses.replace(MANIFEST_, requested_index_type="", backend="local", collection="")
    assert IndexManifest.from_dict(plain.to_dict()) == plain


def test_from_dict_ignores_unknown_keys_and_defaults_missing_optional_ones():
    data = {k: v for k, v in MANIFEST_.to_dict().items() if k in ("model", "dim", "corpus_hash", "chunker_version")}
    manifest = IndexManifest.from_dict({**data, "index_type": "flat", "created": "", "counts": {}, "future": 1})
    assert (manifest.backend, manifest.format_version, manifest.files, manifest.lexical) == (
        "local",
        FORMAT_VERSION,
        {},
        "local-bm25",
    )


def test_notes_say_what_was_built_and_where():
    assert MANIFEST_.index_type_note() == f"flat (ivf requested; it needs {IVF_MIN_VECTORS} vectors to train, got 23)"
    assert dataclasses.replace(MANIFEST_, requested_index_type="hnsw").index_type_note() == "flat (hnsw requested)"
    assert MANIFEST_.backend_note() == "milvus collection c (BM25: local-bm25)"
    assert dataclasses.replace(MANIFEST_, backend="local").backend_note() == "local"


def test_check_manifest_lists_each_mismatch_and_skips_what_is_not_configured():
    assert check_manifest(MANIFEST_, model="m", corpus_hash="h", chunker_version="3") == []
    assert check_manifest(MANIFEST_, model=None, corpus_hash=None, chunker_version=None) == []
    reasons = check_manifest(MANIFEST_, model="other", corpus_hash="h2", chunker_version="4")
    assert reasons == [
        "built with embedding model 'm', configured 'other'",
        "the corpus changed since it was built",
        "built by chunker version 3, this is version 4",
    ]


def test_read_manifest_reads_what_was_written(tmp_path):
    (tmp_path / MANIFEST).write_text(json.dumps(MANIFEST_.to_dict()), encoding="utf-8")
    assert read_manifest(tmp_path) == MANIFEST_


def test_read_manifest_says_what_is_wrong(tmp_path):
    with pytest.raises(IndexCorruptError, match="manifest missing; the build is incomplete"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="unreadable manifest"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text(json.dumps({"model": "m"}), encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="unreadable manifest"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text(json.dumps({**MANIFEST_.to_dict(), "format_version": 0}), encoding="utf-8")
    with pytest.raises(IndexStaleError, match=f"index format 0, this version reads {FORMAT_VERSION}"):
        read_manifest(tmp_path)


def test_current_build_follows_the_pointer_and_refuses_garbage(tmp_path):
    assert current_build(tmp_path) is None
    (tmp_path / "CURRENT").write_text("20260101T000000Z\n", encoding="utf-8")
    assert current_build(tmp_path) == tmp_path / "builds" / "20260101T000000Z"
    for bad in (b"", b"../elsewhere", b".tmp-1", b"\xff\xfe"):
        (tmp_path / "CURRENT").write_bytes(bad)
        with pytest.raises(IndexCorruptError, match="CURRENT"):
            current_build(tmp_path)


def test_content_key_depends_only_on_the_text_the_model_embeds(chunks):
    chunk = chunks[0]
    assert content_key(chunk) == content_key(dataclasses.replace(chunk, id="elsewhere/1"))
    assert content_key(chunk) != content_key(dataclasses.replace(chunk, context=chunk.context + " more"))


def test_file_entries_list_every_file_but_the_manifest(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.npy").write_bytes(b"abc")
    (tmp_path / MANIFEST).write_text("{}", encoding="utf-8")
    entries = file_entries(tmp_path)
    assert list(entries) == ["sub/a.npy"]
    assert entries["sub/a.npy"] == {
        "bytes": 3,
        "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    }


def test_read_chunks_round_trips_and_names_the_bad_line(tmp_path, chunks):
    path = tmp_path / "chunks.jsonl"
    path.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunks[:3]), encoding="utf-8")
    assert read_chunks(path) == chunks[:3]
    with open(path, "a", encoding="utf-8") as f:
        f.write("{broken\n")
    with pytest.raises(IndexCorruptError, match="line 4 is not a chunk record"):
        read_chunks(path)


def test_a_held_build_lock_refuses_a_second_holder(tmp_path):
    second = "wait for it to finish, then run `assistant index`"
    with build_lock(tmp_path), pytest.raises(IndexLockedError, match=second), build_lock(tmp_path):
        pass
    with build_lock(tmp_path):  # released after the first one ends
        pass


def test_every_index_error_is_an_assistant_index_error_with_a_clear_message():
    for cls in (IndexMissingError, IndexStaleError, IndexCorruptError, IndexLockedError):
        assert issubclass(cls, AssistantIndexError) and not issubclass(cls, IndexError)
    err = IndexStaleError(["a", "b"])
    assert err.reasons == ["a", "b"] and str(err) == "index is stale: a; b. Run `assistant index` to rebuild it."
