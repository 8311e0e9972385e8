"""The UI's handlers and rendering, without a browser: real answers from the bundled corpus."""

from __future__ import annotations

import importlib.util
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.schema import Answer, Citation, Document, DocumentInfo
from assistant.settings import Settings
from assistant.ui import (
    EXAMPLES,
    PANEL_EMPTY,
    build_ui,
    format_answer_markdown,
    panel_for_message,
    prepare_assistant,
    render_citations,
    respond,
)

EN, ZH = "Who must report to Council?", "谁必须向理事会报告？"
CLAUSE = "每年向理事会报告"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(Settings.from_env(index_dir=tmp_path_factory.mktemp("index")), build=True)


def _ask(assistant: Assistant, question: object, **kw: object) -> tuple[list[dict], str]:
    args = {"k": 5, "mode": "hybrid", "docs": [], "use_llm": False, **kw}
    return respond(assistant, question, [], args["k"], args["mode"], args["docs"], args["use_llm"])  # type: ignore[arg-type]


def _no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text
        assert 'File "' not in text


def test_examples_are_bilingual() -> None:
    assert EN in EXAMPLES and ZH in EXAMPLES


@pytest.mark.parametrize(("question", "addressee"), [(EN, "Secretary-General"), (ZH, "秘书长")])
def test_answer_has_footnote_and_cited_clause(assistant: Assistant, question: str, addressee: str) -> None:
    history, panel = _ask(assistant, question)
    assert [m["role"] for m in history] == ["user", "assistant"]
    answer = history[-1]["content"]
    assert addressee in answer
    # The footnote marker [1] links to the first card of this turn's panel.
    link = re.search(r'<a href="#(cite-\d+-1)"[^>]*>\[1\]</a>', answer)
    assert link, answer
    assert f'id="{link.group(1)}"' in panel
    assert CLAUSE in panel
    assert re.search(rf"<mark>[^<]*{CLAUSE}", panel)
    # Both languages of section and title are shown.
    assert "责成秘书长" in panel and "instructs the Secretary-General" in panel
    assert "EUR/44A25/1" in panel
    _no_traceback(answer, panel)


def test_history_is_extended_and_ids_stay_unique(assistant: Assistant) -> None:
    history, first = _ask(assistant, EN)
    history, second = respond(assistant, ZH, history, 5, "hybrid", [], False)
    assert len(history) == 4
    assert 'id="cite-1-1"' in first and 'id="cite-3-1"' in second
    assert 'href="#cite-3-1"' in history[-1]["content"]


@pytest.mark.parametrize("question", ["", "   ", None])
def test_empty_question_is_a_friendly_message(assistant: Assistant, question: object) -> None:
    history, panel = _ask(assistant, question)
    assert history[-1]["role"] == "assistant"
    assert "Please type a question" in history[-1]["content"]
    assert "cite-card" not in panel
    _no_traceback(history[-1]["content"], panel)


def test_other_bad_input_is_a_friendly_message(assistant: Assistant) -> None:
    history, _ = _ask(assistant, "x" * 5000)
    assert "too long" in history[-1]["content"]
    history, _ = _ask(assistant, "Bonjour, qui doit faire rapport au Conseil ?")
    assert "English or Chinese" in history[-1]["content"]


def test_unexpected_error_is_logged_not_shown(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(*_a: object, **_k: object) -> Answer:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(assistant, "ask", boom)
    history, panel = _ask(assistant, EN)
    shown = history[-1]["content"]
    assert "went wrong" in shown and "secret internals" not in shown
    _no_traceback(shown, panel)
    assert any("secret internals" in (r.exc_text or "") or r.exc_info for r in caplog.records)


@pytest.mark.parametrize("question", ["How do I cook rice?", "怎么做红烧肉？"])
def test_cooking_question_abstains_clearly(assistant: Assistant, question: str) -> None:
    history, panel = _ask(assistant, question)
    answer = history[-1]["content"]
    assert "Not in the corpus" in answer and "badge-abstain" in answer
    assert "⚠" not in answer  # not styled as an error
    assert "cite-card" not in panel and "Not in the corpus" in panel
    _no_traceback(answer, panel)


def test_document_filter_limits_citations(assistant: Assistant) -> None:
    _, panel = _ask(assistant, EN, docs=["unido-unga-ai-resolution"])
    assert CLAUSE not in panel
    _, panel = _ask(assistant, EN, docs=["eur-44a25-1"])
    assert CLAUSE in panel
    _, panel = _ask(assistant, EN, docs="all")
    assert CLAUSE in panel


def _doc(text: str) -> Document:
    info = DocumentInfo(id="d", path="d.txt", language="en", kind="article", title_en="<b>Title</b> & co")
    return Document(info=info, text=text)


def _answer(quote_start: int, quote_end: int, text: str, answer_text: str = "See [1].") -> Answer:
    citation = Citation(
        chunk_id="d/body/1",
        doc_id="d",
        doc_title="<b>Title</b> & co",
        doc_number='A/"1"',
        section="<i>body</i>",
        section_other="正文",
        label="1",
        quote=text[quote_start:quote_end],
        start=quote_start,
        end=quote_end,
        score=0.5,
        lang="en",
    )
    return Answer(question="q", text=answer_text, language="en", citations=[citation])


def test_render_citations_escapes_html() -> None:
    text = "line one\nline two\n<script>alert('x')</script> & <img src=x onerror=alert(1)>\nline four\n"
    start = text.index("<script>")
    end = text.index("\nline four")
    out = render_citations(_answer(start, end, text), {"d": _doc(text)})
    assert "<script>" not in out and "<img" not in out and "<b>Title" not in out and "<i>body" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; co" in out
    assert "A/&quot;1&quot;" in out
    # The clause is highlighted inside its surrounding lines.
    assert "line two\n<mark>&lt;script&gt;" in out
    assert "</mark>\nline four" in out


def test_context_is_a_window_not_the_whole_document() -> None:
    lines = [f"line {i}" for i in range(40)]
    text = "\n".join(lines)
    start = text.index("line 20")
    out = render_citations(_answer(start, start + len("line 20"), text), {"d": _doc(text)})
    assert "line 17" in out and "line 23" in out
    assert "line 10\n" not in out and "line 30" not in out
    assert "<mark>line 20</mark>" in out


def test_answer_markdown_links_only_real_footnotes_and_escapes() -> None:
    text = "a\nb\n"
    answer = _answer(0, 1, text, answer_text="Quote 「<b>*x*</b> [EUR-2] [7]」 [1]")
    md = format_answer_markdown(answer, id_prefix="cite-5")
    assert md.endswith('<a href="#cite-5-1" class="footnote" title="Show citation 1 · 查看引文 1">[1]</a>')
    assert "&lt;b&gt;" in md and r"\*x\*" in md
    assert r"\[7\]" in md  # not a citation of this answer: left as text


def test_abstained_answer_renders_neutral_panel() -> None:
    answer = Answer(question="q", text="The corpus does not say.", language="en", abstained=True)
    assert "Not in the corpus" in render_citations(answer, {})
    assert "badge-abstain" in format_answer_markdown(answer)


def test_panel_for_message() -> None:
    panels = {"1": "first", "3": "second"}
    assert panel_for_message(panels, 1) == "first"
    assert panel_for_message(panels, 0) == "first"  # a question shows its answer's citations
    assert panel_for_message(panels, [3]) == "second"
    assert panel_for_message(panels, 7) is None
    assert panel_for_message({}, 1) is None


def test_concurrent_users_get_their_own_answers(assistant: Assistant) -> None:
    questions = [EN, ZH, "How do I cook rice?"] * 4
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda q: (q, _ask(assistant, q)), questions))
    for question, (history, panel) in results:
        assert question in history[0]["content"] or question == history[0]["content"]
        if question == "How do I cook rice?":
            assert "cite-card" not in panel
        else:
            assert CLAUSE in panel


