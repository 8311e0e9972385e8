"""`run_suite` with fake assistants (metrics, failures, errors, history) and `run_retrieval_benchmark`."""

from __future__ import annotations

import json

import pytest

from assistant import evaluation as ev
from tests.evaluation.fakes import DOCS, FakeAssistant, HistoryAssistant, answer, cite, row, write_suite


def test_run_suite_metrics(scenario):
    fake, report, _ = scenario
    assert ("retrieve", "hybrid", 10) in fake.calls and ("retrieve", "bm25", 10) in fake.calls
    assert ("ask", None, None) in fake.calls
    a = report.answers
    assert (a["n"], a["n_answerable"], a["n_unanswerable"]) == (6, 4, 2)
    # key facts: ok, half (missing a group), fakequote (ok), false abstention (0)
    assert a["key_fact_accuracy"] == pytest.approx(2 / 4)
    assert a["key_fact_coverage"] == pytest.approx((1 + 0.5 + 1 + 0) / 4)
    # citation recall: 1, 1/2, 1, 0 (abstained); precision: 1, 1/2, 1 (the abstention has none)
    assert a["citation_recall"] == pytest.approx(2.5 / 4)
    assert a["citation_precision"] == pytest.approx(2.5 / 3)
    # 5 citations in all answers, one unfaithful
    assert a["n_citations"] == 5 and a["quote_fidelity"] == pytest.approx(4 / 5)
    # abstention: TP 1 (cup), FP 1 (false abstain), FN 1 (budget)
    assert a["abstention_precision"] == 0.5 and a["abstention_recall"] == 0.5 and a["abstention_f1"] == 0.5
    assert a["pass_rate"] == pytest.approx(2 / 6)  # en-ok and en-un-cup pass
    # retrieval over the 4 answerable questions, hybrid
    r = report.retrieval["hybrid"].as_dict()
    assert r["recall@1"] == pytest.approx((1 + 0 + 1 + 0) / 4)
    assert r["recall@5"] == pytest.approx((1 + 1 + 1 + 1) / 4)
    assert r["mrr@10"] == pytest.approx((1 + 0.5 + 1 + 0.5) / 4)
    m = report.metrics()
    assert m["recall@1"] == m["hybrid.recall@1"] and "bm25.mrr@10" in m
    assert m["latency_p50_s"] is not None and m["hybrid.latency_p95_s"] is not None
    assert set(report.breakdowns) == {"language", "direction", "category", "type", "section"}
    assert report.breakdowns["language"]["zh"]["n"] == 1
    assert report.breakdowns["direction"]["none"]["hybrid.recall@5"] is None
    assert set(report.breakdowns["direction"]) == {"en->zh", "en->en", "zh->en", "none"}


def test_failures_sorted_by_severity(scenario):
    _, report, _ = scenario
    failures = report.failures()
    ids = [q.id for q in failures]
    assert set(ids) == {"en-half", "en-fakequote", "en-un-budget", "zh-false-abstain"}
    assert ids[0] == "en-un-budget"  # answered an unanswerable question: 6 (+0)
    severities = [q.severity for q in failures]
    assert severities == sorted(severities, reverse=True)
    by_id = {q.id: q for q in failures}
    assert by_id["zh-false-abstain"].severity == pytest.approx(4.0)
    assert by_id["en-fakequote"].severity == pytest.approx(3 + 2 * 1.0)
    assert by_id["en-half"].severity == pytest.approx(3 * 0.5 + 2 * 0.5 + 0.5 * 0.5)
    assert any("unfaithful" in r for r in by_id["en-fakequote"].failure_reasons)
    assert any("res/sg/6" in r for r in by_id["en-half"].failure_reasons)


