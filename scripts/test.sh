#!/usr/bin/env bash
# The test command: the whole test suite, then the gold eval suite with the
# thresholds CI enforces (eval/thresholds.txt). Fails on any failure,
# including "no tests collected" (pytest exit 5).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
# The same suite again on the Milvus backend (Milvus Lite, a file under each test's index folder):
# every test that builds or reads an index then goes through Milvus, including the reliability
# tests (killed add/index, concurrent clients) and langchain-tests' standard retriever suite.
# The real-browser UI test is left to the first leg: it drives the same handlers tests/ui runs on
# both backends, and adds two minutes of Chromium waits that only measure the machine's load.
.venv/bin/python -m pytest --backend milvus -q --deselect tests/ui/test_browser.py
mins=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  mins+=(--min "$line")
done < eval/thresholds.txt
.venv/bin/assistant eval --suite eval/gold/qa.jsonl --modes hybrid,dense,bm25 \
  --baseline eval/reports/baseline.json --max latency_p95_s=0.5 "${mins[@]}"
