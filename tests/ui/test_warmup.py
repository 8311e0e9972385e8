"""Loading the assistant in the background: ready / failed / still loading, and the documents meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store import IndexMissingError
from assistant.ui.warmup import NotLoadedError, Warmup, prepare_assistant

ROOT = Path(__file__).resolve().parents[2]


class FakeStore:
    def chunk_ids(self) -> list[str]:
        return ["d/1", "d/2"]


class FakeAssistant:
    """An index that is missing until `build_index` runs; counts warm-up queries."""

    def __init__(self, settings: Settings, built: bool = False) -> None:
        self.settings = settings
        self.documents = {"d": object()}
        self.built = built
        self.retrieved: list[str] = []

    @property
    def store(self) -> FakeStore:
        if not self.built:
            raise IndexMissingError("no index")
        return FakeStore()

    def build_index(self, progress=None) -> None:
        self.built = True

    def retrieve(self, question: str, k: int) -> list:
        self.retrieved.append(question)
        raise RuntimeError("a failing warm-up query must not fail the start")


def test_prepare_builds_a_missing_index_and_warms_up_both_languages(tmp_path: Path, monkeypatch) -> None:
    import assistant.api

    monkeypatch.setattr(assistant.api, "Assistant", FakeAssistant)
    tagged: list[str] = []
    monkeypatch.setattr("assistant.segmentation.pos_words", tagged.append)
    said: list[str] = []
    fake = FakeAssistant(Settings(index_dir=tmp_path))
    assert prepare_assistant(fake, say=said.append) is fake  # type: ignore[arg-type]
    assert fake.built and len(fake.retrieved) == 2
    assert tagged == ["谁必须向理事会报告？"]  # jieba's part-of-speech tagger is loaded too
    assert any("Building the index" in s for s in said) and "index loaded: 2 chunks from 1 documents" in said


def test_warmup_reports_ready_or_the_error(monkeypatch) -> None:
    settings = Settings(corpus_dir=ROOT / "corpus")
    ok = Warmup(settings, FakeAssistant(settings, built=True))  # type: ignore[arg-type]
    monkeypatch.setattr("assistant.ui.warmup.prepare_assistant", lambda a, say: a)
    ok.start().wait(10)
    assert ok.ready and ok.get(timeout=1) is ok.assistant and ok.seconds is not None

    def boom(a, say):
        raise RuntimeError("index unreadable")

    monkeypatch.setattr("assistant.ui.warmup.prepare_assistant", boom)
    bad = Warmup(settings, FakeAssistant(settings))  # type: ignore[arg-type]
    bad.start().wait(10)
    assert bad.done and not bad.ready and bad.error == "index unreadable"


def test_get_waits_then_says_it_is_still_loading() -> None:
    w = Warmup(Settings())
    with pytest.raises(NotLoadedError, match="still loading after 0 s"):
        w.get(timeout=0.01)


def test_documents_come_from_the_corpus_before_the_assistant_exists(tmp_path: Path) -> None:
    w = Warmup(Settings(corpus_dir=ROOT / "corpus"))
    assert "eur-44a25-1" in w.documents()
    assert Warmup(Settings(corpus_dir=tmp_path)).documents() == {}  # no manifest: nothing, no error
