"""Citations carry the linked clause of the other language version (and the page for PDFs)."""

import json
import shutil

from assistant import Assistant, Settings
from tests.conftest import CORPUS, FIXTURES


def test_citation_carries_the_parallel_clause(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(FIXTURES / "parallel_resolution" / "eur-44a25-1.en.txt", corpus)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    extra = json.loads((FIXTURES / "parallel_resolution" / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"] += extra["documents"]
    (corpus / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    a = Assistant(Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index", show_progress=False), build=True)
    answer = a.ask("谁必须向理事会报告？", doc_ids=["eur-44a25-1"])
    c = answer.citations[0]
    assert c.chunk_id == "eur-44a25-1/operative/secretary-general/7"
    assert c.parallel_chunk_id == "eur-44a25-1-en/operative/secretary-general/7"
    assert c.parallel_lang == "en" and "Council" in c.parallel_quote
    assert c.page is None  # a text file has no pages
    other = a.documents["eur-44a25-1-en"].text
    assert c.parallel_quote in other
