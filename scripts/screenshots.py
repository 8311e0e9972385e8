"""Regenerate the README's screenshots of the web UI: desktop, phone (390×844) and the Documents tab.

Starts the app the way `python app.py` does, over a temporary copy of the
bundled corpus (nothing in the project is written but the PNGs), asks the
example question in a real Chromium, opens its first footnote, and saves:

    docs/ui-desktop.png   docs/ui-phone.png   docs/ui-documents.png

Needs Playwright (Python) and a system Chromium (`/usr/bin/chromium` or on PATH).

Usage:
    .venv/bin/python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Who must report to Council?"
FOLLOW_UP = "What else must he do?"
BOT = '#chat [data-testid="bot"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ask(page, question: str, answers_before: int) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        f"document.querySelectorAll('{BOT}').length > {answers_before} && !document.querySelector('#ask').disabled"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    chromium = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    if not chromium:
        print("error: no Chromium (/usr/bin/chromium or chromium on PATH)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="ui-shots-") as tmp:
        shutil.copytree(ROOT / "corpus", Path(tmp) / "corpus")
        os.environ.update(ASSISTANT_HOME=tmp, ASSISTANT_SHOW_PROGRESS="0")
        sys.path.insert(0, str(ROOT))
        from playwright.sync_api import sync_playwright

        from assistant.settings import Settings
        from assistant.ui import serve

        port = _free_port()
        demo = serve(Settings.from_env(), host="127.0.0.1", port=port, prevent_thread_lock=True, quiet=True)
        demo.warmup.wait(300)
        args.out.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
                for name, viewport in (("desktop", (1400, 1000)), ("phone", (390, 844))):
                    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
                    page.set_default_timeout(60_000)
                    page.goto(f"http://127.0.0.1:{port}/")
                    page.locator("#new-conv").click()
                    _ask(page, QUESTION, 0)
                    if name == "desktop":
                        _ask(page, FOLLOW_UP, 1)
                        page.locator(BOT).first.locator('a[href^="#cite-"]').first.click()
                        page.locator("#cite-panel .cite-card.cite-active").wait_for()
                    page.wait_for_timeout(600)  # the smooth scroll to the card
                    path = args.out / f"ui-{name}.png"
                    page.screenshot(path=str(path), full_page=True)
                    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
                    if name == "desktop":
                        page.get_by_role("tab", name="Documents · 文件").click()
                        page.locator("#doc-pick input").click()
                        page.get_by_role("option").first.click()
                        page.locator("#preview").get_by_text("recalling").first.wait_for()
                        path = args.out / "ui-documents.png"
                        page.screenshot(path=str(path), full_page=True)
                        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
                    page.close()
                browser.close()
        finally:
            demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
