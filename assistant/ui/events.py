"""The page's handlers, wired to the components of a `layout.Page`.

One `wire_*` function per concern (views and labels, asking, conversations,
feedback, documents); each must run inside the `gr.Blocks` context that holds
the page. The handlers are thin: the work is in `chat`, `conversations`,
`documents` and `render`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr

from assistant.feedback import FeedbackRecord, append_feedback
from assistant.ingest import CorpusDocumentNotFoundError
from assistant.ui import conversations as convs
from assistant.ui import documents as library
from assistant.ui.assets import HTML_LANG_JS, SHOW_TECH_JS
from assistant.ui.chat import Reply, ask_turn, respond
from assistant.ui.labels import DEFAULT_UI_LANGUAGE, label
from assistant.ui.layout import Page, doc_choices, library_rows
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
from assistant.ui.warmup import NotLoadedError

logger = logging.getLogger(__name__)

# Gradio injects the progress tracker through this default; tqdm bars (embedding) show in it too.
UPLOAD_PROGRESS = gr.Progress(track_tqdm=True)
# An exported conversation's file name: its title, cut to this many characters.
EXPORT_NAME_CHARS = 40


def status(text: str) -> str:
    """An error line under the question box (empty text: no line)."""
    return f'<span class="ui-error">⚠️ {escape_markdown(text)}</span>' if text else ""


class Views:
    """What several handlers redraw: the current conversation, the library, the translated labels."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.view_outputs = [page.chatbot, page.citations, page.conv_pick, page.export_btn]
        self.library_outputs = [page.library_table, page.doc_pick, page.docs_dropdown, page.examples.dataset]
        self.library_outputs.append(page.summary)
        # One component may have several translated properties: one output each.
        self.label_outputs = list({id(c): c for c, _, _ in page.translated}.values())

    def export_file(self, store_value: convs.Store) -> Any:
        conv = convs.current(store_value)
        if not conv["turns"]:
            return gr.update(value=None, interactive=False)
        text = conversation_markdown(conv["title"], convs.turns(store_value), self.page.warm.documents())
        slug = re.sub(r"[^\w\u4e00-\u9fff-]+", "-", conv["title"]).strip("-")[:EXPORT_NAME_CHARS] or "conversation"
        path = self.page.export_dir / conv["id"] / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return gr.update(value=str(path), interactive=True)

    def last_panel(self, store_value: convs.Store) -> str:
        turns = convs.turns(store_value)
        for i in range(len(turns) - 1, -1, -1):
            if turns[i].answer is not None:
                docs = self.page.warm.documents()
                return render_citations(turns[i].answer, docs, id_prefix=answer_id_prefix(2 * i + 1))
        return PANEL_EMPTY

    def show(self, store_value: convs.Store) -> tuple[Any, ...]:
        """chatbot, citations, conversation picker, export button: the current conversation."""
        return (
            chat_messages(convs.turns(store_value)),
            self.last_panel(store_value),
            gr.update(choices=convs.choices(store_value), value=store_value["current"]),
            self.export_file(store_value),
        )

    def infos(self) -> list[Any]:
        return library.list_documents(self.page.settings.corpus_dir)

    def library_view(self, lang: str = DEFAULT_UI_LANGUAGE) -> tuple[Any, ...]:
        """library table, picker, document filter, examples, summary: on load and after the corpus changed."""
        choices = doc_choices(self.page.warm.documents())
        infos_now = self.infos()
        return (
            library.library_html(library_rows(self.page.warm)),
            gr.update(choices=choices, value=None),
            gr.update(choices=choices, value=[]),
            gr.Dataset(samples=[[q] for q in example_questions(infos_now)]),
            corpus_summary(infos_now, lang),
        )

    def labels_for(self, lang: str) -> list[Any]:
        by_component: dict[int, dict[str, str]] = {}
        for component, prop, key in self.page.translated:
            text = label(key, lang)
            if prop == "value" and isinstance(component, gr.Markdown):
                text = f"## {text}" if component is self.page.title_md else f"### {text}"
            by_component.setdefault(id(component), {})[prop] = text
        return [gr.update(**by_component[id(c)]) for c in self.label_outputs]

    def skip_library(self) -> list[Any]:
        return [gr.skip()] * len(self.library_outputs)


