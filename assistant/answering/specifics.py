"""Specific focuses: the part of a question that only a precise statement answers.

"What is ITU's budget for AI?" is on the corpus's topic, and a clause about ITU's
AI work covers most of its words; but only a clause that gives a budget answers
it. Such words (an amount, a penalty, a vote, a deadline, a term of office, who
chaired, who persuaded or lobbied, whether something is banned or binding, an exemption, a licence or a
monitor) are a short table per language.
When the clause an answer would cite does not contain one of them, directly or
through a translation or near-synonym, the corpus does not answer, however close
the topic: the answerer abstains and says what the documents do cover. A focus
the question offers only as an alternative ("strategic *or budget* implications")
is not required of a clause that states the other one.

The table names kinds of facts that policy texts state only sometimes, not
words of particular questions; years and figures are handled apart (a number the
corpus never uses is an absent name, see `support.absent_names`).

A role held by a person (an editor, a rapporteur, a spokesperson, an ambassador,
a minister, 编辑 / 编者 / 报告人 …) is such a focus too: "What is the role of the
editor of an ITU-T Recommendation?" shares ITU-T and "Recommendation" with a
clause on ITU-T's study groups, but a clause that names no editor cannot say
what an editor does. Roles the corpus names as glossary terms (the
Secretary-General, Member States) are checked by coverage instead; a bare role
word the corpus does use ("the Director", 主任) passes where the clause says it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.answering.evidence import Group, question_groups, words
from assistant.answering.support import as_written
from assistant.glossary import Term
from assistant.schema import Language
from assistant.segmentation import pos_words

# Stems as `words` makes them ("penalties" -> "penalti"): matched against the question's groups.
SPECIFIC_FOCUS: dict[Language, tuple[str, ...]] = {
    "en": (
        *("budget", "cost", "costs", "fund", "funds", "funding", "money", "price", "fee", "fees", "spend", "spent"),
        # Not "pay": "pay attention to …" asks for no money fact.
        *("paid", "payment", "payments"),
        # Sponsoring an event or a draft is a fact a text states or not; "support" is not it.
        *("sponsor", "sponsors", "sponsored", "sponsorship"),
        # So is persuading or lobbying someone: a text that says who led or supported something does not say it.
        *("persuade", "persuades", "persuaded", "convince", "convinced", "lobby", "lobbied", "lobbying"),
        *("salary", "wage", "wages", "earn", "earns", "income"),
        *("fine", "fines", "penalty", "penalties", "sanction", "sanctions", "punish", "punishment"),
        *("vote", "votes", "voted", "voting", "veto", "ballot", "oppose", "opposed", "abstained"),
        *("abstain", "abstention", "abstentions"),
        *("deadline", "deadlines", "expire", "expires", "tenure"),
        *("chair", "chaired", "chairs", "preside", "presided", "elect", "elected", "appoint", "appointed"),
        *("ban", "bans", "banned", "prohibit", "prohibits", "binding", "enforce", "enforced", "ratify", "ratified"),
        *("session", "sessions", "headquarters"),
        # Regulatory acts: a text grants an exemption or a licence, or names a monitor or auditor, or it does not.
        *("exempt", "exempts", "exempted", "exemption", "exemptions", "licence", "license", "licences", "licenses"),
        # Not "approve": a resolution approved is one adopted or endorsed, which texts say in other words.
        *("licensed", "licensing", "permit", "permits", "permission"),
        *("authorize", "authorizes", "authorized", "authorise", "authorises", "authorised"),
        *("authorization", "authorisation", "audit", "audits", "audited", "monitor", "monitors", "monitoring"),
        *("oversee", "oversees", "oversaw", "overseen", "oversight", "supervise", "supervises", "supervision"),
        *("certify", "certifies", "certified", "certification", "compliance", "inspect", "inspects", "inspection"),
        # How a text was adopted or binds: "Was the resolution unanimous?" is not answered by a clause on the
        # resolution that never says so ("unanimous" -> 一致 is in the draft's 一致性, which is no vote).
        *("unanimous", "unanimously", "unanimity", "consensus", "mandatory", "compulsory", "obligatory"),
    ),
    "zh": (
        *("预算", "经费", "资金", "拨款", "费用", "成本", "出资", "花费"),
        *("支付", "付款", "付费"),
        *("赞助", "资助", "说服", "劝说", "劝服", "游说"),
        *("工资", "薪水", "薪酬", "收入"),
        *("罚款", "处罚", "惩罚", "制裁", "罚金"),
        *("投票", "表决", "反对票", "赞成票", "弃权", "否决"),
        *("截止", "期限", "截止日期", "任期", "到期"),
        *("主持", "主席", "选举", "当选", "任命"),
        # Leading a piece of work (牵头制定标准) is a role a text assigns or not: a clause on the work assigns none.
        *("牵头", "主导", "带头"),  # a lead: any of `_LEADING` states it
        *("禁止", "禁用", "约束力", "生效", "强制"),
        # 一致通过 is segmented 一致 + 通过 (adopt): the pair in the question makes 一致 the focus.
        *("一致通过", "全票", "协商一致", "无异议"),
        *("届会", "会期", "总部"),
        *("豁免", "免于", "免除", "许可", "执照", "牌照", "批准", "审批", "授权"),
        *("审计", "监测", "监督", "认证", "合规"),
        # Founding a body is an act a text states or not: addressing a regulation of AI establishes nothing.
        # Chinese only: 成立 / 设立 are verbs of founding, while English "established" mostly describes
        # ("established mechanisms", "an established practice") and asks for no founding.
        *("成立", "设立", "新设", "创建", "组建"),  # a founding: any of `_FOUNDING` states it
    ),
}


# Words for founding something, each a near-synonym of the others in either language: 设立 asked of a clause
# that writes 成立, "establishing" of one that writes 建立. Only a clause with none of them states a founding.
_FOUNDING = frozenset(
    (
        *("成立", "设立", "新设", "创建", "组建", "建立", "设置", "創建", "設立", "新設", "組建", "設置"),
        *("establish", "establishment", "creat", "creation", "found", "set"),
    )
)


# Words for leading something, in either language: 牵头 asked of an article that says "led by a coalition".
_LEADING = frozenset(
    ("牵头", "主导", "带头", "领导", "领衔", "率先", "lead", "led", "leader", "leadership", "spearhead")
)


# Roles held by a person. Left out on purpose: words whose stem is a common non-role word ("author" of
# "authorities", "reporter" of "report", "coordinator" of "coordination", "reviewer", "delegate"), generic
# descriptions that paraphrase a named role ("official", "chief", "head", "leader", 负责人), and 作者,
# which is inside 合作者 (partners).
ROLE_FOCUS: dict[Language, tuple[str, ...]] = {
    "en": (
        *("editor", "editors", "rapporteur", "rapporteurs", "spokesperson", "spokesman", "spokeswoman"),
        *("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "minister", "ministers"),
        *("president", "presidents", "chairman", "chairperson", "chairwoman", "director", "directors"),
        *("journalist", "journalists", "founder", "founders", "inventor", "inventors", "lawyer", "lawyers"),
        # Groups judged by their stance: a text names its critics or opponents, or it has none to quote.
        *("critic", "critics", "opponent", "opponents", "sceptic", "sceptics", "skeptic", "skeptics"),
        *("detractor", "detractors", "dissenter", "dissenters", "objector", "objectors"),
    ),
    "zh": (
        *("编辑", "编者", "主编", "报告人", "报告员", "发言人", "大使", "特使", "外交官", "部长", "总统"),
        *("主任", "记者", "撰稿人", "创始人", "总裁", "董事长", "律师"),
        *("批评者", "批评家", "反对者", "反对派", "怀疑者", "怀疑论者", "质疑者"),
    ),
}


def role_said(
    g: Group, chunk_text: str, chunk_lang: Language, evidence: tuple[frozenset[Term], frozenset[str]]
) -> bool:
    """Whether a clause names a role of the question: in its evidence and, in an English clause, as a role
    word itself ("critics" and "critical" share the stem "critic"; only the first names a person)."""
    if not g.found_in(*evidence):
        return False
    if chunk_lang != "en" or g.term is not None:
        return True
    # A Chinese role (批评者) is found in an English clause through its translation's stem: the clause must
    # still write that role as a word ("critics"), not another role beside "critical" ("the Director").
    own = {g.token, *(a for a in g.alts if a not in g.near)}
    return any(w.lower() in _EN_ROLES and not own.isdisjoint(words(w)) for w in re.findall(r"[A-Za-z]+", chunk_text))


def _stems(lang: Language) -> frozenset[str]:
    """English focus words as stems; Chinese ones whole: a segment of one (一致 of 一致通过, 约束 of 约束力)
    is an ordinary word alone (与议程一致 is agreement, no vote) and counts only where the question writes
    the whole focus (see `_zh_focus`)."""
    if lang == "zh":
        return frozenset(SPECIFIC_FOCUS[lang])
    return frozenset(t for w in SPECIFIC_FOCUS[lang] for t in (w, *words(w)))


_STEMS: dict[Language, frozenset[str]] = {}
_EN_ROLES = frozenset(ROLE_FOCUS["en"])


def _is_role(g: Group, question: str, lang: Language) -> bool:
    """A role is the word as written ("diplomatic" stems to "diplomat", "Directorate" to "director"), and a
    Chinese one ends its word: 副主任 and 外交部长 are people, 大使馆 (embassy) and 部长级 (ministerial) are not."""
    if lang == "zh":
        return g.token.endswith(ROLE_FOCUS["zh"])
    # Each part of a hyphenated word: the Director-General and a Vice-President are roles.
    return any(w.lower() in _EN_ROLES and words(w) == [g.token] for w in re.findall(r"[A-Za-z]+", question))


def specific_groups(
    question: str,
    lang: Language,
    translations: Mapping[str, tuple[str, ...]] | None = None,
    *,
    roles_only: bool = False,
) -> list[Group]:
    """The question's groups that name a specific kind of fact (budget, penalty, vote, deadline …) or a role
    (only a role with `roles_only`)."""
    stems = _STEMS.get(lang)
    if stems is None:
        stems = _STEMS[lang] = _stems(lang)
    focus = SPECIFIC_FOCUS[lang]
    out = []
    for g in question_groups(question, lang, translations):
        if g.term is not None:
            continue
        # A Chinese question word may hold the focus inside it (年度预算, 反对票数), or be one part of a focus
        # the question writes whole (一致 of 一致通过, which the segmenter splits).
        if lang == "zh":
            specific = g.token in stems or any(_zh_focus(g.token, w, question) for w in focus)
        else:
            specific = g.token in stems and any(_spelt_as_focus(w, focus) for w in _written(g.token, question))
        if (specific and not roles_only) or _is_role(g, question, lang):
            out.append(g)
    return out


def _written(token: str, question: str) -> list[str]:
    """Every word of the question with this stem: "Which authority authorized …" writes "author" twice,
    and the second is the focus."""
    return [m.group(0) for m in re.finditer(r"[\w-]+", question) if words(m.group(0))[:1] == [token]]


def _zh_focus(token: str, focus: str, question: str) -> bool:
    return focus in token or (len(token) > 1 and token in focus and focus in question)


def _spelt_as_focus(written: str, focus: tuple[str, ...]) -> bool:
    """Whether the question's word is a focus word or an inflection of one ("budgets", "headquartered"):
    the stemmer cuts "authorization" and "authorities" alike to "author", and authorities are no
    authorization (nor is "authorize" their stem). An inflection keeps all of the focus word but its last
    letter."""
    word = written.casefold()
    return any(_shared_prefix(word, w) >= len(w) - 1 for w in focus)


def _shared_prefix(a: str, b: str) -> int:
    """How many leading letters `a` and `b` share ("vote" / "voting": 3)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def unsupported_specifics(
    question: str,
    lang: Language,
    evidence: tuple[frozenset[Term], frozenset[str]],
    translations: Mapping[str, tuple[str, ...]] | None = None,
    alternatives: tuple[Mapping[str, tuple[str, ...]], tuple[frozenset[Term], frozenset[str]]] | None = None,
) -> list[str]:
    """Specific focuses of the question that the evidence (a clause's terms and tokens) does not contain.

    `translations` find the focus itself (its own translations only: 基金会 is no fund). A word the question
    offers instead of it with "or" is looked for with `alternatives`, the wider translations and the clause's
    evidence as the coverage check read it (with its Chinese words' English senses), by default the same."""
    groups = specific_groups(question, lang, translations)
    adopted = any(t.en in _ADOPTION_TERMS for t in evidence[0])
    founded = bool(_FOUNDING & evidence[1])
    led = bool(_LEADING & evidence[1])
    return [
        as_written(g.token, question)
        for g in groups
        if not g.found_in(*evidence)
        and not (adopted and _is_approval(g.token))
        and not (founded and g.token in _FOUNDING)
        and not (led and g.token in _LEADING)
        and not _alternative_stated(g.token, question, lang, *(alternatives or (translations or {}, evidence)))
    ]


