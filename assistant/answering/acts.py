"""What a named body did: "What did UNESCO recommend …?", 人工智能伦理委员会建议了什么？

Such a question asks for an act of its subject. A clause answers it only if it names that body, and,
when the clause is addressed to another actor ("instructs the Secretary-General: … cooperate with
… UNESCO …"), only if it also states the act: there the body is a partner of someone else's act, and
a clause that shares the question's topic words (AI, ethics) still does not say what the body
recommended. The checks are lenient on wording, strict on who:

* the body is named by a glossary form of its whole name (UNESCO: 联合国教育、科学和文化组织), by
  its name as written, or — in a clause of the other language, for a name the glossary lacks — by a
  translation of each of its words ("Commission on Science and Technology for Development" in
  科学技术促发展委员会, its head through a table of organisation suffixes; "Human Rights Council" is in no
  clause, 人权 being in none of the draft's);
* the act is stated by the verb or any of its translations or near-synonyms (`Needs` translations); in a
  Chinese clause by a Chinese translation it writes (建议 for "recommend"), not by an English sense of
  another of its words (促进: promote, also a sense of "recommend").

Only an English "What did/does X VERB …" whose X is a body (a glossary actor, or a capitalised name
with an organisation head among its words: bodies.EN_HEADS) and a Chinese what-question opening with a name that
ends with an organisation suffix (bodies.ZH_SUFFIXES) are read, and a question asking for a body's own duties or
role (工发组织负责哪些工作, "What is UNIDO responsible for?"), whose body the clause must name; any other question
has no `Act`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.answering.actors import is_actor
from assistant.answering.analysis import AUXILIARIES
from assistant.answering.answer_class import parts_of_speech
from assistant.answering.bodies import EN_HEADS, ZH_SUFFIXES
from assistant.answering.evidence import Group, question_groups, words
from assistant.glossary import Term, find_terms
from assistant.retrieval.dictionary import Names
from assistant.schema import Chunk, Language
from assistant.segmentation import pos_words
from assistant.text import CJK_RUN

_EN_ACT = re.compile(
    r"^\s*(?i:what\s+(?:did|does|do|has|have|will|would|should|can|could)\s+(?:the\s+)?)"
    r"(?P<actor>[A-Z][\w’'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w’'-]*))*)\s+(?P<verb>[a-z]+)\b"
)
# A body a what-question asks about ("… say about the AI Ethics Committee?", 关于X委员会说了什么).
_EN_TOPIC = re.compile(r"\babout\s+(?:the\s+)?(?P<actor>[A-Z][\w’'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w’'-]*))*)")
_ZH_TOPIC = re.compile(
    r"(?:关于|有关|对于)(?P<name>[\u4e00-\u9fff]{3,}?)(?=各|说|有何|有什么|提到|谈到|，|,|的规定|怎么|如何)"
)
# A question asking for a body's own duties or role (工发组织自己具体负责哪些工作, "What is UNIDO responsible for"):
# only a clause in which that body acts answers it, however close its topic.
_ZH_DUTY = re.compile(
    r"(?:^|[，,：:])(?P<name>[\u4e00-\u9fff]{2,12}?)(?:自己|自身|本身)?(?:具体|主要)?"
    r"(?:负责|承担|担负|扮演|发挥)(?:了)?(?:哪些|什么|哪)"
)
_EN_DUTY = re.compile(
    r"\bwhat\s+(?:(?:is|are|was|were|will)\s+(?:the\s+)?(?P<a>[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'-]*))*)"
    r"\s+(?:itself\s+)?(?:specifically\s+|actually\s+)?(?:be\s+)?responsible\s+for"
    r"|(?:role|tasks?|duties|responsibilities)\s+(?:does|do|did|will)\s+(?:the\s+)?"
    r"(?P<b>[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'-]*))*)\s+(?:itself\s+)?(?:play|have|take|carry|perform))",
    re.IGNORECASE,
)
# Words after the name that are not its act: "What did UNESCO *say* …" is one ("say" is an act), but
# "What did the OECD *conference* …" names another subject, and a possessive makes the name a modifier.
_JOINERS = frozenset(("of", "for", "and", "on", "the"))
# Chinese words that end the subject's name: a preposition (就, 对, 在, 关于) or the act itself.
_ZH_NAME_POS = ("n", "nr", "ns", "nt", "nz", "eng", "j")
# An English name's organisation head in a Chinese name: CC-CEDICT gives "commission" as 佣金 only, while
# 科学技术促发展委员会 is the Commission on Science and Technology for Development.
_HEAD_SUFFIXES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("commission", "committee"), ("委员会",)),
    **dict.fromkeys(("organization", "organisation"), ("组织",)),
    **dict.fromkeys(("programme", "program"), ("计划署", "方案")),
    **dict.fromkeys(("conference", "assembly"), ("大会",)),
    "council": ("理事会",),
    "forum": ("论坛",),
    "fund": ("基金",),
    "foundation": ("基金会",),
    "bank": ("银行",),
    "union": ("联盟",),
    "agency": ("机构", "署"),
    "institute": ("研究所",),
    "association": ("协会",),
    "summit": ("峰会", "高峰会议"),
}
_SUFFIX_OF = {stem: zh for head, zh in _HEAD_SUFFIXES.items() for stem in words(head)}


@dataclass(frozen=True)
class Act:
    """A named body and the act a what-question asks of it."""

    actor: str
    # The actor's glossary term when the question names one as a whole; None for a name the glossary lacks.
    term: Term | None
    # The name's words with their translations (for a clause of the other language), and the act's verb.
    name_groups: tuple[Group, ...]
    verb_groups: tuple[Group, ...]
    lang: Language
    verb: str = ""
    # The name as an abstention shows it: with the question's "the" ("“decide” said of the Council").
    shown: str = ""

    @property
    def named(self) -> str:
        return self.shown or self.actor


def asked_act(
    question: str,
    lang: Language,
    translations: Mapping[str, tuple[str, ...]] | None = None,
    names: Names | None = None,
) -> Act | None:
    """The body a what-question asks about and its act, or None when the question is not of that shape.

    `names` is CC-CEDICT's proper names: a Chinese name it knows (经合组织: OECD) is left to
    `bodies.absent_bodies`, which finds it through its English forms; without the dictionary no Chinese
    name is read, since none could be told from an abbreviation of a name the corpus gives in full.
    """
    if lang == "en":
        return (
            _english_act(question, translations)
            or _english_topic(question, translations)
            or _duty(question, lang, translations)
        )
    if names is None:
        return None
    return (
        _chinese_act(question, translations, names)
        or _chinese_topic(question, translations, names)
        or _duty(question, lang, translations)
    )


def _duty(question: str, lang: Language, translations: Mapping[str, tuple[str, ...]] | None) -> Act | None:
    """The body whose own duties a question asks for (`_ZH_DUTY`, `_EN_DUTY`): a clause answers only if it names
    that body. Unlike a subject's act, a name CC-CEDICT knows is read too (工发组织: UNIDO): a document published
    on the body's site, never naming it in a clause, gives it no task."""
    m = (_EN_DUTY if lang == "en" else _ZH_DUTY).search(question)
    if m is None:
        return None
    if lang == "en":
        name = re.sub(rf"(?:\s+(?:{'|'.join(_JOINERS)}))+$", "", m.group("a") or m.group("b"))
        if name.split()[0][:1].islower():
            return None
    else:
        name = m.group("name")
        if not any(name.endswith(z) for z in ZH_SUFFIXES) or len(name) < 3:
            return None
    term = _whole_term(name, lang)
    if term is None and lang == "en" and not any(w.casefold() in EN_HEADS for w in name.split()) and not name.isupper():
        return None
    if term is not None and not is_actor(term):
        return None
    groups = tuple(question_groups(name, lang, translations))
    # What the documents lack is the body's task, not its name (a title or site notice may well give it).
    shown = f"{name}承担的工作" if lang == "zh" else f"a task given to {name}"
    return Act(actor=name, term=term, name_groups=groups, verb_groups=(), lang=lang, shown=shown)


