"""Whether the quoted clause states the topic a what-question names: "What does the draft say about generative AI?"

Such a question is answered only by a clause whose own text and heading (not its document's title) state
at least half of the topic's words, directly, through a translation or a near-synonym. Without this, the
clause recalling the 2030 Agenda was quoted for "generative AI" because it shares "resolution" and is close
in meaning to any question on the draft.
"""

from __future__ import annotations

import re

from assistant.answering.analysis import AUXILIARIES
from assistant.answering.context import AnswerContext
from assistant.answering.contradiction import mostly_unstated
from assistant.answering.evidence import question_groups
from assistant.answering.support import clause_evidence
from assistant.schema import Chunk, Language

# What a what-question asks a text to say something about: "What does the draft say about generative AI?",
# 决议草案关于生成式人工智能说了什么？
_ABOUT: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:say|says|said|state|states|stated|write|writes|mention|mentions|tell\s+(?:us|me))\s+about\s+"
        r"(?P<topic>[^?.!]+)",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"关于(?P<topic>[^？?。，,]+?)各?(?:说了|说|有何|有什么|提到|谈到|是怎么|怎么|如何|的内容)"),
}


def unstated_about(question: str, lang: Language, chunk: Chunk, ctx: AnswerContext) -> list[str]:
    """The words of the topic a what-question asks about that the clause (with its heading, not its document's
    title) does not state, when they are more than half of the topic's words; [] otherwise or with no topic.

    Half, as for a yes/no question's topic (`contradiction.unstated_topic`): "the disparities between
    countries" says "unequal technological progress" otherwise, while a clause recalling the 2030 Agenda
    states nothing of "generative AI"."""
    m = _ABOUT[lang].search(question)
    if m is None:
        return []
    topic = m.group("topic")
    groups = question_groups(topic, lang, ctx.translations, ctx.synonyms)
    evidence = clause_evidence(chunk, lang, ctx, title=False)
    return list(dict.fromkeys(mostly_unstated(topic, lang, groups, evidence, chunk.index_text)))


# The topic a which-question's noun is on: "Which UN General Assembly resolution *on the 2030 Agenda* does …",
# up to the auxiliary that starts its predicate.
_NOUN_ON = r"\s+(?:on|about|concerning|regarding)\s+(?P<topic>.+?)(?=\s+(?:{aux})\b|[?.!,;]|$)"


def noun_topic(question: str, lang: Language, noun: str) -> str:
    """The topic a which-question's answer noun is on ("the 2030 Agenda" in "Which resolution on the 2030
    Agenda does the draft recall?"), or "" (and in Chinese, whose topic precedes the noun, always "")."""
    if lang != "en" or not noun:
        return ""
    at = question.find(noun)
    m = re.match(_NOUN_ON.format(aux="|".join(AUXILIARIES)), question[at + len(noun) :]) if at >= 0 else None
    return m.group("topic") if m else ""


def states_topic(topic: str, lang: Language, chunk: Chunk, ctx: AnswerContext) -> bool:
    """Whether the clause itself (with its heading, not its document's title) states at least half of `topic`."""
    groups = question_groups(topic, lang, ctx.translations, ctx.synonyms)
    evidence = clause_evidence(chunk, lang, ctx, title=False)
    return not mostly_unstated(topic, lang, groups, evidence, chunk.index_text)
