"""Short answers inside a clause: dates, frequencies, counts with their unit, amounts, and the quote itself.

Each extractor takes source text and returns `Span`s with offsets into that
text, so a short answer can always be traced to the quoted words. English
glosses of Chinese figures ("30多个" -> "more than 30") come from a small
table, never from guessing.

Example:
    >>> [s.text for s in dates("New York, 21 March, 2004 – The United Nations")]
    ['21 March, 2004']
    >>> [s.gloss for s in counts("联合国30多个机构和部门")]
    ['more than 30']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answering.evidence import Group, chunk_evidence, overlap, unsaid_aside
from assistant.schema import Chunk
from assistant.text import has_cjk

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_PATTERNS = (
    rf"\b\d{{1,2}}\s+(?:{_MONTHS}),?\s+\d{{4}}\b",
    rf"\b(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\b",
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?",
    r"\d{1,2}月\d{1,2}日",
    r"\b(?:19|20)\d{2}\b",
)
_DATE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS))
# The 2030 Agenda's year is part of its name: "2030 Agenda", "2030 Sustainable Development Agenda",
# 2030年可持续发展议程, 2030议程, and the other order, "Agenda 2030".
_AGENDA_AFTER = re.compile(r"\d{4}(?:年?(?:可持续|议程)|\s+(?:Sustainable\s+Development\s+)?Agenda\b)", re.IGNORECASE)
_AGENDA_BEFORE = re.compile(r"\bAgenda\s+$", re.IGNORECASE)
# A span of years: "2022-2026", "2022–2026", "2022 to 2026", 2022至2026年, 2022年至2026年, 2022~2026. Longer
# spans are no range a clause dates something by.
_YEAR_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:-|–|—|~|～|至|到|to|through|until)\s*((?:19|20)\d{2})(?!\d)", re.IGNORECASE
)
_MAX_RANGE = 30
# How often: the frequency words of both languages with their gloss in the other.
FREQUENCIES: tuple[tuple[str, str], ...] = (
    ("每年", "every year"),
    ("每两年", "every two years"),
    ("每四年", "every four years"),
    ("每月", "every month"),
    ("annually", "每年"),
    ("every year", "每年"),
    ("each year", "每年"),
    ("yearly", "每年"),
)
_FREQUENCY = re.compile("|".join(re.escape(f) for f, _ in FREQUENCIES), re.IGNORECASE)
# A count: a number with its qualifier and the noun it counts. Years, clause numbers inside
# symbols (A/RES/70/1) and the "2030" of the 2030 Agenda are not counts.
_COUNT_EN = re.compile(
    r"(?<![\w/.-])(?:(more than|over|at least|about|some|nearly|almost|fewer than|up to|less than)\s+)?"
    r"(\d[\d,]*)(?![\w/.-])\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)"
)
_COUNT_ZH = re.compile(r"(超过|逾|约|近)?(\d+)(多)?(个|项|次|名|家|国|条|届|位|种)([\u4e00-\u9fff]{0,4})")
_EN_QUALIFIER_ZH = {"more than": "超过", "over": "超过", "at least": "至少", "about": "约", "nearly": "近"}
_ZH_QUALIFIER_EN = {"超过": "more than", "逾": "more than", "约": "about", "近": "nearly"}
# An amount of money: a number with a currency before or after it, in either language.
# Longer names first: the first alternative that matches wins ("US$" before "$").
_CURRENCY_BEFORE = ("CHF", "USD", "US$", "$", "€", "EUR")
_CURRENCY_AFTER = ("Swiss francs", "francs", "dollars", "euros", "CHF", "USD")
_CURRENCY_ZH = ("瑞士法郎", "瑞郎", "美元", "欧元", "元")
_MONEY_NUMBER = r"\d[\d,.]*"
_AMOUNT = re.compile(
    rf"(?:{'|'.join(map(re.escape, _CURRENCY_BEFORE))})\s?{_MONEY_NUMBER}(?:\s?(?:million|billion))?"
    rf"|{_MONEY_NUMBER}\s?(?:million|billion)?\s?(?:{'|'.join(map(re.escape, _CURRENCY_AFTER))})"
    rf"|{_MONEY_NUMBER}\s?(?:万|亿)?(?:{'|'.join(_CURRENCY_ZH)})",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^。；！？!?;.]*(?:[。；！？!?;]|\.(?=\s|$)|$)")


@dataclass(frozen=True)
class Span:
    """A short answer found in a text: offsets into it, the words, and a gloss in the other language."""

    start: int
    end: int
    text: str
    gloss: str = ""
    kind: str = ""  # date, frequency, count, amount

    def shown(self, lang: str) -> str:
        """The span for an answer in `lang`: source words, with the gloss when it helps the reader."""
        if not self.gloss or self.gloss == self.text:
            return self.text
        source_is_zh = has_cjk(self.text)
        if (lang == "en") == source_is_zh:
            return f"{self.gloss} ({self.text})" if lang == "en" else f"{self.gloss}（{self.text}）"
        return self.text


def _is_year(number: str) -> bool:
    return len(number) == 4 and number[:2] in ("19", "20")


def dates(text: str) -> list[Span]:
    """Calendar dates and years, longest first at each position."""
    out: list[Span] = []
    for m in _DATE.finditer(text):
        value = m.group(0)
        if _AGENDA_AFTER.match(text, m.start()) or _AGENDA_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # the 2030 Agenda is a name, not a date, in either word order ("Agenda 2030", 2030议程)
        gloss = re.sub(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", _zh_date_gloss, value) if "年" in value else ""
        out.append(Span(m.start(), m.end(), value, gloss, "date"))
    return out


def years(text: str) -> list[str]:
    """The years of `text`'s dates, each once, in order (2022年3月 and "21 March 2024" give 2022, 2024).

    A range gives every year it spans ("2022–2026", 2022至2026年: 2022 … 2026), so that a year inside it is
    never read as another year than the text's."""
    found = [(d.start, y) for d in dates(text) for y in re.findall(r"(?:19|20)\d{2}", d.text)]
    for m in _YEAR_RANGE.finditer(text):
        first, last = int(m[1]), int(m[2])
        if 0 < last - first <= _MAX_RANGE:
            found += [(m.start(), str(y)) for y in range(first, last + 1)]
    return list(dict.fromkeys(y for _, y in sorted(found, key=lambda f: f[0])))


