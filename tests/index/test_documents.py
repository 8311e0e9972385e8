"""`DocumentChunks`: a document-restricted view of the index that follows it when documents come and go."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.embeddings import HashEmbeddings
from assistant.index import Expected, open_index
from assistant.index.documents import MAX_SELECTIONS, DocumentChunks
from assistant.settings import MilvusSettings
from tests.index.fakes import write_hash_index


def scan(chunks, doc_ids):
    """What the view replaces: a pass over every chunk."""
    return [c for c in chunks if c.doc_id in set(doc_ids)]


def test_a_selection_is_the_documents_chunks_in_index_order(chunks) -> None:
    view = DocumentChunks()
    docs = sorted({c.doc_id for c in chunks})
    for doc_ids in ([docs[0]], [docs[-1]], docs, [docs[-1], docs[0], docs[0]], ["no-such-doc"], [docs[0], "nope"]):
        assert list(view.select(chunks, doc_ids)) == scan(chunks, doc_ids), doc_ids


def test_no_restriction_is_the_index_itself(chunks) -> None:
    view = DocumentChunks()
    assert view.select(chunks, None) is chunks and view.select(chunks, ()) is chunks


def test_a_repeated_selection_is_served_from_the_cache_until_the_index_changes(chunks) -> None:
    view = DocumentChunks()
    doc = chunks[0].doc_id
    first = view.select(chunks, [doc])
    assert view.select(chunks, (doc,)) is first
    # `add`/`delete_documents` replace the list: a new generation, even with equal contents.
    assert view.select(list(chunks), [doc]) is not first


def test_many_distinct_selections_start_the_cache_over_and_stay_right(chunks) -> None:
    view = DocumentChunks()
    docs = sorted({c.doc_id for c in chunks})
    for i in range(MAX_SELECTIONS + 5):
        asked = [docs[i % len(docs)], f"missing-{i}"]
        assert list(view.select(chunks, asked)) == scan(chunks, asked)


@pytest.mark.parametrize("backend", ["local", "milvus"])
def test_removing_and_adding_a_document_is_seen_by_the_next_selection(tmp_path: Path, chunks, backend) -> None:
    milvus = MilvusSettings(uri=str(tmp_path / "ix" / "milvus.db")) if backend == "milvus" else None
    write_hash_index(tmp_path / "ix", chunks, corpus_hash="h", milvus=milvus)
    store = open_index(tmp_path / "ix", Expected(model="hash", backend=backend), milvus)
    view = DocumentChunks()
    doc = chunks[0].doc_id
    theirs = [c for c in chunks if c.doc_id == doc]
    assert list(view.select(store.chunks, [doc])) == theirs
    store.delete_documents([doc])
    assert list(view.select(store.chunks, [doc])) == []
    store.add(theirs, HashEmbeddings().embed_documents_array([c.index_text for c in theirs]))
    assert list(view.select(store.chunks, [doc])) == theirs
    assert list(view.select(store.chunks, [doc, "other"])) == scan(store.chunks, [doc, "other"])
