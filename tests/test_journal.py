"""Corpus and index as one transaction: the issue-14 reproductions of drift, resurrection and unreadable indexes.

Everything runs on temporary corpora with the hash embedder (`--model hash`): what is
checked is which documents the corpus and the index hold, not answer quality.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.chunking import CHUNKER_VERSION
from assistant.cli import EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, main
from assistant.corpus import corpus_hash, load_corpus
from assistant.journal import pending_change, record_change
from assistant.store import current_build, load_index
from tests.conftest import ROOT

SEED = ROOT / "corpus" / "itu-pp22-eur-44a25-1-ai-draft-resolution.zh.txt"
ARTICLE = ROOT / "corpus" / "unido-news-unga-ai-resolution.en.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, Path]:
    """The bundled corpus (both documents, curated manifest) copied into a temp folder, and an index folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in (SEED, ARTICLE, ROOT / "corpus" / "manifest.json"):
        shutil.copyfile(path, corpus / path.name)
    return corpus, tmp_path / "index"


def opts(home: tuple[Path, Path]) -> list[str]:
    corpus, index = home
    return ["--corpus", str(corpus), "--index-dir", str(index), "--model", "hash"]


def indexed_doc_ids(index: Path) -> set[str]:
    return {c.doc_id for c in load_index(index).chunks}


def in_step(home: tuple[Path, Path]) -> bool:
    """The live index was built from exactly the corpus as it is now."""
    corpus, index = home
    return load_index(index).manifest.corpus_hash == corpus_hash(load_corpus(corpus))


def write_article(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        f"{title}\n\nGENEVA, 3 May 2024 – Member States agreed to share information on {title.lower()} "
        "with the Secretary-General every year.\n\nThe Council will review the cooperation in 2026.\n",
        encoding="utf-8",
    )
    return path


_HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from assistant.ingest.pipeline import corpus_lock
    from assistant.store import build_lock
    lock = corpus_lock if sys.argv[3] == "corpus" else build_lock
    with lock(Path(sys.argv[1])):
        print("READY", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


@contextlib.contextmanager
def lock_held(folder: Path, seconds: float = 60.0, which: str = "index"):
    """Another process holding the index's build lock or the corpus's ingest lock (as a running `add` would)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(folder), str(seconds), which],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert proc.stdout and proc.stdout.readline().strip() == "READY"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=30)
        if proc.stdout:
            proc.stdout.close()


# ---- 1. corpus and index drift apart -------------------------------------------------------------------------


def test_an_add_whose_build_is_refused_says_so_and_the_next_ask_finishes_it(home, tmp_path, monkeypatch) -> None:
    corpus, index = home
    assert run("index", *opts(home))[0] == EXIT_OK
    monkeypatch.setenv("ASSISTANT_LOCK_WAIT_SECONDS", "0.5")
    new = write_article(tmp_path / "dirB", "cooperation.en.txt", "AI safety cooperation")
    with lock_held(index):
        code, _out, err = run("add", str(new), *opts(home))
        assert code == EXIT_ERROR
        assert "saved in the corpus but not indexed" in err and "assistant index" in err
        assert pending_change(corpus) is not None and pending_change(corpus).op == "add"
    # The lock holder is gone: the next `ask` completes the change instead of failing with "stale".
    code, _out, err = run("ask", "Who must report to Council?", *opts(home))
    assert code in (0, 3), err
    assert "finishing `assistant add` of cooperation" in err
    assert in_step(home) and "cooperation" in indexed_doc_ids(index)
    assert pending_change(corpus) is None


def test_a_second_add_waits_for_the_first_build_and_both_end_up_indexed(home, tmp_path) -> None:
    _corpus, index = home
    assert run("index", *opts(home))[0] == EXIT_OK
    new = write_article(tmp_path / "dirB", "cooperation.en.txt", "AI safety cooperation")
    with lock_held(index, seconds=1.5):
        code, out, err = run("add", str(new), *opts(home))
    assert code == EXIT_OK, err
    assert "waiting for another process" in out
    assert in_step(home) and "cooperation" in indexed_doc_ids(index)


def test_a_second_add_waits_while_the_first_is_still_reading_its_files(home, tmp_path) -> None:
    corpus, index = home
    new = write_article(tmp_path / "dirB", "cooperation.en.txt", "AI safety cooperation")
    with lock_held(corpus, seconds=1.5, which="corpus"):
        code, _out, err = run("add", str(new), *opts(home))
    assert code == EXIT_OK, err
    assert "is changing this corpus" in err
    assert in_step(home) and "cooperation" in indexed_doc_ids(index)


def test_adding_unchanged_files_rebuilds_a_stale_index(home, tmp_path) -> None:
    _corpus, index = home
    new = write_article(tmp_path / "dirA", "cooperation.en.txt", "AI safety cooperation")
    assert run("add", str(new), "--no-index", *opts(home))[0] == EXIT_OK
    # Repeating the same add: nothing new for the corpus, but the index is missing: it is built.
    code, out, _ = run("add", str(new), *opts(home))
    assert code == EXIT_OK and "1 unchanged" in out and "indexed" in out
    assert in_step(home) and "cooperation" in indexed_doc_ids(index)


def test_a_change_recorded_while_a_build_ran_stays_pending(home) -> None:
    corpus, index = home
    a = Assistant(
        Settings.from_env(corpus_dir=corpus, index_dir=index, embedding_model="hash"), progress=lambda _m: None
    )
    seen = pending_change(corpus)
    record_change(corpus, "add", ["x"])
    a.build_index()  # saw the record: clears it
    assert pending_change(corpus) is None and seen is None
    record_change(corpus, "add", ["y"])
    import assistant.api as api

    real = api.write_index

    def racing_write_index(*args, **kwargs):  # another `add` records a change while this build embeds
        record_change(corpus, "add", ["z"])
        return real(*args, **kwargs)

    api.write_index = racing_write_index
    try:
        a.build_index()
    finally:
        api.write_index = real
    assert pending_change(corpus) is not None and "z" in pending_change(corpus).doc_ids


# ---- 2. a removed document comes back -----------------------------------------------------------------------


def test_a_removed_bundled_document_stays_removed_and_re_adding_restores_its_metadata(home) -> None:
    corpus, index = home
    assert run("index", *opts(home))[0] == EXIT_OK
    code, out, err = run("remove", "eur-44a25-1", *opts(home))
    assert code == EXIT_OK, err
    code, out, _ = run("index", *opts(home))
    assert code == EXIT_OK
    code, out, _ = run("docs", *opts(home))
    listed, _, removed_line = out.partition("removed (stay out until")
    assert "eur-44a25-1" not in listed and "eur-44a25-1" not in indexed_doc_ids(index)
    assert f"eur-44a25-1 ({SEED.name})" in removed_line
    code, out, _ = run("docs", "--json", *opts(home))
    assert all(json.loads(line)["id"] != "eur-44a25-1" for line in out.splitlines())
    # Named explicitly, it comes back exactly as curated: id, English title and note.
    code, out, err = run("add", str(corpus / SEED.name), *opts(home))
    assert code == EXIT_OK, err
    assert "restored" in out
    docs = {json.loads(line)["id"]: json.loads(line) for line in run("docs", "--json", *opts(home))[1].splitlines()}
    original = json.loads((ROOT / "corpus" / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    assert docs["eur-44a25-1"]["title_en"] == original["title_en"] and docs["eur-44a25-1"]["note"] == original["note"]
    assert in_step(home) and "eur-44a25-1" in indexed_doc_ids(index)
    # The manifest entry is the bundled one again, field for field.
    restored = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert original in restored["documents"] and not restored["removed"]


def test_a_removed_added_document_re_added_from_its_file_keeps_its_curated_note(home, tmp_path) -> None:
    new = write_article(tmp_path / "in", "cooperation.en.txt", "AI safety cooperation")
    assert run("add", str(new), "--note", "checked by the secretariat", *opts(home))[0] == EXIT_OK
    assert run("remove", "cooperation", *opts(home))[0] == EXIT_OK
    assert run("index", *opts(home))[0] == EXIT_OK
    assert "cooperation" not in indexed_doc_ids(home[1])
    assert run("add", str(new), *opts(home))[0] == EXIT_OK
    docs = {json.loads(line)["id"]: json.loads(line) for line in run("docs", "--json", *opts(home))[1].splitlines()}
    assert docs["cooperation"]["note"] == "checked by the secretariat"


# ---- 5. unreadable index files mean "rebuild" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda index: (current_build(index) / "vectors.npy").write_bytes(b""), id="0-byte vectors.npy"),
        pytest.param(lambda index: (index / "CURRENT").write_bytes(os.urandom(64) + b"\xff\xfe"), id="random CURRENT"),
        pytest.param(lambda index: (index / "CURRENT").write_text("../../etc\n"), id="CURRENT names a path"),
        pytest.param(lambda index: (current_build(index) / "chunks.jsonl").write_bytes(b"\x00" * 10), id="chunks"),
    ],
)
def test_assistant_index_rebuilds_from_the_corpus_whatever_the_old_build_looks_like(home, damage) -> None:
    _corpus, index = home
    assert run("index", *opts(home))[0] == EXIT_OK
    damage(index)
    code, out, err = run("ask", "Who must report to Council?", *opts(home))
    assert code == EXIT_ERROR and "assistant index" in err and "Traceback" not in err
    code, out, err = run("index", *opts(home))
    assert code == EXIT_OK, err
    assert "0 vectors reused" in out
    assert in_step(home)


def test_random_bytes_in_current_are_not_reported_as_bad_input(home) -> None:
    _corpus, index = home
    assert run("index", *opts(home))[0] == EXIT_OK
    (index / "CURRENT").write_bytes(b"\x93\xff\x00garbage\xfe")
    code, _, err = run("ask", "Who must report to Council?", *opts(home))
    assert code == EXIT_ERROR != EXIT_BAD_INPUT
    assert "CURRENT" in err and "UnicodeDecodeError" not in err.split(":")[0]


def test_the_ui_and_assistant_build_true_rebuild_a_damaged_index(home) -> None:
    from assistant.ui import prepare_assistant

    corpus, index = home
    settings = Settings.from_env(corpus_dir=corpus, index_dir=index, embedding_model="hash", show_progress=False)
    assert run("index", *opts(home))[0] == EXIT_OK
    (index / "CURRENT").write_bytes(os.urandom(32))
    said: list[str] = []
    a = prepare_assistant(settings, say=said.append)
    assert len(a.store) > 0 and in_step(home)
    (current_build(index) / "vectors.npy").write_bytes(b"")
    notes: list[str] = []
    b = Assistant(settings, build=True, progress=notes.append)
    assert len(b.store) > 0 and any("Rebuilding it from the corpus" in n for n in notes)
    assert load_index(index, chunker_version=CHUNKER_VERSION)
