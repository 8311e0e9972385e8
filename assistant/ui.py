"""The Gradio chat UI: ask in Chinese or English, read the answer, check every cited clause in its document.

Layout: the chat on the left, a citations panel on the right. Answers carry
footnote markers [1] [2] rendered as links to `#cite-<turn>-<n>`; a small
script (`FOOTNOTE_JS`, injected with `launch(head=...)`) catches clicks on
them, scrolls the matching citation card into view and highlights it. Clicking
an older answer also brings its citations back into the panel (the panel of
every turn is kept per session in a `gr.State`).

Pieces, each usable on its own:

* `render_citations(answer, documents)`: the panel's HTML for one answer;
* `respond(assistant, message, history, k, mode, docs, use_llm)`: one chat turn,
  a plain function returning `(history, citations_html)`; it never raises;
* `build_ui(assistant)`: constructs the `gr.Blocks` (no network, no launch);
* `serve(settings, host, port)`: loads (or builds) the index, then launches.

Example:
    >>> from assistant.ui import serve
    >>> serve(host="127.0.0.1", port=7860)                     # doctest: +SKIP
"""

from __future__ import annotations

# No import-order trick needed for gradio: importing `assistant.ui` runs
# `assistant/__init__.py` first, which sets GRADIO_ANALYTICS_ENABLED=False and
# the offline variables before gradio reads its environment.
import html
import logging
import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

import gradio as gr

from assistant.api import (
    Assistant,
    EmptyQuestionError,
    QuestionError,
    QuestionTooLongError,
    UnsupportedQuestionLanguageError,
)
from assistant.schema import Answer, Citation, Document
from assistant.settings import Settings
from assistant.store import IndexCorruptError, IndexError_, IndexMissingError, IndexStaleError

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# Answers take well under a second on CPU; a few at once keeps the embedder lock
# (one query embedding at a time) busy without queueing users behind each other.
DEFAULT_CONCURRENCY = 4

EXAMPLES: list[str] = [
    "Who must report to Council?",
    "谁必须向理事会报告？",
    "How many member states supported the UN resolution?",
    "谁负责与成员国分享信息？",
]

PLACEHOLDER = (
    "Ask about the ITU / UN texts on artificial intelligence, in English or Chinese · "
    "用中文或英文提问，例如：谁必须向理事会报告？"
)

CHAT_PLACEHOLDER = (
    "**Ask a question about the corpus in English or 中文.**\n\n"
    "Every answer quotes the clause it rests on; click a footnote such as [1] to see it in its document.\n\n"
    "每个回答都引用其依据的条款；点击脚注（如 [1]）即可在原文中查看。"
)

PANEL_EMPTY = (
    '<div class="cite-empty">Citations for the latest answer appear here.<br>最新回答的引文将显示在这里。</div>'
)
PANEL_ABSTAINED = (
    '<div class="cite-empty cite-abstained"><span class="badge badge-abstain">Not in the corpus · 语料中没有</span>'
    "<p>No clause in the indexed documents supports an answer, so nothing is cited.<br>"
    "语料中没有支持回答的条款，因此没有引文。</p></div>"
)
PANEL_ERROR = (
    '<div class="cite-empty">No citations: the question was not answered.<br>问题未作回答，因此没有引文。</div>'
)

ABSTAIN_BADGE = '<span class="badge badge-abstain">Not in the corpus · 语料中没有</span>'

# Lines of document text shown around a cited clause, and a cap in characters
# for sources whose paragraphs are single long lines.
CONTEXT_LINES = 3
CONTEXT_CHARS = 480

_MARKER = re.compile(r"\[(\d{1,3})\]")
# Characters Markdown would act on; quotes are shown as written, not formatted.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")

