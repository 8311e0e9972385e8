"""A yes-no question whose place the cited clause contradicts: "Was Resolution 139 revised in New York?"
is not answered "Yes." from the clause that says 布加勒斯特 (Bucharest).

Coverage cannot see this: every other word of the question is in the clause, and "New York" is in the
corpus (the article's dateline), so it is no absent name either. Only a clause that names a city of its
own counts as contradicting; one that names none says nothing about the place, and the yes-no answer
stands as before.

A year is checked the same way ("Was Resolution 139 revised in 2004?" against 2022年), with the years of
spans.years. A clause that gives no city or year leaves the question to its document's dated record (the
header, the article's dateline: `stating_record`): "Was the resolution on AI adopted in New York?" is
answered from the dateline, and "… in 2022?" is contradicted by it.

A year or city in the parenthesis after another numbered document (忆及 d: 第140号决议（2022年，布加勒斯特，
修订版）) is that document's record, not the clause's: it neither gives nor contradicts the year of a question
that does not name that document ("Was the General Assembly's resolution on AI adopted in 2022?": `borrowed`).

A document named by its topic rather than its number ("Was the resolution on WSIS outcomes revised in
Bucharest?", 有关信息社会世界峰会成果的决议) is the one recorded document of its document's clauses whose
description states that topic (`described`): its record is then its own, and gives or contradicts the year
or city asked; two recorded documents on the topic leave it unnamed, and their records borrowed.

Months and days are checked as years are (`other_dates`: "adopted in April 2024?" or "on 22 March?" against
the dateline's "21 March"), and a month asked of a clause and record that give none is not stated
(`unstated_dates`: "held in May 2022?" against （2022年，布加勒斯特）).

Likewise a yes-no question whose whole predicate is a topic ("Is the resolution about nuclear weapons?",
是否涉及气候变化) is not answered "Yes." from a clause that states less than half of that topic.

Example:
    >>> other_places("Was Resolution 139 revised in New York?", "第139号决议（2022年，布加勒斯特，修订版）")
    ['New York']
    >>> other_places("Was Resolution 139 revised in Bucharest?", "第139号决议（2022年，布加勒斯特，修订版）")
    []
    >>> other_years("第139号决议是2004年修订的吗？", "第139号决议（2022年，布加勒斯特，修订版）")
    ['2004']
    >>> borrowed("Was the AI resolution adopted in 2022?", "第140号决议（2022年，布加勒斯特，修订版），")
    ['2022']
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from assistant.answering.evidence import Group, evidence_of, question_groups, written_in
from assistant.answering.gazetteer import city_names, same_city
from assistant.answering.generic import said_in_kind
from assistant.answering.identifiers import DocumentId, carries, document_ids
from assistant.answering.spans import MonthDay, month_days, years
from assistant.answering.support import shown_word
from assistant.descriptions import without_descriptions
from assistant.glossary import Term
from assistant.schema import Chunk, Language

T = TypeVar("T")


def _unmatched(asked: Sequence[T], given: Sequence[T], same: Callable[[T, T], bool]) -> list[T]:
    """The items of `asked` that are `same` as no item of `given`, when `given` has any (a clause that gives
    none contradicts nothing); else []."""
    if not asked or not given:
        return []
    return [a for a in asked if not any(same(a, g) for g in given)]


def _asked_cities(question: str) -> list[str]:
    """The cities a question asks about: not the seat in its description of a body (日内瓦那家管通信的单位 is ITU,
    descriptions.py), which says which body is meant, not where anything happened."""
    return city_names(without_descriptions(question))


def other_places(question: str, clause: str) -> list[str]:
    """The question's cities that `clause` does not name, when it names another city; else []."""
    return _unmatched(_asked_cities(question), city_names(clause), same_city)


def other_years(question: str, clause: str) -> list[str]:
    """The question's years that `clause` does not give, when it gives another year; else []."""
    return _unmatched(years(question), years(clause), operator.eq)


def other_dates(question: str, clause: str) -> list[str]:
    """The question's months (with their days) that `clause` does not give, when it gives another month
    ("April" or "22 March" against "21 March"); else []."""
    return [a.text for a in _unmatched(month_days(question), month_days(clause), MonthDay.agrees)]


def unstated_dates(question: str, clause: str) -> list[str]:
    """The question's months when `clause` gives none: "held in May 2022?" against （2022年，布加勒斯特）."""
    return [] if month_days(clause) else [a.text for a in month_days(question)]


# A numbered document followed by its own record in brackets: 第140号决议（2022年，布加勒斯特，修订版）,
# "Resolution 140 (Rev. Bucharest, 2022)".
_CITED_RECORD = re.compile(
    r"(第\s*[A-Za-z\d][A-Za-z\d_/.\-]*\s*号(?:决议|建议书|建议|决定)?"
    r"|\b(?:Resolution|Recommendation|Decision)\s+(?:No\.?\s*)?\d+(?:/\d+)*)\s*[（(][^）)]*[）)]",
    re.IGNORECASE,
)


def own_text(question: str, clause: str, named: Sequence[DocumentId] = ()) -> str:
    """`clause` without the records of the numbered documents it cites and the question does not name
    (by number, or by its topic: `named`, from `described`)."""
    ids = (*document_ids(question), *named)

    def kept(m: re.Match[str]) -> str:
        return m[0] if any(carries(m[1], i) for i in ids) else m[1]

    return _CITED_RECORD.sub(kept, clause)


