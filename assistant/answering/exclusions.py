"""What a question sets aside: "apart from UN agencies, which organisations …", 除了联合国机构之外，还要和哪些组织….

A question that sets aside a kind of the very thing it asks for (UN agencies, when it asks for organisations)
asks for the others: the clause on the set-aside kind answers another question, and it must not win for
stating the set-aside words. So they are left out of what a clause must support (candidates.support_question);
the rest of the question still has to be covered. A set-aside name ("besides UNESCO, which UN organisations")
or property ("besides being secure") is different: the list that names it names its peers, so its words stay.

A set-aside phrase whose words stay is stated by the clause that names it with its peers ("support inclusive
access to AI and enhance digital literacy" for 除了推动包容性获取之外，还…提升哪方面的能力): one of its words in
another clause ("inclusive development") is not the phrase, and must not win that clause the choice
(evidence.unsaid_aside).

The phrase is read only where its end is clear: in Chinese up to 之外 / 以外 or a comma, in English up to a
comma, the question mark, an auxiliary or a relative within a few words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.answer_class import asked_class
from assistant.answering.evidence import Group, words
from assistant.answering.words import AUXILIARIES
from assistant.glossary import find_terms
from assistant.schema import Language

_EN_MAX_WORDS = 4
_EN_ENDS = "|".join((*AUXILIARIES, "shall", "may", "which", "who", "that", "what", "according"))
_EN = re.compile(
    r"\b(?:apart from|aside from|besides|other than|except for|except|excluding)\s+"
    rf"((?:[\w'’-]+\s+){{0,{_EN_MAX_WORDS - 1}}}?[\w'’-]+)"
    rf"(?=\s*[,?.;!]|\s*$|\s+(?:{_EN_ENDS})\b)",
    re.IGNORECASE,
)
# 除 only as "except" (除了 …, 除 … 之外): 消除, 排除, 删除 and 除非 (unless) are other words.
_ZH = re.compile(
    r"除了([^，,。？?]{1,15}?)(?:之外|以外|，|,)|(?<![消排删清剔解去废拆免])除([^，,。？?非]{1,15}?)(?:之外|以外)"
)
# How a set-aside phrase is read as a "which" phrase, for its class (answer_class.asked_class).
_AS_WHICH: dict[Language, str] = {"en": "which {}", "zh": "哪些{}"}


def set_aside(question: str, lang: Language) -> str:
    """The phrase the question sets aside ("UN agencies", 联合国机构), or "" when it sets none aside (clearly)."""
    m = (_ZH if lang == "zh" else _EN).search(question)
    return "" if m is None else next(g for g in m.groups() if g is not None).strip()


def sets_aside_a_kind(question: str, lang: Language) -> bool:
    """Whether the question sets aside a kind of what it asks for: "apart from UN agencies, which external
    organisations" (both organisations), not "besides UNESCO, which UN organisations" (a name)."""
    aside = set_aside(question, lang)
    if not aside:
        return False
    asked = asked_class(question, lang)
    kind = asked_class(_AS_WHICH[lang].format(aside), lang)
    return asked is not None and kind is not None and kind.name == asked.name


def without_set_aside(question: str, lang: Language) -> str:
    """The question without the kind it sets aside and the word that introduces it (`sets_aside_a_kind`); the
    question as it is otherwise. "秘书长除了联合国机构之外，还要和哪些组织合作" -> "秘书长，还要和哪些组织合作"."""
    if not sets_aside_a_kind(question, lang):
        return question
    m = (_ZH if lang == "zh" else _EN).search(question)
    return question if m is None else f"{question[: m.start()]}{question[m.end() :]}"


def aside_positions(groups: Sequence[Group], question: str, lang: Language) -> frozenset[int]:
    """The positions of those of the question's groups (evidence.question_groups) that are words of the phrase
    it sets aside: 推动, 包容性, 获取 in 除了推动包容性获取之外; none when it sets none aside."""
    aside = set_aside(question, lang)
    if not aside:
        return frozenset()
    tokens, terms = set(words(aside)), set(find_terms(aside, lang))
    return frozenset(i for i, g in enumerate(groups) if (g.term in terms if g.term is not None else g.token in tokens))
