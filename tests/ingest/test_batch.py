"""One `Batch` (what `add_files` drives): per-file outcomes, and nothing on disk changes before `commit`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest.batch import Batch, FileResult, plain_reason, sha256_of
from assistant.ingest.formats import SkipFile
from assistant.ingest.limits import IngestLimits

ARTICLE = "New York, 21 March 2024 – The General Assembly adopted a resolution on artificial intelligence.\n"
OPTIONS = dict(same_as="", kind=None, language=None, note="", title="", doc_id="")


def _batch(corpus: Path, **limits: int) -> Batch:
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "manifest.json").write_text(json.dumps({"documents": []}), encoding="utf-8")
    return Batch(corpus, 256, IngestLimits(**limits))


def test_add_then_commit_registers_the_file(tmp_path: Path) -> None:
    source = tmp_path / "news.en.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    batch = _batch(tmp_path / "corpus")
    result = batch.add(source, **OPTIONS)
    assert result.status == "added" and result.ok and result.chunks >= 1 and result.info.language == "en"
    assert result.info.checksum == sha256_of(source)
    assert json.loads((tmp_path / "corpus" / "manifest.json").read_text())["documents"] == []  # not yet
    batch.commit()
    listed = json.loads((tmp_path / "corpus" / "manifest.json").read_text())["documents"]
    assert [d["id"] for d in listed] == [result.doc_id]
    assert (tmp_path / "corpus" / result.info.path).read_text(encoding="utf-8").strip() == ARTICLE.strip()


def test_the_same_file_or_content_again_is_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "news.en.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    copy = tmp_path / "copy.en.txt"
    copy.write_text(ARTICLE, encoding="utf-8")
    batch = _batch(tmp_path / "corpus")
    first = batch.add(source, **OPTIONS)
    again, same = batch.add(source, **OPTIONS), batch.add(copy, **OPTIONS)
    assert (again.status, again.doc_id) == ("unchanged", first.doc_id) and "already in the corpus" in again.reason
    assert same.status == "unchanged" and "same content" in same.reason


def test_a_bad_id_or_a_file_over_a_limit_is_skipped_with_the_reason(tmp_path: Path) -> None:
    source = tmp_path / "news.en.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SkipFile, match="ids may not contain"):
        _batch(tmp_path / "a").add(source, **{**OPTIONS, "doc_id": "a/b"})
    with pytest.raises(SkipFile, match=r"over the limit of 10 bytes \(max_file_bytes"):
        _batch(tmp_path / "b", max_file_bytes=10).add(source, **OPTIONS)


def test_results_describe_themselves_in_one_line(tmp_path: Path) -> None:
    skipped = FileResult(tmp_path / "x.pdf", "skipped", reason="no text layer")
    assert not skipped.ok and skipped.describe() == f"skipped   {tmp_path / 'x.pdf'}: no text layer"
    assert plain_reason(f"{tmp_path / 'x.txt'}: not UTF-8", tmp_path / "x.txt") == "not UTF-8"
