"""Who-questions: the actors a clause names, so that the clause that can answer "who" is preferred.

"Who will work on AI governance?" is answered by the clause that names member states, civil
society and the private sector, not by its neighbour that shares the same words but names only
the Assembly. An actor is a glossary term that names an organisation, a body or a group of
members (decided by the head word of its English name, a small table), or the addressee of the clause's
section ("instructs the Secretary-General"). Actors the question itself names are not answers, and
a clause that never names them says nothing of whom they acted with or on: "Whom did the Assembly call
on …?" is answered where the Assembly urges someone, not by a paragraph listing other actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.answering.evidence import chunk_evidence
from assistant.answering.quoted import quoted_names, says_quoted
from assistant.glossary import Term, find_terms
from assistant.schema import Chunk, Language

# Head words that make a glossary name an actor: who can be asked, invited or said to act.
_ACTOR_HEADS = frozenset(
    (
        *("academia", "agency", "agencies", "assembly", "association", "bureau", "conference", "council"),
        *("countries", "director", "forum", "foundation", "governments", "groups", "institute", "members"),
        *("nations", "organisation", "organization", "organizations", "partnership", "programme", "providers"),
        *("secretary-general", "sector", "stakeholders", "states", "union"),
    )
)
# Generic words for actors: "Which stakeholders …" asks for actors as "Who …" does. ("Which groups",
# "which organisations" are left out: they often ask for one actor, "which group of countries".)
_ACTOR_NOUNS = frozenset(
    (
        *("actor", "actors", "stakeholder", "stakeholders", "participant", "participants", "player", "players"),
        "circles",
        # Chinese: 哪些群体 / 哪些圈子 / 哪些相关方 ask for kinds of actor as 哪些利益攸关方 does.
        *("利益攸关方", "利益相关方", "相关方", "参与方", "参与者", "群体", "圈子", "各方"),
    )
)
# Answer nouns that ask for persons or a population, not for bodies: "Which people benefit …" is
# answered by "all inhabitants of the world", not by the clause that names the most organisations.
_PERSON_NOUNS = frozenset(
    (
        *("citizens", "humans", "individual", "individuals", "inhabitants", "official", "officials"),
        *("people", "person", "persons", "residents"),
        *("人", "人们", "人员", "个人", "官员", "居民", "民众"),
    )
)
# Actor names whose head word alone would also name a concept ("information society").
_ACTOR_NAMES = frozenset(("civil society",))
# The head of an English name is its last word before "of", "for" or "on": "Director of the
# Bureau" is a director, "purposes of the Union" are purposes.
_POSTMODIFIER = re.compile(r"\s(?:of|for|on)\s.*$")


@lru_cache(maxsize=256)
def is_actor(term: Term) -> bool:
    """Whether a glossary term names an organisation, a body or a group of members."""
    name = term.en.casefold()
    head = _POSTMODIFIER.sub("", name).split()
    return name in _ACTOR_NAMES or (bool(head) and head[-1] in _ACTOR_HEADS)


def issuing_bodies(header: str, lang: Language) -> tuple[Term, ...]:
    """The bodies a document's header names, which issue it: 国际电信联盟全权代表大会 gives ITU and the
    Plenipotentiary Conference, whose own acts its addressee-less operative clauses ("resolves") record."""
    return tuple(t for t in find_terms(header, lang) if is_actor(t))


def is_actor_noun(noun: str) -> bool:
    """Whether a question's answer noun is a generic word for actors ("stakeholders", "players")."""
    return noun.casefold() in _ACTOR_NOUNS


def asks_for_actors(qtype: str, noun: str) -> bool:
    """Whether the clause that names more actors answers better: a "who" question (unless its noun asks
    for persons, "which people", "which official") or a generic actor noun ("which stakeholders")."""
    if is_actor_noun(noun):
        return True
    return qtype == "who" and noun.casefold() not in _PERSON_NOUNS


def question_actors(question: str, lang: Language) -> frozenset[str]:
    """The actors a question names (English names), which are not its answer."""
    return frozenset(t.en for t in question_actor_terms(question, lang))


# A name that only says whose document is meant ("according to the *ITU* draft", *国际电联*的草案) names
# no actor of the question: the draft's clauses would otherwise need to name ITU to answer it.
_DOCUMENT_OWNER: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:[A-Z][\w-]*(?:['’]s)?\s+){1,3}(?=(?:draft|article|news|story|report|document|proposal)\b)"),
    "zh": re.compile(r"[\u4e00-\u9fff]{2,8}?(?=的?(?:决议草案|草案|报道|文章))"),
}


def question_actor_terms(question: str, lang: Language) -> tuple[Term, ...]:
    """The glossary terms of the actors a question names, not those naming whose document it asks about."""
    return tuple(t for t in find_terms(_DOCUMENT_OWNER[lang].sub(" ", question), lang) if is_actor(t))


@dataclass(frozen=True)
class Subject:
    """What a who-question asks who did something in or to: proper names that are no actors ("the *AI for Good
    Global Summit*"), and names it sets in quotation marks that the glossary does not know whole (“人工智能造福
    人类”的峰会), which a clause must write as the question does."""

    terms: tuple[Term, ...] = ()
    written: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms or self.written)


