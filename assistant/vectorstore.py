"""The index behind LangChain's `VectorStore` interface, whichever backend holds it.

`ClauseVectorStore` is a LangChain `VectorStore` over a loaded index (any
`assistant.index.IndexBackend`: the local FAISS build or the Milvus collection,
as `Assistant().store` returns for the configured backend), so any LangChain
code (retrievers, chains, agents) can search the clauses. Results are
`Document`s whose `page_content` is the verbatim clause and whose metadata is
the whole chunk record (doc id, section, label, offsets …). It is read-only:
the index is built from the corpus by `assistant index`, which is what keeps
every citation checkable against its source file, so `add_texts`/`delete`
raise `ReadOnlyIndexError`; `from_texts` builds a separate index of plain texts.
A dict filter on `doc_id`, `lang` or `section_kind` runs inside Milvus on the
Milvus backend; any other filter becomes a row mask.

langchain-tests' `VectorStoreIntegrationTests` do not apply, by design: every one
of them starts from an empty store, writes documents with arbitrary metadata
(`add_documents`, `delete`, upserts) and expects that metadata back verbatim,
while this store is read-only and its metadata is the chunk record. The read
side they would check (`similarity_search*`, `get_by_ids`, `as_retriever`,
relevance scores, filters) is tested in tests/test_vectorstore.py on both
backends, and the retriever passes `RetrieversIntegrationTests` on both.

To move the assistant itself to Milvus set `ASSISTANT_BACKEND=milvus` (and
`ASSISTANT_MILVUS_URI`), then run `assistant index`; see the README.

Example:
    >>> from assistant import Assistant
    >>> from assistant.vectorstore import ClauseVectorStore
    >>> vs = ClauseVectorStore.from_assistant(Assistant())                  # doctest: +SKIP
    >>> vs.similarity_search("Who must report to Council?", k=1)[0].id      # doctest: +SKIP
    'eur-44a25-1/operative/secretary-general/7'
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import VectorStore

from assistant.chunking import CHUNKER_VERSION
from assistant.index import ChunkFilter, IndexBackend, filter_mask, load_index, write_index
from assistant.index.generation import PerIndex
from assistant.schema import Chunk
from assistant.text import has_cjk

if TYPE_CHECKING:  # pragma: no cover
    from assistant.api import Assistant

MetadataFilter = Mapping[str, Any] | Callable[[dict[str, Any]], bool]

# Metadata keys a dict filter can hand to the backend as a `ChunkFilter` (Milvus filters them natively).
_NATIVE = {"doc_id": "doc_ids", "lang": "languages", "section_kind": "section_kinds"}


class ReadOnlyIndexError(NotImplementedError):
    """The project index is built from the corpus by `assistant index`; it cannot be edited in place."""


_READ_ONLY = (
    "ClauseVectorStore is read-only: the index is built from the corpus folder by `assistant index` "
    "(or Assistant.build_index()), so that every chunk keeps its offsets into a source file and every "
    "citation can be re-checked. Add the document to corpus/ and its manifest, then rebuild the index; "
    "or use ClauseVectorStore.from_texts(...) for an index of plain texts."
)


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    """The chunk record without its text (which is the page content), `path` as a list."""
    meta = chunk.to_dict()
    meta.pop("text")
    return meta


def _as_query_vector(embedding: Embeddings, query: str) -> np.ndarray:
    fast = getattr(embedding, "embed_query_array", None)
    vector = fast(query) if callable(fast) else embedding.embed_query(query)
    return _unit(vector)


def _unit(vector: Sequence[float] | np.ndarray) -> np.ndarray:
    v = np.asarray(vector, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


class ClauseVectorStore(VectorStore):
    """LangChain `VectorStore` over a built project index (read-only; dense search, inner product).

    Args:
        store: a loaded index (`Assistant().store`, or `assistant.store.load_index(...)`).
        embedding: the model the index was built with (checked against the manifest by name when it
            has a `model_name`), used to embed queries.
        include_boilerplate: also return chunks tagged as boilerplate (disclaimers, "read more").

    Scores are inner products of unit vectors (cosine similarity, -1..1); `similarity_search_with_
    relevance_scores` maps them to 0..1. `filter` is a dict of metadata field -> value (or list of
    accepted values), e.g. `{"doc_id": "eur-44a25-1", "section_kind": ["operative"]}`, or a predicate
    on the metadata dict.

    Example:
        >>> vs = ClauseVectorStore.from_assistant(Assistant())                      # doctest: +SKIP
        >>> doc, score = vs.similarity_search_with_score("谁必须向理事会报告？", k=1)[0]  # doctest: +SKIP
        >>> doc.metadata["label"], doc.metadata["doc_id"]                           # doctest: +SKIP
        ('7', 'eur-44a25-1')
    """

    def __init__(self, store: IndexBackend, embedding: Embeddings, *, include_boilerplate: bool = True) -> None:
        name = getattr(embedding, "model_name", None)
        if isinstance(name, str) and name != store.manifest.model:
            raise ValueError(
                f"the index was built with embedding model {store.manifest.model!r}, not {name!r}; "
                "queries must be embedded by the same model"
            )
        self.store = store
        self._embedding = embedding
        self.include_boilerplate = include_boilerplate
        # Per chunk list: a library caller's `store.add`/`delete_documents` replaces it (index/generation.py).
        self._rows: PerIndex[list[Chunk], None, dict[str, int]] = PerIndex()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None  # owned index folder of `from_texts`

    # -- construction --------------------------------------------------------------------------------------------
    @classmethod
    def from_assistant(cls, assistant: Assistant) -> ClauseVectorStore:
        """The store over an `Assistant`'s index (loaded now), with its embeddings and boilerplate setting."""
        return cls(assistant.store, assistant.embeddings, include_boilerplate=assistant.settings.include_boilerplate)

    @classmethod
    def from_index_dir(cls, index_dir: Path | str, embedding: Embeddings, **kwargs: Any) -> ClauseVectorStore:
        """Load the live build in `index_dir` (checksums verified; stale model refused)."""
        model = getattr(embedding, "model_name", None)
        return cls(load_index(Path(index_dir), model=model if isinstance(model, str) else None), embedding, **kwargs)

    @classmethod
    def from_texts(
        cls,
        texts: list[str],
        embedding: Embeddings,
        metadatas: list[dict] | None = None,
        *,
        ids: list[str] | None = None,
        index_dir: Path | str | None = None,
        index_type: str = "flat",
        **kwargs: Any,
    ) -> ClauseVectorStore:
        """Build a new index of plain texts (one chunk each) with `embedding` and return a store over it.

        The index is written by the same `write_index` as the project's (atomic, checksummed, no
        pickle) into `index_dir`, or into a temp folder that lives as long as the returned store.
        `metadatas[i]["doc_id"]` names a text's document (default "texts"); ids default to `text/<i>`.
        """
        chunks = _text_chunks(list(texts), metadatas, ids)
        tmp = None
        if index_dir is None:
            tmp = tempfile.TemporaryDirectory(prefix="clause-vectorstore-")
            index_dir = tmp.name
        model = getattr(embedding, "model_name", None) or type(embedding).__name__
        dim = int(getattr(embedding, "dimension", 0) or len(embedding.embed_query("dimension probe")))
        write_index(
            Path(index_dir),
            chunks,
            _unit_rows(embedding),
            model=model,
            dim=dim,
            corpus_hash="from_texts",
            chunker_version=CHUNKER_VERSION,
            index_type=index_type,
        )
        vs = cls(load_index(Path(index_dir)), embedding, **kwargs)
        vs._tmp = tmp
        return vs

    # -- VectorStore interface -----------------------------------------------------------------------------------
    @property
    def embeddings(self) -> Embeddings:
        return self._embedding

    def add_texts(self, texts: Iterable[str], metadatas: list[dict] | None = None, **kwargs: Any) -> list[str]:
        raise ReadOnlyIndexError(_READ_ONLY)

    def add_documents(self, documents: list[Document], **kwargs: Any) -> list[str]:
        raise ReadOnlyIndexError(_READ_ONLY)

    def delete(self, ids: list[str] | None = None, **kwargs: Any) -> bool | None:
        raise ReadOnlyIndexError(_READ_ONLY)

    def get_by_ids(self, ids: Sequence[str], /) -> list[Document]:
        """The chunks with these ids, in the order given; unknown ids are skipped."""
        chunks = self.store.chunks
        rows = self._rows.get(chunks, None, lambda listed: {c.id: i for i, c in enumerate(listed)})
        return [_document(chunks[rows[i]]) for i in ids if i in rows]

    def similarity_search(
        self, query: str, k: int = 4, filter: MetadataFilter | None = None, **kwargs: Any
    ) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score(query, k, filter=filter, **kwargs)]

    def similarity_search_with_score(
        self, query: str, k: int = 4, filter: MetadataFilter | None = None, **kwargs: Any
    ) -> list[tuple[Document, float]]:
        """The `k` chunks nearest to `query` with their cosine similarity, best first."""
        return self.similarity_search_with_score_by_vector(
            _as_query_vector(self._embedding, query), k, filter=filter, **kwargs
        )

    def similarity_search_by_vector(
        self, embedding: list[float], k: int = 4, filter: MetadataFilter | None = None, **kwargs: Any
    ) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score_by_vector(embedding, k, filter=filter, **kwargs)]

    def similarity_search_with_score_by_vector(
        self,
        embedding: list[float] | np.ndarray,
        k: int = 4,
        filter: MetadataFilter | None = None,
        **kwargs: Any,
    ) -> list[tuple[Document, float]]:
        if kwargs:
            raise TypeError(f"unexpected search arguments: {sorted(kwargs)}")
        vector = _unit(embedding)
        if vector.shape != (self.store.manifest.dim,):
            raise ValueError(f"query vector has {vector.shape[0]} dimensions, the index {self.store.manifest.dim}")
        allowed, native = self._filter(filter)
        if allowed is not None and not allowed.any():
            return []
        hits = self.store.search_dense(vector, k, allowed, native)
        return [(self._document(row), score) for row, score in hits]

    def _select_relevance_score_fn(self) -> Callable[[float], float]:
        return lambda score: (score + 1.0) / 2.0  # cosine -1..1 -> 0..1

    @classmethod
    def from_documents(cls, documents: list[Document], embedding: Embeddings, **kwargs: Any) -> ClauseVectorStore:
        ids = [d.id for d in documents] if all(d.id for d in documents) else None
        return cls.from_texts(
            [d.page_content for d in documents], embedding, [d.metadata for d in documents], ids=ids, **kwargs
        )

    # -- internals -----------------------------------------------------------------------------------------------
    def _document(self, row: int) -> Document:
        return _document(self.store.chunks[row])

    def _filter(self, flt: MetadataFilter | None) -> tuple[np.ndarray | None, ChunkFilter | None]:
        """The row mask of `flt` and, when the backend can run it natively, the same filter as a `ChunkFilter`."""
        native = _native_filter(flt, self.include_boilerplate)
        if native is not None:
            return filter_mask(native, self.store.chunks), native
        chunks = self.store.chunks
        keep = np.ones(len(chunks), dtype=bool)
        for i, c in enumerate(chunks):
            hidden = c.boilerplate and not self.include_boilerplate
            if hidden or (flt is not None and not _matches(chunk_metadata(c), flt)):
                keep[i] = False
        return (None if keep.all() else keep), None


