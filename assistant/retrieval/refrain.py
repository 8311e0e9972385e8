"""A request to refrain, as a question says it: "asked everyone not to", "avoid", "stay away from", 要求各方不要.

A text records such a request in its own formal words ("It urged all stakeholders to refrain from
employing AI systems that …"), a question in everyday ones ("What did the Assembly ask everyone
involved not to do with AI?", "What were all parties asked to stop doing?"). The avoidance is often
said in function words only ("not to do"), so the question has no content word for it, and "everyone"
or "all parties" is not the glossary's "stakeholders". Once a question asks what someone was asked
(urged, told, called on) *not* to do, or what nobody should do, the avoidance is one unit of meaning
a clause writes as refrain / avoid / abstain / 避免 / 不得, and an everyone-phrase in it stands for the
stakeholders addressed. Only such a request is read: "avoid" or "everyone" elsewhere stays as written.

Example:
    >>> [p.source for p in refrain_paraphrases("What were all parties asked to stop doing?", "en")]
    ['asked to stop', 'all parties']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.glossary import TERMS, Term
from assistant.lexical import tokenize
from assistant.schema import Language

# A request verb, up to four words (its addressee), then the avoidance; or a warning against something.
_EN_REQUEST = (
    r"ask|asks|asked|asking|urges?|urged|urging|calls?\s+(?:on|upon)|called\s+(?:on|upon)|requests?|requested|"
    r"tells?|told|wants?|wanted|encourages?|encouraged|press(?:es|ed)?|appeal(?:s|ed)?\s+to|implored?|"
    r"exhort(?:s|ed)?|advised?|advises"
)
_EN_AVOID = (
    r"not\s+to|to\s+(?:avoid|stop|cease|quit|refrain|abstain|desist|shun|(?:stay|keep)\s+(?:away|clear)|"
    r"steer\s+clear|keep\s+from)"
)
_EN_ACT = re.compile(
    rf"\b(?:{_EN_REQUEST})\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:{_EN_AVOID})\b"
    r"|\b(?:warn(?:s|ed)?|caution(?:s|ed)?)\b(?:\s+[\w'’-]+){0,4}?\s+against\b"
    # A prohibition addressed to all: "Which tools should nobody use?", "What must no one do?"
    r"|\b(?:should|must|may|ought\s+to)\s+(?:nobody|no\s+one|no-one)\b|\b(?:nobody|no\s+one|no-one)\s+(?:should|must|may)\b",
    re.IGNORECASE,
)
# 要求 / 呼吁 / 敦促 / 请 (not 请问, "may I ask") … 不要 / 避免 / 停止; or a prohibition addressed to anyone.
_ZH_ACT = re.compile(
    r"(?:要求|呼吁|敦促|促请|吁请|号召|告诫|提醒|劝|请(?!问))[^，。？?！!]{0,12}?(?:不要|避免|停止|不得|不应|切勿|远离|杜绝|克制)"
    r"|(?:任何人|谁)都?(?:不应|不得|不能|不要)"
)
# Who is asked, when the request names everyone: the stakeholders a text addresses.
_EN_ADDRESSEE = re.compile(
    r"\b(?:everyone|everybody|anyone|anybody|all\s+(?:parties|sides|actors|concerned|those\s+involved)|"
    r"every\s+party|each\s+party|(?<!political\s)parties)(?:\s+(?:involved|concerned))?\b",
    re.IGNORECASE,
)
_ZH_ADDRESSEE = re.compile(r"所有人|大家|有关各方|相关各方|所有各方|各相关方|所有相关方|所有参与者|每个人|人人|各方")
# The avoidance itself within a request (its request verb and addressee are not it).
_EN_AVOIDANCE = re.compile(rf"\b(?:{_EN_AVOID}|against|nobody|no\s+one|no-one)\b", re.IGNORECASE)
_ZH_AVOIDANCE = re.compile(r"不要|避免|停止|不得|不应|切勿|远离|杜绝|克制|不能")
_PATTERNS: dict[Language, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "en": (_EN_ACT, _EN_AVOIDANCE, _EN_ADDRESSEE),
    "zh": (_ZH_ACT, _ZH_AVOIDANCE, _ZH_ADDRESSEE),
}
# How a text writes the avoidance, in either language.
AVOIDANCE_WORDS = (
    "refrain",
    "avoid",
    "abstain",
    "desist",
    "cease",
    "stop",
    "prohibit",
    "避免",
    "不要",
    "停止",
    "不得",
    "切勿",
    "杜绝",
    "远离",
    "克制",
    "禁止",
)


@dataclass(frozen=True)
class Paraphrase:
    """Words of a request to refrain, and how a text says them."""

    source: str  # as the question writes them ("asked to stop", "everyone involved")
    covers: tuple[str, ...]  # the question's tokens they stand for (none for "not to")
    # None for the avoidance (a text writes it in AVOIDANCE_WORDS); for an everyone-phrase, the glossary
    # term it stands for (stakeholders).
    term: Term | None = None


@lru_cache(maxsize=1)
def stakeholders() -> Term:
    """The glossary's stakeholders: whom a request to everyone addresses."""
    return next(t for t in TERMS if t.en == "stakeholders")


@lru_cache(maxsize=4096)
def refrain_paraphrases(question: str, lang: Language) -> tuple[Paraphrase, ...]:
    """The avoidance of a request to refrain the question asks about, and its everyone-phrase if any.

    () for any other question."""
    act_pattern, avoidance_pattern, addressee_pattern = _PATTERNS[lang]
    act = act_pattern.search(question)
    if act is None:
        return ()
    source = act.group(0)
    avoidance = avoidance_pattern.search(source)
    said = avoidance.group(0) if avoidance is not None else ""
    out = [Paraphrase(source, tuple(dict.fromkeys(tokenize(said, cjk_bigrams=False))))]
    addressee = addressee_pattern.search(question)
    if addressee is not None:
        covers = tuple(
            t for t in dict.fromkeys(tokenize(addressee.group(0), cjk_bigrams=False)) if t not in out[0].covers
        )
        out.append(Paraphrase(addressee.group(0), covers, term=stakeholders()))
    return tuple(out)


@lru_cache(maxsize=1)
def avoidance_tokens() -> tuple[str, ...]:
    """AVOIDANCE_WORDS as a text's tokens (stems, words and a two-character word's bigram)."""
    return tuple(dict.fromkeys(t for w in AVOIDANCE_WORDS for t in tokenize(w)))
