"""Users' 👍/👎 on answers, kept as JSON Lines, and turned into draft gold questions for the eval suite.

The UI appends one record per vote or note to `<data>/feedback.jsonl`
(`Settings.data_dir`); a later record about the same answer (same
conversation and turn) supersedes an earlier one. `draft_gold_questions`
turns the thumbs-down answers into entries in the gold suite's format for a
person to complete: the key facts and gold clauses are left for them to fill
in, with what the assistant said and cited in `notes`.

Example:
    >>> from assistant.feedback import FeedbackRecord, append_feedback   # doctest: +SKIP
    >>> append_feedback(path, FeedbackRecord(question="…", liked=False, note="wrong clause"))  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.language import UnsupportedLanguageError, detect_language
from assistant.schema import known_fields

FEEDBACK_FILE = "feedback.jsonl"
_write_lock = threading.Lock()


@dataclass(frozen=True)
class FeedbackRecord:
    """One vote (or note) on one answer."""

    question: str
    liked: bool | None  # None: a note without a vote
    note: str = ""
    answer: dict[str, Any] | None = None  # Answer.to_dict()
    conversation: str = ""
    turn: int = -1  # index of the turn in its conversation
    time: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    def key(self) -> tuple[str, int, str]:
        return (self.conversation, self.turn, self.question)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedbackRecord:
        return cls(**known_fields(cls, data))


def append_feedback(path: Path, record: FeedbackRecord) -> None:
    """Append `record` as one line (created with its folder if missing); one writer at a time, fsynced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record.to_dict(), ensure_ascii=False) + "\n"
    with _write_lock, open(path, "a", encoding="utf-8") as f:
        f.write(line)
        f.flush()
        os.fsync(f.fileno())


def read_feedback(path: Path) -> list[FeedbackRecord]:
    """Every readable record in `path`, in order; a damaged line (e.g. a write cut short) is skipped."""
    if not path.is_file():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(FeedbackRecord.from_dict(json.loads(line)))
        except (ValueError, TypeError):
            continue
    return records


def latest_votes(records: Iterable[FeedbackRecord]) -> list[FeedbackRecord]:
    """One record per answer: its last vote, with the last note given for it."""
    merged: dict[tuple[str, int, str], FeedbackRecord] = {}
    for r in records:
        before = merged.get(r.key())
        liked = r.liked if r.liked is not None else (before.liked if before else None)
        note = r.note or (before.note if before else "")
        answer = r.answer or (before.answer if before else None)
        merged[r.key()] = FeedbackRecord(r.question, liked, note, answer, r.conversation, r.turn, r.time)
    return list(merged.values())


def draft_gold_questions(records: Iterable[FeedbackRecord]) -> list[dict[str, Any]]:
    """Gold-suite entries (eval/gold/README.md format) for the thumbs-down answers, to be completed by a person."""
    drafts = []
    seen: set[str] = set()
    for r in latest_votes(records):
        question = " ".join(r.question.split())
        if r.liked is not False or not question or question in seen:
            continue
        seen.add(question)
        try:
            lang = detect_language(question)
        except UnsupportedLanguageError:
            continue
        answer = r.answer or {}
        cited = [c.get("chunk_id", "") for c in answer.get("citations", []) if isinstance(c, dict)]
        said = "abstained" if answer.get("abstained") else f"answered {answer.get('text', '')[:200]!r}"
        notes = f"DRAFT from 👎 feedback ({r.time}): the assistant {said}"
        if cited:
            notes += f", citing {', '.join(cited)}"
        if r.note:
            notes += f". User's note: {r.note}"
        notes += ". Fill in key_facts, gold_chunks, direction and category (or set answerable false)."
        drafts.append(
            {
                "id": f"{lang}-feedback-{len(drafts) + 1}",
                "question": question,
                "language": lang,
                "answerable": True,
                "key_facts": [],
                "gold_chunks": [],
                "direction": "none",
                "category": "unanswerable-near" if answer.get("abstained") else "paraphrase",
                "notes": notes,
            }
        )
    return drafts
