"""Sentence splitting and best-sentence similarity for query-time sentence re-scoring."""

import numpy as np
import pytest

from assistant.retrieval.sentences import SentenceScorer, split_sentences


def test_english_splits_at_sentence_ends_only():
    text = "New York, 21 March, 2004 – It passed. It urged all stakeholders, e.g. firms, to refrain! Did it? Yes."
    assert split_sentences(text) == [
        "New York, 21 March, 2004 – It passed.",
        "It urged all stakeholders, e.g. firms, to refrain!",
        "Did it?",
        "Yes.",
    ]


def test_chinese_splits_at_full_stops_and_semicolons_not_commas():
    assert split_sentences("确保活动符合职权，同时避免重复工作；与成员国分享信息。") == [
        "确保活动符合职权，同时避免重复工作；",
        "与成员国分享信息。",
    ]


def test_a_text_without_inner_sentence_ends_is_one_sentence():
    assert split_sentences("  每年向理事会报告；") == ["每年向理事会报告；"]
    assert split_sentences("Read more here") == ["Read more here"]


_AXES = {"rights": 0, "divide": 1, "goals": 2}


class _CountingEmbedder:
    """Unit vectors by the sentence's first word, and how many texts were embedded."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts):
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, _AXES.get(t.split()[0].lower(), 3)] = 1.0
        return out


def test_the_best_sentence_scores_its_chunk_and_one_sentence_chunks_have_no_score():
    embed = _CountingEmbedder()
    scorer = SentenceScorer(embed)
    query = np.array([0.0, 1.0, 0.0, 0.0], dtype=np.float32)  # about the divide
    texts = ["Rights must be safeguarded. Divide must be closed.", "Goals are near.", "Rights first. Goals next."]
    assert scorer.best(texts, query) == [pytest.approx(1.0), None, pytest.approx(0.0)]
    # One batch for the multi-sentence texts only; the one-sentence text is not embedded again.
    assert embed.calls == [["Rights must be safeguarded.", "Divide must be closed.", "Rights first.", "Goals next."]]


def test_sentence_vectors_are_cached_per_text_and_bounded():
    embed = _CountingEmbedder()
    scorer = SentenceScorer(embed, limit=2)
    query = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    a, b, c = "Rights a. Goals b.", "Divide a. Rights b.", "Goals a. Divide b."
    scorer.best([a, b], query)
    scorer.best([b, a], query)
    assert len(embed.calls) == 1  # both held
    scorer.best([c], query)  # a third text empties the full cache
    scorer.best([a], query)
    assert len(embed.calls) == 3
    assert scorer.best([], query) == []
