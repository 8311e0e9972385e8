"""Score fusion: normalisation, the language split, coverage, and RRF as an option."""

import numpy as np
import pytest

from assistant.retrieval.fusion import FusionWeights, fuse_scores, normalise, reciprocal_rank_fusion


@pytest.mark.parametrize(
    ("method", "expected"),
    [("max", [1.0, 0.5, 0.0]), ("minmax", [1.0, 0.5, 0.0]), ("zscore", [1.2247, 0.0, -1.2247])],
)
def test_normalise(method, expected):
    assert np.round(normalise(np.array([2.0, 1.0, 0.0]), method), 4).tolist() == expected


def test_normalise_rejects_unknown_methods():
    with pytest.raises(ValueError, match="unknown normalisation"):
        normalise(np.array([1.0]), "rank")


def test_agreement_wins():
    fused = fuse_scores([(1, 0.9), (2, 0.85)], [(2, 9.0), (3, 8.0)], same_language=lambda r: True)
    assert fused[0][0] == 2
    assert {r for r, _ in fused} == {1, 2, 3}


def test_cross_language_bm25_counts_by_its_own_weight_and_the_translation_coverage():
    dense = [(1, 0.50), (2, 0.49)]
    lexical = [(2, 3.0)]  # chunk 2 is in the other language, matched through translations
    same = lambda row: False  # noqa: E731
    w = FusionWeights(lexical_cross=1.0)
    assert fuse_scores(dense, lexical, same_language=same, weights=w, coverage=1.0)[0][0] == 2
    assert fuse_scores(dense, lexical, same_language=same, weights=w, coverage=0.0)[0][0] == 1
    off = FusionWeights(lexical_cross=0.0)
    assert fuse_scores(dense, lexical, same_language=same, weights=off, coverage=1.0)[0][0] == 1


def test_languages_are_normalised_apart():
    # Direct matches score on another scale than translated ones: each group's best gets 1.0.
    lexical = [(1, 20.0), (2, 2.0)]
    fused = dict(
        fuse_scores([], lexical, same_language=lambda r: r == 1, weights=FusionWeights(lexical_same=1, lexical_cross=1))
    )
    assert fused[1] == pytest.approx(fused[2])


def test_rrf_is_a_setting():
    fused = fuse_scores([(1, 0.9)], [(2, 9.0)], same_language=lambda r: True, weights=FusionWeights(method="rrf"))
    assert [r for r, _ in fused] == [2, 1]  # BM25 weighs 1.5 by default


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion({"dense": [(1, 0.9), (2, 0.8)], "bm25": [(2, 9.0), (3, 8.0)]}, {}, rrf_k=60)
    assert fused[0][0] == 2


def test_cross_only_weight_applies_when_no_candidate_is_in_the_questions_language():
    # Chunk 2 leads on BM25 (through translations), chunk 1 on dense. With a Chinese-only corpus the
    # cross weight only weighs BM25 against dense, and `lexical_cross_only` replaces it.
    dense = [(1, 0.60), (2, 0.40)]
    lexical = [(2, 5.0), (1, 1.0)]
    w = FusionWeights(lexical_cross=2.0, lexical_cross_only=0.1)
    other = lambda row: False  # noqa: E731
    assert fuse_scores(dense, lexical, same_language=other, weights=w)[0][0] == 1
    assert fuse_scores(dense, lexical, same_language=other, weights=FusionWeights(lexical_cross=2.0))[0][0] == 2


def test_cross_only_weight_is_ignored_when_the_questions_language_is_among_the_candidates():
    dense = [(1, 0.60), (2, 0.40), (3, 0.10)]
    lexical = [(2, 5.0), (1, 1.0)]
    w = FusionWeights(lexical_cross=2.0, lexical_cross_only=0.1)
    # Chunk 3 is in the question's language: the languages compete, so `lexical_cross` (2.0) applies.
    assert fuse_scores(dense, lexical, same_language=lambda r: r == 3, weights=w)[0][0] == 2