def _alternative_stated(
    token: str,
    question: str,
    lang: Language,
    translations: Mapping[str, tuple[str, ...]],
    evidence: tuple[frozenset[Term], frozenset[str]],
) -> bool:
    """Whether the focus is one of two alternatives the question joins with "or" (或), and the evidence states
    the other: "activities with strategic *or budget* implications" are asked of a clause on activities with
    strategic or financial impact, which has the first. Only the word next to "or" counts, and it must be a
    content word the evidence has: "a budget or a plan" names no alternative the clause could state."""
    for other in _alternatives(token, question, lang):
        groups = question_groups(other, lang, translations)
        if groups and all(g.found_in(*evidence) or _derived(g.token, evidence[1]) for g in groups):
            return True
    return False


_MIN_DERIVED_STEM = 5
_MAX_DERIVED_EXTRA = 2


def _derived(stem: str, tokens: frozenset[str]) -> bool:
    """Whether the tokens have another form of an English stem: "strateg" (strategic) in "strategi" (strategy,
    the English sense of the clause's 战略). Only for the alternative beside a focus, never for the focus."""
    if len(stem) < _MIN_DERIVED_STEM or not stem.isascii():
        return False
    return any(t.startswith(stem) and len(t) - len(stem) <= _MAX_DERIVED_EXTRA for t in tokens)


