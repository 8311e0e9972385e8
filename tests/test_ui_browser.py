"""The UI in a real Chromium: type the examples, read the answers, follow a footnote to its citation.

Runs the app in-process on a free local port. Needs Playwright (Python) and a
system Chromium (`/usr/bin/chromium` or `chromium` on PATH); Playwright's own
browser download is not used. `UPDATE_SCREENSHOT=1` also writes docs/ui.png.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    # gradio's queue uses pandas options that pandas 3 deprecates; not ours to fix.
    pytest.mark.filterwarnings("ignore:::gradio.queueing"),
]

ROOT = Path(__file__).resolve().parent.parent
EN, ZH = "Who must report to Council?", "谁必须向理事会报告？"
CLAUSE = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 20_000


def _chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant import Assistant
    from assistant.settings import Settings
    from assistant.ui import build_ui, launch_options

    assistant = Assistant(Settings.from_env(index_dir=tmp_path_factory.mktemp("index")), build=True)
    _ = assistant.retriever  # index loaded before the server starts, as serve() does
    demo = build_ui(assistant)
    demo.queue(default_concurrency_limit=4)
    port = _free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options())
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
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


def test_ask_examples_and_follow_footnote(browser: object, app_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)

    box = page.locator("#question textarea")
    bot = page.locator('#chat [data-testid="bot"]')
    panel = page.locator("#cite-panel")

    # English example.
    box.fill(EN)
    box.press("Enter")
    bot.first.wait_for()
    panel.locator(".cite-card").first.wait_for()
    answer = bot.first.inner_text()
    assert "Secretary-General" in answer and "[1]" in answer
    assert CLAUSE in panel.inner_text()
    assert CLAUSE in panel.locator(".cite-context mark").first.inner_text()
    assert "Traceback" not in page.content()

    # The footnote marker shows (and highlights) its citation card, without leaving the page.
    bot.first.locator('a[href^="#cite-"]').first.click()
    page.locator("#cite-panel .cite-card.cite-active").wait_for()
    assert page.url.rstrip("/") == app_url.rstrip("/")

    shot = tmp_path / "ui.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        target = ROOT / "docs" / "ui.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)

    # Chinese example: a second answer, and the panel switches to its citations.
    box.fill(ZH)
    box.press("Enter")
    page.wait_for_function(
        "document.querySelectorAll('#chat [data-testid=\"bot\"]').length >= 2"
        " && document.querySelector('#cite-panel [id^=\"cite-3-\"]') !== null"
    )
    answer_zh = bot.nth(1).inner_text()
    assert "秘书长" in answer_zh and "[1]" in answer_zh
    assert CLAUSE in panel.inner_text()

    # Clicking the first answer's footnote brings its citations back into the panel.
    bot.first.locator('a[href^="#cite-"]').first.click()
    page.locator("#cite-1-1.cite-active").wait_for()
    page.screenshot(path=str(tmp_path / "ui-zh.png"), full_page=True)
    assert not errors, errors
    page.close()
