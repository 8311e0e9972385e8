"""List labels as UN/ITU texts print them, and Word's automatic numbering read back from a .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.numbering import Numbering, list_label


@pytest.mark.parametrize(
    ("number", "style", "label"),
    [(3, "1", "3."), (3, "a", "c)"), (27, "a", "aa)"), (2, "A", "B)"), (4, "i", "iv)"), (9, "I", "IX)")],
)
def test_list_label_styles(number: int, style: str, label: str) -> None:
    assert list_label(number, style) == label


def test_numbering_of_a_document_without_lists_is_empty(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph("plain text")
    numbering = Numbering(document)
    assert numbering.label(paragraph) == ""
    assert numbering.style_name(paragraph) == "Normal"


def test_word_list_numbers_are_rendered(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    items = [document.add_paragraph(f"item {i}", style="List Number") for i in range(3)]
    numbering = Numbering(document)
    labels = [numbering.label(p) for p in items]
    assert labels[0] and len(set(labels)) == 3  # one number each, counting up
