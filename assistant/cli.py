"""`assistant add | remove | docs | index | chunks | ask | eval | bench-retrieval | serve`: the command line.

Exit codes: 0 answered (or done), 1 error (missing/stale index, corpus problem;
for `add`/`index`: some files were skipped, the rest was indexed), 2 bad input
or arguments, 3 the assistant abstained, 130 interrupted, 141 stdout closed
(`| head`). `assistant.cli_args.EPILOG` says the same in `assistant --help`.

Building a corpus of one's own:

    assistant add --corpus mycorpus reports/ A_RES_78_265_C.pdf   # convert, register, index
    assistant add --corpus mycorpus en.docx --same-as a-res-78-265 # a language version of it
    assistant docs --corpus mycorpus                               # what is in it
    assistant remove --corpus mycorpus a-res-78-265-en             # take one out
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
import warnings
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from assistant import Assistant, QuestionError
from assistant.answering.llm import LLMUnavailableError
from assistant.cli_args import parse_args
from assistant.corpus import MANIFEST_NAME, CorpusError, read_manifest
from assistant.embeddings import EmbeddingModelError
from assistant.fsutil import drop_stdout
from assistant.journal import pending_change
from assistant.retrieval.dictionary import DictionaryUnavailableError
from assistant.schema import Answer, Turn
from assistant.settings import Settings
from assistant.store import AssistantIndexError, IndexCorruptError, IndexLockedError, IndexMissingError, IndexStaleError

if TYPE_CHECKING:  # the ingest package (and its optional readers) loads only for the commands that use it
    from assistant.ingest import FileResult

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT, EXIT_ABSTAINED = 0, 1, 2, 3
EXIT_SKIPPED = EXIT_ERROR  # `add`/`index`: some files could not be read; the others were indexed
EXIT_PIPE_CLOSED = 141  # the reader of stdout closed it (`| head`): 128 + SIGPIPE, as the shell reports it
# `assistant docs`: titles cut to fit one terminal line; removed documents named before "and N more".
DOCS_TITLE_CHARS = 60
LISTED_REMOVED = 5


def format_answer(answer: Answer, width: int = 88) -> str:
    """The answer and its numbered citations, as DESIGN.md shows them."""
    lines = []
    for para in answer.text.split("\n"):
        lines.extend(textwrap.wrap(para, width, break_on_hyphens=False) or [""])
    for n, c in enumerate(answer.citations, start=1):
        lines.append("")
        lines.append(textwrap.fill(f"[{n}] {c.header()}", width, subsequent_indent="    ", break_on_hyphens=False))
        if c.provenance:
            lines.append(f"    ({c.provenance})")
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
        backend=getattr(args, "backend", None),
        show_progress=False if getattr(args, "quiet", False) else None,
    )


def cmd_index(args: argparse.Namespace, out: TextIO) -> int:
    settings = _settings(args)
    results = []
    if not args.no_scan:
        from assistant.ingest import add_files, untracked_files
        from assistant.ingest.limits import IngestLimits

        # Files dropped into the corpus folder are ingested first, as `assistant add` would.
        new = untracked_files(settings.corpus_dir)
        if new:
            results = add_files(
                settings.corpus_dir,
                new,
                max_tokens=settings.max_chunk_tokens,
                limits=IngestLimits.from_settings(settings),
                progress=_reporter(settings),
                lock_wait=settings.lock_wait_seconds,
            )
            _print_results(results, out)
    _update_links(settings, out)
    _build(settings, out)
    return EXIT_SKIPPED if any(not r.ok for r in results) else EXIT_OK


def _build(settings: Settings, out: TextIO) -> None:
    """Build the index (re-embedding only new or changed chunks) and print what it did."""
    assistant = Assistant(settings, progress=_reporter(settings))
    manifest = assistant.build_index(progress=lambda msg: _shown(settings, msg) and print(msg, file=out))
    embedded = manifest.counts["chunks"] - manifest.reused_vectors
    print(
        f"indexed {manifest.counts['chunks']} chunks from {manifest.counts['documents']} documents "
        f"with {manifest.model} (dim {manifest.dim}, {manifest.index_type_note()}) in {manifest.build_seconds:.1f}s; "
        f"{manifest.reused_vectors} vectors reused, {embedded} embedded → {assistant.settings.index_dir} "
        f"[backend: {manifest.backend_note()}]",
        file=out,
    )


def _note(message: str) -> None:
    """Repairs and waits the library reports on the way (stderr, so `--json` output stays clean)."""
    print(message, file=sys.stderr)


def _shown(settings: Settings, message: str) -> bool:
    """`--quiet` (`show_progress` off) drops progress (counts, waits, files read), not `note:`s about repairs."""
    return settings.show_progress or message.startswith("note:")


def _reporter(settings: Settings) -> Callable[[str], None]:
    """`_note`, or with `--quiet` `_note` for the notes only."""
    return _note if settings.show_progress else (lambda message: _shown(settings, message) and _note(message))


def _index_after_change(settings: Settings, out: TextIO, changed: bool, what: str) -> int:
    """Bring the index in step with a corpus that `add`/`remove` just changed (or found unchanged).

    Unchanged files still rebuild an index that is stale, missing, damaged or
    behind an unfinished change. A build refused because another process holds
    the lock for longer than `lock_wait_seconds` says that the corpus change is
    saved and what finishes it.
    """
    try:
        pending = pending_change(settings.corpus_dir)
        if changed or pending is not None:
            if not changed:
                print(f"finishing {pending.describe()}, whose index build did not complete", file=out)
            _build(settings, out)
        else:
            try:
                _ = Assistant(settings, progress=_reporter(settings)).store
            except (IndexMissingError, IndexStaleError, IndexCorruptError) as exc:
                print(f"the index is not up to date ({str(exc).split('. Run')[0]}); rebuilding it", file=out)
                _build(settings, out)
    except IndexLockedError as exc:
        print(
            f"error: {what} is saved in the corpus but not indexed yet: {exc}. "
            "Until then, `assistant ask` and the UI finish the index themselves.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return EXIT_OK


def _update_links(settings: Settings, out: TextIO, focus: Collection[str] | None = None) -> None:
    """Re-align language versions (unchanged pairs are kept) and say what was linked.

    One line per pair that involves a document in `focus` (the ones just
    added), or per pair when there are few; a total line for large corpora.
    """
    from assistant.alignment import update_links

    if not (settings.corpus_dir / MANIFEST_NAME).is_file():
        return
    pairs = update_links(settings.corpus_dir, settings.max_chunk_tokens)
    shown = [p for p in pairs if focus is None or {p.pair.a, p.pair.b} & set(focus)]
    if focus is None and len(shown) > 10:
        shown = []
    for pair in shown:
        print(f"linked    {pair.summary()}", file=out)
    if len(pairs) > len(shown):
        clauses = sum(len(p.links) for p in pairs)
        print(f"linked    {len(pairs)} pairs of language versions in all ({clauses} clauses)", file=out)


def _print_results(results: Sequence[FileResult], out: TextIO) -> None:
    for r in results:
        print(r.describe(), file=out)
        for note in r.notes:
            print(f"          note: {note}", file=out)


def _totals(results: Sequence[FileResult]) -> str:
    counts = {status: sum(r.status == status for r in results) for status in ("added", "updated", "unchanged")}
    skipped = sum(not r.ok for r in results)
    parts = [f"{n} {status}" for status, n in counts.items() if n or status == "added"]
    parts.append(f"{skipped} skipped")
    return ", ".join(parts)


def cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.ingest import FORMATS, CorpusDocumentNotFoundError, add_files
    from assistant.ingest.limits import IngestLimits
    from assistant.ingest.pipeline import IngestInterrupted

    settings = _settings(args)
    paths = [Path(p) for p in args.paths]
    if args.id and len(paths) > 1:
        print("error: --id names one document; give one file with it", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not any(os.path.lexists(p) for p in paths):  # a symlink loop or a FIFO is there: add says what it is
        print(f"error: no such file or folder: {', '.join(map(str, paths))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        results = add_files(
            settings.corpus_dir,
            paths,
            same_as=args.same_as or "",
            kind=args.kind,
            language=args.language,
            note=args.note or "",
            title=args.title or "",
            doc_id=args.id or "",
            max_tokens=settings.max_chunk_tokens,
            limits=IngestLimits.from_settings(settings),
            progress=_reporter(settings),
            lock_wait=settings.lock_wait_seconds,
        )
    except CorpusDocumentNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except IngestInterrupted as exc:
        _print_results(exc.results, out)
        saved = sum(r.status in ("added", "updated") for r in exc.results)
        print(
            f"interrupted: the {saved} file(s) read before Ctrl-C are saved in the corpus; "
            "their index is built by the next `assistant index`, `assistant ask` or UI start",
            file=sys.stderr,
        )
        return 130
    _print_results(results, out)
    if not results:
        print(f"no supported files ({', '.join(sorted(FORMATS))}) in {', '.join(map(str, paths))}", file=out)
    changed = any(r.status in ("added", "updated") for r in results)
    print(_totals(results), file=out)
    if changed:
        _update_links(settings, out, focus={r.doc_id for r in results if r.status in ("added", "updated")})
    if args.no_index:
        if changed:
            print("index not rebuilt (--no-index); run `assistant index` before asking", file=out)
    elif results and _index_after_change(settings, out, changed, "the added documents' change") != EXIT_OK:
        return EXIT_ERROR
    return EXIT_OK if all(r.ok for r in results) and results else EXIT_SKIPPED


def cmd_remove(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.ingest import CorpusDocumentNotFoundError, remove_document

    settings = _settings(args)
    try:
        removed = remove_document(
            settings.corpus_dir, args.doc_id, delete_text=not args.keep_text, lock_wait=settings.lock_wait_seconds
        )
    except CorpusDocumentNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    what = f"text {removed.deleted_file.name} deleted" if removed.deleted_file else f"{removed.info.path} kept"
    print(f"removed   {removed.info.id} ({what})", file=out)
    for other in removed.unlinked:
        print(f"          {other} is no longer marked as its language version", file=out)
    _update_links(settings, out, focus=[removed.info.id, *removed.unlinked])
    if args.no_index:
        print("index not rebuilt (--no-index); run `assistant index` before asking", file=out)
    elif (settings.corpus_dir / MANIFEST_NAME).is_file():
        # The last document too: an empty index replaces the one that still holds its clauses, and the
        # journal's record is cleared (left, the next `ask` said the removal's build "did not complete").
        if not read_manifest(settings.corpus_dir):
            print("the corpus is now empty; so is its index", file=out)
        return _index_after_change(settings, out, True, f"the removal of {removed.info.id}")
    return EXIT_OK


def cmd_docs(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.alignment import ParallelIndex, find_pairs

    settings = _settings(args)
    infos = read_manifest(settings.corpus_dir)
    pairs = find_pairs(infos)
    flagged = _flagged_passages(settings)
    parallel: dict[str, list[str]] = {}
    for pair in pairs:
        parallel.setdefault(pair.a, []).append(pair.b)
        parallel.setdefault(pair.b, []).append(pair.a)
    if args.json:
        links = ParallelIndex.load(settings.corpus_dir)
        for info in infos:
            data = {**info.to_dict(), "page_count": len(info.pages), "parallel": parallel.get(info.id, [])}
            data["linked_clauses"] = len(links.links(info.id))
            data["provenance"] = info.provenance()
            data["flagged_passages"] = flagged.get(info.id, [])
            print(json.dumps(data, ensure_ascii=False), file=out)
        return EXIT_OK
    width = min(40, max([len(i.id) for i in infos] + [2]))
    print(f"{'ID':{width}}  LANG  KIND        PAGES  {'DOC NUMBER':14}  TITLE", file=out)
    for info in infos:
        title = info.title(info.language).replace("\n", " ")
        title = title if len(title) <= DOCS_TITLE_CHARS else title[: DOCS_TITLE_CHARS - 1] + "…"
        pages = str(len(info.pages)) if info.pages else "-"
        number = info.doc_number or "-"
        print(f"{info.id:{width}}  {info.language:4}  {info.kind:10}  {pages:>5}  {number:14}  {title}", file=out)
        details = []
        if parallel.get(info.id):
            details.append("⇄ " + ", ".join(parallel[info.id]))
        if flagged.get(info.id):
            n = len(flagged[info.id])
            details.append(
                f"⚠ {n} passage{'s' if n != 1 else ''} read{'' if n != 1 else 's'} as instructions to an AI "
                f"(never used as an answer): {', '.join(flagged[info.id][:3])}"
            )
        if args.long:
            details.append(info.provenance())
            details.append(f"source: {info.source_path or info.path}")
            if info.checksum:
                details.append(info.checksum[:19] + "…")
            if info.note:
                details.append(f"note: {info.note}")
        if details:
            print(f"{'':{width}}  " + " · ".join(details), file=out)
    langs = {lang: sum(i.language == lang for i in infos) for lang in ("zh", "en")}
    print(
        f"{len(infos)} documents ({langs['zh']} zh, {langs['en']} en); "
        f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''} of language versions",
        file=out,
    )
    from assistant.ingest.pipeline import removed_documents

    removed = removed_documents(settings.corpus_dir)
    if removed:
        names = ", ".join(f"{t['id']} ({t.get('source_path') or t.get('path')})" for t in removed[:LISTED_REMOVED])
        more = f" and {len(removed) - LISTED_REMOVED} more" if len(removed) > LISTED_REMOVED else ""
        print(f"removed (stay out until you `assistant add` their file again): {names}{more}", file=out)
    return EXIT_OK


def _flagged_passages(settings: Settings) -> dict[str, list[str]]:
    """Chunk ids per document whose text reads as an instruction to an AI (see `assistant.safety`)."""
    from assistant.chunking import chunk_document
    from assistant.corpus import load_corpus

    found: dict[str, list[str]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # `docs` lists documents; `chunks` is where chunking warnings are shown
        for doc in load_corpus(settings.corpus_dir):
            ids = [c.id for c in chunk_document(doc, settings.max_chunk_tokens) if c.flags]
            if ids:
                found[doc.id] = ids
    return found


def cmd_chunks(args: argparse.Namespace, out: TextIO) -> int:
    assistant = Assistant(_settings(args))
    if args.doc and args.doc not in assistant.documents:
        print(
            f"error: no document {args.doc!r} in {assistant.settings.corpus_dir} (see `assistant docs`)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = assistant.chunks()
    if args.doc:  # before, only the table honoured --doc and `--json` printed every document's chunks
        chunks = [c for c in chunks if c.doc_id == args.doc]
    if args.json:
        for c in chunks:
            print(json.dumps(c.to_dict(), ensure_ascii=False), file=out)
        return EXIT_OK
    print(f"{'id':58} {'kind':11} {'tok':>4}  section · clause / text", file=out)
    for c in chunks:
        text = c.text.replace("\n", " ")
        flag = f"  ⚠ {c.flags} (instruction-like; never an answer)" if c.flags else ""
        print(f"{c.id:58} {c.kind:11} {c.tokens:4}  {c.display_label()}{flag}", file=out)
        print(f"{'':76}{text[:60]}{'…' if len(text) > 60 else ''}", file=out)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    return EXIT_OK


_CONVERSATION_TURNS = 5  # earlier turns kept for follow-ups in an interactive session
# Batch mode reports the worst outcome of all its questions: a bad line outranks an abstention.
_SEVERITY = {EXIT_OK: 0, EXIT_ABSTAINED: 1, EXIT_BAD_INPUT: 2, EXIT_ERROR: 3}


def cmd_ask(args: argparse.Namespace, out: TextIO) -> int:
    settings = _settings(args)
    assistant = Assistant(settings, build=args.build, progress=_reporter(settings))
    if args.question:
        return _ask_one(assistant, " ".join(args.question), args, out)
    status = EXIT_OK
    interactive = sys.stdin.isatty()
    # At a terminal the questions are a conversation ("What else must he do?" follows the turn
    # before); piped questions stay independent, one answer per line.
    history: list[Turn] | None = [] if interactive else None
    number = 0
    while True:
        if interactive:
            print("? ", end="", file=out, flush=True)
        line = sys.stdin.readline()
        if not line:
            break
        number += 1
        if line.strip():
            code = _ask_one(
                assistant, line.strip(), args, out, where="" if interactive else f"line {number}: ", history=history
            )
            status = max(status, code, key=_SEVERITY.__getitem__)
            if interactive or not args.json:  # piped `--json` is JSON Lines: one answer per line, nothing between
                print(file=out)
    return status


def _ask_one(
    assistant: Assistant,
    question: str,
    args: argparse.Namespace,
    out: TextIO,
    where: str = "",
    history: list[Turn] | None = None,
) -> int:
    try:
        # -k goes to `ask` itself: without it the answerer weighs `answer_candidates` chunks, not `top_k`.
        answer = assistant.ask(question, k=args.k, use_llm=True if args.llm else None, history=history or ())
    except QuestionError as exc:
        print(f"error: {where}{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if history is not None:
        history.append(Turn(question, answer))
        del history[:-_CONVERSATION_TURNS]
    if args.json:
        # A question read from a pipe (`where` names its line) prints one compact line, for a JSON Lines reader.
        indent = None if where else 2
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=indent), file=out)
    else:
        print(format_answer(answer), file=out)
    return EXIT_ABSTAINED if answer.abstained else EXIT_OK


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.evaluation import main as eval_main

    return eval_main(args.eval_args)


def cmd_bench_retrieval(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.benchmarking import bench_retrieval, write_bench
    from assistant.evaluation import SuiteError, load_beir_files

    corpus = Path(args.corpus)
    if corpus.is_dir():
        queries = Path(args.queries) if args.queries else corpus / "queries.jsonl"
        qrels = Path(args.qrels) if args.qrels else corpus / "qrels.tsv"
        corpus = corpus / "corpus.jsonl"
    elif not (args.queries and args.qrels):
        print("error: give --queries and --qrels with a corpus file (or --corpus DIR in BEIR layout)", file=sys.stderr)
        return EXIT_BAD_INPUT
    else:
        queries, qrels = Path(args.queries), Path(args.qrels)
    chosen: dict[str, object] = {}
    for item in args.set or []:
        key, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError(item)
            chosen[key] = Settings.parse_field(key, value)
        except ValueError:
            print(
                f"error: --set {item!r}: expected FIELD=VALUE with a Settings field, e.g. fusion=rrf", file=sys.stderr
            )
            return EXIT_BAD_INPUT
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in ("hybrid", "dense", "bm25")]
    if bad or not modes:
        print(f"error: --modes takes hybrid, dense and bm25, got {args.modes!r}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        data = load_beir_files(corpus, queries, qrels, limit_queries=args.limit_queries)
    except SuiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    # --set wins over the environment ("auto" included), --model and --index-type over both.
    settings = replace(Settings.from_env(), **chosen).with_(
        embedding_model=args.model, index_type=args.index_type, show_progress=False if args.quiet else None
    )
    name = args.name or f"{corpus.stem}-{queries.stem}"
    bench = bench_retrieval(
        data,
        modes=modes,
        settings=settings,
        work_dir=Path(args.work_dir) if args.work_dir else None,
        language=args.language,
        name=name,
        progress=_reporter(settings),
    )
    json_path, md_path = write_bench(bench, Path(args.out), name)
    print(bench.table(), file=out)
    print(f"\nwrote {json_path} and {md_path}", file=out)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from assistant.ui import serve

    serve(_settings(args), host=args.host, port=args.port, read_only=args.read_only or None)
    return EXIT_OK


# What each subcommand runs (its flags are in `assistant.cli_args`).
COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "index": cmd_index,
    "add": cmd_add,
    "remove": cmd_remove,
    "docs": cmd_docs,
    "chunks": cmd_chunks,
    "ask": cmd_ask,
    "eval": cmd_eval,
    "bench-retrieval": cmd_bench_retrieval,
    "serve": cmd_serve,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["eval"]:
        # The eval runner owns its options; argparse's REMAINDER would reject "--suite".
        from assistant.evaluation import main as eval_main

        return eval_main(argv[1:])
    args = parse_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        return _run_command(args, out)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: object = None,
) -> None:
    """A warning as one `warning: …` line on stderr, not Python's `path.py:42: ChunkingWarning: …` and source line."""
    print(f"warning: {message}", file=sys.stderr)


def _run_command(args: argparse.Namespace, out: TextIO) -> int:
    try:
        return COMMANDS[args.command](args, out)
    except (
        AssistantIndexError,
        CorpusError,
        EmbeddingModelError,
        DictionaryUnavailableError,
        LLMUnavailableError,  # `ask --llm` with no LLM configured, or without its package
    ) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `assistant chunks | head`: the reader has what it wants; no message, no traceback
        if out is sys.stdout:
            drop_stdout()
        return EXIT_PIPE_CLOSED
    except OSError as exc:  # an index folder that is a file, a full disk, no permission: say where, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
