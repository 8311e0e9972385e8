"""The command line: output as DESIGN.md shows it, exit codes, clear errors."""

import io
import json
import shutil
from pathlib import Path

import pytest

from assistant.cli import EXIT_ABSTAINED, EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, EXIT_PIPE_CLOSED, main


@pytest.fixture(scope="module")
def index_args(assistant):
    return ["--index-dir", str(assistant.settings.index_dir)]


def run(argv, stdin: str | None = None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv, out=out)
    return code, out.getvalue()


def test_ask_prints_answer_and_citation(index_args):
    code, out = run(["ask", *index_args, "Who must report to Council?"])
    assert code == EXIT_OK
    assert out.startswith("The Secretary-General (秘书长)")
    flat = " ".join(line.strip() for line in out.splitlines())
    assert "[1] EUR/44A25/1 · 第[EUR-2]号新决议草案 · 责成秘书长 (instructs the Secretary-General) · 7" in flat
    assert "「每年向理事会报告" in out


def test_ask_json(index_args):
    code, out = run(["ask", *index_args, "--json", "谁必须向理事会报告？"])
    data = json.loads(out)
    assert code == EXIT_OK and data["language"] == "zh" and data["citations"][0]["label"] == "7"


def test_ask_k_reaches_the_answerer(index_args, monkeypatch):
    # -k used to set only `top_k`, which `ask` does not read: the answer weighed `answer_candidates` chunks anyway.
    from assistant import Assistant

    seen = []
    real_ask = Assistant.ask
    monkeypatch.setattr(Assistant, "ask", lambda self, q, **kw: seen.append(kw.get("k")) or real_ask(self, q, **kw))
    assert run(["ask", *index_args, "-k", "3", "Who must report to Council?"])[0] == EXIT_OK
    assert run(["ask", *index_args, "Who must report to Council?"])[0] == EXIT_OK
    assert seen == [3, None]


def test_llm_without_one_configured_is_an_error_not_a_traceback(index_args, monkeypatch, capsys):
    monkeypatch.delenv("ASSISTANT_LLM_PROVIDER", raising=False)
    code, out = run(["ask", *index_args, "--llm", "Who must report to Council?"])
    assert code == EXIT_ERROR and out == ""
    assert "error: no LLM configured: set ASSISTANT_LLM_PROVIDER" in capsys.readouterr().err


def test_abstention_exit_code(index_args):
    code, out = run(["ask", *index_args, "What is the best recipe for dumplings?"])
    assert code == EXIT_ABSTAINED and "The corpus does not say" in out


def test_bad_input_is_a_message_not_a_traceback(index_args, capsys):
    code, _ = run(["ask", *index_args, "   "])
    assert code == EXIT_BAD_INPUT
    assert "error: the question is empty" in capsys.readouterr().err


def test_repl_reads_questions_line_by_line(index_args, monkeypatch):
    code, out = run(
        ["ask", *index_args], stdin="Who must report to Council?\n\n谁必须向理事会报告？\n", monkeypatch=monkeypatch
    )
    assert code == EXIT_OK
    assert out.count("[1] EUR/44A25/1") == 2


def test_piped_questions_with_json_print_json_lines(index_args, monkeypatch):
    # Before: indented objects with blank lines between them, which no JSON Lines reader takes.
    stdin = "Who must report to Council?\n\n谁必须向理事会报告？\n"
    code, out = run(["ask", *index_args, "--json"], stdin=stdin, monkeypatch=monkeypatch)
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OK and [a["language"] for a in answers] == ["en", "zh"]


def test_missing_index_tells_what_to_run(tmp_path, capsys):
    code, _ = run(["ask", "--index-dir", str(tmp_path), "Who must report to Council?"])
    assert code == EXIT_ERROR
    assert "assistant index" in capsys.readouterr().err


def test_chunks_table(capsys):
    code, out = run(["chunks", "--doc", "eur-44a25-1"])
    assert code == EXIT_OK
    assert "eur-44a25-1/operative/secretary-general/7" in out
    assert "责成秘书长 (instructs the Secretary-General) · 7" in out


def test_chunks_doc_filters_the_json_output_too():
    # Before: `--json` printed every document's chunks whatever `--doc` said.
    code, out = run(["chunks", "--doc", "eur-44a25-1", "--json"])
    doc_ids = {json.loads(line)["doc_id"] for line in out.splitlines()}
    assert code == EXIT_OK and doc_ids == {"eur-44a25-1"}


def test_chunks_doc_unknown_id_is_bad_input(capsys):
    code, out = run(["chunks", "--doc", "no-such-doc"])
    assert code == EXIT_BAD_INPUT and out == ""
    assert "no-such-doc" in capsys.readouterr().err


def test_warnings_are_one_line_not_python_s_format(tmp_path, capsys):
    from tests.conftest import write_corpus

    corpus = write_corpus(
        tmp_path / "corpus",
        {"note.txt": "Just one line of text about artificial intelligence.\n"},
        [{"id": "note", "path": "note.txt", "language": "en", "kind": "article"}],
    )
    argv = ["index", "--corpus", str(corpus), "--index-dir", str(tmp_path / "index"), "--model", "hash", "--no-scan"]
    assert run(argv)[0] == EXIT_OK
    err = capsys.readouterr().err
    assert "warning: note.txt: an article needs a title" in err
    assert "ChunkingWarning" not in err and ".py:" not in err


