"""The `scenario` fixture: six questions covering every kind of outcome, run through `run_suite`."""

from __future__ import annotations

import pytest

from assistant import evaluation as ev
from tests.evaluation.fakes import (
    DOCS,
    Q_FAKEQUOTE,
    Q_FALSE_ABSTAIN,
    Q_HALF,
    Q_OK,
    Q_UN_ABSTAINED,
    Q_UN_ANSWERED,
    FakeAssistant,
    answer,
    cite,
    row,
    write_suite,
)


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
