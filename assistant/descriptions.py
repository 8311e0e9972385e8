"""How a delegate describes what the documents name: bodies, officers and subjects, and everyday verbs.

A question that shares no word with its clause still points at it: "the head of the union's secretariat" is
the Secretary-General, "its governing board" the Council, "the world body's main assembly" the General
Assembly, "the things it is actually good at" the Union's core
competencies; it "briefs" or "updates" where a text reports, "hands over" or "passes on" where it shares,
"piggybacks on" where it uses. In Chinese, 日内瓦那家管通信的单位 is the International Telecommunication Union, its
掌门人 / 一把手 the Secretary-General, 董事会 its Council, 所有国家都参加的大会 the General Assembly: written with
demonstratives and classifiers (那家, 那个) and in any order, so they are patterns, not glossary aliases. Two
tables hold this domain knowledge, general to ITU and UN texts (no row names a clause):

* `DESCRIPTIONS`: a description, in English or Chinese -> the glossary term (its English form) a text names it with;
* `VERBS`: an everyday verb -> how a text words the act, in both languages.

`assistant.phrasings` reads both (full strength): a verb as a row of its table, searched as the text's verb; a
description after its table (`descriptions_in`), as its term. The coverage check counts a description's words as
covered by the term's, never as words a clause must state. An English description is not searched as its term
(searched, they lowered the gold gate's recall@5 and MRR@10 under their floors, see phrasings.py); a Chinese one
is (`Description.searched`).

Example:
    >>> [(d.source, d.target) for d in described("Who briefs the union's governing board?", "en")]
    [("the union's governing board", 'Council'), ('briefs', 'report')]
    >>> [d.name for d, _ in descriptions_in("日内瓦那家管通信的单位的掌门人要向董事会汇报什么？", "zh")]
    ['Secretary-General', 'Council']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.glossary import TERMS
from assistant.schema import Language

# No English row for AI ("machine intelligence", "smart tech"): both documents name it in nearly every paragraph,
# so as a searched term it pulls the paragraphs that say it most often, of the other document too, and the
# dictionary already carries "intelligence" and "machine" across (measured on eval/dev). Its everyday English names
# ("smart machines", "machine learning") are phrasings rows (phrasings.py); the Chinese ones (机器智能) are below.
Kind = Literal["term", "verb"]


@dataclass(frozen=True)
class Description:
    """A row: a way of describing one thing, and what a text calls it."""

    name: str  # what a text calls it (a glossary term's English form, or a verb)
    lang: Language
    pattern: re.Pattern[str]
    kind: Kind
    wording: tuple[str, ...] = ()  # a verb's words in a text, in either language (kind "verb")
    needs: str = ""  # read only where a row of this name is found too
    # Searched as its term too (retrieval/translation.py): the Chinese rows; the English ones cost the gold gate.
    searched: bool = False


@dataclass(frozen=True)
class Described:
    """A description found in a question."""

    source: str  # as the question writes it
    target: str  # the term or verb it stands for


def _en(pattern: str) -> re.Pattern[str]:
    # Grouped, so that every alternative starts and ends at a word, not only the first and the last ("on the
    # net" is no start of "on the networked society").
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


# Whose it is: ITU's ("the union's", "its", "ITU's"); a description owned by someone else names another body.
_OURS = r"(?:the\s+)?(?:union['’]s|ITU['’]s|its|the\s+union\s+'s)"
_HEAD = (
    r"(?:(?:head|chief|boss|director|leader)\s+of|"
    r"(?:person|official)\s+(?:running|heading|in\s+charge\s+of))"
)
_UNIT = r"(?:arm|branch|wing|office|bureau|unit|division|department|sector)"
# The Development Bureau / Sector described by its work: helping poorer countries get connected.
_DEV_WORK = (
    r"(?:for\s+helping|for|that\s+helps?|which\s+helps?|helping)\s+(?:the\s+)?(?:poorer|poor|developing|"
    r"less[\s-]developed)\s+(?:countries|nations|world)(?:\s+(?:get|to\s+get|become)\s+(?:connected|online))?"
)
# Owned ("the union's development arm"): a bare "Development Bureau" is a glossary name of its own.
_DEV_UNIT = rf"(?:{_OURS}\s+development\s+{_UNIT}|(?:{_OURS}\s+|the\s+)?{_UNIT}\s+{_DEV_WORK})"

# The General Assembly is the UN's body of all its members: its main (general, full, all-member) assembly or
# body, its plenary, the assembly of all nations. A bare "the plenary" is the Assembly's in UN usage; a
# conference's plenary is named ("the plenary of PP-22").
_UN = r"(?:world\s+body|UN|U\.N\.|United\s+Nations|world\s+organi[sz]ation)(?:['’]s?)?"
_ALL = r"(?:main|general|full|whole|all[\s-]member|193[\s-]member|big|annual|top|highest)"
_ALL_MEMBERS = r"(?:nations|countries|members|member\s+states|UN\s+members)"
_ASSEMBLY = (
    rf"{_UN}\s+(?:(?:{_ALL}|plenary)\s+(?:body|forum)|(?:{_ALL}\s+)?(?:assembly|plenary))"
    rf"(?:\s+of\s+all\s+{_ALL_MEMBERS})?"
    rf"|(?:{_ALL}|plenary)\s+(?:assembly|body|plenary)\s+of\s+(?:the\s+(?:world\s+body|UN|United\s+Nations)|all\s+{_ALL_MEMBERS})"
    rf"|(?:world['’]s|global)\s+(?:{_ALL}\s+)?(?:plenary|assembly)"
    rf"|plenary\s+of\s+(?:the\s+)?{_UN}"
    r"|(?<=the\s)plenary(?!\s+(?:of|at|session\s+of|meeting\s+of)\b)"
)
# The Sustainable Development Goals: the world's (global, UN, 2030, 17) targets. A row describes a term in words
# other than its own: "global goals" says the Goals' own word, which finds their text as it is (read as the term,
# "How many global goals ..." lost its number on dev), and so do "basic rights", "digital skills", "digital gap".
_GOALS_OF = r"(?:global|worldwide|world['’]s|UN['’]?s?|U\.N\.['’]?s?|United\s+Nations['’]?|2030|17|seventeen)"
_GOALS = (
    rf"{_GOALS_OF}(?:\s+(?:big|main|headline|development|shared|common|2030|17|seventeen|global))*\s+targets"
    r"|targets\s+for\s+2030"
)
# Human rights: the freedoms or liberties every person has.
_RIGHTS = (
    r"(?:people['’]s|everyone['’]s|individuals['’]|basic|fundamental|universal|civil)\s+"
    r"(?:basic\s+|fundamental\s+)?(?:freedoms|liberties)"
)
# Online and offline as everyday English says them; "in everyday life" is offline only beside an online
# description (`Description.needs`): alone it is no contrast with the internet ("Is AI used in everyday life?").
_ONLINE = (
    r"on\s+the\s+(?:internet|web|net)|in\s+cyberspace|over\s+the\s+internet|in\s+the\s+digital\s+(?:world|realm|sphere)"
)
_OFFLINE = r"in\s+(?:everyday|real|daily|ordinary)\s+life|in\s+the\s+(?:physical|real)\s+world|in\s+person"
# The digital divide: the gap between the connected and the unconnected, or a technology gap.
_DIVIDE = (
    r"gap\s+between\s+(?:the\s+)?(?:connected|online|digital\s+haves|haves|tech\s+haves)\b[\w\s-]*?\band\s+"
    r"(?:the\s+)?(?:unconnected|offline|have[\s-]nots)(?:\s+(?:countries|nations|people))?"
    r"|(?:technology|tech|connectivity)\s+gap"
)
# A financial impact in everyday words (the strategic or financial impact row).
_MONEY = r"(?:money|budget(?:ary)?|cost|costs|spending|funding|financial|fiscal|finances?|wallet|purse)"
_IMPACT = r"(?:implications?|consequences?|impacts?|effects?|stakes|repercussions?|fallout)"
_WHOSE = r"(?:its|their|the\s+union['’]s|the\s+organi[sz]ation['’]s|ITU['’]s)"
_LITERACY = (
    r"(?:digital|tech|technology|computer|online|(?-i:IT))\s+(?:skills|know[\s-]how|savvy|competence|competences)"
)

# Informal Chinese descriptions: ITU by its seat and field, its head, its board, the Development Bureau's director,
# the Assembly every member state sits in.
_ZH_HEAD = r"(?:掌门人|掌门|一把手|头儿|头头|老大|当家人|大当家|话事人|老板|总负责人)"
# ITU described by its seat and its field: 日内瓦那家管通信的单位, 那个搞电信的国际组织, 联盟 (its own short name).
_ZH_FIELD = r"(?:通信|通讯|电信|信息通信)"
_ZH_BODY = r"(?:单位|机构|组织|联盟|机关)"
_ZH_ITU = (
    rf"日内瓦(?:的)?(?:那|这)?(?:家|个|一家|一个)?(?:专门)?(?:管|搞|负责)?{_ZH_FIELD}?(?:方面)?的?(?:国际)?{_ZH_BODY}"
    rf"|(?:那|这)(?:家|个)(?:专门)?(?:管|搞|负责){_ZH_FIELD}的(?:国际)?{_ZH_BODY}"
    r"|(?<![国家洲盟])联盟(?!的?成员)"
)
# The Development Bureau's director: 管发展那一摊的局长, 负责电信发展的那个局的头儿.
_ZH_BDT_DIRECTOR = (
    r"(?:管|搞|负责)(?:电信)?发展(?:那一摊|那摊|那一块|那块|这块|工作|事务)?(?:的)?(?:那个|那位)?(?:局)?的?"
    rf"(?:局长|主任|{_ZH_HEAD}|负责人)"
)
# The General Assembly: the assembly every member state sits in, 所有国家都参加的大会, 全体会员国大会.
_ZH_GA = (
    r"(?:所有|全体|全部|各个?|一百九十多个)(?:会员国|成员国|国家)(?:都)?(?:参加|参与|出席|在场|在|有席位|坐(?:在)?一起|到场)?"
    r"[^，。？?！!、]{0,4}?(?:的)?大会"
)


def _zh(term: str, pattern: re.Pattern[str]) -> Description:
    return Description(term, "zh", pattern, "term", searched=True)


DESCRIPTIONS: tuple[Description, ...] = (
    # Officers and bodies of ITU.
    Description(
        "Secretary-General",
        "en",
        _en(
            r"(?:head|chief|boss|leader)\s+of\s+(?:the\s+)?(?:union['’]s\s+|ITU['’]s\s+|ITU\s+)?(?:secretariat|staff)"
            rf"|(?:person|official|one)\s+(?:at\s+the\s+(?:top|helm)|in\s+charge)\s+of\s+{_OURS}\s+(?:secretariat|staff)"
            rf"|{_OURS}\s+(?:top|chief|most\s+senior|senior-most|highest)\s+(?:official|officer|civil\s+servant|executive)"
            rf"|{_OURS}\s+(?:chief\s+executive|secretariat\s+(?:head|chief))"
            # The union's own head, chief or boss, not the head of one of its parts ("the union's head of
            # standards", "the head of the union's development bureau" are others) nor its head office.
            rf"|{_OURS}\s+(?:head|chief|boss|leader|top\s+(?:man|woman|person|boss|dog))(?!\s+(?:of|office|offices|quarters)\b)(?![\w-])"
            r"|(?:head|chief|boss|leader)\s+of\s+(?:the\s+(?:telecom(?:munications?)?\s+)?union|ITU)(?!['’]s?)(?![\w-])"
        ),
        "term",
    ),
    Description(
        "Council",
        "en",
        _en(
            rf"{_OURS}\s+(?:governing|executive|ruling)\s+(?:board|council|body)|(?:union|ITU)\s+governing\s+(?:board|body)"
        ),
        "term",
    ),
    # The OECD as the rich countries' policy club or think tank.
    Description(
        "Organisation for Economic Co-operation and Development",
        "en",
        _en(
            r"(?:rich|wealthy|rich-world|rich-country|developed)(?:[\s-](?:countries|nations|economies|world)(?:['’]s?)?)?"
            r"[\s-]+(?:(?:policy|economic|policy-making)\s+)?(?:club|think[\s-]tank|forum)"
        ),
        "term",
    ),
    Description(
        "Director of the Telecommunication Development Bureau",
        "en",
        _en(
            rf"{_HEAD}\s+{_DEV_UNIT}|(?:{_DEV_UNIT}|(?:the\s+)?development\s+bureau)['’]s?\s+"
            r"(?:head|chief|boss|director|leader)"
        ),
        "term",
    ),
    Description("ITU Telecommunication Development Sector", "en", _en(_DEV_UNIT), "term"),
    Description(
        "ITU Telecommunication Standardization Sector",
        "en",
        _en(rf"{_OURS}\s+(?:standards?|standard-setting|standardi[sz]ation)\s+{_UNIT}"),
        "term",
    ),
    # The United Nations and its bodies.
    Description("General Assembly", "en", _en(rf"(?:{_ASSEMBLY})"), "term"),
    Description(
        "World Summit on the Information Society",
        "en",
        _en(
            r"(?:(?:world|UN|global)\s+)?(?:summits?|gatherings?|meetings?)\s+on\s+the\s+"
            r"(?:information|networked|digital|connected)\s+(?:age|society|era)"
            r"|(?:information|networked)[\s-](?:age|society)\s+summits?"
        ),
        "term",
    ),
    Description(
        "AI for Good Global Summit",
        "en",
        _en(r"['‘’\"“”]?for\s+good['‘’\"“”]?\s+(?:event|summit|gathering|meeting)"),
        "term",
    ),
    # The preamble's recalling: what the draft "looks back on" (the glossary has "recall", "refer back to").
    Description(
        "recalling", "en", _en(r"look(?:s|ed|ing)?\s+back\s+(?:on|at|to)|hark(?:s|ed|ing)?\s+back\s+to"), "term"
    ),
    # What ITU is and may do.
    Description(
        "core competencies",
        "en",
        _en(
            r"(?:things?|what)\s+(?:it|the\s+union|ITU)(?:['’]s|\s+is)\s+(?:actually\s+|really\s+|truly\s+)?good\s+at|what\s+(?:it|the\s+union|ITU)\s+does\s+best"
        ),
        "term",
    ),
    Description(
        "mandate",
        "en",
        _en(
            r"what\s+(?:it|the\s+union|ITU)\s+is\s+(?:allowed|permitted|empowered|entitled|meant)\s+to\s+"
            r"(?:handle|do|deal\s+with|cover|take\s+on)"
        ),
        "term",
    ),
    Description(
        "purposes of the Union",
        "en",
        _en(
            rf"{_OURS}\s+(?:stated\s+|own\s+|founding\s+|basic\s+|core\s+)?(?:aims|objectives|purposes|reasons\s+for\s+being)"
        ),
        "term",
    ),
    Description(
        "existing mechanisms",
        "en",
        _en(
            r"(?:arrangements|channels|mechanisms|means|structures|set-?ups|ones|tools|routes)\s+"
            r"(?:(?:that\s+are\s+|which\s+are\s+)?already\s+(?:in\s+place|there|set\s+up|available|existing)|that\s+already\s+exist)"
            r"|(?:existing|established)\s+(?:arrangements|channels|set-?ups|routes)"
        ),
        "term",
    ),
    # What the article reports (its subjects as a reader says them), and the article itself.
    Description("Sustainable Development Goals", "en", _en(rf"(?:{_GOALS})"), "term"),
    Description("human rights", "en", _en(rf"(?:{_RIGHTS})"), "term"),
    Description("online", "en", _en(rf"(?:{_ONLINE})"), "term"),
    Description("offline", "en", _en(rf"(?:{_OFFLINE})"), "term", needs="online"),
    Description("digital divide", "en", _en(rf"(?:{_DIVIDE})"), "term"),
    Description("digital literacy", "en", _en(rf"(?:{_LITERACY})"), "term"),
    # A news item, as a reader calls it ("the article" is a glossary form of its own).
    Description("news", "en", _en(r"(?:write[\s-]?up|news\s+(?:piece|story)|(?<=the\s)(?:piece|story))"), "term"),
    Description(
        "strategic or financial impact",
        "en",
        _en(
            r"(?:plans|strategy|strategic\s+direction|priorities)\s+(?:or|and|and/or)\s+(?:its\s+)?(?:budget|finances|money|funds|spending)"
            # "money / budget implications", "could hit its finances": a financial impact in everyday words. A
            # question asking for an amount ("How much money …") has no such phrase.
            rf"|{_MONEY}\s+{_IMPACT}"
            rf"|{_IMPACT}\s+(?:for|on)\s+{_WHOSE}\s+{_MONEY}"
            rf"|(?:hit|hits|hitting|affect|affects|affecting|dent|dents|shake\s+up|shakes\s+up|strain|strains)\s+{_WHOSE}\s+{_MONEY}"
        ),
        "term",
    ),
    # Informal Chinese descriptions. Longer, more specific ones first: an officer before the body its description
    # contains (联盟掌门人 is the Secretary-General, not ITU), the Development Bureau's director before any head.
    _zh("Director of the Telecommunication Development Bureau", re.compile(_ZH_BDT_DIRECTOR)),
    _zh("Secretary-General", re.compile(rf"(?:(?:{_ZH_ITU})的?)?{_ZH_HEAD}")),
    _zh("International Telecommunication Union", re.compile(_ZH_ITU)),
    # 董事会: a company's board, the everyday word for a governing body that oversees the head.
    _zh("Council", re.compile(r"董事会|理事机构")),
    _zh("General Assembly", re.compile(_ZH_GA)),
    # 各国政府, "the governments of the countries": the member states a UN or ITU text addresses.
    _zh("Member States", re.compile(r"各国政府|各个国家的政府")),
    _zh(
        "United Nations Industrial Development Organization",
        re.compile(r"(?:联合国)?(?:的)?(?:那|这)?(?:家|个)?(?:管|搞|负责)?工业(?:发展)?(?:方面)?的?(?:机构|组织|单位)"),
    ),
    _zh("artificial intelligence", re.compile(r"机器智能|智能机器技术|人工智慧|机器学习")),
    # The 2030 Agenda's fifteen years (2015-2030) of global goals: 那套十五年全球目标.
    _zh(
        "2030 Agenda for Sustainable Development",
        re.compile(r"(?:十五年|15年)(?:的)?(?:全球|世界)?(?:发展)?(?:目标|议程)"),
    ),
    # WSIS by its subject: 那场网络社会全球盛会, 信息社会的世界大会.
    _zh(
        "World Summit on the Information Society",
        re.compile(r"(?:网络|信息|数字)社会(?:的)?(?:全球|世界)?(?:盛会|峰会|大会|高峰会)"),
    ),
)

# Everyday verbs: a text reports (报告), shares (分享, 共享), uses (利用), considers (考虑), and its addressees
# benefit (得益于) where a question briefs, hands over, piggybacks, looks into and gains.
VERBS: tuple[Description, ...] = (
    Description(
        "report",
        "en",
        _en(
            r"(?:updates?|updating|updated|brief(?:s|ed|ing)?|report\s+back|"
            r"(?:keep(?:s|ing)?|kept)\s+(?:\w+\s+){0,3}?(?:posted|informed|in\s+the\s+loop)|fill(?:s|ed|ing)?\s+\w+\s+in|"
            # "owes its board an account", "gives an update": the report is the object; "the board hears from him".
            r"(?:owe(?:s|d)?|give(?:s|n)?|gave|render(?:s|ed)?)\s+(?:\w+\s+){0,3}?(?:an?\s+)?(?:account|update|briefing)s?|"
            r"hear(?:s|d|ing)?\s+(?:\w+\s+){0,3}?from|fill(?:s|ed|ing)?\s+in)"
        ),
        "verb",
        ("report", "报告"),
    ),
    Description(
        "share",
        "en",
        _en(r"(?:pass(?:es|ed|ing)?|hand(?:s|ed|ing)?)\s+(?:\w+\s+)?(?:on|over|along)(?:\s+to)?"),
        "verb",
        ("share", "分享", "共享"),
    ),
    Description(
        "use",
        "en",
        _en(
            r"(?:piggyback(?:s|ed|ing)?|lean(?:s|ed|ing)?|draw(?:s|ing)?|drew|build(?:s|ing)?|built|rel(?:y|ies|ied|ying))\s+on|tap(?:s|ped|ping)?\s+into|mak(?:e|es|ing)\s+use\s+of"
        ),
        "verb",
        ("use", "利用"),
    ),
    Description(
        "consider",
        "en",
        _en(
            r"look(?:s|ed|ing)?\s+into|weigh(?:s|ed|ing)?\s+up|"
            r"(?:figure|work|find)(?:s|ed|ing)?\s+out\s+(?:whether|if)|(?:figured|found)\s+out\s+(?:whether|if)"
        ),
        "verb",
        ("consider", "考虑"),
    ),
    Description(
        "benefit",
        "en",
        _en(r"(?:gain(?:s|ed|ing)?|profit(?:s|ed|ing)?|do(?:es)?\s+well)\s+from"),
        "verb",
        ("benefit", "得益于", "受益", "裨益"),
    ),
)


def descriptions_in(text: str, lang: Language) -> tuple[tuple[Description, str], ...]:
    """The descriptions of `lang` in `text`, each with the text it matched, in the table's order.

    A description is read once, where it first stands; text a description before it took is not read again (the
    联盟 of 联盟掌门人 is the Secretary-General's, not a second mention of ITU), and a row that `needs` another is
    read only after that one is found ("in everyday life" is offline only beside an online description).
    """
    taken = [False] * len(text)
    found: list[tuple[Description, str]] = []
    for row in DESCRIPTIONS:
        if row.lang != lang or (row.needs and all(d.name != row.needs for d, _ in found)):
            continue
        for m in row.pattern.finditer(text):
            if m.end() > m.start() and not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                found.append((row, m.group(0)))
                break
    return tuple(found)


def described(text: str, lang: Language) -> list[Described]:
    """The descriptions (`descriptions_in`) and everyday verbs (each row's first match) in `text`."""
    found = [Described(source, row.name) for row, source in descriptions_in(text, lang)]
    for row in VERBS:
        if row.lang == lang and (m := row.pattern.search(text)) is not None:
            found.append(Described(m.group(0), row.name))
    return found


def without_descriptions(text: str) -> str:
    """`text` with its descriptions blanked, in either language: what is left is what the question says of its
    own. The 日内瓦 of 日内瓦那家管通信的单位 is the seat that tells which body is meant, no place the question asks
    about."""
    for lang in ("en", "zh"):
        for _, source in descriptions_in(text, lang):
            text = text.replace(source, " ")
    return text


def as_terms(text: str, lang: Language) -> str:
    """`text` with its descriptions (not its verbs) written as the terms they describe, in `lang`: "What is the
    head of the union's staff told to ensure?" reads "What is the Secretary-General told to ensure?", which names
    the section addressed to the Secretary-General (answering/analysis.with_section)."""
    forms = {t.en: (t.zh if lang == "zh" and t.zh else t.en) for t in TERMS}
    for row, source in descriptions_in(text, lang):
        text = text.replace(source, f" {forms[row.name]} ", 1)
    return text


def _check_terms() -> None:
    """Every description names a glossary term (checked once at import: a typo would silently match nothing)."""
    known = {t.en for t in TERMS}
    missing = [d.name for d in DESCRIPTIONS if d.name not in known]
    if missing:
        raise ValueError(f"descriptions name no glossary term: {missing}")


_check_terms()
