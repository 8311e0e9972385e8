"""Who-questions that ask for the recipient of an addressee's act: "Who must the Secretary-General report
to?", "To whom …", 秘书长必须向谁报告？, 与谁分享 ….

The clause's addressee (责成秘书长 → the Secretary-General) is the question's own subject here, so it is no
answer; the answer is the body the clause names after its preposition: 向理事会报告 → the Council,
与成员国分享 → Member States, "report to the Council". A body counts only when a verb follows it (jieba's
tag, or the question's own act, 报告 being tagged a noun): 促进与联合国其他机构…的合作 names the UN's other
bodies as partners of a longer phrase, not the ones something is shared with.

Example:
    >>> asks_recipient("Who must the Secretary-General report to?", "en"), asks_recipient("谁必须向理事会报告？", "zh")
    (True, False)
    >>> recipient_in("每年向理事会报告对国际电联产生重大战略或财务影响的活动", "zh", "秘书长必须向谁报告？").en
    'Council'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.answering.support import is_name
from assistant.glossary import Term, find_terms
from assistant.schema import Language
from assistant.segmentation import pos_words

_ASKS: dict[Language, re.Pattern[str]] = {
    # "to whom", "with whom", or a who-question ending on its preposition ("report to?", "share … with?").
    "en": re.compile(r"\b(?:to|with)\s+whom\b|^\W*who\b[^?]*\b(?:to|with)\W*$", re.IGNORECASE),
    "zh": re.compile(r"[向与同跟对给]谁"),
}
_PREPOSITIONS = {"向", "与", "同", "跟", "对", "给"}
_EN_BEFORE = re.compile(r"\b(?:to|with)\s+(?:the\s+)?$", re.IGNORECASE)


def asks_recipient(question: str, lang: Language) -> bool:
    """Whether a who-question asks to or with whom someone acts, not who acts."""
    return _ASKS[lang].search(question) is not None


def recipient_in(text: str, text_lang: Language, question: str) -> Term | None:
    """The glossary body `text` names right after a preposition of address and before a verb; None if none.

    Only a name counts (the Council, Member States): "from design and development to deployment" is a range.
    A body the question names is who acts ("To whom must Member States submit …?"): the next one is looked at."""
    named = _named(question)
    found = _zh_recipients(text, question, named) if text_lang == "zh" else _en_recipients(text)
    return next((t for t in found if is_name(t.en, t.en_aliases) and t not in named), None)


def _named(question: str) -> set[Term]:
    return {t for lang in ("zh", "en") for t in find_terms(question, lang)}  # type: ignore[arg-type]


def _en_recipients(text: str) -> Iterator[Term]:
    for term in find_terms(text, "en"):
        for form in term.forms("en"):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, re.IGNORECASE):
                if _EN_BEFORE.search(text[: m.start()]):
                    yield term


def _zh_recipients(text: str, question: str, named: set[Term]) -> Iterator[Term]:
    asked = {t.zh for t in named}
    tagged = pos_words(text)
    for i, (word, _) in enumerate(tagged):
        if word not in _PREPOSITIONS:
            continue
        rest = "".join(w for w, _ in tagged[i + 1 :])
        term = next((t for t in find_terms(rest, "zh") if any(rest.startswith(f) for f in t.forms("zh"))), None)
        if term is None:
            continue
        # The word after the name: jieba's words up to the name's length, then the next one.
        length = max(len(f) for f in term.forms("zh") if rest.startswith(f))
        j, consumed = i + 1, 0
        while j < len(tagged) and consumed < length:
            consumed += len(tagged[j][0])
            j += 1
        if j < len(tagged):
            after, tag = tagged[j]
            if tag.startswith("v") or after in asked or after in question:
                yield term


def recipient_lead(term: Term, lang: Language) -> str:
    """The recipient as an answer names it, with its other-language name: "The Council (理事会)",
    "成员国（Member States）"."""
    if lang == "zh":
        return f"{term.zh}（{term.en}）"
    name = term.en if term.en[:1].isupper() and term.en.endswith("s") else f"the {term.en}"
    return f"{name[0].upper()}{name[1:]} ({term.zh})"
