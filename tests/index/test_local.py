"""The local backend (`assistant.index.local`): FAISS kinds, filtered search, in-memory edits, damaged dense.faiss."""

from __future__ import annotations

import dataclasses

import faiss
import numpy as np
import pytest

from assistant.index import IVF_MIN_VECTORS, IndexBackend, IndexCorruptError, current_build, load_index
from assistant.index.local import IndexStore, build_faiss, built_index_type, write_dense

from .fakes import DIM, CountingEmbedder, build, republish


@pytest.fixture
def store(tmp_path, chunks) -> IndexStore:
    build(tmp_path, chunks)
    return load_index(tmp_path)


@pytest.mark.parametrize(("index_type", "built"), [("hnsw", "hnsw"), ("ivf", "flat")])
def test_approximate_index_types_search(tmp_path, chunks, index_type, built):
    embed = CountingEmbedder()
    build(tmp_path, chunks, embed, index_type=index_type)
    store = load_index(tmp_path)
    assert store.manifest.index_type == built
    hits = store.search_dense(embed([chunks[3].index_text])[0], k=2)
    assert hits[0][0] == 3


def test_filtered_dense_search_only_returns_allowed_rows(store, chunks):
    embed = CountingEmbedder()
    allowed = np.zeros(len(chunks), dtype=bool)
    allowed[[1, 2]] = True
    hits = store.search_dense(embed([chunks[5].index_text])[0], k=5, allowed=allowed)
    assert {row for row, _ in hits} == {1, 2}


def test_a_search_that_can_return_nothing_returns_an_empty_list(store, chunks):
    query = CountingEmbedder()([chunks[0].index_text])[0]
    assert store.search_dense(query, k=0) == []
    assert store.search_dense(query, k=3, allowed=np.zeros(len(chunks), dtype=bool)) == []


def test_ivf_is_built_once_there_are_enough_vectors():
    assert built_index_type("ivf", IVF_MIN_VECTORS - 1) == "flat"
    assert built_index_type("ivf", IVF_MIN_VECTORS) == "ivf"
    assert built_index_type("no-such-kind", 10) == "flat"
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((IVF_MIN_VECTORS, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert isinstance(build_faiss(vectors, "ivf"), faiss.IndexIVFFlat)


def test_write_dense_writes_a_readable_index_and_names_the_kind_built(tmp_path):
    vectors = CountingEmbedder()(["a", "b", "c"])
    assert write_dense(tmp_path, vectors, "ivf") == "flat"
    index = faiss.read_index(str(tmp_path / "dense.faiss"))
    assert index.ntotal == 3 and np.allclose(index.reconstruct_n(0, 3), vectors)


def test_the_store_is_an_index_backend_that_describes_itself(store, chunks):
    assert isinstance(store, IndexBackend)
    assert len(store) == store.count() == len(chunks)
    assert store.chunk_ids() == [c.id for c in chunks]
    assert store.describe() == {"backend": "local", "dense": "faiss flat", "lexical": "local-bm25"}


def test_vectors_gives_back_what_was_embedded(store, chunks):
    expected = CountingEmbedder()([c.index_text for c in chunks])
    assert np.allclose(store.vectors(), expected, atol=1e-6)


def test_add_and_delete_documents_change_the_loaded_index_in_memory(store, chunks):
    embed = CountingEmbedder()
    extra = dataclasses.replace(chunks[0], id="new-doc/1", doc_id="new-doc", context="an added passage")
    store.add([extra], embed([extra.index_text]))
    assert len(store) == len(chunks) + 1 and store.chunks[-1] == extra
    assert store.search_dense(embed([extra.index_text])[0], k=1)[0][0] == len(chunks)
    assert store.lexical.n_docs == len(chunks) + 1 and store.gloss is None
    assert store.delete_documents(["new-doc"]) == 1
    assert store.chunks == chunks and store.delete_documents(["no-such-doc"]) == 0


def test_add_refuses_vectors_that_do_not_match_the_chunks(store, chunks):
    with pytest.raises(ValueError, match="2 chunks need 2 vector rows"):
        store.add(chunks[:2], np.zeros((1, DIM), dtype=np.float32))


def test_a_dense_faiss_that_faiss_cannot_read_is_corrupt(tmp_path, chunks):
    build(tmp_path, chunks)
    folder = current_build(tmp_path)
    (folder / "dense.faiss").write_bytes(b"not a faiss index")
    republish(folder)
    with pytest.raises(IndexCorruptError, match=r"dense\.faiss: FAISS cannot read it"):
        load_index(tmp_path)


def test_a_dense_faiss_with_the_wrong_row_count_is_corrupt(tmp_path, chunks):
    build(tmp_path, chunks)
    folder = current_build(tmp_path)
    write_dense(folder, CountingEmbedder()(["only one"]), "flat")
    republish(folder)
    with pytest.raises(IndexCorruptError, match=f"1 vectors of dim {DIM} for {len(chunks)} chunks"):
        load_index(tmp_path)


@pytest.mark.parametrize("index_type", ["ivf", "hnsw"])
def test_a_filtered_search_on_an_approximate_index_scores_every_allowed_row_exactly(index_type):
    # IVF refused the plain selector parameters (RuntimeError), and HNSW under a narrow selector
    # returned fewer rows than asked: a question naming a document scores its clauses this way.
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((2 * IVF_MIN_VECTORS, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    dense = build_faiss(vectors, index_type)
    store = IndexStore(manifest=None, chunks=[None] * len(vectors), dense=dense, lexical=None, path=None)  # type: ignore[arg-type]
    allowed = np.zeros(len(vectors), dtype=bool)
    rows = rng.choice(len(vectors), size=20, replace=False)
    allowed[rows] = True
    hits = store.search_dense(vectors[0], k=20, allowed=allowed)
    assert sorted(r for r, _ in hits) == sorted(rows.tolist())
    want = {int(r): float(vectors[r] @ vectors[0]) for r in rows}
    assert all(abs(score - want[r]) < 1e-5 for r, score in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
