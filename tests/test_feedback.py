"""Feedback records: appended, read back, merged per answer, and turned into draft gold questions."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.feedback import FeedbackRecord, append_feedback, draft_gold_questions, latest_votes, read_feedback


def _answer(abstained: bool = False) -> dict:
    citations = [] if abstained else [{"chunk_id": "eur-44a25-1/operative/secretary-general/7"}]
    return {"text": "The corpus does not say." if abstained else "The Secretary-General.", "abstained": abstained,
            "citations": citations}  # fmt: skip


def test_append_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "data" / "feedback.jsonl"
    append_feedback(path, FeedbackRecord("Who must report?", True, conversation="c1", turn=0))
    append_feedback(path, FeedbackRecord("谁必须报告？", False, note="错了", conversation="c1", turn=1))
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"question": "cut short')  # a write killed half-way
    records = read_feedback(path)
    got = [(r.question, r.liked, r.note) for r in records]
    assert got == [("Who must report?", True, ""), ("谁必须报告？", False, "错了")]
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[1])["note"] == "错了"  # readable UTF-8
    assert read_feedback(tmp_path / "missing.jsonl") == []


def test_a_later_vote_or_note_supersedes() -> None:
    records = [
        FeedbackRecord("q", True, conversation="c", turn=0, answer=_answer()),
        FeedbackRecord("q", False, conversation="c", turn=0),
        FeedbackRecord("q", None, note="wrong clause", conversation="c", turn=0),
    ]
    (merged,) = latest_votes(records)
    assert merged.liked is False and merged.note == "wrong clause" and merged.answer == _answer()


def test_thumbs_down_become_draft_gold_questions() -> None:
    records = [
        FeedbackRecord("Who must report to Council?", True, answer=_answer(), conversation="c", turn=0),
        FeedbackRecord("What else must he do?", False, note="it abstained", answer=_answer(True), conversation="c"),
        FeedbackRecord("谁负责与成员国分享信息？", False, answer=_answer(), conversation="d", turn=0),
        FeedbackRecord("だれが報告しますか？", False, conversation="e", turn=0),  # Japanese: not a gold language
    ]
    drafts = draft_gold_questions(records)
    assert [d["question"] for d in drafts] == ["What else must he do?", "谁负责与成员国分享信息？"]
    first, second = drafts
    assert first["language"] == "en" and second["language"] == "zh"
    assert "abstained" in first["notes"] and "it abstained" in first["notes"]
    assert "eur-44a25-1/operative/secretary-general/7" in second["notes"]
    required = {"id", "question", "language", "answerable", "key_facts", "gold_chunks", "direction", "category"}
    assert all(required <= set(d) for d in drafts)
    assert len({d["id"] for d in drafts}) == 2


def test_eval_from_feedback_writes_drafts(tmp_path: Path, capsys) -> None:
    from assistant.cli import main

    path = tmp_path / "feedback.jsonl"
    no = FeedbackRecord("What else must he do?", False, answer=_answer(True), conversation="c", turn=1)
    append_feedback(path, no)
    append_feedback(path, FeedbackRecord("Who must report?", True, answer=_answer(), conversation="c", turn=0))
    assert main(["eval", "--from-feedback", str(path)]) == 0
    out = capsys.readouterr()
    (draft,) = [json.loads(line) for line in out.out.splitlines()]
    assert draft["question"] == "What else must he do?" and "1 draft" in out.err
    target = tmp_path / "drafts.jsonl"
    assert main(["eval", "--from-feedback", str(path), "--drafts", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["question"] == "What else must he do?"
    assert main(["eval", "--from-feedback", str(tmp_path / "none.jsonl")]) == 2
