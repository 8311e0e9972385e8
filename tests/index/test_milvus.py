"""The Milvus backend's own behaviour: incremental sync, build marks, migration, clear errors (Milvus Lite)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.chunking import CHUNKER_VERSION
from assistant.embeddings import HashEmbeddings
from assistant.index import Expected, IndexStaleError, content_key, open_index, write_index
from assistant.index.milvus import MilvusUnavailableError, filter_expression, open_collection
from assistant.retrieval import RetrievalFilter
from assistant.settings import MilvusSettings, Settings


def _write(index_dir: Path, chunks, cfg: MilvusSettings | None, embed=None, notes: list[str] | None = None):
    emb = HashEmbeddings()
    return write_index(
        index_dir,
        chunks,
        embed or emb.embed_documents_array,
        model="hash",
        dim=emb.dimension,
        corpus_hash="h",
        chunker_version=CHUNKER_VERSION,
        milvus=cfg,
        progress=notes.append if notes is not None else None,
    )


def test_a_rebuild_rewrites_only_the_changed_documents_rows(tmp_path: Path, chunks) -> None:
    cfg = MilvusSettings(uri=str(tmp_path / "m.db"), collection="clauses")
    notes: list[str] = []
    _write(tmp_path / "ix", chunks, cfg, notes=notes)
    assert "created" in notes[-1] and f"({len(chunks)} rows) written" in notes[-1]
    doc = chunks[-1].doc_id
    changed = [replace(c, context=c.context + " v2") if c.doc_id == doc else c for c in chunks]
    embedded: list[str] = []

    def embed(texts):
        embedded.extend(texts)
        return HashEmbeddings().embed_documents_array(texts)

    manifest = _write(tmp_path / "ix", changed, cfg, embed=embed, notes=notes)
    n_doc = sum(c.doc_id == doc for c in chunks)
    assert f"1 documents ({n_doc} rows) written" in notes[-1]
    assert len(embedded) == n_doc and manifest.reused_vectors == len(chunks) - n_doc
    collection = open_collection(cfg)
    collection.load()  # the build released its connection, and with it the loaded collection
    rows = collection.rows()
    assert rows == {c.id: (c.doc_id, content_key(c)) for c in changed}
    assert manifest.backend == "milvus" and manifest.collection == "clauses"


def test_a_collection_left_by_an_unfinished_build_is_stale_and_the_next_build_repairs_it(
    tmp_path: Path, chunks
) -> None:
    cfg = MilvusSettings(uri=str(tmp_path / "m.db"))
    _write(tmp_path / "ix", chunks, cfg)
    expected = Expected(model="hash", backend="milvus")
    assert len(open_index(tmp_path / "ix", expected, cfg)) == len(chunks)
    # What a build killed mid-sync leaves behind: the collection marked as syncing another build.
    open_collection(cfg).mark("syncing:20991231T000000000000Z")
    with pytest.raises(IndexStaleError, match="holds build syncing:"):
        open_index(tmp_path / "ix", expected, cfg)
    _write(tmp_path / "ix", chunks, cfg)
    assert open_index(tmp_path / "ix", expected, cfg).count() == len(chunks)


def test_moving_a_local_index_to_milvus_embeds_nothing(tmp_path: Path, chunks) -> None:
    _write(tmp_path / "ix", chunks, None)
    with pytest.raises(IndexStaleError, match="built for the local backend, configured milvus"):
        open_index(tmp_path / "ix", Expected(backend="milvus"), MilvusSettings(uri=str(tmp_path / "m.db")))

    def refuse(texts):
        raise AssertionError(f"re-embedded {len(texts)} texts")

    manifest = _write(tmp_path / "ix", chunks, MilvusSettings(uri=str(tmp_path / "m.db")), embed=refuse)
    assert manifest.reused_vectors == len(chunks) and manifest.backend == "milvus"
    # … and back again.
    assert _write(tmp_path / "ix", chunks, None, embed=refuse).backend == "local"


def test_filters_become_milvus_expressions() -> None:
    assert filter_expression(RetrievalFilter(include_boilerplate=True)) == ""
    assert (
        filter_expression(RetrievalFilter(doc_ids=("a", 'b"c'), languages=("zh",)))
        == 'doc_id in ["a", "b\\"c"] and lang in ["zh"] and boilerplate == false'
    )


def test_a_milvus_lite_file_open_in_another_process_is_a_clear_error(tmp_path: Path) -> None:
    uri = tmp_path / "held.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from pymilvus import MilvusClient
                MilvusClient({str(uri)!r}).list_collections()
                print("READY", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "READY"
        with pytest.raises(MilvusUnavailableError, match=r"one process at a time.*http://host:19530"):
            open_collection(MilvusSettings(uri=str(uri)))
    finally:
        holder.kill()
        holder.wait(timeout=30)
        if holder.stdout:
            holder.stdout.close()


def test_settings_read_the_backend_block_from_the_environment(tmp_path: Path) -> None:
    s = Settings.from_env(
        {
            "ASSISTANT_BACKEND": "milvus",
            "ASSISTANT_MILVUS_URI": "http://milvus:19530",
            "ASSISTANT_MILVUS_TOKEN": "root:Milvus",
            "ASSISTANT_MILVUS_DB": "un",
            "ASSISTANT_MILVUS_COLLECTION": "itu_clauses",
        },
        index_dir=tmp_path,
    )
    assert s.backend == "milvus" and s.milvus.is_server()
    assert (s.milvus.uri, s.milvus.token, s.milvus.db, s.milvus.collection) == (
        "http://milvus:19530",
        "root:Milvus",
        "un",
        "itu_clauses",
    )
    assert Settings(index_dir=tmp_path).milvus.uri == str(tmp_path / "milvus.db")  # Milvus Lite by default
    with pytest.raises(ValueError, match=r"ASSISTANT_BACKEND.*'local', 'milvus'.*'qdrant'"):
        Settings.from_env({"ASSISTANT_BACKEND": "qdrant"})
    with pytest.raises(ValueError, match="milvus_collection"):
        Settings(milvus_collection="bad-name")
