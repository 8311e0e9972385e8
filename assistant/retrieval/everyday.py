"""Everyday words and idioms searched as the words a text writes: one table, assistant/data/everyday_words.tsv.

A question asks what AI does to 老百姓的钱袋子 or over which "stretch of an AI tool's existence" rights hold; the
clause says 经济社会 and "lifecycle". Neither the glossary nor CC-CEDICT links them (钱袋子 is a purse, "existence"
is 存在), so such a question shares no word with its clause, and the dictionary's word-by-word translations find
other clauses (钱 money, 袋子 bags). A row of the table is one everyday word or idiom, by its pattern in a question
of one language, and the words a text of this register writes for it, in either language. `find_everyday`
finds the rows; the query translation (retrieval/translation.py) searches each as those words (the ones the index
holds), and the question's words of it are not translated one by one. The answerer's support check reads those
words as the question word's translations (chain.query_translations), so a clause that writes them covers it.

The table adds a clause's own words, not a term's other names: a description of a glossary term ("the union's
top official") stays descriptions.py's, which an English question does not search (searched, those lowered the
gold suite's recall@5).

Example:
    >>> [row.wording[:2] for row, _ in find_everyday("Over which stretch of its existence?", "en")[0]]
    [('lifecycle', '生命周期')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.schema import Language

_TABLE = ("data", "everyday_words.tsv")


@dataclass(frozen=True)
class EverydayWord:
    """A row of the table: an everyday word or idiom of one language and how a text says it."""

    lang: Language
    pattern: re.Pattern[str]
    wording: tuple[str, ...]  # the text's words, in either language
    kind: str  # "everyday" or "idiom"


def parse_table(text: str) -> tuple[EverydayWord, ...]:
    """The rows of a table in the format of everyday_words.tsv (comments and blank lines skipped).

    Example:
        >>> [(w.lang, w.wording) for w in parse_table("# c\\nen\\tlife\\\\s*span\\tlifecycle;生命周期\\tidiom\\tn")]
        [('en', ('lifecycle', '生命周期'))]
    """
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 4 or cells[0] not in ("en", "zh"):
            raise ValueError(f"everyday words, line {number}: expected language, pattern, wording, class")
        lang, pattern, wording, kind = cells[:4]
        # English: whole words only ("purses" is no "purse" inside "purposes").
        source = rf"\b(?:{pattern})\b" if lang == "en" else pattern
        words = tuple(w.strip() for w in wording.split(";") if w.strip())
        rows.append(EverydayWord(lang, re.compile(source, re.IGNORECASE), words, kind))  # type: ignore[arg-type]
    return tuple(rows)


@lru_cache(maxsize=1)
def everyday_words() -> tuple[EverydayWord, ...]:
    """The project's table (assistant/data/everyday_words.tsv)."""
    return parse_table(resources.files("assistant").joinpath(*_TABLE).read_text(encoding="utf-8"))


def find_everyday(
    text: str, lang: Language, table: tuple[EverydayWord, ...] | None = None
) -> tuple[list[tuple[EverydayWord, str]], str]:
    """The table's rows found in `text` with their words as written, in table order (a longer row listed
    first wins over a shorter one inside it), and `text` with each found row's words blanked out (so the
    dictionary does not also translate them one by one; retrieval/translation.py searches them).

    Example:
        >>> found, rest = find_everyday("AI会给老百姓的钱袋子带来什么", "zh")
        >>> [(source, row.wording[0]) for row, source in found]
        [('钱袋子', '经济'), ('老百姓', '人们')]
        >>> rest
        'AI会给   的   带来什么'
    """
    found: list[tuple[EverydayWord, str]] = []
    for row in table if table is not None else everyday_words():
        if row.lang != lang:
            continue
        m = row.pattern.search(text)
        if m is None:
            continue
        found.append((row, m.group(0)))
        # A Chinese row keeps the text's length (no new words formed across the gap); English needs a space.
        text = row.pattern.sub(lambda hit: " " * len(hit.group(0)) if lang == "zh" else " ", text)
    return found, text