def _english_topic(question: str, translations: Mapping[str, tuple[str, ...]] | None) -> Act | None:
    """ "What does the draft say about the AI Ethics Committee?": the body is the topic, so a clause answers only
    if it names the body (`act_lacks` with no verb)."""
    m = _EN_TOPIC.search(question)
    if m is None:
        return None
    actor = re.sub(rf"(?:\s+(?:{'|'.join(_JOINERS)}))+$", "", m.group("actor"))
    term = _whole_term(actor, "en")
    if term is None and not any(w.casefold() in EN_HEADS for w in actor.split()):
        return None
    if term is not None and not is_actor(term):
        return None
    groups = tuple(question_groups(actor, "en", translations))
    return Act(actor=actor, term=term, name_groups=groups, verb_groups=(), lang="en", shown=_with_the(question, m))


def _with_the(question: str, m: re.Match[str]) -> str:
    """The actor with the "the" the question wrote before it, or "" when it wrote none."""
    the = re.search(r"\bthe\s+$", question[: m.start("actor")], re.IGNORECASE)
    return f"{the.group(0).strip()} {m.group('actor')}" if the else ""


def _chinese_topic(question: str, translations: Mapping[str, tuple[str, ...]] | None, names: Names) -> Act | None:
    """关于人工智能伦理委员会说了什么: the name after 关于 is the topic, read as `_chinese_act` reads a subject."""
    m = _ZH_TOPIC.search(question)
    if m is None:
        return None
    name = m.group("name")
    suffix = next((s for s in ZH_SUFFIXES if name.endswith(s)), "")
    if not suffix or len(name) <= len(suffix) + 1:
        return None
    return _chinese_body(name, question, translations, names)


