"""What a Chinese which-question asks for when its noun stands before the question word, or is an agent noun.

The tables that read the noun *after* the question word (analysis.ANSWER_NOUN_PATTERNS, answer_class) miss
two common Chinese shapes:

* Topic first. 这项决议的共同提案国具体有哪些？, 秘书长的任务有哪些？, 国际电联的目标包括哪些？ name what they
  ask for before 有 / 是 / 包括 / 包含 and a 哪 word that ends the question: they ask for 共同提案国, 任务 and
  目标 as 这项决议有哪些共同提案国 does. The asked phrase is the run of nouns and modifiers that ends the
  topic (after its last 的); its head is its last word. A topic that is one given thing (这项决议包括哪些:
  its parts are asked for, not resolutions) or a place word (决议中有哪些) asks for no noun.
* Agent nouns. jieba splits 提案国 (a proposing country) into 提案(v) 国(n) and 提案方 into 提案(v) 方(n): a
  verb (or a noun jieba tags for one: 倡议国, 资助方) followed by a one-character nominal suffix (国, 方, 者, 人,
  员, 家, 商) is one noun where a noun is read, and its class comes from its suffix (国: a country). Words
  jieba keeps whole (签署国, 受援国) are read the same way; a name (联合国) is no agent noun.

analysis.py reads the head as the answer noun, answer_class.py the class, head_noun.py the agent noun as a
which-phrase's head.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.answering.gazetteer import country_names
from assistant.glossary import find_terms
from assistant.segmentation import pos_words
from assistant.text import has_cjk

# One-character suffixes that make an agent noun of the verb before them, and the class some of them give.
_AGENT_SUFFIXES = "国方者人员家商"
AGENT_CLASSES: dict[str, str] = {"国": "country"}
# Flags (jieba) of an agent noun's stem: verbs, verbal nouns, and the nouns jieba tags some verbs as (倡议国).
_STEM_FLAGS = frozenset(("v", "vn", "n"))
_AGENT_FLAG = "n"

# The question's end when the topic before it is what is asked: an adverb (具体有哪些), a verb of being or
# having, and a 哪 word. 涉及 / 涵盖 ask what the topic covers (决议涉及哪些), not which topics.
_TAIL = re.compile(
    r"(?:具体|主要|分别|都|还|又|究竟|到底|一共|总共)?(?:有|是|包括|包含)(?:了)?"
    r"(哪些|哪一些|哪几个|哪几项|哪几位|哪几家|哪几|哪个|哪一个|哪一项|哪项|哪位|哪家)\s*[？?。！!]*\s*$"
)
_PLURAL_WH = ("哪些", "哪一些", "哪几")
# Flags of the words of the asked phrase before its head: nouns of any kind, abbreviations, Latin words,
# distinguishing words, adjectives and adverbs (共同, 具体); a place word, a pronoun or a verb ends it.
_PHRASE_FLAGS = ("n", "vn", "j", "eng", "b", "a", "d")
# Flags of a head that is no noun: place and direction words (决议*中*), pronouns, numerals, measure words,
# function words and punctuation.
_NOT_HEAD_FLAGS = ("f", "r", "m", "q", "p", "c", "u", "x", "y", "e", "o", "z", "t")
# A pronoun right before the phrase makes it one given thing (这项决议, 该草案), whose parts are asked for.
_GIVEN = ("这", "那", "该", "此", "本", "其")
# Clause breaks before the topic: only the last clause's phrase is asked for.
_CLAUSE_BREAK = re.compile(r"[，,；;：:。.!！?？]")


@dataclass(frozen=True)
class ZhAsked:
    """The noun a Chinese which-question asks for: its head word and where the head and its phrase stand."""

    head: str  # 提案国 in 这项决议的共同提案国具体有哪些
    start: int  # the head's span in the question
    end: int
    lead: int  # where the asked phrase begins (共同): its modifiers stand between `lead` and `start`
    plural: bool  # asked with 哪些 / 哪几 rather than 哪个


def merge_agents(tagged: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """jieba's words with each verb and its one-character suffix joined into an agent noun tagged n
    ([提案 v, 国 n] -> [提案国 n]); other words as they were."""
    out: list[tuple[str, str]] = []
    for word, flag in tagged:
        if word in _AGENT_SUFFIXES and out and _stem(*out[-1]):
            out[-1] = (out[-1][0] + word, _AGENT_FLAG)
        else:
            out.append((word, flag))
    return out


def _stem(word: str, flag: str) -> bool:
    return len(word) >= 2 and has_cjk(word) and flag in _STEM_FLAGS


def is_agent_noun(word: str) -> bool:
    """Whether a word is a verb with an agent suffix (提案国, 签署国, 提案者), and not a name (联合国, 孟加拉国)."""
    if len(word) < 3 or word[-1] not in _AGENT_SUFFIXES or not has_cjk(word):
        return False
    stem = pos_words(word[:-1])
    if len(stem) != 1 or not _stem(*stem[0]):
        return False
    return not country_names(word) and not any(word in t.forms("zh") for t in find_terms(word, "zh"))


def agent_class(word: str) -> str:
    """The class an agent noun's suffix gives (提案国: "country"), or "" for any other word."""
    return AGENT_CLASSES.get(word[-1:], "") if is_agent_noun(word) else ""


