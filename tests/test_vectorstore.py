"""The LangChain VectorStore adapter over the index (the `assistant` fixture: either backend)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from langchain_core.documents import Document
from langchain_core.vectorstores import VectorStore

from assistant import Assistant
from assistant.embeddings import HashEmbeddings
from assistant.vectorstore import ClauseVectorStore, ReadOnlyIndexError

REPORT_CLAUSE = "eur-44a25-1/operative/secretary-general/7"
QUESTIONS = ["Who must report to Council?", "谁必须向理事会报告？", "human rights online and offline", "联合国大会"]


@pytest.fixture(scope="module")
def vs(assistant: Assistant) -> ClauseVectorStore:
    return ClauseVectorStore.from_assistant(assistant)


# ---- ClauseVectorStore ----------------------------------------------------------------------------------------


def test_it_is_a_langchain_vectorstore_with_the_assistants_embeddings(vs: ClauseVectorStore, assistant) -> None:
    assert isinstance(vs, VectorStore)
    assert vs.embeddings is assistant.embeddings


@pytest.mark.parametrize("question", QUESTIONS)
def test_search_matches_the_assistants_dense_retriever(vs: ClauseVectorStore, assistant, question: str) -> None:
    found = vs.similarity_search_with_score(question, k=5)
    ours = assistant.retrieve(question, k=5, mode="dense")
    assert [d.id for d, _ in found] == [h.chunk.id for h in ours]
    assert [s for _, s in found] == pytest.approx([h.dense_score for h in ours], abs=1e-5)
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


def test_documents_carry_the_verbatim_clause_and_its_record(vs: ClauseVectorStore, documents) -> None:
    doc = vs.similarity_search("谁必须向理事会报告？", k=1)[0]
    assert doc.id == REPORT_CLAUSE and doc.metadata["id"] == REPORT_CLAUSE
    meta = doc.metadata
    assert documents[meta["doc_id"]].text[meta["start"] : meta["end"]] == doc.page_content
    assert meta["label"] == "7" and meta["section"] == "责成秘书长" and meta["section_kind"] == "operative"
    assert "text" not in meta


def test_search_by_vector_equals_search_by_text(vs: ClauseVectorStore, assistant) -> None:
    vector = assistant.embeddings.embed_query("Who must report to Council?")
    assert [d.id for d in vs.similarity_search_by_vector(vector, k=4)] == [
        d.id for d in vs.similarity_search("Who must report to Council?", k=4)
    ]
    assert [d.id for d, _ in vs.similarity_search_with_score_by_vector(np.asarray(vector), k=2)] == [
        d.id for d in vs.similarity_search_by_vector(vector, k=2)
    ]


def test_relevance_scores_are_between_zero_and_one(vs: ClauseVectorStore) -> None:
    scored = vs.similarity_search_with_relevance_scores("Who must report to Council?", k=5)
    assert scored and all(0.0 <= s <= 1.0 for _, s in scored)


def test_metadata_filters(vs: ClauseVectorStore) -> None:
    hits = vs.similarity_search("human rights", k=5, filter={"doc_id": "eur-44a25-1"})
    assert hits and all(d.metadata["doc_id"] == "eur-44a25-1" for d in hits)
    hits = vs.similarity_search("Council", k=5, filter={"section_kind": ["operative", "preamble"]})
    assert hits and all(d.metadata["section_kind"] in ("operative", "preamble") for d in hits)
    hits = vs.similarity_search("Council", k=3, filter=lambda m: m["label"] == "7")
    assert hits and all(d.metadata["label"] == "7" for d in hits)
    assert vs.similarity_search("Council", k=3, filter={"doc_id": "no-such-doc"}) == []


def test_boilerplate_follows_the_setting(assistant) -> None:
    strict = ClauseVectorStore(assistant.store, assistant.embeddings, include_boilerplate=False)
    loose = ClauseVectorStore(assistant.store, assistant.embeddings, include_boilerplate=True)
    q = "UNIDO warranties disclaimer"
    assert not any(d.metadata["boilerplate"] for d in strict.similarity_search(q, k=20))
    assert any(d.metadata["boilerplate"] for d in loose.similarity_search(q, k=3))


def test_get_by_ids_keeps_order_and_skips_unknown(vs: ClauseVectorStore) -> None:
    docs = vs.get_by_ids([REPORT_CLAUSE, "nope", "eur-44a25-1/header"])
    assert [d.id for d in docs] == [REPORT_CLAUSE, "eur-44a25-1/header"]


def test_writes_are_refused_with_what_to_do_instead(vs: ClauseVectorStore) -> None:
    for call in (
        lambda: vs.add_texts(["new clause"]),
        lambda: vs.add_documents([Document(page_content="new clause")]),
        lambda: vs.delete([REPORT_CLAUSE]),
    ):
        with pytest.raises(ReadOnlyIndexError, match="assistant index") as err:
            call()
        assert isinstance(err.value, NotImplementedError)


def test_as_retriever_works_in_langchain(vs: ClauseVectorStore) -> None:
    retriever = vs.as_retriever(search_kwargs={"k": 2})
    docs = retriever.invoke("谁必须向理事会报告？")
    assert len(docs) == 2 and docs[0].id == REPORT_CLAUSE
    threshold = vs.as_retriever(
        search_type="similarity_score_threshold", search_kwargs={"score_threshold": 0.0, "k": 3}
    )
    assert threshold.invoke("Who must report to Council?")


def test_a_store_for_another_model_is_refused(assistant) -> None:
    with pytest.raises(ValueError, match="built with embedding model"):
        ClauseVectorStore(assistant.store, HashEmbeddings())


def test_from_texts_builds_a_searchable_index(tmp_path: Path) -> None:
    texts = ["The Council meets every year.", "秘书长每年向理事会报告。", "Dumplings are steamed."]
    vs = ClauseVectorStore.from_texts(
        texts, HashEmbeddings(), [{"doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "a"}], index_dir=tmp_path / "ix"
    )
    assert (tmp_path / "ix" / "CURRENT").is_file()
    top = vs.similarity_search("steamed dumplings", k=1)[0]
    assert top.page_content == texts[2] and top.metadata["doc_id"] == "a" and top.id == "text/2"
    assert vs.similarity_search("理事会报告", k=1)[0].metadata["lang"] == "zh"
    again = ClauseVectorStore.from_index_dir(tmp_path / "ix", HashEmbeddings())
    assert [d.id for d in again.similarity_search("Council", k=3)] == [
        d.id for d in vs.similarity_search("Council", k=3)
    ]


def test_from_documents_keeps_ids_and_owns_a_temp_index() -> None:
    docs = [Document(page_content="alpha beta", id="x1"), Document(page_content="gamma delta", id="x2")]
    vs = ClauseVectorStore.from_documents(docs, HashEmbeddings())
    assert vs.similarity_search("gamma", k=1)[0].id == "x2"
    assert Path(vs.store.path).is_dir()
    with pytest.raises(ValueError, match="unique"):
        ClauseVectorStore.from_texts(["a", "b"], HashEmbeddings(), ids=["same", "same"])


def test_get_by_ids_follows_documents_removed_and_added_in_place(tmp_path: Path) -> None:
    texts = ["The Council meets every year.", "秘书长每年向理事会报告。", "Dumplings are steamed."]
    vs = ClauseVectorStore.from_texts(texts, HashEmbeddings(), [{"doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "a"}])
    assert [d.id for d in vs.get_by_ids(["text/2", "text/1"])] == ["text/2", "text/1"]
    kept = [c for c in vs.store.chunks if c.doc_id == "a"]
    vs.store.delete_documents(["a"])
    assert [(d.id, d.page_content) for d in vs.get_by_ids(["text/0", "text/1", "text/2"])] == [("text/1", texts[1])]
    vs.store.add(kept, HashEmbeddings().embed_documents_array([c.index_text for c in kept]))
    assert [(d.id, d.page_content) for d in vs.get_by_ids(["text/2", "text/0"])] == [
        ("text/2", texts[2]),
        ("text/0", texts[0]),
    ]
