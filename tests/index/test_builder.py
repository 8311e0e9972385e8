"""Building and publishing an index (`assistant.index.builder`): round trip, atomic publish, vector reuse, locking.

The rebuild policy is the same for both backends, so the tests of it take the `backend` under test
(`pytest --backend milvus` runs them on Milvus Lite; scripts/test.sh does); the rest are about FAISS.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from assistant.chunking import CHUNKER_VERSION
from assistant.index import IVF_MIN_VECTORS, IndexLockedError, build_lock, current_build, load_index, open_index
from assistant.index.loading import Expected
from assistant.index.local import IndexStore
from assistant.settings import MilvusSettings

from .fakes import DIM, CountingEmbedder
from .fakes import build as build_local


@pytest.fixture
def build(backend: str):
    """`fakes.build` on the backend under test (Milvus Lite in `<index_dir>/milvus.db`, where loading looks)."""

    def run(index_dir, chunks, embed=None, **kw):
        milvus = MilvusSettings(uri=str(index_dir / "milvus.db")) if backend == "milvus" else None
        return build_local(index_dir, chunks, embed, milvus=milvus, **kw)

    return run


def _changed(chunk, context: str):
    return dataclasses.replace(chunk, context=context)


def test_round_trip_keeps_chunks_and_finds_nearest(tmp_path, chunks, build):
    embed = CountingEmbedder()
    manifest = build(tmp_path, chunks, embed)
    assert manifest.counts["chunks"] == len(chunks) and embed.embedded == len(chunks)
    store = load_index(tmp_path, model="fake", corpus_hash="h1", chunker_version=CHUNKER_VERSION)
    assert store.chunks == chunks
    target = 7
    hits = store.search_dense(embed([chunks[target].index_text])[0], k=3)
    assert hits[0][0] == target and hits[0][1] == pytest.approx(1.0, abs=1e-5)


def test_the_manifest_counts_documents_and_boilerplate(tmp_path, chunks, build, backend):
    manifest = build(tmp_path, chunks)
    assert manifest.counts == {
        "chunks": len(chunks),
        "documents": len({c.doc_id for c in chunks}),
        "boilerplate": sum(c.boilerplate for c in chunks),
    }
    assert (manifest.backend, manifest.model, manifest.dim, manifest.corpus_hash) == (backend, "fake", DIM, "h1")
    assert load_index(tmp_path).manifest == manifest


def test_no_pickle_anywhere(tmp_path, chunks):
    build_local(tmp_path, chunks)
    folder = current_build(tmp_path)
    for path in folder.rglob("*.np[yz]"):
        np.load(path, allow_pickle=False)  # raises if anything needed pickle
    assert not list(folder.rglob("*.pkl")) and not list(folder.rglob("*.pickle"))


def test_interrupted_build_leaves_previous_index_intact(tmp_path, chunks, build):
    build(tmp_path, chunks)
    before = current_build(tmp_path)

    def explode(texts):
        raise KeyboardInterrupt

    changed = [_changed(c, c.context + " changed") for c in chunks]
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path, changed, explode)
    assert current_build(tmp_path) == before
    assert load_index(tmp_path).chunks == chunks
    assert not list((tmp_path / "builds").glob(".tmp-*"))


def test_unchanged_corpus_re_embeds_nothing(tmp_path, chunks, build):
    build(tmp_path, chunks)
    again = CountingEmbedder()
    manifest = build(tmp_path, chunks, again)
    assert again.embedded == 0 and manifest.reused_vectors == len(chunks)
    one_changed = list(chunks)
    one_changed[0] = _changed(one_changed[0], "new context")
    third = CountingEmbedder()
    build(tmp_path, one_changed, third)
    assert third.embedded == 1


def test_another_model_re_embeds_everything(tmp_path, chunks, build):
    build(tmp_path, chunks)
    other = CountingEmbedder()
    build(tmp_path, chunks, other, model="other")
    assert other.embedded == len(chunks)


def test_an_unreadable_previous_build_is_rebuilt_from_scratch_and_said_so(tmp_path, chunks, build):
    build(tmp_path, chunks)
    (current_build(tmp_path) / "vectors.npy").write_bytes(b"")
    notes: list[str] = []
    embed = CountingEmbedder()
    manifest = build(tmp_path, chunks, embed, progress=notes.append)
    assert embed.embedded == len(chunks) and manifest.reused_vectors == 0
    assert any("previous index is unreadable" in n and "rebuilding" in n for n in notes)
    assert load_index(tmp_path).chunks == chunks


def test_an_embedder_returning_the_wrong_shape_is_refused_and_publishes_nothing(tmp_path, chunks, build):
    def short(texts):
        return np.zeros((len(texts), DIM - 1), dtype=np.float32)

    with pytest.raises(ValueError, match=f"expected \\({len(chunks)}, {DIM}\\)"):
        build(tmp_path, chunks, short)
    assert current_build(tmp_path) is None


def test_old_builds_are_pruned_to_keep_builds(tmp_path, chunks, build):
    for i in range(3):
        build(tmp_path, chunks, corpus_hash=f"h{i}", keep_builds=2)
    folders = sorted(p.name for p in (tmp_path / "builds").iterdir())
    assert len(folders) == 2 and current_build(tmp_path).name == folders[-1]


def test_a_second_build_at_the_same_time_is_refused(tmp_path, chunks, build):
    with build_lock(tmp_path), pytest.raises(IndexLockedError, match="building the index"):
        build(tmp_path, chunks)


def test_manifest_records_the_index_type_actually_built(tmp_path, chunks):
    # Before: an ivf request on fewer than IVF_MIN_VECTORS chunks built a flat index but the manifest said "ivf".
    import faiss

    assert len(chunks) < IVF_MIN_VECTORS
    manifest = build_local(tmp_path, chunks, index_type="ivf")
    store = load_index(tmp_path)
    assert isinstance(store.dense, faiss.IndexFlatIP) and not isinstance(store.dense, faiss.IndexIVF)
    assert store.manifest == manifest
    assert (manifest.index_type, manifest.requested_index_type) == ("flat", "ivf")
    assert (
        manifest.index_type_note()
        == f"flat (ivf requested; it needs {IVF_MIN_VECTORS} vectors to train, got {len(chunks)})"
    )


def test_manifest_index_type_is_plain_when_built_as_requested(tmp_path, chunks):
    manifest = build_local(tmp_path, chunks, index_type="hnsw")
    assert (manifest.index_type, manifest.requested_index_type, manifest.index_type_note()) == ("hnsw", "", "hnsw")


def test_open_index_without_milvus_settings_gives_the_local_backend(tmp_path, chunks):
    build_local(tmp_path, chunks)
    store = open_index(tmp_path, Expected(model="fake"))
    assert isinstance(store, IndexStore) and store.chunks == chunks
