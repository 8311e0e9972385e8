"""The public API, end to end on the bundled corpus with the default offline model."""

import threading
from dataclasses import replace

import pytest

from assistant import (
    Answer,
    EmptyQuestionError,
    InvalidQuestionError,
    QuestionTooLongError,
    UnsupportedQuestionLanguageError,
)
from assistant.questions import UnknownDocumentError
from assistant.schema import Turn

REPORT_CLAUSE = "eur-44a25-1/operative/secretary-general/7"


def assert_quotes_are_verbatim(answer: Answer, documents) -> None:
    for c in answer.citations:
        assert documents[c.doc_id].text[c.start : c.end] == c.quote


def test_english_example_names_the_secretary_general_and_cites_clause_7(assistant, documents):
    answer = assistant.ask("Who must report to Council?")
    assert not answer.abstained and answer.language == "en"
    assert answer.text.startswith("The Secretary-General (秘书长)")
    top = answer.citations[0]
    assert top.chunk_id == REPORT_CLAUSE
    assert top.label == "7" and top.section == "责成秘书长" and top.section_other == "instructs the Secretary-General"
    assert top.doc_number == "EUR/44A25/1"
    assert top.quote.startswith("每年向理事会报告")
    assert "[1]" in answer.text
    assert_quotes_are_verbatim(answer, documents)


def test_chinese_example_answers_in_chinese(assistant, documents):
    answer = assistant.ask("谁必须向理事会报告？")
    assert answer.language == "zh" and not answer.abstained
    assert answer.text.startswith("秘书长")
    assert answer.citations[0].chunk_id == REPORT_CLAUSE
    assert_quotes_are_verbatim(answer, documents)


def test_a_question_in_traditional_characters_is_answered_in_them_with_verbatim_quotes(assistant, documents):
    answer = assistant.ask("誰必須向理事會報告？")
    assert answer.language == "zh" and not answer.abstained
    assert answer.question == "誰必須向理事會報告?"  # as asked (NFKC), not its simplified reading
    assert answer.text.startswith("秘書長") and "依據" in answer.text
    top = answer.citations[0]
    assert top.chunk_id == REPORT_CLAUSE and top.section == "责成秘书长"  # citations as the source writes them
    assert f"「{top.quote}」" in answer.text  # the quote in the text is the source's simplified wording
    assert_quotes_are_verbatim(answer, documents)


def test_an_answer_is_tagged_with_the_script_and_region_of_its_wording(assistant, documents):
    assert assistant.ask("谁必须向理事会报告？").lang_tag == "zh-Hans"
    assert assistant.ask("Who must report to Council?").lang_tag == "en"
    assert assistant.ask("誰必須向理事會報告？").lang_tag == "zh-Hant-TW"
    hong_kong = assistant.ask("決議草案説誰必須向理事會報告？")  # 説: Hong Kong's form
    assert hong_kong.lang_tag == "zh-Hant-HK" and hong_kong.text.startswith("秘書長")
    assert_quotes_are_verbatim(hong_kong, documents)


def test_a_traditional_question_retrieves_what_its_simplified_form_does(assistant):
    traditional = [h.chunk.id for h in assistant.retrieve("決議草案的標題是什麼？", 5)]
    assert traditional == [h.chunk.id for h in assistant.retrieve("决议草案的标题是什么？", 5)]


def test_a_mixed_question_retrieves_and_is_worded_as_its_simplified_form(assistant):
    # 標題 among simplified characters was read unconverted, so the header lost to other clauses.
    mixed = [h.chunk.id for h in assistant.retrieve("决议草案的標題是什么？", 5)]
    assert mixed == [h.chunk.id for h in assistant.retrieve("决议草案的标题是什么？", 5)]
    assert assistant.ask("谁必须向理事會报告？").text.startswith("秘书长（")  # mostly simplified: so worded


def test_a_taiwan_word_retrieves_the_clause_of_its_mainland_word(assistant):
    for question in ("數位落差", "数字鸿沟"):  # Taiwan's 'digital divide', read as the draft's
        assert assistant.retrieve(question, 1, mode="bm25")[0].chunk.id == "eur-44a25-1/preamble/recalling/c"


