"""The Milvus backend: vectors and chunk metadata in a Milvus collection, filters run inside Milvus.

One entity per chunk: primary key `chunk_id`, the scalar fields a retrieval
filter uses (`doc_id`, `lang`, `section_kind`, `boilerplate`), the chunk's
`content_key` (what its vector depends on) and `vector` (inner product on unit
vectors, so scores equal the local FAISS flat scores). A collection property,
`assistant.build`, names the build folder it was synced for: a collection left
ahead of the live build by a killed build is reported stale, never used silently.

The URI picks the deployment: a file path is Milvus Lite (embedded; one process
at a time may open the file), `http://host:19530` a standalone or distributed
server. Chunks and BM25 stay in the build folder beside it: Milvus's own BM25
(Milvus Lite 3.2 has it, with a jieba analyzer) scores a query string, while the
project's BM25 scores weighted groups of translated terms, a gloss field and
per-token idf that the answerer's support check reads; keeping it local keeps
the two backends' answers identical. The manifest says so (`lexical`).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.backend import FilterSpec
from assistant.index.loading import Expected, LiveBuild, guarded, read_build
from assistant.index.manifest import AssistantIndexError, IndexManifest, IndexStaleError, content_key
from assistant.lexical import BM25Index, tokenize
from assistant.schema import Chunk
from assistant.settings import MilvusSettings

BUILD_PROPERTY = "assistant.build"
_INDEX = {"flat": ("FLAT", {}), "hnsw": ("HNSW", {"M": 32, "efConstruction": 80}), "ivf": ("IVF_FLAT", {"nlist": 1024})}
_INSERT_BATCH = 1000
_ITERATOR_BATCH = 5000
# Clients per connection, so that one process opens a Milvus Lite file once (a cache, not state), and how many
# holders (loaded stores, a running build) use each: the last `disconnect` closes it.
_CLIENTS: dict[tuple[str, ...], Any] = {}
_HOLDERS: dict[tuple[str, ...], int] = {}
_CLIENTS_LOCK = threading.Lock()


class MilvusUnavailableError(AssistantIndexError):
    """pymilvus is not installed, or the Milvus at the URI cannot be reached or opened."""


def connect(cfg: MilvusSettings) -> Any:
    """A `pymilvus.MilvusClient` for `cfg` (shared within this process); errors say what to do.

    Each call holds the client until its `disconnect(cfg)`: a store replaced by a rebuild shares the new
    store's client, so closing it must not close the client under the live one.
    """
    key = _key(cfg)
    with _CLIENTS_LOCK:
        if key in _CLIENTS:
            _HOLDERS[key] += 1
            return _CLIENTS[key]
        try:
            from pymilvus import MilvusClient
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise MilvusUnavailableError("the Milvus backend needs: pip install '.[milvus]'") from exc
        args: dict[str, Any] = {"uri": cfg.uri}
        args.update({k: v for k, v in (("token", cfg.token), ("user", cfg.user), ("password", cfg.password)) if v})
        if cfg.db:
            args["db_name"] = cfg.db
        if not cfg.is_server():
            if not cfg.uri.endswith(".db"):
                raise MilvusUnavailableError(
                    f"ASSISTANT_MILVUS_URI={cfg.uri!r}: a Milvus Lite file must end in .db "
                    "(or give a server URL, http://host:19530)"
                )
            Path(cfg.uri).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # Milvus Lite logs a traceback of its own when the file is locked; the error below says it better.
        lite_log = logging.getLogger("milvus_lite.server_manager")
        level = lite_log.level
        lite_log.setLevel(logging.CRITICAL)
        try:
            client = MilvusClient(**args)
        except Exception as exc:
            why = (
                "Milvus Lite opens a file in one process at a time: is another `assistant` process using it? "
                "Several processes need a Milvus server (ASSISTANT_MILVUS_URI=http://host:19530)"
                if not cfg.is_server()
                else "is the server running and are the credentials right?"
            )
            raise MilvusUnavailableError(f"cannot open Milvus at {cfg.uri} ({exc}); {why}") from exc
        finally:
            lite_log.setLevel(level)
        _CLIENTS[key] = client
        _HOLDERS[key] = 1
        return client


def _key(cfg: MilvusSettings) -> tuple[str, ...]:
    return (cfg.uri, cfg.token, cfg.user, cfg.password, cfg.db)


def disconnect(cfg: MilvusSettings) -> None:
    """Release one `connect(cfg)`; the last one closes this process's client, so another process may open a
    Milvus Lite file."""
    key = _key(cfg)
    with _CLIENTS_LOCK:
        if key not in _CLIENTS:
            return
        _HOLDERS[key] -= 1
        if _HOLDERS[key] > 0:
            return
        client = _CLIENTS.pop(key)
        del _HOLDERS[key]
    client.close()
    if not cfg.is_server():
        # Closing the client leaves Milvus Lite's in-process server (and its file lock) running.
        from milvus_lite.server_manager import server_manager_instance

        server_manager_instance.release_server(cfg.uri)


def filter_expression(flt: FilterSpec) -> str:
    """The Milvus boolean expression for a retrieval filter ("" when it allows everything)."""
    parts = []
    for name, values in (("doc_id", flt.doc_ids), ("lang", flt.languages), ("section_kind", flt.section_kinds)):
        if values:
            parts.append(f"{name} in {json.dumps(list(values), ensure_ascii=False)}")
    if not flt.include_boilerplate:
        parts.append("boilerplate == false")
    return " and ".join(parts)


class MilvusCollection:
    """The collection of one index: create, sync, search (a thin layer over `MilvusClient`)."""

    def __init__(self, client: Any, name: str, *, serial: bool = False, settings: MilvusSettings | None = None) -> None:
        self.client = client
        self.name = name
        self.settings = settings
        # Milvus Lite runs in this process; calls from many threads (the UI) take turns.
        self._lock = threading.Lock() if serial else None

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        fn = getattr(self.client, method)
        if self._lock is None:
            return fn(*args, **kwargs)
        with self._lock:
            return fn(*args, **kwargs)

    def exists(self) -> bool:
        return bool(self._call("has_collection", self.name))

    def dim(self) -> int | None:
        info = self._call("describe_collection", self.name)
        for f in info.get("fields", []):
            if f.get("name") == "vector":
                return int(f.get("params", {}).get("dim", 0))
        return None

    def create(self, dim: int, index_type: str) -> None:
        """(Re)create the collection for `dim`-dimensional vectors with the index kind asked for."""
        from pymilvus import DataType, MilvusClient

        if self.exists():
            self._call("drop_collection", self.name)
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("chunk_id", DataType.VARCHAR, is_primary=True, max_length=1024)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
        schema.add_field("lang", DataType.VARCHAR, max_length=16)
        schema.add_field("section_kind", DataType.VARCHAR, max_length=64)
        schema.add_field("boilerplate", DataType.BOOL)
        schema.add_field("content_key", DataType.VARCHAR, max_length=64)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        kind, params = _INDEX.get(index_type, _INDEX["flat"])
        index = self.client.prepare_index_params()
        index.add_index(field_name="vector", index_type=kind, metric_type="IP", params=params)
        self._call("create_collection", self.name, schema=schema, index_params=index)

    def load(self) -> None:
        self._call("load_collection", self.name)

    def build_id(self) -> str:
        return str((self._call("describe_collection", self.name).get("properties") or {}).get(BUILD_PROPERTY, ""))

    def mark(self, build_id: str) -> None:
        self._call("alter_collection_properties", self.name, properties={BUILD_PROPERTY: build_id})

    def count(self) -> int:
        return int(self._call("get_collection_stats", self.name)["row_count"])

    def rows(self) -> dict[str, tuple[str, str]]:
        """chunk id -> (document id, content key) of every entity (read in batches)."""
        out: dict[str, tuple[str, str]] = {}
        it = self._call(
            "query_iterator",
            self.name,
            batch_size=_ITERATOR_BATCH,
            filter="",
            output_fields=["chunk_id", "doc_id", "content_key"],
        )
        try:
            while batch := it.next():
                out.update((r["chunk_id"], (r["doc_id"], r["content_key"])) for r in batch)
        finally:
            it.close()
        return out

    def add(self, chunks: Sequence[Chunk], keys: Sequence[str], vectors: np.ndarray) -> None:
        for start in range(0, len(chunks), _INSERT_BATCH):
            rows = [
                {
                    "chunk_id": c.id,
                    "doc_id": c.doc_id,
                    "lang": c.lang,
                    "section_kind": c.section_kind,
                    "boilerplate": bool(c.boilerplate),
                    "content_key": key,
                    "vector": vector.tolist(),
                }
                for c, key, vector in zip(
                    chunks[start : start + _INSERT_BATCH],
                    keys[start : start + _INSERT_BATCH],
                    vectors[start : start + _INSERT_BATCH],
                    strict=True,
                )
            ]
            self._call("upsert", self.name, rows)

    def delete_documents(self, doc_ids: Sequence[str]) -> None:
        for start in range(0, len(doc_ids), _INSERT_BATCH):
            batch = list(doc_ids[start : start + _INSERT_BATCH])
            self._call("delete", self.name, filter=f"doc_id in {json.dumps(batch, ensure_ascii=False)}")

    def search(self, vector: np.ndarray, k: int, expr: str) -> list[tuple[str, float]]:
        hits = self._call(
            "search",
            self.name,
            data=[np.asarray(vector, dtype=np.float32).reshape(-1).tolist()],
            limit=k,
            filter=expr,
            output_fields=["chunk_id"],
            search_params={"metric_type": "IP"},
        )
        return [(str(h.get("chunk_id", h.get("id"))), float(h["distance"])) for h in hits[0]]


@dataclass(frozen=True)
class SyncReport:
    """What a build changed in the collection: only the changed documents' rows are touched."""

    documents_replaced: int
    rows_written: int
    recreated: bool


