"""The Gradio app: `build_ui` constructs the Blocks, `serve` launches them with the index loading in the background.

Two tabs. **Ask**: the chat with its citations panel, the conversation picker
(conversations live in the browser, `gr.BrowserState`), examples drawn from
the loaded documents, and an Advanced panel for retrieval knobs. **Documents**:
the library, uploads, removal with confirmation and a clause-split preview
(uploads and removals are off with `read_only`).

Every handler is a small function of plain data (see `chat`, `conversations`,
`documents`, `render`); this module only wires them to components.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.feedback import FEEDBACK_FILE, FeedbackRecord, append_feedback
from assistant.ingest import FORMATS, UnknownDocumentError
from assistant.settings import Settings
from assistant.ui import conversations as convs
from assistant.ui import documents as library
from assistant.ui.assets import CSS, HEAD_JS, HTML_LANG_JS, PANEL_JS, SHOW_TECH_JS
from assistant.ui.chat import Reply, ask_turn, respond
from assistant.ui.labels import DEFAULT_UI_LANGUAGE, label
from assistant.ui.render import (
    PANEL_EMPTY,
    PANEL_ERROR,
    answer_id_prefix,
    chat_messages,
    conversation_markdown,
    corpus_summary,
    escape_markdown,
    example_questions,
    friendly_error,
    render_citations,
    turn_of_message,
)
from assistant.ui.warmup import NotLoadedError, Warmup

if TYPE_CHECKING:
    # Imported when the Warmup creates the assistant, after the server is up: it pulls in
    # LangChain and FAISS, a second or more of the time to the first page.
    from assistant.api import Assistant

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# Answers take well under a second on CPU; a few at once keeps the embedder lock
# (one query embedding at a time) busy without queueing users behind each other.
DEFAULT_CONCURRENCY = 4
STORAGE_KEY = "un-itu-assistant-conversations"
# Gradio injects the progress tracker through this default; tqdm bars (embedding) show in it too.
UPLOAD_PROGRESS = gr.Progress(track_tqdm=True)

CHAT_PLACEHOLDER = (
    "**Ask a question about the documents in English or 中文.**\n\n"
    "Every answer quotes the clause it rests on; click a footnote such as [1] to see it in its document. "
    "Follow-up questions (“What else must he do?”) use the conversation.\n\n"
    "每个回答都引用其依据的条款；点击脚注（如 [1]）即可在原文中查看。可以接着追问。"
)
UI_LANG_CHOICES = [("English + 中文", "both"), ("English", "en"), ("中文", "zh")]


def _status(text: str) -> str:
    return f'<span class="ui-error">⚠️ {escape_markdown(text)}</span>' if text else ""


def _browser_secret(settings: Settings) -> str:
    """The key the browser store is encrypted with; kept in the data folder so chats survive a server restart."""
    path = settings.data_dir / "browser-store.key"
    try:
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(24)
        path.write_text(key, encoding="utf-8")
        path.chmod(0o600)
        return key
    except OSError:  # a read-only deployment: chats then last until the server restarts
        logger.warning("cannot keep the browser-store key in %s; conversations will not survive a restart", path)
        return secrets.token_urlsafe(24)


def _doc_choices(documents: Mapping[str, Any]) -> list[tuple[str, str]]:
    choices = []
    for doc_id, doc in documents.items():
        info = doc.info
        title = info.title(info.language) or doc_id
        if len(title) > 70:
            title = title[:69] + "…"
        lead = f"{info.doc_number} · " if info.doc_number else ""
        choices.append((f"{lead}{title} ({info.language})", doc_id))
    return choices


def build_ui(
    assistant: Assistant | None = None, *, warmup: Warmup | None = None, read_only: bool | None = None
) -> gr.Blocks:
    """The Blocks app around `assistant` (one shared, thread-safe instance). Constructs only: no launch.

    Give either `assistant` (used as it is) or `warmup`, the background load
    `serve` starts (handlers wait for it). Per-user data lives in the browser (`gr.BrowserState`) and in
    `gr.State`, never in module globals. Launch with `demo.launch(**launch_options(settings))`
    so the CSS, the scripts and the upload limit apply.
    """
    if warmup is None and assistant is None:
        raise TypeError("build_ui needs an assistant or a warmup")
    warm = warmup or Warmup.already_ready(assistant)  # type: ignore[arg-type]
    settings = warm.settings
    read_only = settings.read_only if read_only is None else read_only
    infos = library.list_documents(settings.corpus_dir)
    documents = warm.documents()
    export_dir = Path(tempfile.mkdtemp(prefix="assistant-export-"))
    feedback_path = settings.data_dir / FEEDBACK_FILE
    # (component, property, label key): what the interface-language toggle rewrites.
    translated: list[tuple[Any, str, str]] = []

    def tr(component: Any, prop: str, key: str) -> Any:
        translated.append((component, prop, key))
        return component

    lang0 = DEFAULT_UI_LANGUAGE
    with gr.Blocks(title="UN/ITU Assistant · 联合国/国际电联问答助手", analytics_enabled=False) as demo:
        store = gr.BrowserState(convs.empty_store(), storage_key=STORAGE_KEY, secret=_browser_secret(settings))
        pending = gr.State("")
        feedback_target = gr.State(None)
        with gr.Row(elem_id="topbar", equal_height=False):
            with gr.Column(scale=3, min_width=280):
                title_md = tr(gr.Markdown(f"## {label('title', lang0)}", elem_id="title"), "value", "title")
            with gr.Column(scale=1, min_width=340):
                ui_lang = gr.Radio(
                    UI_LANG_CHOICES, value=lang0, label=label("interface_language", lang0), elem_id="ui-lang",
                    show_label=False, container=False,
                )  # fmt: skip
        summary = gr.Markdown(corpus_summary(infos, lang0), elem_id="summary")
        load_status = gr.Markdown("" if warm.done else f"⏳ {label('loading', lang0)}", elem_id="load-status")
        timer = gr.Timer(1.0, active=not warm.done)

        with gr.Tabs(elem_id="tabs"):
            with gr.Tab(label("tab_ask", lang0), id="ask", elem_id="tab-ask") as ask_tab:
                tr(ask_tab, "label", "tab_ask")
                with gr.Row(elem_id="conv-bar", equal_height=False):
                    conv_pick = gr.Dropdown(
                        choices=[], value=None, label=label("conversation", lang0), scale=3, min_width=220,
                        elem_id="conv-pick", show_label=False, container=False,
                    )  # fmt: skip
                    tr(conv_pick, "label", "conversation")
                    with gr.Row(elem_id="conv-actions", scale=2):
                        new_btn = tr(gr.Button(label("new_conversation", lang0), size="sm", elem_id="new-conv"),
                                     "value", "new_conversation")  # fmt: skip
                        del_btn = tr(gr.Button(label("delete_conversation", lang0), size="sm", elem_id="del-conv"),
                                     "value", "delete_conversation")  # fmt: skip
                        export_btn = gr.DownloadButton(
                            label("export", lang0), value=None, size="sm", elem_id="export", interactive=False
                        )
                        tr(export_btn, "label", "export")
                with gr.Row(equal_height=False, elem_id="main-row"):
                    with gr.Column(scale=3, min_width=320):
                        chatbot = gr.Chatbot(
                            label=label("chat", lang0),
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
                        tr(chatbot, "label", "chat")
                        with gr.Row(elem_id="ask-row", equal_height=True):
                            textbox = gr.Textbox(
                                placeholder=label("placeholder", lang0),
                                show_label=False,
                                lines=1,
                                max_lines=6,
                                max_length=settings.max_question_chars,
                                scale=5,
                                elem_id="question",
                                autofocus=True,
                                submit_btn=False,
                            )
                            tr(textbox, "placeholder", "placeholder")
                            ask_btn = tr(gr.Button(label("ask", lang0), variant="primary", scale=0, min_width=72,
                                                   elem_id="ask"), "value", "ask")  # fmt: skip
                        gr.HTML(
                            f'<div id="q-count" data-max="{settings.max_question_chars}">'
                            f"0 / {settings.max_question_chars}</div>",
                            padding=False,
                        )
                        input_status = gr.Markdown("", elem_id="input-status")
                        with gr.Row(visible=False, elem_id="note-row") as note_row:
                            note_box = tr(gr.Textbox(label=label("feedback_note", lang0), scale=4, elem_id="note",
                                                     max_length=2000), "label", "feedback_note")  # fmt: skip
                            note_btn = tr(gr.Button(label("feedback_send", lang0), scale=1, elem_id="note-send"),
                                          "value", "feedback_send")  # fmt: skip
                    with gr.Column(scale=2, min_width=300):
                        tr(gr.Markdown(f"### {label('citations', lang0)}"), "value", "citations")
                        citations = gr.HTML(PANEL_EMPTY, elem_id="cite-panel", js_on_load=PANEL_JS)
                examples = gr.Examples(
                    examples=[[q] for q in example_questions(infos)], inputs=[textbox], label="Examples · 示例问题"
                )
                with gr.Accordion(label("advanced", lang0), open=False, elem_id="advanced") as advanced:
                    tr(advanced, "label", "advanced")
                    k_slider = tr(gr.Slider(1, 20, value=settings.top_k, step=1, label=label("top_k", lang0)),
                                  "label", "top_k")  # fmt: skip
                    mode_radio = gr.Radio(
                        choices=["hybrid", "dense", "bm25"],
                        value=settings.retriever,
                        label=label("retriever", lang0),
                        info=label("retriever_info", lang0),
                    )
                    tr(mode_radio, "label", "retriever")
                    tr(mode_radio, "info", "retriever_info")
                    docs_dropdown = gr.Dropdown(
                        choices=_doc_choices(documents),
                        value=[],
                        multiselect=True,
                        label=label("doc_filter", lang0),
                        info=label("doc_filter_info", lang0),
                    )
                    tr(docs_dropdown, "label", "doc_filter")
                    tr(docs_dropdown, "info", "doc_filter_info")
                    tech_box = tr(gr.Checkbox(False, label=label("tech", lang0), elem_id="show-tech"), "label", "tech")
                    llm_box = gr.Checkbox(
                        value=settings.llm_enabled,
                        visible=settings.llm_enabled,  # no LLM configured: the option would only fail
                        label=f"{label('llm', lang0)} ({settings.llm_provider} {settings.llm_model})",
                    )

            with gr.Tab(label("tab_documents", lang0), id="documents", elem_id="tab-documents") as docs_tab:
                tr(docs_tab, "label", "tab_documents")
                tr(gr.Markdown(f"### {label('library', lang0)}"), "value", "library")
                library_table = gr.HTML(library.library_html(_library_rows(warm)), elem_id="library")
                if not read_only:
                    upload = gr.File(
                        file_count="multiple",
                        file_types=sorted(FORMATS),
                        label=label("upload", lang0),
                        elem_id="upload",
                    )
                    tr(upload, "label", "upload")
                    add_btn = tr(gr.Button(label("add_files", lang0), variant="primary", elem_id="add-docs"),
                                 "value", "add_files")  # fmt: skip
                    upload_report = gr.Markdown("", elem_id="upload-report")
                doc_pick = gr.Dropdown(
                    choices=_doc_choices(documents), value=None, label=label("document", lang0), elem_id="doc-pick"
                )
                tr(doc_pick, "label", "document")
                if not read_only:
                    remove_btn = tr(gr.Button(label("remove", lang0), variant="stop", elem_id="remove-doc",
                                              interactive=False), "value", "remove")  # fmt: skip
                    with gr.Row(visible=False, elem_id="confirm-row") as confirm_row:
                        confirm_md = gr.Markdown("")
                        confirm_btn = tr(gr.Button(label("confirm_remove", lang0), variant="stop",
                                                   elem_id="confirm-remove"), "value", "confirm_remove")  # fmt: skip
                        cancel_btn = tr(gr.Button(label("cancel", lang0), elem_id="cancel-remove"), "value", "cancel")
                    remove_report = gr.Markdown("", elem_id="remove-report")
                preview = gr.Dataframe(
                    headers=library.PREVIEW_COLUMNS,
                    value=None,
                    interactive=False,
                    wrap=True,
                    elem_id="preview",
                    label=label("preview", lang0),
                    column_widths=["24%", "10%", "7%", "59%"],
                )
                tr(preview, "label", "preview")

        # -- conversation views ---------------------------------------------------------------------------------
        def export_file(store_value: convs.Store) -> Any:
            conv = convs.current(store_value)
            if not conv["turns"]:
                return gr.update(value=None, interactive=False)
            text = conversation_markdown(conv["title"], convs.turns(store_value), warm.documents())
            slug = re.sub(r"[^\w\u4e00-\u9fff-]+", "-", conv["title"]).strip("-")[:40] or "conversation"
            path = export_dir / conv["id"] / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return gr.update(value=str(path), interactive=True)

        def last_panel(store_value: convs.Store) -> str:
            turns = convs.turns(store_value)
            for i in range(len(turns) - 1, -1, -1):
                if turns[i].answer is not None:
                    return render_citations(turns[i].answer, warm.documents(), id_prefix=answer_id_prefix(2 * i + 1))
            return PANEL_EMPTY

        def show(store_value: convs.Store) -> tuple[Any, ...]:
            """chatbot, citations, conversation picker, export button: the current conversation."""
            return (
                chat_messages(convs.turns(store_value)),
                last_panel(store_value),
                gr.update(choices=convs.choices(store_value), value=store_value["current"]),
                export_file(store_value),
            )

        def library_view(lang: str = DEFAULT_UI_LANGUAGE) -> tuple[Any, ...]:
            """library table, picker, document filter, examples, summary: on load and after the corpus changed."""
            choices = _doc_choices(warm.documents())
            infos_now = _infos()
            return (
                library.library_html(_library_rows(warm)),
                gr.update(choices=choices, value=None),
                gr.update(choices=choices, value=[]),
                gr.Dataset(samples=[[q] for q in example_questions(infos_now)]),
                corpus_summary(infos_now, lang),
            )

        def _infos() -> list[Any]:
            return library.list_documents(settings.corpus_dir)

        view_outputs = [chatbot, citations, conv_pick, export_btn]
        library_outputs = [library_table, doc_pick, docs_dropdown, examples.dataset, summary]
        label_outputs = [c for c, _, _ in translated]

        def labels_for(lang: str) -> list[Any]:
            by_component: dict[int, dict[str, str]] = {}
            for component, prop, key in translated:
                text = label(key, lang)
                if prop == "value" and isinstance(component, gr.Markdown):
                    text = f"## {text}" if component is title_md else f"### {text}"
                by_component.setdefault(id(component), {})[prop] = text
            return [gr.update(**by_component[id(c)]) for c in label_outputs]

        # Deduplicate outputs: one component may have several translated properties.
        seen: set[int] = set()
        label_outputs = [c for c in label_outputs if not (id(c) in seen or seen.add(id(c)))]  # type: ignore[func-returns-value]

        def on_load(raw: Any) -> tuple[Any, ...]:
            store_value = convs.normalise(raw)
            lang = store_value["ui_lang"]
            return (store_value, *show(store_value), lang, *library_view(lang), *labels_for(lang))

        demo.load(
            on_load,
            [store],
            [store, *view_outputs, ui_lang, *library_outputs, *label_outputs],
            api_name=False,
            show_progress="hidden",
            # Not behind the queue: a restore that lands after a quick first question would
            # replace the chat with the stored (older) conversation.
            queue=False,
        ).then(None, [ui_lang], None, js=HTML_LANG_JS)

        def on_ui_lang(lang: str, raw: Any) -> tuple[Any, ...]:
            store_value = convs.set_ui_lang(raw, lang)
            return (store_value, corpus_summary(_infos(), store_value["ui_lang"]), *labels_for(store_value["ui_lang"]))

        ui_lang.input(on_ui_lang, [ui_lang, store], [store, summary, *label_outputs], api_name=False).then(
            None, [ui_lang], None, js=HTML_LANG_JS
        )
        tech_box.change(None, [tech_box], None, js=SHOW_TECH_JS)

        def on_tick(raw: Any) -> tuple[Any, ...]:
            if not warm.done:
                return gr.skip(), gr.skip(), *[gr.skip()] * len(library_outputs)
            lang = convs.normalise(raw)["ui_lang"]
            if warm.error:
                message = f"⚠️ The search index could not be loaded: {escape_markdown(warm.error)}"
                return message, gr.Timer(active=False), *[gr.skip()] * len(library_outputs)
            return "", gr.Timer(active=False), *library_view(lang)

        timer.tick(on_tick, [store], [load_status, timer, *library_outputs], api_name=False, show_progress="hidden")

        # -- asking ---------------------------------------------------------------------------------------------
        def start(question: str, raw: Any) -> tuple[Any, ...]:
            """Show the question at once and lock the input; or say what is wrong and keep the text."""
            from assistant.api import QuestionError, validate_question

            store_value = convs.normalise(raw)
            try:
                validate_question(question, settings.max_question_chars)
            except QuestionError as exc:
                return gr.skip(), gr.skip(), gr.skip(), _status(friendly_error(exc)), ""
            return (
                chat_messages(convs.turns(store_value), pending=question),
                gr.update(interactive=False),
                gr.update(interactive=False),
                "",
                question,
            )

        def finish(question: str, raw: Any, k: float, mode: str, docs: Any, llm: bool) -> Iterator[tuple[Any, ...]]:
            """Answer the pending question with the conversation as context; on failure keep the text to resend.

            With an LLM, the model's words are shown as they come, then replaced by the checked answer.
            """
            unlock = gr.update(interactive=True)
            if not question:
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), unlock, unlock, gr.skip(), ""
                return
            store_value = convs.normalise(raw)
            history = convs.turns(store_value)
            try:
                assistant = warm.get()
            except NotLoadedError as exc:
                messages = chat_messages(history)
                yield gr.skip(), messages, gr.skip(), gr.skip(), gr.skip(), unlock, unlock, _status(str(exc)), ""
                return

            def work() -> Reply:
                return ask_turn(assistant, question, history, k=k, mode=mode, docs=docs, use_llm=llm)

            if llm and assistant.settings.llm_enabled:
                from assistant.ui.streaming import stream_tokens  # LangChain: not before the page is up

                reply = None
                shown = chat_messages(history, pending=question)
                for draft, result in stream_tokens(work):
                    if result is not None:
                        reply = result
                    elif draft:
                        streaming = {"role": "assistant", "content": f"{escape_markdown(draft)} ▍"}
                        yield (gr.skip(), [*shown, streaming], *[gr.skip()] * 7)
                assert reply is not None
            else:
                reply = work()
            if reply.turn is None:
                messages = chat_messages(history)
                yield gr.skip(), messages, gr.skip(), gr.skip(), gr.skip(), unlock, unlock, _status(reply.error), ""
                return
            store_value = convs.add_turn(store_value, reply.turn)
            yield (
                store_value,
                *show(store_value),
                gr.update(value="", interactive=True),
                unlock,
                "",
                "",
            )

        start_io = ([textbox, store], [chatbot, textbox, ask_btn, input_status, pending])
        finish_io = (
            [pending, store, k_slider, mode_radio, docs_dropdown, llm_box],
            [store, *view_outputs, textbox, ask_btn, input_status, pending],
        )
        for trigger in (textbox.submit, ask_btn.click):
            trigger(start, *start_io, queue=False, api_name=False, show_progress="hidden").then(
                finish, *finish_io, api_name=False, show_progress="minimal"
            )

        def api_ask(
            message: str, history: list[dict[str, Any]], k: float, mode: str, docs: Any, use_llm: bool
        ) -> tuple[str, list[dict[str, Any]], str]:
            """The API endpoint `/ask` (scripts, `gradio_client`): one stateless chat turn; the page does not use it."""
            try:
                assistant = warm.get()
            except NotLoadedError as exc:
                return "", [*(history or []), {"role": "assistant", "content": _status(str(exc))}], PANEL_ERROR
            messages, panel = respond(assistant, message, history, k, mode, docs, use_llm)
            return "", messages, panel

        api_trigger = gr.Button(visible=False)
        api_trigger.click(
            api_ask, [textbox, chatbot, k_slider, mode_radio, docs_dropdown, llm_box], [textbox, chatbot, citations],
            api_name="ask", queue=True,
        )  # fmt: skip

        def on_select(raw: Any, evt: gr.SelectData) -> Any:
            store_value = convs.normalise(raw)
            found = turn_of_message(convs.turns(store_value), evt.index)
            if found is None:
                return gr.skip()
            index, turn = found
            assert turn.answer is not None
            return render_citations(turn.answer, warm.documents(), id_prefix=answer_id_prefix(index))

        chatbot.select(on_select, [store], [citations], api_name=False, show_progress="hidden")

        # -- conversations --------------------------------------------------------------------------------------
        def on_new(raw: Any) -> tuple[Any, ...]:
            store_value = convs.new_conversation(raw)
            return (store_value, *show(store_value), "")

        def on_pick(conversation_id: str, raw: Any) -> tuple[Any, ...]:
            store_value = convs.select(raw, conversation_id)
            return (store_value, *show(store_value), "")

        def on_delete(raw: Any) -> tuple[Any, ...]:
            store_value = convs.delete_current(raw)
            return (store_value, *show(store_value), "")

        conv_outputs = [store, *view_outputs, input_status]
        new_btn.click(on_new, [store], conv_outputs, api_name=False, show_progress="hidden")
        del_btn.click(on_delete, [store], conv_outputs, api_name=False, show_progress="hidden")
        conv_pick.input(on_pick, [conv_pick, store], conv_outputs, api_name=False, show_progress="hidden")

        # -- feedback -------------------------------------------------------------------------------------------
        def on_like(raw: Any, evt: gr.LikeData) -> tuple[Any, ...]:
            store_value = convs.normalise(raw)
            found = turn_of_message(convs.turns(store_value), evt.index)
            if found is None:
                return gr.skip(), gr.skip()
            index, turn = found
            liked = evt.liked if isinstance(evt.liked, bool) else None
            record = FeedbackRecord(
                question=turn.question,
                liked=liked,
                answer=turn.answer.to_dict() if turn.answer else None,
                conversation=store_value["current"],
                turn=index // 2,
            )
            try:
                append_feedback(feedback_path, record)
            except OSError:
                logger.exception("could not record feedback in %s", feedback_path)
                return gr.skip(), gr.skip()
            return gr.update(visible=liked is not None), record.to_dict()

        def on_note(note: str, target: dict[str, Any] | None) -> tuple[Any, ...]:
            if target and note.strip():
                # A new record (new time) about the same answer: `latest_votes` merges it with the vote.
                fields = {k: v for k, v in target.items() if k != "time"}
                try:
                    append_feedback(feedback_path, FeedbackRecord.from_dict({**fields, "note": note.strip()}))
                except OSError:
                    logger.exception("could not record feedback in %s", feedback_path)
                    return gr.update(visible=False), "", _status("The note could not be saved. · 备注未能保存。")
                return gr.update(visible=False), "", "Thank you, noted. · 谢谢，已记录。"
            return gr.update(visible=False), "", ""

        chatbot.like(on_like, [store], [note_row, feedback_target], api_name=False, show_progress="hidden")
        note_outputs = [note_row, note_box, input_status]
        note_btn.click(on_note, [note_box, feedback_target], note_outputs, api_name=False)
        note_box.submit(on_note, [note_box, feedback_target], note_outputs, api_name=False)

        # -- documents ------------------------------------------------------------------------------------------
        def on_preview(doc_id: str | None) -> tuple[Any, ...]:
            doc = warm.documents().get(doc_id or "")
            rows = library.preview_rows(doc, settings.max_chunk_tokens) if doc else []
            return rows, gr.update(interactive=doc is not None)

        if read_only:
            doc_pick.change(lambda d: on_preview(d)[0], [doc_pick], [preview], api_name=False)
        else:
            doc_pick.change(on_preview, [doc_pick], [preview, remove_btn], api_name=False)

            def on_add(files: list[Any] | None, progress: gr.Progress = UPLOAD_PROGRESS) -> tuple[Any, ...]:
                paths = [getattr(f, "name", f) for f in files or []]
                if not paths:
                    return ("Choose files first. · 请先选择文件。", gr.skip(), *[gr.skip()] * len(library_outputs))
                try:
                    report = library.add_uploads(warm.get(), paths, lambda f, msg: progress(f, desc=msg))
                except Exception as exc:  # e.g. the corpus lock is held by a CLI run; nothing is lost
                    logger.exception("adding %s failed", paths)
                    return (_status(f"Could not add the files: {exc}"), gr.skip(), *[gr.skip()] * len(library_outputs))
                return (report.markdown(), None, *library_view())

            add_btn.click(
                on_add, [upload], [upload_report, upload, *library_outputs], api_name=False, concurrency_limit=1
            )

            def on_remove_ask(doc_id: str | None) -> tuple[Any, ...]:
                doc = warm.documents().get(doc_id or "")
                if doc is None:
                    return gr.update(visible=False), ""
                title = doc.info.title(doc.info.language) or doc.id
                return gr.update(visible=True), (
                    f"Remove **{escape_markdown(title)}** (`{doc.id}`) from the library and the index? "
                    f"Answers will no longer cite it. · 确定从文件库和索引中删除此文件？"
                )

            def on_remove(doc_id: str | None) -> tuple[Any, ...]:
                if not doc_id:
                    return gr.update(visible=False), "", *[gr.skip()] * len(library_outputs)
                try:
                    message = library.remove(warm.get(), doc_id)
                except UnknownDocumentError as exc:
                    message = _status(str(exc))
                except Exception as exc:
                    logger.exception("removing %s failed", doc_id)
                    message = _status(f"Could not remove {doc_id}: {exc}")
                return gr.update(visible=False), message, *library_view()

            remove_btn.click(on_remove_ask, [doc_pick], [confirm_row, confirm_md], api_name=False)
            cancel_btn.click(lambda: gr.update(visible=False), None, [confirm_row], api_name=False)
            confirm_btn.click(
                on_remove, [doc_pick], [confirm_row, remove_report, *library_outputs], api_name=False,
                concurrency_limit=1,
            )  # fmt: skip
    return demo


def _library_rows(warm: Warmup) -> list[list[object]]:
    settings = warm.settings
    infos = library.list_documents(settings.corpus_dir)
    assistant = warm.assistant
    if not warm.ready or assistant is None:
        # Counting clauses means chunking every document: not before the page is up. The tick refreshes it.
        return library.library_rows(infos, {}, settings.corpus_dir)
    counts = library.chunk_counts(assistant.documents, settings.max_chunk_tokens, assistant.store.chunks)
    return library.library_rows(infos, counts, settings.corpus_dir)


def launch_options(settings: Settings | None = None) -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch` that the UI needs (Gradio 6 takes CSS, head and theme there)."""
    settings = settings or Settings.from_env()
    return {
        "css": CSS,
        "head": HEAD_JS,
        # Local fonts only (no Google Fonts request offline); Noto/WenQuanYi for Chinese.
        "theme": gr.themes.Soft(
            font=["Inter", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "system-ui", "sans-serif"],
            font_mono=["DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", "monospace"],
        ),
        "footer_links": ["api"],
        # Gradio's upload route takes any size unless told; the same ceiling as `assistant add`.
        "max_file_size": settings.max_file_bytes,
    }


