"""BM25 over mixed Chinese/English text, stored as plain arrays (no pickle).

Chinese is segmented with jieba (`assistant.segmentation`) and additionally indexed as overlapping
character bigrams; English is lower-cased, stop-worded and Snowball-stemmed.
`benchmarks/bm25_cmrc.py` holds the measurement behind these choices.

Example:
    >>> index = BM25Index.build([tokenize("理事会的报告"), tokenize("The weather is nice")])
    >>> [doc for doc, _ in index.search(tokenize("向理事会报告"), k=5)]
    [0]
    >>> tokenize("The Council reports to the Assembly")
    ['council', 'report', 'assembl']
"""

from __future__ import annotations

import re
import threading
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant import lexical_files
from assistant.lexical_files import META_FILE, LexicalFormatError, LexicalIndexError
from assistant.segmentation import cjk_word_bounds, cut, pos_words
from assistant.text import CJK_CHARS, EN_STOP_WORDS, ZH_STOP_WORDS

__all__ = [
    "DEFAULT_B",
    "DEFAULT_K1",
    "META_FILE",
    "TOKENIZER_ID",
    "BM25Index",
    "LexicalFormatError",
    "LexicalIndexError",
    "cjk_word_bounds",  # jieba's, from `assistant.segmentation` (where they live now), for the old imports
    "pos_words",
    "tokenize",
]

# Bumped whenever `tokenize` changes what it emits: an index built with another
# tokenizer silently loses recall, so `BM25Index.load` refuses it.
TOKENIZER_ID = "zh-jieba+bigram/en-snowball/v1"
_WEIGHT_BLOCK = 1 << 22

# On CMRC 2018 dev (benchmarks/bm25_cmrc.py) every (k1, b) tried, from (0.9, 0.4)
# to (1.5, 0.9), lands within 0.002 Recall@1 of the others; keep the usual defaults.
DEFAULT_K1 = 1.2
DEFAULT_B = 0.75


# --------------------------------------------------------------------------- tokenizer

_CJK_RANGES = CJK_CHARS
_TOKEN_RE = re.compile(
    rf"(?P<cjk>[{_CJK_RANGES}]+)"
    # Letters/digits of any non-CJK script, optionally joined by / - . so document
    # symbols ("a/res/78/265"), "itu-t" and decimals ("2.5") survive as one token.
    rf"|(?P<word>[^\W_{_CJK_RANGES}]+(?:[/.\-][^\W_{_CJK_RANGES}]+)*)"
)
_SPLIT_COMPOUND = re.compile(r"[/.\-]")
# Possessive/contracted endings would otherwise leave stray "s" / "t" tokens.
_APOSTROPHE_RE = re.compile(r"['\u2019](?:s\b)?")


_STEMMER_LOCK = threading.Lock()
_STEMS: dict[str, str] = {}
_STEMMER: Any = None


def _stem(word: str) -> str:
    global _STEMMER
    stem = _STEMS.get(word)
    if stem is None:
        with _STEMMER_LOCK:
            if _STEMMER is None:
                import Stemmer

                _STEMMER = Stemmer.Stemmer("english")
            stem = _STEMMER.stemWord(word)
        # Vocabulary is bounded by the corpus; the cache only saves repeated C calls.
        _STEMS[word] = stem
    return stem


def _english(word: str, out: list[str]) -> None:
    if word in EN_STOP_WORDS:
        return
    if word.isalpha() and word.isascii():
        out.append(_stem(word))
    else:
        # Numbers, mixed "g20", other scripts: stemming rules would mangle them.
        out.append(word)


