"""Country and city names in English and Chinese, to tell whether a clause names a country or a city.

"Which country led the coalition?" is only answered by a clause that names a
country; "a coalition of nations" names none. The names come from two packages
installed with the project, so nothing is downloaded at run time:

* countries: `pycountry` (ISO 3166-1: short, common and official names; the
  Chinese names from its `zh_CN` translation of the standard);
* cities: GeoNames (CC BY 4.0), cities of at least `MIN_CITY_POPULATION`
  people, by their name and their Chinese alternate names (simplified forms
  added), bundled as `assistant/data/cities.tsv` by `scripts/make_cities.py`.
  Small places are left out on purpose: GeoNames has towns called "Of", "Union"
  and "Summit", words any English clause may use.

Common short names ISO 3166 does not use ("Russia", "UK", 俄罗斯联邦) come from a small alias
table; accented names also match without their accents ("Zurich"). A one-word city that is also an
English word ("Mobile", "Reading") is no city at the start of a sentence, and a two-character Chinese
city that is a common word (安康, "good health") only in its longer forms; both word lists come from
CC-CEDICT, which the project reads anyway.

Both tables are built on first use and cached for the process.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.segmentation import cjk_word_bounds
from assistant.text import has_cjk

# Cities this large are the ones a policy text names as a venue (Geneva has 200,000 people); smaller
# ones bring ever more common words. A few large ones remain words too ("Reading", "Mobile"): they
# are matched only capitalised, as whole words.
MIN_CITY_POPULATION = 150_000
CITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "cities.tsv"
# Names shorter than this are initials or fragments ("US" is also a word in an English clause).
_MIN_LATIN = 4
_MIN_CJK = 2
# Common names ISO 3166 does not give (it has "Russian Federation", "Türkiye", "United Kingdom"), and
# 2–3 letter ones `_MIN_LATIN` would cut: Latin ones match case-sensitively as whole words ("US", not "us").
COUNTRY_ALIASES: tuple[str, ...] = (
    "Russia",
    "Turkey",
    "UK",
    "U.K.",
    "USA",
    "U.S.A.",
    "US",
    "U.S.",
    "Britain",
    "Great Britain",
    "South Korea",
    "North Korea",
    "Iran",
    "Czech Republic",
    "Ivory Coast",
    "Holland",
    "Palestine",
    "俄罗斯联邦",
    "阿拉伯联合酋长国",
    "玻利维亚",
    "大不列颠",
)
# A sentence starts at the text's start or after a full stop, question or exclamation mark, or a line break.
_SENTENCE_START = re.compile(r"(?:^|[.!?。！？]['\"’”)]?\s+|\n)[\s'\"‘“(•*-]*$")


@dataclass(frozen=True)
class Gazetteer:
    """Names of one kind of place, as two compiled patterns: Latin names (case-sensitive, whole words) and Chinese."""

    latin: re.Pattern[str] | None
    cjk: re.Pattern[str] | None
    # One-word names that are also English words ("Mobile", "Reading", "Nice"): no name at a sentence's start.
    words: frozenset[str] = field(default_factory=frozenset)

    def find(self, text: str) -> list[str]:
        """The names of this kind that `text` contains, Latin then Chinese, each in order of appearance."""
        found = [
            m.group(0)
            for m in (self.latin.finditer(text) if self.latin is not None else ())
            if not (m.group(0) in self.words and _SENTENCE_START.search(text, 0, m.start()))
        ]
        if self.cjk is not None and has_cjk(text):
            # A Chinese name must be a word of its own: 中国 in 发展中国家 ("developing countries") is not.
            bounds = cjk_word_bounds(text)
            found += [m.group(0) for m in self.cjk.finditer(text) if m.start() in bounds and m.end() in bounds]
        return list(dict.fromkeys(found))


def _ascii(name: str) -> str:
    """A name without its accents, as English text often writes it: Zürich -> Zurich, São Paulo -> Sao Paulo."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _compile(names: set[str], aliases: tuple[str, ...] = (), common: frozenset[str] = frozenset()) -> Gazetteer:
    """Names of one kind as a Gazetteer; `aliases` bypass the length limit, `common` are English words."""
    names = names | {_ascii(n) for n in names if not has_cjk(n)}
    latin = {n for n in names if not has_cjk(n) and len(n) >= _MIN_LATIN}
    latin = sorted(latin | {a for a in aliases if not has_cjk(a)}, key=len, reverse=True)
    cjk = {n for n in names if has_cjk(n) and len(n) >= _MIN_CJK}
    cjk = sorted(cjk | {a for a in aliases if has_cjk(a)}, key=len, reverse=True)
    # "Geneva-based": a following hyphen still ends the name; a preceding one does not start it ("Anti-Nice").
    return Gazetteer(
        re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, latin)) + r")(?![\w])") if latin else None,
        re.compile("|".join(map(re.escape, cjk))) if cjk else None,
        frozenset(n for n in latin if " " not in n and n.lower() in common),
    )


@lru_cache(maxsize=1)
def countries() -> Gazetteer:
    """ISO 3166-1 country names, English and Chinese (pycountry)."""
    import pycountry

    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value)
                names.add(zh.gettext(value))
    return _compile(names, COUNTRY_ALIASES)


@lru_cache(maxsize=1)
def _city_rows() -> tuple[tuple[str, str, str], ...]:
    """The bundled table's rows as (English name, Chinese names joined by commas, "1" if also a word)."""
    rows = []
    for line in CITIES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _country, _population, zh, is_word = line.split("\t")
            rows.append((name, zh, is_word))
    return tuple(rows)


@lru_cache(maxsize=1)
def cities() -> Gazetteer:
    """Names of cities of at least MIN_CITY_POPULATION people, English and Chinese (GeoNames, bundled)."""
    names: set[str] = set()
    words: set[str] = set()
    for name, zh, is_word in _city_rows():
        latin, chinese = _city_forms(name, zh)
        names |= latin | chinese
        if is_word == "1":
            words |= {f.lower() for f in latin}
    return _compile(names, common=frozenset(words))


def _city_forms(name: str, zh: str) -> tuple[set[str], set[str]]:
    """A table row's written forms of one city: Latin (its name, without " City": "New York City" is written
    "New York", each also unaccented) and Chinese (its alternate names)."""
    short = {name, name.removesuffix(" City")}
    return short | {_ascii(f) for f in short}, {z for z in zh.split(",") if z}


def country_names(text: str) -> list[str]:
    """The country names `text` contains."""
    return countries().find(text)


def city_names(text: str) -> list[str]:
    """The names of large cities `text` contains."""
    return cities().find(text)


@lru_cache(maxsize=1)
def _city_keys() -> dict[str, str]:
    """Every written form of a city (English, unaccented, Chinese) -> its English name."""
    keys: dict[str, str] = {}
    for name, zh, _is_word in _city_rows():
        latin, chinese = _city_forms(name, zh)
        for form in latin | chinese:
            keys.setdefault(form, name.removesuffix(" City"))
    return keys


def same_city(a: str, b: str) -> bool:
    """Whether two names `city_names` found are one city in any writing: Bucharest / 布加勒斯特."""
    keys = _city_keys()
    return keys.get(a, a) == keys.get(b, b)
