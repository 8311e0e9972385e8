"""A yes/no question its clause answers by stating the contrary of what it presumes, or by choosing a side.

Coverage sees only the topic, so "Had the General Assembly ever tackled AI regulation before this?" is
supported by "This resolution marks the first instance where the General Assembly has directly addressed the
regulation of AI", and "Yes." would agree with the question's presumption. Some clauses state its contrary:

- a question that presumes an earlier time ("ever … before", "previously", 以前, 此前) against a clause that
  says this was the first ("the first instance", 首次): "No";
- a question that presumes exclusiveness ("only", "on its own", 只, 全是) against a clause that states more
  ("also", "from design … to deployment", 既…也…, 其他): "No — the documents say more than that";
- a question that presumes a whole field someone's to handle ("all … ITU's business", 都…职权) against a clause
  that puts some of it beyond that mandate (超出…职权, "beyond its mandate"): "No".

Such a clause is the answer the question needs (choice.py prefers it among the clauses that pass), and its
lead says so (polarity.py). A question that states the contrary itself ("Was this the first time …?") asks
it, and is answered "Yes" as before.

An alternative question ("Does it only care once AI is in use, or from earlier on?", X还是Y) asks which side,
not yes or no: the lead names the side the clause supports (`side_lead`), the one its contrary leaves when one
side presumes what the clause contradicts, else the side whose words the clause states more of; none on a tie.
A second side left open ("should he create new channels or use something else?") needs no comma, and is the one
named when the clause states none of the first's words ('Not "create new channels", but something else.').

Example:
    >>> q = "Had the General Assembly ever tackled AI regulation head-on before this?"
    >>> contradicts(q, "en", "This resolution marks the first instance where the Assembly has addressed AI.")
    True
    >>> contradicts("Was this the first time the Assembly addressed AI?", "en", "the first instance")
    False
    >>> contradicts("草案认为只有好处吗？", "zh", "既创造机遇，也带来挑战；")
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answering.evidence import Group, chunk_evidence, overlap, question_groups
from assistant.answering.qtypes import YES_NO_OPENING
from assistant.answering.spans import sentences
from assistant.schema import Language


@dataclass(frozen=True)
class Contrary:
    """What a question may presume (`presumed`, per language) and what a clause states against it (`stated`,
    in either language: a Chinese question may be answered from an English clause). `says_more`: the clause
    states more than the question presumes ("also"), rather than its opposite ("the first"). `weighs`: the
    clause only asks for something to be considered ("consider whether"), not done. `offered`: how one side of
    an alternative question words the contrary itself ("…, or only weigh up whether that's doable?"), per
    language (None: as `stated`). `rare`: its wording is rare enough in a corpus that the clauses stating it
    are worth reading even when retrieval missed them (candidates.py); "also" and 其他 are everywhere. `sure`:
    stating it singles out the clause a question is about; "obliged" is said of any duty, so a clause that only
    weighs one must also be the one saying the question's own words best (choice.py), not one about another."""

    says_more: bool
    presumed: dict[Language, re.Pattern[str]]
    stated: re.Pattern[str]
    rare: bool = True
    weighs: bool = False
    sure: bool = True
    offered: dict[Language, re.Pattern[str]] | None = None


