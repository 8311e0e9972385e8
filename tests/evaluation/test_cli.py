"""`assistant eval`'s command line: exit codes 0 / 1 / 2 and its messages."""

from __future__ import annotations

import json

import assistant
from assistant import evaluation as ev
from tests.evaluation.fakes import DOCS, row


def test_main_exit_codes(scenario, tmp_path, monkeypatch, capsys):
    fake, _, suite = scenario
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