CSS = """
#cite-panel { max-height: 78vh; overflow-y: auto; }
.cite-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
             margin-bottom: 12px; background: var(--background-fill-primary); transition: box-shadow .3s; }
.cite-card.cite-active { box-shadow: 0 0 0 3px var(--color-accent-soft), 0 0 0 1px var(--color-accent); }
.cite-head { display: flex; gap: 8px; align-items: baseline; }
.cite-n { font-weight: 700; color: var(--color-accent); }
.cite-title { font-weight: 600; }
.cite-title-other { color: var(--body-text-color-subdued); font-size: .9em; }
.cite-docno { font-family: var(--font-mono); font-size: .85em; color: var(--body-text-color-subdued); }
.cite-where { margin: 6px 0; font-size: .92em; }
.cite-where b { font-weight: 600; }
.cite-quote { margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--color-accent);
              background: var(--background-fill-secondary); }
.cite-context { max-height: 11em; overflow-y: auto; white-space: pre-wrap; font-size: .85em; line-height: 1.5;
                padding: 6px 8px; border: 1px dashed var(--border-color-primary); border-radius: 6px;
                color: var(--body-text-color-subdued); }
.cite-context mark { background: #fde68a; color: #111; padding: 0 1px; border-radius: 2px; }
.cite-meta { font-size: .75em; color: var(--body-text-color-subdued); margin-top: 4px; }
.cite-empty { color: var(--body-text-color-subdued); padding: 12px; }
.badge { display: inline-block; font-size: .8em; padding: 1px 8px; border-radius: 999px;
         border: 1px solid var(--border-color-primary); }
.badge-abstain { background: var(--background-fill-secondary); color: var(--body-text-color-subdued); }
#chat a.footnote { color: var(--color-accent); text-decoration: none; font-weight: 700; cursor: pointer;
                   font-size: .85em; vertical-align: super; line-height: 0; }
#chat a.footnote:hover { text-decoration: underline; }
.ui-error { color: var(--body-text-color); }
"""

# Document-level delegation, in the capture phase: it works however the
# chatbot renders or re-renders its Markdown, and runs before any link handling
# of Gradio's (which would open the link in a new tab). The card may not exist
# yet when an older answer was clicked (the panel is being swapped in by the
# chatbot's select event), so it retries for a couple of seconds.
FOOTNOTE_JS = """
<script>
(() => {
  function showCitation(id, tries) {
    const card = document.getElementById(id);
    if (!card) {
      if (tries > 0) setTimeout(() => showCitation(id, tries - 1), 100);
      return;
    }
    document.querySelectorAll('.cite-card.cite-active').forEach((el) => el.classList.remove('cite-active'));
    card.classList.add('cite-active');
    card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    const ctx = card.querySelector('.cite-context');
    const mark = ctx && ctx.querySelector('mark');
    if (ctx && mark) ctx.scrollTop = Math.max(0, mark.offsetTop - ctx.offsetTop - 24);
  }
  document.addEventListener('click', (ev) => {
    const link = ev.target && ev.target.closest ? ev.target.closest('a[href^="#cite-"]') : null;
    if (!link) return;
    ev.preventDefault();
    showCitation(decodeURIComponent(link.getAttribute('href').slice(1)), 25);
  }, true);
})();
</script>
"""

# Runs inside the citations panel: after each update, scroll every context
# excerpt so its highlighted clause is in view (long clauses start mid-box).
PANEL_JS = """
const reveal = () => element.querySelectorAll('.cite-context').forEach((ctx) => {
  const mark = ctx.querySelector('mark');
  if (mark) ctx.scrollTop = Math.max(0, mark.offsetTop - ctx.offsetTop - 24);
});
reveal();
watch('value', reveal);
"""


# -- rendering ------------------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _context_window(text: str, start: int, end: int) -> tuple[str, str, str, bool, bool]:
    """(before, clause, after, cut_before, cut_after): `CONTEXT_LINES` lines of `text` either side of [start:end]."""
    a = text.rfind("\n", 0, start) + 1  # start of the clause's first line
    for _ in range(CONTEXT_LINES):
        if a == 0:
            break
        a = text.rfind("\n", 0, a - 1) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b  # end of the clause's last line
    for _ in range(CONTEXT_LINES):
        if b >= len(text):
            break
        nxt = text.find("\n", b + 1)
        b = len(text) if nxt < 0 else nxt
    # Cap for sources whose paragraphs are single long lines.
    a = max(a, start - CONTEXT_CHARS)
    b = min(b, end + CONTEXT_CHARS)
    return text[a:start], text[start:end], text[end:b], a > 0, b < len(text)