def borrowed(question: str, clause: str, named: Sequence[DocumentId] = ()) -> list[str]:
    """The question's years and cities that `clause` does not give of its own while it gives years or cities
    in the record of another numbered document than the question names (so they say nothing of what it asks
    about; a year other than the record's is no more given: "… revised in 2017?" against 第140号决议（2022年）);
    else []. `named`: the documents the question names by their topic (`described`)."""
    own = own_text(question, clause, named)
    own_years, own_cities = years(own), city_names(own)
    lent = [y for y in years(question) if y not in own_years] if years(clause) else []
    places = [a for a in _asked_cities(question) if not any(same_city(a, g) for g in own_cities)]
    return list(dict.fromkeys(lent + (places if city_names(clause) else [])))


# "the resolution on WSIS outcomes", 有关信息社会世界峰会成果的决议: a document named by its topic, not its number.
_DESCRIBED = {
    "en": re.compile(
        r"\b(?:resolution|recommendation|decision)\s+(?:on|about|concerning|regarding|dealing\s+with|relat(?:ed|ing)\s+to)"
        r"\s+(?P<topic>.+?)(?=\s+(?:was|were|is|are|been|be|being|revised|adopted|approved|passed|amended|in|at|by|"
        r"during|on)\b|[?,.;!]|$)",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"(?:有关|关于)(?P<topic>[^的，,。？?]+?)的(?:决议|建议书|建议|决定)"),
}
# The end of the description before a cited record: the clause's last separator before it.
_DESCRIPTION_START = re.compile(r".*[；;，,。：:、]", re.DOTALL)


def described(
    question: str, lang: Language, clauses: Iterable[str], translations: Mapping[str, tuple[str, ...]]
) -> tuple[DocumentId, ...]:
    """The numbered document the question names by its topic ("the resolution on WSIS outcomes"): the one
    recorded document (a number with its record in brackets) among `clauses` (its document's) whose description
    states at least half of that topic's words; () when the question names a document by number, or none or
    several match. `clauses` are read only when the question names a document by its topic."""
    m = _DESCRIBED[lang].search(question)
    if m is None or document_ids(question):
        return ()
    groups = question_groups(m["topic"], lang, translations)
    if not groups:
        return ()
    found: dict[str, DocumentId] = {}
    for clause in clauses:
        start = 0
        for record in _CITED_RECORD.finditer(clause):
            before = clause[start : record.start()]
            start = record.end()
            cut = _DESCRIPTION_START.match(before)
            description = f"{before[cut.end() if cut else 0 :]}{record[1]}"
            terms, tokens = evidence_of([description])
            stated = sum(g.found_in(terms, tokens) or written_in(g, description) for g in groups)
            if stated * 2 >= len(groups):  # as `unstated_topic`: half the topic stated is a paraphrase
                found.update((i.key, i) for i in document_ids(record[1]))
    return tuple(found.values()) if len(found) == 1 else ()


def stating_record(question: str, clause: str, records: Sequence[Chunk]) -> Chunk | None:
    """The document's record (`records`: its header, title, dateline) that gives the city or year the
    question asks and `clause` does not give, to answer or contradict the question from; None when the
    clause gives them itself or no record does."""
    wanted: list[Callable[[str], Sequence[object]]] = []
    if _asked_cities(question) and not city_names(clause):
        wanted.append(city_names)
    if years(question) and not years(clause):
        wanted.append(years)
    if month_days(question) and not month_days(clause):
        wanted.append(month_days)
    return next((r for r in records if wanted and all(w(r.text) for w in wanted)), None)


# "Is it about X?", "Does it mention X?", 是否涉及X: X is the whole predicate, so it must be in the clause
# itself. Counted in a coverage share it is outweighed by the subject ("Is the resolution about nuclear
# weapons?" covers "resolution": a third, enough for the share, not for "Yes.").
_TOPIC = {
    "en": re.compile(
        # "about" right after the subject of "Is / Was X about …" only: "inform the body about …" names no topic.
        r"^\s*(?:is|are|was|were)\s+[\w\s'-]{0,40}?\babout\s+(?P<about>[^?.!]+)|"
        r"\b(?:concerns?|concerning|mentions?|talks?\s+about|say\s+anything\s+about|deals?\s+with|refers?\s+to|"
        r"addresses|related\s+to|relates\s+to|covers?)\s+(?P<topic>[^?.!]+)",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"(?:涉及|提到|提及|谈到|谈及|关于|有关)了?(?P<topic>[^？?。！!]+?)(?:吗|的问题|问题)?[？?。]?$"),
}


def unstated_topic(
    question: str, lang: Language, clause: str, translations: Mapping[str, tuple[str, ...]]
) -> list[str]:
    """The words of a yes-no question's topic ("about nuclear weapons", 涉及气候变化) that `clause` states
    neither as written nor through a translation; [] when the question names no topic this way."""
    m = _TOPIC[lang].search(question)
    if m is None:
        return []
    topic = m.group("topic") or m.group("about")
    return mostly_unstated(topic, lang, question_groups(topic, lang, translations), evidence_of([clause]), clause)


def mostly_unstated(
    topic: str, lang: Language, groups: Sequence[Group], evidence: tuple[frozenset[Term], frozenset[str]], text: str
) -> list[str]:
    """The topic's words (display forms) that `text` (read as `evidence`) does not state, when they are more
    than half of `groups`; [] otherwise."""
    terms, tokens = evidence
    # A generic word said by another of its kind (相关单位 by 有关实体) is stated too (generic.GENERIC_KINDS).
    missing = [
        g
        for g in groups
        if not (g.found_in(terms, tokens) or written_in(g, text) or (g.term is None and said_in_kind(g.token, tokens)))
    ]
    # Half the topic stated is a paraphrase ("bridging the digital divide" for 弥合数字鸿沟, 提高 for
    # "enhance"); less is another topic.
    if len(missing) * 2 <= len(groups):
        return []
    return [shown_word(g, topic, lang) for g in missing]
