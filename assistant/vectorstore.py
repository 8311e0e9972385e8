"""The index behind LangChain's `VectorStore` interface, and Milvus as a drop-in distributed backend.

Two pieces:

* `ClauseVectorStore`: a LangChain `VectorStore` over a built project index (FAISS vectors + chunk
  records), so any LangChain code (retrievers, chains, agents) can search the clauses. Results are
  `Document`s whose `page_content` is the verbatim clause and whose metadata is the whole chunk record
  (doc id, section, label, offsets …). It is read-only: the index is built from the corpus by
  `assistant index`, which is what keeps every citation checkable against its source file, so
  `add_texts`/`delete` raise `ReadOnlyIndexError`. `from_texts` builds a separate index of plain texts.

* Milvus (via `langchain_milvus.Milvus`; Milvus Lite when the URI is a local file path):
  `export_to_milvus` copies a built index into a collection **with its existing vectors** (read from the
  build's `vectors.npy`; nothing is re-embedded) and the chunk metadata; `MilvusDenseStore` answers the
  retriever's dense searches from Milvus while chunks and BM25 stay local; `milvus_retriever` returns
  the usual `HybridRetriever` (dense from Milvus + BM25, fused by RRF), so switching backend is a
  configuration change, not a rewrite. `VectorBackendConfig.from_env()` reads the proposed switch:

      ASSISTANT_VECTOR_BACKEND=milvus          # "faiss" (default) or "milvus"
      ASSISTANT_MILVUS_URI=index/milvus.db      # a local file (Milvus Lite) or http://host:19530
      ASSISTANT_MILVUS_COLLECTION=assistant_chunks
      ASSISTANT_MILVUS_TOKEN=...                # optional, for a secured server / Zilliz Cloud

Example:
    >>> from assistant import Assistant
    >>> from assistant.vectorstore import ClauseVectorStore, milvus_retriever
    >>> a = Assistant()                                                     # doctest: +SKIP
    >>> vs = ClauseVectorStore.from_assistant(a)                            # doctest: +SKIP
    >>> vs.similarity_search("Who must report to Council?", k=1)[0].id      # doctest: +SKIP
    'eur-44a25-1/operative/secretary-general/7'
    >>> r = milvus_retriever(a.store, a.embeddings, uri="/tmp/milvus.db")   # doctest: +SKIP
    >>> r.retrieve("谁必须向理事会报告？", k=1)[0].chunk.id                  # doctest: +SKIP
    'eur-44a25-1/operative/secretary-general/7'
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import VectorStore

from assistant.chunking import CHUNKER_VERSION
from assistant.retrieval import HybridRetriever
from assistant.schema import Chunk
from assistant.store import IndexStore, load_index, write_index
from assistant.text import has_cjk

if TYPE_CHECKING:  # pragma: no cover
    from langchain_milvus import Milvus

    from assistant.api import Assistant
    from assistant.settings import Settings

MetadataFilter = Mapping[str, Any] | Callable[[dict[str, Any]], bool]

DEFAULT_COLLECTION = "assistant_chunks"
_FINGERPRINT_KEY = "assistant.index"  # collection property: model, corpus hash and build it was exported from


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

    def __init__(self, store: IndexStore, embedding: Embeddings, *, include_boilerplate: bool = True) -> None:
        name = getattr(embedding, "model_name", None)
        if isinstance(name, str) and name != store.manifest.model:
            raise ValueError(
                f"the index was built with embedding model {store.manifest.model!r}, not {name!r}; "
                "queries must be embedded by the same model"
            )
        self.store = store
        self._embedding = embedding
        self.include_boilerplate = include_boilerplate
        self._rows = {c.id: i for i, c in enumerate(store.chunks)}
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
        texts = list(texts)
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
            lang = meta.get("lang", "zh" if has_cjk(text) else "en")
            chunks.append(
                Chunk(
                    id=cid,
                    doc_id=str(meta.get("doc_id", "texts")),
                    text=text,
                    lang=lang,
                    kind="paragraph",
                    section_kind="body",
                    start=offset,
                    end=offset + len(text),
                    label=str(meta.get("label", "")),
                )
            )
            offset += len(text) + 1  # as if the texts were one file, one per line
        tmp = None
        if index_dir is None:
            tmp = tempfile.TemporaryDirectory(prefix="clause-vectorstore-")
            index_dir = tmp.name

        def embed(batch: list[str]) -> np.ndarray:
            fast = getattr(embedding, "embed_documents_array", None)
            rows = fast(batch) if callable(fast) else embedding.embed_documents(batch)
            matrix = np.asarray(rows, dtype=np.float32).reshape(len(batch), -1)
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            return matrix / norms

        model = getattr(embedding, "model_name", None) or type(embedding).__name__
        dim = int(getattr(embedding, "dimension", 0) or len(embedding.embed_query("dimension probe")))
        write_index(
            Path(index_dir),
            chunks,
            embed,
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
        return [self._document(self._rows[i]) for i in ids if i in self._rows]

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
        allowed = self._mask(filter)
        hits = self.store.search_dense(vector, k, allowed)
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
        chunk = self.store.chunks[row]
        return Document(page_content=chunk.text, metadata=chunk_metadata(chunk), id=chunk.id)

    def _mask(self, flt: MetadataFilter | None) -> np.ndarray | None:
        chunks = self.store.chunks
        if flt is None and self.include_boilerplate:
            return None
        keep = np.ones(len(chunks), dtype=bool)
        for i, c in enumerate(chunks):
            hidden = c.boilerplate and not self.include_boilerplate
            if hidden or (flt is not None and not _matches(chunk_metadata(c), flt)):
                keep[i] = False
        return None if keep.all() else keep


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


# ---- Milvus ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VectorBackendConfig:
    """Which engine answers dense searches; read from the environment by `from_env`."""

    backend: str = "faiss"  # "faiss" (the index folder) or "milvus"
    milvus_uri: str = ""  # a local file path runs Milvus Lite; "http://host:19530" a Milvus server
    milvus_collection: str = DEFAULT_COLLECTION
    milvus_token: str = ""

    def __post_init__(self) -> None:
        if self.backend not in ("faiss", "milvus"):
            raise ValueError(f"ASSISTANT_VECTOR_BACKEND must be 'faiss' or 'milvus', got {self.backend!r}")
        if self.backend == "milvus" and not self.milvus_uri:
            raise ValueError("ASSISTANT_VECTOR_BACKEND=milvus needs ASSISTANT_MILVUS_URI (a file path or a server URL)")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> VectorBackendConfig:
        env = os.environ if environ is None else environ
        return cls(
            backend=env.get("ASSISTANT_VECTOR_BACKEND", "faiss").strip().lower() or "faiss",
            milvus_uri=env.get("ASSISTANT_MILVUS_URI", ""),
            milvus_collection=env.get("ASSISTANT_MILVUS_COLLECTION", DEFAULT_COLLECTION) or DEFAULT_COLLECTION,
            milvus_token=env.get("ASSISTANT_MILVUS_TOKEN", ""),
        )

    def connection_args(self) -> dict[str, Any]:
        args: dict[str, Any] = {"uri": self.milvus_uri}
        if self.milvus_token:
            args["token"] = self.milvus_token
        return args


def _fingerprint(store: IndexStore) -> str:
    """What a Milvus collection copied from `store` records, to tell whether it is still that index."""
    m = store.manifest
    return json.dumps(
        {
            "model": m.model,
            "dim": m.dim,
            "corpus_hash": m.corpus_hash,
            "chunks": len(store.chunks),
            "build": store.path.name,
        },
        sort_keys=True,
    )


def _milvus_metadata(chunk: Chunk) -> dict[str, Any]:
    """Scalar metadata Milvus can type (VARCHAR, INT64, BOOL); `path` joined by "/", `id` as `chunk_id`."""
    meta = chunk_metadata(chunk)
    meta["chunk_id"] = meta.pop("id")
    meta["path"] = "/".join(meta["path"])
    return meta


def _milvus_class() -> type[Milvus]:
    try:
        from langchain_milvus import Milvus
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("the Milvus backend needs: pip install '.[milvus]' (langchain-milvus, milvus-lite)") from exc
    return Milvus


def _open_milvus(embeddings: Embeddings, connection_args: Mapping[str, Any], collection: str, **kwargs: Any) -> Milvus:
    return _milvus_class()(
        embedding_function=embeddings,
        collection_name=collection,
        connection_args=dict(connection_args),
        index_params={"index_type": "FLAT", "metric_type": "IP", "params": {}},
        search_params={"metric_type": "IP", "params": {}},
        auto_id=False,
        **kwargs,
    )


def export_to_milvus(
    store: IndexStore,
    embeddings: Embeddings,
    uri: str,
    collection: str = DEFAULT_COLLECTION,
    *,
    token: str = "",
    batch_size: int = 1000,
) -> Milvus:
    """Copy a built index into a (re-created) Milvus collection, reusing its vectors; returns the store.

    Each chunk becomes one entity: primary key = chunk id, `text` = the verbatim clause, `vector` = the
    row of the build's `vectors.npy` (the same vector FAISS searches; nothing is re-embedded), plus the
    chunk's fields as scalar metadata (`chunk_id`, `doc_id`, `section`, `label`, `start`, `end` …). The
    metric is inner product on unit vectors, so scores equal the FAISS flat scores. A collection property
    (`assistant.index`) records the index's model, corpus hash and build, which `milvus_retriever` checks
    (Milvus Lite does not keep collection descriptions; properties it keeps).
    `uri` is a local file path (Milvus Lite, embedded) or a server URL.
    """
    vectors = np.load(store.path / "vectors.npy", allow_pickle=False)
    if vectors.shape != (len(store.chunks), store.manifest.dim):
        raise ValueError(
            f"{store.path / 'vectors.npy'} holds {vectors.shape}, expected ({len(store.chunks)}, {store.manifest.dim})"
        )
    args: dict[str, Any] = {"uri": uri, **({"token": token} if token else {})}
    milvus = _open_milvus(
        embeddings,
        args,
        collection,
        drop_old=True,
        collection_description="chunks of a UN/ITU assistant index",
        collection_properties={_FINGERPRINT_KEY: _fingerprint(store)},
    )
    milvus.add_embeddings(
        texts=[c.text for c in store.chunks],
        embeddings=vectors.tolist(),
        metadatas=[_milvus_metadata(c) for c in store.chunks],
        ids=[c.id for c in store.chunks],
        batch_size=batch_size,
    )
    return milvus


def milvus_collection_matches(milvus: Milvus, store: IndexStore) -> bool:
    """Whether the collection was exported from exactly this build of the index."""
    try:
        info = milvus.client.describe_collection(milvus.collection_name)
    except Exception:
        return False
    return (info.get("properties") or {}).get(_FINGERPRINT_KEY) == _fingerprint(store)


class MilvusDenseStore:
    """An `IndexStore` whose dense search is answered by Milvus; chunks, BM25 and the manifest stay local.

    `HybridRetriever` (and anything else calling `store.search_dense`) uses it unchanged. A row mask
    (retrieval filters) becomes a Milvus `pk in [...]` expression when it allows at most `max_expr_ids`
    chunks; otherwise Milvus returns `oversample`× more hits and the mask is applied here, falling back
    to the expression if too few survive.
    """

    def __init__(self, store: IndexStore, milvus: Milvus, *, max_expr_ids: int = 2000, oversample: int = 4) -> None:
        self._store = store
        self.milvus = milvus
        self.max_expr_ids = max_expr_ids
        self.oversample = oversample
        self._rows = {c.id: i for i, c in enumerate(store.chunks)}

    def __getattr__(self, name: str) -> Any:  # chunks, lexical, manifest, path, chunk_ids …
        return getattr(self._store, name)

    def __len__(self) -> int:
        return len(self._store)

    def search_dense(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Row indices and inner-product scores of the `k` nearest chunks, best first (as `IndexStore`)."""
        chunks = self._store.chunks
        k = min(k, len(chunks))
        if k <= 0:
            return []
        vector = _unit(query).tolist()
        if allowed is None:
            return self._search(vector, k, None)
        rows = np.flatnonzero(allowed)
        if rows.size == 0:
            return []
        if rows.size <= self.max_expr_ids:
            return self._search(vector, k, f"pk in {json.dumps([chunks[r].id for r in rows], ensure_ascii=False)}")
        hits = [(r, s) for r, s in self._search(vector, min(len(chunks), k * self.oversample), None) if allowed[r]]
        if len(hits) >= k:
            return hits[:k]
        ids = [chunks[r].id for r in rows]
        return self._search(vector, k, f"pk in {json.dumps(ids, ensure_ascii=False)}")

    def _search(self, vector: list[float], k: int, expr: str | None) -> list[tuple[int, float]]:
        found = self.milvus.similarity_search_with_score_by_vector(vector, k=k, expr=expr)
        return [(self._rows[doc.metadata["pk"]], float(score)) for doc, score in found]


