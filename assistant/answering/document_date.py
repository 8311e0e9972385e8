"""'When did the Assembly adopt it?' answered by the document's own date (its header or dateline).

Only when the document's title and dateline cover the event the question names,
and never for a question about the future: the document's date is when something
*happened*, the near miss near_miss.py abstains on.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.citations import cite_chunk
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, overlap
from assistant.answering.metadata import doc_level_chunks
from assistant.answering.replies import single_text
from assistant.answering.scope import asks_future
from assistant.answering.spans import dates
from assistant.answering.support import evidence_text
from assistant.schema import Answer, Language

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
            lead = f"文章注明的日期为{shown}。" if lang == "zh" else f"The article is dated {shown} (as printed)."
        else:
            lead = f"文件日期：{shown}。" if lang == "zh" else f"The document is dated {shown}."
        return Answer(
            question=question, text=single_text(lead, citation, c.lang, lang), language=lang, citations=[citation]
        )
    return None
