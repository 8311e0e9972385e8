"""Shared fixtures: the bundled corpus, and small corpora written per test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def documents():
    from assistant.corpus import load_corpus

    return {d.id: d for d in load_corpus(CORPUS)}


@pytest.fixture(scope="session")
def chunks(documents):
    from assistant.chunking import chunk_corpus

    return chunk_corpus(documents.values())


def write_corpus(folder: Path, files: dict[str, str | bytes], entries: list[dict]) -> Path:
    """A corpus folder with these files and a manifest listing `entries`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """The real assistant (default model) over the bundled corpus, indexed into a temp folder."""
    from assistant import Assistant, Settings

    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("index"), show_progress=False)
    a = Assistant(settings, build=True)
    assert len(a.store) > 0  # build once, up front
    return a
