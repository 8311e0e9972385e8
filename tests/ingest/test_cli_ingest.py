"""`assistant add | docs | remove | index` end to end, with the default embedding model on small corpora."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.alignment import ParallelIndex
from assistant.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_SKIPPED
from assistant.store import IndexStaleError, load_index
from tests.samples import write_pdf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def indexed_seed(seed_corpus, tmp_path, run_cli):
    """The seed corpus, indexed: (corpus dir, index dir, number of chunks)."""
    index = tmp_path / "index"
    code, out, _ = run_cli("index", "--corpus", str(seed_corpus), "--index-dir", str(index))
    assert code == EXIT_OK and "0 vectors reused" in out
    store = load_index(index)
    store.close()  # Milvus Lite: stores share one connection, and the last one closed frees the file
    return seed_corpus, index, store.manifest.counts["chunks"]


def args(corpus: Path, index: Path) -> list[str]:
    return ["--corpus", str(corpus), "--index-dir", str(index)]


def test_add_embeds_only_the_new_documents_chunks_and_links_the_language_versions(
    indexed_seed, tmp_path, run_cli, en_lines
):
    corpus, index, seed_chunks = indexed_seed
    en_pdf = write_pdf(tmp_path / "inbox" / "EUR-44A25-1_en.pdf", [en_lines[:12], en_lines[12:]], wrap=90)
    write_pdf(tmp_path / "inbox" / "scan.pdf", [[]])
    code, out, _ = run_cli("add", *args(corpus, index), str(tmp_path / "inbox"), "--note", "test translation")

    assert code == EXIT_SKIPPED  # one file skipped, the rest indexed
    lines = out.splitlines()
    assert f"added     {en_pdf} → eur-44a25-1-en (en, resolution, 2 pages, 21 chunks)" in lines
    assert any(line.startswith(f"skipped   {en_pdf.parent / 'scan.pdf'}: no text layer") for line in lines)
    assert "1 added, 1 skipped" in lines
    assert any(line.startswith("linked    eur-44a25-1 ↔ eur-44a25-1-en: 21 clauses linked") for line in lines)
    assert f"{seed_chunks} vectors reused, 21 embedded" in out  # only the new document was embedded
    manifest = load_index(index).manifest
    assert manifest.counts == {"chunks": seed_chunks + 21, "documents": 2, "boilerplate": 0}
    assert manifest.reused_vectors == seed_chunks
    assert ParallelIndex.load(corpus).parallel_chunk("eur-44a25-1/operative/secretary-general/7") == (
        "eur-44a25-1-en/operative/secretary-general/7"
    )

    code, out, _ = run_cli("docs", "--corpus", str(corpus))
    assert code == EXIT_OK
    rows = out.splitlines()
    assert rows[0].split() == ["ID", "LANG", "KIND", "PAGES", "DOC", "NUMBER", "TITLE"]
    assert rows[3].split()[:5] == ["eur-44a25-1-en", "en", "resolution", "2", "EUR/44A25/1"]
    assert rows[4].strip() == "⇄ eur-44a25-1"
    assert rows[-1] == "2 documents (1 zh, 1 en); 1 pair of language versions"
    code, out, _ = run_cli("docs", "--corpus", str(corpus), "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert records[1]["source_path"] == str(en_pdf.resolve()) and records[1]["checksum"].startswith("sha256:")
    assert records[1]["page_count"] == 2 and len(records[1]["pages"]) == 2
    assert records[1]["parallel"] == ["eur-44a25-1"]
    assert records[1]["linked_clauses"] == 21

    code, out, _ = run_cli("remove", *args(corpus, index), "eur-44a25-1-en")
    assert code == EXIT_OK
    assert out.startswith("removed   eur-44a25-1-en (text eur-44a25-1-en.en.txt deleted)")
    assert f"{seed_chunks} vectors reused, 0 embedded" in out  # removing embeds nothing
    assert load_index(index).manifest.counts["documents"] == 1
    assert ParallelIndex.load(corpus).parallel_chunk("eur-44a25-1/operative/secretary-general/7") is None


def test_index_ingests_files_dropped_into_the_corpus_folder(indexed_seed, run_cli, en_lines):
    corpus, index, seed_chunks = indexed_seed
    write_pdf(corpus / "en.pdf", [en_lines], wrap=90)
    (corpus / "broken.docx").write_text("not a zip", encoding="utf-8")
    code, out, _ = run_cli("index", *args(corpus, index))
    assert code == EXIT_SKIPPED
    assert f"added     {corpus / 'en.pdf'} → eur-44a25-1-en" in out and "skipped   " in out
    assert f"{seed_chunks} vectors reused, 21 embedded" in out
    code, out, _ = run_cli("index", *args(corpus, index))  # the bad file is reported again, nothing re-embedded
    assert code == EXIT_SKIPPED and "added" not in out and f"{seed_chunks + 21} vectors reused, 0 embedded" in out
    code, out, _ = run_cli("index", "--no-scan", *args(corpus, index))
    assert code == EXIT_OK and "skipped" not in out


def test_add_without_indexing_and_argument_errors(seed_corpus, tmp_path, run_cli, capsys):
    note = tmp_path / "note.md"
    note.write_text("# Note\n\nThe Council meets every year.\n", encoding="utf-8")
    index = tmp_path / "index"
    code, out, _ = run_cli("add", *args(seed_corpus, index), str(note), "--no-index")
    assert code == EXIT_OK and "index not rebuilt (--no-index)" in out and not index.exists()

    code, _, err = run_cli("add", *args(seed_corpus, index), str(note), "--same-as", "nope", "--no-index")
    assert code == EXIT_BAD_INPUT and "--same-as nope: no such document" in err
    code, _, err = run_cli("add", *args(seed_corpus, index), str(tmp_path / "missing.pdf"))
    assert code == EXIT_BAD_INPUT and "no such file or folder" in err
    code, _, err = run_cli("add", *args(seed_corpus, index), str(note), str(note), "--id", "x")
    assert code == EXIT_BAD_INPUT and "--id names one document" in err
    code, _, err = run_cli("remove", *args(seed_corpus, index), "nope")
    assert code == EXIT_BAD_INPUT and "no document 'nope'" in err
    with pytest.raises(SystemExit) as exc:
        run_cli("add", *args(seed_corpus, index))  # no PATH
    assert exc.value.code == EXIT_BAD_INPUT


_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import faiss
    from assistant.index.milvus import MilvusCollection

    def then_die(real):
        def write_then_die(*args, **kwargs):
            real(*args, **kwargs)  # half of the new build is on disk (or in the collection) …
            os.kill(os.getpid(), signal.SIGKILL)  # … when the process is killed
        return write_then_die

    faiss.write_index = then_die(faiss.write_index)
    MilvusCollection.add = then_die(MilvusCollection.add)
    from assistant.cli import main

    sys.exit(main(sys.argv[1:]))
    """
)


