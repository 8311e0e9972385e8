"""The Gradio app's construction and launch options, without a browser."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings
from assistant.ui import build_ui, launch_options, resolve_address
from assistant.ui.render import PANEL_EMPTY

ROOT = Path(__file__).resolve().parents[2]


def _components(demo) -> dict[str, list[dict]]:
    by_type: dict[str, list[dict]] = {}
    for comp in demo.get_config_file()["components"]:
        by_type.setdefault(comp["type"], []).append(comp["props"])
    return by_type


def _by_id(demo, elem_id: str) -> dict | None:
    for comp in demo.get_config_file()["components"]:
        if comp["props"].get("elem_id") == elem_id:
            return comp["props"]
    return None


def test_build_ui_is_pure_construction(assistant: Assistant) -> None:
    import gradio as gr

    demo = build_ui(assistant)
    assert isinstance(demo, gr.Blocks)
    by_type = _components(demo)
    assert by_type["chatbot"][0]["buttons"] == []  # no raw-HTML copy, no trash icon
    assert _by_id(demo, "cite-panel")["value"] == PANEL_EMPTY
    question = _by_id(demo, "question")
    assert question["max_length"] == assistant.settings.max_question_chars
    assert "English" in question["placeholder"] and "中文" in question["placeholder"]
    (slider,) = by_type["slider"]
    assert slider["value"] == assistant.settings.top_k
    assert [c[1] for c in by_type["radio"][1]["choices"]] == ["hybrid", "dense", "bm25"]
    docs_filter = next(d for d in by_type["dropdown"] if d.get("multiselect"))
    assert {c[1] for c in docs_filter["choices"]} == set(assistant.documents)
    assert _by_id(demo, "upload") is not None and _by_id(demo, "remove-doc") is not None
    examples = next(c for c in by_type["dataset"])["samples"]
    assert ["Who must report to Council?"] in examples and ["谁必须向理事会报告？"] in examples
    summary = _by_id(demo, "summary")["value"]
    assert "2 documents" in summary and "已加载 2 份文件" in summary


def test_read_only_has_no_uploads_or_removals(assistant: Assistant) -> None:
    demo = build_ui(assistant, read_only=True)
    assert _by_id(demo, "upload") is None and _by_id(demo, "remove-doc") is None
    assert _by_id(demo, "library") is not None and _by_id(demo, "preview") is not None


def test_llm_checkbox_shown_only_when_enabled(assistant: Assistant) -> None:
    def llm_box(a: Assistant) -> dict:
        return next(c for c in _components(build_ui(a))["checkbox"] if "LLM" in c["label"] or "model" in c["label"])

    assert llm_box(assistant)["visible"] is False
    llm_assistant = Assistant(assistant.settings.with_(llm_provider="ollama", llm_model="qwen"))
    box = llm_box(llm_assistant)
    assert box["visible"] is True and box["value"] is True


def test_launch_options_carry_the_upload_limit(assistant: Assistant) -> None:
    options = launch_options(assistant.settings.with_(max_file_bytes=7_000_000))
    assert options["max_file_size"] == 7_000_000 and "<script>" in options["head"]


def test_address_precedence() -> None:
    env = {"GRADIO_SERVER_NAME": "0.0.0.0", "GRADIO_SERVER_PORT": "8001"}
    assert resolve_address(None, None, {}) == ("127.0.0.1", 7860)
    assert resolve_address(None, None, env) == ("0.0.0.0", 8001)
    assert resolve_address(None, None, {**env, "ASSISTANT_HOST": "10.0.0.1", "ASSISTANT_PORT": "9000"}) == (
        "10.0.0.1",
        9000,
    )
    assert resolve_address("127.0.0.2", 7999, env) == ("127.0.0.2", 7999)
    with pytest.raises(ValueError, match="port"):
        resolve_address(None, None, {"GRADIO_SERVER_PORT": "http"})
    # Settings given (as serve() has them) win over the environment.
    given = Settings.from_env({}, port=9100)
    assert resolve_address(None, None, {"ASSISTANT_PORT": "9000"}, settings=given) == ("127.0.0.1", 9100)


def test_app_passes_host_port_and_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("app_under_test", ROOT / "app.py")
    assert spec and spec.loader
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    calls: list[dict] = []
    monkeypatch.setattr(app, "serve", lambda **kw: calls.append(kw))
    app.main(["--port", "7999"])
    assert calls[-1] == {"host": None, "port": 7999, "read_only": None}  # None: resolve_address decides
    app.main(["--host", "0.0.0.0", "--read-only"])
    assert calls[-1] == {"host": "0.0.0.0", "port": None, "read_only": True}


def test_app_logs_no_faiss_cpu_probing_or_gradio_http_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    spec = importlib.util.spec_from_file_location("app_under_test", ROOT / "app.py")
    assert spec and spec.loader
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    monkeypatch.setattr(app, "serve", lambda **kw: None)
    for name in ("faiss.loader", "httpx"):
        monkeypatch.setattr(logging.getLogger(name), "level", logging.NOTSET)
    app.main([])  # logs at INFO ("index loaded: 55 chunks …"), except these two
    assert logging.getLogger("faiss.loader").level == logging.getLogger("httpx").level == logging.WARNING


def test_serve_starts_before_the_index_is_loaded(
    assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page is served while the index is still being built; questions wait for it."""
    import threading

    from assistant.settings import Settings
    from assistant.ui import app as ui_app

    release = threading.Event()
    real_prepare = ui_app.Warmup._run

    def slow_run(self):  # the load blocks until the test has seen the server up
        release.wait(30)
        real_prepare(self)

    monkeypatch.setattr(ui_app.Warmup, "_run", slow_run)
    # The session's index (already built): the test is about the page being up before the load, not a build.
    index_dir = assistant.settings.index_dir
    settings = Settings.from_env(index_dir=index_dir, data_dir=tmp_path / "data", show_progress=False)
    launched: dict = {}
    monkeypatch.setattr("gradio.Blocks.launch", lambda self, **kw: launched.update(kw))
    demo = ui_app.serve(settings, host="127.0.0.1", port=7001)
    assert launched["server_port"] == 7001 and launched["server_name"] == "127.0.0.1"
    status = _by_id(demo, "load-status")["value"]
    assert "Loading" in status
    release.set()


def test_the_page_does_not_wait_for_the_question_answering_stack() -> None:
    """Importing the UI must not import LangChain/FAISS (a second or more before the first page)."""
    import subprocess
    import sys

    heavy = ("assistant.api", "faiss", "langchain_core")
    code = f"import sys, assistant.ui; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_warmup_reports_a_failed_load(tmp_path: Path) -> None:
    from assistant.settings import Settings
    from assistant.ui.warmup import NotLoadedError, Warmup

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.json").write_text("{not json", encoding="utf-8")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index", show_progress=False)
    warm = Warmup(settings).start()
    assert warm.wait(60) and not warm.ready and warm.error
    assert "manifest" in warm.error
    assert warm.documents() == {}  # the page still renders, saying nothing is loaded
    with pytest.raises(NotLoadedError, match="still loading"):
        Warmup(settings).get(timeout=0.05)  # never started: a question would not wait forever