_EARLIER = Contrary(
    False,
    {
        # "ever … before", "previously", "before this", "prior to that", "in the past": a bare "ever" ("Has the
        # Assembly ever adopted one?") is answered by this very resolution, which a first one is.
        "en": re.compile(
            r"\bever\b[^?]*\bbefore\b|\b(?:previously|before\s+(?:this|that|now|then)|prior\s+to\s+(?:this|that)|"
            r"in\s+the\s+past)\b",
            re.IGNORECASE,
        ),
        "zh": re.compile(r"以前|之前|此前|以往|过去|先前"),
    },
    re.compile(
        r"\bfirst\s+(?:time|instance|occasion|ever)\b|\bfor\s+the\s+first\b|\bnever\s+before\b|\bunprecedented\b"
        r"|首次|第一次|首个|首例|前所未有|史无前例",
        re.IGNORECASE,
    ),
)
_MORE = Contrary(
    True,
    {
        # "not only" adds, "just" is as often "recently": neither presumes exclusiveness.
        "en": re.compile(
            r"(?<!\bnot\s)\b(?:only|solely|merely|exclusively)\b|\bon\s+(?:its|their)\s+own\b|\balone\b|"
            r"\bby\s+(?:itself|themselves)\b",
            re.IGNORECASE,
        ),
        # 不仅 / 不只 add, 只要 is "as long as".
        "zh": re.compile(r"(?<!不)(?:只(?!要)|仅)|全是|都是|全都|单独|独自|唯一|光是"),
    },
    re.compile(
        r"\b(?:also|both|throughout|entire|other|besides)\b|\bas\s+well\s+as\b|\bin\s+addition\b"
        r"|\bfrom\s[^.;]{1,80}?\sto\s"
        r"|也|既|同时|此外|其他|其它|全过程|整个",
        re.IGNORECASE,
    ),
    rare=False,
)
_REMIT = Contrary(
    False,
    {
        # "all … ITU's business", "everything … within its mandate", 都属于…职权: a whole field presumed someone's
        # to handle, which a clause putting much of it beyond that mandate denies.
        "en": re.compile(
            r"\b(?:all|every|everything|each)\b[^?]*\b(?:business|remit|mandate|responsibility|job|purview|"
            r"competence|province|handle|cope\s+with)\b|\b(?:handle|cope\s+with|deal\s+with)\s+(?:all|every)",
            re.IGNORECASE,
        ),
        # 都管得了 / 管得过来: "can it handle all of them".
        "zh": re.compile(
            r"(?:都|全|所有|一切)[^？?]*(?:职权|职责|职能|权限|范围|管辖|负责|来管|能管|管得(?:了|过来|着))"
        ),
    },
    re.compile(
        r"\b(?:beyond|outside|exceeds?|exceeding)\s+(?:[\w'’]+\s+){0,3}(?:mandate|remit|competence|purview|scope)\b"
        r"|超出[^，。；]{0,12}(?:职权|职责|职能|权限|范围)|(?:职权|职责|职能|权限|管辖)范围之外",
        re.IGNORECASE,
    ),
)
_WEIGH = Contrary(
    False,
    {
        # An obligation presumed ("obliged to", "bound to", 有义务, 必须): a clause asking only that it be
        # considered whether it can be done (考虑…是否能够) does not oblige.
        "en": re.compile(
            r"\b(?:obliged|obligated|obligation|required|bound\s+to|has\s+to|have\s+to|must|duty|compelled|"
            r"mandatory|mandated)\b",
            re.IGNORECASE,
        ),
        "zh": re.compile(r"必须|有义务|义务|一定要|务必|非得|硬性|强制"),
    },
    re.compile(
        r"(?:考虑|研究|探讨|评估|审议)[^，。；]{0,30}?(?:是否|能否|可否)|可行性"
        r"|\b(?:consider|examin|explor|stud|assess|look\w*\s+into)\w*\s+(?:whether|if|the\s+(?:feasibility|possibility))\b",
        re.IGNORECASE,
    ),
    weighs=True,
    sure=False,
    offered={
        "en": re.compile(
            r"\b(?:weigh\w*|consider\w*|look\w*\s+into|explor\w*|examin\w*|assess\w*|stud(?:y|ies)|see|"
            r"think\w*\s+about|check\w*)\b[^?]*?\b(?:whether|if)\b|\b(?:feasib\w*|doable|possible)\b",
            re.IGNORECASE,
        ),
        "zh": re.compile(r"考虑|掂量|琢磨|斟酌|研究一下|看看|评估|能不能|能否|是否能够|可不可以|是否可行|可行"),
    },
)
# A notice's disclaimer denies what a question may presume of its publisher's own views or an official record
# ("represent its own position", 代表它自己的立场) with "does not necessarily reflect the views of", "not an official
# record". (A guarantee presumed against "makes no warranties" is left out: 保证 and "guarantee" are also "ensure",
# which the draft's 确保 is, and the conflict note then pairs the notice with the draft.)
_NOT_OWN_VIEW = Contrary(
    False,
    {
        "en": re.compile(
            r"\b(?:reflect|represent|express)\w*\s+(?:[\w'’]+\s+){0,2}(?:own\s+)?(?:views?|position|stance|opinion)s?\b"
            r"|\bofficial\s+(?:record|position|view|stance)s?\b",
            re.IGNORECASE,
        ),
        "zh": re.compile(r"代表[^？?]{0,8}(?:立场|观点|看法|意见)|官方(?:立场|记录|观点|文件)"),
    },
    re.compile(
        r"\b(?:does|do)\s+not\s+(?:necessarily\s+)?reflect\s+the\s+views?\b|\bnot\s+an\s+official\s+record\b"
        r"|不(?:一定|必然)?代表[^，。；]{0,12}(?:立场|观点|看法|意见)",
        re.IGNORECASE,
    ),
)
CONTRARIES = (_EARLIER, _MORE, _REMIT, _WEIGH, _NOT_OWN_VIEW)


