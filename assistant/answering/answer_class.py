"""The class of entity a question asks for, and whether a clause has a span of that class.

"Which country …", "哪座城市 …", "what share …" name the kind of thing the answer
must be. A clause on the question's topic that names no country, no city, no
percentage does not answer it, however many of the question's words it shares:
"a coalition of nations" is no country, "other UN agencies" no named agency.

One table per language maps the question's noun to a class; a second table
says how a clause shows a span of each class (a gazetteer of country and city
names, glossary names of organisations, patterns for companies, percentages and
deadlines). A plain "where" asks for a place: a gazetteer name or a place
phrase the corpus writes ("offline and online", 向理事会, a resolution's symbol).
A plural question ("which countries") is also answered by a group
of countries ("developing nations"); a singular one needs a name. So is a
question for a kind of entity (哪一类国家, 哪种企业, 什么样的国家, "what kind of
countries"): a classifier after the question word asks for a category, not a name.

A class noun after the predicate's verb is no class asked for: "Which programs *help* developing
countries?", 哪些项目*帮助*发展中国家 ask for programmes (`predicate_class`); the countries are what
the answer must be said to help.

Long because: the asked class, the predicate's class and the asked phrase are three readings of the same
question-word-and-noun span in both languages, sharing its tables and break words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from assistant.answering.actors import is_actor
from assistant.answering.analysis import AUXILIARIES
from assistant.answering.gazetteer import city_names, country_names
from assistant.answering.head_noun import en_modifiers
from assistant.answering.zh_predicate import ZH_NOUN_VERBS, ZH_PASSIVE, is_predicate_verb
from assistant.answering.zh_topic import agent_after_which, agent_class, topic_first
from assistant.glossary import Term, find_terms
from assistant.retrieval.wordnet import WordNetUnavailableError, load_wordnet
from assistant.schema import Language
from assistant.segmentation import pos_words


@dataclass(frozen=True)
class AnswerClass:
    """The kind of entity a question asks for, and where its noun stands in the question."""

    name: str  # country, city, company, organisation, court, percentage, rate, deadline, target, place
    plural: bool = False
    start: int = 0  # the noun's span in the question (qualifiers are read around it)
    end: int = 0
    lead_end: int = 0  # where the question word before the noun ends ("which ", "哪个"): premodifiers follow
    kind: bool = False  # a kind of entity is asked for (哪一类国家): a group ("developing nations") answers


# Question nouns per class. English nouns are whole words after "which / what" (up to three words
# later: "which UN agency"); plural forms are listed apart because they accept groups.
_EN_NOUNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # class: (singular nouns, plural nouns)
    "country": (("country", "nation", "member state"), ("countries", "nations", "member states", "states")),
    "city": (("city", "town", "capital"), ("cities", "towns", "capitals")),
    "company": (("company", "firm", "corporation", "enterprise"), ("companies", "firms", "corporations")),
    "organisation": (
        ("organisation", "organization", "agency", "body", "institution", "institute", "foundation", "fund"),
        ("organisations", "organizations", "agencies", "bodies", "institutions", "institutes", "foundations"),
    ),
    "percentage": (
        ("percentage", "percent", "share", "proportion", "fraction", "ratio"),
        ("percentages", "shares", "ratios"),
    ),
    # A rate is a value with its unit ("an exchange rate", "at what rate did emissions grow"), unless the
    # question asks for a proportion: then it is a share (`_share_rate`: "what literacy rate").
    "rate": (("rate",), ("rates",)),
    # A court is an institution only a court's name answers: the Assembly that "reiterated human rights"
    # is no court, though it is an organisation.
    "court": (("court", "tribunal"), ("courts", "tribunals")),
}
_ZH_NOUNS: dict[str, tuple[str, ...]] = {
    "country": ("国家", "成员国", "会员国"),
    "city": ("城市", "都市"),
    "company": ("公司", "企业", "集团"),
    "organisation": ("组织", "机构", "基金会", "研究所", "机关"),
    "court": ("法院", "法庭", "仲裁庭"),
}
_EN_WH = re.compile(r"\b(?:which|what)\s+", re.IGNORECASE)
# Words that end the phrase between "which" and its noun: a verb or auxiliary has begun the question's predicate.
_EN_BREAK = frozenset((*AUXILIARIES, "shall", "may", "might", "of"))
# So does a preposition: in "which stakeholders besides member states" the stakeholders are asked for.
_EN_BREAK_PREPOSITIONS = frozenset(
    (
        *("besides", "except", "than", "beyond", "excluding", "including", "like", "with", "without", "from"),
        *("for", "to", "in", "on", "at", "about", "by", "among", "between", "into", "as"),
    )
)
# "哪个 … 国家": a 哪 word asks for the noun up to 12 characters on ("哪个负责知识产权的联合国组织"). So does
# 什么名称的 / 什么名字的: "一个什么名称的人工智能监管机构" asks which body, by its name.
_ZH_WHICH = r"(?:哪一个|哪个|哪一|哪座|哪家|哪所|哪位|哪些|哪类|哪种|什么名称的|什么名字的)"
# 什么 / 何 ask for the noun only right after them ("什么组织", "何种机构", "什么样的国际组织"): inside
# 如何 (how), 为何 / 为什么 (why), 任何 (any), 几何 they are no question word, and "什么时候 … 成员国"
# or "如何与成员国…" ask how or when, not which country.
_ZH_WHAT = r"(?<![如为任几])(?:什么样的|什么|何种|何类|何)(?![时地处以故])"
_ZH_WHAT_GAP = 3  # a short premodifier between 什么 and its noun: 什么国际组织, 何种联合国机构
# A preposition ends the asked noun's phrase: in "利用什么机制*与*成员国分享" the noun asked is 机制 and
# 成员国 is who it is shared with (和 and 对 only in 什么's short gap: they also start words, 和平, 对话).
_ZH_LINKS = "与向给跟把被"
# A classifier of kind after the question word (哪一*类*, 哪*种*, 何种, 什么样的) asks for a category.
_ZH_KIND = re.compile(r"^(?:哪类|哪种|何种|何类|什么样的)$|^(?:类型|类别|种类|类|种|样)")
# Rates that are proportions of a whole, so a share answers them: "the participation rate", 普及率.
_EN_SHARE_RATES = frozenset(
    (
        *("participation", "literacy", "penetration", "adoption", "enrolment", "enrollment", "coverage"),
        *("completion", "unemployment", "employment", "uptake", "usage", "access", "approval", "turnout"),
        *("vaccination", "poverty", "connectivity", "response", "success", "failure", "support"),
        *("accuracy", "error"),
    )
)
# "the rate *of growth*" is a change's rate, a value with its unit, whatever follows it.
_EN_CHANGE_OF = re.compile(r"\s+of\s+(?:growth|change|increase|decrease|decline|inflation|interest|return)\b", re.I)
# "What is the exchange rate …": a rate is asked after "what is the" too (other classes are not: "What is the
# city council's role?" asks for a role).
_EN_WHAT_IS_THE = re.compile(r"what\s+(?:is|are|was|were)\s+the\s+", re.IGNORECASE)
_ZH_SHARE_RATES = (
    *("普及", "识字", "参与", "覆盖", "入学", "失业", "就业", "使用", "渗透", "接入", "上网", "投票"),
    *("支持", "赞成", "出席", "完成", "贫困", "通过", "采用", "准确", "错误", "成功", "概"),
)
# Classes a question names without a noun after a question word.
_STANDALONE: dict[Language, tuple[tuple[str, str], ...]] = {
    "en": (
        ("deadline", r"\b(?:by|before|until) (?:what|which|when)\b|\bdeadline\b|\bno later than\b"),
        # A year set as a target ("which year … as the target", "the target year") is a deadline, or the
        # year an agenda or its goals are named by ("the 2030 Agenda", 2030年可持续发展目标).
        ("target", r"\btarget (?:year|date)\b|\b(?:which|what) (?:year|date)\b.*\b(?:as|for) (?:the|a|its) target\b"),
        ("percentage", r"\bwhat %|\bhow many percent\b|\bper ?cent\b"),
    ),
    "zh": (
        (
            "deadline",
            r"(?:哪一年|哪年|何时|什么时候|哪一天|哪天|几月)(?:之前|以前|前)|到哪一年|截止|期限",
        ),
        ("target", r"目标(?:年份|年|日期)"),
        # A rate of a proportion (普及率, 识字率) is a share; another rate (汇率, 利率, 增长率) is a value with its
        # unit; a frequency (频率) or an efficiency (效率) is neither.
        (
            "percentage",
            rf"百分之几|百分比|多大比例|多少比例|比例|比率|占比|比重|几成|(?:{'|'.join(_ZH_SHARE_RATES)})率",
        ),
        ("rate", r"(?<![频效])率(?:是|为|有)?多(?:少|高)|汇率|利率|增长率|增速"),
        ("country", r"哪国|哪一国"),
    ),
}

# How a clause shows a span of each class (besides the gazetteers and glossary organisations).
_COMPANY = re.compile(
    r"\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:Inc|Corp|Corporation|Ltd|LLC|plc|GmbH|AG|Company|Co)\b\.?|"
    r"[\u4e00-\u9fff]{2,10}(?:公司|集团)"
)
# A rate's value: a number with a percent, a "per …" unit or a time it is measured over.
_RATE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|percent\b|per cent\b|(?:[a-z]+\s+)?per\s+[a-z]+\b|"
    r"(?:a|an|each|every|per)\s+(?:year|month|week|day)\b|annually\b|yearly\b)|(?:每年|每月|年均|年)?(?:增长|下降)?(?:百分之|\d+(?:\.\d+)?\s*[%％])",
    re.IGNORECASE,
)
_PERCENTAGE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|percent\b|per cent\b)|百分之|[一二三四五六七八九十两]成(?![员立功为果不])|"
    r"\b(?:half|one|two|three)[ -](?:thirds?|quarters?|fifths?|tenths?)\b|\bhalf of\b|[一二三四五六七八九十]分之"
)
_DEADLINE = re.compile(
    r"\b(?:by|before|until|no later than)\s+(?:the end of\s+)?(?:\d{4}|(?:[A-Z][a-z]+\s+)?\d{1,2},?\s+\d{4}|"
    r"[A-Z][a-z]+\s+\d{4})\b|\bdeadline\b|"
    r"\d{4}年(?:\d{1,2}月)?(?:底|年底)?(?:之前|以前|前)|(?:到|至|截至|截止)\s*\d{4}年|截止日期|期限"
)
# A court or tribunal's name: "the European Court of Human Rights", 国际刑事法院, an arbitral tribunal.
# A named one: a capitalised word before Court that is no article or preposition ("The Court", "In Court") nor
# a group (Member States); in Chinese a name before 法院, not a determiner (该法院) or a plural (各国法院).
_COURT = re.compile(
    r"\b(?!(?:The|In|A|An|This|That|Its|Their|Each|Any|No|Member|States)\b)(?:[A-Z][\w-]*\s+){1,6}(?:Court|Tribunal)\b"
    r"|\b[Aa]rbitral tribunal\b"
    r"|[\u4e00-\u9fff]{0,10}(?<![该此本这那其各])(?<!各国)(?<!国家)(?<!任何)(?:法院|法庭|仲裁庭)"
)
# A year that names an agenda, its goals or a vision is their target year.
_TARGET_YEAR = re.compile(
    r"\b\d{4}\s+(?:Agenda|Goals?|[Tt]argets?|Vision)\b|\b(?:Agenda|Vision)\s+\d{4}\b|"
    r"\d{4}年[^，。；、,;]{0,10}?(?:议程|目标|愿景)"
)
# A place the corpus writes without a gazetteer name: a venue or seat, the online / offline spaces,
# a body a report or a text goes *to* (向理事会, "to the Council"), and a document that sets a text out
# (第A/RES70/1号决议, "resolution 70/1"): "where" also means "in which forum / document".
_PLACE_PHRASE = re.compile(
    r"\b(?:headquarter(?:s|ed)|venue|seat(?:ed)? in|based in|online|offline|on ?line|off ?line)\b|"
    r"\b(?:to|before|at) the (?:[A-Z][\w-]+ ){0,4}(?:Council|Assembly|Conference|Forum|Summit)\b|"
    r"\b(?:A/RES/?\d[\w/]*|[Rr]esolution \d+)|"
    r"总部|所在地|会址|线上|线下|网上|网络空间|"
    r"[向在于](?:[\u4e00-\u9fff]{0,8})(?:理事会|大会|会议|论坛|峰会)|第[A-Z\d][\w/]*号决议"
)
# Words for a group of countries that answer a plural question ("which countries" -> "developing nations"),
# with the two words before them: the modifier is what the group adds to the question (echo.py).
_COUNTRY_GROUPS = re.compile(
    r"\b(?:[A-Za-z][\w-]*\s+){0,2}(?:countries|nations|states)\b|国家|成员国|会员国", re.IGNORECASE
)
# Words before a group that are no modifier of it: "particularly *for* developing nations", "*other* nations".
_NOT_MODIFIERS = frozenset(
    (
        *("for", "of", "and", "or", "the", "a", "an", "to", "in", "on", "by", "with", "from", "among"),
        *("particularly", "especially", "all", "such", "as", "than", "more", "these", "those", "its", "their"),
        *("other", "some", "many", "most", "several", "both", "each", "every", "any", "no", "few", "which"),
    )
)
# Words that qualify a group of countries though they look like no adjective: "*least* developed", "*small
# island* developing States", "*member* states". Other qualifiers are told by their form (`_qualifies`).
_GROUP_QUALIFIERS = frozenset(
    (
        *("least", "small", "poor", "rich", "low", "middle", "high", "income", "member", "island", "donor"),
        *("partner", "landlocked", "neighbour", "neighbor", "advanced", "emerging", "developing", "developed"),
        # Nouns that are verbs too, which `_qualifies` reads as verbs away from the group noun: "*host* developing
        # countries", "*pilot* island states".
        *("host", "pilot", "programme", "program", "transit"),
    )
)
# Verbs that take a group of countries as object, in their plain form ("to *help* developing nations");
# their -s forms are told by their ending (`_qualifies`).
_GROUP_VERBS = frozenset(
    (
        *("help", "support", "reach", "assist", "enable", "benefit", "empower", "serve", "include", "allow"),
        *("give", "bring", "lead", "join", "urge", "encourage", "invite", "call", "let", "make", "see", "aid"),
    )
)


def _qualifies(word: str, adjacent: bool) -> bool:
    """Whether `word` before a group qualifies it (a name, an adjective of any form: "fragile", "poorer",
    "sovereign"), rather than being a verb of the sentence ("access *helps* developing nations"): a
    3rd-person -s form, a plain verb that takes such an object, an auxiliary, or a word WordNet knows as a
    verb and not as an adjective ("networks *connect* developing nations"). A participle (-ing, -ed), or a
    word WordNet knows as a noun too ("*target* countries"), is read as a qualifier only right before the
    noun: in "support*ing* developing nations" and "networks *target* developing nations" it is the verb."""
    w = word.casefold()
    if w in _NOT_MODIFIERS or w in _GROUP_VERBS or w in AUXILIARIES or (not w.isalpha() and "-" not in w):
        return False
    if word[:1].isupper() or w in _GROUP_QUALIFIERS or "-" in w:
        return True
    if w.endswith(("ing", "ed")):
        return adjacent
    return not (w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))) and not _verb_only(w, adjacent)


def _verb_only(word: str, adjacent: bool) -> bool:
    """Whether WordNet knows `word` as a verb and not as an adjective ("*connect* developing nations", "*transform*
    …"): a verb of the sentence before a group, whatever its object. Nouns ("frontier"), adjectives ("fragile",
    "poorer", "open") and words WordNet lacks ("francophone") are not; nor is a noun that is a verb too right
    before the group ("*target* countries", "*border* states"); without WordNet, none is."""
    forms = parts_of_speech(word)
    return "v" in forms and "a" not in forms and not (adjacent and "n" in forms)


def parts_of_speech(word: str) -> set[str]:
    """WordNet's parts of speech for `word` in any inflection (n, v, a, r); none without WordNet."""
    try:
        return {pos for pos, _ in load_wordnet().base_forms(word)}
    except WordNetUnavailableError:
        return set()


