"""The handlers' shared views: labels per interface language, the export file, the error line."""

from __future__ import annotations

from pathlib import Path

from assistant.schema import Turn
from assistant.ui import conversations as convs
from assistant.ui import events


def test_status_line_escapes_and_is_empty_without_text() -> None:
    assert events.status("") == ""
    line = events.status("bad *input*")
    assert "ui-error" in line and "*input*" not in line


def test_labels_follow_the_interface_language(full_page) -> None:
    views = events.Views(full_page)
    english, chinese = views.labels_for("en"), views.labels_for("zh")
    assert len(english) == len(views.label_outputs) == len(chinese)
    title = views.label_outputs.index(views.page.title_md)
    assert english[title]["value"].startswith("## ") and english[title] != chinese[title]


def test_export_is_off_for_an_empty_conversation_and_writes_markdown_otherwise(assistant, full_page) -> None:
    views = events.Views(full_page)
    store = convs.empty_store()
    assert views.export_file(store)["interactive"] is False
    answer = assistant.ask("Who must report to Council?")
    store = convs.add_turn(store, Turn("Who must report to Council?", answer))
    update = views.export_file(store)
    assert update["interactive"] is True and update["value"].endswith(".md")
    assert "Who must report to Council?" in Path(update["value"]).read_text(encoding="utf-8")