_DETERMINERS = r"(?:its|their|the|his|her|our|your|a|an)"


def _alternatives(token: str, question: str, lang: Language) -> list[str]:
    """The words the question joins to the focus `token` with "or" (或 / 或者), either side."""
    if lang == "zh":
        seq = [w for w, _ in pos_words(question)]
        out = []
        for i, w in enumerate(seq):
            if w in ("或", "或者") and 0 < i < len(seq) - 1:
                before, after = seq[i - 1], seq[i + 1]
                if token in before or token in after:
                    out.append(after if token in before else before)
        return out
    out = []
    for w in _written(token, question):
        e = re.escape(w)
        # A determiner may open the second alternative: "its strategy or its budget".
        out += re.findall(rf"\b([\w-]+)\s+or\s+(?:{_DETERMINERS}\s+)?{e}\b", question, re.IGNORECASE)
        out += re.findall(rf"\b{e}\s+or\s+(?:{_DETERMINERS}\s+)?([\w-]+)\b", question, re.IGNORECASE)
    return out


# 批准 is a licence's approval or a resolution's adoption: a text reporting the adoption (通过) supports it.
_ADOPTION_TERMS = frozenset({"adopt", "endorse"})


def _is_approval(token: str) -> bool:
    return token in ("批准", "审批")