def sync(
    collection: MilvusCollection,
    chunks: Sequence[Chunk],
    keys: Sequence[str],
    vectors: np.ndarray,
    index_type: str,
    build_id: str,
) -> SyncReport:
    """Make the collection hold exactly `chunks` for build `build_id`, rewriting only changed documents' rows.

    The collection is marked "syncing" first and with `build_id` last, so a build killed in between
    leaves it stale (never half-changed under the old build's name); the next build finishes it.
    """
    dim = int(vectors.shape[1])
    recreated = not collection.exists() or collection.dim() != dim
    if recreated:
        collection.create(dim, index_type)
    collection.mark(f"syncing:{build_id}")
    collection.load()
    have = {} if recreated else collection.rows()
    want = {c.id: (c.doc_id, key) for c, key in zip(chunks, keys, strict=True)}
    changed = {doc for cid, (doc, _) in have.items() if want.get(cid) != have[cid]}
    changed |= {doc for cid, (doc, key) in want.items() if have.get(cid) != (doc, key)}
    if not recreated:  # a new collection has nothing to delete
        collection.delete_documents(sorted(changed))
    rows = [i for i, c in enumerate(chunks) if c.doc_id in changed]
    collection.add([chunks[i] for i in rows], [keys[i] for i in rows], vectors[rows])
    collection.mark(build_id)
    return SyncReport(documents_replaced=len(changed), rows_written=len(rows), recreated=recreated)