def tokenize(text: str, *, cjk_words: bool = True, cjk_bigrams: bool = True, hmm: bool = False) -> list[str]:
    """BM25 terms of mixed Chinese/English `text`, in text order.

    Chinese runs give jieba words (minus particles and question words) and, with
    `cjk_bigrams`, every overlapping character bigram, prefixed with "\u00b7" so the
    two kinds keep separate statistics; a segmentation that differs between a
    query and a passage then still matches through the bigrams. English words are
    NFKC-normalised, case-folded, stop-worded and stemmed; joined symbols such as
    "A/RES/78/265" give the whole symbol plus its parts.

    The switches serve benchmarks/bm25_cmrc.py and word-level uses such as term
    overlap (`cjk_bigrams=False`); a BM25 index must be built and queried with
    the defaults, which is what TOKENIZER_ID records.

    Example:
        >>> tokenize("理事会", cjk_bigrams=False)
        ['理事会']
        >>> tokenize("A/RES/78/265 reports")
        ['a/res/78/265', 'res', '78', '265', 'report']
    """
    # NFKC folds full-width Latin/digits (ＩＴＵ，２０３０) that Chinese text often uses.
    text = _APOSTROPHE_RE.sub("", unicodedata.normalize("NFKC", text).casefold())
    out: list[str] = []
    for match in _TOKEN_RE.finditer(text):
        run = match.group("cjk")
        if run is not None:
            if cjk_words:
                for word in cut(run, hmm=hmm):
                    if word not in ZH_STOP_WORDS:
                        out.append(word)
            if cjk_bigrams:
                if len(run) == 1 and not cjk_words:
                    out.append(run)
                out.extend("\u00b7" + run[i : i + 2] for i in range(len(run) - 1))
            continue
        word = match.group("word")
        if _SPLIT_COMPOUND.search(word):
            out.append(word)
            for part in _SPLIT_COMPOUND.split(word):
                _english(part, out)
        else:
            _english(word, out)
    return out


# --------------------------------------------------------------------------- index


