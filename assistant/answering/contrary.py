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
    states more than the question presumes ("also"), rather than its opposite ("the first")."""

    says_more: bool
    presumed: dict[Language, re.Pattern[str]]
    stated: re.Pattern[str]


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
)
_REMIT = Contrary(
    False,
    {
        # "all … ITU's business", "everything … within its mandate", 都属于…职权: a whole field presumed someone's
        # to handle, which a clause putting much of it beyond that mandate denies.
        "en": re.compile(
            r"\b(?:all|every|everything|each)\b[^?]*\b(?:business|remit|mandate|responsibility|job|purview|"
            r"competence|province)\b",
            re.IGNORECASE,
        ),
        "zh": re.compile(r"(?:都|全|所有|一切)[^？?]*(?:职权|职责|职能|权限|范围|管辖|负责|来管)"),
    },
    re.compile(
        r"\b(?:beyond|outside|exceeds?|exceeding)\s+(?:[\w'’]+\s+){0,3}(?:mandate|remit|competence|purview|scope)\b"
        r"|超出[^，。；]{0,12}(?:职权|职责|职能|权限|范围)|(?:职权|职责|职能|权限|管辖)范围之外",
        re.IGNORECASE,
    ),
)
CONTRARIES = (_EARLIER, _MORE, _REMIT)


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
    states none of the first's words: then it says something else."""
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
    question's `groups` count: one on another topic that happens to say "also" does not answer."""
    against = presumed(question, lang)
    scored = []
    for i, (a, b) in enumerate(sentences(text)):
        said = sum(len(c.stated.findall(text[a:b])) for c in against)
        evidence = chunk_evidence(text[a:b])
        if said and sum(g.found_in(*evidence) for g in groups) >= least:
            scored.append((said, overlap(groups, evidence, idf), -i, a, b))
    if not scored:
        return None
    best = max(scored)
    return best[3], best[4]
