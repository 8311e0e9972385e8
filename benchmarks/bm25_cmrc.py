"""BM25 tokenizer variants on the CMRC 2018 dev retrieval set, plus index/query speed.

Indexes passage text only (no titles), scores every query against qrels.tsv and
prints Recall@1/5/10 and MRR@10 per tokenizer variant and (k1, b), then times
the default tokenizer: indexing passages/s and query latency (tokenize + search).
`--replicate K` repeats the corpus K times for the timing part (K=120 gives
~10^5 passages, see the dataset README); quality is always measured at native size.

Usage:
    .venv/bin/python benchmarks/bm25_cmrc.py [--data DIR] [--replicate 120] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.settings import configure_offline_environment

configure_offline_environment()

from assistant.lexical import DEFAULT_B, DEFAULT_K1, BM25Index, tokenize  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("CMRC_DIR", "/work/shared/datasets/cmrc2018_dev"))

Tokenizer = Callable[[str], list[str]]


def _plain_bigrams(text: str) -> list[str]:
    """Bigrams of every character, punctuation included: the README's baseline, to check the scoring here."""
    text = text.lower()
    return [text[i : i + 2] for i in range(len(text) - 1)]


VARIANTS: dict[str, Tokenizer] = {
    "plain char bigrams (README)": _plain_bigrams,
    "jieba words, HMM": lambda t: tokenize(t, cjk_bigrams=False, hmm=True),
    "jieba words": lambda t: tokenize(t, cjk_bigrams=False),
    "char bigrams only": lambda t: tokenize(t, cjk_words=False),
    "jieba HMM + bigrams": lambda t: tokenize(t, hmm=True),
    "jieba + bigrams (default)": tokenize,
}
GRID = [(0.9, 0.4), (1.2, 0.75), (1.5, 0.75), (1.2, 0.5), (1.5, 0.9)]


def load(data: Path) -> tuple[list[str], list[str], list[str], list[str], dict[str, str]]:
    corpus = [json.loads(line) for line in (data / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    queries = [json.loads(line) for line in (data / "queries.jsonl").read_text(encoding="utf-8").splitlines()]
    qrels = dict(line.split("\t") for line in (data / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:])
    return (
        [c["id"] for c in corpus],
        [c["text"] for c in corpus],
        [q["id"] for q in queries],
        [q["text"] for q in queries],
        qrels,
    )


def evaluate(index: BM25Index, doc_ids: list[str], qids: list[str], q_tokens: list[list[str]], qrels: dict) -> dict:
    ranks = []
    for qid, tokens in zip(qids, q_tokens, strict=True):
        hits = [doc_ids[d] for d, _ in index.search(tokens, k=10)]
        ranks.append(hits.index(qrels[qid]) + 1 if qrels[qid] in hits else 0)
    r = np.array(ranks)
    found = r > 0
    return {
        "R@1": float(np.mean(r == 1)),
        "R@5": float(np.mean(found & (r <= 5))),
        "R@10": float(np.mean(found)),
        "MRR@10": float(np.mean(np.where(found, 1.0 / np.maximum(r, 1), 0.0))),
    }


def quality(data: Path, quick: bool) -> None:
    doc_ids, texts, qids, queries, qrels = load(data)
    print(f"CMRC 2018 dev: {len(texts)} passages (text only, no titles), {len(queries)} queries\n")
    print(f"{'variant':28s} {'k1':>4s} {'b':>5s} {'R@1':>6s} {'R@5':>6s} {'R@10':>6s} {'MRR@10':>7s}")
    for name, tok in VARIANTS.items():
        d_tokens = [tok(t) for t in texts]
        q_tokens = [tok(q) for q in queries]
        for k1, b in [(DEFAULT_K1, DEFAULT_B)] if quick else GRID:
            m = evaluate(BM25Index.build(d_tokens, k1=k1, b=b), doc_ids, qids, q_tokens, qrels)
            print(f"{name:28s} {k1:4.1f} {b:5.2f} {m['R@1']:6.3f} {m['R@5']:6.3f} {m['R@10']:6.3f} {m['MRR@10']:7.3f}")
        print()


def speed(data: Path, replicate: int) -> None:
    _, texts, _, queries, _ = load(data)
    tokenize("预热")  # load jieba's dictionary outside the timing
    t0 = time.perf_counter()
    base_tokens = [tokenize(t) for t in texts]
    tok_rate = len(texts) / (time.perf_counter() - t0)
    # Copies share the token lists: tokenizing a copy costs the same as the original
    # (no caching anywhere), and sharing keeps the run's memory to the index itself.
    docs_tokens = base_tokens * replicate
    t1 = time.perf_counter()
    index = BM25Index.build(docs_tokens)
    build_rate = len(docs_tokens) / (time.perf_counter() - t1)
    n = index.n_docs
    print(f"speed, default tokenizer, {n:,} passages (corpus x{replicate}), {index.doc_ids.size:,} postings:")
    print(f"  tokenize           {tok_rate:10,.0f} passages/s (jieba dominates)")
    print(f"  build              {build_rate:10,.0f} passages/s")
    print(f"  tokenize + build   {1 / (1 / tok_rate + 1 / build_rate):10,.0f} passages/s")
    arrays = index.doc_ids.nbytes + index.term_freqs.nbytes + index.weights.nbytes + index.indptr.nbytes
    print(f"  postings arrays {arrays / 2**20:,.0f} MiB, vocabulary {len(index.vocabulary):,} terms")
    lat_search, lat_total = [], []
    for q in queries:
        s0 = time.perf_counter()
        tokens = tokenize(q)
        s1 = time.perf_counter()
        index.search(tokens, k=50)
        s2 = time.perf_counter()
        lat_search.append(s2 - s1)
        lat_total.append(s2 - s0)
    for label, lat in (("search only", lat_search), ("tokenize+search", lat_total)):
        ms = np.array(lat) * 1000
        print(f"  query {label:16s} p50 {np.percentile(ms, 50):6.2f} ms  p95 {np.percentile(ms, 95):6.2f} ms (k=50)")
    print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--replicate", type=int, default=1, help="corpus copies for the timing run (120 ~ 10^5)")
    parser.add_argument("--quick", action="store_true", help="only the default k1/b per variant")
    args = parser.parse_args()
    quality(args.data, args.quick)
    speed(args.data, args.replicate)


if __name__ == "__main__":
    main()
