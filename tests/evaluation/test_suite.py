"""Suite files: strict parsing with file:line errors, chunk-id checks, and the shipped gold suites."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from assistant import evaluation as ev
from assistant.schema import Chunk
from tests.evaluation.fakes import CMRC_DIR, GOLD_SUITE, ROOT, row, write_suite


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


def test_history_must_be_a_list_of_questions(tmp_path):
    suite = write_suite(tmp_path / "s.jsonl", [{**row("en-a", "What else?"), "history": ["", 3]}])
    with pytest.raises(ev.SuiteError, match="history"):
        ev.load_suite(suite)


@pytest.mark.skipif(not CMRC_DIR.is_dir(), reason="CMRC 2018 dev is not on this machine")
def test_load_cmrc_dev():
    corpus, queries, qrels = ev.load_beir_style(CMRC_DIR, limit_queries=20)
    assert len(corpus) == 848 and len(queries) == 20
    assert all(len(qrels[q]) == 1 and next(iter(qrels[q])) in corpus for q in queries)


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
