"""Any sentence-transformers model: prefixes, offline failures, and the real loading path (MiniLM weights)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from assistant.embeddings import (
    BatchedEmbeddings,
    EmbeddingModelError,
    SentenceTransformerEmbeddings,
    default_prefixes,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("intfloat/multilingual-e5-small", ("query: ", "passage: ")),
        ("intfloat/e5-base-v2", ("query: ", "passage: ")),
        ("/models/multilingual-e5-large/", ("query: ", "passage: ")),
        ("intfloat/multilingual-e5-large-instruct", ("", "")),
        ("intfloat/e5-mistral-7b-instruct", ("", "")),
        ("BAAI/bge-small-en-v1.5", ("Represent this sentence for searching relevant passages: ", "")),
        ("BAAI/bge-large-zh-v1.5", ("为这个句子生成表示以用于检索相关文章：", "")),
        ("BAAI/bge-m3", ("", "")),
        ("BAAI/bge-reranker-base", ("", "")),
        ("sentence-transformers/all-MiniLM-L6-v2", ("", "")),
        ("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2", ("", "")),
    ],
)
def test_default_prefixes_from_the_name(name: str, expected: tuple[str, str]) -> None:
    assert default_prefixes(name) == expected


def test_missing_local_path_fails_at_construction_without_network(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(EmbeddingModelError, match="no-such-model") as info:
        SentenceTransformerEmbeddings(missing, device="cpu")
    assert "does not exist" in str(info.value)


@pytest.mark.slow
def test_directory_that_is_not_a_model_fails_on_load(tmp_path: Path) -> None:
    emb = SentenceTransformerEmbeddings(tmp_path, device="cpu")
    with pytest.raises(EmbeddingModelError, match=tmp_path.name):
        emb.load()


@pytest.mark.slow
def test_uncached_hub_name_fails_offline_and_says_how_to_fix(socket_disabled: None) -> None:
    emb = SentenceTransformerEmbeddings("assistant-tests/not-a-real-model", device="cpu")
    with pytest.raises(EmbeddingModelError, match="assistant-tests/not-a-real-model") as info:
        emb.load()
    assert "HF_HUB_OFFLINE" in str(info.value)
    # The offline setting, not pytest-socket, must be what stopped it.
    cause: BaseException | None = info.value
    while cause is not None:
        assert "SocketBlocked" not in type(cause).__name__
        cause = cause.__cause__ or cause.__context__


@pytest.mark.slow
class TestMiniLM:
    def test_real_model_through_the_registry(
        self, minilm: BatchedEmbeddings, minilm_path: str, assert_unit_float32: Callable[..., None]
    ) -> None:
        assert isinstance(minilm, SentenceTransformerEmbeddings)
        assert minilm.model_name == "minilm"
        assert minilm.name_or_path == str(Path(minilm_path).resolve())
        assert minilm.device == "cpu"
        assert minilm.dimension == 384
        assert (minilm.query_prefix, minilm.document_prefix) == ("", "")
        docs = minilm.embed_documents_array(["The Council meets once a year.", "Fry the eggs in hot oil."])
        assert_unit_float32(docs, 2, 384)
        query = minilm.embed_query_array("When does the Council meet?")
        assert query.dtype == np.float32 and query @ docs[0] > query @ docs[1]
        assert minilm.embed_documents_array([]).shape == (0, 384)

    def test_batches_match_one_call(self, minilm: BatchedEmbeddings) -> None:
        texts = ["one", "two words", "three words here", "four"]
        np.testing.assert_allclose(
            minilm.embed_documents_array(texts),
            minilm.with_options(batch_size=3).embed_documents_array(texts),
            atol=1e-5,
        )

    def test_explicit_prefixes_are_applied(self, minilm_path: str) -> None:
        emb = SentenceTransformerEmbeddings(
            f"sentence-transformers:{minilm_path}", device="cpu", query_prefix="query: ", document_prefix=""
        )
        assert emb.model_name == f"sentence-transformers:{Path(minilm_path).resolve()}"
        plain = emb.embed_documents_array(["reporting obligations"])[0]
        assert (emb.query_prefix, emb.document_prefix) == ("query: ", "")
        assert float(emb.embed_query_array("reporting obligations") @ plain) < 0.999


def test_prompts_in_the_model_config_win_over_the_name() -> None:
    emb = SentenceTransformerEmbeddings.__new__(SentenceTransformerEmbeddings)
    emb.name_or_path = "intfloat/multilingual-e5-small"
    emb._query_prefix, emb._document_prefix = None, None
    emb._resolve_prefixes({"query": "Q: ", "document": "D: "})
    assert (emb._query_prefix, emb._document_prefix) == ("Q: ", "D: ")
    emb._query_prefix, emb._document_prefix = None, ""  # an explicit "" means: no prefix
    emb._resolve_prefixes({})
    assert (emb._query_prefix, emb._document_prefix) == ("query: ", "")


def test_bad_device_is_rejected_before_loading(minilm_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="device"):
        SentenceTransformerEmbeddings(minilm_path, device="gpu")
    monkeypatch.setattr("assistant.embeddings.device.torch_cuda_available", lambda: False)
    with pytest.raises(EmbeddingModelError, match="no CUDA GPU"):
        SentenceTransformerEmbeddings(minilm_path, device="cuda")
    assert SentenceTransformerEmbeddings(minilm_path, device="auto").device == "cpu"