def presumed(question: str, lang: Language) -> tuple[Contrary, ...]:
    """The contraries a question presumes against: it words the presumption and not its contrary itself."""
    return tuple(c for c in CONTRARIES if c.presumed[lang].search(question) and not c.stated.search(question))


def contradiction(question: str, lang: Language, text: str) -> Contrary | None:
    """The contrary of the question's presumption that `text` states ("first instance" against "ever
    before"); None when it states none, or the question presumes nothing."""
    return next((c for c in presumed(question, lang) if c.stated.search(text)), None)


def contradicts(question: str, lang: Language, text: str) -> bool:
    """Whether `text` states the contrary of what the yes/no question presumes."""
    return contradiction(question, lang, text) is not None


def _offers(c: Contrary, side: str, lang: Language) -> bool:
    """Whether one side of an alternative question words the contrary itself ("only weigh up if it's doable")."""
    pattern = c.offered[lang] if c.offered is not None else c.stated
    return pattern.search(side) is not None


def _side_contraries(two: tuple[str, str], lang: Language) -> list[Contrary]:
    """The rare contraries an alternative's sides presume or offer: "obliged to …, or only to weigh up …?"."""
    found: list[Contrary] = []
    for c in CONTRARIES:
        if c.rare and c not in found and any(c in presumed(s, lang) or _offers(c, s, lang) for s in two):
            found.append(c)
    return found


def asked_contraries(question: str, lang: Language) -> tuple[Contrary, ...]:
    """The contraries a clause may state to answer a yes/no question: what it presumes; for an alternative
    question, the rare ones its sides presume or offer, when any do. Its "or only Y" then contrasts Y with
    the first side, and a clause saying "other" or 同时 chooses neither (dev-wc08)."""
    two = sides(question, lang)
    on_sides = _side_contraries(two, lang) if two is not None else []
    return tuple(on_sides) if on_sides else presumed(question, lang)


def worded_contraries(question: str, lang: Language) -> tuple[Contrary, ...]:
    """The contraries whose clauses a yes/no question is about: those it asks (`asked_contraries`) and the rare
    ones it words itself ("Was this the first time …?", "outside the union's competence?"): a clause stating
    them says what is asked, in the documents' words."""
    asked = asked_contraries(question, lang)
    return asked + tuple(c for c in CONTRARIES if c.rare and c not in asked and c.stated.search(question))


def scanned_contraries(question: str, lang: Language) -> tuple[Contrary, ...]:
    """The rare ones of `worded_contraries`: candidates.py adds their clauses when retrieval missed them."""
    return tuple(c for c in worded_contraries(question, lang) if c.rare)


def stated_contraries(question: str, lang: Language, text: str) -> tuple[Contrary, ...]:
    """The contraries the yes/no question asks about or words (`worded_contraries`) that `text` states."""
    return tuple(c for c in worded_contraries(question, lang) if c.stated.search(text))


# "X, or Y?" (the comma keeps "Is Resolution 139 or 140 about …?" a yes/no question on two documents) and
# X还是Y (no 吗: 还是…吗 is "still …?"). "or not" and "or something else" leave no side to name.
_ALTERNATIVE: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"^(?P<x>.+),\s*or\s+(?!not\b|else\b|otherwise\b|neither\b)(?P<y>[^?]+?)\s*\??\s*$", re.I),
    "zh": re.compile(r"^(?P<x>[^？?]+?)还是(?P<y>[^？?]+?)(?<!吗)(?<!呢)[？?]?\s*$"),
}
# "…, should he create new channels or use something else?", 还是用别的办法: the second side is left open, and
# the "or" needs no comma to offer it.
_OPEN_SIDE: dict[Language, str] = {
    "en": r"(?:[\w'’-]+\s+){0,3}?(?:something|some\s+other|another|other|else)\b",
    "zh": r"[^？?]{0,4}?(?:别的|其他|其它|另外|另一)",
}
_OPEN_ALTERNATIVE: dict[Language, re.Pattern[str]] = {
    "en": re.compile(rf"^(?P<x>.+?)\s+or\s+(?P<y>{_OPEN_SIDE['en']}[^?]*?)\s*\??\s*$", re.I),
    "zh": re.compile(rf"^(?P<x>[^？?]+?)还是(?P<y>{_OPEN_SIDE['zh']}[^？?]*?)[？?]?\s*$"),
}
_ZH_ASKING_START = re.compile(r"^.*?(?:是否|是不是)")
# A scene set before the question proper: "When he passes it on, should he …?".
_LEADING_CLAUSE = re.compile(rf"^\s*(?:when|whenever|once|if)\b[^?,]*,(?={YES_NO_OPENING[1:]})", re.I)
_SUBJECT_PRONOUN = re.compile(r"^(?:he|she|it|they|we|you|i)\s+", re.I)