def test_a_follow_up_without_a_script_of_its_own_is_worded_as_the_conversation(assistant):
    from assistant.script import traditional_wording

    answers = {}
    for first in ("誰必須向理事會報告？", "谁必须向理事会报告？"):
        earlier = assistant.ask(first)
        answers[first] = assistant.ask("其他呢？", history=[Turn(first, earlier)])
    simplified, traditional = answers["谁必须向理事会报告？"], answers["誰必須向理事會報告？"]
    assert [c.chunk_id for c in traditional.citations] == [c.chunk_id for c in simplified.citations]
    assert traditional.text == traditional_wording(simplified.text) != simplified.text


def test_a_second_follow_up_without_a_script_is_still_worded_as_the_conversation(assistant):
    first = "誰必須向理事會報告？"
    history = [Turn(first, assistant.ask(first))]
    history.append(Turn("其他呢？", assistant.ask("其他呢？", history=history)))
    again = assistant.ask("其他呢？", history=history)
    assert (history[1].answer.lang_tag, again.lang_tag) == ("zh-Hant-TW", "zh-Hant-TW")
    assert again.text.startswith("依據")


def test_a_simplified_question_is_still_answered_in_simplified_characters(assistant):
    assert assistant.ask("谁必须向理事会报告？").text.startswith("秘书长（")


def test_english_question_about_the_english_article(assistant, documents):
    answer = assistant.ask("How many member states supported the General Assembly resolution on AI?")
    assert not answer.abstained
    c = answer.citations[0]
    assert c.doc_id == "unido-unga-ai-resolution"
    assert "more than 120 member states" in c.quote
    assert "120" in answer.text
    assert_quotes_are_verbatim(answer, documents)


def test_chinese_question_answered_from_the_english_article(assistant, documents):
    answer = assistant.ask("联合国大会的决议强调线上和线下都必须保护什么？")
    assert answer.language == "zh" and not answer.abstained
    c = answer.citations[0]
    assert c.doc_id == "unido-unga-ai-resolution" and c.lang == "en"
    assert "human rights" in c.quote  # the quote stays in the source language
    assert_quotes_are_verbatim(answer, documents)


