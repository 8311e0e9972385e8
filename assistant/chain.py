"""The LCEL chain: question → analyse → retrieve → answer → cite; `Assistant.ask` runs it.

Every step is a named runnable, so a trace (LangSmith or any callback handler)
shows each one, `chain.get_graph()` draws them, and `batch`/`astream` run them.
The steps pass one dict along, each adding keys:

==================  =====================================================================
step                adds
==================  =====================================================================
parse_request       `question` and the request's `k`, `mode`, `doc_ids`, `use_llm`, `history`
analyse_question    `text`, `lang` (validated), `analysis` (follow-up resolved), `query`, `k`
retrieve            `ranked`: `RetrievedChunk`s, best first; `translated`: the query's translation
rerank              (only with `reranker=`) `ranked`, reordered
separate_flagged    `hits` (what may be answered from), `flagged_notes`
answer_context      `context`: the `AnswerContext` an answerer reads
answer              `answer`: `extractive_answer`, or `llm_answer` (prompt | model | parser)
check_conflict      `answer` with a note and a citation when another document disagrees
locate_citations    → the `Answer`, with pages, parallel clauses, notes and timings
==================  =====================================================================

Swapping a step: `build_chain(assistant, retriever=..., reranker=..., prompt=..., chat_model=...)`.

The chain reads the assistant it runs over through `ChainAssistant`, public members only, and never
imports `assistant.api`: api builds the chain, not the other way round.

Example:
    >>> chain = Assistant().as_runnable()                     # doctest: +SKIP
    >>> chain.invoke("谁必须向理事会报告？").citations[0].label   # doctest: +SKIP
    '7'
"""

# No `from __future__ import annotations`: LangChain reads the steps' input types at runtime
# (their schemas, `get_graph`), and string annotations of closures do not resolve there.
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Protocol

from langchain_core.documents import Document as LCDocument
from langchain_core.output_parsers import BaseOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import ConfigurableFieldSpec, Runnable, RunnableConfig, RunnableLambda, RunnableSequence

from assistant.answering import AnswerContext, analyse_question, answer_extractive, resolve_follow_up, words
from assistant.answering.lead_ins import split_lead_in
from assistant.answering.llm import HUMAN, LANGUAGE_NAMES, NOT_IN_CORPUS, SYSTEM
from assistant.answering.site_notice import asks_site_notice, label_only, notice_first
from assistant.answering.source_view import restore_source, simplified_context
from assistant.answering.termsim import TermSimilarity
from assistant.conflicts import find_conflict
from assistant.corpus import require_documents
from assistant.questions import check_doc_ids, validate_question
from assistant.retrieval import HybridRetriever
from assistant.retrieval.translation import LexicalQuery
from assistant.safety import evidence_only, flagged_note
from assistant.schema import Answer, Chunk, Citation, Document, Language, RetrievedChunk, Turn
from assistant.script import (
    follows_script,
    is_traditional,
    language_tag,
    to_simplified,
    traditional_region,
    traditional_wording,
)
from assistant.settings import RetrieverMode, Settings, check_retrieval_request
from assistant.text import CITATION_MARKER, has_cjk

State = dict[str, Any]
# Extra hits retrieved so that taking flagged passages out still leaves k to answer from.
FLAGGED_SLACK = 5
_REQUEST_OPTIONS = ("k", "mode", "doc_ids", "use_llm")
# The prompt the LLM mode uses unless `build_chain(prompt=...)` gives another. Its variables:
# `language`, `not_in_corpus`, `clauses` (numbered [1]..[n], the numbers the answer must cite), `question`.
DEFAULT_PROMPT = ChatPromptTemplate.from_messages([("system", SYSTEM), ("human", HUMAN)])