# A group noun a glossary name of countries has among its aliases ("Member States": countries, nations).
_GROUP_ALIASES = frozenset(("countries", "nations", "states"))


def _organisation_name(span: str) -> bool:
    """Whether a group span is an organisation's glossary name ("the United Nations" is no group of
    countries; "Member States", whose aliases are countries and nations, is one)."""
    if not all(w[:1].isupper() for w in span.split()):
        return False  # a name is capitalised: "developing countries" is a group whatever the glossary says
    terms = [t for t in find_terms(span, "en") if t.en.casefold() == span.casefold()]
    return any(is_actor(t) and not _GROUP_ALIASES & {a.casefold() for a in t.en_aliases} for t in terms)


def _country_groups(text: str) -> list[str]:
    """The groups of countries a text names, each with the words that qualify it (`_group_span`)."""
    spans = [_group_span(m.group(0)) for m in _COUNTRY_GROUPS.finditer(text)]
    return [s for s in spans if not _organisation_name(s)]


def _group_span(found: str) -> str:
    """A country group with only the words right before it that qualify it ("developing nations")."""
    return qualified_phrase(found.split())


def qualified_phrase(kept: Sequence[str], nouns: bool = False) -> str:
    """A noun (the last of `kept`) with the words right before it that qualify it: "access helps
    *developing nations*". With `nouns`, any word but a function word or a participle away from the
    noun qualifies it too ("international *human rights* standards", "employing *AI systems*"): a verb
    then may pass for a noun, which only makes the phrase look like more than an echo."""
    first = len(kept) - 1
    while first > 0:
        word, adjacent = kept[first - 1], first == len(kept) - 1
        if not (_qualifies(word, adjacent) or (nouns and _noun_modifier(word, adjacent))):
            break
        first -= 1
    return " ".join(kept[first:])