def _clause_words(label: str, lang: str) -> str:
    if not label:
        return ""
    return f"第 {label} 项 · clause {label}" if lang == "zh" else f"clause {label} · 第 {label} 项"


def _card(n: int, c: Citation, doc: Document | None, anchor: str) -> str:
    """One citation card: document, where in it, the quote, and the quote in its surroundings."""
    info = doc.info if doc else None
    title = c.doc_title or (info.title(c.lang) if info else c.doc_id)
    other_title = ""
    if info:
        other_title = info.title_en if c.lang == "zh" else info.title_zh
        if other_title == title:
            other_title = ""
    section = c.section
    if c.section_other and c.section_other != c.section:
        section = f"{section} · {c.section_other}" if section else c.section_other
    where = []
    if section:
        where.append(f"<b>{_esc(section)}</b>")
    if c.label:
        where.append(_esc(_clause_words(c.label, c.lang)))
    if c.page is not None:
        where.append(_esc(f"p. {c.page} · 第{c.page}页"))

    parts = [
        f'<div class="cite-card" id="{_esc(anchor)}" data-chunk="{_esc(c.chunk_id)}">',
        '<div class="cite-head">',
        f'<span class="cite-n">[{n}]</span>',
        f'<span class="cite-title">{_esc(title)}</span>',
        "</div>",
    ]
    if other_title:
        parts.append(f'<div class="cite-title-other">{_esc(other_title)}</div>')
    if c.doc_number:
        parts.append(f'<div class="cite-docno">{_esc(c.doc_number)}</div>')
    if where:
        parts.append(f'<div class="cite-where">{" · ".join(where)}</div>')
    quote = f'<blockquote class="cite-quote" lang="{_esc(c.lang)}">「{_esc(c.quote)}」</blockquote>'
    if c.parallel_quote:
        # The linked clause of the other language version, side by side with the source.
        parts.append(
            '<div class="cite-parallel" style="display:grid;grid-template-columns:1fr 1fr;gap:.5em">'
            f"{quote}"
            f'<blockquote class="cite-quote cite-quote-parallel" lang="{_esc(c.parallel_lang)}" '
            f'title="{_esc(c.parallel_chunk_id)}">「{_esc(c.parallel_quote)}」'
            f'<div class="cite-meta">{_esc(c.parallel_label)}</div></blockquote></div>'
        )
    else:
        parts.append(quote)

    if doc is not None and 0 <= c.start <= c.end <= len(doc.text):
        before, clause, after, cut_before, cut_after = _context_window(doc.text, c.start, c.end)
        parts.append(
            f'<div class="cite-context" lang="{_esc(c.lang)}" title="The clause in its document · 条款在原文中的位置">'
            f"{'…' if cut_before else ''}{_esc(before)}<mark>{_esc(clause)}</mark>{_esc(after)}"
            f"{'…' if cut_after else ''}</div>"
        )
    parts.append(
        f'<div class="cite-meta">{_esc(c.chunk_id)} · chars {c.start}–{c.end} · score {c.score:.3f}</div></div>'
    )
    return "".join(parts)


def render_citations(answer: Answer, documents: Mapping[str, Document], *, id_prefix: str = "cite") -> str:
    """The citations panel for `answer`: one card per citation, every piece of text HTML-escaped.

    Cards get the ids `<id_prefix>-1`, `<id_prefix>-2`, … that the answer's
    footnote links point at. An abstention renders a neutral "not in the
    corpus" note instead of cards.
    """
    if answer.abstained:
        return PANEL_ABSTAINED
    if not answer.citations:
        return '<div class="cite-empty">This answer cites no clause.<br>此回答没有引用条款。</div>'
    cards = [_card(n, c, documents.get(c.doc_id), f"{id_prefix}-{n}") for n, c in enumerate(answer.citations, start=1)]
    return f'<div class="cite-list">{"".join(cards)}</div>'


