"""The page's components: the top bar, the Ask tab and the Documents tab, collected on one `Page`.

Construction only; `events` wires the handlers. Each builder must run inside the
`gr.Blocks` context, in page order (Gradio places components where they are created).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.feedback import FEEDBACK_FILE
from assistant.ingest import FORMATS
from assistant.ui import documents as library
from assistant.ui.assets import PANEL_JS
from assistant.ui.labels import DEFAULT_UI_LANGUAGE, label
from assistant.ui.render import PANEL_EMPTY, corpus_summary, example_questions
from assistant.ui.warmup import Warmup

CHAT_PLACEHOLDER = (
    "**Ask a question about the documents in English or 中文.**\n\n"
    "Every answer quotes the clause it rests on; click a footnote such as [1] to see it in its document. "
    "Follow-up questions (“What else must he do?”) use the conversation.\n\n"
    "每个回答都引用其依据的条款；点击脚注（如 [1]）即可在原文中查看。可以接着追问。"
)
UI_LANG_CHOICES = [("English + 中文", "both"), ("English", "en"), ("中文", "zh")]
# Longer document titles are cut in pickers, whose width is a phone's.
PICKER_TITLE_CHARS = 70
# How often the page asks whether the index has loaded (the loading line and the library then update).
LOAD_POLL_SECONDS = 1.0
# The Advanced panel's "number of clauses" slider.
TOP_K_RANGE = (1, 20)


class Page:
    """One page's configuration and components; the builders below fill in the components.

    `translated` lists (component, property, label key): what the interface-language toggle rewrites.
    """

    def __init__(self, warm: Warmup, read_only: bool) -> None:
        self.warm = warm
        self.settings = warm.settings
        self.read_only = read_only
        self.lang0 = DEFAULT_UI_LANGUAGE
        self.infos = library.list_documents(self.settings.corpus_dir)
        self.export_dir = Path(tempfile.mkdtemp(prefix="assistant-export-"))
        self.feedback_path = self.settings.data_dir / FEEDBACK_FILE
        self.translated: list[tuple[Any, str, str]] = []
        # Components, set by the builders (Any: Gradio's component classes are the types).
        self.title_md: Any = None
        self.ui_lang: Any = None
        self.summary: Any = None
        self.load_status: Any = None
        self.timer: Any = None

    def tr(self, component: Any, prop: str, key: str) -> Any:
        """Register `component.prop` as showing label `key`; returns the component."""
        self.translated.append((component, prop, key))
        return component

    def text(self, key: str) -> str:
        return label(key, self.lang0)


def doc_choices(documents: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(shown name, document id) for the document pickers."""
    choices = []
    for doc_id, doc in documents.items():
        info = doc.info
        title = info.title(info.language) or doc_id
        if len(title) > PICKER_TITLE_CHARS:
            title = title[: PICKER_TITLE_CHARS - 1] + "…"
        lead = f"{info.doc_number} · " if info.doc_number else ""
        choices.append((f"{lead}{title} ({info.language})", doc_id))
    return choices


def library_rows(warm: Warmup) -> list[list[object]]:
    """The library table's rows; clause counts only once the index is loaded."""
    settings = warm.settings
    infos = library.list_documents(settings.corpus_dir)
    assistant = warm.assistant
    if not warm.ready or assistant is None:
        # Counting clauses means chunking every document: not before the page is up. The tick refreshes it.
        return library.library_rows(infos, {}, settings.corpus_dir)
    counts = library.chunk_counts(assistant.documents, settings.max_chunk_tokens, assistant.store.chunks)
    return library.library_rows(infos, counts, settings.corpus_dir)


def build_topbar(page: Page) -> None:
    """Title, interface-language toggle, corpus summary, loading line and its timer."""
    with gr.Row(elem_id="topbar", equal_height=False):
        with gr.Column(scale=3, min_width=280):
            page.title_md = page.tr(gr.Markdown(f"## {page.text('title')}", elem_id="title"), "value", "title")
        with gr.Column(scale=1, min_width=340):
            page.ui_lang = gr.Radio(
                UI_LANG_CHOICES, value=page.lang0, label=page.text("interface_language"), elem_id="ui-lang",
                show_label=False, container=False,
            )  # fmt: skip
    page.summary = gr.Markdown(corpus_summary(page.infos, page.lang0), elem_id="summary")
    done = page.warm.done
    page.load_status = gr.Markdown("" if done else f"⏳ {page.text('loading')}", elem_id="load-status")
    page.timer = gr.Timer(LOAD_POLL_SECONDS, active=not done)


