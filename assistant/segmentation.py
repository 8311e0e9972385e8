"""Chinese words: one private jieba tokenizer, its word boundaries and its part-of-speech tags.

BM25 (`assistant.lexical`), the traditional-character wording (`assistant.script`) and the answerer's
reading of Chinese phrases all segment with this one tokenizer, so that they cut a text the same way and
its dictionary is loaded once. Its cache lives where `settings.jieba_cache_dir()` says, never in /tmp.

Example:
    >>> list(cut("理事会的报告"))
    ['理事会', '的', '报告']
    >>> sorted(cjk_word_bounds("发展中国家"))
    [0, 5]
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant.settings import jieba_cache_dir

__all__ = ["cjk_word_bounds", "cut", "pos_words"]


@dataclass
class _JiebaHolder:
    lock: threading.Lock = field(default_factory=threading.Lock)
    tokenizer: Any = None


_JIEBA = _JiebaHolder()


def _jieba() -> Any:
    """A private `jieba.Tokenizer` whose dictionary cache lives in `settings.jieba_cache_dir()`, never /tmp."""
    if _JIEBA.tokenizer is None:
        with _JIEBA.lock:
            if _JIEBA.tokenizer is None:
                import jieba

                # jieba logs "Building prefix dict ..." at DEBUG to stderr on first use.
                jieba.setLogLevel(logging.WARNING)
                cache_dir = jieba_cache_dir()
                # jieba writes its cache with mkstemp(dir=...), which fails (noisily) without the folder.
                cache_dir.mkdir(parents=True, exist_ok=True)
                tok = jieba.Tokenizer()
                tok.tmp_dir = str(cache_dir)
                tok.cache_file = "jieba.cache"
                tok.initialize()
                _JIEBA.tokenizer = tok
    return _JIEBA.tokenizer


_POS = _JiebaHolder()


def pos_words(text: str) -> list[tuple[str, str]]:
    """jieba's words of `text` with their part-of-speech flags (n, v, uj, x, …), punctuation included, so
    that the words joined give the text back. The tagger shares `_jieba()`'s dictionary; it is built once,
    on first use, by the answerer's reading of Chinese noun phrases (the UI's warm-up builds it)."""
    if _POS.tokenizer is None:
        with _POS.lock:
            if _POS.tokenizer is None:
                _POS.tokenizer = _pos_tagger(_jieba())
    return [(p.word, p.flag) for p in _POS.tokenizer.cut(text, HMM=False)]


def _pos_tagger(tokenizer: Any) -> Any:
    """A jieba POS tagger over `tokenizer` that reuses the word-tag table importing jieba.posseg has already
    read for its own default tagger (350,000 words: half a second and 40 MB a second read would cost).
    `POSTokenizer(tokenizer)` reads it again. The table is only read: `tokenizer` has no user words."""
    from jieba import posseg

    class _SharedTagTagger(posseg.POSTokenizer):  # type: ignore[misc]
        def __init__(self) -> None:  # no super().__init__: it would read the table again
            self.tokenizer = tokenizer
            self.word_tag_tab = posseg.dt.word_tag_tab

    return _SharedTagTagger()


def cjk_word_bounds(text: str) -> frozenset[int]:
    """Offsets in `text` where a jieba word starts or ends: a Chinese name found inside a longer word
    (中国 in 发展中国家, "developing countries") does not start and end on them."""
    return frozenset(i for _, start, end in _jieba().tokenize(text, HMM=False) for i in (start, end))


def cut(text: str, *, hmm: bool = False) -> Iterator[str]:
    """jieba's words of `text` in order, punctuation included; `hmm` lets jieba guess words its dictionary lacks."""
    return _jieba().cut(text, HMM=hmm)
