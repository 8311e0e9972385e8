"""Device selection without needing a GPU."""

from __future__ import annotations

import pytest

from assistant.embeddings import EmbeddingModelError, select_device


@pytest.mark.parametrize(
    ("preference", "cuda", "expected"),
    [
        ("auto", True, "cuda"),
        ("auto", False, "cpu"),
        ("cpu", True, "cpu"),
        ("cpu", False, "cpu"),
        ("cuda", True, "cuda"),
        ("cuda:1", True, "cuda:1"),
        (" CUDA:0 ", True, "cuda:0"),
        ("Auto", False, "cpu"),
    ],
)
def test_select_device(preference: str, cuda: bool, expected: str) -> None:
    assert select_device(preference, cuda_available=cuda) == expected


@pytest.mark.parametrize("preference", ["cuda", "cuda:1"])
def test_cuda_without_gpu_is_a_clear_error(preference: str) -> None:
    with pytest.raises(EmbeddingModelError, match=r"no CUDA GPU.*'auto' or 'cpu'"):
        select_device(preference, cuda_available=False)


@pytest.mark.parametrize("preference", ["gpu", "mps", "cuda:", "cuda:x", "", "tpu:0"])
def test_unknown_device_is_a_value_error(preference: str) -> None:
    with pytest.raises(ValueError, match="device must be"):
        select_device(preference, cuda_available=True)


def test_non_string_device_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        select_device(None, cuda_available=True)  # type: ignore[arg-type]


def test_auto_asks_torch_when_not_told() -> None:
    import torch

    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert select_device("auto") == expected
    assert select_device("cpu") == "cpu"