def test_run_suite_records_errors_and_checks_gold_ids(tmp_path):
    suite = write_suite(tmp_path / "qa.jsonl", [row("en-a", "Q?")])
    boom = FakeAssistant({"Q?": (["res/sg/7"], RuntimeError("index missing"))})
    report = ev.run_suite(boom, suite, documents=DOCS, progress=False)
    (q,) = report.questions
    assert q.error and "index missing" in q.error and q.severity >= 10
    assert report.answers["n_errors"] == 1 and report.metrics()["latency_p50_s"] is None
    stale = FakeAssistant({"Q?": (["res/sg/7"], answer("Q?", "x"))}, ids=["res/sg/6"])
    with pytest.raises(ev.SuiteError, match=r"qa\.jsonl:1: unknown chunk id\(s\) in gold_chunks: res/sg/7"):
        ev.run_suite(stale, suite, documents=DOCS, progress=False)


def test_follow_up_gets_its_history_as_turns_and_lists_are_scored_for_completeness(tmp_path):
    first = "Who must report to Council?"
    follow = "What else must he do?"
    suite = write_suite(
        tmp_path / "s.jsonl",
        [
            {**row("en-list", follow, gold=["res/sg/7", "res/sg/6"]), "history": [first], "type": "list"},
            row("en-single", first),
        ],
    )
    canned = {
        first: (["res/sg/7"], answer(first, "秘书长", [cite("res/sg/7", "每年")])),
        follow: (["res/sg/7"], answer(follow, "秘书长", [cite("res/sg/7", "每年")])),
    }
    fake = HistoryAssistant(canned)
    report = ev.run_suite(fake, suite, documents=DOCS, modes=("hybrid",), progress=False)
    # the earlier question is asked first, without history; the follow-up gets it as a Turn with its answer
    assert (first, []) in fake.histories and (follow, [first]) in fake.histories
    a = report.answers
    # one of the two clauses cited; single-clause questions are not lists
    assert a["list_completeness"] == pytest.approx(0.5)
    assert report.breakdowns["type"]["list"]["list_completeness"] == pytest.approx(0.5)
    assert "list_completeness" in ev.known_metric_names(["hybrid"])


def test_load_beir_style_and_benchmark(tmp_path):
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps({"id": f"c{i}", "title": "", "text": f"passage {i}"}) + "\n" for i in range(4)),
        encoding="utf-8",
    )
    (tmp_path / "queries.jsonl").write_text(
        "".join(json.dumps({"id": f"q{i}", "text": f"question {i}"}) + "\n" for i in range(3)), encoding="utf-8"
    )
    (tmp_path / "qrels.tsv").write_text("query_id\tcorpus_id\nq0\tc0\nq1\tc1\nq2\tc2\n", encoding="utf-8")
    corpus, queries, qrels = ev.load_beir_style(tmp_path, limit_queries=2)
    assert len(corpus) == 4 and list(queries) == ["q0", "q1"] and qrels == {"q0": {"c0"}, "q1": {"c1"}}

    def oracle(q: str) -> list[str]:
        return [f"c{q.split()[-1]}", "c3"]

    def worse(q: str) -> list[str]:
        return ["c3", f"c{q.split()[-1]}#part1"]

    report = ev.run_retrieval_benchmark({"hybrid": oracle, "bm25": worse}, corpus, queries, qrels, name="toy")
    m = report.metrics()
    assert m["recall@1"] == 1.0 and m["bm25.recall@1"] == 0.0 and m["bm25.mrr@10"] == 0.5
    assert ev.check_thresholds(report, {"mrr@10": 1.0}) == []
    with pytest.raises(ev.UnknownMetricError):
        ev.check_thresholds(report, {"citation_recall": 0.5})  # no answers in a retrieval report
    json_path, md_path = ev.write_report(report, tmp_path / "out")
    assert json.loads(json_path.read_text())["kind"] == "retrieval" and "toy" in md_path.read_text()

    (tmp_path / "qrels.tsv").write_text("query_id\tcorpus_id\nq0\tc9\n", encoding="utf-8")
    with pytest.raises(ev.SuiteError, match=r"qrels\.tsv:2: corpus id 'c9'"):
        ev.load_beir_style(tmp_path)
    (tmp_path / "queries.jsonl").write_text('{"id": "q0"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ev.SuiteError, match=r"queries\.jsonl:1"):
        ev.load_beir_style(tmp_path)