@pytest.mark.parametrize("quiet", [False, True])
def test_quiet_drops_progress_not_results(tmp_path, capsys, quiet):
    corpus = shutil.copytree(Path(__file__).resolve().parents[1] / "corpus", tmp_path / "corpus")
    files = []
    for name in ("one", "two"):
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(f"Note {name}\n\nThe Council met to discuss artificial intelligence.\n", encoding="utf-8")
    flags = ["--quiet"] if quiet else []
    argv = ["add", *map(str, files), "--corpus", str(corpus), "--index-dir", str(tmp_path / "index"), "--model", "hash"]
    code, out = run([*argv, *flags])
    err = capsys.readouterr().err
    assert code == EXIT_OK and "2 added" in out and "indexed 59 chunks" in out
    assert ["read 2/2 files" in err, "Embedding (hash)" in err, "4 documents, 59 chunks" in out] == [not quiet] * 3


def test_quiet_keeps_the_notes_about_repairs(tmp_path):
    argv = ["index", "--index-dir", str(tmp_path), "--model", "hash", "--no-scan", "--quiet"]
    assert run(argv)[0] == EXIT_OK
    (tmp_path / "CURRENT").write_text("garbage", encoding="utf-8")
    code, out = run(argv)
    assert code == EXIT_OK and "note: the previous index is unreadable" in out and "documents, " not in out


def test_an_index_dir_that_is_a_file_is_an_error_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "index"
    blocker.write_text("", encoding="utf-8")
    code, _ = run(["index", "--index-dir", str(blocker), "--model", "hash", "--no-scan", "--quiet"])
    assert code == EXIT_ERROR and f"error: {blocker}: File exists" in capsys.readouterr().err


def test_removing_the_last_document_empties_the_index(tmp_path, capsys):
    corpus = shutil.copytree(Path(__file__).resolve().parents[1] / "corpus", tmp_path / "corpus")
    opts = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "index"), "--model", "hash", "--quiet"]
    assert run(["index", *opts])[0] == EXIT_OK
    assert run(["remove", "eur-44a25-1", *opts])[0] == EXIT_OK
    code, out = run(["remove", "unido-unga-ai-resolution", *opts])
    assert code == EXIT_OK and "the corpus is now empty; so is its index" in out and "indexed 0 chunks" in out
    capsys.readouterr()
    assert run(["ask", *opts, "Who must report to Council?"])[0] == EXIT_ABSTAINED
    assert "note: finishing" not in capsys.readouterr().err  # the removal's build did complete


def test_a_closed_pipe_ends_quietly(capsys):
    # `assistant chunks | head -1`: the write fails once the reader is gone. Before: a BrokenPipeError traceback.
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    assert main(["docs"], out=ClosedPipe()) == EXIT_PIPE_CLOSED == 141
    assert capsys.readouterr().err == ""


def test_index_builds_and_reuses(tmp_path):
    code, out = run(["index", "--index-dir", str(tmp_path)])
    assert code == EXIT_OK and "0 vectors reused" in out
    code, out = run(["index", "--index-dir", str(tmp_path)])
    assert code == EXIT_OK and "0 vectors reused" not in out


def test_corpus_problem_is_reported(tmp_path, capsys):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    code, _ = run(["index", "--corpus", str(tmp_path), "--index-dir", str(tmp_path / "idx")])
    assert code == EXIT_ERROR and "not valid UTF-8 JSON" in capsys.readouterr().err


def test_docs_lists_the_bundled_corpus():
    code, out = run(["docs"])
    assert code == EXIT_OK
    assert out.splitlines()[0].split()[:3] == ["ID", "LANG", "KIND"]
    assert any(line.split()[:3] == ["eur-44a25-1", "zh", "resolution"] for line in out.splitlines())
    assert out.splitlines()[-1] == "2 documents (1 zh, 1 en); 0 pairs of language versions"


def test_index_reports_how_many_chunks_it_embedded(tmp_path):
    code, out = run(["index", "--no-scan", "--index-dir", str(tmp_path)])
    assert code == EXIT_OK and "0 vectors reused" in out and " embedded → " in out


def test_batch_mode_exits_with_the_worst_outcome_and_errors_name_their_line(index_args, monkeypatch, capsys):
    # Before: only the last question's exit code counted, and errors did not say which line.
    code, _ = run(["ask", *index_args], "🤖🙏🔥\nWho must report to Council?\n", monkeypatch)
    assert code == EXIT_BAD_INPUT
    assert "error: line 1: " in capsys.readouterr().err
    code, _ = run(
        ["ask", *index_args], "What is the best recipe for dumplings?\n\nWho must report to Council?\n", monkeypatch
    )
    assert code == EXIT_ABSTAINED


def test_full_width_latin_questions_are_answered(index_args):
    code, out = run(["ask", *index_args, "ｗｈｏ ｍｕｓｔ ｒｅｐｏｒｔ ｔｏ Ｃｏｕｎｃｉｌ？"])
    assert code == EXIT_OK and out.startswith("The Secretary-General")


def test_python_dash_m_assistant_is_the_cli():
    # `python -m assistant` must work where the `assistant` script is not on PATH.
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout.startswith("usage: assistant") and "bench-retrieval" in result.stdout


def test_index_says_when_ivf_fell_back_to_flat(tmp_path):
    code, out = run(["index", "--no-scan", "--index-type", "ivf", "--index-dir", str(tmp_path)])
    assert code == EXIT_OK and "flat (ivf requested; it needs 1000 vectors to train" in out
    manifest = json.loads(
        (tmp_path / "builds" / (tmp_path / "CURRENT").read_text().strip() / "manifest.json").read_text()
    )
    assert (manifest["index_type"], manifest["requested_index_type"]) == ("flat", "ivf")
