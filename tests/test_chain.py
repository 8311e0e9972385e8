"""The LCEL chain: what it accepts and passes on (a recording fake), and its real steps over the index."""

from __future__ import annotations

import asyncio

import pytest
from langchain_core.callbacks import BaseCallbackHandler, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda
from langchain_core.tracers.context import collect_runs

from assistant import chain as chain_module
from assistant.chain import (
    DEFAULT_PROMPT,
    CitedReply,
    CitedReplyParser,
    build_chain,
    dictionary_glosses,
    document_name,
    history_turns,
    prompt_inputs,
    query_translations,
)
from assistant.llm import build_messages
from assistant.questions import DocumentNotIndexedError, validate_question
from assistant.retrieval import to_langchain_document
from assistant.retrieval.translation import LexicalQuery, TermGroup
from assistant.schema import Answer, Turn


class RecordingAssistant:
    def __init__(self) -> None:
        self.calls: list[tuple[str, list[Turn], dict]] = []

    def ask(self, question: str, *, history: list[Turn], **options) -> Answer:
        self.calls.append((question, history, options))
        return Answer(question=question, text=f"answer to {question}", language="en")


def test_a_string_or_a_dict_reaches_ask_with_its_options() -> None:
    fake = RecordingAssistant()
    chain = build_chain(fake)  # type: ignore[arg-type]
    assert chain.invoke("Who?").text == "answer to Who?"
    chain.invoke({"question": "What?", "k": 3, "mode": "bm25", "ignored": 1})
    assert fake.calls[0] == ("Who?", [], {})
    assert fake.calls[1] == ("What?", [], {"k": 3, "mode": "bm25"})


def test_batch_answers_each_input_in_order() -> None:
    fake = RecordingAssistant()
    answers = build_chain(fake).batch(["a?", {"question": "b?"}])  # type: ignore[arg-type]
    assert [a.question for a in answers] == ["a?", "b?"]


def test_anything_else_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="question string or a dict"):
        build_chain(RecordingAssistant()).invoke({"q": "no"})  # type: ignore[arg-type]


def test_history_from_turns_dicts_or_chat_messages() -> None:
    first = Answer(question="Who?", text="The Secretary-General.", language="en")
    assert history_turns([Turn("Who?", first)]) == [Turn("Who?", first)]
    assert history_turns([Turn("Who?", first).to_dict()])[0].question == "Who?"
    turns = history_turns([HumanMessage("谁？"), AIMessage("秘书长。"), HumanMessage("Next?")])
    assert [t.question for t in turns] == ["谁？", "Next?"]
    assert turns[0].answer.text == "秘书长。" and turns[0].answer.language == "zh" and turns[1].answer is None
    with pytest.raises(TypeError, match="history items must be"):
        history_turns([42])


def test_history_in_a_request_reaches_ask_as_turns() -> None:
    fake = RecordingAssistant()
    build_chain(fake).invoke({"question": "And then?", "history": [HumanMessage("Who?")]})  # type: ignore[arg-type]
    assert [t.question for t in fake.calls[0][1]] == ["Who?"]


# -- the real pipeline over the session's index ---------------------------------------------------------------

QUESTION = "Who must report to Council?"


class FixedRetriever(BaseRetriever):
    """A stand-in for someone's own retriever: always these clauses, as LangChain Documents."""

    documents: list[Document]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return list(self.documents)


def clauses_of(assistant, question: str, k: int = 4) -> list[Document]:
    return [to_langchain_document(h) for h in assistant.retrieve(question, k=k)]


class PromptRecorder(BaseCallbackHandler):
    def __init__(self) -> None:
        self.prompts: list[list] = []

    def on_chat_model_start(self, serialized, messages, **kwargs) -> None:
        self.prompts.extend(messages)


