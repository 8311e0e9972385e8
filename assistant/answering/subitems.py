"""Clauses that introduce a list ("ITU's purposes include:") and questions that count its items.

"How many sub-items list ITU's purposes?" asks for no number written in the text: the answer is
how many sub-clauses the introducing clause has. Only questions that count list items in so many
words (a small table per language) are answered this way; "How many countries …" still needs a
number in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.safety import flags_of
from assistant.schema import Chunk, Language

# What counts the items of a list, not things the text would number itself.
_COUNTS_ITEMS: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\bhow many (?:sub-?)?(?:items|points|paragraphs|clauses|elements|entries|bullets)\b"
        r"|\bnumber of (?:sub-?)?(?:items|points|paragraphs|clauses|elements|entries|bullets)\b",
        re.I,
    ),
    # 几项 / 多少条 at the end of the question: how many items, not 几项决议 (how many resolutions).
    # (Not 几点: at the end of a question it asks what time it is.)
    "zh": re.compile(r"(?:几|多少)(?:个)?(?:子项|分项|项|条|款)[？?。\s]*$"),
}


def counts_items(question: str, lang: Language) -> bool:
    """Whether the question asks how many items a list has ("How many sub-items …", "…包括几项？")."""
    return bool(_COUNTS_ITEMS[lang].search(question))


def sub_items(chunk: Chunk, chunks: Sequence[Chunk]) -> list[Chunk]:
    """The sub-clauses a clause ending in a colon introduces, in document order.

    Flagged passages (instructions to an AI) are left out: they may be evidence, never the answer.
    """
    if not chunk.text.rstrip().endswith((":", "：")) or not chunk.path:
        return []
    prefix = chunk.id.split("#")[0] + "/"
    found = (c for c in chunks if c.id.startswith(prefix) and not flags_of(c))
    return sorted(found, key=lambda c: c.start)


def item_count(chunk: Chunk, items: Sequence[Chunk]) -> int:
    """How many items a list has: its direct sub-clauses, a long one split into parts counted once."""
    depth = len(chunk.path) + 1
    return len({c.id.split("#")[0] for c in items if len(c.path) == depth})


def item_count_lead(n: int, lang: Language) -> str:
    """The short answer to an item-counting question: "3 items." / "共3项。"."""
    if lang == "zh":
        return f"共{n}项。"
    return f"{n} item{'s' if n != 1 else ''}."
