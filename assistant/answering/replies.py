"""The fixed shapes of an extractive answer's text: an abstention, and one quote led by its short answer.

The answerer writes nothing of its own beyond these phrases, glossary wording and
structure; the quote inside is always the source text (citations.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.citations import gloss_line, quoted, where
from assistant.answering.support import abstention_text
from assistant.schema import Answer, Citation, Language

# The lead of a supported yes/no question; the quote that follows is the evidence. A "no" is never
# inferred: a clause that does not support the question leads to an abstention instead.
YES: dict[Language, str] = {"en": "Yes.", "zh": "是的。"}
# The lead of a negated yes/no question whose clause states the positive (polarity.py): the quote is the
# evidence, so this is no inferred "no" but the clause read against the question's "not".
NO: dict[Language, str] = {"en": "No — the documents state the opposite.", "zh": "不，文件所述与此相反。"}
# The lead of a yes/no question presuming exclusiveness ("only", 全是) whose clause states more ("also", 也):
# the quote says what else.
MORE: dict[Language, str] = {"en": "No — the documents say more than that.", "zh": "不，文件所述不止于此。"}
# The lead of a yes/no question presuming an obligation ("obliged to", 有义务) whose clause only asks that it be
# considered whether it can be done (考虑…是否能够): the quote says what is asked.
WEIGHED: dict[Language, str] = {
    "en": "No — the documents only ask for this to be considered.",
    "zh": "不，文件只要求考虑能否这样做。",
}
# The lead of a negated yes/no question whose clause states the positive as an aim ("ensuring equitable
# access"), not as a fact: the clause neither agrees ("No, they have it") nor disagrees with the question.
AIM: dict[Language, str] = {
    "en": "Neither yes nor no: the documents state this as an aim, not as a fact.",
    "zh": "文件没有就此说是或否，而是将其作为目标提出。",
}


def only_of(shown: Sequence[str], lang: Language) -> str:
    """The lead of an answer that covers only some of the documents a question names: which it covers.
    It speaks of the answer, not the corpus: another clause may name the others in another context."""
    if lang == "zh":
        return f"本回答仅涉及{'、'.join(shown)}。"
    return f"This answer covers only {' and '.join(shown)}. "


def abstain(question: str, lang: Language, **detail: object) -> Answer:
    """An abstention that says, from `detail` (covered, missing, absent, qtype), what the documents do cover."""
    return Answer(question=question, text=abstention_text(question, lang, **detail), language=lang, abstained=True)  # type: ignore[arg-type]


# An attribution question on a clause that states the fact but names no one for it (attribution.py).
_UNATTRIBUTED: dict[Language, str] = {
    "en": "The corpus does not say who. {where} says: {quote}, but names no {whom}.",
    "zh": "语料没有说明是谁。{where}写道：{quote}，但没有指明{whom}。",
}
_NO_ONE: dict[Language, str] = {"en": "one who says so", "zh": "是谁这样说的"}


def unattributed(question: str, lang: Language, citation: Citation, person: str = "") -> Answer:
    """An abstention that quotes what the corpus does say and that it names no speaker (or no `person`)."""
    whom = (person if lang == "en" else f"是哪位{person}") if person else _NO_ONE[lang]
    # Corpus words go in as format arguments, never as templates: braces in them stay text.
    text = _UNATTRIBUTED[lang].format(where=where(citation, lang), quote=quoted(citation.quote), whom=whom)
    return Answer(question=question, text=text, language=lang, abstained=True)


# A yes/no question whose place or year the cited clause gives otherwise (contradiction.py): no "no" is
# inferred (a resolution may be revised twice), but what the clause does give is quoted.
_OTHERWISE: dict[Language, str] = {
    "en": "The corpus does not say so. {where} gives otherwise, not {asked}: {quote}",
    "zh": "语料中没有这样的说法。{where}所载不是{asked}：{quote}",
}


def otherwise(question: str, lang: Language, citation: Citation, asked: Sequence[str]) -> Answer:
    """An abstention that quotes the clause giving another place or year than the `asked` ones."""
    shown = "、".join(asked) if lang == "zh" else " or ".join(asked)
    text = _OTHERWISE[lang].format(where=where(citation, lang), asked=shown, quote=quoted(citation.quote))
    return Answer(question=question, text=text, language=lang, abstained=True)


def single_text(lead: str, citation: Citation, quote_lang: Language, lang: Language) -> str:
    """`lead` (may be ""), where the quote stands, the quote cited [1], and its gloss line when it has one."""
    if lang == "zh":
        text = f"{lead}依据：{where(citation, lang)}：{quoted(citation.quote)} [1]"
    else:
        text = f"{lead} According to {where(citation, lang)}: {quoted(citation.quote)} [1]".strip()
    gloss = gloss_line([citation.quote], quote_lang, lang)
    return f"{text}\n{gloss}" if gloss else text


def cited_text(lead: str, citations: Sequence[Citation], quote_lang: Language, lang: Language) -> str:
    """`single_text` over one or more quotes, numbered in order: "According to A: 「…」 [1], and B: 「…」 [2]"."""
    if len(citations) == 1:
        return single_text(lead, citations[0], quote_lang, lang)
    if lang == "zh":
        parts = [f"{where(c, lang)}：{quoted(c.quote)} [{i}]" for i, c in enumerate(citations, start=1)]
        text = f"{lead}依据：{'；'.join(parts)}"
    else:
        parts = [f"{where(c, lang)}: {quoted(c.quote)} [{i}]" for i, c in enumerate(citations, start=1)]
        text = f"{lead} According to {', and '.join(parts)}".strip()
    gloss = gloss_line([c.quote for c in citations], quote_lang, lang)
    return f"{text}\n{gloss}" if gloss else text
