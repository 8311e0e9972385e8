"""Score fusion: normalisation, the language split, coverage, RRF as an option, and the dense top-1 lift."""

import numpy as np
import pytest

from assistant.retrieval.fusion import (
    FusionWeights,
    dense_scale,
    fuse_scores,
    lift_nearest,
    normalise,
    reciprocal_rank_fusion,
    sentence_boost,
)


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


ENGLISH = {0, 5}  # the question's language; every other row is a Chinese clause


def english(row: int) -> bool:
    return row in ENGLISH


def test_lift_passes_other_language_candidates_dense_ranks_far_and_stops_at_a_near_one():
    # Rows 7 and 8 lead on translated BM25 alone (dense ranks them 30th and not at all); row 6 is
    # dense's 2nd, row 0 its nearest clause.
    dense = [(0, 0.30), (6, 0.28)] + [(100 + i, 0.1) for i in range(27)] + [(7, 0.01)]
    fused = [(6, 3.0), (8, 2.6), (7, 2.5), (0, 1.0), (9, 0.5)]
    lifted = lift_nearest(fused, dense, 20, english)
    assert [r for r, _ in lifted] == [6, 0, 8, 7, 9]
    scores = [s for _, s in lifted]
    assert scores == sorted(scores, reverse=True)
    assert lift_nearest(fused, dense, 40, english) == fused  # row 7 (dense 30th) now counts as near


def test_lift_never_passes_a_candidate_in_the_questions_language():
    dense = [(0, 0.30)] + [(100 + i, 0.1) for i in range(30)]
    chinese_ahead = [(8, 3.0), (9, 2.6), (0, 1.0)]
    english_ahead = [(8, 3.0), (5, 2.6), (0, 1.0)]  # row 5: a literal match dense does not see
    assert [r for r, _ in lift_nearest(chinese_ahead, dense, 10, english)] == [0, 8, 9]
    assert lift_nearest(english_ahead, dense, 10, english) == english_ahead


@pytest.mark.parametrize(
    ("fused", "dense"),
    [
        ([(0, 2.0), (8, 1.0)], [(0, 0.3), (8, 0.2)]),  # dense top-1 already first
        ([(8, 2.0), (9, 1.0)], [(0, 0.3)]),  # dense top-1 not among the fused rows
        ([(8, 2.0), (0, 1.0)], []),  # no dense ranking
        ([(8, 2.0), (9, 1.0)], [(9, 0.3)]),  # dense top-1 in the other language (an all-Chinese corpus)
    ],
)
def test_lift_leaves_the_order_alone_when_there_is_nothing_to_lift(fused, dense):
    assert lift_nearest(fused, dense, 1, english) == fused


def test_fusion_with_a_dense_lift_keeps_a_translated_generic_word_match_from_burying_the_nearest_clause():
    # Row 0: dense's nearest clause (English), no BM25 term. Row 1: a Chinese clause with many
    # translated BM25 hits on generic words that dense ranks far down.
    dense = [(0, 0.25), (2, 0.24)] + [(10 + i, 0.2) for i in range(20)] + [(1, 0.02)]
    lexical = [(1, 9.0)]
    plain = fuse_scores(dense, lexical, same_language=english)
    lifted = fuse_scores(dense, lexical, same_language=english, weights=FusionWeights(dense_lift=20))
    assert [r for r, _ in plain][:2] == [1, 0]
    assert [r for r, _ in lifted][:2] == [0, 1]
    rrf = FusionWeights(method="rrf", rrf_k=1, dense_lift=20)
    assert fuse_scores(dense, lexical, same_language=english, weights=rrf)[0][0] == 0


def test_dense_lift_must_be_a_rank():
    with pytest.raises(ValueError, match="dense_lift"):
        FusionWeights(dense_lift=0)


