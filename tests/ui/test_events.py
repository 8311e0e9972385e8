"""The handlers' shared views: labels per interface language, the export file, the error line."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.schema import Turn
from assistant.ui import conversations as convs
from assistant.ui import events, layout
from assistant.ui.warmup import Warmup


def _views(assistant) -> events.Views:
    page = layout.Page(Warmup.already_ready(assistant), read_only=False)
    with gr.Blocks():
        layout.build_topbar(page)
        with gr.Tabs():
            layout.build_ask_tab(page, assistant.documents)
            layout.build_documents_tab(page, assistant.documents)
    return events.Views(page)


def test_status_line_escapes_and_is_empty_without_text() -> None:
    assert events.status("") == ""
    line = events.status("bad *input*")
    assert "ui-error" in line and "*input*" not in line


def test_labels_follow_the_interface_language(assistant) -> None:
    views = _views(assistant)
    english, chinese = views.labels_for("en"), views.labels_for("zh")
    assert len(english) == len(views.label_outputs) == len(chinese)
    title = views.label_outputs.index(views.page.title_md)
    assert english[title]["value"].startswith("## ") and english[title] != chinese[title]


def test_export_is_off_for_an_empty_conversation_and_writes_markdown_otherwise(assistant) -> None:
    views = _views(assistant)
    store = convs.empty_store()
    assert views.export_file(store)["interactive"] is False
    answer = assistant.ask("Who must report to Council?")
    store = convs.add_turn(store, Turn("Who must report to Council?", answer))
    update = views.export_file(store)
    assert update["interactive"] is True and update["value"].endswith(".md")
    assert "Who must report to Council?" in Path(update["value"]).read_text(encoding="utf-8")
