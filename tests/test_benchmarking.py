"""`assistant bench-retrieval` on a tiny BEIR-style set: ingested by `add`, scored, written as JSON + Markdown."""

import json

from assistant.cli import main

PASSAGES = [
    ("p1", "秘书长每年向理事会报告人工智能活动。"),
    ("p2", "成员国应加强数字合作，缩小数字鸿沟。"),
    ("p3", "The Panthers defense gave up just 308 points in the season."),
    ("p4", "Denver beat Carolina in Super Bowl 50 at Levi's Stadium."),
]
QUERIES = [("q1", "Who must report to the Council every year?", "p1"), ("q2", "谁赢得了超级碗？", "p4")]


def _write_set(folder):
    folder.mkdir()
    (folder / "corpus.jsonl").write_text(
        "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in PASSAGES), encoding="utf-8"
    )
    (folder / "queries.jsonl").write_text(
        "\n".join(json.dumps({"id": q, "text": t}, ensure_ascii=False) for q, t, _ in QUERIES), encoding="utf-8"
    )
    (folder / "qrels.tsv").write_text("query_id\tcorpus_id\n" + "".join(f"{q}\t{p}\n" for q, _, p in QUERIES))
    return folder


def test_bench_retrieval_scores_every_mode_and_writes_reports(tmp_path, capsys):
    data = _write_set(tmp_path / "set")
    out = tmp_path / "reports"
    code = main(
        [
            "bench-retrieval",
            "--corpus",
            str(data),
            "--model",
            "hash",
            "--out",
            str(out),
            "--name",
            "tiny",
            "--set",
            "fusion=max",
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "| hybrid |" in printed and "| bm25 |" in printed and "4 passages (0 skipped)" in printed
    report = json.loads((out / "tiny.json").read_text(encoding="utf-8"))
    assert set(report["report"]["retrieval"]) == {"hybrid", "dense", "bm25"}
    assert report["report"]["meta"]["n_queries"] == 2
    assert report["indexing"]["passages"] == 4 and report["settings"]["fusion"] == "max"
    # The English question finds the Chinese clause through translation, not by chance (hash vectors).
    assert report["report"]["retrieval"]["bm25"]["recall@1"] >= 0.5
    assert (out / "tiny.md").read_text(encoding="utf-8").startswith("# tiny")


def test_bench_retrieval_rejects_bad_arguments(tmp_path, capsys):
    data = _write_set(tmp_path / "set")
    assert main(["bench-retrieval", "--corpus", str(data / "corpus.jsonl")]) == 2
    assert "--queries and --qrels" in capsys.readouterr().err
    assert main(["bench-retrieval", "--corpus", str(data), "--set", "no_such_field=1"]) == 2
    assert main(["bench-retrieval", "--corpus", str(data), "--modes", "hybrid,magic"]) == 2
    (data / "qrels.tsv").write_text("query_id\tcorpus_id\nq1\tmissing\n")
    assert main(["bench-retrieval", "--corpus", str(data), "--model", "hash"]) == 2
    assert "not in corpus.jsonl" in capsys.readouterr().err


def test_a_fresh_run_indexes_and_reports_its_speed_a_second_run_reuses(tmp_path, capsys):
    # Before: the fresh run's index was built as a side effect of loading (finishing the pending `add`,
    # with a "note: finishing …" as if a run had crashed) and reported as "index reused", with no speed.
    data = _write_set(tmp_path / "set")
    argv = ["bench-retrieval", "--corpus", str(data), "--model", "hash", "--out", str(tmp_path / "r")]
    argv += ["--work-dir", str(tmp_path / "work"), "--name", "tiny"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    first = json.loads((tmp_path / "r" / "tiny.json").read_text(encoding="utf-8"))["indexing"]
    assert first["reused"] is False and "passages/s" in out and "note: finishing" not in err
    assert main(argv) == 0
    second = json.loads((tmp_path / "r" / "tiny.json").read_text(encoding="utf-8"))["indexing"]
    assert second["reused"] is True and "index reused" in capsys.readouterr().out