def test_killed_mid_build_the_previous_index_stays_loadable(indexed_seed, tmp_path, run_cli, en_lines, backend):
    """Local: the previous build stays live. Milvus: the collection the killed build had started to
    change is reported stale (never silently mixed), and the next build finishes the job."""
    corpus, index, seed_chunks = indexed_seed
    before = load_index(index)
    before.close()  # Milvus Lite: one process at a time may open the file
    pdf = write_pdf(tmp_path / "en.pdf", [en_lines], wrap=90)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", _KILLER, "add", *args(corpus, index), str(pdf)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == -9, proc.stderr
    assert "added" in proc.stdout  # the corpus got the document; the build did not finish
    if backend == "milvus":
        with pytest.raises(IndexStaleError, match="holds build syncing:"):
            load_index(index)
    else:
        after = load_index(index)  # the previous build, intact (checksums verified)
        assert after.path == before.path and len(after) == seed_chunks
    with pytest.raises(IndexStaleError, match="the corpus changed"):
        from assistant.corpus import corpus_hash, load_corpus

        load_index(index, corpus_hash=corpus_hash(load_corpus(corpus)))
    # Re-running the build finishes the job and clears the half-written build.
    code, out, _ = run_cli("index", *args(corpus, index))
    assert code == EXIT_OK and f"{seed_chunks} vectors reused, 21 embedded" in out
    assert not list((index / "builds").glob(".tmp-*"))


def test_index_builds_a_corpus_from_a_folder_of_files_without_a_manifest(tmp_path, run_cli, en_lines, seed_lines):
    folder = tmp_path / "mine"
    write_pdf(folder / "originals" / "zh.pdf", [seed_lines[:20], seed_lines[20:]], wrap=38)
    write_pdf(folder / "originals" / "en.pdf", [en_lines], wrap=90)
    (folder / "README.md").write_text("# My corpus\n", encoding="utf-8")  # about the corpus, not in it
    code, out, _ = run_cli("index", *args(folder, tmp_path / "index"))
    assert code == EXIT_OK
    # Files are read in name order: en.pdf takes the plain id, the Chinese version then gets a suffix.
    assert "→ eur-44a25-1 (en, resolution, 1 page," in out and "→ eur-44a25-1-zh (zh, resolution, 2 pages" in out
    assert "linked    eur-44a25-1 ↔ eur-44a25-1-zh: 21 clauses linked (by doc_number)" in out
    assert "README" not in out
    assert sorted(p.name for p in folder.glob("*.txt")) == ["eur-44a25-1-zh.zh.txt", "eur-44a25-1.en.txt"]
    by_id = {c.id: c for c in load_index(tmp_path / "index").chunks}
    other = ParallelIndex.load(folder).parallel_of("eur-44a25-1-zh/operative/secretary-general/7", by_id)
    assert other is not None and other.lang == "en" and other.text.startswith("to report every year to the Council")