class ChainAssistant(Protocol):
    """What the chain reads of the assistant it runs over (`Assistant` is one): its settings, corpus,
    retriever and model, and lookups in its loaded index. Each is read per question, so a pinned snapshot
    (`Assistant.as_runnable`) or a reloaded index is what the next step sees."""

    settings: Settings

    @property
    def documents(self) -> dict[str, Document]: ...

    @property
    def retriever(self) -> HybridRetriever: ...

    @property
    def llm(self) -> Any: ...

    def retrieve(
        self,
        question: str,
        k: int | None = None,
        *,
        mode: RetrieverMode | None = None,
        doc_ids: tuple[str, ...] | list[str] = (),
        include_boilerplate: bool | None = None,
        translated: LexicalQuery | None = None,
    ) -> list[RetrievedChunk]:
        """Ranked clauses for `question`, as `Assistant.retrieve`."""
        ...

    def indexed_documents(self) -> frozenset[str]:
        """The ids of the documents the index has clauses of: what a request's `doc_ids` may name."""
        ...

    def chunks_by_id(self) -> dict[str, Chunk]:
        """The index's clauses by chunk id: what a swapped-in retriever's Documents are read back as."""
        ...

    def allowed_chunks(self, doc_ids: Sequence[str] | None) -> Sequence[Chunk]:
        """The clauses an answer may reach beyond its hits, within `doc_ids` when given."""
        ...

    def idf(self, token: str) -> float | None:
        """BM25 idf of an index token, None for one the corpus never uses; "" gives the median idf."""
        ...

    def term_similarity(self) -> TermSimilarity | None:
        """The coverage check's word-level similarity, None when it is off."""
        ...

    def locate(self, citation: Citation) -> Citation:
        """`citation` with its page, provenance and the parallel clause of the other language version."""
        ...


def history_turns(history: Any) -> list[Turn]:
    """Earlier turns from `Turn`s, their dicts, or LangChain chat messages (human question, AI answer)."""
    from langchain_core.messages import BaseMessage

    turns: list[Turn] = []
    for item in history or ():
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, dict):
            turns.append(Turn.from_dict(item))
        elif isinstance(item, BaseMessage):
            text = item.content if isinstance(item.content, str) else str(item.content)
            if item.type == "human":
                turns.append(Turn(text))
            elif item.type == "ai" and turns and turns[-1].answer is None:
                # A plain message has no citations: the follow-up then carries the earlier words only.
                last = turns[-1]
                turns[-1] = Turn(last.question, Answer(question=last.question, text=text, language=_lang(text)))
        else:
            raise TypeError(f"history items must be Turn, dict or LangChain messages, not {type(item).__name__}")
    return turns


def simplified_turn(turn: Turn) -> Turn:
    """An earlier turn as a follow-up reads it: its question in simplified characters (answers keep their
    citations, which are what a follow-up resolves against)."""
    question = to_simplified(turn.question)
    return turn if question == turn.question else replace(turn, question=question)


def _lang(text: str) -> Language:
    return "zh" if has_cjk(text) else "en"


def _as_request(value: Any) -> dict[str, Any]:
    """Accept a bare question or a dict with `question` and optional `k`, `mode`, `doc_ids`, `history`."""
    if isinstance(value, str):
        return {"question": value}
    if isinstance(value, dict) and "question" in value:
        check_retrieval_request(value.get("k"), value.get("mode"))
        return dict(value)
    raise TypeError("the chain takes a question string or a dict with a 'question' key")


@dataclass(frozen=True)
class CitedReply:
    """A chat model's reply as the citation checker reads it: its text and the [n] markers it cites."""

    content: str
    markers: tuple[int, ...]


class CitedReplyParser(BaseOutputParser[CitedReply]):
    """Reads the numbered markers ([1], [2] …) a reply cites; the checks themselves follow in `llm_answer`."""

    def parse(self, text: str) -> CitedReply:
        return CitedReply(text, tuple(dict.fromkeys(int(m.group(1)) for m in CITATION_MARKER.finditer(text))))

    @property
    def _type(self) -> str:
        return "cited_reply"


