"""Attribution questions: who said, described, recognised or praised something, or which official did.

"Who recognized the adoption as a historic milestone?" asks for a speaker. A clause that
states the same thing as an agentless passive ("has been recognized as a historic
milestone") or as the document's own statement ("signifying a watershed moment") shares
every topic word with the question and still names no one: quoting it would read as an
answer that is not there. Such a question is answered only from a clause that names an
agent for a statement: an active subject before a verb of saying ("the General Assembly
reiterated", "It urged" after a sentence naming the Assembly), a "by …" agent, an
"according to …" or 据…称 source, or a clause of a resolution's own section, which the
issuing conference states. A person noun ("which official / delegate", 哪位官员) needs a
title-holder or a person's name in the clause (the Secretary-General, a Director, "Mr.").

The verbs and nouns are short tables per language; nothing here names a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering.evidence import Group, chunk_evidence, question_groups
from assistant.answering.support import as_written
from assistant.glossary import Term
from assistant.schema import Chunk, Language

# Verbs of saying, describing and judging, as written (English inflections listed by their stems).
_SAY_EN = (
    r"(?:say|says|said|state[sd]?|declare[sd]?|describe[sd]?|call(?:s|ed)?|term(?:s|ed)?|dub(?:s|bed)?"
    r"|label(?:s|l?ed)?|recogni[sz]e[sd]?|praise[sd]?|hail(?:s|ed)?|welcome[sd]?|critici[sz]e[sd]?"
    r"|condemn(?:s|ed)?|characteri[sz]e[sd]?|announce[sd]?|reiterate[sd]?|emphasi[sz]e[sd]?"
    r"|stress(?:es|ed)?|urge[sd]?|commend(?:s|ed)?|applaud(?:s|ed)?|acclaim(?:s|ed)?|remark(?:s|ed)?"
    r"|affirm(?:s|ed)?|reaffirm(?:s|ed)?|highlight(?:s|ed)?|underscore[sd]?|underline[sd]?|acknowledge[sd]?|note[sd]?)"
)
# 说明 states something (as "state" does); 说服 (persuade) is an act, no statement.
_SAY_ZH = (
    "说明|说(?!服)|称|表示|指出|认为|形容|描述|描绘|"
    + "赞扬|称赞|赞誉|赞赏|欢迎|批评|谴责|承认|认可|宣布|强调|重申|敦促|呼吁"
)
# "Who said …", "Who has repeatedly described …"; 谁说, 谁把…称为 (把/将 only with a verb of naming after it:
# 谁将负责 is "who will be responsible").
_ASK_EN = re.compile(rf"\bwho\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?{_SAY_EN}\b", re.IGNORECASE)
_ASK_ZH = re.compile(
    rf"谁(?:曾|首先|公开|最先)?(?:{_SAY_ZH})|谁(?:把|将).{{1,30}}?(?:称为|称作|视为|誉为|形容为|描述为|看作)"
)
# Person nouns: "which (UN) official", 哪位 (always a person), 哪个/哪名 + a person noun.
_PERSON_EN = re.compile(
    r"\b(?:which|what)\s+(?:(?!(?:is|are|was|were)\b)[\w-]+\s+){0,2}?(officials?|delegates?|diplomats?"
    r"|spokes(?:person|man|woman)|ministers?|representatives?|officers?|ambassadors?|envoys?|person)\b"
    # "the official title", "official text", "representatives of academia", "person-centred": the word
    # qualifies another noun there and asks for no person.
    r"(?!-|\s+(?:of|documents?|texts?|titles?|names?|dates?|languages?|records?|symbols?|bod(?:y|ies)"
    r"|versions?|websites?|sources?|positions?|statements?|report)\b)",
    re.IGNORECASE,
)
# 代表性 / 代表处, 部长级 / 部长会议 qualify another noun and name no person.
_PERSON_ZH = re.compile(
    r"(?:哪位|哪个|哪名|哪一位).{0,8}?(官员|代表(?![团性处])|外交官|发言人|部长(?!级|会议)|大使|人士)|哪位"
)
# An agent before an English verb of saying: a name or an actor's head word, a text that states it ("the
# resolution underscores"), or a pronoun standing for one.
_AGENT_BEFORE = re.compile(
    rf"(\b[A-Z][\w-]*|\b(?:assembly|council|conference|nations|states|countries|governments|members|"
    rf"secretary-general|director|union|organi[sz]ation|agency|resolution|report|declaration|he|she|they|it))"
    rf"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|further\s+|\w+ly\s+)?{_SAY_EN}\b"
)
_BY_AGENT = re.compile(rf"\b{_SAY_EN}\s+(?:\w+\s+)?by\s+(?:the\s+)?[A-Za-z]", re.IGNORECASE)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?:the\s+)?[A-Z]|据.{1,20}?(?:称|报道|表示)")
_AGENT_ZH = re.compile(r"[\u4e00-\u9fff]{2,}(?:表示|指出|宣布|强调|重申|呼吁|敦促)")
# Sections of a resolution, whose clauses its conference states (recalling, noting, instructs …).
_RESOLUTION_SECTIONS = frozenset(("preamble", "operative"))
_SENTENCE = re.compile(r"(?<=[.!?。！？；])\s*")
_SAY_WORD = re.compile(rf"{_SAY_EN}|{_SAY_ZH}", re.IGNORECASE)
# The verbs of naming after 谁把 / 谁将 (`_ASK_ZH`): the question's verb, no part of the statement asked about.
_NAMING_ZH = re.compile("称为|称作|视为|誉为|形容为|描述为|看作")
_NAMED_BODY = re.compile(r"\b[A-Z][a-z]+\s+(?:Assembly|Council|Conference|Nations|States)\b")
_PRONOUNS = frozenset(("he", "she", "they", "it"))
# Sentence-initial words that are no agent ("Notably recognized" never occurs, but "This said" might).
_STARTERS = frozenset(("this", "that", "these", "those", "there", "here", "notably", "crucially"))
# Title-holders: who a person noun is answered by.
_TITLE_EN = re.compile(
    r"\b(?:Secretary-General|Director(?:-General)?|President|Chair(?:man|person|woman)?|Minister|Ambassador"
    r"|Spokes(?:person|man|woman)|Mr|Ms|Mrs|Dr|Prof)\b"
)
_TITLE_ZH = re.compile("秘书长|主任|主席|部长|大使|发言人|总干事|先生|女士|博士")


@dataclass(frozen=True)
class Attribution:
    """What an attribution question asks of its clause: an agent for a statement, a person, or both."""

    speaker: bool  # a verb of saying: the clause must name who says it
    person: str = ""  # the person noun as written ("official", 官员): the clause must name a title-holder


def asked_attribution(question: str, lang: Language) -> Attribution | None:
    """The attribution a question asks for, or None when it asks for none."""
    if lang == "zh":
        speaker = _ASK_ZH.search(question) is not None
        m = _PERSON_ZH.search(question)
        person = (m.group(1) or "人士") if m else ""
    else:
        speaker = _ASK_EN.search(question) is not None
        m = _PERSON_EN.search(question)
        person = m.group(1).lower() if m else ""
    if not speaker and not person:
        return None
    return Attribution(speaker=speaker, person=person)


def names_agent(chunk: Chunk, groups: Sequence[Group] = (), question: str = "") -> bool:
    """Whether the clause names who makes a statement in it (see the module docstring).

    With the question's `groups`, the sentence that names the agent must cover at least half of those
    that are not the verb of saying: "the Assembly emphasized the digital divide" names no one for the
    historic milestone of the next sentence."""
    content = [g for g in groups if not _SAY_WORD.fullmatch(as_written(g.token, question) if g.token else "")]
    if chunk.section_kind in _RESOLUTION_SECTIONS:
        # A resolution's clause is stated by its conference under the section's verb (责成, 注意到 …), and it
        # is then the statement itself: it must state all of it. Recalling d names Resolution 140 and says
        # nothing of a historic milestone; more than half ("Resolution", "140") made the conference its speaker.
        return _states(chunk.text, content, whole=True)
    sentences = _SENTENCE.split(chunk.text)
    return any(
        _has_agent(sentence, " ".join(sentences[:i])) and _states(sentence, content)
        for i, sentence in enumerate(sentences)
    )


def _states(text: str, content: Sequence[Group], whole: bool = False) -> bool:
    """Whether the text states more than half of the question's content words (with `whole`, all of them)."""
    terms, tokens = chunk_evidence(text)
    found = sum(g.found_in(terms, tokens) for g in content)
    return found == len(content) if whole else not content or 2 * found > len(content)


