"""`python -m assistant` is the `assistant` command."""

from __future__ import annotations

import subprocess
import sys


def test_python_m_assistant_runs_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    for command in ("index", "add", "remove", "docs", "chunks", "ask", "eval", "bench-retrieval", "serve"):
        assert command in done.stdout
    bad = subprocess.run([sys.executable, "-m", "assistant", "nonsense"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
