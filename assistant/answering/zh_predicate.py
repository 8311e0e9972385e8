"""The verb of a Chinese which-question's predicate, read from jieba's words and flags.

"哪些X + verb + object" asks for X; the verb is what the answer must say the X does. jieba tags most
verbs v, but a few transitive verbs as nouns (影响 vn, 资助 n), and a passive 由 puts the agent between the
asked noun and its verb: in 哪些倡议*由成员国提出* the initiatives are asked for (the patient), the member
states are who puts them forward. answer_class.py reads where the predicate begins, analysis.py its verb,
near_miss.py the passive agent a clause must name as the doer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.words import ZH_NOT_VERBS
from assistant.answering.zh_topic import topic_first
from assistant.glossary import find_terms
from assistant.schema import Chunk
from assistant.segmentation import pos_words
from assistant.text import has_cjk

# Transitive verbs jieba tags as nouns or verbal nouns: after the asked noun they begin the predicate
# (哪些问题*影响*发展中国家). Verbal nouns that also build compounds (合作组织, 管理机构, 服务机构, 发展中国家)
# are left out: there they qualify the noun after them.
ZH_NOUN_VERBS: frozenset[str] = frozenset(("影响", "援助", "资助", "监督", "威胁", "危害", "领导"))
# The passive's agent marker: 哪些活动*由*秘书长负责.
ZH_PASSIVE = "由"
# Flags (jieba) of the words of a passive's agent: nouns of any kind, names, abbreviations, Latin words and
# the determiners inside a name (联合国*其他*机构).
_AGENT_FLAGS = ("n", "eng", "j", "r", "l", "b", "nz", "nt")


def is_predicate_verb(word: str, flag: str) -> bool:
    """Whether a word after the asked noun is the predicate's verb: tagged v, or a verb jieba tags as a noun."""
    return flag == "v" or word in ZH_NOUN_VERBS


@dataclass(frozen=True)
class Passive:
    """A passive 由 after the asked noun: who does it (`agent`) and what (`verb`)."""

    agent: str
    verb: str


def passive_at(tagged: list[tuple[str, str]], i: int) -> Passive | None:
    """The passive whose 由 is `tagged[i]`: the agent's words up to the verb (哪些活动由*秘书长*负责), None
    when 由 is not there or no verb follows its agent."""
    if i >= len(tagged) or tagged[i][0] != ZH_PASSIVE:
        return None
    k = i + 1
    while k < len(tagged) and tagged[k][1].startswith(_AGENT_FLAGS) and not is_predicate_verb(*tagged[k]):
        k += 1
    if k == i + 1 or k >= len(tagged) or not tagged[k][1].startswith("v"):
        return None
    return Passive("".join(w for w, _ in tagged[i + 1 : k]), tagged[k][0])


def question_passive(question: str, noun: str) -> Passive | None:
    """The passive right after the asked `noun` in a Chinese question (哪些倡议*由成员国提出*), or None."""
    tagged = pos_words(question)
    starts = [len("".join(w for w, _ in tagged[:i])) for i in range(len(tagged))]
    after = question.find(noun) + len(noun)
    if not noun or noun not in question or after not in starts:
        return None
    return passive_at(tagged, starts.index(after))


# Prepositions before a name that make it no doer: 向理事会报告 (the Council is who is reported to), 与成员国分享.
_NOT_DOER = "向与对给同跟和及把被"


def agent_acts(passive: Passive, chunk: Chunk) -> bool:
    """Whether a clause names the passive's agent as who acts: a Chinese clause by its section's addressee
    (责成*秘书长*) or the agent in its text not after a preposition (联合国其他机构…正在处理; not 向*理事会*
    报告); an English clause by the agent's glossary name in its text ("the Council"). An agent the glossary
    does not know is not read in an English clause."""
    terms = [t for t in find_terms(passive.agent, "zh") if t.zh == passive.agent]
    if chunk.lang != "zh":
        forms = [f for t in terms for f in t.forms("en") if f]
        return not forms or any(re.search(rf"\b{re.escape(f)}\b", chunk.text, re.IGNORECASE) for f in forms)
    forms = {passive.agent, *(t.zh for t in terms)}
    if any(f in (chunk.addressee_zh or chunk.section) for f in forms):
        return True
    found = (m.start() for f in forms for m in re.finditer(re.escape(f), chunk.text))
    return any(at == 0 or chunk.text[at - 1] not in _NOT_DOER for at in found)


def zh_answer_verb(question: str, noun: str) -> str:
    """The word (jieba) after a Chinese answer noun and its adverbs (不断, 一直), or a passive's agent, if a verb.
    A noun named before a closing 哪 word has none: 目标*包括*哪些 says what is asked, not what the 目标 do."""
    if topic_first(question) is not None:
        return ""
    tagged = pos_words(question)
    starts = [len("".join(w for w, _ in tagged[:i])) for i in range(len(tagged))]
    after = question.find(noun) + len(noun)
    if noun not in question or after not in starts:
        return ""
    i = starts.index(after)
    if passive := passive_at(tagged, i):
        return passive.verb  # 哪些活动由秘书长*负责*: the verb after the passive's agent
    while i + 1 < len(tagged) and tagged[i][1] in ("d", "vd") and tagged[i + 1][1] in ("v", "d"):
        i += 1
    word, flag = tagged[i]
    # A verb (jieba tags 反对 an adverb, 资助 a noun), not a noun (哪些国际*组织*) or an adjective (更*广泛*倡议).
    verb = has_cjk(word) and len(word) > 1 and (flag.startswith(("v", "d")) or word in ZH_NOUN_VERBS)
    return word if verb and word not in ZH_NOT_VERBS else ""
