"""'When did the Assembly adopt it?' answered by the document's own date (its header or dateline).

Only when the document's title and dateline cover the event the question names,
and never for a question about the future: the document's date is when something
*happened*, the near miss near_miss.py abstains on.

A date the corpus manifest's note calls a typo (the article's dateline prints "21 March, 2004" for the
General Assembly's resolution of 21 March 2024) is quoted as printed, with the note's date beside it
(`misprint`): a yes/no question on the printed year is not answered "Yes." plainly, and one on the
note's year is answered "Yes." from the same dateline (`misprint_lead`).

Example:
    >>> info = DocumentInfo(id="a", path="a.txt", language="en", kind="article", date_printed="21 March, 2004",
    ...     note="The printed date '21 March, 2004' is a typo in the source. It was adopted on 21 March 2024.")
    >>> misprint(info)
    Misprint(printed='21 March, 2004', actual='21 March 2024')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering.citations import cite_chunk
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, overlap
from assistant.answering.metadata import doc_level_chunks
from assistant.answering.replies import single_text
from assistant.answering.scope import asks_future
from assistant.answering.spans import dates, years
from assistant.answering.support import evidence_text
from assistant.schema import Answer, DocumentInfo, Language

# The manifest's note says so of a printed date in these words.
_TYPO = re.compile(r"\b(?:typo|misprint(?:ed)?|erratum|printing error)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MISPRINT_LEAD: dict[str, dict[Language, str]] = {
    "actual": {
        "en": "Yes. The article prints {printed}, which the corpus manifest notes is a typo for {actual}.",
        "zh": "是的。文章所印日期为{printed}，据语料清单说明，此为印刷错误，应为{actual}。",
    },
    "printed": {
        "en": "The article prints {printed}, but the corpus manifest notes that this is a typo for {actual}.",
        "zh": "文章所印日期为{printed}，但据语料清单说明，此为印刷错误，应为{actual}。",
    },
}


@dataclass(frozen=True)
class Misprint:
    """A document's date as printed, and the date the manifest's note gives for it."""

    printed: str
    actual: str


def misprint(info: DocumentInfo) -> Misprint | None:
    """The date the manifest's `note` gives for `date_printed`, when the note calls the printed date a typo."""
    if not info.date_printed or info.date_printed not in info.note or not _TYPO.search(info.note):
        return None
    printed = set(_YEAR.findall(info.date_printed))
    actual = [d.text for d in dates(info.note) if _YEAR.findall(d.text) and not set(_YEAR.findall(d.text)) <= printed]
    return Misprint(info.date_printed, actual[0]) if actual else None


def misprint_lead(question: str, lang: Language, info: DocumentInfo) -> str:
    """The lead of a yes/no answer from a misprinted date: "Yes." and the note's date when the question
    names its year, the printed date and the note's when it names the printed year; "" otherwise."""
    fix = misprint(info)
    if fix is None:
        return ""
    asked = set(years(question))
    key = "actual" if asked & set(_YEAR.findall(fix.actual)) else "printed"
    if key == "printed" and not asked & set(_YEAR.findall(fix.printed)):
        return ""
    return _MISPRINT_LEAD[key][lang].format(printed=fix.printed, actual=fix.actual)


# A document date answers "when did X happen" only when the document's title and dateline cover the event.
MIN_DATE_COVERAGE = 0.5


def document_date(
    question: str, lang: Language, doc_id: str, ctx: AnswerContext, groups: Sequence[Group]
) -> Answer | None:
    """The answer "the document is dated …", citing its dated header or dateline; None when none covers
    the question's `groups` (at `MIN_DATE_COVERAGE`) or it asks about the future ("下一次何时…")."""
    doc = ctx.documents.get(doc_id)
    if doc is None or asks_future(question, lang):
        return None
    for c in doc_level_chunks(ctx, doc_id):
        found = [s for s in dates(c.text)]
        if not found:
            continue
        cover = overlap(groups, chunk_evidence(evidence_text(c, doc)), ctx.idf)
        if cover < MIN_DATE_COVERAGE:
            continue
        citation = cite_chunk(c, ctx)
        shown = found[0].shown(lang)
        if doc.info.kind == "article":
            lead = _article_lead(shown, found[0].text, misprint(doc.info), lang)
        else:
            lead = f"文件日期：{shown}。" if lang == "zh" else f"The document is dated {shown}."
        return Answer(
            question=question, text=single_text(lead, citation, c.lang, lang), language=lang, citations=[citation]
        )
    return None


def _article_lead(shown: str, printed: str, fix: Misprint | None, lang: Language) -> str:
    """An article's date as printed, and the manifest's date beside it when the note calls it a typo."""
    if fix is None or printed != fix.printed:
        return f"文章注明的日期为{shown}。" if lang == "zh" else f"The article is dated {shown} (as printed)."
    if lang == "zh":
        return f"文章注明的日期为{shown}（据语料清单说明，此为印刷错误，应为{fix.actual}）。"
    return f"The article is dated {shown} (as printed; the corpus manifest notes it is a typo for {fix.actual})."
