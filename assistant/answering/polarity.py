"""A negated yes/no question: "Were Resolutions 139 and 140 not revised?", 第140号决议没有修订吗？

Coverage sees only the topic ("not" and 没有 are no focus words), so the clause that states the
revision supports the question, and "Yes." would agree with the negation. The lead says "No" instead
(in Chinese too, 不: a reply disagrees with a negated question's proposition) and the quote shows what
the clause states. A clause that words a negation of its own ("refrain from", 不得) may state exactly
what the question asks: it is quoted without a yes or no.

"Didn't / Wasn't …?" expects a yes ("Wasn't it revised in 2022?" — "Yes."), as 不是…吗 does: only a
separate "not", "never" or "no" after the opening auxiliary negates, or 是否不 / 没(有) / 未 in Chinese.
A 没(有) before a 的 phrase negates the predicate when no verb stands before it (发展中国家没有平等获取…的机会吗),
and modifies a noun when one does (是否提到没有互联网接入的人), as the "not" of an English relative clause.

A clause that states as an aim or necessity what a negated question asks as a fact ("Do developing nations
not have equitable access?" against "ensuring equitable access") answers neither yes nor no: the lead says
so (`AIM`) and the quote shows the aim. A question that asks about the aim itself ("Should … not …?"), or
whether it was voiced ("Did the Assembly not emphasize …?"), is answered "No" as before. The same clause
answers the non-negated "Do developing nations have equitable access?" neither yes nor no, but "Yes" to a
question about the aim, about its voicing, or about what a document or its speaker says or does ("Does the
resolution call for equitable access?", 决议是否呼吁…): the text does say that.

Example:
    >>> negated("Were Resolutions 139 and 140 not revised?", "en"), negated("Weren't they revised?", "en")
    (True, False)
    >>> negated("第139号决议是否未被修订？", "zh"), negated("第139号决议有没有修订？", "zh")
    (True, False)
    >>> negated("Is it not true that it was revised?", "en"), negated("第139号决议是否不涉及数字鸿沟？", "zh")
    (False, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.contrary import contradiction, side_lead, sides
from assistant.answering.evidence import Group, chunk_evidence
from assistant.answering.qtypes import YES_NO_OPENING
from assistant.answering.replies import AIM, MORE, NO, WEIGHED, YES
from assistant.schema import Language
from assistant.segmentation import pos_words

# 没(有) / 未 as a negation: 有没有 asks, 未来 is the future, 未成年(人), 未婚, 未遂 and 没收 (confiscate),
# 淹没 / 埋没 / 出没 / 沉没 / 隐没 are words, not negations.
_ZH_NOT = r"(?<![有淹埋出沉隐])(?:没(?!收)有?|未(?!成年|婚|遂))(?!有|来)"

_NEGATED: dict[Language, re.Pattern[str]] = {
    # "not only … but also" adds, "whether or not" leaves open, "Is it not true / the case that X?" asks X,
    # and a contrastive ", not Y" sets Y aside: none negates. "no" / "nobody" negate a subject
    # ("Did no member state support it?").
    # The "not" of a relative clause negates no predicate ("mention countries that do not have access").
    "en": re.compile(
        rf"{YES_NO_OPENING}(?:(?!\b(?:that|who|which|whose|where|when|if|whether)\b)[^?])*?"
        r"\b(?<!\bor )(?<!, )"
        r"(?:not(?!\s+(?:only|merely|true|the\s+case)\b)|never|nobody|no\s+one|none|no(?!\.?\s*\d))\b",
        re.IGNORECASE,
    ),
    # 没(有) + verb, 未(被/经) + verb up to the end (`_ZH_NOT`); a negation before 的 modifies a noun
    # (是否提到没有互联网接入的人). 是否不 / 是否并非 ask the negation too (不仅, 不同, 不断, 非常, 非洲,
    # 非政府 are words); a bare 不…吗 or 不是…吗 expects a yes, as "Wasn't …?" does.
    "zh": re.compile(
        rf"{_ZH_NOT}[^的，,。]*$"
        r"|(?:是否|是不是)并?(?:不(?!仅|只|但|同|断|论|少|久)|非(?!常|洲|法|正式|政府))"
    ),
}
# A clause's own negation: then "not X?" may be what it states, and no "No" can be read off.
_NEGATION: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:not|no|never|none|neither|nor|without|refrain\w*|cease\w*|avoid\w*|prohibit\w*|ban|banned)\b|n't\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"[不没未非无勿]|禁止|避免|停止"),
}


# 没(有) / 未 before a 的 phrase: the predicate's negation when it is the question's first verb
# (发展中国家没有平等获取…的机会吗, "have no opportunity"), a noun's modifier when a verb stands before it
# (是否提到没有互联网接入的人: the people are mentioned), as the "not" of an English relative clause.
_NEGATION_BEFORE_DE = re.compile(rf"{_ZH_NOT}[^，,。]*的")
# Words tagged as verbs before the negation that ask, not predicate: 是否, 是不是, 是 (…吗).
_ASKING_VERBS = frozenset(("是否", "是不是", "是", "有没有"))


def negated(question: str, lang: Language) -> bool:
    """Whether a yes/no question asks about the negation of its predicate ("… not revised?", 没有修订吗)."""
    if _NEGATED[lang].search(question) is not None:
        return True
    return lang == "zh" and _negates_before_de(question)


def _negates_before_de(question: str) -> bool:
    """A 没(有) / 未 before a 的 phrase that no verb precedes and no predicate follows: the predicate's negation.

    A verb or 是否 after the phrase's noun is the predicate the phrase's noun is the subject of
    (没有人工智能技术的发展中国家*是否需要*支持: the countries without it are asked about, not negated)."""
    m = _NEGATION_BEFORE_DE.search(question)
    if m is None:
        return False
    before = pos_words(question[: m.start()])
    if any(_predicates(w, tag) for w, tag in before):
        return False
    after = re.split(r"[，,。]", question[question.index("的", m.start()) + 1 :])[0]
    return not any(w in _ASKING_VERBS or _predicates(w, tag) for w, tag in pos_words(after))


def _predicates(word: str, tag: str) -> bool:
    """Whether a jieba word is a verb that predicates (not a verbal noun, not 是否 / 是 asking)."""
    return tag.startswith("v") and tag != "vn" and word not in _ASKING_VERBS


def states_negation(text: str) -> bool:
    """Whether `text` words a negation of its own, in either language ("refrain from", 未, 不得)."""
    return any(p.search(text) for p in _NEGATION.values())


# A clause that states an aim or a necessity ("ensuring equitable access", "the necessity of", 确保, 必须):
# it says what should be, not what is.
_AIM: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:ensur(?:e|es|ing)|necessity|necessary|need(?:s|ed)?\s+to|should|must|imperative|essential)\b",
        re.IGNORECASE,
    ),
    # 的需要 is a noun, "the needs of" (以满足成员国…的需要): no necessity is stated.
    "zh": re.compile(r"确保|必须|应当|应该|(?<!的)需要|必要|旨在"),
}
# A question that asks about an aim itself ("Should …not …?", 是否不应该): the clause's aim answers it.
_ASKS_AIM: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:should|must|need|needs|ought|required|obliged|have\s+to|has\s+to)\b", re.IGNORECASE),
    "zh": re.compile(r"应当|应该|必须|需要|须|要求|要不要"),  # 要不要 (V不V): "must he or not"
}
# A question that asks whether an aim was voiced ("Did the Assembly not *emphasize* …?", 没有呼吁…吗): the clause
# voicing it ("emphasized the necessity of …") states that as a fact, and answers it "No".
_ASKS_SAYING: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:emphasi[sz]\w*|stress\w*|underscor\w*|highlight\w*|call(?:s|ed|ing)?|urg\w*|encourag\w*|"
        r"recogni[sz]\w*|acknowledg\w*|affirm\w*|reaffirm\w*|reiterat\w*|notes?|noted|noting|say|says|said|"
        r"mention\w*|invit\w*|request\w*|instruct\w*)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"强调|呼吁|敦促|鼓励|指出|提到|提及|认识到|注意到|承认|申明|重申|邀请|请求|责成"),
}


def states_aim(text: str) -> bool:
    """Whether `text` words an aim or a necessity, in either language ("ensuring", 确保)."""
    return any(p.search(text) for p in _AIM.values())


# A question about what a document or its speaker says or does ("Does the resolution ensure …?", 决议是否…):
# the clause voicing the aim answers it, as the Assembly's emphasis answers "Did the Assembly …?".
_ASKS_TEXT: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:resolutions?|drafts?|articles?|documents?|texts?|report|story|piece|news|assembly|conference)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"决议|草案|文章|文件|报道|大会|联大|会议"),
}


# A negation whose scope runs to the end of its sentence: "not", "no", "nor", "cannot", 不, 未, 并非. Not
# the ones that add or compare ("not only", "no later than", 不仅, 不同), leave open ("whether or not") or
# are words of their own (非政府, 无线电, 未来).
_DENIAL = re.compile(
    r"(?<!\bor )\b(?:not(?!\s+(?:only|merely|just|least)\b)|no|never|nor|neither|none|cannot)\b"
    r"(?!\s+(?:less|more|later|fewer)\s+than\b)|n't\b"
    r"|不(?!仅|只|但|同|断|论|少|久|过)|未(?!来|成年|婚|遂)|没有?|并非|无(?!论|线|人)",
    re.IGNORECASE,
)
# Where a negation's scope ends: the sentence, or a "but" that turns back to the positive.
_SCOPE_END = re.compile(r"[.;:!?。；：！？]|,?\s+but\b|，但", re.IGNORECASE)


def denied(asked: Sequence[Group], quote: str) -> bool:
    """Whether `quote` states a word of the question (a `Group`) only within the scope of a negation of its
    own: the question's "liable" in "Under no circumstances shall UNIDO be liable", and nowhere affirmed.

    Example:
        >>> from assistant.answering.evidence import question_groups
        >>> asked = question_groups("Is the page an official record?", "en")
        >>> denied(asked, "It is not an official record."), denied(asked, "It is an official record.")
        (True, False)
    """
    scoped: list[str] = []
    rest: list[str] = []
    at = 0
    for m in _DENIAL.finditer(quote):
        if m.start() < at:
            continue  # inside the scope of the negation before it ("cannot and does not")
        end = _SCOPE_END.search(quote, m.end())
        stop = end.start() if end is not None else len(quote)
        rest.append(quote[at : m.start()])
        scoped.append(quote[m.end() : stop])
        at = stop
    if not scoped:
        return False
    rest.append(quote[at:])
    inside, outside = chunk_evidence(" ".join(scoped)), chunk_evidence(" ".join(rest))
    return any(g.found_in(*inside) and not g.found_in(*outside) for g in asked)


def yes_no_lead(question: str, lang: Language, quote: str, asked: Sequence[Group] = ()) -> str:
    """The lead of a yes/no answer quoting `quote`, a clause that supports the question's predicate:
    "Yes.", "No — …" for a negated question or for a quote that denies a word of the plain question
    (`asked`, its `question_groups`), "" when the quote words a negation of its own, and "neither"
    (`AIM`) when it states as an aim what the question asks as a fact ("Do developing nations (not) have
    equitable access?" against "ensuring equitable access"). An alternative question ("…, or …?", 还是) is led by
    the side the quote supports, and a quote stating the contrary of what the question presumes ("the first
    instance" against "ever … before", "also" against "only", "consider whether" against "obliged": contrary.py)
    by "No"."""
    if sides(question, lang) is not None:
        return side_lead(question, lang, quote)
    against = contradiction(question, lang, quote) if not negated(question, lang) else None
    if against is not None:
        return MORE[lang] if against.says_more else WEIGHED[lang] if against.weighs else NO[lang]
    if not negated(question, lang) and denied(asked, quote):
        # "Does the disclaimer mention the governments?": it does, under a negation; no yes or no.
        return "" if _ASKS_SAYING[lang].search(_asking_clause(question, lang)) else NO[lang]
    if not negated(question, lang):
        # "Does the resolution call for equitable access?" asks what the text says, and it says so: "Yes".
        aim_only = states_aim(quote) and not _ASKS_TEXT[lang].search(question)
        return AIM[lang] if aim_only and _asks_fact(question, lang) else YES[lang]
    if states_negation(quote):
        return ""
    if states_aim(quote) and _asks_fact(question, lang):
        return AIM[lang]
    return NO[lang]


# A condition before the question proper: "If the site mentions a company, …", 网站上提到某家公司…，是否….
_EN_CONDITION = re.compile(r"^\s*(?:if|when|whenever|once|where)\b[^,?]*,", re.IGNORECASE)
_ZH_ASKING = re.compile(r"是否|是不是|有没有|能否|可否|吗")


def _asking_clause(question: str, lang: Language) -> str:
    """The clause of `question` that asks: without a leading condition, whose "mentions" asks nothing."""
    if lang == "en":
        return _EN_CONDITION.sub("", question)
    parts = re.split(r"[，,]", question)
    return next((p for p in reversed(parts) if _ZH_ASKING.search(p)), question)


def _asks_fact(question: str, lang: Language) -> bool:
    """Whether the question asks a fact, neither the aim itself ("Should …?") nor whether it was voiced."""
    return not _ASKS_AIM[lang].search(question) and not _ASKS_SAYING[lang].search(question)
