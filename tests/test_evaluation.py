"""The evaluation harness: the runner with fake assistants, reports, the gold suite itself.

The metric definitions are tested in `tests/evaluation/test_metrics.py`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running `pytest` without an installed package
    sys.path.insert(0, str(ROOT))

import assistant  # noqa: E402
from assistant import evaluation as ev  # noqa: E402
from assistant.schema import Answer, Chunk, Citation, RetrievedChunk  # noqa: E402

GOLD_SUITE = ROOT / "eval" / "gold" / "qa.jsonl"
CMRC_DIR = Path("/work/shared/datasets/cmrc2018_dev")

# A tiny two-document corpus for the fakes: doc id -> text.
DOCS = {
    "res": "责成秘书长\n7\t每年向理事会报告人工智能问题的任何活动，\n",
    "art": "New York, 21 March, 2004 – More than 120 member states supported it.",
}


# ------------------------------------------------------------------------------------------------------------------
# helpers and fakes
# ------------------------------------------------------------------------------------------------------------------
def chunk(cid: str, doc_id: str = "res") -> Chunk:
    return Chunk(id=cid, doc_id=doc_id, text="x", lang="zh", kind="clause", section_kind="operative", start=0, end=1)


def cite(chunk_id: str, quote: str, doc_id: str = "res", start: int | None = None) -> Citation:
    text = DOCS[doc_id]
    s = text.find(quote) if start is None else start
    return Citation(
        chunk_id=chunk_id,
        doc_id=doc_id,
        doc_title="",
        doc_number="",
        section="",
        section_other="",
        label="",
        quote=quote,
        start=s,
        end=s + len(quote),
        score=1.0,
        lang="zh",
    )


def answer(question: str, text: str, citations=(), abstained: bool = False) -> Answer:
    return Answer(question=question, text=text, language="en", citations=list(citations), abstained=abstained)


class FakeAssistant:
    """Canned rankings and answers per question; records the calls it gets."""

    def __init__(self, canned: dict[str, tuple[list[str], Answer | Exception]], ids: list[str] | None = None):
        self.canned = canned
        self.ids = ids
        self.calls: list[tuple[str, str | None, int | None]] = []

    def retrieve(self, question, k=None, *, mode=None):
        self.calls.append(("retrieve", mode, k))
        ranked = self.canned[question][0]
        if mode == "bm25":  # a worse second mode: reversed ranking
            ranked = list(reversed(ranked))
        return [RetrievedChunk(chunk(cid), 1.0 / (i + 1)) for i, cid in enumerate(ranked[:k])]

    def ask(self, question, *, k=None, mode=None):
        self.calls.append(("ask", mode, k))
        result = self.canned[question][1]
        if isinstance(result, Exception):
            raise result
        return result

    def chunk_ids(self):
        return self.ids if self.ids is not None else ["res/sg/7", "res/sg/6", "art/body/1", "art/dateline", "x/1"]


def write_suite(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def row(qid: str, question: str, *, answerable=True, key_facts=None, gold=None, direction=None, category="operative"):
    lang = qid.split("-")[0]
    return {
        "id": qid,
        "question": question,
        "language": lang,
        "answerable": answerable,
        "key_facts": key_facts if key_facts is not None else ([["Secretary-General", "秘书长"]] if answerable else []),
        "gold_chunks": gold if gold is not None else (["res/sg/7"] if answerable else []),
        "direction": direction or (f"{lang}->zh" if answerable else "none"),
        "category": category if answerable else "unanswerable-near",
    }


Q_OK = "Who must report to Council?"
Q_HALF = "How often must the Secretary-General report?"
Q_FAKEQUOTE = "How many states backed it?"
Q_UN_ANSWERED = "What budget is allocated?"
Q_UN_ABSTAINED = "Who won the World Cup?"
Q_FALSE_ABSTAIN = "Where is the dateline?"


@pytest.fixture()
def scenario(tmp_path):
    """Six questions covering every kind of outcome, with hand-computable metrics."""
    rows = [
        row("en-ok", Q_OK),
        row(
            "en-half",
            Q_HALF,
            key_facts=[["annually", "每年"], ["Secretary-General", "秘书长"]],
            gold=["res/sg/7", "res/sg/6"],
        ),
        row("en-fakequote", Q_FAKEQUOTE, key_facts=[["120"]], gold=["art/body/1"], direction="en->en"),
        row("en-un-budget", Q_UN_ANSWERED, answerable=False),
        row("en-un-cup", Q_UN_ABSTAINED, answerable=False),
        row("zh-false-abstain", Q_FALSE_ABSTAIN, key_facts=[["New York"]], gold=["art/dateline"], direction="zh->en"),
    ]
    suite = write_suite(tmp_path / "qa.jsonl", rows)
    quote = "每年向理事会报告人工智能问题的任何活动，"
    canned = {
        # rank 1 gold, answer fully right
        Q_OK: (
            ["res/sg/7#part1", "res/sg/7#part2", "x/1"],
            answer(Q_OK, f"The Secretary-General: {quote}", [cite("res/sg/7#part1", quote)]),
        ),
        # gold at ranks 2 and 3 (of 2 relevant); answer misses a key fact group and one gold chunk, cites a non-gold one
        Q_HALF: (
            ["x/1", "res/sg/6", "res/sg/7"],
            answer(Q_HALF, f"每年: {quote}", [cite("res/sg/7", quote), cite("x/1", "责成秘书长")]),
        ),
        # right answer, but the quote is not at its offsets
        Q_FAKEQUOTE: (
            ["art/body/1"],
            answer(Q_FAKEQUOTE, "More than 120.", [cite("art/body/1", "More than 120", doc_id="art", start=0)]),
        ),
        Q_UN_ANSWERED: (["x/1"], answer(Q_UN_ANSWERED, "The budget is 5 million.", [cite("res/sg/7", quote)])),
        Q_UN_ABSTAINED: (["x/1"], answer(Q_UN_ABSTAINED, "I could not find this.", abstained=True)),
        Q_FALSE_ABSTAIN: (["x/1", "art/dateline"], answer(Q_FALSE_ABSTAIN, "不知道 New York", abstained=True)),
    }
    fake = FakeAssistant(canned)
    report = ev.run_suite(fake, suite, documents=DOCS, modes=("hybrid", "bm25"), progress=False)
    return fake, report, suite


# ------------------------------------------------------------------------------------------------------------------
# the runner with a fake assistant
# ------------------------------------------------------------------------------------------------------------------
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


# ------------------------------------------------------------------------------------------------------------------
# thresholds, reports, baseline
# ------------------------------------------------------------------------------------------------------------------
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


# ------------------------------------------------------------------------------------------------------------------
# suite validation and the command line
# ------------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "en-x", "question": "Q?"', "malformed JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({k: v for k, v in row("en-x", "Q?").items() if k != "direction"}), "missing field 'direction'"),
        (json.dumps({**row("en-x", "Q?"), "answerable": "yes"}), "'answerable' must be a boolean"),
        (json.dumps({**row("en-x", "Q?"), "gold": []}), "unknown field(s) 'gold'"),
        (json.dumps({**row("en-x", "Q?"), "language": "fr"}), "'language' must be one of"),
        (json.dumps({**row("en-x", "Q?"), "direction": "zh->zh"}), "starts with the question language"),
        (json.dumps({**row("en-x", "Q?"), "key_facts": ["秘书长"]}), "key_facts[0] must be a non-empty list"),
        (json.dumps({**row("en-x", "Q?"), "gold_chunks": []}), "needs at least one gold chunk"),
        (json.dumps({**row("en-x", "Q?", answerable=False), "gold_chunks": ["a"]}), "must have empty gold_chunks"),
        (json.dumps(row("en-ok", "again?")), "duplicate id 'en-ok' (first used on line 1)"),
    ],
)
def test_malformed_suite_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "suite.jsonl"
    path.write_text(json.dumps(row("en-ok", "Q?")) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ev.SuiteError) as info:
        ev.load_suite(path)
    assert f"{path}:3: " in str(info.value) and message in str(info.value)


def test_suite_unknown_chunk_ids(tmp_path):
    path = write_suite(
        tmp_path / "s.jsonl", [row("en-a", "Q?", gold=["res/sg/7#part2"]), row("en-b", "R?", gold=["nope"])]
    )
    with pytest.raises(ev.SuiteError) as info:
        ev.load_suite(path, known_chunk_ids=["res/sg/7#part1"])
    assert f"{path}:2: unknown chunk id(s) in gold_chunks: nope" in str(info.value)
    assert ":1:" not in str(info.value)  # "#partN" matches its clause
    assert len(ev.load_suite(path)) == 2  # without known ids nothing is checked
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ev.SuiteError, match="no questions"):
        ev.load_suite(empty)
    with pytest.raises(ev.SuiteError, match="not found"):
        ev.load_suite(tmp_path / "missing.jsonl")


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


# ------------------------------------------------------------------------------------------------------------------
# BEIR-style sets (CMRC)
# ------------------------------------------------------------------------------------------------------------------
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


@pytest.mark.skipif(not CMRC_DIR.is_dir(), reason="CMRC 2018 dev is not on this machine")
def test_load_cmrc_dev():
    corpus, queries, qrels = ev.load_beir_style(CMRC_DIR, limit_queries=20)
    assert len(corpus) == 848 and len(queries) == 20
    assert all(len(qrels[q]) == 1 and next(iter(qrels[q])) in corpus for q in queries)


# ------------------------------------------------------------------------------------------------------------------
# the gold suite itself
# ------------------------------------------------------------------------------------------------------------------
def test_gold_suite_is_valid():
    from assistant.chunking import chunk_corpus
    from assistant.corpus import load_corpus

    chunks = {c.id: c for c in chunk_corpus(load_corpus(ROOT / "corpus"))}
    by_base: dict[str, list[Chunk]] = {}
    for c in chunks.values():
        by_base.setdefault(ev.base_chunk_id(c.id), []).append(c)
    questions = ev.load_suite(GOLD_SUITE, known_chunk_ids=list(chunks))
    assert len(questions) >= 64
    assert {q.language for q in questions} == {"en", "zh"}
    directions = Counter(q.direction for q in questions)
    assert {"en->zh", "zh->en", "zh->zh", "en->en"} <= set(directions)
    assert directions["en->zh"] >= 20 and directions["zh->en"] >= 5
    categories = Counter(q.category for q in questions)
    assert categories["paraphrase"] >= 8
    assert categories["unanswerable-near"] >= 6 and categories["unanswerable-far"] >= 3
    assert sum(not q.answerable for q in questions) >= 12

    cited = {ev.base_chunk_id(c) for q in questions for c in q.gold_chunks}
    sections = {
        "eur-44a25-1/header",
        "eur-44a25-1/preamble/recalling",
        "eur-44a25-1/preamble/noting",
        "eur-44a25-1/preamble/considering",
        "eur-44a25-1/preamble/considering/a/",  # the "–" sub-items
        "eur-44a25-1/preamble/considering-further",
        "eur-44a25-1/operative/resolves",
        "eur-44a25-1/operative/secretary-general",
        "eur-44a25-1/operative/director-bdt",
        "eur-44a25-1/operative/member-states-sector-members-academia",
        "unido-unga-ai-resolution/title",
        "unido-unga-ai-resolution/dateline",
    } | {f"unido-unga-ai-resolution/body/{i}" for i in range(1, 7)}
    for prefix in sections:
        assert any(c.startswith(prefix) for c in cited), f"no question about {prefix}"

    by_question = {q.question: q for q in questions}
    for text in ("Who must report to Council?", "谁必须向理事会报告？"):
        assert by_question[text].gold_chunks == ("eur-44a25-1/operative/secretary-general/7",)

    for q in questions:
        if not q.answerable:
            continue
        # every key-fact group is grounded in the gold clauses (text, heading or addressee) ...
        source = " ".join(
            f"{c.text} {c.section} {c.section_en} {c.section_zh} {c.addressee_en} {c.addressee_zh}"
            for gid in q.gold_chunks
            for c in by_base[ev.base_chunk_id(gid)]
        )
        for group in q.key_facts:
            assert ev.missing_key_facts(source, [group]) == [], f"{q.id}: key fact {group} not in its gold chunks"
            # ... and not given away by the question
            assert ev.missing_key_facts(q.question, [group]) == [[*group]], f"{q.id}: {group} is in the question"


# ------------------------------------------------------------------------------------------------------------------
# follow-ups, list completeness, answer types
# ------------------------------------------------------------------------------------------------------------------
class HistoryAssistant(FakeAssistant):
    """Records the history each `ask` gets."""

    def __init__(self, canned, ids=None):
        super().__init__(canned, ids)
        self.histories: list[tuple[str, list[str]]] = []

    def ask(self, question, *, k=None, mode=None, history=()):
        self.histories.append((question, [t.question for t in history]))
        return super().ask(question, k=k, mode=mode)


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


def test_history_must_be_a_list_of_questions(tmp_path):
    suite = write_suite(tmp_path / "s.jsonl", [{**row("en-a", "What else?"), "history": ["", 3]}])
    with pytest.raises(ev.SuiteError, match="history"):
        ev.load_suite(suite)


def test_wave2_suite_is_valid():
    """The untuned wave-2 file: loads strictly, every id exists, every key fact is grounded, follow-ups have history."""
    from assistant.chunking import chunk_corpus
    from assistant.corpus import load_corpus

    docs = {d.id: d for d in load_corpus(ROOT / "corpus")}
    chunks = {c.id: c for c in chunk_corpus(docs.values())}
    by_base: dict[str, list[Chunk]] = {}
    for c in chunks.values():
        by_base.setdefault(ev.base_chunk_id(c.id), []).append(c)
    questions = ev.load_suite(ROOT / "eval" / "gold" / "qa_wave2.jsonl", known_chunk_ids=list(chunks))
    assert len(questions) >= 50
    assert {"en->zh", "zh->en", "zh->zh", "en->en"} <= {q.direction for q in questions}
    assert sum(bool(q.history) for q in questions) >= 10
    assert sum(q.category.startswith("unanswerable") for q in questions) >= 10
    numbers = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 9: "nine"}
    for q in questions:
        if not q.answerable:
            continue
        info = [docs[ev.base_chunk_id(g).split("/")[0]].info for g in q.gold_chunks]
        source = " ".join(
            [
                *(
                    f"{c.text} {c.section} {c.section_en} {c.section_zh} {c.addressee_en} {c.addressee_zh}"
                    for gid in q.gold_chunks
                    for c in by_base[ev.base_chunk_id(gid)]
                ),
                *(f"{i.title_en} {i.title_zh} {i.source} {i.doc_number} {i.date_printed}" for i in info),
            ]
        )
        n = len(q.gold_chunks)
        for group in q.key_facts:
            is_count = any(str(n) in alt or numbers.get(n, "?") in alt or "七" in alt or "三" in alt for alt in group)
            grounded = ev.missing_key_facts(source, [group]) == []
            assert grounded or (q.category == "how-many" and is_count), f"{q.id}: key fact {group} not grounded"
            assert ev.missing_key_facts(q.question, [group]) == [[*group]], f"{q.id}: {group} is in the question"
