"""Choosing the torch device for sentence-transformers models.

Kept pure (the GPU check can be injected) so the logic is testable on machines without a GPU.

Example:
    >>> select_device("auto", cuda_available=False)
    'cpu'
    >>> select_device("cuda:1", cuda_available=True)
    'cuda:1'
"""

from __future__ import annotations

import re

from assistant.embeddings.base import EmbeddingModelError

_CUDA = re.compile(r"cuda(:\d+)?")


def normalize_device_preference(preference: str) -> str:
    """Validate a device preference without importing torch: "auto", "cpu", "cuda" or "cuda:N".

    Raises `ValueError` for anything else.

    Example:
        >>> normalize_device_preference(" CUDA:0 ")
        'cuda:0'
    """
    if not isinstance(preference, str):
        raise ValueError(f"device must be a string, got {type(preference).__name__}")
    pref = preference.strip().lower()
    if pref in ("auto", "cpu") or _CUDA.fullmatch(pref):
        return pref
    raise ValueError(f"device must be 'auto', 'cpu', 'cuda' or 'cuda:N', got {preference!r}")


def torch_cuda_available() -> bool:
    """Whether torch is installed and sees a CUDA GPU (imports torch, which takes seconds)."""
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def select_device(preference: str = "auto", cuda_available: bool | None = None) -> str:
    """Resolve a device preference to the device string torch should use.

    "auto" gives "cuda" when a GPU is available and "cpu" otherwise; "cpu" is kept;
    "cuda"/"cuda:N" are kept when a GPU is available and raise `EmbeddingModelError`
    otherwise (asking for a GPU explicitly and silently getting the CPU would hide a
    broken CUDA install). Anything else raises `ValueError`. `cuda_available=None`
    asks torch, and only when the answer matters.

    Example:
        >>> select_device("auto", cuda_available=True)
        'cuda'
        >>> select_device("cpu")
        'cpu'
    """
    pref = normalize_device_preference(preference)
    if pref == "cpu":
        return "cpu"
    if cuda_available is None:
        cuda_available = torch_cuda_available()
    if pref == "auto":
        return "cuda" if cuda_available else "cpu"
    if not cuda_available:
        raise EmbeddingModelError(
            f"device {preference!r} was requested but no CUDA GPU is available "
            "(torch.cuda.is_available() is False); use device='auto' or 'cpu', "
            "or install a CUDA build of torch"
        )
    return pref