@pytest.mark.parametrize(
    "question", ["What is the best recipe for dumplings?", "Who won the 2022 World Cup?", "明天北京的天气怎么样？"]
)
def test_out_of_corpus_questions_abstain_in_the_question_language(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and answer.citations == []
    expected = "语料中没有" if answer.language == "zh" else "The corpus does not say"
    assert answer.text.startswith(expected)


@pytest.mark.parametrize(
    ("question", "error"),
    [
        ("", EmptyQuestionError),
        ("   \n\t", EmptyQuestionError),
        ("x" * 2001, QuestionTooLongError),
        ("\x00\x01\x02binary\xff", InvalidQuestionError),
        (b"bytes?", InvalidQuestionError),
        ("?!…", InvalidQuestionError),
        ("Кто должен отчитываться перед Советом?", UnsupportedQuestionLanguageError),
    ],
)
def test_bad_questions_raise_typed_errors(assistant, question, error):
    with pytest.raises(error):
        assistant.ask(question)


def test_retrieve_reports_scores_and_retrievers(assistant):
    hits = assistant.retrieve("Who must report to Council?", k=5)
    assert len(hits) == 5
    assert hits[0].chunk.id == REPORT_CLAUSE
    assert set(hits[0].found_by) == {"dense", "bm25"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_retrieve_filters(assistant):
    hits = assistant.retrieve("human rights", k=5, doc_ids=["eur-44a25-1"])
    assert hits and all(h.chunk.doc_id == "eur-44a25-1" for h in hits)
    hits = assistant.retrieve("UNIDO warranties disclaimer", k=20)
    assert not any(h.chunk.boilerplate for h in hits)
    hits = assistant.retrieve("UNIDO warranties disclaimer", k=3, include_boilerplate=True)
    assert any(h.chunk.boilerplate for h in hits)
    hits = assistant.retrieve("Council", k=10, section_kinds=["operative"])
    assert all(h.chunk.section_kind == "operative" for h in hits)


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_each_retriever_mode_works(assistant, mode):
    hits = assistant.retrieve("谁必须向理事会报告？", k=3, mode=mode)
    assert hits and all(h.found_by for h in hits)


def test_ask_is_safe_from_several_threads(assistant):
    questions = ["Who must report to Council?", "谁必须向理事会报告？"] * 4
    results: dict[int, str] = {}

    def run(i: int, q: str) -> None:
        results[i] = assistant.ask(q).citations[0].chunk_id

    threads = [threading.Thread(target=run, args=(i, q)) for i, q in enumerate(questions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(results.values()) == {REPORT_CLAUSE} and len(results) == len(questions)


def test_answer_has_timings_and_serialises(assistant):
    import json

    answer = assistant.ask("Who must report to Council?")
    assert set(answer.timings) == {"retrieve", "answer", "total"}
    assert json.loads(json.dumps(answer.to_dict(), ensure_ascii=False))["citations"][0]["label"] == "7"


def test_lcel_runnable_composes(assistant):
    chain = assistant.as_runnable()
    answer = chain.invoke("谁必须向理事会报告？")
    assert answer.citations[0].chunk_id == REPORT_CLAUSE
    batch = chain.batch([{"question": "Who must report to Council?", "k": 3}, "What is the capital of France?"])
    assert not batch[0].abstained and batch[1].abstained


def test_missing_index_says_what_to_run(tmp_path):
    from assistant import Assistant, Settings
    from assistant.store import IndexMissingError

    with pytest.raises(IndexMissingError, match="assistant index"):
        Assistant(Settings.from_env(index_dir=tmp_path)).ask("Who must report to Council?")


@pytest.mark.parametrize(
    "question", ["What does the draft say about AI budgets?", "这份决议草案对人工智能的经费有什么规定？"]
)
def test_header_never_answers_a_question_about_content(assistant, question):
    answer = assistant.ask(question)
    assert all(not c.chunk_id.endswith(("/header", "/title", "/dateline")) for c in answer.citations)


def test_header_answers_a_question_about_the_document(assistant):
    answer = assistant.ask("Where was the Plenipotentiary Conference of this draft held?")
    assert not answer.abstained
    assert any(c.chunk_id == "eur-44a25-1/header" for c in answer.citations)


# ---- documents added to or removed from the loaded index in place (`store.add` / `store.delete_documents`) ----
EUR, UNIDO = "eur-44a25-1", "unido-unga-ai-resolution"
SDG_QUESTION, SDG_CLAUSE = "How many SDGs does the news item mention?", f"{UNIDO}/body/3"


@pytest.fixture(params=["local", "milvus"])
def warm(request, tmp_path):
    """An assistant (hash embeddings) over a copy of the bundled corpus, both backends, its caches warmed by
    asks and filtered retrievals: what a change in place must not leave behind."""
    import shutil

    from assistant import Assistant
    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    a = Assistant(hash_settings(tmp_path, request.param), build=True, progress=lambda _m: None)
    yield a
    a.store.close()


def hash_settings(tmp_path, backend: str, **changes):
    """Settings for a corpus copy in `tmp_path/corpus` indexed into `tmp_path/index` with hash embeddings."""
    from assistant import Settings

    return Settings.from_env(
        corpus_dir=tmp_path / "corpus",
        index_dir=tmp_path / "index",
        embedding_model="hash",
        backend=backend,
        show_progress=False,
        **changes,
    )


def warm_up(a) -> None:
    indexed = {c.doc_id for c in a.store.chunks}
    # A document filter naming a document the index no longer has is an error for `ask` (retrieve finds nothing).
    for doc_ids in [d for d in ((), (EUR,), (UNIDO,)) if set(d) <= indexed]:
        a.ask(SDG_QUESTION, doc_ids=doc_ids)
        a.ask("Who must report to Council?", doc_ids=doc_ids)
    for flt in ({}, {"doc_ids": [EUR]}, {"doc_ids": [UNIDO]}, {"languages": ["zh"]}, {"languages": ["en"]}):
        for mode in ("hybrid", "dense", "bm25"):
            a.retrieve(SDG_QUESTION, k=5, mode=mode, **flt)


def answer_with(a, chunk_id: str, question: str) -> Answer:
    """`ask` through a swapped-in retriever that returns this one chunk id (the chain maps it to the index's clause)."""
    from langchain_core.documents import Document as LCDocument
    from langchain_core.runnables import RunnableLambda

    found = RunnableLambda(lambda _q: [LCDocument(page_content="", id=chunk_id)])
    return a.as_runnable(retriever=found).invoke(question)


def test_a_document_added_in_place_is_retrieved_filtered_and_cited(warm) -> None:
    theirs = [c for c in warm.store.chunks if c.doc_id == UNIDO]
    warm.store.delete_documents([UNIDO])
    warm_up(warm)
    assert warm.retrieve(SDG_QUESTION, doc_ids=[UNIDO]) == []
    warm.store.add(theirs, warm.embeddings.embed_documents_array([c.index_text for c in theirs]))
    for mode in ("hybrid", "dense", "bm25"):
        for flt in ({"doc_ids": [UNIDO]}, {"languages": ["en"]}, {"doc_ids": [UNIDO, EUR]}):
            ids = [h.chunk.id for h in warm.retrieve(SDG_QUESTION, k=10, mode=mode, **flt)]
            assert SDG_CLAUSE in ids, (mode, flt, ids)
        assert all(not h.chunk.boilerplate for h in warm.retrieve(SDG_QUESTION, k=20, mode=mode))
    for doc_ids in ((), (UNIDO,)):
        answer = warm.ask(SDG_QUESTION, doc_ids=doc_ids)
        assert [c.chunk_id for c in answer.citations] == [SDG_CLAUSE] and "17" in answer.text
        assert_quotes_are_verbatim(answer, warm.documents)
    assert [c.chunk_id for c in answer_with(warm, SDG_CLAUSE, SDG_QUESTION).citations] == [SDG_CLAUSE]


def test_a_document_removed_in_place_is_never_returned(warm) -> None:
    warm_up(warm)
    gone = [c.id for c in warm.store.chunks if c.doc_id == EUR]
    warm.store.delete_documents([EUR])
    for question in ("Who must report to Council?", "谁必须向理事会报告？", SDG_QUESTION):
        for mode in ("hybrid", "dense", "bm25"):
            for flt in ({}, {"doc_ids": [EUR]}, {"doc_ids": [EUR, UNIDO]}, {"languages": ["zh"]}):
                hits = warm.retrieve(question, k=20, mode=mode, **flt)
                assert all(h.chunk.doc_id != EUR for h in hits), (question, mode, flt)
                assert all(not h.chunk.boilerplate for h in hits)
            answer = warm.ask(question, mode=mode)
            assert all(c.doc_id != EUR and c.parallel_chunk_id not in gone for c in answer.citations)
            # Before, asking for the removed document abstained as if the corpus did not answer; now it is said.
            with pytest.raises(UnknownDocumentError, match=f"no document with id '{EUR}' in the index"):
                warm.ask(question, mode=mode, doc_ids=(EUR,))
    with pytest.raises(ValueError, match="no clause of this index"):
        answer_with(warm, REPORT_CLAUSE, "Who must report to Council?")


def test_a_retriever_taken_before_a_rebuild_searches_the_rebuilt_index(warm) -> None:
    """The UI's upload/remove and `build_index` publish a new build and reopen it; `as_retriever()` follows."""
    from assistant.ingest import remove_document

    retriever = warm.as_retriever(k=20)
    assert any(d.metadata["doc_id"] == EUR for d in retriever.invoke("Who must report to Council?"))
    remove_document(warm.settings.corpus_dir, EUR)
    warm.build_index()
    for mode in ("hybrid", "dense", "bm25"):
        found = warm.as_retriever(k=20, mode=mode).invoke("Who must report to Council?")
        assert all(d.metadata["doc_id"] != EUR for d in found) and (found or mode == "bm25")
    assert all(d.metadata["doc_id"] != EUR for d in retriever.invoke("Who must report to Council?"))


# ---- builds published by another Assistant or process (the CLI's add / remove / index) ----
@pytest.fixture(params=["local", "milvus"])
def without_unido(request, tmp_path):
    """A corpus copy without the UNIDO news item (its text kept aside), indexed; settings that check CURRENT on
    every ask, so the tests need no waiting."""
    import shutil

    from assistant import Assistant
    from assistant.ingest import remove_document
    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    aside = tmp_path / "unido.en.txt"
    shutil.copy(tmp_path / "corpus" / "unido-news-unga-ai-resolution.en.txt", aside)
    remove_document(tmp_path / "corpus", UNIDO)
    settings = hash_settings(tmp_path, request.param, reload_check_seconds=0)
    Assistant(settings, build=True, progress=lambda _m: None).build_index()
    return settings, aside


def test_an_assistant_answers_from_a_build_another_one_published(without_unido) -> None:
    from assistant import Assistant
    from assistant.ingest import add_files

    settings, aside = without_unido
    serving, other = Assistant(settings), Assistant(settings)
    assert all(c.doc_id != UNIDO for c in serving.ask(SDG_QUESTION).citations)
    assert serving.retrieve(SDG_QUESTION, doc_ids=[UNIDO]) == []
    add_files(settings.corpus_dir, [aside], doc_id=UNIDO, language="en", kind="article")
    other.build_index()
    answer = serving.ask(SDG_QUESTION)
    assert [c.doc_id for c in answer.citations] == [UNIDO] and "17" in answer.text
    assert_quotes_are_verbatim(answer, serving.documents)
    assert serving.retrieve(SDG_QUESTION, doc_ids=[UNIDO])


def test_an_assistant_keeps_its_build_while_nothing_is_published(without_unido) -> None:
    from assistant import Assistant

    settings, _ = without_unido
    a = Assistant(settings)
    store = a.store
    for _ in range(3):
        a.ask(SDG_QUESTION)
        a.retrieve(SDG_QUESTION)
    assert a.store is store


def test_an_assistant_keeps_answering_when_the_published_build_cannot_be_loaded(without_unido) -> None:
    """CURRENT naming a build whose files are broken (or not there yet): the loaded build goes on answering."""
    from assistant import Assistant

    settings, _ = without_unido
    notes: list[str] = []
    a = Assistant(settings, progress=notes.append)
    before = a.ask("Who must report to Council?")
    (settings.index_dir / "CURRENT").write_text("20990101T000000000000Z\n", encoding="utf-8")
    for _ in range(2):
        assert a.ask("Who must report to Council?").citations == before.citations
    assert len(notes) == 1 and "cannot be loaded" in notes[0]  # once per publish, not per question


def _milvus_file_is_free(uri: str) -> bool:
    """Whether another process can open this Milvus Lite file (it opens in one process at a time)."""
    import subprocess
    import sys

    probe = f"from pymilvus import MilvusClient; MilvusClient({uri!r}).list_collections()"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=120).returncode == 0


def test_build_index_closes_the_store_it_replaces(tmp_path) -> None:
    """Milvus Lite: the replaced store's connection is released (closing the live store then frees the file),
    and a store closed twice, or closed after its replacement opened, leaves the live one working."""
    import shutil

    from assistant import Assistant
    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    settings = hash_settings(tmp_path, "milvus")
    a = Assistant(settings, build=True, progress=lambda _m: None)
    replaced = a.store
    a.build_index()
    assert a.ask("Who must report to Council?").citations
    replaced.close()
    assert a.ask("Who must report to Council?").citations
    a.store.close()
    a.store.close()
    assert _milvus_file_is_free(settings.milvus.uri)


def test_a_chunk_of_a_document_outside_the_corpus_is_a_clear_error(warm) -> None:
    """`store.add` of chunks whose document the corpus lacks: an answer quotes the document's own text at the
    chunk's offsets, so citing such a chunk cannot be done and is named, not a bare KeyError."""
    from assistant.corpus import DocumentNotInCorpusError

    ghost = replace(next(c for c in warm.store.chunks if c.id == SDG_CLAUSE), id="ghost/body/1", doc_id="ghost")
    warm.store.add([ghost], warm.embeddings.embed_documents_array([ghost.index_text]))
    with pytest.raises(DocumentNotInCorpusError, match=r"'ghost/body/1'.*'ghost'.*not in the corpus") as raised:
        warm.ask(SDG_QUESTION, doc_ids=["ghost"])
    assert isinstance(raised.value, KeyError)  # what callers caught before
    assert "assistant add" in str(raised.value) and "delete_documents" in str(raised.value)
    warm.store.delete_documents(["ghost"])
    assert [c.chunk_id for c in warm.ask(SDG_QUESTION).citations] == [SDG_CLAUSE]


def test_a_loaded_assistant_follows_the_cli_in_another_process(tmp_path) -> None:
    """`assistant remove` in another terminal under a running server (local backend: Milvus Lite opens its
    file in one process at a time, so there the CLI cannot run beside a server)."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from assistant import Assistant
    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    a = Assistant(hash_settings(tmp_path, "local", reload_check_seconds=0), build=True, progress=lambda _m: None)
    assert any(c.doc_id == EUR for c in a.ask("Who must report to Council?").citations)
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": root, "ASSISTANT_EMBEDDING_MODEL": "hash", "ASSISTANT_BACKEND": "local"}
    where = ["--corpus", str(tmp_path / "corpus"), "--index-dir", str(tmp_path / "index")]
    cli = subprocess.run(
        [sys.executable, "-m", "assistant", "remove", *where, EUR], capture_output=True, text=True, env=env, timeout=300
    )
    assert cli.returncode == 0, cli.stderr
    assert all(c.doc_id != EUR for c in a.ask("Who must report to Council?").citations)
    assert a.retrieve("Who must report to Council?", doc_ids=[EUR]) == []


@pytest.mark.parametrize("via", ["ask", "runnable"])
def test_an_ask_answers_from_one_build_when_a_reload_lands_between_its_steps(without_unido, monkeypatch, via) -> None:
    """A reload that removes a document, run by another thread while an ask is between retrieval and answering:
    that ask finishes from the build it started with (citing the removed document's old text, not raising
    DocumentNotInCorpusError telling the user to add it); the next ask uses the new build. The same for the
    chain `as_runnable()` gives, invoked directly: each invocation pins its own snapshot."""
    import assistant.chain as chain
    from assistant import Assistant
    from assistant.ingest import add_files, remove_document

    settings, aside = without_unido
    serving, other = Assistant(settings), Assistant(settings)
    add_files(settings.corpus_dir, [aside], doc_id=UNIDO, language="en", kind="article")
    other.build_index()
    assert [c.doc_id for c in serving.ask(SDG_QUESTION).citations] == [UNIDO]
    old_documents = serving.documents
    evidence_only, reloads = chain.evidence_only, []

    def reload_then_continue(ranked):  # runs after this ask retrieved, before it reads any document
        if not reloads:
            remove_document(settings.corpus_dir, UNIDO)
            other.build_index()
            reloader = threading.Thread(target=lambda: reloads.append(serving.retrieve(SDG_QUESTION)))
            reloader.start()
            reloader.join()
        return evidence_only(ranked)

    runnable = serving.as_runnable()  # taken before the reload, as a caller holding it would
    monkeypatch.setattr(chain, "evidence_only", reload_then_continue)
    answer = serving.ask(SDG_QUESTION) if via == "ask" else runnable.invoke(SDG_QUESTION)
    assert reloads and all(hit.chunk.doc_id != UNIDO for hit in reloads[0])  # the other thread saw the removal
    assert [c.doc_id for c in answer.citations] == [UNIDO] and "17" in answer.text
    assert_quotes_are_verbatim(answer, old_documents)
    after = serving.ask(SDG_QUESTION) if via == "ask" else runnable.invoke(SDG_QUESTION)
    assert all(c.doc_id != UNIDO for c in after.citations)
    assert UNIDO not in serving.documents


def test_a_published_build_the_corpus_moved_past_waits_for_the_next_publish(without_unido) -> None:
    """`add` published a build while a `remove` has committed its corpus change but not its build: that build
    does not match the corpus, so the server keeps its own (one note), then loads the remove's build."""
    from assistant import Assistant
    from assistant.ingest import add_files, remove_document

    settings, aside = without_unido
    notes: list[str] = []
    serving, other = Assistant(settings, progress=notes.append), Assistant(settings)
    loaded = serving.store
    add_files(settings.corpus_dir, [aside], doc_id=UNIDO, language="en", kind="article")
    other.build_index()
    remove_document(settings.corpus_dir, EUR)  # committed; its build is not published yet
    for _ in range(2):
        assert all(c.doc_id != UNIDO for c in serving.ask(SDG_QUESTION).citations)
    assert serving.store is loaded and EUR in serving.documents
    assert len(notes) == 1 and "cannot be loaded" in notes[0]
    other.build_index()
    assert [c.doc_id for c in serving.ask(SDG_QUESTION).citations] == [UNIDO]
    assert EUR not in serving.documents


@pytest.mark.parametrize(
    "call",
    [
        lambda a: a.ask("Who must report to Council?", mode="sparse"),  # before: "The corpus does not say."
        lambda a: a.retrieve("Who must report to Council?", mode="foo"),  # before: []
        lambda a: a.ask("Who must report to Council?", k=-1),
        lambda a: a.retrieve("Who must report to Council?", k=-2),  # before: every chunk but the last
        lambda a: a.retrieve("Who must report to Council?", k=2.5),
        lambda a: a.as_runnable().invoke({"question": "Who must report to Council?", "mode": "BM25"}),
    ],
)
def test_a_bad_k_or_mode_is_an_error_not_an_answer(assistant, call):
    with pytest.raises(ValueError, match=r"^(k must be a whole number|mode must be one of hybrid, dense, bm25)"):
        call(assistant)


@pytest.mark.parametrize("languages", [["fr"], ("ZH",), ["en", "english"]])
def test_an_unknown_language_filter_is_an_error_not_an_empty_result(assistant, languages):
    # before: every clause filtered out, and `ask` read that as "The corpus does not say."
    with pytest.raises(ValueError, match=r"^languages must be among zh, en, got '"):
        assistant.retrieve("Who must report to Council?", languages=languages)


def test_a_known_language_filter_still_retrieves(assistant):
    assert {r.chunk.lang for r in assistant.retrieve("Who must report to Council?", languages=["zh"])} == {"zh"}


def test_one_language_given_as_a_string_is_that_language(assistant):
    # not the letters "z" and "h", which the check rejected as two unknown languages
    assert {r.chunk.lang for r in assistant.retrieve("Who must report to Council?", languages="zh")} == {"zh"}
    with pytest.raises(ValueError, match=r"got 'fr'$"):
        assistant.retrieve("Who must report to Council?", languages="fr")


def test_k_and_mode_defaults_stay_accepted(assistant):
    for k, mode in ((None, None), (0, ""), (3, "bm25")):
        assert assistant.ask("Who must report to Council?", k=k, mode=mode).citations


def test_a_document_in_traditional_characters_answers_simplified_and_traditional_questions(tmp_path) -> None:
    import shutil

    from assistant import Assistant
    from assistant.ingest import add_files
    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    summit = tmp_path / "summit.zh.txt"
    summit.write_text(
        "日內瓦，2024年5月3日 – 國際電信聯盟今天宣佈，人工智能向善全球峰會將於2025年7月在日內瓦舉行。\n\n"
        "峰會將聚焦人工智能技術在醫療衛生、教育和氣候行動中的應用，並邀請學術界和私營部門參與討論。\n",
        encoding="utf-8",
    )
    (added,) = add_files(tmp_path / "corpus", [summit])
    assert added.ok
    assistant = Assistant(hash_settings(tmp_path, "local"), build=True, progress=lambda _m: None)
    for question in ("峰会邀请谁参与讨论？", "峰會邀請誰參與討論？"):
        assert assistant.retrieve(question, 1, mode="bm25")[0].chunk.id == f"{added.doc_id}/body/1"
        answer = assistant.ask(question)
        assert not answer.abstained
        assert answer.citations[0].chunk_id == f"{added.doc_id}/body/1"
        assert answer.citations[0].quote.startswith("峰會將聚焦")  # verbatim, traditional as the file is
        assert_quotes_are_verbatim(answer, assistant.documents)
    # Answer readers that scan the clause (place names, dates) read its simplified view: answered, not refused,
    # and the quote is put back in the file's own characters.
    for question in ("人工智能向善全球峰會是在哪裡舉行的？", "人工智能向善全球峰会是在哪里举行的？"):
        answer = assistant.ask(question)
        assert not answer.abstained, question
        assert answer.citations[0].doc_id == added.doc_id
        assert "日內瓦" in answer.citations[0].quote and "日内瓦" not in answer.citations[0].quote  # not the view
        assert_quotes_are_verbatim(answer, assistant.documents)
        assert all(f"「{c.quote}」" in answer.text for c in answer.citations if c.doc_id == added.doc_id)


@pytest.mark.parametrize(
    "call",
    [
        lambda a: a.ask("Who must report to Council?", doc_ids=["nosuch"]),
        lambda a: a.ask("Who must report to Council?", doc_ids=["eur-44a25-1", "eur-44a25"]),
        lambda a: a.as_runnable().invoke({"question": "Who must report to Council?", "doc_ids": ["nosuch"]}),
    ],
)
def test_an_unknown_document_id_is_named_with_the_known_ones(assistant, call):
    # before: every clause filtered out, and `ask` abstained as if the corpus did not answer
    with pytest.raises(UnknownDocumentError, match=r"^no document with id '(nosuch|eur-44a25)' in the index") as got:
        call(assistant)
    assert isinstance(got.value, ValueError)
    assert str(got.value).endswith("known ids: eur-44a25-1, unido-unga-ai-resolution")


def test_one_document_id_given_as_a_string_is_that_document(assistant):
    answer = assistant.ask("Who must report to Council?", doc_ids="eur-44a25-1")
    assert [c.doc_id for c in answer.citations] == ["eur-44a25-1"]


def test_retrieve_from_an_unknown_document_still_finds_nothing(assistant):
    # kept: published-build tests rely on a filter for a removed document retrieving nothing
    assert assistant.retrieve("Who must report to Council?", doc_ids=["nosuch"]) == []


def test_the_index_lookups_the_chain_reads_are_public(assistant):
    chunks = assistant.chunks_by_id()
    assert set(chunks) == set(assistant.chunk_ids())
    assert assistant.indexed_documents() == {c.doc_id for c in chunks.values()}
    only = assistant.allowed_chunks(["eur-44a25-1"])
    assert only and {c.doc_id for c in only} == {"eur-44a25-1"}
    assert len(assistant.allowed_chunks(None)) == len(chunks)
    assert assistant.idf("") > 0 and assistant.idf("no-such-token-xyz") is None
    assert all(assistant.idf(token) is not None for token in list(assistant.store.lexical.vocabulary)[:20])


def test_locate_adds_the_page_and_provenance_of_a_citation(assistant):
    cited = assistant.ask("Who must report to Council?").citations[0]
    bare = replace(cited, page=None, provenance="")
    assert assistant.locate(bare) == cited


def test_term_similarity_is_none_when_the_setting_is_off(assistant):
    from assistant import Assistant

    assert Assistant(assistant.settings, term_similarity=False).term_similarity() is None
