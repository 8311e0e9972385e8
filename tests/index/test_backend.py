"""Both backends behind `IndexBackend`: the same rows, scores and filters from local FAISS and Milvus Lite."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.chunking import CHUNKER_VERSION
from assistant.embeddings import HashEmbeddings
from assistant.index import ChunkFilter, Expected, IndexBackend, filter_mask, open_index, write_index
from assistant.lexical import tokenize
from assistant.settings import MilvusSettings
from tests.index.fakes import write_hash_index

BACKENDS = ["local", "milvus"]


def _milvus(index_dir: Path, backend: str) -> MilvusSettings | None:
    return MilvusSettings(uri=str(index_dir / "milvus.db")) if backend == "milvus" else None


def build(index_dir: Path, chunks, backend: str, **kwargs) -> IndexBackend:
    write_hash_index(index_dir, chunks, corpus_hash="h", milvus=_milvus(index_dir, backend), **kwargs)
    return open_index(index_dir, Expected(model="hash", backend=backend), _milvus(index_dir, backend))


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory, chunks) -> dict[str, IndexBackend]:
    return {b: build(tmp_path_factory.mktemp(b), chunks, b) for b in BACKENDS}


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_backend_implements_the_protocol(indexes, backend: str, chunks) -> None:
    store = indexes[backend]
    assert isinstance(store, IndexBackend)
    assert store.count() == len(store) == len(chunks)
    assert store.describe()["backend"] == backend
    assert store.manifest.backend == backend and store.manifest.lexical == "local-bm25"


FILTERS = [
    ChunkFilter(include_boilerplate=True),
    ChunkFilter(),  # the default leaves boilerplate out
    ChunkFilter(doc_ids=("eur-44a25-1",), include_boilerplate=True),
    ChunkFilter(languages=("en",), include_boilerplate=False),
    ChunkFilter(section_kinds=("operative", "preamble"), include_boilerplate=True),
    ChunkFilter(doc_ids=("no-such-doc",), include_boilerplate=True),
]


def test_one_filter_serves_every_layer(chunks) -> None:
    from assistant.retrieval import RetrievalFilter

    assert RetrievalFilter is ChunkFilter
    assert ChunkFilter(include_boilerplate=True).allows_all() and not ChunkFilter().allows_all()
    mask = filter_mask(ChunkFilter(), chunks)
    # The default leaves boilerplate out, as retrieval always did; nothing else.
    assert mask is not None and [not m for m in mask] == [c.boilerplate for c in chunks]


@pytest.mark.parametrize("flt", FILTERS, ids=str)
def test_milvus_dense_search_equals_faiss_with_filters_run_inside_milvus(indexes, chunks, flt) -> None:
    emb = HashEmbeddings()
    for text in ("Who must report to Council?", "联合国大会", chunks[7].index_text):
        q = emb.embed_query_array(text)
        mask = filter_mask(flt, chunks)
        ours = indexes["local"].search_dense(q, 6, mask, flt)
        # Milvus gets the filter only (no mask): the expression alone must select the same rows.
        theirs = indexes["milvus"].search_dense(q, 6, None, flt)
        assert [s for _, s in theirs] == pytest.approx([s for _, s in ours], abs=1e-4)
        # Rows with equal scores (hash vectors of unrelated texts score 0) may come in either order.
        assert [r for r, s in theirs if s > 1e-4] == [r for r, s in ours if s > 1e-4], (text, flt)
        assert all(mask is None or mask[r] for r, _ in theirs)


def test_a_mask_without_its_filter_is_honoured_by_milvus(indexes, chunks) -> None:
    q = HashEmbeddings().embed_query_array("human rights")
    only = np.zeros(len(chunks), dtype=bool)
    only[[3, 7]] = True
    assert sorted(r for r, _ in indexes["milvus"].search_dense(q, 5, only)) == [3, 7]
    assert indexes["milvus"].search_dense(q, 5, np.zeros(len(chunks), dtype=bool)) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_add_and_delete_documents_change_the_loaded_index(tmp_path: Path, chunks, backend: str) -> None:
    store = build(tmp_path / "ix", chunks, backend)
    doc = chunks[0].doc_id
    theirs = [c for c in chunks if c.doc_id == doc]
    before = store.chunks
    removed = store.delete_documents([doc])
    assert removed == len(theirs) and store.count() == len(chunks) - removed
    # Replaced, never edited: caches derived from the index key on the list (index/generation.py).
    assert store.chunks is not before and before == chunks
    assert all(c.doc_id != doc for c in store.chunks)
    emb = HashEmbeddings()
    before = store.chunks
    store.add(theirs, emb.embed_documents_array([c.index_text for c in theirs]))
    assert store.count() == len(chunks) and store.chunks is not before and len(before) == len(chunks) - removed
    top = store.search_dense(emb.embed_query_array(theirs[2].index_text), 1)[0][0]
    assert store.chunks[top].id == theirs[2].id
    best = store.search_lexical(store.lexical.scores(tokenize(theirs[2].index_text)), 1)
    assert store.chunks[best[0][0]].id == theirs[2].id