def wire_page(page: Page, views: Views, store: Any) -> None:
    """Restore on load, the interface-language toggle, the technical-details switch, the loading tick."""

    def on_load(raw: Any) -> tuple[Any, ...]:
        store_value = convs.normalise(raw)
        lang = store_value["ui_lang"]
        return (store_value, *views.show(store_value), lang, *views.library_view(lang), *views.labels_for(lang))

    page.demo.load(
        on_load,
        [store],
        [store, *views.view_outputs, page.ui_lang, *views.library_outputs, *views.label_outputs],
        api_name=False,
        show_progress="hidden",
        # Not behind the queue: a restore that lands after a quick first question would
        # replace the chat with the stored (older) conversation.
        queue=False,
    ).then(None, [page.ui_lang], None, js=HTML_LANG_JS)

    def on_ui_lang(lang: str, raw: Any) -> tuple[Any, ...]:
        store_value = convs.set_ui_lang(raw, lang)
        now = store_value["ui_lang"]
        return (store_value, corpus_summary(views.infos(), now), *views.labels_for(now))

    page.ui_lang.input(
        on_ui_lang, [page.ui_lang, store], [store, page.summary, *views.label_outputs], api_name=False
    ).then(None, [page.ui_lang], None, js=HTML_LANG_JS)
    page.tech_box.change(None, [page.tech_box], None, js=SHOW_TECH_JS)

    def on_tick(raw: Any) -> tuple[Any, ...]:
        warm = page.warm
        if not warm.done:
            return gr.skip(), gr.skip(), *views.skip_library()
        lang = convs.normalise(raw)["ui_lang"]
        if warm.error:
            message = f"⚠️ The search index could not be loaded: {escape_markdown(warm.error)}"
            return message, gr.Timer(active=False), *views.skip_library()
        return "", gr.Timer(active=False), *views.library_view(lang)

    page.timer.tick(
        on_tick, [store], [page.load_status, page.timer, *views.library_outputs], api_name=False, show_progress="hidden"
    )


def _start_handler(page: Page) -> Callable[..., tuple[Any, ...]]:
    def start(question: str, raw: Any) -> tuple[Any, ...]:
        """Show the question at once and lock the input; or say what is wrong and keep the text."""
        from assistant.questions import QuestionError, validate_question

        store_value = convs.normalise(raw)
        try:
            validate_question(question, page.settings.max_question_chars)
        except QuestionError as exc:
            return gr.skip(), gr.skip(), gr.skip(), status(friendly_error(exc)), ""
        return (
            chat_messages(convs.turns(store_value), pending=question),
            gr.update(interactive=False),
            gr.update(interactive=False),
            "",
            question,
        )

    return start


def _finish_handler(page: Page, views: Views) -> Callable[..., Iterator[tuple[Any, ...]]]:
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
            assistant = page.warm.get()
        except NotLoadedError as exc:
            messages = chat_messages(history)
            yield gr.skip(), messages, gr.skip(), gr.skip(), gr.skip(), unlock, unlock, status(str(exc)), ""
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
            yield gr.skip(), messages, gr.skip(), gr.skip(), gr.skip(), unlock, unlock, status(reply.error), ""
            return
        # From `raw`: add_turn normalises it itself, and a second pass over every saved turn costs ~0.1 s.
        store_value = convs.add_turn(raw, reply.turn)
        yield (store_value, *views.show(store_value), gr.update(value="", interactive=True), unlock, "", "")

    return finish


def wire_asking(page: Page, views: Views, store: Any, pending: Any) -> None:
    """Asking from the page (start, then finish), the `/ask` API endpoint, and picking a message's citations."""
    start_io = ([page.textbox, store], [page.chatbot, page.textbox, page.ask_btn, page.input_status, pending])
    finish_io = (
        [pending, store, page.k_slider, page.mode_radio, page.docs_dropdown, page.llm_box],
        [store, *views.view_outputs, page.textbox, page.ask_btn, page.input_status, pending],
    )
    start, finish = _start_handler(page), _finish_handler(page, views)
    for trigger in (page.textbox.submit, page.ask_btn.click):
        trigger(start, *start_io, queue=False, api_name=False, show_progress="hidden").then(
            finish, *finish_io, api_name=False, show_progress="minimal"
        )

    def api_ask(
        message: str, history: list[dict[str, Any]], k: float, mode: str, docs: Any, use_llm: bool
    ) -> tuple[str, list[dict[str, Any]], str]:
        """The API endpoint `/ask` (scripts, `gradio_client`): one stateless chat turn; the page does not use it."""
        try:
            assistant = page.warm.get()
        except NotLoadedError as exc:
            return "", [*(history or []), {"role": "assistant", "content": status(str(exc))}], PANEL_ERROR
        messages, panel = respond(assistant, message, history, k, mode, docs, use_llm)
        return "", messages, panel

    api_inputs = [page.textbox, page.chatbot, page.k_slider, page.mode_radio, page.docs_dropdown, page.llm_box]
    gr.Button(visible=False).click(
        api_ask, api_inputs, [page.textbox, page.chatbot, page.citations], api_name="ask", queue=True
    )

    def on_select(raw: Any, evt: gr.SelectData) -> Any:
        store_value = convs.normalise(raw)
        found = turn_of_message(convs.turns(store_value), evt.index)
        if found is None:
            return gr.skip()
        index, turn = found
        assert turn.answer is not None
        return render_citations(turn.answer, page.warm.documents(), id_prefix=answer_id_prefix(index))

    page.chatbot.select(on_select, [store], [page.citations], api_name=False, show_progress="hidden")