def test_each_step_is_a_named_runnable_in_the_graph(assistant) -> None:
    chain = build_chain(assistant, chat_model=FakeListChatModel(responses=["x"]))
    names = {node.name for node in chain.get_graph().nodes.values()}
    assert {
        "parse_request",
        "analyse_question",
        "retrieve",
        "separate_flagged",
        "answer_context",
        "extractive_answer",
        "prompt_inputs",
        "ChatPromptTemplate",
        "FakeListChatModel",
        "CitedReplyParser",
        "check_conflict",
        "locate_citations",
    } <= names
    # A swapped-in step appears in the graph under its own name.
    mine = RunnableLambda(lambda request: request["hits"], name="my_reranker")
    assert "my_reranker" not in names
    assert "my_reranker" in {n.name for n in build_chain(assistant, reranker=mine).get_graph().nodes.values()}


def test_ask_runs_the_chain_and_traces_each_step(assistant) -> None:
    with collect_runs() as runs:
        answer = assistant.ask(QUESTION)
    (root,) = runs.traced_runs
    assert root.name == "clause_qa" and root.outputs["output"] == answer
    assert [r.name for r in sorted(root.child_runs, key=lambda r: r.dotted_order)] == [
        "parse_request",
        "analyse_question",
        "retrieve",
        "separate_flagged",
        "answer_context",
        "answer",
        "check_conflict",
        "locate_citations",
    ]
    assert set(answer.timings) == {"retrieve", "answer", "total"}


def test_swapping_the_retriever_changes_the_citations(assistant) -> None:
    default = build_chain(assistant).invoke(QUESTION)
    assert default.citations[0].chunk_id.endswith("secretary-general/7")
    # Their retriever: the same clauses, except that it never finds the one the default answer cites.
    theirs = [d for d in clauses_of(assistant, QUESTION, k=15) if d.id != default.citations[0].chunk_id]
    swapped = build_chain(assistant, retriever=FixedRetriever(documents=theirs)).invoke(QUESTION)
    cited = {c.chunk_id for c in swapped.citations}
    assert cited and cited <= {d.id for d in theirs}


def test_a_swapped_retriever_must_return_clauses_of_the_index(assistant) -> None:
    stranger = FixedRetriever(documents=[Document(page_content="Anything.", id="not/in/the/index")])
    with pytest.raises(ValueError, match="no clause of this index"):
        build_chain(assistant, retriever=stranger).invoke(QUESTION)
    with pytest.raises(TypeError, match="Documents or RetrievedChunks"):
        build_chain(assistant, retriever=RunnableLambda(lambda q: [q])).invoke(QUESTION)


def test_a_reranker_decides_what_is_answered_from(assistant) -> None:
    def preamble_only(request: dict) -> list:
        return [h for h in request["hits"] if "/preamble/" in h.chunk.id]

    answer = build_chain(assistant, reranker=RunnableLambda(preamble_only)).invoke(QUESTION)
    assert answer.citations and all("/preamble/" in c.chunk_id for c in answer.citations)


def test_a_custom_prompt_reaches_the_chat_model_and_its_answer_is_checked(assistant) -> None:
    prompt = ChatPromptTemplate.from_messages(
        [("system", "MY RULES. Reply in {language} or say {not_in_corpus}."), ("human", "{clauses}\n\nQ: {question}")]
    )
    model = FakeListChatModel(responses=["The Secretary-General must report to the Council every year [1] [9]."])
    recorder = PromptRecorder()
    answer = build_chain(assistant, prompt=prompt, chat_model=model).invoke(QUESTION, {"callbacks": [recorder]})
    (messages,) = recorder.prompts
    assert messages[0].content == "MY RULES. Reply in English or say NOT_IN_CORPUS."
    assert messages[1].content.startswith("[1] ") and messages[1].content.endswith(f"Q: {QUESTION}")
    assert answer.mode == "llm" and answer.citations[0].chunk_id.endswith("secretary-general/7")
    assert "[9]" not in answer.text and any("[9]" in note for note in answer.notes)  # the usual check applies


def test_a_traditional_questions_llm_answer_keeps_its_checked_double_quotes_verbatim(assistant) -> None:
    # “…” quotes pass the citation check as verbatim source text; the s2t of the wording had rewritten them.
    quote = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动"
    model = FakeListChatModel(responses=[f"秘书长必须“{quote}”[1]。"])
    answer = build_chain(assistant, chat_model=model).invoke("誰必須向理事會報告？")
    assert answer.mode == "llm" and answer.citations[0].chunk_id.endswith("secretary-general/7")
    assert f"“{quote}”" in answer.text and answer.text.startswith("秘書長必須")


