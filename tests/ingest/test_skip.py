"""`SkipFile`: one class, whichever step of reading a file raises it."""

from __future__ import annotations

import pytest

from assistant.ingest import extract
from assistant.ingest.limits import IngestLimits
from assistant.ingest.skip import SkipFile


def test_a_skipped_file_carries_its_reason():
    exc = SkipFile("empty file (0 bytes)")
    assert exc.reason == str(exc) == "empty file (0 bytes)"


def test_the_readers_and_the_limits_raise_the_same_skip(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(SkipFile, match="empty file"):
        extract(empty)
    with pytest.raises(SkipFile, match="over the limit of 10"):
        IngestLimits(max_pages=10).check("max_pages", 12, "the PDF has 12 pages")


def test_the_old_import_paths_name_the_same_class():
    from assistant import ingest
    from assistant.ingest import formats

    assert ingest.SkipFile is formats.SkipFile is SkipFile
