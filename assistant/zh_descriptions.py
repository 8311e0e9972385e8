"""Informal Chinese descriptions of what UN/ITU texts name by a glossary term: one table (`DESCRIPTIONS`).

A question that knows no term describes the thing: 日内瓦那家管通信的单位 is the International
Telecommunication Union, its 掌门人 / 一把手 the Secretary-General, 董事会 its Council, 管发展那一摊的局长 the
Director of the Development Bureau, 所有国家都参加的大会 the General Assembly, 机器智能 artificial
intelligence. None of these shares a word with the term, so neither the search nor the coverage check
could read them; the glossary's aliases are names (国际电联, 联大), these are descriptions, written with
demonstratives and classifiers (那家, 那个) and in any order, so they are patterns, not aliases.

A row is domain knowledge about the bodies, officers and programmes of the UN system, not about any one
question: it says what a description refers to, as the glossary term a text names it with. The phrasings
table (phrasings.py) reads each row as a full phrasing of its term, for the search query and the coverage
check alike, so "日内瓦" or "掌门人" is no fact a clause must state once it is read as the term.

Example:
    >>> [d.term for d, _ in descriptions_in("日内瓦那家管通信的单位的掌门人要向董事会汇报什么？")]
    ['Secretary-General', 'Council']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.glossary import TERMS

_HEAD = r"(?:掌门人|掌门|一把手|头儿|头头|老大|当家人|大当家|话事人|老板|总负责人)"
# ITU described by its seat and its field: 日内瓦那家管通信的单位, 那个搞电信的国际组织, 联盟 (its own short name).
_FIELD = r"(?:通信|通讯|电信|信息通信)"
_BODY = r"(?:单位|机构|组织|联盟|机关)"
_ITU = (
    rf"日内瓦(?:的)?(?:那|这)?(?:家|个|一家|一个)?(?:专门)?(?:管|搞|负责)?{_FIELD}?(?:方面)?的?(?:国际)?{_BODY}"
    rf"|(?:那|这)(?:家|个)(?:专门)?(?:管|搞|负责){_FIELD}的(?:国际)?{_BODY}"
    r"|(?<![国家洲盟])联盟(?!的?成员)"
)
# The Development Bureau's director: 管发展那一摊的局长, 负责电信发展的那个局的头儿.
_BDT_DIRECTOR = (
    r"(?:管|搞|负责)(?:电信)?发展(?:那一摊|那摊|那一块|那块|这块|工作|事务)?(?:的)?(?:那个|那位)?(?:局)?的?"
    rf"(?:局长|主任|{_HEAD}|负责人)"
)
# The General Assembly: the assembly every member state sits in, 所有国家都参加的大会, 全体会员国大会.
_GA = (
    r"(?:所有|全体|全部|各个?|一百九十多个)(?:会员国|成员国|国家)(?:都)?(?:参加|参与|出席|在场|在|有席位|坐(?:在)?一起|到场)?"
    r"[^，。？?！!、]{0,4}?(?:的)?大会"
)


@dataclass(frozen=True)
class Description:
    """A way of describing what a text names by `term` (a glossary term's English form)."""

    term: str
    pattern: re.Pattern[str]


# Longer, more specific descriptions first: an officer before the body its description contains
# (联盟掌门人 is the Secretary-General, not ITU), the Development Bureau's director before any head.
DESCRIPTIONS: tuple[Description, ...] = (
    Description("Director of the Telecommunication Development Bureau", re.compile(_BDT_DIRECTOR)),
    Description("Secretary-General", re.compile(rf"(?:(?:{_ITU})的?)?{_HEAD}")),
    Description("International Telecommunication Union", re.compile(_ITU)),
    # 董事会: a company's board, the everyday word for a governing body that oversees the head.
    Description("Council", re.compile(r"董事会|理事机构")),
    Description("General Assembly", re.compile(_GA)),
    # 各国政府, "the governments of the countries": the member states a UN or ITU text addresses.
    Description("Member States", re.compile(r"各国政府|各个国家的政府")),
    Description(
        "United Nations Industrial Development Organization",
        re.compile(r"(?:联合国)?(?:的)?(?:那|这)?(?:家|个)?(?:管|搞|负责)?工业(?:发展)?(?:方面)?的?(?:机构|组织|单位)"),
    ),
    Description("artificial intelligence", re.compile(r"机器智能|智能机器技术|人工智慧")),
    # The 2030 Agenda's fifteen years (2015-2030) of global goals: 那套十五年全球目标.
    Description(
        "2030 Agenda for Sustainable Development",
        re.compile(r"(?:十五年|15年)(?:的)?(?:全球|世界)?(?:发展)?(?:目标|议程)"),
    ),
    # WSIS by its subject: 那场网络社会全球盛会, 信息社会的世界大会.
    Description(
        "World Summit on the Information Society",
        re.compile(r"(?:网络|信息|数字)社会(?:的)?(?:全球|世界)?(?:盛会|峰会|大会|高峰会)"),
    ),
)


def descriptions_in(question: str, lang: str) -> tuple[tuple[Description, str], ...]:
    """The descriptions in a Chinese `question`, each with the text it matched, in the table's order.

    A description is read once, where it first stands; text a description before it took is not read
    again (the 联盟 of 联盟掌门人 is the Secretary-General's, not a second mention of ITU).
    """
    if lang != "zh":
        return ()
    taken = [False] * len(question)
    found: list[tuple[Description, str]] = []
    for row in DESCRIPTIONS:
        for m in row.pattern.finditer(question):
            if m.end() > m.start() and not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                found.append((row, m.group(0)))
                break
    return tuple(found)


def without_descriptions(text: str) -> str:
    """`text` with its Chinese descriptions blanked: what is left is what the question says of its own. The 日内瓦
    of 日内瓦那家管通信的单位 is the seat that tells which body is meant, no place the question asks about."""
    for _, source in descriptions_in(text, "zh"):
        text = text.replace(source, " ")
    return text


def _check_terms() -> None:
    """Every row names a glossary term (checked once at import: a typo would silently match nothing)."""
    known = {t.en for t in TERMS}
    missing = [d.term for d in DESCRIPTIONS if d.term not in known]
    if missing:
        raise ValueError(f"descriptions name no glossary term: {missing}")


_check_terms()