def test_a_request_can_still_ask_for_the_extractive_answer(assistant) -> None:
    chain = build_chain(assistant, chat_model=FakeListChatModel(responses=["unused [1]"]))
    assert chain.invoke({"question": QUESTION, "use_llm": False}).mode == "extractive"


@pytest.mark.parametrize("question", [QUESTION, "谁必须向理事会报告？"])
def test_the_default_prompt_sends_exactly_the_checkers_messages(assistant, question: str) -> None:
    hits = assistant.retrieve(question, k=3)
    text, lang = validate_question(question)
    messages = build_messages(text, lang, hits)
    assert DEFAULT_PROMPT.invoke(prompt_inputs(messages)).to_messages() == messages


def test_messages_in_another_form_are_refused_plainly() -> None:
    with pytest.raises(ValueError, match="not in the form build_messages writes"):
        prompt_inputs([SystemMessage("other rules"), HumanMessage("Question: x")])


def test_cited_reply_parser_reads_the_markers() -> None:
    assert CitedReplyParser().invoke(AIMessage("A [2], B [1] and again [2].")) == CitedReply(
        "A [2], B [1] and again [2].", (2, 1)
    )


def test_batch_and_astream_return_answers(assistant) -> None:
    chain = build_chain(assistant)
    answers = chain.batch([QUESTION, {"question": "What is the capital of France?", "k": 3}])
    assert [type(a) for a in answers] == [Answer, Answer]
    assert answers[0].citations and answers[1].abstained

    async def stream() -> list:
        return [part async for part in chain.astream("谁必须向理事会报告？")]

    parts = asyncio.run(stream())
    assert isinstance(parts[-1], Answer) and parts[-1].citations[0].chunk_id.endswith("secretary-general/7")


def test_as_runnable_takes_the_same_swaps(assistant) -> None:
    default = assistant.as_runnable().invoke(QUESTION)
    others = [d for d in clauses_of(assistant, QUESTION, k=15) if d.id != default.citations[0].chunk_id]
    swapped = assistant.as_runnable(retriever=FixedRetriever(documents=others)).invoke(QUESTION)
    assert default.citations[0].chunk_id not in {c.chunk_id for c in swapped.citations}
    with pytest.raises(TypeError):
        assistant.as_runnable(retreiver=None)  # a misspelt step is an error, not ignored


def test_an_ask_only_object_has_no_steps_to_swap() -> None:
    with pytest.raises(TypeError, match="no index"):
        build_chain(RecordingAssistant(), retriever=RunnableLambda(lambda q: []))  # type: ignore[arg-type]


def test_an_answer_restricted_to_documents_reaches_no_clause_beyond_them(assistant) -> None:
    # The question names the article; the request allows only the draft resolution. The article's
    # paragraphs, which a named document's clauses would otherwise add as candidates, stay out.
    answer = assistant.ask("What does the article say people need to learn?", doc_ids=["eur-44a25-1"])
    assert all(c.doc_id == "eur-44a25-1" for c in answer.citations)
    listed = assistant.ask("What must the Secretary-General do?", doc_ids=["unido-unga-ai-resolution"])
    assert all(c.doc_id == "unido-unga-ai-resolution" for c in listed.citations)


def _answer_context(assistant, question: str):
    """The AnswerContext the chain's `answer_context` step built for `question`, from the trace."""
    with collect_runs() as runs:
        assistant.ask(question)
    (root,) = runs.traced_runs
    step = next(r for r in root.child_runs if r.name == "answer_context")
    return step.outputs["context"]