def build_chain(
    assistant: ChainAssistant,
    *,
    retriever: Runnable[str, Any] | None = None,
    reranker: Runnable[dict[str, Any], Any] | None = None,
    prompt: Runnable[dict[str, Any], Any] | None = None,
    chat_model: Runnable[Any, Any] | None = None,
) -> Runnable[Any, Answer]:
    """question (str or dict) → validated request → retrieved clauses → Answer with checked citations.

    - `retriever`: any LangChain retriever (query → Documents whose `id` or `metadata["id"]` is a
      chunk id of the index, as `Assistant.as_retriever()` returns) replaces the hybrid retriever;
      the request's `doc_ids` still filter what it returns.
    - `reranker`: a runnable taking `{"query", "hits"}` and returning the hits (or Documents) reordered.
    - `prompt`: a chat prompt with the variables of `DEFAULT_PROMPT`, used in the LLM mode.
    - `chat_model`: the LLM mode's model (default: the assistant's); giving one turns the LLM mode on
      unless a request says `use_llm: False`.

    An object that only answers (has `ask` but no index, e.g. a client of a remote assistant)
    gets the chain `parse_request | answer` around its `ask`.
    """
    parse = RunnableLambda(_as_request, name="parse_request")
    if not _has_pipeline(assistant):
        if any(step is not None for step in (retriever, reranker, prompt, chat_model)):
            raise TypeError(f"{type(assistant).__name__} has no index: its steps cannot be swapped, only `ask` called")
        return (parse | RunnableLambda(_ask_step(assistant), name="answer")).with_config(run_name="clause_qa")
    steps: list[Runnable[Any, Any]] = [
        parse,
        RunnableLambda(_analyse_step(assistant), name="analyse_question"),
        _retrieve_step(assistant, retriever),
    ]
    if reranker is not None:
        steps.append(_rerank_step(assistant, reranker))
    steps += [
        RunnableLambda(_flagged_step(assistant), name="separate_flagged"),
        RunnableLambda(_context_step(assistant), name="answer_context"),
        _answer_step(assistant, prompt, chat_model),
        RunnableLambda(_conflict_step, name="check_conflict"),
        RunnableLambda(_locate_step(assistant), name="locate_citations"),
    ]
    return RunnableSequence(*steps).with_config(run_name="clause_qa")


class PinnedChain(Runnable[Any, Answer]):
    """A chain whose every invocation enters `pin()` first: `Assistant.as_runnable()` pins one snapshot of
    store, retriever and corpus per question, as `Assistant.ask` does, so a reload between its steps cannot
    mix builds. `batch`, `stream` and the async methods go through `invoke` (LangChain's defaults), each
    in the thread that runs it; the pins are per thread. Its name, input / output schemas and configurable
    fields are the chain's; `astream_events` reports the chain's steps, which run inside `invoke`."""

    def __init__(self, chain: Runnable[Any, Answer], pin: Callable[[], AbstractContextManager[object]]) -> None:
        self.chain = chain
        self._pin = pin
        self.name = chain.get_name()  # traces and astream_events name the chain ("clause_qa"), not this wrapper

    def get_name(self, suffix: str | None = None, *, name: str | None = None) -> str:
        return self.chain.get_name(suffix, name=name)

    def get_input_schema(self, config: RunnableConfig | None = None) -> Any:
        return self.chain.get_input_schema(config)

    def get_output_schema(self, config: RunnableConfig | None = None) -> Any:
        return self.chain.get_output_schema(config)

    @property
    def config_specs(self) -> list[ConfigurableFieldSpec]:
        return self.chain.config_specs

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Answer:
        with self._pin():
            return self.chain.invoke(input, config, **kwargs)

    def get_graph(self, config: RunnableConfig | None = None) -> Any:
        return self.chain.get_graph(config)  # its steps, not one opaque box

    @property
    def InputType(self) -> Any:  # LangChain's property name
        return self.chain.InputType

    @property
    def OutputType(self) -> Any:  # LangChain's property name
        return self.chain.OutputType


def _has_pipeline(assistant: Any) -> bool:
    # Looked up on the class: `documents` is a property that loads the corpus.
    return all(hasattr(type(assistant), name) for name in ("retrieve", "documents", "indexed_documents"))


def _ask_step(assistant: Any) -> Any:
    def answer(request: dict[str, Any]) -> Answer:
        options = {k: request[k] for k in _REQUEST_OPTIONS if k in request}
        # "history" is what RunnableWithMessageHistory passes (messages) or the UI's Turns.
        return assistant.ask(request["question"], history=history_turns(request.get("history")), **options)

    return answer


