"""IR metrics against hand-computed values, and against scikit-learn's nDCG where it is installed.

Hand computation (binary gain, log2 discount, ids deduplicated after stripping `#partN`):
DCG@k = sum over relevant ids at 1-based rank r <= k of 1 / log2(r + 1); ideal DCG@k puts
min(len(relevant), k) relevant ids first.
"""

import math
import random

import pytest

from assistant.evaluation import metrics as ev
from assistant.evaluation.metrics import mrr_at_k, ndcg_at_k, recall_at_k, retrieval_metrics

# A clause of the Chinese resolution, to check quote offsets against: doc id -> text.
DOCS = {"res": "责成秘书长\n7\t每年向理事会报告人工智能问题的任何活动，\n"}

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


# ------------------------------------------------------------------------------------------------------------------
# retrieval metrics
# ------------------------------------------------------------------------------------------------------------------
def test_retrieval_metrics_hand_computed():
    ranked = ["x", "a#part1", "a#part2", "b"]
    assert ev.dedupe_ranking(ranked) == ["x", "a", "b"]
    assert ev.recall_at_k(ranked, {"a", "b"}, 1) == 0.0
    assert ev.recall_at_k(ranked, {"a", "b"}, 2) == 0.5
    assert ev.recall_at_k(ranked, {"a", "b"}, 5) == 1.0  # the part duplicate does not push b out
    assert ev.mrr_at_k(ranked, {"b"}) == pytest.approx(1 / 3)
    assert ev.mrr_at_k(ranked, {"zzz"}) == 0.0
    expected = (1 / math.log2(3) + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert ev.ndcg_at_k(ranked, {"a", "b"}) == pytest.approx(expected)
    assert ev.ndcg_at_k(["a"], {"a"}) == 1.0
    assert ev.first_relevant_rank(ranked, {"b#part3"}) == 3
    m = ev.retrieval_metrics({"q1": ranked, "q2": ["b"]}, {"q1": {"a", "b"}, "q2": {"a"}, "q3": set()})
    assert m.n_queries == 2  # q3 has no relevant id and is skipped
    assert m.as_dict()["recall@1"] == 0.0 and m.as_dict()["recall@5"] == 0.5
    assert m.mrr_at_10 == pytest.approx((0.5 + 0.0) / 2)
    with pytest.raises(ValueError):
        ev.recall_at_k(["a"], set(), 1)


@pytest.mark.slow  # importing sentence-transformers (torch, transformers) takes several seconds
def test_retrieval_metrics_equal_information_retrieval_evaluator():
    from sentence_transformers.sentence_transformer.evaluation import InformationRetrievalEvaluator

    corpus = {f"d{i:02d}": f"doc {i}" for i in range(15)}
    relevant = {
        "q1": {"d03"},
        "q2": {"d01", "d07", "d11"},
        "q3": {"d00", "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10", "d11"},  # > k
        "q4": {"d14"},  # never retrieved
        "q5": {"d05", "d06"},
        "q6": set(),  # skipped by both
    }
    rankings = {
        "q1": ["d03", "d01", "d02"],
        "q2": ["d02", "d07", "d04", "d05", "d06", "d08", "d09", "d10", "d12", "d13", "d11"],  # d11 at rank 11
        "q3": ["d13", "d00", "d12", "d01", "d02", "d03", "d04", "d14", "d05", "d06", "d07"],
        "q4": ["d00", "d01"],
        "q5": ["d00", "d01", "d02", "d03", "d06", "d04", "d05"],
        "q6": ["d00"],
    }
    queries = {q: f"query {q}" for q in relevant}
    evaluator = InformationRetrievalEvaluator(queries, corpus, relevant, write_csv=False)
    results = [
        [{"corpus_id": cid, "score": 100.0 - rank} for rank, cid in enumerate(rankings[qid])]
        for qid in evaluator.queries_ids
    ]
    theirs = evaluator.compute_metrics(results)
    # our rankings may repeat a clause as parts; the evaluator sees the deduplicated ranking
    ours_input = {q: [c for cid in r for c in (f"{cid}#part1", f"{cid}#part2")] for q, r in rankings.items()}
    ours = ev.retrieval_metrics(ours_input, relevant)
    assert ours.n_queries == len(evaluator.queries_ids) == 5
    for k in (1, 5, 10):
        assert ours.recall[k] == pytest.approx(float(theirs["recall@k"][k]), abs=1e-12)
    assert ours.mrr_at_10 == pytest.approx(float(theirs["mrr@k"][10]), abs=1e-12)
    assert ours.ndcg_at_10 == pytest.approx(float(theirs["ndcg@k"][10]), abs=1e-12)


# ------------------------------------------------------------------------------------------------------------------
# answers: key facts, abstention, latency, quotes
# ------------------------------------------------------------------------------------------------------------------
def test_key_fact_matching():
    facts = [["Secretary-General", "秘书长"], ["annually", "每年"]]
    assert ev.key_facts_satisfied("The SECRETARY-GENERAL reports annually.", facts)
    assert ev.key_facts_satisfied("责成秘书长：每年向理事会报告", facts)  # Chinese alternatives count
    assert ev.missing_key_facts("The Secretary-General reports.", facts) == [["annually", "每年"]]
    assert not ev.key_facts_satisfied("", facts)
    assert ev.key_facts_satisfied("ＯＥＣＤ and   open\nand transparent", [["OECD"], ["open and transparent"]])
    assert ev.key_facts_satisfied("individuals’ rights", [["individuals' rights"]])  # curly quote folded
    assert ev.key_facts_satisfied("注意到e）中", [["注意到e)"]])  # full-width bracket, NFKC


def test_abstention_metrics_hand_computed():
    # (answerable, abstained): 2 TP, 1 FP, 1 FN, 2 TN
    pairs = [(False, True), (False, True), (True, True), (False, False), (True, False), (True, False)]
    m = ev.abstention_metrics(pairs)
    assert (m.true_positives, m.false_positives, m.false_negatives, m.true_negatives) == (2, 1, 1, 2)
    assert m.precision == pytest.approx(2 / 3) and m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3) and m.accuracy == pytest.approx(4 / 6)
    never = ev.abstention_metrics([(False, False), (True, False)])
    assert never.precision == 0.0 and never.recall == 0.0 and never.f1 == 0.0
    none_unanswerable = ev.abstention_metrics([(True, False)])
    assert none_unanswerable.precision is None and none_unanswerable.recall is None and none_unanswerable.f1 is None


def test_percentile_matches_numpy():
    import numpy as np

    values = [0.3, 0.1, 0.25, 2.0, 0.7, 0.05, 0.11]
    for q in (0, 50, 90, 95, 100):
        assert ev.percentile(values, q) == pytest.approx(float(np.percentile(values, q)))
    assert ev.percentile([], 50) is None


def test_quote_fidelity_checks_offsets():
    text = DOCS["res"]
    start = text.find("每年")
    assert ev.quote_is_verbatim("res", "每年", start, start + 2, DOCS)
    assert not ev.quote_is_verbatim("res", "每年", start + 1, start + 3, DOCS)
    assert not ev.quote_is_verbatim("missing", "每年", start, start + 2, DOCS)
    assert not ev.quote_is_verbatim("res", "每年", -1, 1, DOCS)