def test_the_term_similarity_setting_reaches_the_support_check_through_the_chain(assistant) -> None:
    from dataclasses import replace

    from assistant import Assistant
    from assistant.answering.support import supports
    from assistant.answering.termsim import TermSimilarity

    # "gap" / "close" are said "digital divide" / "addressing" in the article: no shared word.
    question = "What gap does the Assembly want to close?"
    on = Assistant(replace(assistant.settings, term_similarity=True))
    off = Assistant(replace(assistant.settings, term_similarity=False))
    off_ctx, on_ctx = _answer_context(off, question), _answer_context(on, question)
    assert off_ctx.term_similarity is None and isinstance(on_ctx.term_similarity, TermSimilarity)
    assert all(s.similar == 0.0 for s in supports(question, "en", off_ctx))
    assert any(s.similar > 0 for s in supports(question, "en", on_ctx))


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_the_query_is_translated_once_per_ask(assistant, monkeypatch, mode) -> None:
    retriever = type(assistant.retriever)
    translate = retriever.query
    asked: list[str] = []

    def counting(self, question: str):
        asked.append(question)
        return translate(self, question)

    monkeypatch.setattr(retriever, "query", counting)
    answer = assistant.ask(QUESTION, mode=mode)
    assert asked == [QUESTION] and answer.citations


def test_a_swapped_in_retriever_still_gives_the_answerer_the_querys_translations(assistant, monkeypatch) -> None:
    class Theirs(BaseRetriever):
        def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun):
            return [to_langchain_document(h) for h in assistant.retrieve(query, 8)]

    seen: list[dict] = []
    answer_with = chain_module.query_translations
    monkeypatch.setattr(chain_module, "query_translations", lambda query: seen.append(answer_with(query)) or seen[-1])
    chinese = "谁必须向理事会报告？"
    build_chain(assistant, retriever=Theirs()).invoke(chinese)
    build_chain(assistant).invoke(chinese)
    assert len(seen) == 2 and seen[0] == seen[1] and seen[0]


def test_the_pinned_runnable_shows_the_inner_chain_and_answers_in_batch_and_async(assistant) -> None:
    inner, pinned = build_chain(assistant), assistant.as_runnable()
    assert pinned.get_name() == inner.get_name()
    assert pinned.get_input_schema().model_json_schema() == inner.get_input_schema().model_json_schema()
    assert pinned.get_output_schema().model_json_schema() == inner.get_output_schema().model_json_schema()
    assert pinned.config_specs == inner.config_specs
    answers = pinned.batch([QUESTION, "What is the capital of France?"])
    assert answers[0].citations and answers[1].abstained

    async def run() -> tuple[Answer, list[str]]:
        answer = await pinned.ainvoke(QUESTION)
        events = [e["name"] async for e in pinned.astream_events(QUESTION, version="v2")]
        return answer, events

    answer, events = asyncio.run(run())
    assert answer.citations[0].chunk_id.endswith("secretary-general/7")
    assert {"retrieve", "answer_context", "locate_citations"} <= set(events)  # the inner chain's steps