@dataclass(frozen=True)
class MonthDay:
    """A month a text names, with its day when it gives one, as written there ("21 March", "April", 4月)."""

    text: str
    month: int
    day: int | None = None

    def agrees(self, other: MonthDay) -> bool:
        """Whether `other` can be the same date: the same month, and the same day when both give one."""
        return self.month == other.month and (self.day is None or other.day is None or self.day == other.day)


_ZH_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
# A month name is a month next to a day or a year, or after a preposition ("in April"): "May" alone is a verb.
# Questions are typed in lower case too ("adopted in march 2024", "on 21 march"); a lower-case "may" is a
# month only before a year ("in may 2022"): "Resolution 3 may be revised" and "in may" are the verb's.
_EN_MONTH = re.compile(
    rf"\b(?P<dm>(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS}))\b|\b(?P<md>(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}}))(?!\d)"
    rf"|\b(?:in|on|of|by|since|until|during|from|before|after)\s+(?P<m3>{_MONTHS})\b(?!\s+\d{{1,2}}(?!\d))|\b(?P<m4>{_MONTHS})(?=,?\s+\d{{4}}\b)",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r",?\s+\d{4}\b")
_CLOSE_AFTER = re.compile(r"\s*(?:[?？.!,;:)]|$)")
# 3月, 3月21日, 三月, 十二月: a numeral right before 月 (个月 counts months, 每月 repeats).
_ZH_MONTH = re.compile(
    r"(?<![\d一二三四五六七八九十个每])(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:(\d{1,2})[日号])?"
)


def month_days(text: str) -> list[MonthDay]:
    """The months (with their days) `text`'s dates name, in order: "21 March, 2004", "in April 2024", 2024年4月."""
    names = [n.lower() for n in _MONTHS.split("|")]
    found: list[tuple[int, MonthDay]] = []
    for m in _EN_MONTH.finditer(text):
        day = m["d1"] or m["d2"]
        shown = next(g for g in ("dm", "md", "m3", "m4") if m[g])
        name = m["m1"] or m["m2"] or m["m3"] or m["m4"]
        if name == "may" and not (_YEAR_AFTER.match(text, m.end()) or (m["d1"] and _CLOSE_AFTER.match(text, m.end()))):
            # "Resolution 3 may be revised": lower-case "may" is the verb unless a year follows, or a day goes
            # before it and the sentence or phrase ends after it ("adopted on 21 may?").
            continue
        found.append((m.start(shown), MonthDay(m[shown], names.index(name.lower()) + 1, int(day) if day else None)))
    for m in _ZH_MONTH.finditer(text):
        month = int(m[1]) if m[1].isdigit() else _zh_number(m[1])
        if 1 <= month <= 12:
            found.append((m.start(), MonthDay(m[0], month, int(m[2]) if m[2] else None)))
    return [d for _, d in sorted(found, key=lambda f: f[0])]


def _zh_number(numeral: str) -> int:
    """一 … 十二 as a number."""
    if numeral.startswith("十"):
        return 10 + (_ZH_NUMERALS[numeral[1]] if len(numeral) > 1 else 0)
    return _ZH_NUMERALS[numeral]


def _zh_date_gloss(m: re.Match[str]) -> str:
    year, month, day = m.group(1), m.group(2), m.group(3)
    months = _MONTHS.split("|")
    if month and day:
        return f"{int(day)} {months[int(month) - 1]} {year}"
    if month:
        return f"{months[int(month) - 1]} {year}"
    return year


