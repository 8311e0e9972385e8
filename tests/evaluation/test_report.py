"""Thresholds, the JSON and Markdown reports, and the comparison with a baseline."""

from __future__ import annotations

import json

import pytest

from assistant import evaluation as ev


def test_check_thresholds(scenario):
    _, report, _ = scenario
    assert ev.check_thresholds(report, {"recall@5": 1.0, "hybrid.recall@5": 0.9, "quote_fidelity": 0.8}) == []
    failures = ev.check_thresholds(report, {"citation_recall": 0.9, "key_fact_accuracy": 0.5, "bm25.mrr@10": 0.99})
    assert len(failures) == 2
    assert any(f.startswith("citation_recall = 0.6250 is below the minimum 0.9") for f in failures)
    assert any(f.startswith("bm25.mrr@10") for f in failures)
    assert ev.check_thresholds(report, {}, {"latency_p95_s": 60.0}) == []
    assert ev.check_thresholds(report, {}, {"latency_p95_s": 0.0})  # slower than 0 s
    with pytest.raises(ev.UnknownMetricError, match=r"known metrics: .*abstention_recall"):
        ev.check_thresholds(report, {"recal@5": 0.5})
    with pytest.raises(ev.UnknownMetricError):
        ev.check_thresholds(report, {"dense.recall@5": 0.5})  # mode not run


def test_write_report_and_baseline(scenario, tmp_path):
    _, report, _ = scenario
    out = tmp_path / "reports"
    json_path, md_path = ev.write_report(report, out)
    assert json_path.is_file() and md_path.is_file() and json_path.parent == out
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["format"] == ev.REPORT_FORMAT and data["kind"] == "gold"
    assert data["failures"] == [q.id for q in report.failures()]
    assert data["metrics"]["citation_recall"] == pytest.approx(0.625)
    assert len(data["questions"]) == 6 and data["questions"][0]["rankings"]["hybrid"][0] == "res/sg/7"
    md = md_path.read_text(encoding="utf-8")
    assert "## Failures, worst first (4)" in md
    assert md.index("en-un-budget") < md.index("zh-false-abstain") < md.index("en-half")

    # a baseline with different numbers: old/new/delta per metric in both files
    old = dict(data)
    old["metrics"] = {**data["metrics"], "citation_recall": 0.5, "only_in_old": 1.0}
    baseline = tmp_path / "old.json"
    baseline.write_text(json.dumps(old), encoding="utf-8")
    json2, md2 = ev.write_report(report, out, baseline=baseline, checks=["x below y"])
    assert json2 != json_path  # never overwrites
    data2 = json.loads(json2.read_text(encoding="utf-8"))
    comp = {c["name"]: c for c in data2["comparison"]}
    assert comp["citation_recall"]["old"] == 0.5 and comp["citation_recall"]["delta"] == pytest.approx(0.125)
    assert comp["only_in_old"]["new"] is None and comp["only_in_old"]["delta"] is None
    assert data2["threshold_failures"] == ["x below y"]
    md2_text = md2.read_text(encoding="utf-8")
    assert "## Comparison with baseline" in md2_text and "| citation_recall | 0.500 | 0.625 | +0.125 |" in md2_text
    assert "FAIL: x below y" in md2_text
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        ev.write_report(report, out, baseline=bad)
