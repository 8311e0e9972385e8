"""The fast, deterministic "hash" embedder used by tests elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from assistant.embeddings import HashEmbeddings


def test_deterministic_unit_vectors(assert_unit_float32: Callable[..., None]) -> None:
    texts = ["Member States shall report", "成员国应当报告", ""]
    a = HashEmbeddings().embed_documents_array(texts)
    b = HashEmbeddings(batch_size=1).embed_documents_array(texts)
    np.testing.assert_array_equal(a, b)
    assert_unit_float32(a[:2], 2, 256)
    assert not a[2].any()  # nothing to hash: a zero vector, not NaN


def test_shared_terms_are_similar_in_both_scripts() -> None:
    emb = HashEmbeddings(dimension=512)
    en = emb.embed_documents_array(["report to the Council annually", "report annually", "fry the eggs"])
    zh = emb.embed_documents_array(["每年向理事会报告", "向理事会报告", "把鸡蛋打散"])
    assert en[0] @ en[1] > en[0] @ en[2]
    assert zh[0] @ zh[1] > zh[0] @ zh[2]


def test_name_and_dimension() -> None:
    assert HashEmbeddings().model_name == "hash"
    assert HashEmbeddings(dimension=64).model_name == "hash-64"
    assert HashEmbeddings(dimension=64).dimension == 64
    with pytest.raises(ValueError):
        HashEmbeddings(dimension=2)