def _english_act(question: str, translations: Mapping[str, tuple[str, ...]] | None) -> Act | None:
    m = _EN_ACT.match(question)
    if m is None:
        return None
    actor, verb = m.group("actor"), m.group("verb")
    # "What did ITU *do* in 2017?": "do" after the subject is the act itself, any act the body states, so the
    # clause must still name the body (a clause on UNICRI's 2017 centre is no act of ITU's).
    # Only after did/does: "What can Member States do …?" asks what they may do, which no act of theirs answers.
    main_do = verb == "do" and question.split()[1].casefold() in ("did", "does")
    if (
        actor.split()[-1].casefold() in _JOINERS
        or (verb in AUXILIARIES and not main_do)
        or "v" not in parts_of_speech(verb)
    ):
        return None
    if question[m.end("actor") :].startswith(("'", "’")):
        return None
    # "What did the UN *body* ask …": a noun before a verb is the subject's head, not its act.
    after = question[m.end("verb") :].split()
    if "n" in parts_of_speech(verb) and after and parts_of_speech(after[0].strip("?.,").lower()) == {"v"}:
        return None
    term = _whole_term(actor, "en")
    if term is None and not any(w.casefold() in EN_HEADS for w in actor.split()) and not actor.isupper():
        return None
    if term is not None and not is_actor(term):
        return None
    return Act(
        actor=actor,
        term=term,
        name_groups=tuple(question_groups(actor, "en", translations)),
        verb_groups=() if main_do else tuple(question_groups(verb, "en", translations)),
        lang="en",
        verb=verb,
        shown=_with_the(question, m),
    )


def _chinese_act(question: str, translations: Mapping[str, tuple[str, ...]] | None, names: Names) -> Act | None:
    if "什么" not in question or not CJK_RUN.match(question.strip()):
        return None
    name, end = "", 0
    for word, pos in pos_words(question.strip()):
        if not (pos.startswith(_ZH_NAME_POS) or any(word.endswith(s) for s in ZH_SUFFIXES)):
            break
        end += len(word)
        prefix = question.strip()[:end]
        suffix = next((s for s in ZH_SUFFIXES if prefix.endswith(s)), "")
        if suffix and len(prefix) > len(suffix) + 1:
            name = prefix
    return _chinese_body(name, question, translations, names) if name else None


