"""Whether a Chinese clause names instances of the noun a which-question asks for.

The Chinese side of echo.names_instance: "决议草案提到哪些民间团体 …" is not answered by a clause
that says only "公共部门和民间团体", nor "Which private sector entities …" by "其他私营部门实体";
"哪些人工智能问题 …" is answered by "社会、经济和伦理问题", "Which forums …" by 互联网治理论坛.

A mention of the asked noun is its head word in the clause (the question's last noun, or for an
English question a translation of it the retriever found: 实体 for "entities"), or a glossary name
ending in it (互联网治理论坛 for 论坛, 研究组 "study groups" for "groups"). When the whole asked phrase
is a glossary name (研究组, "focus groups"), only that name is its mention: 研究组 names no focus group.

A mention names instances when it is a longer name than the question's; when the nouns, verbal nouns
or adjectives right before it add a word to the question (伦理问题, ICT发展问题, 现有合作机制, and X相关:
人工智能技术相关活动); when it is a numbered document (第139号决议); when a list follows it (工作，包括 …,
特别是, 主要是) or ends in it (A、B等组织); or, unless names are asked for, when the 的 clause before it,
also across 任何 / 所有 / 各项, adds to the question (对国际电联产生重大战略或财务影响的人工智能问题), as
an English relative clause does, and when a 的 clause describes it with a noun coordinated before it
(国际电联的职权和核心能力). 各 / 其他 before it name no instance: "ITU-T各研究组" is the class,
whereas echo.py reads an English "each" or "all stakeholders" as the whole class.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering.echo import adds_to_question, asks_names
from assistant.answering.evidence import words
from assistant.glossary import Term, find_terms
from assistant.schema import Language
from assistant.segmentation import pos_words

# A list of the mention's instances follows it: "OECD有关人工智能的工作，*包括* …", "其他机构，*主要是* …"
# (即 "namely", not 即将 "soon" or 即使 "even if").
_LIST_AFTER = re.compile(
    r"\s*[，,]?\s*(?:特别是|特别包括|尤其是|包括|主要是|主要包括|例如|比如|诸如|即(?![将使便可刻时])|[：:])"
)
# A list ends in it ("A、B*等*组织"), or it is a numbered document ("*第139号*决议").
_NAMED_BEFORE = re.compile(r"(?:等|等等|第[^第，。；、\s]{1,24}号)$")
# Part-of-speech flags (jieba) of the words before a mention that qualify it (社会、经济和*伦理*问题): nouns,
# verbal nouns (ICT*发展*问题, 现有*合作*机制), Latin words, abbreviations, distinguishing words and
# adjectives. A verb (管理电信网络), a particle, a conjunction or a pronoun (各, 其他) ends them.
_MODIFIER_FLAGS = ("n", "vn", "eng", "j", "b", "a")
# At most this many words before a mention qualify it ("创新型电信/ICT" is three), as in echo.py.
_MODIFIER_WORDS = 3
# Nouns before a mention that count or pick among its instances rather than say what they are; 有关 / 相关
# ("relevant": 有关实体) qualify it only after a word that does (人工智能技术*相关*活动, `_RELATED`).
# 助力 and 利用 are verbs jieba tags as nouns ("人工智能技术*助力*电信/ICT网络").
_NOT_MODIFIERS = frozenset(("大量", "许多", "部分", "各类", "各种", "多方", "有关", "相关", "助力", "利用"))
_RELATED = frozenset(("有关", "相关"))
# Words that pick all of a 的 clause's instances, between it and the mention: "…人工智能问题的*任何*活动" is
# described by the 的 clause as "…的活动" is.
_ALL_OF = frozenset(("任何", "所有", "一切", "全部", "各项", "各种", "各类", "各"))
# A 的 clause before the mention reaches back to a punctuation mark, a conjunction or another 的 (jieba's
# flags x, c, uj): "影响和*带来*的挑战" is the challenges brought, not the impacts before them.
_RELATIVE_ENDS = ("x", "c", "uj")


@dataclass(frozen=True)
class _Mention:
    """Where a mention of the asked noun stands in the clause, and the longer name it is ("" for a word)."""

    start: int
    end: int
    name: str = ""


@dataclass(frozen=True)
class _Words:
    """A clause's words (jieba) with their part-of-speech flags and the offset each starts at."""

    text: str
    tagged: list[tuple[str, str]]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Words:
        tagged = pos_words(text)
        starts = [0]
        for word, _ in tagged:
            starts.append(starts[-1] + len(word))
        return cls(text, tagged, starts)


def names_instance_zh(
    text: str, question: str, phrase: str, lang: Language, translations: Sequence[str] = ()
) -> bool | None:
    """Whether a Chinese `text` names an instance of `phrase`, the noun phrase the `question` (in `lang`)
    asks for (answer_class.asked_phrase). For an English question, `translations` are the Chinese words
    of its head noun. None when the text never mentions the noun: it may name instances in other words."""
    clause = _Words.of(text)
    found = _mentions(clause, phrase, lang, translations)
    if not found:
        return None
    described = not asks_names(question)
    return any(_names(m, clause, question, described) for m in found)