def _analyse_step(assistant: ChainAssistant) -> Any:
    def analyse(request: State) -> State:
        started = time.perf_counter()
        limit = assistant.settings.max_question_chars
        text, lang = validate_question(request["question"], limit)
        # Everything that reads Chinese (question tables, glossary, jieba, BM25) is simplified: a question in
        # traditional characters is read in its simplified form and answered back in traditional ones.
        history = history_turns(request.get("history"))
        traditional = lang == "zh" and is_traditional(text)
        worded_as = text  # the question whose script, region and regional words the answer's wording follows
        if lang == "zh" and history and follows_script(text):  # 其他呢？ after 誰必須…: worded as the conversation
            # The latest question with a script of its own: a second 其他呢？ is worded as the first one was.
            written = [t.question for t in history if not follows_script(t.question)]
            worded_as = written[-1] if written else history[-1].question
            traditional = is_traditional(worded_as)
        asked, text = text, to_simplified(text)
        turns = [simplified_turn(t) for t in history]
        # A mistyped document id is an error naming the indexed ones, not an answer from no clause at all.
        doc_ids = check_doc_ids(request.get("doc_ids") or (), assistant.indexed_documents())
        # A follow-up ("What else must he do?") is retrieved and answered with what it refers to.
        # A lead-in about the asker ("I'm briefing my minister:") is context, not something a clause must state:
        # the question is analysed and answered without it, but retrieved with it (it may name the topic).
        lead, text = split_lead_in(text, lang)
        analysis = resolve_follow_up(analyse_question(text, lang), turns)
        return {
            **request,
            "started": started,
            "text": text,
            "lang": lang,
            "traditional": traditional,
            "asked": asked,
            "worded_as": worded_as,
            "doc_ids": doc_ids,
            "analysis": analysis,
            "query": f"{lead} {analysis.retrieval_query}".strip()[-limit:],
            # The answerer weighs more chunks than `top_k` (it re-ranks them by coverage).
            "k": request.get("k") or assistant.settings.answer_candidates,
        }

    return analyse


def _retrieve_step(assistant: ChainAssistant, retriever: Runnable[str, Any] | None) -> Runnable[State, State]:
    if retriever is None:

        def retrieve(state: State) -> State:
            # Translated once: retrieval's BM25 query and the answerer's support check share it.
            translated = _translated(assistant, state)
            ranked = assistant.retrieve(
                state["query"],
                state["k"] + FLAGGED_SLACK,
                mode=state.get("mode"),
                doc_ids=state.get("doc_ids") or (),
                # A question about the page's site or its terms asks the notice retrieval leaves out by default.
                include_boilerplate=True if asks_site_notice(state["query"]) else None,
                translated=translated,
            )
            # The notice's heading and "Read more" labels say nothing an answer could quote.
            ranked = [h for h in ranked if not label_only(h.chunk)]
            # A notice topic ("formal position") is answered by the notice's clause wording it, whatever else
            # the question names as the page's subject.
            ranked = notice_first(state["query"], ranked)
            return {**state, "ranked": ranked, "translated": translated}

        return RunnableLambda(retrieve, name="retrieve")

    def retrieve_with(state: State) -> State:
        found = as_hits(retriever.invoke(state["query"]), assistant.chunks_by_id())
        doc_ids = state.get("doc_ids")
        if doc_ids:
            found = [h for h in found if h.chunk.doc_id in doc_ids]
        return {**state, "ranked": found[: state["k"] + FLAGGED_SLACK]}

    return RunnableLambda(retrieve_with, name="retrieve")


def _rerank_step(assistant: ChainAssistant, reranker: Runnable[dict[str, Any], Any]) -> Runnable[State, State]:
    def rerank(state: State) -> State:
        ordered = reranker.invoke({"query": state["query"], "hits": state["ranked"]})
        return {**state, "ranked": as_hits(ordered, assistant.chunks_by_id())}

    return RunnableLambda(rerank, name="rerank")


def as_hits(found: Any, chunks_by_id: dict[str, Chunk]) -> list[RetrievedChunk]:
    """`RetrievedChunk`s from what a retriever returned: hits as they are, LangChain Documents by chunk id."""
    hits: list[RetrievedChunk] = []
    for rank, item in enumerate(found, start=1):
        if isinstance(item, RetrievedChunk):
            hits.append(item)
            continue
        if not isinstance(item, LCDocument):
            raise TypeError(f"a retriever step must return Documents or RetrievedChunks, not {type(item).__name__}")
        chunk_id = item.id or item.metadata.get("id")
        chunk = chunks_by_id.get(chunk_id or "")
        if chunk is None:
            raise ValueError(
                f"the retriever returned {chunk_id!r}, which is no clause of this index: a swapped-in retriever "
                "must return the index's clauses (Document.id or metadata['id'] = the chunk id)"
            )
        hits.append(RetrievedChunk(chunk=chunk, score=float(item.metadata.get("score", 1.0 / rank))))
    return hits