def build_conversation_bar(page: Page) -> None:
    """The conversation picker and its new / delete / export buttons."""
    tr = page.tr
    with gr.Row(elem_id="conv-bar", equal_height=False):
        page.conv_pick = gr.Dropdown(
            choices=[], value=None, label=page.text("conversation"), scale=3, min_width=220,
            elem_id="conv-pick", show_label=False, container=False,
        )  # fmt: skip
        tr(page.conv_pick, "label", "conversation")
        with gr.Row(elem_id="conv-actions", scale=2):
            page.new_btn = tr(gr.Button(page.text("new_conversation"), size="sm", elem_id="new-conv"),
                              "value", "new_conversation")  # fmt: skip
            page.del_btn = tr(gr.Button(page.text("delete_conversation"), size="sm", elem_id="del-conv"),
                              "value", "delete_conversation")  # fmt: skip
            page.export_btn = gr.DownloadButton(
                page.text("export"), value=None, size="sm", elem_id="export", interactive=False
            )
            tr(page.export_btn, "label", "export")


def build_chat_column(page: Page) -> None:
    """The chat, the question box and the feedback-note row."""
    tr, settings = page.tr, page.settings
    page.chatbot = gr.Chatbot(
        label=page.text("chat"),
        elem_id="chat",
        # Grows with the conversation, up to a screenful: a fixed height left a phone
        # scrolling past an empty box to reach the citations.
        height=None,
        min_height=300,
        max_height=560,
        placeholder=CHAT_PLACEHOLDER,
        feedback_options=("Like", "Dislike"),
        sanitize_html=True,
        line_breaks=True,
        # No raw-content copy (it copied the footnote HTML): "Copy answer" in the panel gives
        # plain text with references. No trash icon: conversations are deleted from the bar.
        buttons=[],
    )
    tr(page.chatbot, "label", "chat")
    with gr.Row(elem_id="ask-row", equal_height=True):
        page.textbox = gr.Textbox(
            placeholder=page.text("placeholder"), show_label=False, lines=1, max_lines=6,
            max_length=settings.max_question_chars, scale=5, elem_id="question", autofocus=True, submit_btn=False,
        )  # fmt: skip
        tr(page.textbox, "placeholder", "placeholder")
        page.ask_btn = tr(gr.Button(page.text("ask"), variant="primary", scale=0, min_width=72, elem_id="ask"),
                          "value", "ask")  # fmt: skip
    gr.HTML(
        f'<div id="q-count" data-max="{settings.max_question_chars}">0 / {settings.max_question_chars}</div>',
        padding=False,
    )
    page.input_status = gr.Markdown("", elem_id="input-status")
    with gr.Row(visible=False, elem_id="note-row") as note_row:
        page.note_row = note_row
        page.note_box = tr(gr.Textbox(label=page.text("feedback_note"), scale=4, elem_id="note", max_length=2000),
                           "label", "feedback_note")  # fmt: skip
        page.note_btn = tr(gr.Button(page.text("feedback_send"), scale=1, elem_id="note-send"),
                           "value", "feedback_send")  # fmt: skip


