"""`assistant eval`'s command line: exit codes 0 / 1 / 2 and its messages."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import assistant
from assistant import evaluation as ev
from tests.evaluation.fakes import DOCS, row


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "res.txt").write_text(DOCS["res"], encoding="utf-8")
    (corpus / "art.txt").write_text(DOCS["art"], encoding="utf-8")
    manifest = {
        "documents": [
            {"id": "res", "path": "res.txt", "language": "zh", "kind": "resolution"},
            {"id": "art", "path": "art.txt", "language": "en", "kind": "article"},
        ]
    }
    (corpus / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return corpus


def test_main_exit_codes(scenario, tmp_path, monkeypatch, capsys):
    fake, _, suite = scenario
    corpus = _corpus(tmp_path)
    monkeypatch.setattr(assistant, "Assistant", lambda **kwargs: fake, raising=False)
    out = tmp_path / "reports"
    base = ["--suite", str(suite), "--out", str(out), "--corpus", str(corpus), "--modes", "hybrid", "--quiet"]
    assert ev.main([*base, "--min", "recall@5=1.0", "--min", "hybrid.mrr@10=0.5"]) == 0
    assert len(list(out.glob("*.json"))) == 1 and len(list(out.glob("*.md"))) == 1
    assert ev.main([*base, "--min", "citation_recall=0.9"]) == 1
    assert "FAIL: citation_recall" in capsys.readouterr().out
    baseline = next(out.glob("*.json"))
    assert ev.main([*base, "--baseline", str(baseline)]) == 0
    # bad arguments and files: 2, with a clear message
    assert ev.main([*base, "--min", "recal@5=1"]) == 2
    assert "known metrics:" in capsys.readouterr().err
    assert ev.main([*base, "--min", "recall@5"]) == 2
    assert ev.main([*base, "--modes", "hybrid,sparse"]) == 2
    assert ev.main([*base, "--limit", "5"]) == 2
    assert ev.main([*base, "--baseline", str(tmp_path / "nope.json")]) == 2
    assert ev.main(["--bogus"]) == 2
    assert ev.main(["--", "--suite", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl: suite file not found" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(row("en-ok", "Q?")) + "\n{oops\n", encoding="utf-8")
    assert ev.main(["--suite", str(bad), "--quiet"]) == 2
    assert f"{bad}:2: malformed JSON" in capsys.readouterr().err


def test_an_unwritable_out_folder_fails_before_the_run(scenario, tmp_path, monkeypatch, capsys):
    _, _, suite = scenario

    def no_run(**kwargs):
        raise AssertionError("the suite ran although its reports could not be written")

    monkeypatch.setattr(assistant, "Assistant", no_run, raising=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    code = ev.main(["--suite", str(suite), "--out", str(blocker / "reports"), "--modes", "hybrid", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and f"--out {blocker / 'reports'}: cannot write reports there" in err
    assert "Traceback" not in err


def test_a_report_that_cannot_be_written_keeps_its_figures_on_screen(scenario, tmp_path, monkeypatch, capsys):
    fake, _, suite = scenario
    monkeypatch.setattr(assistant, "Assistant", lambda **kwargs: fake, raising=False)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ev.cli, "write_report", disk_full)
    base = ["--suite", str(suite), "--out", str(tmp_path / "r"), "--corpus", str(_corpus(tmp_path)), "--quiet"]
    assert ev.main([*base, "--modes", "hybrid"]) == 2
    out, err = capsys.readouterr()
    assert "key_fact_accuracy=" in out and "could not write the report" in err and "No space left" in err


@pytest.mark.parametrize(("flags", "silenced"), [(["--quiet"], True), ([], False)])
def test_quiet_also_silences_building_the_index(scenario, tmp_path, monkeypatch, flags, silenced):
    fake, _, suite = scenario
    made: list[dict] = []
    monkeypatch.setattr(assistant, "Assistant", lambda **kwargs: made.append(kwargs) or fake, raising=False)
    corpus = _corpus(tmp_path)
    assert ev.main(["--suite", str(suite), "--out", str(tmp_path / "r"), "--corpus", str(corpus), *flags]) == 0
    (kwargs,) = made
    assert kwargs["build"] is True
    assert (kwargs.get("show_progress") is False and callable(kwargs.get("progress"))) == silenced


def test_unwritable_drafts_and_unreadable_baselines_are_messages_not_tracebacks(scenario, tmp_path, capsys):
    _, _, suite = scenario
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text("", encoding="utf-8")
    assert ev.main(["--from-feedback", str(feedback), "--drafts", str(blocker / "drafts.jsonl")]) == 2
    assert f"--drafts {blocker / 'drafts.jsonl'}: cannot write there" in capsys.readouterr().err
    assert ev.main(["--suite", str(suite), "--baseline", str(tmp_path), "--out", str(tmp_path / "r")]) == 2
    assert f"{tmp_path}: baseline report cannot be read" in capsys.readouterr().err


def test_a_corpus_that_cannot_be_loaded_is_a_message_not_a_traceback(scenario, tmp_path, monkeypatch, capsys):
    fake, _, suite = scenario
    monkeypatch.setattr(assistant, "Assistant", lambda **kwargs: fake, raising=False)
    missing = tmp_path / "no-corpus"
    code = ev.main(["--suite", str(suite), "--corpus", str(missing), "--out", str(tmp_path / "r"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and f"assistant eval: error: {missing / 'manifest.json'}: corpus manifest not found" in err


def test_a_closed_pipe_keeps_the_report_and_the_threshold_exit_code(scenario, tmp_path, monkeypatch, capsys):
    # `assistant eval … | head -1`: before, the print after the reader left raised BrokenPipeError (a traceback),
    # and a print failing before the report was written lost the report too.
    fake, _, suite = scenario
    monkeypatch.setattr(assistant, "Assistant", lambda **kwargs: fake, raising=False)

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    out = tmp_path / "reports"
    corpus = _corpus(tmp_path)
    base = ["--suite", str(suite), "--out", str(out), "--corpus", str(corpus), "--modes", "hybrid", "--quiet"]
    assert ev.main([*base, "--min", "citation_recall=0.9"]) == 1  # the failed threshold still decides
    assert len(list(out.glob("*.json"))) == 1
    assert ev.main(base) == 0