def sides(question: str, lang: Language) -> tuple[str, str] | None:
    """The two sides of an alternative question ("only once AI is in use" and "from earlier on"), its
    opening ("Does", 是否, a scene set before it, a pronoun subject) left off the first; None when the
    question is no alternative."""
    asked = _LEADING_CLAUSE.sub("", question.strip()) if lang == "en" else question.strip()
    m = _ALTERNATIVE[lang].match(asked) or _OPEN_ALTERNATIVE[lang].match(asked)
    if m is None:
        return None
    opening = re.compile(YES_NO_OPENING, re.IGNORECASE) if lang == "en" else _ZH_ASKING_START
    first = _SUBJECT_PRONOUN.sub("", opening.sub("", m["x"]).strip())
    return first.strip(" ，,"), m["y"].strip(" ，,")


def open_side(side: str, lang: Language) -> bool:
    """Whether an alternative's side names nothing ("use something else", 别的办法)."""
    return re.match(_OPEN_SIDE[lang], side, re.IGNORECASE) is not None


_SIDE: dict[Language, tuple[str, str]] = {
    "en": ('The former: "{side}".', 'The latter: "{side}".'),
    "zh": ("是前者：“{side}”。", "是后者：“{side}”。"),
}
# The open side chosen: what the clause states instead of the named one.
_OTHER: dict[Language, str] = {"en": 'Not "{side}", but something else.', "zh": "不是“{side}”，而是另一种做法。"}


def side_lead(question: str, lang: Language, quote: str) -> str:
    """The lead of an alternative question answered by `quote`: the side it supports, "" on a tie."""
    two = sides(question, lang)
    if two is None:
        return ""
    chosen = _chosen_side(two, lang, quote)
    if chosen == 1 and open_side(two[1], lang):
        return _OTHER[lang].format(side=two[0])
    return "" if chosen is None else _SIDE[lang][chosen].format(side=two[chosen])


def _chosen_side(two: tuple[str, str], lang: Language, quote: str) -> int | None:
    """0 or 1: the side the quote leaves when it contradicts the other, else the side whose words it states
    the larger share of; None on a tie, unless the second side is open ("something else") and the quote
    states none of the first's words: then it says something else. A rare contrary the quote states decides
    first: "obliged to hand it over, or only to weigh up if that's doable?" against 考虑…是否能够 is the latter,
    whatever "only" makes of 同时 elsewhere."""
    for c in _side_contraries(two, lang):
        if c.stated.search(quote):
            presuming = [i for i, side in enumerate(two) if c in presumed(side, lang)]
            offering = [i for i, side in enumerate(two) if _offers(c, side, lang)]
            if len(presuming) == 1:
                return 1 - presuming[0]
            if len(offering) == 1:
                return offering[0]
    for i, side in enumerate(two):
        if contradicts(side, lang, quote):
            return 1 - i
    evidence = chunk_evidence(quote)
    shares = []
    for side in two:
        groups = question_groups(side, lang)
        shares.append(sum(g.found_in(*evidence) for g in groups) / len(groups) if groups else 0.0)
    if shares[0] == shares[1]:
        return 1 if shares[0] == 0 and open_side(two[1], lang) else None
    return 0 if shares[0] > shares[1] else 1


def stating_sentence(
    question: str,
    lang: Language,
    text: str,
    groups: Sequence[Group],
    idf: Callable[[str], float | None],
    least: int = 0,
) -> tuple[int, int] | None:
    """The span (offsets into `text`) of the sentence that states the contrary of the question's presumption
    most often ("throughout the entire lifecycle, from design … to …" over "while also driving …"), then covers
    the question best; None when no sentence states it. Only sentences that state at least `least` of the
    question's `groups` count (one of them, for a rare contrary): one on another topic that happens to say "also"
    does not answer."""
    against = presumed(question, lang)
    scored = []
    for i, (a, b) in enumerate(sentences(text)):
        said = sum(len(c.stated.findall(text[a:b])) for c in against)
        evidence = chunk_evidence(text[a:b])
        # A rare contrary's wording ("does not necessarily reflect the views") is on the question's topic by
        # itself: one of its words is enough, where "also" needs as many as the quote has.
        rare = any(c.rare and c.stated.search(text[a:b]) for c in against)
        if said and sum(g.found_in(*evidence) for g in groups) >= (min(least, 1) if rare else least):
            scored.append((said, overlap(groups, evidence, idf), -i, a, b))
    if not scored:
        return None
    best = max(scored)
    return best[3], best[4]