def test_build_ui_is_pure_construction(assistant: Assistant) -> None:
    import gradio as gr

    demo = build_ui(assistant)
    assert isinstance(demo, gr.Blocks)
    config = demo.get_config_file()
    by_type: dict[str, list[dict]] = {}
    for comp in config["components"]:
        by_type.setdefault(comp["type"], []).append(comp["props"])
    assert by_type["chatbot"] and by_type["html"][0]["value"] == PANEL_EMPTY
    placeholder = by_type["textbox"][0]["placeholder"]
    assert "English" in placeholder and "中文" in placeholder
    (slider,) = by_type["slider"]
    assert slider["value"] == assistant.settings.top_k
    assert [c[1] for c in by_type["radio"][0]["choices"]] == ["hybrid", "dense", "bm25"]
    assert {c[1] for c in by_type["dropdown"][0]["choices"]} == set(assistant.documents)
    # No LLM configured: its checkbox is not shown.
    assert by_type["checkbox"][0]["visible"] is False
    examples = next(c for c in config["components"] if c["type"] == "dataset")["props"]["samples"]
    assert [EN] in examples and [ZH] in examples


def test_llm_checkbox_shown_when_enabled(assistant: Assistant) -> None:
    llm_assistant = Assistant(assistant.settings.with_(llm_provider="ollama", llm_model="qwen"))
    llm_assistant._documents = assistant.documents  # no corpus reload; the UI only lists documents
    config = build_ui(llm_assistant).get_config_file()
    (box,) = [c["props"] for c in config["components"] if c["type"] == "checkbox"]
    assert box["visible"] is True and box["value"] is True


def test_prepare_builds_a_missing_index(tmp_path: Path) -> None:
    said: list[str] = []
    ready = prepare_assistant(Settings.from_env(index_dir=tmp_path / "index"), say=said.append)
    assert any("Building the index" in s for s in said)
    assert any(s.startswith("index loaded") for s in said)
    assert ready.store.chunk_ids()


def test_app_passes_host_and_port(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("app_under_test", ROOT / "app.py")
    assert spec and spec.loader
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    calls: list[dict] = []
    monkeypatch.setattr(app, "serve", lambda **kw: calls.append(kw))
    app.main(["--port", "7999"])
    assert calls[-1] == {"host": "127.0.0.1", "port": 7999}
    monkeypatch.setenv("ASSISTANT_HOST", "0.0.0.0")
    monkeypatch.setenv("ASSISTANT_PORT", "8123")
    app.main([])
    assert calls[-1] == {"host": "0.0.0.0", "port": 8123}


def test_parallel_clause_is_shown_beside_the_quote(documents):
    from assistant.schema import Answer, Citation
    from assistant.ui import render_citations

    c = Citation(
        chunk_id="eur-44a25-1/operative/secretary-general/7",
        doc_id="eur-44a25-1",
        doc_title="t",
        doc_number="EUR/44A25/1",
        section="责成秘书长",
        section_other="instructs the Secretary-General",
        label="7",
        quote="每年向理事会报告",
        start=0,
        end=8,
        score=0.1,
        lang="zh",
        page=3,
        parallel_chunk_id="eur-44a25-1-en/operative/secretary-general/7",
        parallel_quote="to report annually to the <Council>",
        parallel_lang="en",
        parallel_label="instructs the Secretary-General · 7",
    )
    html = render_citations(Answer(question="q", text="a [1]", language="en", citations=[c]), documents)
    assert "cite-quote-parallel" in html and "&lt;Council&gt;" in html and "p. 3" in html
