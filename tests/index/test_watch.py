"""`PublishedBuild`: a loaded assistant's cheap check for a build another process published."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.index.watch import PublishedBuild


def publish(index_dir: Path, build: str) -> None:
    """What the builder does: write a temporary pointer and rename it over CURRENT."""
    (index_dir / ".CURRENT.tmp").write_text(build + "\n", encoding="utf-8")
    os.replace(index_dir / ".CURRENT.tmp", index_dir / "CURRENT")


def test_a_published_build_is_seen_once_and_the_loaded_one_never(tmp_path: Path) -> None:
    publish(tmp_path, "b1")
    watch = PublishedBuild(tmp_path, "b1", interval=0)
    assert not watch.moved() and not watch.moved()
    publish(tmp_path, "b2")
    assert watch.moved()
    assert not watch.moved()  # the same CURRENT is not read again


def test_a_build_published_before_the_first_check_is_seen(tmp_path: Path) -> None:
    publish(tmp_path, "b1")
    watch = PublishedBuild(tmp_path, "b1", interval=0)
    publish(tmp_path, "b2")
    assert watch.moved()


def test_checks_are_spaced_by_the_interval(tmp_path: Path) -> None:
    publish(tmp_path, "b1")
    watch = PublishedBuild(tmp_path, "b1", interval=3600)
    assert not watch.moved()
    publish(tmp_path, "b2")
    assert not watch.moved()  # the next look at CURRENT is an hour away


def test_no_pointer_or_a_garbage_one_is_no_new_build(tmp_path: Path) -> None:
    watch = PublishedBuild(tmp_path, "b1", interval=0)
    assert not watch.moved()
    (tmp_path / "CURRENT").write_bytes(b"\xff\xfe../x")
    assert not watch.moved()
    publish(tmp_path, "b2")
    assert watch.moved()
