"""Helpers for the ingestion tests: a corpus holding the Chinese seed resolution, the CLI runner."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "itu-pp22-eur-44a25-1-ai-draft-resolution.zh.txt"
ARTICLE = ROOT / "corpus" / "unido-news-unga-ai-resolution.en.txt"
EN_TRANSLATION = ROOT / "tests" / "fixtures" / "parallel_resolution" / "eur-44a25-1.en.txt"


def _printed_lines(path: Path) -> list[str]:
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The Chinese seed resolution, one printed line per item, as a PDF would print it."""
    return _printed_lines(SEED)


@pytest.fixture(scope="session")
def en_lines() -> list[str]:
    """The English test translation of parts of the seed resolution, one line per item."""
    return _printed_lines(EN_TRANSLATION)


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A corpus folder with the Chinese seed resolution, listed as in the bundled manifest."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copyfile(SEED, folder / SEED.name)
    entry = json.loads((ROOT / "corpus" / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    (folder / "manifest.json").write_text(json.dumps({"documents": [entry]}, ensure_ascii=False), encoding="utf-8")
    return folder


def _run_cli(*argv: str) -> tuple[int, str, str]:
    from assistant.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run_cli():
    """`run_cli("add", ...)` runs `assistant add ...` in-process: (exit code, stdout, stderr)."""
    return _run_cli