def build_advanced(page: Page, documents: Mapping[str, Any]) -> None:
    """Retrieval knobs: k, mode, document filter, technical details, LLM."""
    tr, settings = page.tr, page.settings
    with gr.Accordion(page.text("advanced"), open=False, elem_id="advanced") as advanced:
        tr(advanced, "label", "advanced")
        page.k_slider = tr(gr.Slider(*TOP_K_RANGE, value=settings.top_k, step=1, label=page.text("top_k")),
                           "label", "top_k")  # fmt: skip
        page.mode_radio = gr.Radio(
            choices=["hybrid", "dense", "bm25"],
            value=settings.retriever,
            label=page.text("retriever"),
            info=page.text("retriever_info"),
        )
        tr(page.mode_radio, "label", "retriever")
        tr(page.mode_radio, "info", "retriever_info")
        page.docs_dropdown = gr.Dropdown(
            choices=doc_choices(documents),
            value=[],
            multiselect=True,
            label=page.text("doc_filter"),
            info=page.text("doc_filter_info"),
        )
        tr(page.docs_dropdown, "label", "doc_filter")
        tr(page.docs_dropdown, "info", "doc_filter_info")
        page.tech_box = tr(gr.Checkbox(False, label=page.text("tech"), elem_id="show-tech"), "label", "tech")
        page.llm_box = gr.Checkbox(
            value=settings.llm_enabled,
            visible=settings.llm_enabled,  # no LLM configured: the option would only fail
            label=f"{page.text('llm')} ({settings.llm_provider} {settings.llm_model})",
        )


def build_ask_tab(page: Page, documents: Mapping[str, Any]) -> None:
    """The Ask tab: conversation bar, chat and citations side by side, examples, Advanced."""
    with gr.Tab(page.text("tab_ask"), id="ask", elem_id="tab-ask") as ask_tab:
        page.tr(ask_tab, "label", "tab_ask")
        build_conversation_bar(page)
        with gr.Row(equal_height=False, elem_id="main-row"):
            with gr.Column(scale=3, min_width=320):
                build_chat_column(page)
            with gr.Column(scale=2, min_width=300):
                page.tr(gr.Markdown(f"### {page.text('citations')}"), "value", "citations")
                page.citations = gr.HTML(PANEL_EMPTY, elem_id="cite-panel", js_on_load=PANEL_JS)
        page.examples = gr.Examples(
            examples=[[q] for q in example_questions(page.infos)], inputs=[page.textbox], label="Examples · 示例问题"
        )
        build_advanced(page, documents)


def build_documents_tab(page: Page, documents: Mapping[str, Any]) -> None:
    """The Documents tab: library, uploads and removal (unless read-only), the clause preview."""
    tr = page.tr
    with gr.Tab(page.text("tab_documents"), id="documents", elem_id="tab-documents") as docs_tab:
        tr(docs_tab, "label", "tab_documents")
        tr(gr.Markdown(f"### {page.text('library')}"), "value", "library")
        page.library_table = gr.HTML(library.library_html(library_rows(page.warm)), elem_id="library")
        if not page.read_only:
            page.upload = gr.File(
                file_count="multiple", file_types=sorted(FORMATS), label=page.text("upload"), elem_id="upload"
            )
            tr(page.upload, "label", "upload")
            page.add_btn = tr(gr.Button(page.text("add_files"), variant="primary", elem_id="add-docs"),
                              "value", "add_files")  # fmt: skip
            page.upload_report = gr.Markdown("", elem_id="upload-report")
        page.doc_pick = gr.Dropdown(
            choices=doc_choices(documents), value=None, label=page.text("document"), elem_id="doc-pick"
        )
        tr(page.doc_pick, "label", "document")
        if not page.read_only:
            build_removal(page)
        page.preview = gr.Dataframe(
            headers=library.PREVIEW_COLUMNS, value=None, interactive=False, wrap=True, elem_id="preview",
            label=page.text("preview"), column_widths=["24%", "10%", "7%", "59%"],
        )  # fmt: skip
        tr(page.preview, "label", "preview")


def build_removal(page: Page) -> None:
    """The remove button and its confirmation row."""
    tr = page.tr
    page.remove_btn = tr(gr.Button(page.text("remove"), variant="stop", elem_id="remove-doc", interactive=False),
                         "value", "remove")  # fmt: skip
    with gr.Row(visible=False, elem_id="confirm-row") as confirm_row:
        page.confirm_row = confirm_row
        page.confirm_md = gr.Markdown("")
        page.confirm_btn = tr(gr.Button(page.text("confirm_remove"), variant="stop", elem_id="confirm-remove"),
                              "value", "confirm_remove")  # fmt: skip
        page.cancel_btn = tr(gr.Button(page.text("cancel"), elem_id="cancel-remove"), "value", "cancel")
    page.remove_report = gr.Markdown("", elem_id="remove-report")
