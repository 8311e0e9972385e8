"""Two documents that disagree are both cited, and the answer says they disagree."""

from __future__ import annotations

import shutil

import pytest

from assistant import Assistant, Settings
from assistant.ingest import add_files
from tests.conftest import CORPUS

REPORT_CLAUSE = "eur-44a25-1/operative/secretary-general/7"
UPDATE = (
    "Council reporting update\n\n"
    "GENEVA, 5 May 2025 – The Secretary-General no longer reports to the Council on artificial intelligence "
    "activities: the reporting requirement was abolished.\n"
)


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("conflict")
    shutil.copytree(CORPUS, home / "corpus")
    update = home / "update.en.txt"
    update.write_text(UPDATE, encoding="utf-8")
    [result] = add_files(home / "corpus", [update])
    assert result.status == "added"
    return Assistant(Settings(corpus_dir=home / "corpus", index_dir=home / "index", show_progress=False), build=True)


@pytest.mark.parametrize(
    ("question", "says"), [("Who must report to Council?", "disagree"), ("谁必须向理事会报告？", "矛盾")]
)
def test_contradicting_clauses_of_two_documents_are_both_cited(disagreeing: Assistant, question: str, says: str):
    answer = disagreeing.ask(question)
    cited = [c.chunk_id for c in answer.citations]
    assert REPORT_CLAUSE in cited and any(c.startswith("update/") for c in cited), cited
    assert says in answer.text and "EUR/44A25/1" in answer.text
    for c in answer.citations:
        assert disagreeing.documents[c.doc_id].text[c.start : c.end] == c.quote


def test_the_bundled_corpus_alone_has_no_disagreement(assistant: Assistant):
    answer = assistant.ask("Who must report to Council?")
    assert [c.chunk_id for c in answer.citations] == [REPORT_CLAUSE]
    assert "disagree" not in answer.text
