"""How a delegate describes what the documents name: bodies, officers and subjects, and everyday verbs.

A question that shares no word with its clause still points at it: "the head of the union's secretariat" is
the Secretary-General, "its governing board" the Council, "the world body's main assembly" the General
Assembly, "the things it is actually good at" the Union's core
competencies; it "briefs" or "updates" where a text reports, "hands over" or "passes on" where it shares,
"piggybacks on" where it uses. Two tables hold this domain knowledge, general to ITU and UN texts (no row
names a clause):

* `DESCRIPTIONS`: a description -> the glossary term (its English form) a text names it with;
* `VERBS`: an everyday verb -> how a text words the act, in both languages.

`assistant.phrasings` reads both as rows of its table (full strength): the retrieval query searches a verb as the
text's (a description is not searched as its term: searched, it lowered the gold gate's recall@5 and MRR@10 under
their floors, see phrasings.py), and the coverage check counts the description's words as covered by the term's,
never as words a clause must state.

Example:
    >>> [(d.source, d.target) for d in described("Who briefs the union's governing board?", "en")]
    [("the union's governing board", 'Council'), ('briefs', 'report')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.schema import Language

# No row for AI ("machine intelligence", "smart tech"): both documents name it in nearly every paragraph, so
# as a searched term it pulls the paragraphs that say it most often, of the other document too, and the
# dictionary already carries "intelligence" and "machine" across (measured on eval/dev).
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


@dataclass(frozen=True)
class Described:
    """A description found in a question."""

    source: str  # as the question writes it
    target: str  # the term or verb it stands for


def _en(pattern: str) -> re.Pattern[str]:
    # Only the first alternative of an ungrouped `pattern` starts at a word and only the last ends at one: the
    # rows of the article's subjects group theirs ("on the net" is no start of "on the networked society").
    return re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE)


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
_LITERACY = (
    r"(?:digital|tech|technology|computer|online|(?-i:IT))\s+(?:skills|know[\s-]how|savvy|competence|competences)"
)

DESCRIPTIONS: tuple[Description, ...] = (
    # Officers and bodies of ITU.
    Description(
        "Secretary-General",
        "en",
        _en(
            r"(?:head|chief|boss|leader)\s+of\s+(?:the\s+)?(?:union['’]s\s+|ITU['’]s\s+|ITU\s+)?secretariat"
            rf"|{_OURS}\s+(?:top|chief|most\s+senior|senior-most|highest)\s+(?:official|officer|civil\s+servant|executive)"
            rf"|{_OURS}\s+(?:chief\s+executive|secretariat\s+(?:head|chief))"
        ),
        "term",
    ),
    Description(
        "Council",
        "en",
        _en(rf"{_OURS}\s+(?:governing|executive|ruling)\s+(?:board|council)|(?:union|ITU)\s+governing\s+board"),
        "term",
    ),
    Description("Director of the Telecommunication Development Bureau", "en", _en(rf"{_HEAD}\s+{_DEV_UNIT}"), "term"),
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
    Description("news", "en", _en(r"(?:write[\s-]?up|news\s+(?:piece|story)|(?<=the\s)piece)"), "term"),
    Description(
        "strategic or financial impact",
        "en",
        _en(
            r"(?:plans|strategy|strategic\s+direction|priorities)\s+(?:or|and|and/or)\s+(?:its\s+)?(?:budget|finances|money|funds|spending)"
        ),
        "term",
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
            r"(?:keep(?:s|ing)?|kept)\s+(?:\w+\s+){1,3}?(?:posted|informed|in\s+the\s+loop)|fill(?:s|ed|ing)?\s+\w+\s+in)"
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
        "consider", "en", _en(r"look(?:s|ed|ing)?\s+into|weigh(?:s|ed|ing)?\s+up"), "verb", ("consider", "考虑")
    ),
    Description(
        "benefit",
        "en",
        _en(r"(?:gain(?:s|ed|ing)?|profit(?:s|ed|ing)?|do(?:es)?\s+well)\s+from"),
        "verb",
        ("benefit", "得益于", "受益", "裨益"),
    ),
)


def described(text: str, lang: Language) -> list[Described]:
    """The descriptions and everyday verbs in `text`, in the tables' order, each row's first match (a row that
    `needs` another is read only after that one is found)."""
    found: list[Described] = []
    for row in (*DESCRIPTIONS, *VERBS):
        if row.lang != lang or (row.needs and all(d.target != row.needs for d in found)):
            continue
        m = row.pattern.search(text)
        if m is not None:
            found.append(Described(m.group(0), row.name))
    return found
