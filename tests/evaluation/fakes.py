"""Fakes for the evaluation tests: a two-document corpus, canned answers, suite rows."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.schema import Answer, Chunk, Citation, RetrievedChunk

ROOT = Path(__file__).resolve().parents[2]
GOLD_SUITE = ROOT / "eval" / "gold" / "qa.jsonl"
CMRC_DIR = Path("/work/shared/datasets/cmrc2018_dev")

# A tiny two-document corpus for the fakes: doc id -> text.
DOCS = {
    "res": "责成秘书长\n7\t每年向理事会报告人工智能问题的任何活动，\n",
    "art": "New York, 21 March, 2004 – More than 120 member states supported it.",
}


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


class HistoryAssistant(FakeAssistant):
    """Records the history each `ask` gets."""

    def __init__(self, canned, ids=None):
        super().__init__(canned, ids)
        self.histories: list[tuple[str, list[str]]] = []

    def ask(self, question, *, k=None, mode=None, history=()):
        self.histories.append((question, [t.question for t in history]))
        return super().ask(question, k=k, mode=mode)