def milvus_retriever(
    store: IndexStore,
    embeddings: Any,
    *,
    uri: str,
    collection: str = DEFAULT_COLLECTION,
    token: str = "",
    export: bool | None = None,
    settings: Settings | None = None,
) -> HybridRetriever:
    """The assistant's hybrid retriever with its dense half served by Milvus.

    `export=None` (default) copies the index into the collection when the collection is missing or was
    exported from another build (see `milvus_collection_matches`); True always re-exports, False never
    does (the collection must exist). `embeddings` embeds queries: the model the index was built with
    (`Assistant().embeddings`). Fusion weights, RRF k and candidate depth come from `settings`.

    Wiring (proposed, in `Assistant.retriever`): when `VectorBackendConfig.from_env().backend == "milvus"`,
    build `milvus_retriever(self.store, _QueryEmbedder(self._embed_query), uri=..., collection=...)`
    instead of `HybridRetriever(self.store, ...)`; `configured_retriever` below does exactly that.
    """
    from assistant.settings import Settings

    s = settings or Settings.from_env()
    args: dict[str, Any] = {"uri": uri, **({"token": token} if token else {})}
    if export is True:
        milvus = export_to_milvus(store, embeddings, uri, collection, token=token)
    else:
        milvus = _open_milvus(embeddings, args, collection)
        if not milvus_collection_matches(milvus, store):
            if export is False:
                raise ValueError(
                    f"Milvus collection {collection!r} at {uri} is missing or was exported from another index build; "
                    "export it with assistant.vectorstore.export_to_milvus(...)"
                )
            milvus = export_to_milvus(store, embeddings, uri, collection, token=token)
    return HybridRetriever(
        MilvusDenseStore(store, milvus),  # type: ignore[arg-type]  # duck-typed IndexStore
        embeddings,
        s.retrieval_config(),
    )


