#!/usr/bin/env bash
# One command on a fresh machine: virtual environment, CPU torch, the package
# with its dev extras, a browser for the UI test, then the main job: build the
# index of the bundled corpus and answer the example question in both languages.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
# -c keeps torch on the CPU build; see constraints.txt. The milvus extra (Milvus Lite) lets
# scripts/test.sh run the Milvus leg of the tests.
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".[dev,milvus,thesaurus]"

# Chromium + a CJK font for the browser test of the UI (Debian/Ubuntu, as root).
# Skipped elsewhere: that test then skips and says why.
if [ "${ASSISTANT_SKIP_BROWSER:-0}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
      || echo "warning: could not install chromium; the browser test will be skipped" >&2
  else
    echo "note: install chromium and fonts-wqy-microhei to run the browser test of the UI" >&2
  fi
fi

# The main job.
.venv/bin/assistant index
.venv/bin/assistant ask "Who must report to Council?"
.venv/bin/assistant ask "谁必须向理事会报告？"
