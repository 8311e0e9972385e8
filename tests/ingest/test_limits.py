"""Bounded ingestion: files over a size, unpacked-size, ratio, page or chunk limit are skipped by name with the
limit and the setting that raises it; Ctrl-C keeps what was read; odd paths are named for what they are."""

from __future__ import annotations

import json
import os
import resource
import zipfile
from pathlib import Path

import pytest

from assistant.cli import EXIT_OK, EXIT_SKIPPED
from assistant.ingest import add_files
from assistant.ingest.formats import SkipFile, extract
from assistant.ingest.limits import IngestLimits
from assistant.journal import pending_change
from tests.samples import write_docx, write_pdf

ARTICLE = "Member States agree on AI safety cooperation\n\nGENEVA, 3 May 2024 – Member States agreed to share {n}.\n"


def write_bomb(path: Path, unpacked_mb: int) -> Path:
    """A .docx whose document.xml unpacks to `unpacked_mb` MB of one repeated paragraph (~1000:1), streamed."""
    block = b"<w:p><w:r><w:t>All work and no play makes Jack a dull boy.</w:t></w:r></w:p>" * 12_000  # ~1 MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            for _ in range(unpacked_mb):
                f.write(block)
            f.write(b"</w:body></w:document>")
    return path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = write_bomb(tmp_path / "bomb.docx", unpacked_mb=300)
    assert bomb.stat().st_size < 2_000_000  # the was 915 KB
    before = peak_rss_mb()
    with pytest.raises(SkipFile) as err:
        extract(bomb)
    assert "unpacks to 274 MB, over the limit of 200 MB" in err.value.reason
    assert "ASSISTANT_MAX_DECOMPRESSED_BYTES" in err.value.reason
    assert peak_rss_mb() - before < 100  # unpacked it would take gigabytes


def test_a_docx_part_compressed_like_a_zip_bomb_is_refused_under_the_size_limit(tmp_path: Path) -> None:
    bomb = write_bomb(tmp_path / "small-bomb.docx", unpacked_mb=20)
    with pytest.raises(SkipFile) as err:
        extract(bomb)
    assert "word/document.xml is compressed" in err.value.reason
    assert "ASSISTANT_MAX_COMPRESSION_RATIO" in err.value.reason


def test_unpacked_size_pages_and_file_size_limits_name_their_setting(tmp_path: Path, en_lines) -> None:
    docx = write_docx(tmp_path / "r.docx", ["instructs the Secretary-General", "1\tto report to Council"])
    with pytest.raises(
        SkipFile, match=r"unpacks to .*max_decompressed_bytes; raise it with ASSISTANT_MAX_DECOMPRESSED"
    ):
        extract(docx, limits=IngestLimits(max_decompressed_bytes=1000))
    pdf = write_pdf(tmp_path / "r.pdf", [en_lines[:5], en_lines[5:10], en_lines[10:15]])
    with pytest.raises(SkipFile, match=r"the PDF has 3 pages, over the limit of 2 \(max_pages; .*ASSISTANT_MAX_PAGES"):
        extract(pdf, limits=IngestLimits(max_pages=2))
    with pytest.raises(SkipFile, match=r"the file is .* over the limit of 100 bytes .*ASSISTANT_MAX_FILE_BYTES"):
        extract(pdf, limits=IngestLimits(max_file_bytes=100))


def test_a_file_over_a_limit_is_skipped_by_name_and_the_rest_of_the_batch_is_indexed(
    tmp_path: Path, run_cli, monkeypatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "small.en.txt").write_text(ARTICLE.format(n="information"), encoding="utf-8")
    paragraphs = "\n\n".join(f"Paragraph {i}: Member States agreed on item {i}." for i in range(40))
    (inbox / "long.en.txt").write_text(f"A long news item\n\n{paragraphs}\n", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_MAX_CHUNKS_PER_DOCUMENT", "10")
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    code, out, err = run_cli("add", str(inbox), "--corpus", str(corpus), "--index-dir", str(index), "--model", "hash")
    assert code == EXIT_SKIPPED, err
    assert "skipped" in out and "long.en.txt" in out
    assert "over the limit of 10 (max_chunks_per_document; raise it with ASSISTANT_MAX_CHUNKS_PER_DOCUMENT" in out
    assert "1 added" in out and "indexed" in out
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in manifest["documents"]] == ["small"]


def test_a_huge_text_is_refused_from_its_length_without_chunking(tmp_path: Path, monkeypatch) -> None:
    import assistant.ingest.batch as batch

    big = tmp_path / "big.en.txt"
    big.write_text(ARTICLE.format(n="information") + "More text on AI cooperation. " * 5000, encoding="utf-8")

    def no_chunking(*_a, **_k):
        raise AssertionError("the length alone proves it too long")

    monkeypatch.setattr(batch, "chunk_document", no_chunking)
    [result] = add_files(tmp_path / "corpus", [big], limits=IngestLimits(max_chunks_per_document=5))
    assert result.status == "skipped" and "would make at least" in result.reason