def wire_conversations(page: Page, views: Views, store: Any) -> None:
    """New, pick and delete a conversation."""

    def on_new(raw: Any) -> tuple[Any, ...]:
        store_value = convs.new_conversation(raw)
        return (store_value, *views.show(store_value), "")

    def on_pick(conversation_id: str, raw: Any) -> tuple[Any, ...]:
        store_value = convs.select(raw, conversation_id)
        return (store_value, *views.show(store_value), "")

    def on_delete(raw: Any) -> tuple[Any, ...]:
        store_value = convs.delete_current(raw)
        return (store_value, *views.show(store_value), "")

    outputs = [store, *views.view_outputs, page.input_status]
    page.new_btn.click(on_new, [store], outputs, api_name=False, show_progress="hidden")
    page.del_btn.click(on_delete, [store], outputs, api_name=False, show_progress="hidden")
    page.conv_pick.input(on_pick, [page.conv_pick, store], outputs, api_name=False, show_progress="hidden")


def wire_feedback(page: Page, store: Any, feedback_target: Any) -> None:
    """👍/👎 under an answer, and the optional note after a vote."""
    path = page.feedback_path

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
            append_feedback(path, record)
        except OSError:
            logger.exception("could not record feedback in %s", path)
            return gr.skip(), gr.skip()
        return gr.update(visible=liked is not None), record.to_dict()

    def on_note(note: str, target: dict[str, Any] | None) -> tuple[Any, ...]:
        if target and note.strip():
            # A new record (new time) about the same answer: `latest_votes` merges it with the vote.
            fields = {k: v for k, v in target.items() if k != "time"}
            try:
                append_feedback(path, FeedbackRecord.from_dict({**fields, "note": note.strip()}))
            except OSError:
                logger.exception("could not record feedback in %s", path)
                return gr.update(visible=False), "", status("The note could not be saved. · 备注未能保存。")
            return gr.update(visible=False), "", "Thank you, noted. · 谢谢，已记录。"
        return gr.update(visible=False), "", ""

    page.chatbot.like(on_like, [store], [page.note_row, feedback_target], api_name=False, show_progress="hidden")
    note_outputs = [page.note_row, page.note_box, page.input_status]
    page.note_btn.click(on_note, [page.note_box, feedback_target], note_outputs, api_name=False)
    page.note_box.submit(on_note, [page.note_box, feedback_target], note_outputs, api_name=False)


def wire_documents(page: Page, views: Views) -> None:
    """The clause preview; with writing allowed, uploads and removal."""

    def on_preview(doc_id: str | None) -> tuple[Any, ...]:
        doc = page.warm.documents().get(doc_id or "")
        rows = library.preview_rows(doc, page.settings.max_chunk_tokens) if doc else []
        return rows, gr.update(interactive=doc is not None)

    if page.read_only:
        page.doc_pick.change(lambda d: on_preview(d)[0], [page.doc_pick], [page.preview], api_name=False)
        return
    page.doc_pick.change(on_preview, [page.doc_pick], [page.preview, page.remove_btn], api_name=False)

    def on_add(files: list[Any] | None, progress: gr.Progress = UPLOAD_PROGRESS) -> tuple[Any, ...]:
        paths = [getattr(f, "name", f) for f in files or []]
        if not paths:
            return ("Choose files first. · 请先选择文件。", gr.skip(), *views.skip_library())
        try:
            report = library.add_uploads(page.warm.get(), paths, lambda f, msg: progress(f, desc=msg))
        except Exception as exc:  # e.g. the corpus lock is held by a CLI run; nothing is lost
            logger.exception("adding %s failed", paths)
            return (status(f"Could not add the files: {exc}"), gr.skip(), *views.skip_library())
        return (report.markdown(), None, *views.library_view())

    page.add_btn.click(
        on_add, [page.upload], [page.upload_report, page.upload, *views.library_outputs], api_name=False,
        concurrency_limit=1,
    )  # fmt: skip
    wire_removal(page, views)


def wire_removal(page: Page, views: Views) -> None:
    """Remove a document after a confirmation naming it."""

    def on_remove_ask(doc_id: str | None) -> tuple[Any, ...]:
        doc = page.warm.documents().get(doc_id or "")
        if doc is None:
            return gr.update(visible=False), ""
        title = doc.info.title(doc.info.language) or doc.id
        return gr.update(visible=True), (
            f"Remove **{escape_markdown(title)}** (`{doc.id}`) from the library and the index? "
            f"Answers will no longer cite it. · 确定从文件库和索引中删除此文件？"
        )

    def on_remove(doc_id: str | None) -> tuple[Any, ...]:
        if not doc_id:
            return gr.update(visible=False), "", *views.skip_library()
        try:
            message = library.remove(page.warm.get(), doc_id)
        except CorpusDocumentNotFoundError as exc:
            message = status(str(exc))
        except Exception as exc:
            logger.exception("removing %s failed", doc_id)
            message = status(f"Could not remove {doc_id}: {exc}")
        return gr.update(visible=False), message, *views.library_view()

    page.remove_btn.click(on_remove_ask, [page.doc_pick], [page.confirm_row, page.confirm_md], api_name=False)
    page.cancel_btn.click(lambda: gr.update(visible=False), None, [page.confirm_row], api_name=False)
    page.confirm_btn.click(
        on_remove, [page.doc_pick], [page.confirm_row, page.remove_report, *views.library_outputs], api_name=False,
        concurrency_limit=1,
    )  # fmt: skip