def _flagged_step(assistant: ChainAssistant) -> Any:
    def separate_flagged(state: State) -> State:
        # Passages that read as instructions to an AI are evidence only: taken out before answering
        # (so neither the extractive answer nor an LLM prompt sees them), named in a note.
        ranked, k = state["ranked"], state["k"]
        usable, flagged = evidence_only(ranked)
        # Checked before anything reads a hit's document, so a clause the corpus lacks is named, not a KeyError.
        named = [h for h in flagged if h in ranked[:k]]
        require_documents((h.chunk for h in [*usable[:k], *named]), assistant.documents, assistant.settings.corpus_dir)
        notes = [flagged_note(h, document_name(assistant.documents[h.chunk.doc_id])) for h in named]
        return {**state, "hits": usable[:k], "flagged_notes": notes, "retrieved_at": time.perf_counter()}

    return separate_flagged


def _context_step(assistant: ChainAssistant) -> Any:
    def answer_context(state: State) -> State:
        # A swapped-in retriever does not translate the query: the answerer still needs its translations.
        translated = state.get("translated")
        if translated is None:
            translated = _translated(assistant, state)
        context = AnswerContext(
            hits=state["hits"],
            documents=assistant.documents,
            idf=assistant.idf,
            min_support=assistant.settings.min_support,
            chunks=assistant.allowed_chunks(state.get("doc_ids")),
            analysis=state["analysis"],
            translations=query_translations(translated),
            glosses=dictionary_glosses(assistant.settings),
            dense=assistant.settings.dense_thresholds(),
            similarity=_similarity(assistant, state),
            thesaurus=assistant.settings.thesaurus,
            thesaurus_phrases=assistant.settings.thesaurus_phrases,
            term_similarity=assistant.term_similarity(),
            generic_senses=assistant.settings.cross_generic_senses,
        )
        # A document in traditional characters is answered from its simplified view (quotes restored later).
        return {**state, "context": simplified_context(context)}

    return answer_context


def query_translations(query: LexicalQuery) -> dict[str, tuple[str, ...]]:
    """Each question word's dictionary translations as index tokens, for the answerer's support check.

    `query` is the one retrieval used (`retriever.query`): the question is translated once per ask."""
    out: dict[str, tuple[str, ...]] = {}
    for group in query.translations:
        # An everyday word's group (retrieval/everyday.py) has both languages' words: its English ones count too.
        tokens = _whole_word_tokens(group.tokens, group.targets, keep_latin=group.origin == "everyday")
        for stem in words(group.source):
            out[stem] = tuple(dict.fromkeys((*out.get(stem, ()), *tokens)))
    return out


def _whole_word_tokens(tokens: Sequence[str], targets: Sequence[str], *, keep_latin: bool = False) -> tuple[str, ...]:
    """Index tokens that stand for a whole translation: 世界杯 found only as its bigram 世界 says nothing
    about a clause about the world, so a support check must not count it (retrieval may)."""
    zh_targets = [t for t in targets if has_cjk(t)]
    if not zh_targets:
        return tuple(tokens)
    whole = set(zh_targets) | {f"\u00b7{t}" for t in zh_targets if len(t) == 2}
    return tuple(t for t in tokens if t in whole or (keep_latin and not has_cjk(t)))


def dictionary_glosses(settings: Settings) -> Callable[[str], Sequence[str]] | None:
    """CC-CEDICT's English glosses of a Chinese word, when dictionary translation is on (and installed)."""
    if not settings.dictionary_translation:
        return None
    from assistant.retrieval.dictionary import DictionaryUnavailableError, load_lexicon

    try:
        return load_lexicon().english
    except DictionaryUnavailableError:
        return None


def document_name(document: Document) -> str:
    """How a note names a document: its number, else its id, with where it comes from."""
    info = document.info
    return f"{info.doc_number or info.id} [{info.provenance()}]"


def _translated(assistant: ChainAssistant, state: State) -> LexicalQuery:
    """The query's BM25 terms with their translations, as `Assistant.retrieve` would make them."""
    text, _ = validate_question(state["query"], assistant.settings.max_question_chars)
    return assistant.retriever.query(text)


def _similarity(assistant: ChainAssistant, state: State) -> Callable[[Sequence[str]], Mapping[str, float]] | None:
    """The question's dense similarity to given clauses; None in BM25 mode, which answers without dense scores."""
    if (state.get("mode") or assistant.settings.retriever) == "bm25":
        return None
    return partial(assistant.retriever.similarity, state["query"])


