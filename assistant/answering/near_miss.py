"""Near misses: a clause on the question's topic that still cannot be its answer.

Coverage (support.py) asks whether a clause shares enough of the question's
words. A near miss shares them and still does not answer, in three ways checked
here, each from a small table (answer_class.py, qualifiers.py, scope.py):

* a "which X" question with no class of its own ("Which AI systems …", 哪些民间团体) meets a
  clause whose every mention of X only repeats the question (echo.py for an English clause and
  question, zh_instances.py for a Chinese clause); when a class noun stands in the predicate
  ("Which programs help developing countries?"), one sentence must name instances of X and that class
  together, or the clause does not say which X do what the predicate says;
* the question asks for a class of entity (a country, a city, a company, an
  organisation, a percentage, a rate with its unit, a deadline, or — for a plain "where" — a place) and
  the clause has no span of it;
* a qualifier narrows the entity ("agency *for children*") and the clause does
  not cover it, directly or through a translation;
* the question is about a future or "next" event and the clause records a past
  one (a dateline, a conference header, a fact in the past tense), or, for the
  next conference or summit, names no gathering at all;
* the question names a role held by a person (an editor, a rapporteur, the
  director; specifics.ROLE_FOCUS) and the clause does not name it: the clause
  that does is preferred ("Who is the Director asked to share information
  with?" is not answered from the Secretary-General's clause);
* the question asks when something was first adopted (最初, "originally") and the clause dates it only by a
  revision: 「第139号决议（2022年，布加勒斯特，修订版）」 (revisions.py);
* the question names a document by its number ("Resolution 140", 第139号决议) and
  the clause does not carry it: a document's own record (header, dateline) gives
  its own conference's city and date, another clause another document's
  (identifiers.py); of several named documents ("Resolutions 139 and 140"),
  the clause on any one of them answers for it (the answer then says which one:
  `carried`), unless the question asks for them together ("compare", "both").

`needs` reads the question once; `lacks` then says, per clause, what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.answering.actors import issuing_bodies, question_actors
from assistant.answering.acts import Act, act_lacks, asked_act
from assistant.answering.analysis import partitive_whole
from assistant.answering.answer_class import (
    CLASS_NAMES,
    PLACE,
    AnswerClass,
    PredicateClass,
    asked_class,
    asked_phrase,
    asks_place,
    class_nouns,
    class_spans,
    predicate_class,
)
from assistant.answering.attribution import Attribution, asked_attribution, attribution_lacks, states_statement
from assistant.answering.compounds import dictionary_parts
from assistant.answering.context import AnswerContext
from assistant.answering.echo import instances, names_instance
from assistant.answering.evidence import Group, chunk_evidence, question_groups, words
from assistant.answering.gazetteer import country_names
from assistant.answering.identifiers import DocumentId, asks_together, carries, document_ids, without
from assistant.answering.qualifiers import qualifier_text, without_implied
from assistant.answering.quoted import quoted_names, says_quoted
from assistant.answering.revisions import MISSING as FIRST_MISSING
from assistant.answering.revisions import asks_first, revision_dated
from assistant.answering.scope import (
    RECORD_KINDS,
    asks_future,
    asks_site,
    names_event,
    names_gathering,
    speaks_of_future,
)
from assistant.answering.spans import sentences
from assistant.answering.specifics import role_said, specific_groups
from assistant.answering.support import Support, as_written, clause_evidence, is_name
from assistant.answering.zh_instances import names_instance_zh
from assistant.answering.zh_predicate import Passive, agent_acts, question_passive
from assistant.glossary import Term, find_terms
from assistant.phrasings import blank_phrased
from assistant.retrieval.dictionary import Names
from assistant.schema import Chunk, Language
from assistant.segmentation import pos_words
from assistant.text import CJK_RUN

# Answers that are a time or a place: only these are checked for the time scope ("What will the
# resolution pave the way for?" is about the future too, but its answer is no record of the past).
_SCOPED_TYPES = frozenset(("when", "where"))
_SCOPED_CLASSES = frozenset(("city", "country", "deadline"))
_EVENT_CLASSES = frozenset(("city", "deadline"))
# How much more of the question (IDF-weighted share, Support.overlap) the closest near miss must cover than
# every clause that fits for those to count as off topic. Dev curve in eval/dev/README.md (change 5c).
OFF_TOPIC_MARGIN = 0.4
# Classes whose answer must keep the modifiers of the asked noun ("which *developing* nations", "which
# *civil society* organisations"); a value class's words are the predicate's.
_MODIFIED_CLASSES = frozenset(("country", "organisation"))
# The display word of a clause that names no agent (or no person) for the statement asked about.
UNATTRIBUTED: dict[Language, str] = {"en": "who said it", "zh": "是谁说的"}
_FUTURE_MISSING: dict[Language, str] = {"en": "a future or next event", "zh": "今后的安排"}
_SITE_MISSING: dict[Language, str] = {"en": "where it is based", "zh": "所在地"}
_NAMED: dict[Language, str] = {"en": "the names of such {}", "zh": "具体的{}名称"}
_TOGETHER: dict[Language, str] = {"en": "{} together", "zh": "同时关于{}的条款"}
_AND: dict[Language, str] = {"en": " and ", "zh": "和"}


@dataclass(frozen=True)
class Needs:
    """What a question needs of the clause that answers it, beyond covering its words."""

    lang: Language
    cls: AnswerClass | None = None
    qualifiers: tuple[Group, ...] = ()
    future: bool = False
    # The future event asked about is a gathering ("the next conference"): its clause must name one.
    gathering: bool = False
    # Where something is sited ("based", 设在): no record's city, which is its gathering's (scope.asks_site).
    sited: bool = False
    # Organisations the question names itself: they are not its answer.
    named: frozenset[str] = field(default_factory=frozenset)
    # The question's glossary names, which a header or dateline must cover to say where or when *they* were.
    names: tuple[Group, ...] = ()
    # Names the question quotes that the glossary does not know whole (quoted.py): a record must write them too.
    quoted: tuple[str, ...] = ()
    # "Which stages of the AI *lifecycle*": the whole whose parts are asked for, which the answer must name.
    whole: tuple[Group, ...] = ()
    # Documents the question names by number: a record must carry them, and they are no answer themselves.
    ids: tuple[DocumentId, ...] = ()
    # The question asks about its named documents together ("compare", "both"): a clause must carry all.
    together: bool = False
    # Roles held by a person that the question names ("the editor", 编者): the clause must name them.
    roles: tuple[Group, ...] = ()
    # "Which AI systems …", "哪些民间团体 …" with no class of its own: the noun phrase whose instances a
    # clause that uses its noun must name (`names_asked`).
    asked: str = ""
    # An English question's asked noun in Chinese: the translations of its head ("entities": 实体).
    asked_zh: tuple[str, ...] = ()
    # A Chinese question's asked noun in English: the stems of its head's translations (标准: standard), and
    # the stems all its words translate to, which a mention in an English clause must add to (`said_en`).
    asked_en: tuple[str, ...] = ()
    said_en: frozenset[str] = field(default_factory=frozenset)
    # "Which programs help developing countries?": the class noun of the predicate's object, with the head noun
    # asked for (`asked`); a sentence of the answer must name instances of the head and that class together.
    predicate: AnswerClass | None = None
    # The question's word that holds the predicate's class noun (发展中国家 for 国家): a Chinese clause must say
    # it whole, 成员国 being other countries than developing ones.
    predicate_word: str = ""
    # "Who said …", "which official …": the clause must name who makes the statement (attribution.py).
    attribution: Attribution | None = None
    # The question's words with their translations: the sentence naming the agent must state them, and a
    # clause quoted for naming no one must state them all (attribution.states_statement).
    said: tuple[Group, ...] = ()
    # 哪些活动*由秘书长负责*: the passive's agent, whom the clause must name as who acts (zh_predicate.py).
    passive: Passive | None = None
    # "What did UNESCO recommend …?": the named body and its act, which the clause must name and state (acts.py).
    act: Act | None = None
    # "When was Resolution 139 first adopted?": a date the clause gives only for a revision is not its answer.
    first: bool = False
    question: str = ""

    @property
    def any(self) -> bool:
        return (
            self.cls is not None
            or self.future
            or self.sited
            or self.attribution is not None
            or self.first
            or any(
                (
                    self.names,
                    self.quoted,
                    self.whole,
                    self.ids,
                    self.roles,
                    self.asked,
                    self.predicate,
                    self.passive,
                    self.act,
                )
            )
        )


def _class_and_qualifier(question: str, lang: Language, qtype: str) -> tuple[AnswerClass | None, str]:
    """The class the answer must be of, and the words that narrow it.

    A phrasing or description names its term as a whole: "the rich countries' policy club" asks for a club (the
    OECD), not for countries; "sister agencies" are the UN's other agencies, "sister" is no qualifier. Its words
    around an asked noun of its own are still qualifiers, read as the term ("which rich-world policy club and
    standards bodies": the OECD qualifies the bodies asked for). A plain "where" asks for a place even without a
    "which city / country" noun: a clause with no place in it (an operative "resolves") does not say where.
    """
    plain, asked_in = blank_phrased(question, lang), question
    cls = asked_class(question, lang)
    if cls is not None and not plain[cls.start : cls.end].strip():
        cls, asked_in = asked_class(plain, lang), plain
    cls = cls or (PLACE if qtype == "where" and asks_place(question, lang) else None)
    return cls, qualifier_text(asked_in, lang, cls)


def needs(
    question: str,
    lang: Language,
    qtype: str,
    translations: Mapping[str, tuple[str, ...]] | None = None,
    names: Names | None = None,
) -> Needs:
    """Read the class, qualifiers and time scope a question's answer must have.

    `translations` (question word -> index tokens of its translations) let a qualifier be found in a
    clause of the other language: "labour" in 国际劳工组织. `names` (CC-CEDICT's proper names) tell a
    Chinese body's name the dictionary knows from one it does not (acts.py).
    """
    cls, qualifier = _class_and_qualifier(question, lang, qtype)
    whole = partitive_whole(question, lang)
    # A Chinese word's translations are flattened word by word (知识产权 -> "right", found in "human
    # rights"); in an English clause it is looked up by whole dictionary senses instead (`said`).
    groups = tuple(question_groups(qualifier, lang, translations if lang == "en" else None)) if qualifier else ()
    scoped = qtype in _SCOPED_TYPES or (cls is not None and cls.name in _SCOPED_CLASSES)
    own = question_groups(question, lang) if scoped else []
    # The time scope is for a when/where question, or a city/deadline one about an event ("Which city
    # will host …"); "Which countries will benefit …" asks for countries whatever the tense.
    timed = qtype in _SCOPED_TYPES or (cls is not None and cls.name in _EVENT_CLASSES and names_event(question, lang))
    future = timed and asks_future(question, lang)
    return Needs(
        lang=lang,
        cls=cls,
        qualifiers=groups,
        future=future,
        gathering=future and names_gathering(question, lang),
        sited=scoped and asks_site(question, lang),
        named=question_actors(question, lang),
        names=tuple(g for g in own if g.term is not None and is_name(g.term.en, g.term.en_aliases)),
        quoted=quoted_names(question, lang) if scoped else (),
        whole=_whole_groups(question, lang, whole, translations),
        ids=document_ids(question),
        together=asks_together(question, qtype),
        roles=tuple(specific_groups(question, lang, translations, roles_only=True)),
        asked=(asked := _asked(question, lang, cls, pred := predicate_class(question, lang) if cls is None else None)),
        predicate=pred.cls if pred is not None else None,
        predicate_word=_word_at(question, pred.cls.start) if pred is not None and lang == "zh" else "",
        asked_zh=_head_translations(asked, translations) if lang == "en" else (),
        asked_en=_zh_head_translations(asked, translations) if lang == "zh" else (),
        # A Chinese question's words in English: an English clause's "nations" repeats its 国家 (`_named_instances`).
        said_en=_english_said(translations) if lang == "zh" else frozenset(),
        attribution=(ask := asked_attribution(question, lang)),
        said=tuple(question_groups(question, lang, translations)) if ask is not None else (),
        passive=question_passive(question, asked) if lang == "zh" and asked else None,
        act=asked_act(question, lang, translations, names),
        first=qtype == "when" and asks_first(question, lang),
        question=question,
    )


def _whole_groups(
    question: str, lang: Language, whole: str, translations: Mapping[str, tuple[str, ...]] | None
) -> tuple[Group, ...]:
    """The groups of the whole a partitive question asks parts of (`partitive_whole`): the question's glossary
    name that ends in it ("part of *the Union*" is ITU, whose Sectors are its parts: 国际电联电信发展部门), else
    the word itself."""
    if not whole:
        return ()
    for term in find_terms(question, lang):
        if any(f.split()[-1].casefold() == whole.casefold() for f in term.forms(lang) if f.split()):
            return (Group(term),)
    return tuple(question_groups(whole, lang, translations if lang == "en" else None))


def lacks(
    n: Needs,
    chunk: Chunk,
    evidence: tuple[frozenset[Term], frozenset[str]],
    glosses: Callable[[str], Sequence[str]] | None = None,
    issuers: Sequence[Term] = (),
) -> list[str]:
    """What the clause lacks to answer (display words for an abstention); [] when it may answer.

    `evidence` is the clause's terms and words as the question's coverage saw them (support.clause_evidence);
    `glosses` (Chinese word -> English senses) let a Chinese qualifier be found in an English clause;
    `issuers` are the bodies that issue its document (`actors.issuing_bodies`).
    """
    missing: list[str] = []
    if n.attribution is not None and attribution_lacks(n.attribution, chunk, n.said, n.question):
        # First, so that the abstention can say whose statement is missing (single.py).
        missing.append(UNATTRIBUTED[n.lang])
    # "Where was A/RES/70/125 adopted?": the clause naming that resolution is not a place where it was.
    text = without(chunk.text, n.ids) if n.ids else chunk.text
    if n.cls is not None and not _named_instances(n, n.cls, class_spans(n.cls, text, evidence[0], n.named)):
        missing.append(CLASS_NAMES[n.lang][n.cls.name])
    if n.asked and (names_asked(n, chunk) is False or (n.predicate is not None and not _does_predicate(n, chunk))):
        missing.append(_NAMED[n.lang].format(n.asked))
    if n.passive is not None and not agent_acts(n.passive, chunk):
        # 哪些活动由理事会负责: the clause that reports *to* the Council names no activity the Council does.
        missing.append(f"由{n.passive.agent}{n.passive.verb}的{n.asked}")
    # The body is named by the clause itself (or is its addressee), not only by its document's title.
    if n.act is not None and (act := act_lacks(n.act, chunk, _own_evidence(chunk), issuers)):
        missing.append(act)
    for g in n.qualifiers:
        if not said(g, chunk.text, evidence, glosses):
            missing.append(g.term.name(n.lang) if g.term is not None else as_written(g.token, n.question))
    # The whole is named by the clause itself, not only by its document's title ("AI *Implementation*"
    # heads the article, which does not make each paragraph about implementation's phases).
    own = _own_evidence(chunk) if n.whole else evidence
    for g in n.whole:
        if not said(g, chunk.text, own, glosses):
            missing.append(g.term.name(n.lang) if g.term is not None else as_written(g.token, n.question))
    if chunk.kind in RECORD_KINDS:
        # "In which city is the UNICRI centre?": the header's city is where the *conference* was.
        missing += [g.term.name(n.lang) for g in n.names if g.term is not None and not said(g, chunk.text, evidence)]
        # “人工智能：智能机器、智能政策”会议: a header that never writes the quoted name is no record of it.
        missing += [q for q in n.quoted if not says_quoted(q, chunk.text, evidence[1])]
        if n.sited:
            missing.append(_SITE_MISSING[n.lang])
    missing += [as_written(g.token, n.question) for g in n.roles if not role_said(g, chunk.text, chunk.lang, evidence)]
    # A clause about another numbered document, or a record of this one (its city is its conference's). Of
    # two named documents ("Resolutions 139 and 140") the clause on either answers for it, unless they are
    # asked about together ("compare", "both"): none recalls both.
    has = carried(n.ids, chunk, evidence)
    if not has:
        missing += [i.shown for i in n.ids]
    elif n.together and len(has) < len(n.ids):
        # The clause speaks of one of them (so "not Resolution 139" would be false): they are missing *together*.
        missing.append(_TOGETHER[n.lang].format(_AND[n.lang].join(i.shown for i in n.ids)))
    if n.future and not speaks_of_future(chunk, n.gathering):
        missing.append(_FUTURE_MISSING[n.lang])
    if n.first and revision_dated(chunk.text):
        missing.append(FIRST_MISSING[n.lang])
    return missing


def carried(
    ids: Sequence[DocumentId], chunk: Chunk, evidence: tuple[frozenset[Term], frozenset[str]]
) -> tuple[DocumentId, ...]:
    """The named documents (`ids`) the clause carries, in its text or its evidence (its own symbol)."""
    tokens = " ".join(evidence[1])
    return tuple(i for i in ids if carries(chunk.text, i) or carries(tokens, i))


def _asked(question: str, lang: Language, cls: AnswerClass | None, pred: PredicateClass | None) -> str:
    """The noun phrase a which-question with no class of its own asks instances of: after the question word
    (`asked_phrase`), or before the predicate's verb when a class noun stands in the predicate."""
    if cls is not None:
        return ""
    return asked_phrase(question, lang) or (pred.head if pred is not None else "")


def _does_predicate(n: Needs, chunk: Chunk) -> bool:
    """Whether one sentence of the clause names an instance of the asked head noun (`names_asked`) and the
    predicate's object class together: "the *digital* divide … particularly for developing nations" answers
    "Which divide concerns developing nations?"; "broader UN initiatives" in a sentence that names no
    country does not say which initiatives help developing nations."""
    if n.predicate is None:
        return True
    for a, b in sentences(chunk.text):
        text = chunk.text[a:b]
        if chunk.lang == "zh" and n.predicate_word not in text:
            continue
        # The sentence's own glossary names are its organisations: 哪些问题由联合国其他*机构*处理.
        spans = class_spans(n.predicate, text, chunk_evidence(text)[0])
        if spans and names_asked(n, replace(chunk, text=text)) is True:
            return True
    return False


def _word_at(question: str, at: int) -> str:
    """The jieba word of `question` that holds offset `at` (发展中国家 for the 国家 in it)."""
    start = 0
    for word, _ in pos_words(question):
        if start <= at < start + len(word):
            return word
        start += len(word)
    return ""


def _head_translations(phrase: str, translations: Mapping[str, tuple[str, ...]] | None) -> tuple[str, ...]:
    """The Chinese words an English phrase's head noun translates to, as the retriever found them in the
    index ("·实体" is the word 实体). A participle after the noun ("issues *related* to AI") is no head."""
    last = phrase.split()[-1] if phrase.split() else ""
    head = words(last) if not last.casefold().endswith(("ed", "ing")) else []
    found = (translations or {}).get(head[0], ()) if len(head) == 1 else ()
    return tuple(t.removeprefix("·") for t in found)


def _zh_head_translations(phrase: str, translations: Mapping[str, tuple[str, ...]] | None) -> tuple[str, ...]:
    """The English stems a Chinese phrase's head noun (its last word) translates to, as the retriever found
    them: 标准 -> standard. A stem the stemmer would cut again is no word of an English clause."""
    tagged = pos_words(phrase) if phrase else []
    found = (translations or {}).get(tagged[-1][0], ()) if tagged else ()
    return tuple(t for t in found if t.isascii() and t.isalpha() and words(t) == [t])


def _english_said(translations: Mapping[str, tuple[str, ...]] | None) -> frozenset[str]:
    """The English stems a Chinese question's words translate to (伦理 -> ethic): a mention in an English clause
    whose modifiers are among them only repeats the question ("ethical standards" for 哪些伦理标准)."""
    return frozenset(t for found in (translations or {}).values() for t in found if t.isascii())


def names_asked(n: Needs, chunk: Chunk) -> bool | None:
    """Whether the clause names an instance of the asked noun (`Needs.asked`): an English clause for an
    English question (echo.py), a Chinese clause for a question in either language (zh_instances.py);
    For a Chinese question an English clause is read through the translations of the asked noun's head
    (`Needs.asked_en`). None when it never mentions the noun or is not read for it."""
    if chunk.lang == "zh":
        # An English bare noun meets a Chinese clause only through a dictionary translation, whose bare
        # mention is often what the question asks about ("Which challenges … besides opportunities?": 也带来
        # 挑战): it is not read there (measured in eval/dev/README.md).
        if n.lang == "en" and len(n.asked.split()) < 2:
            return None
        return names_instance_zh(chunk.text, n.question, n.asked, n.lang, n.asked_zh)
    if n.lang == "en":
        return names_instance(chunk.text, n.question, n.asked)
    heads = frozenset(n.asked_en)
    found = [names_instance(chunk.text, n.question, head, n.said_en, heads - {head}) for head in n.asked_en]
    return True if True in found else False if False in found else None


def _named_after_echo(n: Needs, out: list[Support], others: Sequence[tuple[bool, Support, list[str]]]) -> list[Support]:
    """When the clause covering the question best fails only for repeating the asked noun (body/6's
    "upholding ethical standards"), a clause in its place must name instances of it itself: one that never
    uses the noun, or is not read for it (`names_asked`), is about something else (标准制定组织)."""
    echo = [_NAMED[n.lang].format(n.asked)]
    if not n.asked or not out or not any(m == echo for _, _, m in others):
        return out
    top = max(s.overlap for _, s, m in others if m == echo)
    if top < max(s.overlap for s in out):
        return out
    return [s for s in out if names_asked(n, s.hit.chunk)]


def names_class(n: Needs, text: str) -> bool:
    """Whether `text` (a quoted sentence) names an instance of the asked class, or no class is asked.

    A paragraph can pass `lacks` on one sentence ("… for developing nations") and be quoted on another
    that carries the question's words but names no country: that quote is no answer.
    """
    if n.cls is None:
        return True
    text = without(text, n.ids) if n.ids else text
    return bool(_named_instances(n, n.cls, class_spans(n.cls, text, chunk_evidence(text)[0], n.named)))


def _named_instances(n: Needs, cls: AnswerClass, spans: list[str]) -> list[str]:
    """The class spans that name an instance: "Which developing nations …" is answered neither by "for
    developing nations", which repeats it, nor by "member states", a group that is not developing ones
    (echo.py); "Which civil society organisations …" not by "the private sector". A country's own name
    answers whatever the question's modifiers."""
    # The class's own nouns are the question's, whether it says them or not: 这项决议的共同提案国有哪些 asks for
    # countries (zh_topic.py), so a clause's bare 国家 repeats it as it repeats 哪些国家.
    said = n.said_en | _class_tokens(cls.name)
    if cls.name not in _MODIFIED_CLASSES or cls.kind:
        # A kind question's classifier (哪一*类*国家) is no modifier a group must keep.
        return instances(spans, n.question, said=said)
    noun = n.question[cls.start : cls.end]
    phrase = without_implied(n.question[cls.lead_end : cls.end], noun)  # "private foundation": a foundation
    return [s for s in spans if country_names(s) or s in instances([s], n.question, phrase, noun, said)]


@lru_cache(maxsize=16)
def _class_tokens(name: str) -> frozenset[str]:
    """The index tokens of the nouns that ask for class `name` (answer_class.class_nouns)."""
    return frozenset(t for noun in class_nouns(name) for t in words(noun) + sorted(chunk_evidence(noun)[1]))


def _own_evidence(chunk: Chunk) -> tuple[frozenset[Term], frozenset[str]]:
    """A clause's own terms and words, with the parts of its English compounds ("life" in "lifecycle")."""
    terms, tokens = chunk_evidence(chunk.text)
    return terms, (tokens | dictionary_parts(chunk.text)) if chunk.lang == "en" else tokens


def said(
    g: Group,
    text: str,
    evidence: tuple[frozenset[Term], frozenset[str]],
    glosses: Callable[[str], Sequence[str]] | None = None,
) -> bool:
    """Whether the clause says a question word: in its evidence, or a glossary name inside a longer one
    ("United Nations" in "United Nations Interregional Crime and Justice Research Institute", 联合国 in
    联合国区域间犯罪和司法研究所), which the glossary matches as the longer name only.

    A Chinese word is said by a Chinese text that contains it (知识产权 in 世界知识产权组织, one word for
    the segmenter) and by an English text that has every word of one of its dictionary senses."""
    if g.found_in(*evidence):
        return True
    if g.term is None:
        if not CJK_RUN.fullmatch(g.token):
            return False
        if g.token in text:
            return True
        senses = [words(sense) for sense in (glosses(g.token) if glosses is not None else ())]
        return any(sense and set(sense) <= evidence[1] for sense in senses)
    haystack = "\n".join([text, *(t.en for t in evidence[0]), *(t.zh for t in evidence[0])])
    forms = [f for f in (*g.term.forms("en"), *g.term.forms("zh")) if f]
    # A Chinese form is a substring (its neighbours are characters too); a Latin one a whole word. A short
    # Chinese alias is not: 大会 (for 联合国大会) is inside 全权代表大会, another body's name.
    return any(
        (f in haystack if f == g.term.zh or len(f) >= _MIN_CJK_SUBSTRING else False)
        if CJK_RUN.fullmatch(f)
        else _whole_word(f, haystack)
        for f in forms
    )


def _whole_word(form: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text) is not None


# A Chinese alias this long is a name of its own; shorter ones are words inside other names.
_MIN_CJK_SUBSTRING = 3


@dataclass(frozen=True)
class Fitting:
    """The candidates that lack nothing, and the best of the others with what it lacks (for the abstention)."""

    fit: list[Support]
    closest: Support | None = None
    missing: tuple[str, ...] = ()
    # For an attribution question: the best clause that lacks only who says it and states all the rest,
    # which the abstention quotes (single.py); None when no clause does.
    unattributed: Support | None = None


def fitting(n: Needs, candidates: Sequence[Support], ctx: AnswerContext) -> Fitting:
    """Split the candidates into those whose clause lacks nothing the question needs and the others.

    The best of the others is the first that is not a header or dateline: "the documents never mention
    UNICRI" would be false when only the header does not. When it covers the question far better than
    every clause that fits (`OFF_TOPIC_MARGIN`), none fits: they are off the question's topic.
    """
    if not n.any:
        return Fitting(list(candidates))
    out: list[Support] = []
    others: list[tuple[bool, Support, list[str]]] = []
    issued = _issuers(ctx) if n.act is not None else {}
    for s in candidates:
        chunk = s.hit.chunk
        missing = lacks(n, chunk, clause_evidence(chunk, n.lang, ctx), ctx.glosses, issued.get(chunk.doc_id, ()))
        if missing:
            others.append((s.hit.chunk.kind in RECORD_KINDS, s, missing))
        else:
            out.append(s)
    if not others:
        return Fitting(out)
    # min is stable: clauses first, in candidate order, those on the documents the question names before others
    # (第139号决议最初…: the clause recalling it lacks its first date; the article's lack Resolution 139 itself).
    shown = {i.shown for i in n.ids}
    _, closest, missing = min(others, key=lambda x: (x[0], bool(shown.intersection(x[2]))))
    unattributed = _unattributed(n, others, ctx)
    out = _named_after_echo(n, out, others)
    if out and max(s.overlap for s in out) < closest.overlap - OFF_TOPIC_MARGIN:
        # The clause on the question's topic is the near miss; those left cover far less of the question
        # ("Which nations led the coalition?": the coalition's paragraph names none, the one on developing
        # nations says nothing of a coalition). They are off topic, not answers.
        out = []
    return Fitting(out, closest, tuple(missing), unattributed)


def _issuers(ctx: AnswerContext) -> dict[str, tuple[Term, ...]]:
    """The issuing bodies of each document whose header the context holds."""
    return {c.doc_id: issuing_bodies(c.text, c.lang) for c in ctx.chunks if c.kind == "header"}


def _unattributed(n: Needs, others: Sequence[tuple[bool, Support, list[str]]], ctx: AnswerContext) -> Support | None:
    """The first clause (before headers and datelines) whose only lack is who says it and that states every
    other word of the question: "X says …, but names no one" must not quote a clause that says something else.
    Its own text and section must state them: every clause inherits the title ("… Historic Resolution on Safe
    and Ethical AI Implementation"), which would make the SDG paragraph state 里程碑 (the glossary's "historic")."""
    if n.attribution is None:
        return None
    return next(
        (
            s
            for _, s, m in sorted(others, key=lambda x: x[0])
            if m == [UNATTRIBUTED[n.lang]]
            and states_statement(n.said, n.question, n.lang, clause_evidence(s.hit.chunk, n.lang, ctx, title=False))
        ),
        None,
    )