def _escape_markdown(text: str) -> str:
    """`text` shown literally by the chatbot's Markdown: HTML escaped, Markdown specials backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def format_answer_markdown(answer: Answer, *, id_prefix: str = "cite") -> str:
    """The chat message for `answer`: its text with [n] turned into footnote links, plus a badge if it abstained."""
    count = len(answer.citations)
    out: list[str] = []
    pos = 0
    for m in _MARKER.finditer(answer.text):
        n = int(m.group(1))
        if not 1 <= n <= count:
            continue  # a bracketed number in the quote, not a footnote
        out.append(_escape_markdown(answer.text[pos : m.start()]))
        out.append(f'<a href="#{id_prefix}-{n}" class="footnote" title="Show citation {n} · 查看引文 {n}">[{n}]</a>')
        pos = m.end()
    out.append(_escape_markdown(answer.text[pos:]))
    text = "".join(out)
    if answer.abstained:
        text = f"{ABSTAIN_BADGE}\n\n{text}"
    for note in answer.notes:
        text += f"\n\n*{_escape_markdown(note)}*"
    return text


# -- handlers -------------------------------------------------------------------------------------------------


def friendly_error(exc: BaseException) -> str:
    """A message for the chat saying, in both languages, what went wrong and what to do; never a traceback."""
    if isinstance(exc, EmptyQuestionError):
        return "Please type a question first. · 请先输入问题。"
    if isinstance(exc, QuestionTooLongError):
        return f"That question is too long ({exc}). Please shorten it. · 问题太长，请缩短后再问。"
    if isinstance(exc, UnsupportedQuestionLanguageError):
        return "Please ask in English or Chinese. · 请用中文或英文提问。"
    if isinstance(exc, QuestionError):
        return f"I can't answer that as asked: {exc}. · 无法按原样回答这个问题，请换一种问法。"
    if isinstance(exc, IndexError_):
        return "The search index is not available right now; the error has been logged. · 检索索引暂不可用，已记录。"
    return (
        "Something went wrong while answering; the error has been logged. Please try again. · "
        "回答时出错，已记录，请重试。"
    )


def _error_message(exc: BaseException) -> str:
    return f'<span class="ui-error">⚠️ {_escape_markdown(friendly_error(exc))}</span>'


def respond(
    assistant: Assistant,
    message: str | None,
    history: list[dict[str, Any]] | None,
    k: int | float | None = None,
    mode: str | None = None,
    docs: Sequence[str] | str | None = None,
    use_llm: bool | None = False,
) -> tuple[list[dict[str, Any]], str]:
    """One chat turn: `(history with the question and answer appended, citations panel HTML)`.

    Never raises: bad questions (`QuestionError`) and unexpected failures come
    back as a friendly assistant message, the latter logged with its traceback
    on the server only. `docs` empty (or "all") means every document; `use_llm`
    is honoured only when the settings enable an LLM.
    """
    history = list(history or [])
    question = message if isinstance(message, str) else ""
    if question.strip():
        history.append({"role": "user", "content": _escape_markdown(question.strip())})
    turn = len(history)  # index the answer will have: footnote ids are unique per turn
    prefix = f"cite-{turn}"
    doc_ids = _doc_ids(docs, assistant)
    try:
        answer = assistant.ask(
            question,
            k=int(k) if k else None,
            mode=mode or None,  # type: ignore[arg-type]  # the radio offers only valid modes
            doc_ids=doc_ids,
            use_llm=bool(use_llm) and assistant.settings.llm_enabled,
        )
    except QuestionError as exc:
        logger.info("question rejected: %s", exc)
        history.append({"role": "assistant", "content": _error_message(exc)})
        return history, PANEL_ERROR
    except Exception as exc:  # the page must never show a traceback; the log gets it
        logger.exception("answering %r failed", question[:200])
        history.append({"role": "assistant", "content": _error_message(exc)})
        return history, PANEL_ERROR
    history.append({"role": "assistant", "content": format_answer_markdown(answer, id_prefix=prefix)})
    return history, render_citations(answer, assistant.documents, id_prefix=prefix)


def _doc_ids(docs: Sequence[str] | str | None, assistant: Assistant) -> tuple[str, ...]:
    if not docs or docs == "all":
        return ()
    chosen = (docs,) if isinstance(docs, str) else tuple(docs)
    if "all" in chosen:
        return ()
    known = assistant.documents
    return tuple(d for d in chosen if d in known)


def panel_for_message(panels: Mapping[int | str, str] | None, index: Any) -> str | None:
    """The stored citations panel of the chat message at `index` (a question maps to its answer), else None."""
    if not panels:
        return None
    if isinstance(index, (list, tuple)):
        index = index[0] if index else None
    if not isinstance(index, int):
        return None
    for i in (index, index + 1):
        found = panels.get(str(i))
        if found is not None:
            return found
    return None


def _document_choices(documents: Mapping[str, Document]) -> list[tuple[str, str]]:
    choices = []
    for doc_id, doc in documents.items():
        info = doc.info
        title = info.title_en or info.title_zh or doc_id
        if len(title) > 70:
            title = title[:69] + "…"
        lead = f"{info.doc_number} · " if info.doc_number else ""
        choices.append((f"{lead}{title} ({info.language})", doc_id))
    return choices


# -- construction ---------------------------------------------------------------------------------------------


def build_ui(assistant: Assistant) -> gr.Blocks:
    """The Blocks app around `assistant` (one shared instance; it is thread-safe). Constructs only: no launch.

    Per-session data lives in components and a `gr.State` (each browser
    session gets its own copy), never in module globals. Launch it with
    `demo.launch(**launch_options())` so the CSS and the footnote script load.
    """
    settings = assistant.settings
    doc_choices = _document_choices(assistant.documents)

    with gr.Blocks(title="UN/ITU Assistant · 联合国/国际电联问答助手", analytics_enabled=False) as demo:
        gr.Markdown(
            "## UN/ITU Assistant · 联合国/国际电联问答助手\n"
            "Answers from the bundled UN and ITU texts on artificial intelligence, each with the clause it cites. · "
            "依据语料中的联合国和国际电联人工智能文件作答，并引用条款原文。"
        )
        panels = gr.State({})  # str(message index) -> citations HTML of that answer, per session
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=360):
                chatbot = gr.Chatbot(
                    label="Chat · 对话",
                    elem_id="chat",
                    height=520,
                    placeholder=CHAT_PLACEHOLDER,
                    feedback_options=None,
                    sanitize_html=True,
                    line_breaks=True,
                    buttons=["copy"],
                )
                with gr.Row():
                    textbox = gr.Textbox(
                        placeholder=PLACEHOLDER,
                        show_label=False,
                        lines=1,
                        max_lines=4,
                        scale=5,
                        elem_id="question",
                        autofocus=True,
                        submit_btn=False,
                    )
                    ask_btn = gr.Button("Ask · 提问", variant="primary", scale=1, min_width=90, elem_id="ask")
                gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[textbox], label="Examples · 示例问题")
                with gr.Accordion("Settings · 设置", open=False):
                    k_slider = gr.Slider(
                        1, 20, value=settings.top_k, step=1, label="Clauses to retrieve (top-k) · 检索条款数"
                    )
                    mode_radio = gr.Radio(
                        choices=["hybrid", "dense", "bm25"],
                        value=settings.retriever,
                        label="Retriever · 检索方式",
                        info="hybrid = dense + BM25 fused · 混合 = 向量 + BM25",
                    )
                    docs_dropdown = gr.Dropdown(
                        choices=doc_choices,
                        value=[],
                        multiselect=True,
                        label="Documents · 文件",
                        info="Empty = all documents · 留空表示全部文件",
                    )
                    llm_box = gr.Checkbox(
                        value=settings.llm_enabled,
                        visible=settings.llm_enabled,  # no LLM configured: the option would only fail
                        label=f"Answer with the LLM ({settings.llm_provider} {settings.llm_model}) · 用大模型作答",
                    )
                    clear_btn = gr.Button("Clear chat · 清空对话", variant="secondary", size="sm")
            with gr.Column(scale=2, min_width=320):
                gr.Markdown("### Citations · 引文")
                citations = gr.HTML(PANEL_EMPTY, elem_id="cite-panel", js_on_load=PANEL_JS)

        def on_ask(
            message: str,
            history: list[dict[str, Any]],
            stored: dict[str, str],
            k: float,
            mode: str,
            docs: Any,
            llm: bool,
        ) -> tuple[str, list[dict[str, Any]], str, dict[str, str]]:
            new_history, panel = respond(assistant, message, history, k, mode, docs, llm)
            stored = {**(stored or {}), str(len(new_history) - 1): panel}
            return "", new_history, panel, stored

        def on_select(stored: dict[str, str], evt: gr.SelectData) -> Any:
            panel = panel_for_message(stored, evt.index)
            return panel if panel is not None else gr.skip()

        def on_clear() -> tuple[list[dict[str, Any]], str, dict[str, str], str]:
            return [], PANEL_EMPTY, {}, ""

        ask_inputs = [textbox, chatbot, panels, k_slider, mode_radio, docs_dropdown, llm_box]
        ask_outputs = [textbox, chatbot, citations, panels]
        textbox.submit(on_ask, ask_inputs, ask_outputs, api_name="ask")
        ask_btn.click(on_ask, ask_inputs, ask_outputs, api_name=False)
        chatbot.select(on_select, [panels], [citations], api_name=False, show_progress="hidden")
        clear_btn.click(on_clear, None, [chatbot, citations, panels, textbox], api_name=False)
        # The chatbot's own trash button empties the chat; the panel and stored panels go with it.
        chatbot.clear(lambda: (PANEL_EMPTY, {}), None, [citations, panels], api_name=False)
    return demo


def launch_options() -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch` that the UI needs (Gradio 6 takes CSS, head and theme there)."""
    return {
        "css": CSS,
        "head": FOOTNOTE_JS,
        # Local fonts only (no Google Fonts request offline); WenQuanYi for Chinese.
        "theme": gr.themes.Soft(
            font=["Inter", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "system-ui", "sans-serif"],
            font_mono=["DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", "monospace"],
        ),
        "footer_links": ["api"],
    }


