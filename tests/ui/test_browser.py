"""The UI in a real Chromium: ask, follow a footnote, copy, export, reload, rate; upload and remove; the phone layout.

One server for the module (started the way `python app.py` starts it, index
loading in the background) over a writable copy of the corpus. Needs
Playwright (Python) and a system Chromium (`/usr/bin/chromium` or `chromium`
on PATH); Playwright's own browser download is not used.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import PDF_QUESTION, writable_settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    # gradio's queue uses pandas options that pandas 3 deprecates; not ours to fix.
    pytest.mark.filterwarnings("ignore:::gradio.queueing"),
]

EN = "Who must report to Council?"
CLAUSE = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 30_000
BOT = '#chat [data-testid="bot"]'
USER = '#chat [data-testid="user"]'


def _chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from assistant.ui import serve

    settings = writable_settings(tmp_path_factory.mktemp("home"))
    port = _free_port()
    demo = serve(settings, host="127.0.0.1", port=port, prevent_thread_lock=True, quiet=True)
    # Let the background load finish first: under pytest, modules imported while serving a page are
    # assertion-rewritten (compiled), and CPython 3.11.7 can fail compiling in two threads at once
    # ("AST constructor recursion depth mismatch"). Serving during the load is tested in test_app.py.
    assert demo.warmup.wait(180) and demo.warmup.ready, demo.warmup.error
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "settings": settings}
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no system Chromium: /usr/bin/chromium missing and `chromium` not on PATH")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _page(browser: Any, url: str, **viewport: int) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(
        viewport=viewport or {"width": 1400, "height": 1000},
        permissions=["clipboard-read", "clipboard-write"],
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(url)
    page.locator("#question textarea").wait_for()
    # The page has restored the browser's conversations (the picker shows the current one).
    page.wait_for_function("(document.querySelector('#conv-pick input') || {}).value")
    return context, page, errors


def _ask(page: Any, question: str, answers_before: int) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        f"document.querySelectorAll('{BOT}').length > {answers_before} && !document.querySelector('#ask').disabled",
    )


def test_ask_copy_export_rate_reload(browser: Any, app: dict[str, Any]) -> None:
    context, page, errors = _page(browser, app["url"])
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert "2 documents loaded" in page.locator("#summary").inner_text()
    box = page.locator("#question textarea")
    assert box.get_attribute("maxlength") == "2000"

    # A bad question: a message under the box, the text kept to fix and resend, nothing added to the chat.
    box.fill("Bonjour, qui doit faire rapport au Conseil ?")
    box.press("Enter")
    page.locator("#input-status").get_by_text("English or Chinese").wait_for()
    assert box.input_value() == "Bonjour, qui doit faire rapport au Conseil ?"
    assert page.locator(USER).count() == 0
    assert page.locator("#q-count").inner_text() == "44 / 2000"

    # The question shows at once, the Ask button is locked until the answer is in.
    box.fill(EN)
    box.press("Enter")
    page.locator(USER).first.wait_for()
    page.locator(BOT).first.wait_for()
    page.locator("#cite-panel .cite-card").first.wait_for()
    page.wait_for_function("!document.querySelector('#ask').disabled")
    assert box.input_value() == ""
    answer = page.locator(BOT).first.inner_text()
    assert "Secretary-General" in answer and "[1]" in answer
    panel = page.locator("#cite-panel")
    assert CLAUSE in panel.locator(".cite-context mark").first.inner_text()
    assert "score" not in panel.inner_text()  # technical details only from the Advanced panel

    # The footnote shows and highlights its card, without leaving the page.
    page.locator(BOT).first.locator('a[href^="#cite-"]').first.click()
    page.locator("#cite-panel .cite-card.cite-active").wait_for()
    assert page.url.rstrip("/") == app["url"].rstrip("/")

    # Ids, offsets and scores appear only when asked for, under Advanced.
    page.locator("#advanced").click()
    page.locator("#show-tech input").check()
    page.locator("#cite-panel .cite-tech").first.wait_for()
    assert "score" in panel.inner_text()

    # Copy answer: plain text with the numbered reference, no HTML.
    panel.locator("button.copy-answer").click()
    page.wait_for_function("document.querySelector('button.copy-answer').textContent.includes('Copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Secretary-General" in copied and "<" not in copied
    assert "[1] EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7: 「" + CLAUSE in copied

    # Export: the conversation as Markdown with its citation.
    page.wait_for_function("!document.querySelector('#export').disabled")
    with page.expect_download() as download:
        page.locator("#export").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"## 1. {EN}" in exported and "[1] EUR/44A25/1, 责成秘书长" in exported and f"> 「{CLAUSE}" in exported

    # 👎 with a note: one line in the data folder's feedback file.
    page.locator("#chat").get_by_role("button", name="Dislike").first.click()
    page.locator("#note textarea").fill("should also name the Council session")
    page.locator("#note-send").click()
    feedback = app["settings"].data_dir / "feedback.jsonl"
    page.locator("#note textarea").wait_for(state="hidden")
    page.locator("#input-status").get_by_text("noted").wait_for()
    records = [json.loads(line) for line in feedback.read_text(encoding="utf-8").splitlines()]
    assert records[0]["question"] == EN and records[0]["liked"] is False
    assert records[-1]["note"] == "should also name the Council session"

    # The interface in Chinese only; the page's language follows.
    page.get_by_role("radio", name="中文", exact=True).check()
    page.wait_for_function("document.querySelector('#ask').textContent.trim() === '提问'")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"

    # A reload keeps the conversation (browser storage), answers and citations included, and the language.
    page.reload()
    page.wait_for_function("(document.querySelector('#conv-pick input') || {}).value")
    page.locator(BOT).first.wait_for()
    page.wait_for_function("document.querySelector('#ask').textContent.trim() === '提问'")
    assert EN in page.locator(USER).first.inner_text()
    page.locator("#cite-panel .cite-card").first.wait_for()
    assert not errors, errors
    context.close()


def test_follow_up_answered_from_context(browser: Any, app: dict[str, Any]) -> None:
    context, page, _ = _page(browser, app["url"])
    page.locator("#new-conv").click()
    _ask(page, EN, 0)
    _ask(page, "What else must he do?", 1)
    follow = page.locator(BOT).nth(1).inner_text()
    context.close()
    assert "Not in the corpus" not in follow and "[1]" in follow


def test_upload_ask_remove(browser: Any, app: dict[str, Any], upload_files: tuple[Path, Path]) -> None:
    context, page, errors = _page(browser, app["url"])
    page.get_by_role("tab", name="Documents · 文件").click()
    page.locator("#library").get_by_text("eur-44a25-1").wait_for()
    page.locator("#upload input[type=file]").set_input_files([str(p) for p in upload_files])
    page.locator("#add-docs").click()
    report = page.locator("#upload-report")
    report.get_by_text("The index is up to date").wait_for(timeout=120_000)
    assert "lunar-frequencies.pdf** added" not in report.inner_text()  # rendered, not raw Markdown
    assert "lunar-frequencies.pdf added" in report.inner_text() and "海洋观测.docx added" in report.inner_text()
    library_text = page.locator("#library").inner_text()
    assert "Lunar Frequency Coordination Group" in library_text and "海洋观测" in library_text

    page.get_by_role("tab", name="Ask · 提问").click()
    _ask(page, PDF_QUESTION, 0)
    assert "Lunar Frequency Coordination Group" in page.locator("#cite-panel").inner_text()
    assert "2031" in page.locator(BOT).last.inner_text()

    # Remove it (with confirmation): its clauses are no longer cited.
    page.get_by_role("tab", name="Documents · 文件").click()
    page.locator("#doc-pick input").click()
    page.get_by_role("option", name="Lunar Frequency Coordination Group").first.click()
    page.locator("#preview").get_by_text("March 2031").first.wait_for()
    page.locator("#remove-doc").click()
    page.locator("#confirm-remove").click()
    page.locator("#remove-report").get_by_text("Removed").wait_for(timeout=120_000)
    assert "Lunar Frequency" not in page.locator("#library").inner_text()

    page.get_by_role("tab", name="Ask · 提问").click()
    _ask(page, PDF_QUESTION, 1)
    assert "Lunar Frequency Coordination Group" not in page.locator("#cite-panel").inner_text()
    assert not errors, errors
    context.close()


def test_phone_layout_shows_answer_and_citation_without_horizontal_scroll(browser: Any, app: dict[str, Any]) -> None:
    context, page, errors = _page(browser, app["url"], width=390, height=844)
    page.locator("#new-conv").click()
    _ask(page, EN, 0)
    card = page.locator("#cite-panel .cite-card").first
    card.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for element in (page.locator(BOT).first, card, page.locator("#ask")):
        box = element.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    lines = page.evaluate(
        "(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('#ask'));"
        " return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size; })()"
    )
    assert lines == 1  # "Ask · 提问" on one line
    # The citations come right after the chat, before the examples and the Advanced panel.
    assert card.bounding_box()["y"] < page.locator("#advanced").bounding_box()["y"]
    assert not errors, errors
    context.close()
