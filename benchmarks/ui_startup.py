"""Web UI start-up: from `python app.py` to the first responding page, and to the first answer.

Each run starts `python app.py --port P` as a new process (imports, Gradio,
the background index load all counted) with the index built beforehand into
a temp folder and a temp data folder, so the project's own folders are not
touched. The parent polls the page until it answers (HTTP 200 on `/` and on
`/config`, what the browser fetches first), then asks the example question
through the app's `/ask` API with `gradio_client` (imported before the clock
starts) and stops the clock when the answer is back.

Target: a page that responds within 5 s of `python app.py` on the bundled corpus.

Usage:
    .venv/bin/python benchmarks/ui_startup.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT, CpuMonitor, print_table, write_results

TARGET_PAGE_S = 5.0
QUESTION = "Who must report to Council?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def one_run(env: dict[str, str]) -> dict[str, float]:
    from gradio_client import Client

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not (_ok(url) and _ok(url + "config")):
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {proc.returncode}")
            if time.perf_counter() - t0 > 300:
                raise TimeoutError("no page after 300 s")
            time.sleep(0.05)
        page_s = time.perf_counter() - t0
        _, _, panel = Client(url, verbose=False).predict(QUESTION, [], 5, "hybrid", [], False, api_name="/ask")
        answer_s = time.perf_counter() - t0
        if "cite-card" not in panel:
            raise RuntimeError(f"the first answer cites nothing: {panel[:300]!r}")
        return {"page_s": page_s, "first_answer_s": answer_s}
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ui-startup-") as tmp:
        env = {
            **os.environ,
            "ASSISTANT_INDEX_DIR": str(Path(tmp) / "index"),
            "ASSISTANT_DATA_DIR": str(Path(tmp) / "data"),
            "ASSISTANT_SHOW_PROGRESS": "0",
        }
        subprocess.run([sys.executable, "-m", "assistant.cli", "index", "--no-scan"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        monitor = CpuMonitor().start()
        runs = [one_run(env) for _ in range(args.runs)]
        busy = monitor.stop()
    page = statistics.median(r["page_s"] for r in runs)
    answer = statistics.median(r["first_answer_s"] for r in runs)
    rows = [[i + 1, r["page_s"], r["first_answer_s"]] for i, r in enumerate(runs)]
    rows.append(["median", page, answer])
    title = f"python app.py → page / first answer (others busy: {busy} cores)"
    print_table(["run", "page s", "first answer s"], rows, title=title)
    print(f"\npage within {TARGET_PAGE_S:.0f} s: {'PASS' if page < TARGET_PAGE_S else 'FAIL'} ({page:.2f} s)")
    write_results(
        "ui_startup",
        {"runs": runs, "median_page_s": page, "median_first_answer_s": answer, "target_page_s": TARGET_PAGE_S,
         "others_busy_cores": busy, "question": QUESTION},
    )  # fmt: skip


if __name__ == "__main__":
    main()
