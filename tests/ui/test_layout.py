"""The page's components: document pickers, the translated-label registry, read-only pages."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from assistant.ui import layout
from assistant.ui.warmup import Warmup


def _doc(title: str, number: str = "", language: str = "en") -> SimpleNamespace:
    info = SimpleNamespace(title=lambda lang: title, doc_number=number, language=language)
    return SimpleNamespace(info=info)


def test_doc_choices_name_number_title_and_language() -> None:
    long = "A" * 100
    choices = layout.doc_choices({"r1": _doc("Resolution", "EUR/44A25/1", "zh"), "a": _doc(long), "x": _doc("")})
    assert choices[0] == ("EUR/44A25/1 · Resolution (zh)", "r1")
    assert len(choices[1][0]) == layout.PICKER_TITLE_CHARS + len(" (en)") and choices[1][0].endswith("… (en)")
    assert choices[2] == ("x (en)", "x")  # no title: the id


def test_every_translated_label_is_registered_once_per_property(full_page) -> None:
    page = full_page
    keys = [(id(c), prop) for c, prop, _ in page.translated]
    assert len(keys) == len(set(keys))
    assert {"title", "ask", "upload", "remove", "preview"} <= {key for _, _, key in page.translated}
    assert page.chatbot is not None and page.textbox is not None and page.remove_btn is not None


def test_a_read_only_page_has_no_upload_or_removal(assistant) -> None:
    page = layout.Page(Warmup.already_ready(assistant), read_only=True)
    with gr.Blocks():
        layout.build_documents_tab(page, assistant.documents)
    assert not hasattr(page, "upload") and not hasattr(page, "remove_btn")
    assert page.preview is not None and page.doc_pick is not None


def test_library_rows_before_the_index_is_loaded_have_no_clause_counts(assistant) -> None:
    loading = Warmup(assistant.settings)  # not started: not ready
    rows = layout.library_rows(loading)
    assert len(rows) == len(assistant.documents)
    assert layout.library_rows(Warmup.already_ready(assistant)) != rows  # counts filled in once ready