def question_subject(question: str, lang: Language) -> Subject:
    """The subject of a who-question: "Who did ITU organise the AI for Good summit with?" asks who took part in
    the summit, and a clause that never names it says nothing of that, however many actors it lists. A name
    counts when its English is capitalised (a proper name; "AI" makes no name of artificial intelligence)."""
    terms = tuple(t for t in find_terms(question, lang) if t.en[:1].isupper() and not is_actor(t))
    return Subject(terms, quoted_names(question, lang))


def names_subject(chunk: Chunk, subject: Subject) -> bool:
    """Whether the clause's own text names all of `subject` (`question_subject`): its terms in either language,
    its quoted names as written."""
    terms, tokens = chunk_evidence(chunk.text)
    return set(subject.terms) <= terms and all(says_quoted(w, chunk.text, tokens) for w in subject.written)


def actors_named(chunk: Chunk, exclude: Iterable[str] = ()) -> int:
    """How many distinct actors the clause names, its section's addressee included, beyond `exclude`."""
    return len(_actors_of(chunk) - set(exclude))


def actors_in(text: str, exclude: Iterable[str] = ()) -> int:
    """How many distinct actors a text names beyond `exclude` (no section addressee: a sentence of a clause).

    A capitalised name written right before an excluded one is part of its name, no other actor: "The *United
    Nations* General Assembly embraced …" names only the Assembly a question about the Assembly already names; so
    is the owner written into it in Chinese (联合国大会).
    """
    excluded = set(exclude)
    for name in excluded:
        text = re.sub(rf"(?:\b[A-Z][\w'’-]*\s+){{1,3}}(?={re.escape(name)}\b)", " ", text)
    if excluded:
        text = _without_owned_names(text, excluded)
    return len({t.en for t in chunk_evidence(text)[0] if is_actor(t)} - excluded)


_OWNERS_EN, _OWNERS_ZH = r"(?:(?:the\s+)?(?:United\s+Nations|UN|ITU)['’]?s?\s+)?", r"(?:联合国|国际电联)?"


def _without_owned_names(text: str, excluded: set[str]) -> str:
    for term in (*find_terms(text, "en"), *find_terms(text, "zh")):
        if term.en not in excluded:
            continue
        for form in (*term.forms("en"), *term.forms("zh")):
            if re.search(r"[\u4e00-\u9fff]", form):
                text = re.sub(_OWNERS_ZH + re.escape(form), " ", text)
            else:
                text = re.sub(rf"(?<![\w-]){_OWNERS_EN}{re.escape(form)}(?![\w-])", " ", text, flags=re.IGNORECASE)
    return text


def answer_actors(chunk: Chunk, asked: Sequence[Term], own: str) -> int:
    """How many actors a clause offers a who-question that names the actors `asked` (`question_actor_terms`).

    The clause's actors beyond `asked`, a population it names ("all the world's inhabitants", 所有居民)
    counting as one, when it names one of `asked` itself or the question names none; else 0. `own` is what
    the clause itself writes around its text (its section and lead-in lines, not its document's titles):
    "Who did ITU team up with …?" is answered by the clause where ITU organises the summit with its
    partners, not by a neighbour listing more organisations that never names ITU (the draft's source line
    names ITU for every clause; that does not count here).
    """
    named = _actors_of(chunk)
    asked_names = {t.en for t in asked}
    # As written, not as the glossary reads the text: 国际电联的宗旨 is read as "purposes of the Union", but
    # it names ITU.
    if asked and not (named & asked_names or any(f and f in own for t in asked for f in _forms(t))):
        return 0
    return len(named - asked_names) + _names_persons(chunk.text)


def _names_persons(text: str) -> bool:
    """Whether a text names persons or a population: a person noun as a whole English word (not the stem:
    "human rights" names no one) or a Chinese word."""
    found = set(re.findall(r"[a-z]+", text.casefold())) | chunk_evidence(text)[1]
    return bool(_PERSON_NOUNS & found)


def _forms(term: Term) -> tuple[str, ...]:
    return (*term.forms("en"), *term.forms("zh"))


def _actors_of(chunk: Chunk) -> set[str]:
    names = {t.en for t in chunk_evidence(chunk.text)[0] if is_actor(t)}
    if chunk.addressee_en:
        names.add(chunk.addressee_en.removeprefix("the "))
    return names