def _answer_step(
    assistant: ChainAssistant, prompt: Runnable[dict[str, Any], Any] | None, chat_model: Runnable[Any, Any] | None
) -> Runnable[State, State]:
    def extractive(state: State) -> State:
        return {**state, "answer": answer_extractive(state["text"], state["lang"], state["context"])}

    def model_of() -> Runnable[Any, Any]:
        return chat_model if chat_model is not None else assistant.llm

    if chat_model is None:  # the assistant's model, looked up per call (`use_llm` may change it)
        chat_model_step: Runnable[Any, Any] = RunnableLambda(
            lambda messages: model_of().invoke(messages), name="chat_model"
        )
    else:
        chat_model_step = chat_model
    generate = (
        RunnableLambda(prompt_inputs, name="prompt_inputs")
        | (prompt if prompt is not None else DEFAULT_PROMPT)
        | chat_model_step.with_config(run_name="chat_model")
        | CitedReplyParser()
    )

    def llm(state: State) -> State:
        from assistant import llm as checked  # looked up per call: callers and tests replace answer_with_llm

        model_of()  # an unconfigured LLM fails here, before any retrieval result is judged
        model = generate.with_config(run_name="generate")  # `generate.…`: LangChain's graph finds it so
        answer = checked.answer_with_llm(state["text"], state["lang"], state["context"], model)  # type: ignore[arg-type]
        return {**state, "answer": answer}

    def wants_llm(state: State) -> bool:
        use = state.get("use_llm")
        return (chat_model is not None or assistant.settings.llm_enabled) if use is None else bool(use)

    llm_answer = RunnableLambda(llm, name="llm_answer")
    extractive_answer = RunnableLambda(extractive, name="extractive_answer")

    def answer(state: State, config: RunnableConfig) -> State:
        # A lambda that picks one of two runnables (rather than a RunnableBranch): both then appear
        # in `get_graph()`, and the chosen one traces as this step's child.
        if wants_llm(state):
            return llm_answer.invoke(state, config)
        return extractive_answer.invoke(state, config)

    return RunnableLambda(answer, name="answer")


def prompt_inputs(messages: list[Any]) -> dict[str, str]:
    """The prompt variables of the checked LLM path's messages (`build_messages`), for any chat prompt.

    The checker numbers the clauses it lets the model see; reading them back from its
    messages keeps one numbering, so the markers the model cites are the ones checked.
    """
    system, human = messages
    language = next(
        (
            name
            for name in LANGUAGE_NAMES.values()
            if SYSTEM.format(language=name, not_in_corpus=NOT_IN_CORPUS) == system.content
        ),
        None,
    )
    head, _, _ = HUMAN.partition("{clauses}")
    body, sep, question = str(human.content).rpartition("\n\nQuestion: ")
    if language is None or not sep or not body.startswith(head):
        raise ValueError("the LLM messages are not in the form build_messages writes; update prompt_inputs")
    return {"language": language, "not_in_corpus": NOT_IN_CORPUS, "clauses": body[len(head) :], "question": question}


def _conflict_step(state: State) -> State:
    answer = state["answer"]
    conflict = find_conflict(state["text"], state["lang"], answer, state["context"])
    if conflict is not None:  # two documents disagree: cite both rather than silently pick one
        n = len(answer.citations) + 1
        answer = replace(
            answer, text=f"{answer.text}\n{conflict.note} [{n}]", citations=[*answer.citations, conflict.citation]
        )
    return {**state, "answer": answer, "answered_at": time.perf_counter()}


def _locate_step(assistant: ChainAssistant) -> Any:
    def locate_citations(state: State) -> Answer:
        # Quotes of a traditional document in its own characters again (it was answered from its view).
        answer = restore_source(state["answer"], state["context"].documents, assistant.documents)
        citations = [assistant.locate(c) for c in answer.citations]
        started, retrieved, answered = state["started"], state["retrieved_at"], state["answered_at"]
        timings = {
            "retrieve": retrieved - started,
            "answer": answered - retrieved,
            "total": time.perf_counter() - started,
        }
        notes = [*answer.notes, *state["flagged_notes"]]
        changes: dict[str, Any] = {"citations": citations, "timings": timings, "notes": notes}
        region = None
        if state.get("traditional"):  # asked in traditional characters: answered in them, quotes verbatim
            worded_as = state.get("worded_as", state["asked"])
            region = traditional_region(worded_as)
            changes.update(text=traditional_wording(answer.text, worded_as), question=state["asked"])
        changes["lang_tag"] = language_tag(answer.language, region)
        return Answer(**{**answer.__dict__, **changes})

    return locate_citations
