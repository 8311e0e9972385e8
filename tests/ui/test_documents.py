"""The Documents tab's work: upload through the ingest pipeline, list, preview, remove; answers follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.ui import documents as library
from assistant.ui.chat import ask_turn

from .conftest import DOCX_QUESTION, PDF_QUESTION, writable_settings


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(writable_settings(tmp_path_factory.mktemp("home")), build=True)


def _cited(assistant: Assistant, question: str) -> set[str]:
    reply = ask_turn(assistant, question)
    assert reply.ok, reply.error
    return {c.doc_id for c in reply.turn.answer.citations}


def test_upload_list_ask_remove(home_assistant: Assistant, upload_files: tuple[Path, Path], tmp_path: Path) -> None:
    a = home_assistant
    corpus = a.settings.corpus_dir
    bad = tmp_path / "notes.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    steps: list[tuple[float, str]] = []
    report = library.add_uploads(a, [*upload_files, bad], lambda f, m: steps.append((f, m)))
    by_name = {r.path.name: r for r in report.results}
    assert by_name["lunar-frequencies.pdf"].status == "added" and by_name["海洋观测.docx"].status == "added"
    assert by_name["notes.doc"].status == "skipped" and ".doc" in by_name["notes.doc"].reason
    text = report.markdown()
    assert "notes.doc** skipped" in text and "lunar-frequencies.pdf** added" in text
    assert [f for f, _ in steps] == sorted(f for f, _ in steps) and steps[-1][0] == 1.0  # progress only goes up
    # The originals are kept in the corpus (citations can be re-checked); the skipped file is not.
    assert sorted(p.name for p in (corpus / "uploads").iterdir()) == ["lunar-frequencies.pdf", "海洋观测.docx"]

    infos = library.list_documents(corpus)
    counts = library.chunk_counts(a.documents, a.settings.max_chunk_tokens, a.store.chunks)
    rows = {row[1]: row for row in library.library_rows(infos, counts, corpus)}
    pdf_id, docx_id = by_name["lunar-frequencies.pdf"].doc_id, by_name["海洋观测.docx"].doc_id
    assert rows[pdf_id][2].startswith("English") and rows[docx_id][2].startswith("中文")
    assert rows[pdf_id][4] > 0 and rows[pdf_id][6]  # clauses, date added
    assert rows["eur-44a25-1"][4] == counts["eur-44a25-1"] > 10

    assert pdf_id in _cited(a, PDF_QUESTION)
    assert docx_id in _cited(a, DOCX_QUESTION)

    preview = library.preview_rows(a.documents[pdf_id], a.settings.max_chunk_tokens)
    assert any("March 2031" in row[3] for row in preview)

    message = library.remove(a, pdf_id)
    assert "Removed" in message and pdf_id in message
    assert pdf_id not in {i.id for i in library.list_documents(corpus)}
    assert not (corpus / "uploads" / "lunar-frequencies.pdf").exists()
    assert pdf_id not in _cited(a, PDF_QUESTION)


def test_same_file_twice_is_unchanged(home_assistant: Assistant, upload_files: tuple[Path, Path]) -> None:
    _, docx = upload_files
    report = library.add_uploads(home_assistant, [docx])
    assert [r.status for r in report.results] in (["unchanged"], ["added"])  # added if the first test did not run
    again = library.add_uploads(home_assistant, [docx])
    assert [r.status for r in again.results] == ["unchanged"] and not again.indexed


def test_library_rows_mark_language_versions(tmp_path: Path) -> None:
    from assistant.schema import DocumentInfo

    infos = [
        DocumentInfo(id="a", path="a.txt", language="zh", kind="resolution", doc_number="EUR/1"),
        DocumentInfo(id="b", path="b.txt", language="en", kind="resolution", doc_number="EUR/1"),
        DocumentInfo(id="c", path="c.txt", language="en", kind="article", title_en="News"),
    ]
    rows = library.library_rows(infos, {"a": 3}, tmp_path)
    assert rows[0][7] == "⇄ b" and rows[1][7] == "⇄ a" and rows[2][7] == ""
    assert rows[0][4] == 3 and rows[1][4] == "" and rows[2][3].startswith("news item")
    table = library.library_html([[*rows[2][:1], "<script>", *rows[2][2:]]])
    assert "<script>" not in table and "&lt;script&gt;" in table and "⇄" not in table
    assert "No documents" in library.library_html([])


def test_removing_every_document_leaves_nothing_to_cite(tmp_path: Path) -> None:
    a = Assistant(writable_settings(tmp_path), build=True)
    assert ask_turn(a, "Who must report to Council?").turn.answer.citations
    library.remove(a, "unido-unga-ai-resolution")
    assert "empty" in library.remove(a, "eur-44a25-1")
    answer = ask_turn(a, "Who must report to Council?").turn.answer
    assert answer.abstained and not answer.citations
    assert library.list_documents(a.settings.corpus_dir) == []


def test_uploads_obey_the_ingestion_limits(tmp_path: Path, upload_files: tuple[Path, Path]) -> None:
    settings = writable_settings(tmp_path).with_(max_file_bytes=100)
    report = library.add_uploads(Assistant(settings), [upload_files[0]])
    (result,) = report.results
    assert result.status == "skipped" and "MAX_FILE_BYTES" in result.reason.upper()
    assert not report.indexed and "lunar-frequencies.pdf** skipped" in report.markdown()
    assert not any((settings.corpus_dir / "uploads").iterdir())  # the refused copy is not kept
