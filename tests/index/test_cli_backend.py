"""`assistant index --backend milvus` moves a local index to Milvus without re-embedding, and says so."""

from __future__ import annotations

import io
import json
from pathlib import Path

from assistant.cli import EXIT_OK, main
from assistant.index import current_build


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_index_backend_milvus_reuses_the_local_vectors_and_records_the_backend(tmp_path: Path) -> None:
    index = ["--index-dir", str(tmp_path), "--no-scan"]
    code, out = run(["index", *index, "--backend", "local"])
    assert code == EXIT_OK and "[backend: local]" in out
    code, out = run(["index", *index, "--backend", "milvus"])
    assert code == EXIT_OK
    assert " 0 embedded" in out and "[backend: milvus collection assistant_chunks (BM25: local-bm25)]" in out
    manifest = json.loads((current_build(tmp_path) / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["backend"], manifest["collection"], manifest["lexical"]) == (
        "milvus",
        "assistant_chunks",
        "local-bm25",
    )
    assert not (current_build(tmp_path) / "dense.faiss").exists() and (tmp_path / "milvus.db").exists()
    code, out = run(["ask", "--index-dir", str(tmp_path), "--backend", "milvus", "--json", "谁必须向理事会报告？"])
    assert code == EXIT_OK and json.loads(out)["citations"][0]["label"] == "7"