def topic_first(question: str) -> ZhAsked | None:
    """The noun a question that names it before its closing 哪 word asks for (这项决议的共同提案国具体有哪些
    -> 提案国, 秘书长的任务有哪些 -> 任务), or None when the question does not end so or its topic is no asked
    noun phrase (这项决议包括哪些, 决议中有哪些)."""
    tail = _TAIL.search(question)
    if tail is None:
        return None
    topic = question[: tail.start()]
    breaks = list(_CLAUSE_BREAK.finditer(topic))
    offset = breaks[-1].end() if breaks else 0
    tagged = merge_agents(pos_words(topic[offset:]))
    if not tagged:
        return None
    head, flag = tagged[-1]
    if not has_cjk(head) or flag.startswith(_NOT_HEAD_FLAGS) or (len(head) < 2 and not flag.startswith("n")):
        return None
    k = len(tagged) - 1
    while k > 0 and tagged[k - 1][1].startswith(_PHRASE_FLAGS) and len(tagged[k - 1][0]) > 1:
        k -= 1
    if k > 0 and tagged[k - 1][1] == "r" and tagged[k - 1][0].startswith(_GIVEN):
        return None
    starts = [offset + sum(len(w) for w, _ in tagged[:i]) for i in range(len(tagged) + 1)]
    return ZhAsked(head, starts[-2], starts[-1], starts[k], tail.group(1).startswith(_PLURAL_WH))


def topic_head(question: str, generic: Collection[str] = (), partitive: Collection[str] = ()) -> str:
    """The head of the noun a topic-first question asks for (`topic_first`), or "" when it asks for none or
    for a `generic` one (内容, 方面). A `partitive` head gives the noun before it, of which it asks the parts:
    人工智能生命周期的阶段有哪些 asks for stages of the lifecycle, which a clause may list without "stages"."""
    found = topic_first(question)
    if found is None or found.head in generic:
        return ""
    if found.head not in partitive:
        return found.head
    before = [(w, f) for w, f in pos_words(question[: found.start]) if w != "的"]
    return before[-1][0] if before and before[-1][1].startswith(_PHRASE_FLAGS[:4]) else ""


# The 哪 words that ask for the noun after them (哪里 / 哪儿 ask where, 哪怕 means even if).
_WHICH = re.compile(r"哪(?![里儿怕])(?:一些|些|几个|几项|几位|几家|几|一个|一项|一位|一家|个|项|位|家|一)?")


def agent_after_which(question: str) -> ZhAsked | None:
    """An agent noun that heads the phrase after a 哪 word, past its modifiers (这项决议有哪些*共同*提案国 ->
    提案国), or None when the phrase's first noun is none."""
    for m in _WHICH.finditer(question):
        at = m.end()
        for word, flag in merge_agents(pos_words(question[at : at + 24])):
            if is_agent_noun(word):
                return ZhAsked(word, at, at + len(word), m.end(), m.group(0).startswith(_PLURAL_WH))
            if not flag.startswith(("a", "b", "d")):
                break
            at += len(word)
    return None
