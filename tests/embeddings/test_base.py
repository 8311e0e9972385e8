"""Batching, normalisation, progress and loading shared by every model (with a fake backend)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from assistant.embeddings import BatchedEmbeddings, EmbeddingModelError, l2_normalize


class Fake(BatchedEmbeddings):
    """Documents map to [len, 1, 0], queries to [0, 1, len]; records every batch and load."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.batches: list[list[str]] = []
        self.loads = 0
        self.result: np.ndarray | None = None

    dimension = 3
    model_name = "fake"

    def _load(self) -> None:
        self.loads += 1

    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        self.batches.append(texts)
        if self.result is not None:
            return self.result
        return np.array([[len(t), 1, 0] for t in texts], dtype=np.float64)

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.array([[0, 1, len(t)] for t in texts], dtype=np.float64)


def test_l2_normalize_makes_unit_float32_rows_and_keeps_zero_rows() -> None:
    out = l2_normalize(np.array([[3.0, 4.0], [0.0, 0.0], [-2.0, 0.0]]))
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0], [-1.0, 0.0]], atol=1e-7)


def test_l2_normalize_rejects_non_matrix() -> None:
    with pytest.raises(ValueError, match="2-D"):
        l2_normalize(np.ones(3))


def test_documents_are_batched_normalised_float32() -> None:
    emb = Fake(batch_size=2)
    out = emb.embed_documents_array(["a", "bb", "ccc", "dddd", "e"])
    assert [len(b) for b in emb.batches] == [2, 2, 1]
    assert out.dtype == np.float32 and out.shape == (5, 3)
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(out[2], np.array([3, 1, 0]) / np.sqrt(10), atol=1e-6)


def test_queries_use_the_query_encoder() -> None:
    emb = Fake()
    np.testing.assert_allclose(emb.embed_query_array("ab"), np.array([0, 1, 2]) / np.sqrt(5), atol=1e-6)
    assert emb.embed_queries_array(["ab", "c"]).shape == (2, 3)
    assert emb.batches == []


def test_langchain_api_returns_lists_of_floats() -> None:
    emb = Fake()
    docs = emb.embed_documents(["a", "b"])
    query = emb.embed_query("a")
    assert isinstance(docs, list) and all(isinstance(v, list) for v in docs)
    assert all(isinstance(x, float) for x in docs[0] + query)


def test_empty_input_gives_empty_matrix_without_calling_the_model() -> None:
    emb = Fake()
    out = emb.embed_documents_array([])
    assert out.shape == (0, 3) and out.dtype == np.float32
    assert emb.batches == []
    assert emb.embed_documents([]) == []


def test_input_types_are_checked() -> None:
    emb = Fake()
    with pytest.raises(TypeError, match="single str"):
        emb.embed_documents_array("abc")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        emb.embed_documents_array(["a", None])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        emb.embed_query_array(["a"])  # type: ignore[arg-type]


def test_tuples_are_accepted() -> None:
    assert Fake().embed_documents_array(("a", "b")).shape == (2, 3)


def test_wrong_shape_and_nan_from_a_backend_are_errors() -> None:
    emb = Fake()
    emb.result = np.ones((1, 3))
    with pytest.raises(EmbeddingModelError, match="shape"):
        emb.embed_documents_array(["a", "b"])
    emb.result = np.full((1, 3), np.nan)
    with pytest.raises(EmbeddingModelError, match="non-finite"):
        emb.embed_documents_array(["a"])


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        Fake(batch_size=0)
    with pytest.raises(ValueError, match="batch_size"):
        Fake().with_options(batch_size=0)


def test_progress_bar_only_with_more_than_one_batch(capsys: pytest.CaptureFixture[str]) -> None:
    Fake(batch_size=4, show_progress=True).embed_documents_array(["a"] * 4)
    assert "Embedding (fake)" not in capsys.readouterr().err
    Fake(batch_size=4, show_progress=True).embed_documents_array(["a"] * 5)
    assert "Embedding (fake)" in capsys.readouterr().err
    Fake(batch_size=4, show_progress=False).embed_documents_array(["a"] * 5)
    assert "Embedding (fake)" not in capsys.readouterr().err


def test_load_happens_once_even_from_many_threads() -> None:
    emb = Fake()
    assert not emb.is_loaded
    threads = [threading.Thread(target=emb.embed_query_array, args=("x",)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert emb.loads == 1 and emb.is_loaded
    assert emb.load() is emb


def test_with_options_copies_without_touching_the_original() -> None:
    emb = Fake(batch_size=8)
    clone = emb.with_options(batch_size=2, show_progress=True)
    assert (clone.batch_size, clone.show_progress) == (2, True)
    assert (emb.batch_size, emb.show_progress) == (8, False)
    assert emb.loads == 1 and clone.is_loaded
    assert "fake" in repr(clone)


def test_error_type_is_a_runtime_error() -> None:
    assert issubclass(EmbeddingModelError, RuntimeError)