def _has_agent(sentence: str, before: str) -> bool:
    """Whether a sentence names the agent of a verb of saying in it; `before` is the clause's text before it,
    where a pronoun's antecedent stands."""
    if _ACCORDING.search(sentence) or _BY_AGENT.search(sentence) or _AGENT_ZH.search(sentence):
        return True
    for m in _AGENT_BEFORE.finditer(sentence):
        word = m.group(1)
        if word.lower() in _PRONOUNS:
            # A pronoun stands for an agent named earlier ("the General Assembly reiterated … It urged").
            if _has_agent(before, "") or _NAMED_BODY.search(before):
                return True
            continue
        if word.lower() not in _STARTERS:
            return True
    return False


def names_person(chunk: Chunk) -> bool:
    """Whether the clause (or its section's addressee) names a title-holder or a person's title."""
    own = " ".join((chunk.text, chunk.section, chunk.addressee_en))
    return _TITLE_EN.search(own) is not None or _TITLE_ZH.search(own) is not None


def attribution_lacks(ask: Attribution, chunk: Chunk, groups: Sequence[Group] = (), question: str = "") -> bool:
    """Whether the clause lacks the agent (for the question's `groups`) or the person the question asks for."""
    return (ask.speaker and not names_agent(chunk, groups, question)) or (bool(ask.person) and not names_person(chunk))


def states_statement(
    groups: Sequence[Group], question: str, lang: Language, evidence: tuple[frozenset[Term], frozenset[str]]
) -> bool:
    """Whether a clause with this `evidence` states every word of the statement whose speaker or person the
    question asks for: all its `groups` but the verb of saying or naming and the words of the person asked
    for ("which *UN official*", 哪位*联合国官员*). Only such a clause is quoted as what the corpus does say."""
    m = (_PERSON_ZH if lang == "zh" else _PERSON_EN).search(question)
    person = {(g.term, g.token) for g in question_groups(m.group(0), lang)} if m else set()
    return all(g.found_in(*evidence) for g in groups if (g.term, g.token) not in person and not _verb(g, question))


def _verb(g: Group, question: str) -> bool:
    written = as_written(g.token, question) if g.token else ""
    return bool(written) and any(p.fullmatch(written) for p in (_SAY_WORD, _NAMING_ZH))