class _QueryEmbedder(Embeddings):
    """Query embedding through a given function (the Assistant's locked one); documents via the model."""

    def __init__(self, embed_query_array: Callable[[str], np.ndarray], model: Embeddings) -> None:
        self.embed_query_array = embed_query_array
        self._model = model

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self.embed_query_array(text), dtype=np.float32).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._model.embed_documents(texts)


def configured_retriever(assistant: Assistant, config: VectorBackendConfig | None = None) -> HybridRetriever:
    """`assistant.retriever` for the FAISS backend, or the Milvus-backed one when configured."""
    cfg = config or VectorBackendConfig.from_env()
    if cfg.backend == "faiss":
        return assistant.retriever
    # The Assistant serialises query embedding (one model shared by every thread); keep that.
    embed_query = getattr(assistant, "_embed_query", None) or assistant.embeddings.embed_query_array
    return milvus_retriever(
        assistant.store,
        _QueryEmbedder(embed_query, assistant.embeddings),
        uri=cfg.milvus_uri,
        collection=cfg.milvus_collection,
        token=cfg.milvus_token,
        settings=assistant.settings,
    )


__all__ = [
    "DEFAULT_COLLECTION",
    "ClauseVectorStore",
    "MilvusDenseStore",
    "ReadOnlyIndexError",
    "VectorBackendConfig",
    "chunk_metadata",
    "configured_retriever",
    "export_to_milvus",
    "milvus_collection_matches",
    "milvus_retriever",
]
