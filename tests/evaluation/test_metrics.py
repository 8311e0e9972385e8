"""IR metrics against hand-computed values, and against scikit-learn's nDCG where it is installed.

Hand computation (binary gain, log2 discount, ids deduplicated after stripping `#partN`):
DCG@k = sum over relevant ids at 1-based rank r <= k of 1 / log2(r + 1); ideal DCG@k puts
min(len(relevant), k) relevant ids first.
"""

import random

import pytest

from assistant.evaluation.metrics import mrr_at_k, ndcg_at_k, recall_at_k, retrieval_metrics

# ranking, relevant, {k: recall@k}, mrr@10, ndcg@10
CASES = [
    # Relevant at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) = 1.63093.
    (["a", "x", "b", "y"], {"a", "b"}, {1: 0.5, 2: 0.5, 3: 1.0}, 1.0, 0.9197207891481876),
    # One relevant id at rank 3: DCG = 1/log2(4) = 0.5, ideal = 1.
    (["x", "y", "a"], {"a"}, {1: 0.0, 2: 0.0, 3: 1.0}, 1 / 3, 0.5),
    # Parts of one clause count once: the ranking is x, a, b; c is never retrieved.
    # DCG = 1/log2(3) + 1/log2(4) = 1.13093; ideal = 1 + 1/log2(3) + 1/log2(4) = 2.13093.
    (["x#part1", "x#part2", "a#part1", "b"], {"a", "b", "c"}, {1: 0.0, 2: 1 / 3, 3: 2 / 3}, 0.5, 0.5307212739772434),
    # The only relevant id is at rank 11: outside every cut-off.
    ([f"n{i}" for i in range(10)] + ["a"], {"a"}, {1: 0.0, 5: 0.0, 10: 0.0}, 0.0, 0.0),
    # Nothing retrieved.
    ([], {"a"}, {1: 0.0, 10: 0.0}, 0.0, 0.0),
]


@pytest.mark.parametrize(("ranked", "relevant", "recalls", "mrr", "ndcg"), CASES)
def test_metrics_match_hand_computed_values(ranked, relevant, recalls, mrr, ndcg):
    for k, expected in recalls.items():
        assert recall_at_k(ranked, relevant, k) == pytest.approx(expected), k
    assert mrr_at_k(ranked, relevant, 10) == pytest.approx(mrr)
    assert ndcg_at_k(ranked, relevant, 10) == pytest.approx(ndcg)


def test_ndcg_ideal_is_cut_at_k():
    # Three relevant ids but k = 2: the ideal ranking has only two slots, so two hits are perfect.
    assert ndcg_at_k(["a", "b", "x"], {"a", "b", "c"}, 2) == pytest.approx(1.0)
    assert recall_at_k(["a", "b", "x"], {"a", "b", "c"}, 2) == pytest.approx(2 / 3)


def test_a_query_without_relevant_ids_is_an_error_not_a_zero():
    with pytest.raises(ValueError, match="at least one relevant id"):
        ndcg_at_k(["a"], set(), 10)


def test_retrieval_metrics_average_over_queries_and_count_missing_rankings_as_empty():
    rankings = {"q1": CASES[0][0], "q2": CASES[1][0]}
    qrels = {"q1": CASES[0][1], "q2": CASES[1][1], "q3": {"z"}, "q4": set()}  # q3 unranked, q4 skipped
    m = retrieval_metrics(rankings, qrels, ks=(1, 3))
    assert m.n_queries == 3
    assert m.recall == pytest.approx({1: (0.5 + 0 + 0) / 3, 3: (1 + 1 + 0) / 3})
    assert m.mrr_at_10 == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert m.ndcg_at_10 == pytest.approx((0.9197207891481876 + 0.5 + 0) / 3)


def test_ndcg_agrees_with_scikit_learn_on_random_rankings():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(17)
    for _ in range(50):
        pool = [f"d{i}" for i in range(30)]
        ranked = rng.sample(pool, rng.randint(0, 15))
        relevant = set(rng.sample(pool, rng.randint(1, 6)))
        # scikit-learn scores a fixed candidate list: the ranking, then filler up to k so that
        # unretrieved relevant ids (scored lowest) fall outside the cut-off, as they do for us.
        filler = [f"f{i}" for i in range(max(0, 10 - len(ranked)))]
        candidates = ranked + filler + sorted(relevant - set(ranked))
        y_true = [[1.0 if c in relevant else 0.0 for c in candidates]]
        y_score = [[float(len(candidates) - i) for i in range(len(candidates))]]
        expected = metrics.ndcg_score(y_true, y_score, k=10)
        assert ndcg_at_k(ranked, relevant, 10) == pytest.approx(expected), (ranked, relevant)
