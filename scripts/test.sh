#!/usr/bin/env bash
# The test command: the whole test suite, then the gold eval suite with the
# thresholds CI enforces (eval/thresholds.txt). Fails on any failure,
# including "no tests collected" (pytest exit 5).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
# The Milvus leg (Milvus Lite): the representative subset that goes through the index backend —
# API, CLI, retrieval (with langchain-tests' standard retriever suite), reliability (killed add/index,
# concurrent clients), journal, VectorStore, and the builder's rebuild policy (tests/index/test_builder.py
# takes the backend under test). The rest of tests/index runs both backends in the leg above.
.venv/bin/python -m pytest --backend milvus -q tests/test_api.py tests/test_cli.py tests/retrieval/test_retriever.py \
  tests/test_reliability.py tests/test_journal.py tests/ingest/test_cli_ingest.py tests/test_vectorstore.py \
  tests/index/test_builder.py
mins=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  mins+=(--min "$line")
done < eval/thresholds.txt
.venv/bin/assistant eval --suite eval/gold/qa.jsonl --modes hybrid,dense,bm25 \
  --baseline eval/reports/baseline.json --max latency_p95_s=0.5 "${mins[@]}"