def _document(chunk: Chunk) -> Document:
    return Document(page_content=chunk.text, metadata=chunk_metadata(chunk), id=chunk.id)


def _native_filter(flt: MetadataFilter | None, include_boilerplate: bool) -> ChunkFilter | None:
    """`flt` as a `ChunkFilter` when it only names documents, languages and section kinds; else None."""
    if flt is None:
        return ChunkFilter(include_boilerplate=include_boilerplate)
    if callable(flt) or not set(flt) <= set(_NATIVE):
        return None
    fields = {_NATIVE[k]: tuple(v) if isinstance(v, list | tuple | set | frozenset) else (v,) for k, v in flt.items()}
    return ChunkFilter(**fields, include_boilerplate=include_boilerplate)


def _matches(meta: dict[str, Any], flt: MetadataFilter) -> bool:
    if callable(flt):
        return bool(flt(meta))
    for key, want in flt.items():
        have = meta.get(key)
        if isinstance(want, list | tuple | set | frozenset):
            if have not in want:
                return False
        elif have != want:
            return False
    return True


__all__ = [
    "ClauseVectorStore",
    "ReadOnlyIndexError",
    "chunk_metadata",
]


def _text_chunks(texts: list[str], metadatas: list[dict] | None, ids: list[str] | None) -> list[Chunk]:
    """One paragraph chunk per text, offsets as if the texts were one file with a text per line."""
    if metadatas is not None and len(metadatas) != len(texts):
        raise ValueError(f"{len(metadatas)} metadatas for {len(texts)} texts")
    if ids is not None and len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    ids = list(ids) if ids is not None else [f"text/{i}" for i in range(len(texts))]
    if len(set(ids)) != len(ids):
        raise ValueError("ids must be unique")
    chunks = []
    offset = 0
    for i, (cid, text) in enumerate(zip(ids, texts, strict=True)):
        meta = metadatas[i] if metadatas else {}
        chunks.append(
            Chunk(
                id=cid,
                doc_id=str(meta.get("doc_id", "texts")),
                text=text,
                lang=meta.get("lang", "zh" if has_cjk(text) else "en"),
                kind="paragraph",
                section_kind="body",
                start=offset,
                end=offset + len(text),
                label=str(meta.get("label", "")),
            )
        )
        offset += len(text) + 1
    return chunks


def _unit_rows(embedding: Embeddings) -> Callable[[list[str]], np.ndarray]:
    """`embedding` as the index writer's batch embedder: float32 rows of unit length (cosine = inner product)."""

    def embed(batch: list[str]) -> np.ndarray:
        fast = getattr(embedding, "embed_documents_array", None)
        rows = fast(batch) if callable(fast) else embedding.embed_documents(batch)
        matrix = np.asarray(rows, dtype=np.float32).reshape(len(batch), -1)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return matrix / norms

    return embed