def test_ctrl_c_keeps_the_files_read_so_far_and_the_next_command_indexes_them(
    tmp_path: Path, run_cli, monkeypatch
) -> None:
    import assistant.ingest.pipeline as pipeline

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(4):
        (inbox / f"n{i}.en.txt").write_text(ARTICLE.format(n=f"item {i} information"), encoding="utf-8")
    real_add = pipeline._Batch.add
    calls = []

    def add_then_interrupt(self, path, **options):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_add(self, path, **options)

    monkeypatch.setattr(pipeline._Batch, "add", add_then_interrupt)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    opts = ["--corpus", str(corpus), "--index-dir", str(index), "--model", "hash"]
    code, _out, err = run_cli("add", str(inbox), *opts)
    assert code == 130 and "2 file(s) read before Ctrl-C are saved" in err
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in manifest["documents"]] == ["n0", "n1"]
    assert sorted(p.name for p in corpus.glob("*.txt")) == ["n0.en.txt", "n1.en.txt"]  # no orphan texts
    assert pending_change(corpus) is not None
    monkeypatch.undo()
    code, _out, err = run_cli("ask", "What did Member States agree to share?", *opts)
    assert code in (0, 3), err
    assert pending_change(corpus) is None


def test_a_symlink_loop_and_a_fifo_are_named_for_what_they_are(tmp_path: Path, run_cli) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    corpus = tmp_path / "corpus"
    code, out, err = run_cli("add", str(loop), str(fifo), "--corpus", str(corpus), "--no-index")
    assert code == EXIT_SKIPPED, err
    assert "no such file" not in out + err
    assert "symbolic link loop" in out and "named pipe (FIFO)" in out


def test_an_english_text_about_los_angeles_teams_is_added_as_english(tmp_path: Path) -> None:
    text = tmp_path / "sports.txt"
    text.write_text(
        "Los Angeles sports\n\nLos Angeles Lakers, LA Clippers, LA Galaxy, Los Angeles FC, LA Rams, "
        "Los Angeles Dodgers, San Diego Padres, San Francisco Giants, San Jose Sharks. "
        "LA fans love the Lakers and the Dodgers in LA.\n",
        encoding="utf-8",
    )
    [result] = add_files(tmp_path / "corpus", [text])
    assert result.status == "added", result.reason
    assert result.info.language == "en"


def test_the_language_can_be_given_with_lang(tmp_path: Path, run_cli) -> None:
    text = tmp_path / "note.txt"
    text.write_text("el comité y los estados de la región de la cooperación\n", encoding="utf-8")
    code, out, _ = run_cli("add", str(text), "--lang", "en", "--corpus", str(tmp_path / "corpus"), "--no-index")
    assert code == EXIT_OK and "(en, " in out


def test_the_web_upload_route_gets_the_same_file_size_limit(monkeypatch, tmp_path: Path) -> None:
    import assistant.ui as ui
    from assistant import Assistant, Settings

    settings = Settings(index_dir=tmp_path / "index", embedding_model="hash", max_file_bytes=1234)
    launched: dict = {}
    monkeypatch.setattr(ui, "prepare_assistant", lambda s=None: Assistant(s))
    monkeypatch.setattr(ui.gr.Blocks, "launch", lambda self, **kwargs: launched.update(kwargs))
    ui.serve(settings)
    assert launched["max_file_size"] == 1234  # before: Gradio's default, no limit at all


def test_deeply_nested_html_is_skipped_by_name_with_its_limit(tmp_path):
    from assistant.ingest import add_files
    from assistant.ingest.limits import IngestLimits

    deep = tmp_path / "deep.html"
    deep.write_bytes(b"<html><body>" + b"<div>" * 5_000 + b"instructs the Secretary-General" + b"</body></html>")
    ordinary = tmp_path / "ordinary.html"
    # Unclosed <p>/<li> are ordinary HTML, not nesting.
    ordinary.write_text(
        "<html><body><h1>Draft resolution</h1>"
        + "<p>instructs the Secretary-General to report" * 3_000
        + "</body></html>",
        encoding="utf-8",
    )
    results = {r.path.name: r for r in add_files(tmp_path / "corpus", [deep, ordinary], limits=IngestLimits())}
    assert results["deep.html"].status == "skipped"
    assert (
        "5002 levels deep" in results["deep.html"].reason and "ASSISTANT_MAX_HTML_DEPTH" in results["deep.html"].reason
    )
    assert results["ordinary.html"].ok