class PublicOnly:
    """An assistant as the chain sees it: the members of `ChainAssistant`, forwarded, and nothing else."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self.settings = inner.settings

    documents = property(lambda self: self._inner.documents)
    retriever = property(lambda self: self._inner.retriever)
    llm = property(lambda self: self._inner.llm)

    def retrieve(self, question, k=None, **options):
        return self._inner.retrieve(question, k, **options)

    def indexed_documents(self):
        return self._inner.indexed_documents()

    def chunks_by_id(self):
        return self._inner.chunks_by_id()

    def allowed_chunks(self, doc_ids):
        return self._inner.allowed_chunks(doc_ids)

    def idf(self, token):
        return self._inner.idf(token)

    def term_similarity(self):
        return self._inner.term_similarity()

    def locate(self, citation):
        return self._inner.locate(citation)


@pytest.mark.parametrize("question", [QUESTION, "谁必须向理事会报告？"])
def test_the_chain_runs_over_the_public_chain_assistant_members_alone(assistant, question: str) -> None:
    # Nothing private of Assistant is reached: the same answer, citations located, from the protocol's members.
    ours, theirs = build_chain(PublicOnly(assistant)).invoke(question), assistant.ask(question)
    assert ours.text == theirs.text and ours.citations == theirs.citations
    assert all(c.provenance for c in ours.citations)  # `locate` was called
    with pytest.raises(DocumentNotIndexedError):
        build_chain(PublicOnly(assistant)).invoke({"question": question, "doc_ids": ["nosuch"]})


def test_query_translations_keep_whole_word_tokens_only() -> None:
    query = LexicalQuery(
        "en",
        (
            TermGroup("Council", ("council",)),  # the question's own token: no translation
            TermGroup("Council", ("理事", "理事会"), origin="dictionary", targets=("理事会",)),
            TermGroup("report", ("报告", "·报告", "报"), origin="glossary", targets=("报告",)),
            TermGroup("秘书长", ("secretary", "general"), origin="glossary", targets=("Secretary-General",)),
        ),
    )
    got = query_translations(query)
    # 理事 alone says nothing of the Council; a two-character target also stands as its "·" token.
    assert sorted(got.values()) == [("secretary", "general"), ("报告", "·报告"), ("理事会",)]


def test_document_name_gives_the_number_and_provenance(assistant) -> None:
    name = document_name(assistant.documents["eur-44a25-1"])
    assert name.startswith("EUR/44A25/1 [") and name.endswith("]")


def test_dictionary_glosses_are_off_with_dictionary_translation() -> None:
    from assistant.settings import Settings

    assert dictionary_glosses(Settings(dictionary_translation=False)) is None


# A question about the page's site or terms reaches the notice that retrieval otherwise leaves out; one about
# what the documents report never gets a notice clause, whatever words it shares with it.
@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("May material from the UNIDO website be used elsewhere?", "acknowledgement of the source"),
        ("工发组织对网站上的信息的准确性作出保证吗？", "makes no warranties"),
    ],
)
def test_a_question_about_the_website_is_answered_from_its_notice(assistant, question: str, phrase: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert [c.chunk_id.split("/")[1] for c in answer.citations] == ["boilerplate"]
    assert phrase in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "Does the resolution endorse any products?",
        "Who is responsible for the accuracy of information?",
        "决议是否推荐某些产品？",
    ],
)
def test_a_question_about_the_content_gets_no_notice_clause(assistant, question: str) -> None:
    hits = [c.chunk_id for c in assistant.ask(question).citations]
    assert not any("/boilerplate/" in h for h in hits)


def test_a_yes_no_question_the_notice_denies_is_not_answered_yes(assistant) -> None:
    answer = assistant.ask("Is UNIDO liable for damage from using its website?")
    assert answer.text.startswith("No")
    assert "Under no circumstances" in answer.citations[0].quote


def test_the_notice_heading_is_never_the_quote(assistant) -> None:
    answer = assistant.ask("What does the disclaimer say?")
    assert all(c.quote.strip() not in ("Disclaimer", "Read more here") for c in answer.citations)


def test_a_notice_topic_asked_of_the_page_wins_over_the_page_s_subject(assistant) -> None:
    # The resolution the page reports on ranks the article's paragraphs first; the notice still answers.
    for question in (
        "Is this news page UNIDO's formal position on the resolution on artificial intelligence?",
        "May I cite this UNIDO news page as UNIDO's formal stance on the AI resolution?",
    ):
        answer = assistant.ask(question)
        assert answer.text.startswith("No")
        assert "not necessarily reflect the views of UNIDO" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "What did the Assembly urge governments, businesses, civil society and others to avoid with AI systems?",
        "大会要求政府、企业、民间社会等各方不要用人工智能做什么？",
    ],
)
def test_a_request_to_a_list_of_actors_and_others_reaches_what_all_stakeholders_were_urged(assistant, question) -> None:
    answer = assistant.ask(question)
    assert "urged all stakeholders to refrain" in answer.citations[0].quote


def test_an_everyday_words_group_keeps_its_english_tokens_beside_its_whole_chinese_ones() -> None:
    query = LexicalQuery(
        "en",
        (
            TermGroup(
                "stretch of its existence",
                ("lifecycl", "生命周期", "·生命"),
                origin="everyday",
                targets=("lifecycle", "生命周期"),
            ),
            TermGroup("refrain", ("refrain", "避免"), origin="paraphrase", targets=("refrain", "避免")),
        ),
    )
    got = query_translations(query)
    assert got["stretch"] == ("lifecycl", "生命周期")  # the bigram ·生命 alone is no lifecycle
    assert got["refrain"] == ("避免",)  # other mixed groups stay as they were
