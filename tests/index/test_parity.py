"""On the gold suites, the local and the Milvus backend give the same answers and the same citations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.evaluation.suite import load_suite

ROOT = Path(__file__).resolve().parents[2]
SUITES = [ROOT / "eval" / "gold" / "qa.jsonl", ROOT / "eval" / "gold" / "qa_wave2.jsonl"]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, Assistant]:
    """The default assistant on each backend; the Milvus index is moved from the local one (no re-embedding)."""
    root = tmp_path_factory.mktemp("parity")
    local = Assistant(Settings.from_env(index_dir=root / "local", backend="local", show_progress=False), build=True)
    assert len(local.store) > 0
    shutil.copytree(root / "local", root / "milvus")
    milvus = Assistant(Settings.from_env(index_dir=root / "milvus", backend="milvus", show_progress=False))
    manifest = milvus.build_index()
    assert manifest.backend == "milvus" and manifest.reused_vectors == manifest.counts["chunks"]
    return local, milvus


@pytest.mark.parametrize("suite", SUITES, ids=lambda p: p.name)
def test_both_backends_answer_the_gold_suite_alike(pair: tuple[Assistant, Assistant], suite: Path) -> None:
    local, milvus = pair
    questions = load_suite(suite)
    assert questions
    for q in questions:
        ours, theirs = local.ask(q.question), milvus.ask(q.question)
        assert theirs.text == ours.text, q.id
        assert theirs.abstained == ours.abstained, q.id
        assert [c.chunk_id for c in theirs.citations] == [c.chunk_id for c in ours.citations], q.id