def test_lift_passes_a_near_candidate_too_when_its_match_is_generic_only():
    # Row 6 is dense's 2nd (near), but its BM25 lead comes from translations of generic words only.
    dense = [(0, 0.30), (6, 0.28), (8, 0.27)]
    fused = [(8, 3.0), (6, 2.6), (0, 1.0)]
    assert lift_nearest(fused, dense, 10, english) == fused
    lifted = lift_nearest(fused, dense, 10, english, generic=lambda row: row == 6)
    assert [r for r, _ in lifted] == [8, 0, 6]  # it stops below row 8, whose match is specific
    everything_generic = lift_nearest(fused, dense, 10, english, generic=lambda row: True)
    assert [r for r, _ in everything_generic] == [0, 8, 6]


def test_a_generic_match_is_passed_only_by_the_dense_lift():
    dense = [(0, 0.30), (6, 0.28)]
    lexical = [(6, 9.0)]
    plain = fuse_scores(dense, lexical, same_language=english, generic=lambda row: True)
    lifted = fuse_scores(
        dense, lexical, same_language=english, weights=FusionWeights(dense_lift=10), generic=lambda row: True
    )
    assert [r for r, _ in plain] == [6, 0]
    assert [r for r, _ in lifted] == [0, 6]


@pytest.mark.parametrize("share", [0.0, -0.1, 1.5])
def test_generic_lift_must_be_a_share(share):
    with pytest.raises(ValueError, match="generic_lift"):
        FusionWeights(generic_lift=share)


def test_a_sentence_gain_lifts_its_chunk_by_weight_over_the_dense_scale():
    fused = [(0, 2.0), (1, 1.9), (2, 1.0)]
    # Row 2's best sentence is 0.4 nearer than its paragraph: with the dense part's scale 0.8 and
    # weight 1 it scores as if dense had seen that sentence, +0.5, not enough to pass row 1.
    assert sentence_boost(fused, {2: 0.4}, 1.0, 0.8) == [(0, 2.0), (1, 1.9), (2, 1.5)]
    # Three times the weight passes both.
    assert [row for row, _ in sentence_boost(fused, {2: 0.4}, 3.0, 0.8)] == [2, 0, 1]


def test_sentence_boost_is_off_at_weight_zero_and_ignores_losses():
    fused = [(0, 2.0), (1, 1.9)]
    assert sentence_boost(fused, {1: 0.5}, 0.0, 1.0) == fused
    assert sentence_boost(fused, {1: -0.5, 0: -0.1}, 1.0, 1.0) == fused  # a sentence farther than its chunk
    assert sentence_boost(fused, {1: 0.1}, 1.0, 0.0) == fused  # no dense scale (rrf): nothing to weigh by


def test_re_scored_rows_keep_their_fused_order_among_themselves():
    # Rows 1 and 2 are re-scored (paragraphs): row 2's larger gain lifts it past row 0 (one sentence, not
    # re-scored) only as far as row 1 goes, its score capped at row 1's; a tie between them goes to row 1.
    fused = [(0, 2.0), (1, 1.8), (2, 1.0)]
    assert sentence_boost(fused, {1: 0.5, 2: 1.5}, 1.0, 1.0) == [(1, 2.3), (2, 2.3), (0, 2.0)]
    assert sentence_boost(fused, {1: 0.0, 2: 1.5}, 1.0, 1.0) == [(0, 2.0), (1, 1.8), (2, 1.8)]
    assert sentence_boost([(5, 2.0), (3, 1.0)], {5: 0.0, 3: 2.0}, 1.0, 1.0) == [(5, 2.0), (3, 2.0)]


def test_sentence_boost_breaks_ties_by_row():
    assert sentence_boost([(3, 1.0), (1, 0.9)], {1: 0.1}, 1.0, 1.0) == [(1, 1.0), (3, 1.0)]


@pytest.mark.parametrize(
    ("method", "expected"), [("max", 0.8), ("ideal", 0.8), ("minmax", 0.6), ("zscore", 0.3), ("rrf", 0.0)]
)
def test_dense_scale_is_what_the_dense_part_divides_by(method, expected):
    assert dense_scale([(0, 0.8), (1, 0.2)], method) == pytest.approx(expected)
    assert dense_scale([], method) == 0.0
