"""The web UI: ask in Chinese or English, read the answer, check every cited clause in its document.

Modules, each with one job:

* `render`: what is shown, as pure functions (citation cards, chat messages,
  the plain text "Copy answer" gives, Markdown export, the first screen's line);
* `conversations`: the conversations kept in the browser (plain JSON);
* `chat`: one question answered in the context of its conversation (`ask_turn`;
  `respond` on chat messages, what the `/ask` API endpoint serves);
* `documents`: the Documents tab's work (list, upload, remove, preview);
* `warmup`: loading the index in the background so the page is up at once;
* `labels`: interface wording in English, Chinese or both;
* `assets`: CSS and the page's small scripts;
* `layout`: the page's components (top bar, Ask tab, Documents tab);
* `events`: the handlers wired to them;
* `app`: the Gradio Blocks (`build_ui`) and the server (`serve`).

Example:
    >>> from assistant.ui import serve
    >>> serve(host="127.0.0.1", port=7860)                     # doctest: +SKIP
"""

from __future__ import annotations

import gradio as gr  # noqa: F401  (callers and tests patch `assistant.ui.gr.Blocks`)

from assistant.ui.app import (
    DEFAULT_CONCURRENCY,
    DEFAULT_HOST,
    DEFAULT_PORT,
    build_ui,
    launch_options,
    resolve_address,
    serve,
)
from assistant.ui.chat import Reply, ask_turn, respond
from assistant.ui.render import (
    PANEL_EMPTY,
    answer_plain_text,
    conversation_markdown,
    corpus_summary,
    example_questions,
    format_answer_markdown,
    friendly_error,
    render_citations,
)
from assistant.ui.warmup import Warmup, prepare_assistant

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "PANEL_EMPTY",
    "Reply",
    "Warmup",
    "answer_plain_text",
    "ask_turn",
    "build_ui",
    "conversation_markdown",
    "corpus_summary",
    "example_questions",
    "format_answer_markdown",
    "friendly_error",
    "launch_options",
    "prepare_assistant",
    "render_citations",
    "resolve_address",
    "respond",
    "serve",
]