def prepare_assistant(settings: Settings | None = None, *, say: Any = print) -> Assistant:
    """An `Assistant` with its index loaded; a missing, stale or corrupt index is rebuilt first (with progress)."""
    assistant = Assistant(settings or Settings.from_env())
    try:
        store = assistant.store
    except (IndexMissingError, IndexStaleError, IndexCorruptError) as exc:
        say(f"{exc} Building the index in {assistant.settings.index_dir} …")
        assistant.build_index(progress=say)
        store = assistant.store
    say(f"index loaded: {len(store.chunk_ids())} chunks from {len(assistant.documents)} documents")
    _ = assistant.retriever  # warm up now rather than on the first user's question
    return assistant


def serve(
    settings: Settings | None = None,
    host: str | None = DEFAULT_HOST,
    port: int | None = DEFAULT_PORT,
    **launch_kwargs: Any,
) -> gr.Blocks:
    """Load the index once, then serve the UI on `host:port` (blocking unless `prevent_thread_lock=True`).

    Start-up: the index is loaded before the server starts, so the first user
    does not pay for it and a broken index fails at start rather than per
    question. If it is missing, stale (other model, corpus or chunker) or
    corrupt, it is **built** now, printing progress, and then loaded.

    `host`/`port` of None fall back to `$ASSISTANT_HOST`/`$ASSISTANT_PORT`, then
    127.0.0.1:7860. The server stays local unless a host is given; analytics
    are off (`import assistant` sets GRADIO_ANALYTICS_ENABLED=False). The queue
    runs `DEFAULT_CONCURRENCY` answers at once; every session shares the one
    Assistant. Extra keyword arguments go to `Blocks.launch`.
    """
    host = host or os.environ.get("ASSISTANT_HOST") or DEFAULT_HOST
    port = int(port or os.environ.get("ASSISTANT_PORT") or DEFAULT_PORT)
    assistant = prepare_assistant(settings)
    demo = build_ui(assistant)
    demo.queue(default_concurrency_limit=DEFAULT_CONCURRENCY)
    # Gradio's upload route takes any size unless told; the same ceiling as `assistant add` (issue 14).
    options = {**launch_options(), "show_error": False, "max_file_size": assistant.settings.max_file_bytes}
    options.update(launch_kwargs)
    demo.launch(server_name=host, server_port=port, share=False, **options)
    return demo


__all__ = [
    "EXAMPLES",
    "build_ui",
    "format_answer_markdown",
    "friendly_error",
    "launch_options",
    "panel_for_message",
    "prepare_assistant",
    "render_citations",
    "respond",
    "serve",
]
