"""The Gradio app: `build_ui` constructs the Blocks, `serve` launches them with the index loading in the background.

Two tabs. **Ask**: the chat with its citations panel, the conversation picker
(conversations live in the browser, `gr.BrowserState`), examples drawn from
the loaded documents, and an Advanced panel for retrieval knobs. **Documents**:
the library, uploads, removal with confirmation and a clause-split preview
(uploads and removals are off with `read_only`).

`layout` builds the components, `events` wires the handlers; the work itself is
in small functions of plain data (`chat`, `conversations`, `documents`, `render`).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.settings import Settings
from assistant.ui import conversations as convs
from assistant.ui import events, layout
from assistant.ui.assets import CSS, HEAD_JS
from assistant.ui.warmup import Warmup

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
# Random bytes of the browser store's key (token_urlsafe: ~1.3 characters each).
BROWSER_KEY_BYTES = 24


def _browser_secret(settings: Settings) -> str:
    """The key the browser store is encrypted with; kept in the data folder so chats survive a server restart."""
    path = settings.data_dir / "browser-store.key"
    try:
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(BROWSER_KEY_BYTES)
        path.write_text(key, encoding="utf-8")
        path.chmod(0o600)
        return key
    except OSError:  # a read-only deployment: chats then last until the server restarts
        logger.warning("cannot keep the browser-store key in %s; conversations will not survive a restart", path)
        return secrets.token_urlsafe(BROWSER_KEY_BYTES)


def build_ui(
    assistant: Assistant | None = None, *, warmup: Warmup | None = None, read_only: bool | None = None
) -> gr.Blocks:
    """The Blocks app around `assistant` (one shared, thread-safe instance). Constructs only: no launch.

    Give either `assistant` (used as it is) or `warmup`, the background load
    `serve` starts (handlers wait for it). Per-user data lives in the browser (`gr.BrowserState`) and in
    `gr.State`, never in module globals. Launch with `demo.launch(**launch_options(settings))`
    so the CSS, the scripts and the upload limit apply. The components are built by `layout`,
    the handlers wired by `events`.
    """
    if warmup is None and assistant is None:
        raise TypeError("build_ui needs an assistant or a warmup")
    warm = warmup or Warmup.already_ready(assistant)  # type: ignore[arg-type]
    page = layout.Page(warm, warm.settings.read_only if read_only is None else read_only)
    documents = warm.documents()
    with gr.Blocks(title="UN/ITU Assistant · 联合国/国际电联问答助手", analytics_enabled=False) as demo:
        page.demo = demo
        store = gr.BrowserState(convs.empty_store(), storage_key=STORAGE_KEY, secret=_browser_secret(page.settings))
        pending = gr.State("")
        feedback_target = gr.State(None)
        layout.build_topbar(page)
        with gr.Tabs(elem_id="tabs"):
            layout.build_ask_tab(page, documents)
            layout.build_documents_tab(page, documents)
        views = events.Views(page)
        events.wire_page(page, views, store)
        events.wire_asking(page, views, store, pending)
        events.wire_conversations(page, views, store)
        events.wire_feedback(page, store, feedback_target)
        events.wire_documents(page, views)
    return demo


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
    host: str | None = None,
    port: int | None = None,
    environ: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> tuple[str, int]:
    """Where to listen: the arguments, else the `host`/`port` of `settings` (default: read from `environ`:
    `$ASSISTANT_HOST`/`$ASSISTANT_PORT`, else Gradio's `$GRADIO_SERVER_NAME`/`$GRADIO_SERVER_PORT`),
    else 127.0.0.1:7860."""
    try:
        serve = (settings or Settings.from_env(None if environ is None else dict(environ))).serve
    except ValueError as exc:
        raise ValueError(f"the port must be a number from 1 to 65535: {exc}") from None
    return host or serve.host or DEFAULT_HOST, int(port or serve.port or DEFAULT_PORT)


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
    name, number = resolve_address(host, port, settings=settings)
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
