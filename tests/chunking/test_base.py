"""The chunkers' shared pieces: lines with offsets, ids, the paragraph fallback and the token split."""

from __future__ import annotations

import warnings

import pytest

from assistant.chunking.base import ChunkingWarning, finish, id_part, lines_of, paragraph_chunks, span, unique_key
from assistant.schema import Document, DocumentInfo


def _doc(text: str) -> Document:
    return Document(DocumentInfo(id="d", path="d.txt", language="en", kind="article"), text)


def test_lines_keep_their_offsets_and_skip_blank_ones() -> None:
    text = "first line\n\n  second  \n"
    lines = lines_of(text)
    assert [line.text for line in lines] == ["first line", "second"]
    assert all(text[line.start : line.end] == line.text for line in lines)
    assert [line.number for line in lines] == [1, 3]


def test_span_trims_white_space() -> None:
    assert span("  abc  ", 0, 7) == (2, 5)


def test_ids_are_stable_and_unique() -> None:
    taken: set[str] = set()
    assert [unique_key("sg", taken) for _ in range(3)] == ["sg", "sg-2", "sg-3"]
    assert id_part("a") == "a" and id_part("7") == "7"


def test_paragraph_fallback_warns_with_the_reason() -> None:
    doc = _doc("One paragraph here.\n\nAnother one.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = paragraph_chunks(doc, "no structure recognised")
    assert [c.text for c in chunks] == ["One paragraph here.", "Another one."]
    assert all(doc.text[c.start : c.end] == c.text for c in chunks)
    assert any(issubclass(w.category, ChunkingWarning) and "no structure" in str(w.message) for w in caught)


def test_finish_splits_long_chunks_at_sentence_ends_keeping_offsets() -> None:
    sentence = "The Council shall report on the work of the Union every year. "
    doc = _doc(sentence * 40)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (chunk,) = paragraph_chunks(doc, "test")
    parts = finish(doc, [chunk], max_tokens=32)
    assert len(parts) > 1 and all(p.id.startswith(chunk.id + "#part") for p in parts)
    assert all(doc.text[p.start : p.end] == p.text for p in parts)
    with pytest.raises(ValueError):
        finish(doc, [chunk], max_tokens=0)
