"""Fusing dense and BM25 rankings: normalised scores with language-aware weights, or RRF.

Reciprocal rank fusion with fixed weights averages a strong signal with one
that is noise across scripts: an English question shares almost no tokens with
a Chinese clause, yet its BM25 rank counted 1.5×. Score fusion instead
normalises each retriever's scores per query and weighs BM25 by where its
evidence comes from: for a chunk in the question's own language, the
question's words; for a chunk in the other language, only their translations,
so that weight shrinks with the share of the question that found one
(`coverage`). BM25 scores of the two language groups are normalised apart,
since translated matches score on another scale than direct ones. When no
candidate is in the question's language, the cross weight no longer decides
between languages, only between BM25 and dense, and `lexical_cross_only`
(smaller) replaces it.

Example:
    >>> fuse_scores([(0, 0.9), (1, 0.8)], [(1, 7.0)], same_language=lambda row: True,
    ...             weights=FusionWeights(method="max"))[0][0]
    1
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

FusionMethod = Literal["ideal", "zscore", "minmax", "max", "rrf"]
Ranking = Sequence[tuple[int, float]]


@dataclass(frozen=True)
class FusionWeights:
    """Weights of score fusion; chosen on the dev sets (docs/benchmarks.md has the numbers)."""

    method: FusionMethod = "max"
    dense: float = 1.0
    lexical_same: float = 1.5  # BM25 on chunks in the question's language
    lexical_cross: float = 2.5  # BM25 on chunks in the other language, times translation coverage
    # `lexical_cross` when every candidate is in the other language (None: the same). With both
    # languages among the candidates that weight sets which language wins; with one it only sets BM25
    # against dense, and dense then deserves more (an English question over a Chinese-only corpus).
    lexical_cross_only: float | None = None
    rrf_k: int = 60
    # Dense's top-1 in the question's language climbs past the other-language candidates directly
    # ahead of it that dense ranks beyond this (None: off); see `lift_nearest`.
    dense_lift: int | None = None
    # With `dense_lift`: an other-language candidate whose translated match is generic (the specific
    # share of the question it matches through translations, `LexicalQuery.specific_share`, is below
    # this) is passed too, however near dense ranks it (None: off).
    generic_lift: float | None = None

    def __post_init__(self) -> None:
        if self.dense_lift is not None and self.dense_lift < 1:
            raise ValueError(f"dense_lift must be a dense rank of at least 1 or None, got {self.dense_lift!r}")
        if self.generic_lift is not None and not 0 < self.generic_lift <= 1:
            raise ValueError(f"generic_lift must be a share in (0, 1] or None, got {self.generic_lift!r}")


def normalise(scores: np.ndarray, method: FusionMethod) -> np.ndarray:
    """Scores of one retriever for one query mapped to a common scale.

    `max` divides by the best score (0 stays 0);
    `minmax` maps to [0, 1]; `zscore` centres on the mean in units of spread.

    Example:
        >>> normalise(np.array([2.0, 1.0, 0.0]), "max").tolist()
        [1.0, 0.5, 0.0]
    """
    if scores.size == 0:
        return scores
    if method in ("max", "ideal"):  # "ideal" without a known ideal score falls back to the best one
        top = float(scores.max())
        return scores / top if top > 0 else np.zeros_like(scores)
    if method == "minmax":
        lo, hi = float(scores.min()), float(scores.max())
        return (scores - lo) / (hi - lo) if hi > lo else np.ones_like(scores)
    if method == "zscore":
        std = float(scores.std())
        return (scores - scores.mean()) / std if std > 0 else np.zeros_like(scores)
    raise ValueError(f"unknown normalisation {method!r}; use one of zscore, minmax, max")


def reciprocal_rank_fusion(
    rankings: dict[str, list[tuple[int, float]]], weights: dict[str, float], rrf_k: int = 60
) -> list[tuple[int, float]]:
    """Fuse ranked (row, score) lists: score = Σ weight / (rrf_k + rank), rank from 1."""
    fused: dict[int, float] = {}
    for name, ranking in rankings.items():
        w = weights.get(name, 1.0)
        for rank, (row, _) in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + w / (rrf_k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def _normalised(ranking: Ranking, method: FusionMethod) -> dict[int, float]:
    if not ranking:
        return {}
    rows = [r for r, _ in ranking]
    return dict(zip(rows, normalise(np.array([s for _, s in ranking], dtype=np.float64), method).tolist(), strict=True))


def _scaled(ranking: Ranking, scale: float) -> dict[int, float]:
    return {r: (s / scale if scale > 0 else 0.0) for r, s in ranking}


def lift_nearest(
    fused: Ranking,
    dense: Ranking,
    beyond: int,
    same_language: Callable[[int], bool],
    generic: Callable[[int], bool] | None = None,
) -> list[tuple[int, float]]:
    """`fused` with dense's top-1, when in the question's language, moved up past the candidates
    directly ahead of it that are in the other language and that dense ranks beyond `beyond` (or not
    at all), or that `generic` says were matched only through translations of generic words. It
    stops below the first candidate it may not pass and takes the score of the last one it passes,
    so scores stay best first.

    Every content word of a question finds some translation, generic ones too (countries → 成员国,
    help → 助力), so the cross-language BM25 weight (× coverage) stays high while a clause matched
    only through them is one dense sees no relation to; with max-normalised cosines compressed near 1
    it can still bury the clause nearest in meaning. Same-language candidates, and other-language ones
    dense also ranks near and that share specific words with the question, keep their places:
    monolingual sets and all-other-language corpora are unchanged.

    Example:
        >>> lift_nearest([(5, 2.0), (6, 1.5), (0, 1.0)], [(0, 0.3), (5, 0.1)], 1, lambda row: row == 0)
        [(0, 2.0), (5, 2.0), (6, 1.5)]
    """
    out = list(fused)
    if not dense or not same_language(dense[0][0]):
        return out
    dense_rank = {row: rank for rank, (row, _) in enumerate(dense, start=1)}
    nearest = dense[0][0]
    pos = next((i for i, (row, _) in enumerate(out) if row == nearest), None)
    if pos is None:
        return out
    target = pos
    while target > 0:
        ahead = out[target - 1][0]
        near = dense_rank.get(ahead, len(dense) + 1) <= beyond
        if same_language(ahead) or (near and not (generic is not None and generic(ahead))):
            break
        target -= 1
    if target < pos:
        out.insert(target, (nearest, out[target][1]))
        del out[pos + 1]
    return out


def fuse_scores(
    dense: Ranking,
    lexical: Ranking,
    *,
    same_language: Callable[[int], bool],
    weights: FusionWeights = FusionWeights(),
    coverage: float = 1.0,
    ideal: tuple[float, float] | None = None,
    generic: Callable[[int], bool] | None = None,
) -> list[tuple[int, float]]:
    """Rows of every candidate with their fused score, best first (ties to the lower row).

    A candidate missing from the dense ranking gets its lowest normalised
    score, the best guess without scoring it; one missing from BM25 scores 0
    there (it holds no query term). Method `ideal` divides BM25 scores by
    `ideal` = (the query's own words' ideal score, its translations' ideal
    score), see `BM25Index.ideal_score`. With method `rrf` the ranks are fused
    instead (dense weight and same-language BM25 weight, no language split).
    With `weights.dense_lift` set, the dense top-1 is then lifted (`lift_nearest`), past the
    candidates `generic` names as well.
    Dense rankings are expected best first, as the backends return them.
    """
    if weights.method == "rrf":
        rankings = {"dense": list(dense), "bm25": list(lexical)}
        fused = reciprocal_rank_fusion(rankings, {"dense": weights.dense, "bm25": weights.lexical_same}, weights.rrf_k)
    else:
        fused = _fused_by_score(dense, lexical, same_language, weights, coverage, ideal)
    if weights.dense_lift is None:
        return fused
    return lift_nearest(fused, dense, weights.dense_lift, same_language, generic)


def _fused_by_score(
    dense: Ranking,
    lexical: Ranking,
    same_language: Callable[[int], bool],
    weights: FusionWeights,
    coverage: float,
    ideal: tuple[float, float] | None,
) -> list[tuple[int, float]]:
    same = [(r, s) for r, s in lexical if same_language(r)]
    cross = [(r, s) for r, s in lexical if not same_language(r)]
    cross_weight = weights.lexical_cross
    if weights.lexical_cross_only is not None and not same and not any(same_language(r) for r, _ in dense):
        cross_weight = weights.lexical_cross_only
    # A question most of whose words found a translation (UN vocabulary, glossary terms) is matched
    # well by cross-language BM25; one full of names with no translation (most of XQuAD's) is not.
    cross_weight *= coverage
    if weights.method == "ideal" and ideal is not None:
        lexical_parts = [_scaled(same, ideal[0]), _scaled(cross, ideal[1])]
    else:
        lexical_parts = [_normalised(same, weights.method), _normalised(cross, weights.method)]
    dense_scores = _normalised(dense, "max" if weights.method == "ideal" else weights.method)
    parts = [
        (dense_scores, weights.dense, True),
        (lexical_parts[0], weights.lexical_same, False),
        (lexical_parts[1], cross_weight, False),
    ]
    candidates = sorted({r for r, _ in dense} | {r for r, _ in lexical})
    fused: dict[int, float] = dict.fromkeys(candidates, 0.0)
    for scores, weight, is_dense in parts:
        if not scores or weight == 0:
            continue
        floor = min(scores.values()) if is_dense or weights.method == "zscore" else 0.0
        for row in candidates:
            fused[row] += weight * scores.get(row, floor)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def sentence_boost(fused: Ranking, gains: dict[int, float], weight: float, scale: float) -> list[tuple[int, float]]:
    """`fused` with each row in `gains` raised by `weight` × its gain / `scale`, best first again (ties to the
    lower row).

    A gain is how much nearer in meaning a chunk's best sentence is to the question than the chunk's whole
    text (cosine, ≥ 0; `retrieval.sentences`); `scale` is what the dense part of the fusion divided cosines
    by (the best dense score under `max`), so a weight of 1 scores the chunk as if dense had seen its best
    sentence instead of its paragraph, and more than 1 lets a single sentence count for more.

    The rows in `gains` (those re-scored: chunks of several sentences) keep their fused order among
    themselves; a gain lifts a row only past rows that were not re-scored. What a gain corrects is the
    dilution of a paragraph's vector against chunks of one sentence (the draft's clauses, a title), which
    every paragraph shares; between two paragraphs one sentence near the question would outweigh the
    whole of each (on dev, "In which spaces … are rights to be upheld?" lost body/4, which says offline and
    online, to body/6, whose one sentence names human rights): a re-scored row's score is capped at that of
    the re-scored row fused ahead of it.

    Example:
        >>> sentence_boost([(0, 2.0), (1, 1.8)], {1: 0.2}, 2.0, 1.0)
        [(1, 2.2), (0, 2.0)]
        >>> sentence_boost([(0, 2.0), (1, 1.8), (2, 1.0)], {1: 0.5, 2: 1.5}, 1.0, 1.0)
        [(1, 2.3), (2, 2.3), (0, 2.0)]
    """
    if weight <= 0 or scale <= 0 or not gains:
        return list(fused)
    out = []
    cap = float("inf")  # a re-scored row scores at most what the re-scored row ahead of it does
    for row, score in fused:
        boosted = score + weight * max(gains.get(row, 0.0), 0.0) / scale
        if row in gains:
            boosted = cap = min(boosted, cap)
        out.append((row, boosted))
    ranked = sorted(out, key=lambda kv: (-kv[1], kv[0]))
    # Ties among re-scored rows go to the one fused ahead, not to the lower row.
    rescored = iter([row for row, _ in fused if row in gains])
    return [(next(rescored), score) if row in gains else (row, score) for row, score in ranked]


def dense_scale(dense: Ranking, method: FusionMethod) -> float:
    """What `fuse_scores` divides a cosine difference by in the dense part under `method` (0: none, as for
    `rrf`, which fuses ranks): the best score for `max` / `ideal`, the range for `minmax`, the spread for
    `zscore`.

    Example:
        >>> dense_scale([(0, 0.8), (1, 0.4)], "max"), dense_scale([(0, 0.8), (1, 0.4)], "rrf")
        (0.8, 0.0)
    """
    if not dense or method == "rrf":
        return 0.0
    scores = np.array([s for _, s in dense], dtype=np.float64)
    if method in ("max", "ideal"):
        return max(float(scores.max()), 0.0)
    if method == "minmax":
        return float(scores.max() - scores.min())
    return float(scores.std())