@dataclass(eq=False)
class BM25Index:
    """An Okapi BM25 index over pre-tokenized documents, as a term -> postings CSR.

    Postings hold raw term frequencies; the BM25 weights are derived from them,
    `k1` and `b` once on build/load, so a query is one gather and a `bincount`.

    Example:
        >>> index = BM25Index.build([["council", "report"], ["weather"]])
        >>> index.search(["report"], k=3)[0][0]
        0
    """

    vocabulary: dict[str, int]
    indptr: np.ndarray  # int64, len(vocabulary) + 1
    doc_ids: np.ndarray  # int32, postings' document numbers, ascending within a term
    term_freqs: np.ndarray  # int32, parallel to doc_ids
    doc_lengths: np.ndarray  # int64, tokens per document
    k1: float = DEFAULT_K1
    b: float = DEFAULT_B
    tokenizer: str = TOKENIZER_ID
    # Precomputed by `__post_init__` when not given; `load` passes the stored (memory-mapped) ones.
    weights: np.ndarray | None = field(default=None, repr=False)
    idf: np.ndarray = field(init=False, repr=False)
    doc_norm: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n_docs = len(self.doc_lengths)
        df = np.diff(self.indptr)
        self.idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
        avgdl = float(self.doc_lengths.mean()) if n_docs and self.doc_lengths.any() else 1.0
        self.doc_norm = self.k1 * (1.0 - self.b + self.b * self.doc_lengths / avgdl)
        if self.weights is None:
            self.weights = self._posting_weights()
        elif self.weights.shape != self.doc_ids.shape:
            raise ValueError(f"{self.weights.size} weights for {self.doc_ids.size} postings")

    def _posting_weights(self) -> np.ndarray:
        """The BM25 weight of every posting: idf × tf × (k1 + 1) / (tf + k1 × (1 − b + b × dl / avgdl))."""
        # float32 halves memory at 10^5 passages (scores are still summed in float64);
        # blocks keep the float64 temporaries small when there are ~10^8 postings.
        weights = np.empty(self.doc_ids.size, dtype=np.float32)
        for lo in range(0, self.doc_ids.size, _WEIGHT_BLOCK):
            hi = min(lo + _WEIGHT_BLOCK, self.doc_ids.size)
            # The terms whose postings overlap [lo, hi), and how many of each fall inside.
            first, last = np.searchsorted(self.indptr, [lo, hi - 1], side="right") - 1
            counts = np.diff(np.clip(self.indptr[first : last + 2], lo, hi))
            tf = self.term_freqs[lo:hi].astype(np.float64)
            idf = np.repeat(self.idf[first : last + 1], counts)
            weights[lo:hi] = idf * tf * (self.k1 + 1.0) / (tf + self.doc_norm[self.doc_ids[lo:hi]])
        return weights

    @property
    def n_docs(self) -> int:
        return len(self.doc_lengths)

    @classmethod
    def build(
        cls,
        docs_tokens: Iterable[Sequence[str]],
        k1: float = DEFAULT_K1,
        b: float = DEFAULT_B,
        *,
        tokenizer: str = TOKENIZER_ID,
    ) -> BM25Index:
        """Index `docs_tokens` (one token list per document, e.g. from `tokenize`).

        Example:
            >>> BM25Index.build([["a", "b"], []]).n_docs
            2
        """
        if k1 < 0 or not 0.0 <= b <= 1.0:
            raise ValueError(f"need k1 >= 0 and 0 <= b <= 1, got k1={k1}, b={b}")
        # A miss assigns the next id, so the per-posting lookup below stays in C (map + __getitem__).
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__
        # array('i') instead of lists: ~10^8 postings at 10^5 passages must not become Python ints.
        terms, freqs = array("i"), array("i")
        lengths, unique = array("q"), array("q")
        for tokens in docs_tokens:
            counts = Counter(tokens)
            lengths.append(len(tokens))
            unique.append(len(counts))
            terms.extend(map(vocabulary.__getitem__, counts))
            freqs.extend(counts.values())
        docs = np.repeat(np.arange(len(lengths), dtype=np.int32), np.frombuffer(unique, dtype=np.int64))
        term_arr = np.frombuffer(terms, dtype=np.int32)
        order = np.argsort(term_arr, kind="stable")  # stable keeps documents ascending within a term
        indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_arr, minlength=len(vocabulary)), out=indptr[1:])
        return cls(
            vocabulary=dict(vocabulary),
            indptr=indptr,
            doc_ids=docs[order],
            term_freqs=np.frombuffer(freqs, dtype=np.int32)[order].copy(),
            doc_lengths=np.frombuffer(lengths, dtype=np.int64).copy(),
            k1=float(k1),
            b=float(b),
            tokenizer=tokenizer,
        )

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every document (float64, length `n_docs`); unknown terms add nothing.

        A term repeated in the query counts once, as in most BM25 implementations.

        Example:
            >>> BM25Index.build([["x"], ["y"]]).scores(["y"]).round(3).tolist()
            [0.0, 0.693]
        """
        rows = sorted({self.vocabulary[t] for t in query_tokens if t in self.vocabulary})
        if not rows:
            return np.zeros(self.n_docs, dtype=np.float64)
        slices = [slice(self.indptr[r], self.indptr[r + 1]) for r in rows]
        docs = np.concatenate([self.doc_ids[s] for s in slices])
        weights = np.concatenate([self.weights[s] for s in slices])
        return np.bincount(docs, weights=weights, minlength=self.n_docs)

    def group_scores(self, groups: Sequence[tuple[Sequence[str], float]]) -> np.ndarray:
        """BM25 of a structured query: each group's tokens count as one term, scaled by the group's weight.

        A group is the alternatives of one query word, e.g. its dictionary
        translations (Pirkola 1998): their frequencies are summed per document
        and the group's idf comes from the documents holding any of them, so a
        word with many translations is not counted many times over. A group of
        one token scores exactly as `scores` does.

        Example:
            >>> index = BM25Index.build([["报告"], ["汇报"], ["天气"]])
            >>> index.group_scores([(["报告", "汇报"], 1.0)]).round(3).tolist()
            [0.47, 0.47, 0.0]
        """
        total = np.zeros(self.n_docs, dtype=np.float64)
        for tokens, weight in groups:
            rows = sorted({self.vocabulary[t] for t in tokens if t in self.vocabulary})
            if not rows or weight == 0:
                continue
            slices = [slice(self.indptr[r], self.indptr[r + 1]) for r in rows]
            docs = np.concatenate([self.doc_ids[s] for s in slices])
            if len(rows) == 1:
                total += weight * np.bincount(docs, weights=self.weights[slices[0]], minlength=self.n_docs)
                continue
            tf = np.bincount(docs, weights=np.concatenate([self.term_freqs[s] for s in slices]), minlength=self.n_docs)
            hit = np.flatnonzero(tf)
            idf = np.log1p((self.n_docs - hit.size + 0.5) / (hit.size + 0.5))
            total[hit] += weight * idf * tf[hit] * (self.k1 + 1.0) / (tf[hit] + self.doc_norm[hit])
        return total

    def ideal_score(self, groups: Sequence[tuple[Sequence[str], float]]) -> float:
        """What `group_scores` gives a document of average length holding each group once: Σ weight × idf.

        A query-dependent scale that does not depend on which documents match, so a
        passage sharing one common word with the query stays a weak match after
        dividing by it (dividing by the best match would make it 1.0).
        """
        total = 0.0
        for tokens, weight in groups:
            rows = {self.vocabulary[t] for t in tokens if t in self.vocabulary}
            if not rows:
                continue
            docs = np.concatenate([self.doc_ids[self.indptr[r] : self.indptr[r + 1]] for r in rows])
            df = docs.size if len(rows) == 1 else int(np.unique(docs).size)
            total += weight * float(np.log1p((self.n_docs - df + 0.5) / (df + 0.5)))
        return total

    def __contains__(self, token: object) -> bool:
        return token in self.vocabulary

    def df(self, token: str) -> int:
        """How many documents hold `token` (0 for an unknown one)."""
        term = self.vocabulary.get(token)
        return 0 if term is None else int(self.indptr[term + 1] - self.indptr[term])

    def contains(self, token: str, row: int) -> bool:
        """Whether document `row` holds `token` (postings are sorted by document)."""
        term = self.vocabulary.get(token)
        if term is None:
            return False
        docs = self.doc_ids[self.indptr[term] : self.indptr[term + 1]]
        i = int(np.searchsorted(docs, row))
        return i < docs.size and int(docs[i]) == row

    def search(self, query_tokens: Sequence[str], k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Up to `k` (document, score) pairs, best first, score > 0; ties go to the lower index.

        `allowed` is an optional boolean mask over documents; masked-out ones never appear.

        Example:
            >>> index = BM25Index.build([["x"], ["x", "y"]])
            >>> [d for d, _ in index.search(["x"], k=5, allowed=np.array([False, True]))]
            [1]
        """
        if k <= 0 or not query_tokens:
            return []
        return self.top_k(self.scores(query_tokens), k, allowed)

    def top_k(self, scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `k` best (document, score) pairs of a score array, score > 0, ties to the lower index."""
        if allowed is not None:
            allowed = np.asarray(allowed)
            if allowed.dtype != np.bool_ or allowed.shape != (self.n_docs,):
                raise ValueError(
                    f"allowed must be a boolean mask of shape ({self.n_docs},), got {allowed.dtype} {allowed.shape}"
                )
            scores = np.where(allowed, scores, 0.0)
        hits = np.flatnonzero(scores > 0)
        if hits.size > k:
            # argpartition alone would pick arbitrarily among documents tied at the
            # k-th score; keep the lowest indices so results are reproducible.
            kth = -np.partition(-scores[hits], k - 1)[k - 1]
            above = hits[scores[hits] > kth]
            hits = np.concatenate([above, hits[scores[hits] == kth][: k - above.size]])
        hits = hits[np.lexsort((hits, -scores[hits]))]
        return [(int(d), float(scores[d])) for d in hits]

    # ------------------------------------------------------------------ persistence

    def save(self, directory: Path) -> None:
        """Write one `.npy` per array and `bm25.json` (vocabulary, k1, b) into `directory`.

        Each file is written to a temporary name and renamed, `bm25.json` last,
        so an interrupted save is detected on load (see `assistant.lexical_files`).

        Example:
            >>> import tempfile
            >>> with tempfile.TemporaryDirectory() as d:
            ...     BM25Index.build([["x"]]).save(Path(d))
            ...     BM25Index.load(Path(d)).n_docs
            1
        """
        arrays = {
            "indptr": self.indptr,
            "doc_ids": self.doc_ids,
            "term_freqs": self.term_freqs,
            "weights": self.weights,
            "doc_lengths": self.doc_lengths,
        }
        meta = {
            "format": lexical_files.FORMAT,
            "version": lexical_files.FORMAT_VERSION,
            "tokenizer": self.tokenizer,
            "k1": self.k1,
            "b": self.b,
            "n_docs": self.n_docs,
            "n_postings": int(self.doc_ids.size),
            # A list in term-id order: JSON object key order is not something to rely on.
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
        }
        lexical_files.write_files(Path(directory), arrays, meta)

    @classmethod
    def load(cls, directory: Path, *, tokenizer: str | None = TOKENIZER_ID, mmap: bool = True) -> BM25Index:
        """Read an index written by `save`; `LexicalIndexError` naming the bad file otherwise.

        With `tokenizer=None` an index built with another tokenizer is accepted. With
        `mmap` (the default) the arrays stay on disk and pages are read as queries
        touch them; the per-posting value checks then do not run (they would read
        every page), so a caller that needs them either passes `mmap=False` or, as
        `assistant.store` does, checks the files' checksums. An index in an older
        format raises `LexicalFormatError` (stale: rebuild), not a corruption error.

        Example:
            >>> BM25Index.load(Path("/nonexistent"))
            Traceback (most recent call last):
            ...
            assistant.lexical_files.LexicalIndexError: BM25 index file /nonexistent/bm25.json is missing; ...
        """
        directory = Path(directory)
        meta = lexical_files.read_meta(directory)
        if tokenizer is not None and meta["tokenizer"] != tokenizer:
            raise LexicalIndexError(
                f"{directory / META_FILE} was built with tokenizer {meta['tokenizer']!r} but this code tokenizes as "
                f"{tokenizer!r}; rebuild the index"
            )
        arrays = lexical_files.read_arrays(directory, meta, mmap=mmap)
        vocabulary = {term: i for i, term in enumerate(meta["vocabulary"])}
        _check_consistent(directory, arrays, meta, len(vocabulary), values=not mmap)
        try:
            return cls(
                vocabulary=vocabulary,
                indptr=arrays["indptr"],
                doc_ids=arrays["doc_ids"],
                term_freqs=arrays["term_freqs"],
                doc_lengths=arrays["doc_lengths"],
                k1=float(meta["k1"]),
                b=float(meta["b"]),
                tokenizer=meta["tokenizer"],
                weights=arrays["weights"],
            )
        except (ValueError, IndexError, TypeError) as exc:  # pragma: no cover - guarded by _check_consistent
            raise LexicalIndexError(f"BM25 index in {directory} is corrupt: {exc}; rebuild the index") from exc


def _check_consistent(
    directory: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any], n_terms: int, *, values: bool
) -> None:
    """Structural checks, so a damaged folder fails here and not as a wrong score later.

    Sizes and the vocabulary-long offsets are always checked; `values` adds the
    checks that read every posting (documents in range, positive frequencies).
    """
    indptr, doc_ids, tfs, lengths = (arrays[n] for n in ("indptr", "doc_ids", "term_freqs", "doc_lengths"))
    problems = []
    if indptr.size != n_terms + 1:
        problems.append(f"{indptr.size - 1} postings lists for {n_terms} vocabulary terms")
    elif indptr[0] != 0 or np.any(np.diff(indptr) < 0) or indptr[-1] != doc_ids.size:
        problems.append("postings offsets are not monotonic")
    sizes = {doc_ids.size, tfs.size, arrays["weights"].size, meta["n_postings"]}
    if len(sizes) != 1:
        problems.append(
            f"{doc_ids.size} postings, {tfs.size} frequencies, {arrays['weights'].size} weights, "
            f"{meta['n_postings']} expected"
        )
    if lengths.size != meta["n_docs"]:
        problems.append(f"{lengths.size} document lengths for {meta['n_docs']} documents")
    if values and doc_ids.size and (doc_ids.min() < 0 or doc_ids.max() >= lengths.size):
        problems.append("postings point outside the documents")
    if values and tfs.size and tfs.min() < 1:
        problems.append("non-positive term frequencies")
    if problems:
        raise LexicalIndexError(f"BM25 index in {directory} is corrupt: {'; '.join(problems)}; rebuild the index")