def frequencies(text: str) -> list[Span]:
    """'every year', '每年', 'annually' ... with the other language's word as gloss."""
    table = {f.lower(): g for f, g in FREQUENCIES}
    return [
        Span(m.start(), m.end(), m.group(0), table[m.group(0).lower()], "frequency") for m in _FREQUENCY.finditer(text)
    ]


def counts(text: str) -> list[Span]:
    """Numbers with what they count ('more than 120 member states', '30多个机构'); years and symbol parts excluded."""
    out: list[Span] = []
    for m in _COUNT_EN.finditer(text):
        number = m.group(2)
        if _is_year(number.replace(",", "")):
            continue
        qualifier = m.group(1) or ""
        noun = m.group(3)
        words = f"{qualifier} {number} {noun}".strip()
        zh = f"{_EN_QUALIFIER_ZH.get(qualifier.lower(), '')}{number}"
        out.append(Span(m.start(), m.end(), words, zh, "count"))
    for m in _COUNT_ZH.finditer(text):
        qualifier, number, more = m.group(1) or "", m.group(2), m.group(3)
        if _is_year(number) or text[m.end(2) : m.end(2) + 1] == "年":
            continue
        before = text[max(0, m.start() - 1) : m.start()]
        if before in ("第", "/", "-") or (before.isascii() and before.isalnum()):
            continue  # 第139号, A/RES/70/1: an ordinal or part of a symbol
        lead = _ZH_QUALIFIER_EN.get(qualifier, "more than" if more else "")
        gloss = f"{lead} {number}".strip()
        out.append(Span(m.start(), m.end(), m.group(0), gloss, "count"))
    return sorted(out, key=lambda s: s.start)


def amounts(text: str) -> list[Span]:
    """Sums of money with their currency."""
    return [Span(m.start(), m.end(), m.group(0).strip(), "", "amount") for m in _AMOUNT.finditer(text)]


def spans_for(qtype: str, text: str) -> list[Span]:
    """The short answers of `text` that can answer a question of type `qtype` (empty: the text has none)."""
    if qtype == "when":
        return frequencies(text) + dates(text)
    if qtype == "how-many":
        return counts(text)
    if qtype == "how-much":
        return amounts(text)
    return []


# Types whose answer is a value: a clause without such a value does not answer them.
VALUE_TYPES = ("when", "how-many", "how-much")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, trimmed; a clause without inner full stops is one sentence."""
    spans = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans or [(0, len(text))]


# "Besides X, what else …": the sentence stating X names the rest with it (exclusions.py); as much as a value.
_PEERS_BONUS = 0.5


def best_quote(
    chunk: Chunk,
    groups: Sequence[Group],
    idf: Callable[[str], float | None],
    qtype: str = "",
    extra: Callable[[str], frozenset[str]] | None = None,
    prefer: frozenset[str] = frozenset(),
    aside: frozenset[int] = frozenset(),
) -> tuple[int, int]:
    """Offsets (into the document) of the sentence of `chunk` that best covers the question.

    Clauses are short and quoted whole; long paragraphs are narrowed to the
    best-matching sentence so the quote points at the evidence. A question
    whose answer is a value (a date, a count) prefers the sentence that has one.
    `extra` gives a sentence's further evidence tokens, as the clause was scored
    with them (the parts of its unlisted compounds). Sentences that cover the question
    equally are told apart by how many of the `prefer` tokens they have, then by order.
    `aside` are the positions of the groups of a phrase the question sets aside (exclusions.aside_positions):
    they count only in a sentence stating it, and that sentence, naming it with its peers, is preferred.
    """
    spans = sentences(chunk.text)
    if len(spans) == 1 or len(chunk.text) < 160:
        return chunk.start, chunk.end

    def score(a: int, b: int) -> float:
        bonus = 0.5 if qtype in VALUE_TYPES and spans_for(qtype, chunk.text[a:b]) else 0.0
        terms, tokens = chunk_evidence(chunk.text[a:b])
        if extra is not None:
            tokens = tokens | extra(chunk.text[a:b])
        unsaid = unsaid_aside(groups, aside, (terms, tokens), idf)
        peers = _PEERS_BONUS if aside and not unsaid else 0.0
        return overlap(groups, (terms, tokens), idf, unsaid) + bonus + peers

    def preferred(a: int, b: int) -> int:
        return len(prefer & chunk_evidence(chunk.text[a:b])[1])

    scored = [(score(a, b), preferred(a, b), -i, a, b) for i, (a, b) in enumerate(spans)]
    best = max(scored)
    if best[0] == 0:
        return chunk.start, chunk.end
    return chunk.start + best[3], chunk.start + best[4]


def figures(quote: str, lang: str) -> list[str]:
    """Dates, frequencies and counts in a quote, as shown in an answer in `lang` (kept for the LLM module)."""
    found = [s.shown(lang) for s in frequencies(quote) + dates(quote) + counts(quote)]
    return list(dict.fromkeys(found))
