"""Shared fixtures: the bundled corpus, small corpora written per test, and the index backend under test.

`pytest --backend milvus` (or ASSISTANT_TEST_BACKEND=milvus) runs the tests against Milvus Lite: it
sets ASSISTANT_BACKEND for every `Settings.from_env()` (so the `assistant` fixture, the CLI and the
child processes of the reliability tests all use Milvus, each index folder with its own milvus.db).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=["local", "milvus"],
        default=os.environ.get("ASSISTANT_TEST_BACKEND", "local"),
        help="index backend the suite runs against (local FAISS or Milvus Lite)",
    )


def pytest_configure(config: pytest.Config) -> None:
    os.environ["ASSISTANT_BACKEND"] = config.getoption("--backend")


@pytest.fixture(scope="session")
def backend(pytestconfig: pytest.Config) -> str:
    """The backend this run tests: what `Settings.from_env()` gives every test."""
    return pytestconfig.getoption("--backend")


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