def _chinese_body(
    name: str, question: str, translations: Mapping[str, tuple[str, ...]] | None, names: Names
) -> Act | None:
    """The act-less `Act` of a Chinese body's name the question gives, or None when other checks own the name."""
    term = _whole_term(name, "zh")
    # A name CC-CEDICT knows is `bodies.absent_bodies`' to find when the corpus lacks it (经合组织: OECD); one
    # the glossary has is a body the corpus names (国际电信联盟, 联合国大会), whose act is still to be stated.
    if term is None and name in names.english:
        return None
    # 发展局 in 发展局主任: the subject is the glossary's longer name (a director), not the bureau.
    if any(name in f and name != f for t in find_terms(question, "zh") for f in t.forms("zh")):
        return None
    if term is not None and not is_actor(term):
        return None
    groups = tuple(question_groups(name, "zh", translations))
    return Act(actor=name, term=term, name_groups=groups, verb_groups=(), lang="zh")


def _whole_term(name: str, lang: Language) -> Term | None:
    """The glossary term one of whose forms is the whole name ("UNESCO", "Assembly"), not a word inside it."""
    folded = name.casefold()
    return next(
        (t for t in find_terms(name, lang) if any(f.casefold() == folded for f in (*t.forms("en"), *t.forms("zh")))),
        None,
    )


def act_lacks(
    act: Act, chunk: Chunk, evidence: tuple[frozenset[Term], frozenset[str]], issuers: Sequence[Term] = ()
) -> str:
    """What the clause lacks to say what the body did: its name, or the act when the clause is addressed
    to another actor (`chunk.addressee_en`); "" when it may answer.

    `evidence` is the clause's own terms and words, without its document's title: the draft's heading names
    ITU (国际电信联盟全权代表大会), which does not make its clause on UNICRI's 2017 centre an act of ITU's.
    `issuers` are the bodies that issue the clause's document (`actors.issuing_bodies`): an operative clause
    addressed to no one ("resolves") is their own act, though it never names them (全权代表大会决定了什么)."""
    if _is_addressee(act, chunk):  # named by its section ("invites Member States …"): the act is its own
        return ""
    if chunk.section_kind == "operative" and not chunk.addressee_en and act.term in issuers:
        return ""
    if not _names(act, chunk, evidence):
        return act.named
    if not chunk.addressee_en:
        return ""
    if act.verb == "do":
        # Every act of a clause addressed to another actor is that actor's: the body is only its partner.
        return f"what {act.named} did"
    if not act.verb_groups:
        return ""
    if any(_states(g, chunk, evidence) for g in act.verb_groups):
        return ""
    # The body is named, so "… but not UNESCO" would be false: what is missing is its act.
    return f"“{act.verb}” said of {act.named}"


def _states(g: Group, chunk: Chunk, evidence: tuple[frozenset[Term], frozenset[str]]) -> bool:
    """Whether the clause states the act's verb. A Chinese clause's evidence has English stems of its words'
    senses (促进: promote), one of which is a sense of "recommend" too: there only a Chinese translation of
    the verb written in the clause counts (建议, 推荐)."""
    if chunk.lang == "en" or g.term is not None:
        return g.found_in(*evidence)
    return any(CJK_RUN.fullmatch(t := alt.removeprefix("·")) is not None and t in chunk.text for alt in g.alts)


def _names(act: Act, chunk: Chunk, evidence: tuple[frozenset[Term], frozenset[str]]) -> bool:
    if act.term is not None:
        forms = [f for f in (*act.term.forms("en"), *act.term.forms("zh")) if f]
        return act.term in evidence[0] or any(_written(f, chunk.text) for f in forms)
    if _written(act.actor, chunk.text):
        return True
    # A name the glossary lacks, in a clause of the other language: each of its words through a translation.
    return (
        chunk.lang != act.lang
        and bool(act.name_groups)
        and all(
            g.found_in(*evidence) or any(z in chunk.text for z in _SUFFIX_OF.get(g.token, ())) for g in act.name_groups
        )
    )


def _is_addressee(act: Act, chunk: Chunk) -> bool:
    if act.term is None:
        return False
    # One of several addressees ("Member States, Sector Members and Academia") is one who acts too.
    return any(_written(f, chunk.addressee_en) for f in act.term.forms("en") if f)


def _written(form: str, text: str) -> bool:
    if CJK_RUN.fullmatch(form):
        return form in text
    return re.search(rf"(?<![\w-]){re.escape(form.casefold())}(?![\w-])", text.casefold()) is not None


__all__ = ["Act", "act_lacks", "asked_act"]
