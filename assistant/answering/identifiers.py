"""Documents a question names by their number: "Resolution 139", 第139号决议, "A/RES/70/125", "EUR/44A25/1".

A document's header or dateline records *its own* conference, city and date. A question that
names another document by its number ("In which city was Resolution 140 revised?") is not answered
by that record, however well its other words match, nor by a clause about another numbered
document: the clause that carries the number is (忆及 d: 第140号决议（2022年，布加勒斯特，修订版）).
A clause carries the number of its own document too (its evidence holds its symbol, EUR/44A25/1).
And a clause does not say where a document was adopted by naming that document:
"第A/RES/70/125号决议" answers "where is X set out", not "where was A/RES/70/125 adopted".

Years, counts and names are not document numbers: only a number after a numbered document's noun
(Resolution, Recommendation, Decision; "Resolutions 139 and 140" / "139 & 140" names both), inside 第…号
(第139、140号决议, 第139、第140号决议 and 第139号和140号决议 name both too), or a
symbol with a slash ("A/RES/70/1") is. "report 2023" is a year and "Annex 2" a part of a document.
A number of one or two digits ("Resolution 2") is in almost every clause as a count or an item
label, so a text carries it only as a document's number: after such a noun or inside 第…号.

A question naming several documents is answered for each by the clause on it, unless it asks for them
together ("compare", "in common", 比较, 共同点, 异同, a relation between them: "replace", "the same", 取代, 与第140号
决议是否相关, or "both" / "together" / 都涉及 said of the documents): then
only a clause carrying all of them does. A question picking one of them ("Which of …", "139 or 140", 哪一项) does
not, nor does a yes-no one's "both" / 都 ("Were both Resolution 139 and 140 revised?", 是否都涉及): it asks of each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Nouns of the documents that are cited by number; a report, annex or document is cited by title or symbol.
_DOC_NOUNS = ("resolution", "recommendation", "decision")
_NOUN = rf"\b(?:{'|'.join(_DOC_NOUNS)})s?\s+(?:No\.?\s*)?"
_NUMBER = r"\d+(?:/\d+)*"
# "Resolutions 139 and 140", "Resolutions 139, 140 or 141": each number is one document.
# A number followed by a unit or a time word counts something ("the decision 2 years ago"): no document's.
_UNIT = r"(?!\s*(?:%|(?:years?|months?|weeks?|days?|hours?|times|percent|per\s*cent|kg|km|m2|tonnes?)\b))"
_SEPARATOR = r"(?:\s*[,&]\s*|\s+(?:and|or)\s+)"
_NUMBERED = re.compile(rf"{_NOUN}{_NUMBER}(?:{_SEPARATOR}{_NUMBER})*\b{_UNIT}", re.IGNORECASE)
_NUMBERS = re.compile(_NUMBER)
# The nouns after 第…号 (决议 a resolution, 建议书 / 建议 a recommendation, 决定 a decision, 文件, 报告).
_ZH_NOUNS = "决议|建议书|建议|决定|文件|报告"
_ZH_NOUN = f"(?:{_ZH_NOUNS})"
_ZH_NUMBERED = re.compile(rf"第\s*[A-Za-z\d][A-Za-z\d_/.\-]*\s*号{_ZH_NOUN}?")
# Numbers sharing one 第…号: 第139、140号决议, 第139号和140号决议, 第139、第140号决议, 第139或140号决议 (a number
# after 、/和/及/与/或/还是, with or without its own 第), the last followed by 号 or the noun (`_zh_listed`).
_ZH_LISTED = re.compile(
    rf"第\s*(\d+(?:/\d+)*)\s*号?((?:\s*(?:、|和|及|与|或者?|还是)\s*第?\s*\d+(?:/\d+)*\s*号?)+)({_ZH_NOUNS})?"
)
# A UN or ITU symbol: letters, then at least two slash-separated parts (A/RES/70/1, EUR/44A25/1; kg/m2 is a
# unit), one with a digit. Any case: users type a/res/70/125.
_SYMBOL = re.compile(r"(?<![A-Za-z0-9/])[A-Za-z]{1,6}(?:/[A-Za-z0-9.\-]+){2,}")
_FIRST_DIGIT = re.compile(r"\d")
# Numbers of at most this many digits are carried only as a document's number (see the module docstring).
_SHORT = 2


@dataclass(frozen=True)
class DocumentId:
    """A document number as the question writes it, and the part every writing of it shares."""

    shown: str
    # From its first digit on: "70/125" of "A/RES/70/125", written A/RES70/125 or "resolution 70/125" elsewhere.
    key: str


def document_ids(question: str) -> tuple[DocumentId, ...]:
    """The document numbers the question names, once each, in the order written."""
    found: dict[str, DocumentId] = {}
    spans = sorted(
        [(m.start(), m.group(0).strip()) for pattern in (_ZH_NUMBERED, _SYMBOL) for m in pattern.finditer(question)]
        + _listed(question)
        + _zh_listed(question),
        key=lambda span: (span[0], -len(span[1])),  # at one place the longer writing (第139号决议, not 第139号)
    )
    for _, shown in spans:
        digit = _FIRST_DIGIT.search(shown)
        if digit is None:
            continue
        # Stripped: UN Chinese texts space the number (第 70/125 号决议), the clause may not.
        key = re.sub(r"[.\-/]+$", "", re.sub(r"号.*$", "", shown[digit.start() :]).strip())
        found.setdefault(key, DocumentId(shown, key))
    return _shared_noun(tuple(found.values()))


def _shared_noun(ids: tuple[DocumentId, ...]) -> tuple[DocumentId, ...]:
    """第139号和第140号决议: the first number is a 决议 too, shown so ("本回答仅涉及第139号决议")."""
    nouns = [m[0] for i in ids if (m := re.search(r"(?<=号)\S+$", i.shown))]
    if not nouns:
        return ids
    return tuple(DocumentId(i.shown + nouns[-1], i.key) if i.shown.endswith("号") else i for i in ids)


def _listed(question: str) -> list[tuple[int, str]]:
    """Each number after a document noun, shown with the noun: "Resolutions 139 and 140" -> Resolution 139, 140."""
    out = []
    for m in _NUMBERED.finditer(question):
        numbers = list(_NUMBERS.finditer(m[0]))
        if len(numbers) == 1:
            out.append((m.start(), m[0]))
            continue
        noun = re.sub(r"s$", "", m[0].split()[0])
        out += [(m.start() + n.start(), f"{noun} {n[0]}") for n in numbers]
    return out


def _zh_listed(question: str) -> list[tuple[int, str]]:
    """Each number sharing one 第…号, shown whole: 第139、140号决议 -> 第139号决议, 第140号决议."""
    out = []
    for m in _ZH_LISTED.finditer(question):
        if not m[3] and not m[2].rstrip().endswith("号"):
            continue  # 第6和第7项, 第3和第4段: items or paragraphs; a list of documents ends in 号 or the noun
        noun = m[3] or ""
        numbers = [m[1], *re.findall(r"\d+(?:/\d+)*", m[2])]
        out += [(m.start() + i, f"第{n}号{noun}") for i, n in enumerate(numbers)]
    return out


# Words that ask about several named documents at once: no clause on one of them answers.
_TOGETHER = re.compile(
    r"\b(?:compare[sd]?|comparing|comparison|differ|differs|difference|differences|"
    r"in common|each other|relate to one another|relationship between)\b|"
    r"比较|对比|两者|二者|两项决议|共同点|共同之处|异同|区别|差别|有何不同|有什么不同",
    re.IGNORECASE,
)
# "together with / jointly with Resolution 140" joins the documents in one event, in any question.
_DOCS = rf"(?:the\s+)?(?:{'|'.join(_DOC_NOUNS)}|documents?|them)"
_WITH_BEFORE = re.compile(rf"\b(?:together|jointly)\s+with\s+{_DOCS}", re.IGNORECASE)
# A relation between the documents asks of them together, a yes-no question too: "Does Resolution 139
# replace Resolution 140?", "Are they the same?", 第139号决议与第140号决议是否相关 is no yes of each. "Related to"
# / 与…有关 relates them only with a document after it: "both related to the information society" asks of each.
_RELATES = re.compile(
    r"\b(?:the\s+same|different|similar|identical|alike|overlap(?:s|ping)?|replace[sd]?|replacing|"
    r"supersede[sd]?|superseding|contradict(?:s|ed)?|conflict(?:s|ed)?\s+with)\b|"
    rf"\b(?:related|linked|connected|equivalent|consistent)\s+(?:to|with)\s+(?:{_DOCS}|{_NOUN}|\d)|"
    r"相同|不同|同一|相似|类似|一样|重叠|取代|替代|冲突|矛盾|"
    rf"(?:与|和|同|跟)\s*第\s*[A-Za-z\d][A-Za-z\d_/.\-]*\s*号{_ZH_NOUN}?\s*(?:是否|有没有|有无)?\s*"
    r"(?:相关|有关|关联|有联系|有关系)",
    re.IGNORECASE,
)
# "both / together / jointly" ask for them together only when said of the documents: "both Resolution 139
# and …", "What do Resolutions 139 and 140 both address?", 都涉及 — not "addresses both the digital divide and
# …". In a yes-no question they ask of each ("Were Resolutions 139 and 140 both revised …?", 是否都涉及).
_BOTH_BEFORE = re.compile(rf"\bboth\s+(?:of\s+)?{_DOCS}", re.IGNORECASE)
_BOTH_AFTER = re.compile(r"\s*,?\s*(?:both|together|jointly)\b", re.IGNORECASE)
_ZH_BOTH = re.compile(r"都涉及")
# A question that picks one of them ("Which of …", "139 or 140", "Resolution 139, or Resolution 140",
# 第139号还是第140号, 第139号决议或第140号决议, 哪一项) compares nothing;
# nor does a yes-no question whose "both" is said of each ("Were Resolutions 139 and 140 both revised …?").
# An "or" picks only between the documents: "Compare 139 and 140 on the digital divide *or* …" and "… on
# SDG 4 or 9" (numbers that name no document) still compare.
_PICKS_ONE = re.compile(r"\bwhich\s+(?:one\s+)?of\b|哪一项|哪项|哪一个|哪个", re.IGNORECASE)
_OR_BETWEEN = re.compile(
    rf"(?<!\d)(?<!\d/)(\d+(?:/\d+)*)\s*号?{_ZH_NOUN}?\s*[,，]?\s*(?:\bor\b|或者?|还是)\s*"
    rf"(?:(?:the\s+)?{_NOUN}|第\s*|[A-Za-z]+(?:/[A-Za-z]+)*/)?(\d+(?:/\d+)*)",
    re.IGNORECASE,
)


def picks_one(question: str) -> bool:
    """Whether the question picks one of its named documents ("Which of …", "Is Resolution 139 or 140 …",
    第139号决议或第140号决议, 哪一项): it asks neither of them together nor of each."""
    keys = {i.key for i in document_ids(question)}
    return bool(_PICKS_ONE.search(question)) or any({m[1], m[2]} <= keys for m in _OR_BETWEEN.finditer(question))


def compares(question: str) -> bool:
    """Whether the question compares or relates documents ("compare", "in common", "the same", 异同, 取代),
    however it names them: it asks of them together, never of each."""
    return bool(_TOGETHER.search(question) or _RELATES.search(question))


def asks_together(question: str, qtype: str) -> bool:
    """Whether the question asks about its named documents together (compares them, asks what both say);
    `qtype` is its answer type (analysis.py): a yes-no question's "both" asks of each document."""
    if picks_one(question):
        return False
    if _TOGETHER.search(question) or _WITH_BEFORE.search(question) or _RELATES.search(question):
        return True
    if qtype == "yes-no":
        return False
    return bool(_BOTH_BEFORE.search(question) or _ZH_BOTH.search(question)) or any(
        _BOTH_AFTER.match(question, m.end()) for m in _NUMBERED.finditer(question)
    )


def _pattern(ident: DocumentId) -> re.Pattern[str]:
    # Not inside a longer number: 70/1 is not in 70/125, 139 not in 2139.
    number = rf"(?<!\d)(?<!\d/){re.escape(ident.key)}(?!\d)(?!/\d)"
    if ident.key.isdigit() and len(ident.key) <= _SHORT:
        # "2" is in most clauses as a count or an item label: only "Resolution 2", 第2号 name the document.
        # A symbol's last part names it too (A/RES/2).
        number = rf"(?:{_NOUN}(?:{_NUMBER}{_SEPARATOR})*|第\s*|\b[A-Za-z]+(?:/[A-Za-z]+)*/){number}"
    return re.compile(number, re.IGNORECASE)


def carries(text: str, ident: DocumentId) -> bool:
    """Whether `text` names the document: its number, in any writing, not as part of another number."""
    return _pattern(ident).search(text) is not None


def without(text: str, ids: Sequence[DocumentId]) -> str:
    """`text` with the named documents' numbers (and the symbol letters before them) taken out."""
    for ident in ids:
        text = re.sub(rf"[A-Za-z]*(?:/[A-Za-z]+)*/?{_pattern(ident).pattern}", "", text, flags=re.IGNORECASE)
    return text