def _noun_modifier(word: str, adjacent: bool) -> bool:
    w = word.casefold()
    if w in _NOT_MODIFIERS or w in AUXILIARIES or not w.isalpha():
        return False
    return adjacent or not w.endswith(("ing", "ed"))


# Actor heads that name a group of members, not an organisation.
_GROUP_HEADS = frozenset(("states", "members", "countries", "nations", "governments", "stakeholders", "groups"))


# The question's first question word: only a "which / what" there asks for the class of its noun
# ("Who must … what other bodies already do?" asks for a who, not for bodies).
_EN_FIRST_WH = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how)\b", re.IGNORECASE)


# "What kind of countries …" asks for a kind, as 哪类国家 does; without this, "of" would end the phrase.
_EN_KIND = re.compile(r"(?:kinds?|types?|sorts?|categor(?:y|ies))\s+of\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PredicateClass:
    """A class noun that stands in a which-question's predicate, not after its question word: "Which
    *programs* help developing *countries*?" asks for programmes; the countries are what they help."""

    head: str  # the noun phrase asked for, before the predicate's verb ("programs", 项目)
    cls: AnswerClass  # the class the predicate's object belongs to (a group answers: plural)


def _en_class(question: str) -> AnswerClass | None:
    return _en_classes(question)[0]


def _en_classes(question: str) -> tuple[AnswerClass | None, PredicateClass | None]:
    """The class asked for after "which / what", and a class noun that stands in the predicate instead."""
    first = _EN_FIRST_WH.search(question)
    m = _EN_WH.match(question, first.start()) if first is not None else None
    if m is None:
        return None, None
    kind = _EN_KIND.match(question, m.end())
    lead_end = kind.end() if kind is not None else m.end()
    rest = question[lead_end:]
    best: AnswerClass | None = None
    predicate: PredicateClass | None = None
    for name, (singular, plural) in _EN_NOUNS.items():
        for noun, is_plural in [*((n, False) for n in singular), *((n, True) for n in plural)]:
            hit = re.match(rf"((?:[\w'’-]+\s+){{0,3}}?){re.escape(noun)}\b", rest, re.IGNORECASE)
            if hit is None or any(_ends_phrase(w) for w in hit.group(1).split()):
                continue
            gap = hit.group(1).split()
            verb = _predicate_verb(gap)
            if verb is not None:
                if predicate is None:
                    start = lead_end + len(hit.group(1))
                    obj = AnswerClass(name, True, start, start + len(noun), start)
                    predicate = PredicateClass(" ".join(gap[:verb]), obj)
                continue
            if hit.group(1).casefold().split()[-1:] == ["united"]:
                # "United States", "United Nations": a country's or an organisation's name, which in "Which
                # United States agency" modifies the noun asked for.
                continue
            start = lead_end + len(hit.group(1))
            # The noun nearest the question word wins; at the same place the longer ("member state").
            if best is None or start < best.start or (start == best.start and len(noun) > best.end - best.start):
                best = AnswerClass(name, is_plural, start, start + len(noun), lead_end, kind is not None)
    if best is None and first is not None and (the := _EN_WHAT_IS_THE.match(question, first.start())):
        rate = re.match(r"((?:[\w'’-]+\s+){0,2}?)rates?\b", question[the.end() :], re.IGNORECASE)
        if rate is not None and not _EN_BREAK & {w.casefold() for w in rate.group(1).split()}:
            start = the.end() + len(rate.group(1))
            best = AnswerClass("rate", rate.group(0).lower().endswith("s"), start, the.end() + rate.end(), the.end())
    if best is not None and best.name == "rate" and _share_rate(question, best):
        return replace(best, name="percentage"), None
    return best, (predicate if best is None else None)


def _predicate_verb(gap: Sequence[str]) -> int | None:
    """Where the predicate's verb stands among the words between "which" and a class noun, or None when
    they all qualify the noun. A verb follows the asked noun and agrees with it: a plural noun and a
    plain or past verb ("programs *help*", "funds *supported*"), a singular one and an -s or past verb
    ("divide *concerns*"). Right before the class noun it must be a verb that takes a group as object
    ("programs *help* countries"): "least *developed* countries" is a qualifier."""
    for i in range(1, len(gap)):
        noun, verb = gap[i - 1].casefold(), gap[i].casefold()
        if not (noun.isalpha() and verb.isalpha()) or verb in _NOT_MODIFIERS:
            continue
        if i == len(gap) - 1 and not _takes_group(verb):
            continue
        plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
        s_form = verb.endswith("s") and not verb.endswith(("ss", "us", "is", "ous"))
        agrees = verb.endswith("ed") or (s_form != plural)
        if agrees and "n" in parts_of_speech(noun) and "v" in parts_of_speech(verb):
            return i
    return None


def _takes_group(verb: str) -> bool:
    """Whether `verb`, in any of its forms ("helps", "urged", "supported", "aided"), is one of `_GROUP_VERBS`:
    "Which initiative *supports* countries?" asks for the initiative as "Which initiatives *support* …" does."""
    stems = {verb, verb.removesuffix("s"), verb.removesuffix("es"), verb.removesuffix("ed"), verb.removesuffix("d")}
    return not _GROUP_VERBS.isdisjoint(stems)


def predicate_class(question: str, lang: Language) -> PredicateClass | None:
    """The class noun a which-question's predicate names, when it asks for no class itself ("Which
    programs help developing countries?", 哪些项目帮助发展中国家): its answer must name instances of the
    head noun doing what the predicate says (near_miss.py)."""
    if asked_class(question, lang) is not None:
        return None
    return _en_classes(question)[1] if lang == "en" else _zh_classes(question)[1]


def _ends_phrase(word: str) -> bool:
    """Whether a word between "which" and a class noun has begun the question's predicate: an auxiliary, a
    preposition, or a plain verb ("Which tools *connect* developing nations?" asks for tools, not nations)."""
    w = word.casefold()
    if w in _EN_BREAK or w in _EN_BREAK_PREPOSITIONS:
        return True
    return w.isalpha() and not w.endswith(("ing", "ed")) and parts_of_speech(w) == {"v"}


def _share_rate(question: str, cls: AnswerClass) -> bool:
    """Whether the asked rate is a proportion: of a proportion kind ("what *literacy* rate"), or a bare
    rate of a group ("what rate *of* member states"; "what growth rate of adoption" and "what rate of
    growth" are a growth's rate)."""
    before = {w.casefold() for w in question[cls.lead_end : cls.start].split()}
    if before:
        return bool(before & _EN_SHARE_RATES)
    rest = question[cls.end :]
    return re.match(r"\s+of\b", rest) is not None and _EN_CHANGE_OF.match(rest) is None


_ASKED_PHRASE_WORDS = 4


def asked_phrase(question: str, lang: Language) -> str:
    """The noun phrase a "which" question asks instances of ("AI systems", "emerging technologies",
    民间团体, 人工智能问题). In English, when an auxiliary or preposition ends it within four words; ""
    otherwise (a verb may end it anywhere: "which ITU sector plays …" is not read). In Chinese, the
    nouns right after 哪些 / 哪个 / 哪项 (`_zh_asked_phrase`)."""
    if lang == "zh":
        return _zh_asked_phrase(question)
    first = _EN_FIRST_WH.search(question)
    if first is None or first.group(0).casefold() != "which":
        return ""
    after = re.findall(r"[\w'’-]+", question[first.end() : first.end() + 200])
    breaks = _EN_BREAK | _EN_BREAK_PREPOSITIONS
    for n, word in enumerate(after[: _ASKED_PHRASE_WORDS + 1]):
        if word.casefold() in breaks:
            # Proper-name modifiers before a glossary name are no part of what is asked: "ITU-T focus group"
            # asks for focus groups, which only the name 焦点组 mentions (zh_instances.py), not 研究组.
            phrase, bare = " ".join(after[:n]), " ".join(after[en_modifiers(after[:n]) : n])
            return bare if bare != phrase and _glossary_name(bare) else phrase
    return ""


def _glossary_name(phrase: str) -> bool:
    return any(phrase.casefold() in {f.casefold() for f in t.forms("en")} for t in find_terms(phrase, "en"))


# Part-of-speech flags (jieba) of the words a Chinese question's asked noun phrase is made of: nouns of any
# kind, Latin words (ITU-T), abbreviations, distinguishing words and verbal nouns (哪些*活动*).
_ZH_NOMINAL = ("n", "eng", "j", "b", "vn")
# A classifier of kind in the question word with its numeral (哪一*类*, 哪*种*, 哪*样*).
_ZH_KIND_CLASSIFIER = re.compile(r"[类种样]")
# Marks that join the words of one name in the asked phrase: ITU-T, 电信/ICT服务 (full-width too).
_ZH_JOINERS = frozenset(("-", "/", "－", "／"))
# Question words that are no 哪 of "which": where (哪里, 哪儿), even if (哪怕).
_ZH_NOT_WHICH = ("哪里", "哪儿", "哪怕")


def _zh_asked_phrase(question: str) -> str:
    """The nouns right after a Chinese 哪 word and its numeral or classifier ("哪些*民间团体*参与…",
    "哪一项*决议*", "哪些*部门成员*之间"), up to four words; "" when no noun follows (哪些方面 is one word)
    or the question asks for a kind (哪一类发展)."""
    tagged = pos_words(question)
    for i, (word, _) in enumerate(tagged):
        if not word.startswith("哪") or word.startswith(_ZH_NOT_WHICH):
            continue
        rest = tagged[i + 1 :]
        while rest and rest[0][1][:1] in ("m", "q"):
            word, rest = word + rest[0][0], rest[1:]
        if _ZH_KIND_CLASSIFIER.search(word):
            return ""  # 哪一类 / 哪种 ask for a category, which a group answers (as `AnswerClass.kind`)
        # After a preposition the question word's phrase is its object, and a verbal noun ending it is the
        # predicate: 与哪些私营部门实体*合作* asks for entities (not 在哪些人工智能活动中, 与哪些ICT发展问题).
        prep = i > 0 and tagged[i - 1][1].startswith("p")
        rest = _after_related(rest)
        nouns: list[str] = []
        count = 0
        if _descriptive_de(rest):
            # 哪些*紧迫的*全球挑战: a one-word description with 的 qualifies the nouns after it, as an adjective does.
            nouns, count, rest = [rest[0][0] + rest[1][0]], 1, rest[2:]
        for k, (w, flag) in enumerate(rest):
            after = rest[k + 1][1] if k + 1 < len(rest) else "x"
            if w in _ZH_JOINERS and nouns and after.startswith(_ZH_NOMINAL):
                nouns.append(w)  # one name: ITU-T, 电信/ICT (jieba tags the hyphen and slash as punctuation)
                continue
            if (
                count == _ASKED_PHRASE_WORDS
                # an adjective qualifies a noun after it (哪些性别*平等*问题), not the phrase's last word
                or not (flag.startswith(_ZH_NOMINAL) or (flag == "a" and after.startswith(_ZH_NOMINAL)))
                or (prep and nouns and flag == "vn" and not after.startswith((*_ZH_NOMINAL, "f")))
                # a verb jieba tags as a noun begins the predicate: 哪些问题*影响*发展中国家 asks for 问题
                or (nouns and w in ZH_NOUN_VERBS)
            ):
                break
            nouns.append(w)
            count += 1
        return "".join(nouns)
    return ""


# "Related to": 哪个互联网*相关的*论坛 asks for a forum, one related to the Internet.
_ZH_RELATED = frozenset(("相关", "有关"))
# Prepositions that open a related-to phrase after the question word: 哪个*与*互联网相关的论坛.
_ZH_RELATED_TO = frozenset(("与", "和", "同", "跟"))


def _after_related(rest: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words after a 哪 word from the noun it asks for: after "(与) X 相关的" (哪个互联网相关的*论坛*, whose
    X qualifies the noun), else all of them."""
    start = 1 if rest and rest[0][0] in _ZH_RELATED_TO else 0
    for k in range(start, min(len(rest) - 2, start + _ASKED_PHRASE_WORDS + 1)):
        word, flag = rest[k]
        if k > start and word in _ZH_RELATED and rest[k + 1][0] == "的" and rest[k + 2][1].startswith(_ZH_NOMINAL):
            return rest[k + 2 :]
        if not (flag.startswith(_ZH_NOMINAL) or word in _ZH_JOINERS):
            break
    return rest


# Flags (jieba) of a word that describes with 的 (紧迫的, 重要的): adjectives, and the adverbs jieba tags them as.
_ZH_DESCRIPTIVE = ("a", "d")


def _descriptive_de(rest: list[tuple[str, str]]) -> bool:
    """Whether the words after a 哪 word open with a description and 的 before a noun (紧迫的全球挑战)."""
    return (
        len(rest) > 2
        and rest[0][1].startswith(_ZH_DESCRIPTIVE)
        and rest[1][0] == "的"
        and rest[2][1].startswith(_ZH_NOMINAL)
    )


def class_nouns(name: str) -> tuple[str, ...]:
    """The nouns that ask for class `name` in either language (国家, countries, nations …): a clause's bare
    国家 names no country for any question asking for one, though 提案国 does not say 国家 itself."""
    singular, plural = _EN_NOUNS.get(name, ((), ()))
    return (*_ZH_NOUNS.get(name, ()), *singular, *plural)


def _zh_class(question: str) -> AnswerClass | None:
    return _zh_classes(question)[0] or _zh_noun_class(question)


def _zh_noun_class(question: str) -> AnswerClass | None:
    """The class of a noun the 哪-word patterns do not read (zh_topic.py): one named before a closing 哪 word
    (决议草案提到的国际*组织*有哪些), or an agent noun whose suffix gives it (这项决议有哪些共同*提案国*, 这项决议的
    共同提案国具体有哪些: a proposing country is a country)."""
    asked = topic_first(question) or agent_after_which(question)
    if asked is None:
        return None
    if name := agent_class(asked.head):
        return AnswerClass(name, asked.plural, asked.start, asked.end, asked.lead)
    for name, nouns in _ZH_NOUNS.items():
        noun = next((n for n in nouns if asked.head.endswith(n)), "")
        if noun and asked.lead < asked.end - len(noun) + 1:
            return AnswerClass(name, asked.plural, asked.end - len(noun), asked.end, asked.lead)
    return None


def _zh_classes(question: str) -> tuple[AnswerClass | None, PredicateClass | None]:
    """The class asked for after a 哪 / 什么 word, and a class noun that stands in the predicate instead."""
    best: AnswerClass | None = None
    predicate: PredicateClass | None = None
    for name, nouns in _ZH_NOUNS.items():
        for noun in nouns:
            # "哪些对违规企业的罚款": a noun followed by 的 modifies the one asked for; right after the
            # question word it is the one asked for ("哪个国家的代表团" asks which country's delegation).
            pattern = (
                rf"({_ZH_WHICH}|{_ZH_WHAT})(){re.escape(noun)}|"
                rf"({_ZH_WHICH})([^，。？?！,]{{1,12}}?){re.escape(noun)}|"
                rf"({_ZH_WHAT})([^，。？?！,的和对{_ZH_LINKS}]{{1,{_ZH_WHAT_GAP}}}?){re.escape(noun)}"
            )
            for m in re.finditer(pattern, question):
                wh = next(g for g in (1, 3, 5) if m.group(g) is not None)
                gap = wh + 1
                if _linked_out(m.group(gap)) or (m.group(gap) and _modifies(m.group(gap), question[m.end() :])):
                    continue
                start = m.start(gap) + len(m.group(gap))
                head = _zh_predicate_head(m.group(gap))
                if head:
                    if predicate is None:
                        predicate = PredicateClass(head, AnswerClass(name, True, start, start + len(noun), start))
                    continue
                if best is None or start < best.start:
                    kind = bool(_ZH_KIND.match(m.group(wh)) or _ZH_KIND.match(m.group(gap)))
                    best = AnswerClass(name, m.group(wh) == "哪些", start, start + len(noun), m.end(wh), kind)
    return best, (predicate if best is None else None)


def _zh_predicate_head(gap: str) -> str:
    """The asked noun when the gap between 哪 and a class noun holds the predicate's verb after it (哪些*项目*
    帮助发展中国家, 哪个*鸿沟*涉及…, a verb jieba tags as a noun: 哪些*问题*影响…) or a passive 由 whose agent
    holds the class noun (哪些*倡议*由成员国提出: the initiatives are asked for), not a 的 clause that qualifies
    the noun (哪个负责知识产权的联合国组织); "" otherwise."""
    tagged = pos_words(gap)
    verb = next((i for i, (w, flag) in enumerate(tagged) if is_predicate_verb(w, flag) or w == ZH_PASSIVE), None)
    if not verb or not all(flag.startswith(_ZH_NOMINAL) for _, flag in tagged[:verb]):
        return ""
    head = "".join(w for w, _ in tagged[:verb])
    return head if "的" not in gap[len(head) :] else ""


# A plain "where" question (no "which city / country" noun) asks for a place of any kind. 在哪些 / 在哪方面
# ("in which respects") is no place question, though the answer type reads it as "where".
PLACE = AnswerClass("place")
_PLACE_QUESTION: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"\bwhere\b", re.IGNORECASE),
    "zh": re.compile(r"哪里|哪儿|何地|何处|在哪(?![些方个一类项])"),
}


def asks_place(question: str, lang: Language) -> bool:
    """Whether the question asks where (a plain "where", 哪里, 何地), not in which respect."""
    return bool(_PLACE_QUESTION[lang].search(question))


def _modifies(gap: str, rest: str) -> bool:
    """Whether a class noun after a gap modifies the noun asked for, being followed by 的 (哪些对违规企业的*罚款*):
    unless the gap is only nouns, a compound with the class noun (哪些国际组织的富有成果的合作 asks for organisations,
    as 哪个国家的代表团 asks which country)."""
    return rest.startswith("的") and not all(flag.startswith("n") and flag != "vn" for _, flag in pos_words(gap))


def _linked_out(gap: str) -> bool:
    """Whether a preposition in the gap after 哪 ends the asked noun's phrase: it does unless a 的 follows
    it there ("哪些与国际电联合作的组织" asks for organisations; in "哪些国家与…" the noun came first)."""
    at = next((i for i, ch in enumerate(gap) if ch in _ZH_LINKS), -1)
    return at >= 0 and "的" not in gap[at:]


def asked_class(question: str, lang: Language) -> AnswerClass | None:
    """The class of entity the question asks for, or None when it names none."""
    for name, pattern in _STANDALONE[lang]:
        m = re.search(pattern, question, re.IGNORECASE)
        if m:
            return AnswerClass(name, False, m.start(), m.end(), m.start())
    return _en_class(question) if lang == "en" else _zh_class(question)


def _organisations(terms: Iterable[Term], exclude: frozenset[str]) -> list[str]:
    """Glossary organisations among `terms` (not groups of members), beyond those in `exclude`."""
    out = []
    for t in terms:
        if t.en in exclude or not is_actor(t):
            continue
        head = re.sub(r"\s(?:of|for|on)\s.*$", "", t.en.casefold()).split()
        if head and head[-1] not in _GROUP_HEADS:
            out.append(t.en)
    return out


def class_spans(
    cls: AnswerClass, text: str, terms: Iterable[Term] = (), exclude: frozenset[str] = frozenset()
) -> list[str]:
    """The spans of class `cls` that a clause's `text` (with its glossary `terms`) contains.

    `exclude` are organisations the question itself names: they are not its answer.
    """
    finders: dict[str, Callable[[], list[str]]] = {
        "country": lambda: country_names(text) or (_country_groups(text) if cls.plural or cls.kind else []),
        "city": lambda: city_names(text),
        "company": lambda: [m.group(0) for m in _COMPANY.finditer(text)],
        "organisation": lambda: _organisations(terms, exclude),
        "court": lambda: [m.group(0) for m in _COURT.finditer(text)],
        "percentage": lambda: [m.group(0) for m in _PERCENTAGE.finditer(text)],
        "rate": lambda: [m.group(0) for m in _RATE.finditer(text)],
        "deadline": lambda: [m.group(0) for m in _DEADLINE.finditer(text)],
        "target": lambda: [m.group(0) for m in (*_DEADLINE.finditer(text), *_TARGET_YEAR.finditer(text))],
        "place": lambda: [*city_names(text), *country_names(text), *(m.group(0) for m in _PLACE_PHRASE.finditer(text))],
    }
    return finders[cls.name]()


# What an abstention says the documents lack, per class and language.
CLASS_NAMES: dict[Language, dict[str, str]] = {
    "en": {
        "country": "the name of a country",
        "city": "the name of a city",
        "company": "the name of a company",
        "organisation": "the name of such an organisation",
        "court": "the name of a court or tribunal",
        "percentage": "a percentage or share",
        "rate": "a rate (a number with its unit)",
        "deadline": "a deadline",
        "target": "a target year",
        "place": "a place",
    },
    "zh": {
        "country": "国家名称",
        "city": "城市名称",
        "company": "公司名称",
        "organisation": "相应机构的名称",
        "court": "法院或法庭的名称",
        "percentage": "百分比或比例",
        "rate": "速率或比率的数值",
        "deadline": "截止时间",
        "target": "目标年份",
        "place": "地点",
    },
}