@dataclass
class MilvusStore:
    """A loaded Milvus-backed index (an `IndexBackend`): dense search and filters in Milvus, BM25 local."""

    manifest: IndexManifest
    chunks: list[Chunk]
    lexical: BM25Index
    path: Path
    collection: MilvusCollection
    gloss: BM25Index | None = None
    _rows: dict[str, int] = field(default_factory=dict, repr=False)
    _closed: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self._rows = {c.id: i for i, c in enumerate(self.chunks)}

    def __len__(self) -> int:
        return len(self.chunks)

    def chunk_ids(self) -> list[str]:
        return [c.id for c in self.chunks]

    def count(self) -> int:
        return self.collection.count()

    def close(self) -> None:
        """Release this store's hold on the connection, once (Milvus Lite: the last release lets another
        process open the file). Other stores of this process on the same Milvus keep theirs."""
        if self.collection.settings is not None and not self._closed:
            self._closed = True
            disconnect(self.collection.settings)

    def describe(self) -> dict[str, Any]:
        return {"backend": "milvus", "collection": self.collection.name, "lexical": self.manifest.lexical}

    def search_dense(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None, flt: FilterSpec | None = None
    ) -> list[tuple[int, float]]:
        """Row indices and inner-product scores of the `k` nearest chunks, best first, filtered in Milvus."""
        k = min(k, len(self.chunks))
        if k <= 0:
            return []
        if flt is not None:
            expr = filter_expression(flt)
        elif allowed is not None:
            # A mask without its filter (an arbitrary predicate): name the allowed chunks.
            ids = [self.chunks[r].id for r in np.flatnonzero(allowed)]
            if not ids:
                return []
            expr = f"chunk_id in {json.dumps(ids, ensure_ascii=False)}"
        else:
            expr = ""
        return [(self._rows[cid], score) for cid, score in self.collection.search(query, k, expr) if cid in self._rows]

    def search_lexical(self, scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        return self.lexical.top_k(scores, k, allowed)

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Upsert chunks into the collection and this loaded index (BM25 rebuilt; gloss dropped)."""
        matrix = np.asarray(vectors, dtype=np.float32).reshape(len(chunks), -1)
        self.collection.add(chunks, [content_key(c) for c in chunks], matrix)
        new = {c.id for c in chunks}
        self._replace([*(c for c in self.chunks if c.id not in new), *chunks])

    def delete_documents(self, doc_ids: Sequence[str]) -> int:
        gone = set(doc_ids)
        self.collection.delete_documents(sorted(gone))
        keep = [c for c in self.chunks if c.doc_id not in gone]
        removed = len(self.chunks) - len(keep)
        self._replace(keep)
        return removed

    def _replace(self, chunks: list[Chunk]) -> None:
        self._rows = {c.id: i for i, c in enumerate(chunks)}
        self.lexical = BM25Index.build([tokenize(c.index_text) for c in chunks])
        self.gloss = None
        # The new list last: caches above key on it (index/generation.py), so who sees it sees the rest new too.
        self.chunks = chunks


def open_collection(cfg: MilvusSettings) -> MilvusCollection:
    return MilvusCollection(connect(cfg), cfg.collection, serial=not cfg.is_server(), settings=cfg)


def open_milvus(index_dir: Path, expected: Expected, cfg: MilvusSettings, live: LiveBuild | None = None) -> MilvusStore:
    """Load the live build whose vectors are in Milvus; a collection holding another build is stale."""

    def load() -> MilvusStore:
        files = read_build(index_dir, expected, live)
        collection = open_collection(cfg)
        try:
            _check_holds(collection, cfg, files.folder.name)
        except BaseException:
            disconnect(cfg)  # no store holds the connection: a failed open leaves nothing open
            raise
        return MilvusStore(
            manifest=files.manifest,
            chunks=files.chunks,
            lexical=files.lexical,
            path=files.folder,
            collection=collection,
            gloss=files.gloss,
        )

    return guarded(index_dir, load)


def _check_holds(collection: MilvusCollection, cfg: MilvusSettings, build: str) -> None:
    """Load the collection if it holds `build`; a missing collection or another build is stale."""
    if not collection.exists():
        raise IndexStaleError([f"Milvus collection {cfg.collection!r} at {cfg.uri} does not exist"])
    held = collection.build_id()
    if held != build:
        raise IndexStaleError([f"Milvus collection {cfg.collection!r} holds build {held or '?'}, the index {build}"])
    collection.load()
