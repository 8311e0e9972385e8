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

Both tables are built on first use and cached for the process.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.lexical import cjk_word_bounds

# Cities this large are the ones a policy text names as a venue (Geneva has 200,000 people); smaller
# ones bring ever more common words. A few large ones remain words too ("Reading", "Mobile"): they
# are matched only capitalised, as whole words.
MIN_CITY_POPULATION = 150_000
CITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "cities.tsv"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Names shorter than this are initials or fragments ("US" is also a word in an English clause).
_MIN_LATIN = 4
_MIN_CJK = 2


@dataclass(frozen=True)
class Gazetteer:
    """Names of one kind of place, as two compiled patterns: Latin names (case-sensitive, whole words) and Chinese."""

    latin: re.Pattern[str] | None
    cjk: re.Pattern[str] | None

    def find(self, text: str) -> list[str]:
        """The names of this kind that `text` contains, Latin then Chinese, each in order of appearance."""
        found = [m.group(0) for m in self.latin.finditer(text)] if self.latin is not None else []
        if self.cjk is not None and _CJK.search(text):
            # A Chinese name must be a word of its own: 中国 in 发展中国家 ("developing countries") is not.
            bounds = cjk_word_bounds(text)
            found += [m.group(0) for m in self.cjk.finditer(text) if m.start() in bounds and m.end() in bounds]
        return list(dict.fromkeys(found))


def _compile(names: set[str]) -> Gazetteer:
    latin = sorted({n for n in names if not _CJK.search(n) and len(n) >= _MIN_LATIN}, key=len, reverse=True)
    cjk = sorted({n for n in names if _CJK.search(n) and len(n) >= _MIN_CJK}, key=len, reverse=True)
    return Gazetteer(
        re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, latin)) + r")(?![\w-])") if latin else None,
        re.compile("|".join(map(re.escape, cjk))) if cjk else None,
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
    return _compile(names)


@lru_cache(maxsize=1)
def cities() -> Gazetteer:
    """Names of cities of at least MIN_CITY_POPULATION people, English and Chinese (GeoNames, bundled)."""
    names: set[str] = set()
    for line in CITIES_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, _country, _population, zh = line.split("\t")
        names.add(name)
        names.add(name.removesuffix(" City"))  # "New York City" is written "New York"
        names.update(z for z in zh.split(",") if z)
    return _compile(names)


def country_names(text: str) -> list[str]:
    """The country names `text` contains."""
    return countries().find(text)


def city_names(text: str) -> list[str]:
    """The names of large cities `text` contains."""
    return cities().find(text)