def resolve_address(
    host: str | None = None, port: int | None = None, environ: Mapping[str, str] | None = None
) -> tuple[str, int]:
    """Where to listen: the arguments, else `$ASSISTANT_HOST`/`$ASSISTANT_PORT` (settings), else Gradio's own
    `$GRADIO_SERVER_NAME`/`$GRADIO_SERVER_PORT`, else 127.0.0.1:7860."""
    env = os.environ if environ is None else environ
    name = host or env.get("ASSISTANT_HOST") or env.get("GRADIO_SERVER_NAME") or DEFAULT_HOST
    raw = port or env.get("ASSISTANT_PORT") or env.get("GRADIO_SERVER_PORT") or DEFAULT_PORT
    try:
        number = int(raw)
    except ValueError:
        raise ValueError(f"the port must be a number, got {raw!r}") from None
    return name, number


def serve(
    settings: Settings | None = None,
    host: str | None = None,
    port: int | None = None,
    *,
    read_only: bool | None = None,
    **launch_kwargs: Any,
) -> gr.Blocks:
    """Serve the UI on `host:port` at once, loading the index in the background (blocking unless
    `prevent_thread_lock=True`).

    The page responds within seconds and says it is loading; questions asked
    meanwhile wait for the load. A missing, stale or corrupt index is built
    (progress in the log). `host`/`port` of None: see `resolve_address`. The
    server stays local unless a host is given; analytics are off. `read_only`
    (default: `settings.read_only`) hides uploads and removals. Extra keyword
    arguments go to `Blocks.launch`. The returned Blocks carry the load as
    `demo.warmup` (`demo.warmup.wait()` blocks until the index is loaded).
    """
    settings = settings or Settings.from_env()
    if read_only is not None:
        settings = settings.with_(read_only=read_only)
    name, number = resolve_address(host, port)
    warm = Warmup(settings)
    demo = build_ui(warmup=warm)
    demo.queue(default_concurrency_limit=DEFAULT_CONCURRENCY)
    options = {**launch_options(settings), "show_error": False, **launch_kwargs}
    # Loading waits for the server to be up: started earlier, it competes (GIL, 2 cores) with the
    # imports and the launch, and the first page comes later.
    warm.start(after=lambda: bool(getattr(demo, "is_running", False)))
    demo.warmup = warm  # type: ignore[attr-defined]  # for callers that wait for the load (tests, scripts)
    demo.launch(server_name=name, server_port=number, share=False, **options)
    return demo
