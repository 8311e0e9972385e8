"""`python -m assistant.evaluation` is `assistant eval`."""

from __future__ import annotations

import subprocess
import sys


def test_module_runs_the_eval_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.evaluation", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and "--suite" in done.stdout and "--min" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "assistant.evaluation", "--modes", "sparse"], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 2 and "--modes must be a comma-separated subset" in bad.stderr
