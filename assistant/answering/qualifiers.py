"""Qualifiers: the words of a question that narrow the entity it asks for.

"Which UN agency *for children* …" asks for one agency among many; a clause
that names agencies but none for children does not answer it, though it covers
most of the question's words (coverage is a weighted share, and "children" is
one word of six). The qualifier is read around the answer's noun: the words
between the question word and the noun ("which *private* company", 哪个*负责知识
产权的联合国*组织) and an English prepositional phrase after it ("agency *for
education, science and culture*", up to the verb that starts the predicate).
"""

from __future__ import annotations

import re

from assistant.answering.analysis import AUXILIARIES
from assistant.answering.answer_class import AnswerClass
from assistant.schema import Language

# Classes whose answer is a named entity that a qualifier narrows; a percentage or a deadline is a
# value, and what follows its noun ("share *of developing nations lacks* …") is the predicate.
QUALIFIED_CLASSES = frozenset(("country", "city", "company", "organisation"))
# Prepositions that open a qualifier after the noun.
_EN_AFTER = re.compile(
    r"^\s+(?:for|of|on|in charge of|responsible for|dealing with|working on|specialising in|specializing in)\s+"
    rf"(.+?)(?=\s+(?:{'|'.join((*AUXILIARIES, 'shall', 'may', 'that', 'which', 'who', 'whose', 'to'))})\b|[?.!;]|$)",
    re.IGNORECASE,
)
# Words before the noun that do not narrow it ("which *other* organisations", "哪一*个*"; "external", 外部: outside
# what the question itself names, as "other" is, no side a clause states of its partners), and Chinese
# verbs that only introduce the qualifier (负责知识产权的 = "for intellectual property", 知识产权相关的
# = "related to intellectual property").
_NOT_QUALIFIERS = re.compile(
    r"\b(?:other|others|such|main|particular|specific|certain|exact|same|one|two|three|single|named|"
    r"individual|kind of|sort of|type of|external|outside|"
    # Degree adverbs grade the qualifier, they do not add one ("relatively poor", 比较穷的): "poor" is it.
    r"relatively|comparatively|very|quite|rather|fairly|especially)\b|其他|其它|别的|外部|外界|"
    r"比较|较为|相对|非常|十分|极其|相当|"
    r"主要|具体|特定|负责|主管|专门|从事|管理|相关|有关|"
    # 一 / 个 only as the measure word that opens the qualifier (哪 + 一个 …): 统一, 个人 keep them.
    r"^(?:一个|一|个)",
    re.IGNORECASE,
)

# Kinds of body whose very name says their sector: a foundation is a private, non-profit body, so "which *private*
# foundation" asks no more than "which foundation", and a clause naming the XPRIZE Foundation (XPRIZE基金会) need not
# also call it private. "Which private *company*" keeps its qualifier: companies are public or private.
_IMPLIED_BY_NOUN: dict[str, re.Pattern[str]] = {
    "foundation": re.compile(r"\b(?:private|charitable|philanthropic|non-?profit)\b", re.IGNORECASE),
    "基金会": re.compile(r"私营|私人|民间|慈善|非营利"),
}


def qualifier_text(question: str, lang: Language, cls: AnswerClass | None) -> str:
    """The words of `question` that narrow the entity of class `cls`; "" when there are none."""
    if cls is None or cls.name not in QUALIFIED_CLASSES:
        return ""
    before = question[cls.lead_end : cls.start]
    after = ""
    if lang == "en":
        m = _EN_AFTER.match(question[cls.end :])
        after = m.group(1) if m else ""
    text = f"{before} {after}".strip()
    text = without_implied(text, question[cls.start : cls.end])
    return _NOT_QUALIFIERS.sub(" ", text).strip()


def without_implied(text: str, noun: str) -> str:
    """`text` (words around an asked `noun`) without those the noun itself implies: "private" before "foundation"."""
    implied = _IMPLIED_BY_NOUN.get(noun.casefold().removesuffix("s"))
    return implied.sub(" ", text) if implied is not None else text
