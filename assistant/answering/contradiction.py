"""A yes-no question whose place the cited clause contradicts: "Was Resolution 139 revised in New York?"
is not answered "Yes." from the clause that says 布加勒斯特 (Bucharest).

Coverage cannot see this: every other word of the question is in the clause, and "New York" is in the
corpus (the article's dateline), so it is no absent name either. Only a clause that names a city of its
own counts as contradicting; one that names none says nothing about the place, and the yes-no answer
stands as before.

Example:
    >>> other_places("Was Resolution 139 revised in New York?", "第139号决议（2022年，布加勒斯特，修订版）")
    ['New York']
    >>> other_places("Was Resolution 139 revised in Bucharest?", "第139号决议（2022年，布加勒斯特，修订版）")
    []
"""

from __future__ import annotations

from assistant.answering.gazetteer import city_names, same_city


def other_places(question: str, clause: str) -> list[str]:
    """The question's cities that `clause` does not name, when it names another city; else []."""
    asked = city_names(question)
    given = city_names(clause)
    if not asked or not given:
        return []
    return [a for a in asked if not any(same_city(a, g) for g in given)]