def _mentions(clause: _Words, phrase: str, lang: Language, translations: Sequence[str]) -> list[_Mention]:
    """The mentions of the asked noun in the clause (see the module's docstring), in reading order."""
    text = clause.text
    own = [t for t in find_terms(phrase, lang) if phrase.casefold() in {f.casefold() for f in t.forms(lang)}]
    if own:
        forms = [f for t in own for f in t.forms("zh")]
        return [_Mention(m.start(), m.end()) for f in forms for m in re.finditer(re.escape(f), text)]
    head = phrase.split()[-1] if lang == "en" else "".join(w for w, _ in pos_words(phrase)[-1:])
    if len(words(head)) != 1:
        return []
    out = [
        _Mention(m.start(), m.end(), m.group(0))
        for t in find_terms(text, "zh")
        if _ends_in(t, head, lang)
        for m in re.finditer(re.escape(t.zh), text)
    ]
    heads = {head} if lang == "zh" else set(translations)
    for (word, _), start in zip(clause.tagged, clause.starts, strict=False):
        if word in heads and not any(m.start <= start < m.end for m in out):  # not a word of a name found
            out.append(_Mention(start, start + len(word)))
    return sorted(out, key=lambda m: m.start)


def _ends_in(term: Term, head: str, lang: Language) -> bool:
    """Whether a glossary name is a longer name of the head noun: 互联网治理论坛 of 论坛, "study groups" of
    "groups". An English name ends in the noun itself or its other number, not in a word of its stem
    ("International Organization for Standardization" is no name of standards)."""
    if lang == "zh":
        return term.zh.endswith(head) and term.zh != head
    return any(f.split()[-1:] and f.split()[-1].casefold() in _numbers(head) for f in term.forms("en"))


def _numbers(noun: str) -> frozenset[str]:
    """A noun in both numbers: "entities" -> entity, entities; "forum" -> forum, forums."""
    w = noun.casefold()
    singular = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    plural = (
        singular[:-1] + "ies"
        if singular.endswith("y")
        else singular + "es"
        if singular.endswith(("s", "x", "ch", "sh"))
        else singular + "s"
    )
    return frozenset((w, singular, plural))


def _names(m: _Mention, clause: _Words, question: str, described: bool) -> bool:
    """Whether one mention names instances (see the module's docstring)."""
    text = clause.text
    if _LIST_AFTER.match(text, m.end) or _NAMED_BEFORE.search(text[: m.start]):
        return True
    # The words right before it that qualify it (tagged[j + 1 : at]), then, unless names are asked for, the
    # 的 clause before those (tagged[k + 1 : j]).
    at = sum(1 for end in clause.starts[1:] if end <= m.start)
    tagged = clause.tagged
    j = at - 1
    while (
        j >= 0
        and sum(w != "/" for w, _ in tagged[j:at]) <= _MODIFIER_WORDS  # the slash of 电信/ICT is no word
        and (_modifies(*tagged[j]) or (tagged[j][0] in _RELATED and j > 0 and _modifies(*tagged[j - 1])))
    ):
        j -= 1
    said = [m.name, text[clause.starts[j + 1] : m.start]]
    while j >= 0 and tagged[j][0] in _ALL_OF:
        j -= 1
    j = _before_coordinated(tagged, j)
    if described and j >= 0 and tagged[j][0] == "的":
        k = j - 1
        while k >= 0 and not clause.tagged[k][1].startswith(_RELATIVE_ENDS):
            k -= 1
        said.append(text[clause.starts[k + 1] : clause.starts[j]])
    return any(_adds(part, question) for part in said)


# Conjunctions that join two nouns under one 的 clause: 国际电联的职权*和*核心能力.
_AND = frozenset(("和", "与", "及"))


def _before_coordinated(tagged: list[tuple[str, str]], j: int) -> int:
    """Where a 的 clause before two coordinated nouns ends when the mention is the second (国际电联的职权和
    *核心能力*: the 的 clause describes both); `j` unchanged when no noun and 和 stand at it, or no 的 before."""
    if j < 1 or tagged[j][0] not in _AND:
        return j
    k = j - 1
    while k >= 0 and _modifies(*tagged[k]) and j - k <= _MODIFIER_WORDS:
        k -= 1
    return k if k < j - 1 and k >= 0 and tagged[k][0] == "的" else j


def _modifies(word: str, flag: str) -> bool:
    """Whether a word before a mention qualifies it: a noun or adjective (`_MODIFIER_FLAGS`) or the slash of
    "电信/ICT", not a counting word (`_NOT_MODIFIERS`)."""
    return (flag.startswith(_MODIFIER_FLAGS) and word not in _NOT_MODIFIERS) or word == "/"


def _adds(said: str, question: str) -> bool:
    """Whether words before a mention add to the question. Names joined by a slash are one thing named two
    ways ("电信/ICT网络"): the question saying one of them says it. Each word is judged alone: the character
    pair across two words (管理|电信) is in no question that says both apart (管理哪些电信网络)."""
    parts = [p for p in said.split("/") if p]
    return bool(parts) and all(any(adds_to_question(w, question) for w, _ in pos_words(p)) for p in parts)
