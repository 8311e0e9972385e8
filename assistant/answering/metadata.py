"""Document metadata answers: title, symbol, date, publisher, conference, place, from the manifest and header.

An author is asked for too but never given: the manifest names none, and the publisher is not the writer.
"""

from __future__ import annotations

import re

from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.citations import cite_chunk, gloss_line, quoted, where
from assistant.answering.context import AnswerContext
from assistant.answering.gazetteer import city_names
from assistant.answering.spans import dates
from assistant.answering.support import document_level
from assistant.glossary import find_terms
from assistant.schema import Answer, Chunk, DocumentInfo, Language
from assistant.text import has_cjk


def metadata_documents(a: QuestionAnalysis, ctx: AnswerContext) -> list[str]:
    """The documents a metadata question may be about, likeliest first: named kind, then the
    conversation's, then by retrieval rank."""
    scores: dict[str, float] = {}
    for i, doc_id in enumerate(dict.fromkeys(h.chunk.doc_id for h in ctx.hits)):
        scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (i + 1)
    for doc_id, doc in ctx.documents.items():
        if a.doc_hint and doc.info.kind == a.doc_hint:
            scores[doc_id] = scores.get(doc_id, 0.0) + 2.0
        if a.follow_up and doc_id == a.carried_doc:
            scores[doc_id] = scores.get(doc_id, 0.0) + 3.0
    return sorted(scores, key=lambda d: -scores[d])


# What an event question names beside its actor and subject: the event's verb, or the record itself.
_EVENT_WORDS = frozenset({"adopt", "news", "report"})
# "What was adopted" is a document only when the question names one of these.
_DOCUMENT_KINDS = frozenset({"resolution", "draft resolution", "recommendations"})
# "Where was the Plenipotentiary Conference held?": the event is a meeting, named by a glossary term ending in
# one of these, and a record that names the meeting (the draft's header) says where it was.
_MEETING_HEADS = frozenset({"conference", "summit", "assembly"})
# "这届全权代表大会", "本届大会", "该大会", "this conference": the meeting is the record's own, whatever the glossary
# reads a bare 大会 as (the General Assembly).
_THIS_MEETING: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"\bthis (?:\w+ ){0,2}(?:conference|summit|meeting|session)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:这|本|该|這|該)(?:(?:届|次|屆)\w{0,8}?)?(?:大会|会议|峰会|大會|會議|峰會)"),
}


def event_record_fit(question: str, lang: Language, ctx: AnswerContext, doc_id: str) -> str:
    """Whether a document's record (titles, source, header, dateline) is the event a "where was … adopted"
    question asks about: "" when it is, "object" when what was adopted is no document of this kind (the draft's
    header names the 2030 Agenda, which was not adopted in Bucharest), "actor" when a name the question gives
    (the General Assembly) is not in this record, so another document's may be."""
    terms = [t for t in find_terms(question, lang) if t.en not in _EVENT_WORDS]
    info = ctx.documents[doc_id].info
    record = " ".join([info.title_en, info.title_zh, info.source, *(c.text for c in doc_level_chunks(ctx, doc_id))])
    # Names are matched as the glossary finds them, whole: 大会 inside 全权代表大会 is not the General Assembly.
    named = {*find_terms(record, "en"), *find_terms(record, "zh")}
    # A draft resolution is a resolution: kinds compare by their head word.
    kinds = {t.en.split()[-1] for t in named if t.en in _DOCUMENT_KINDS}
    asked = [t for t in terms if t.en in _DOCUMENT_KINDS]
    if not asked:
        meetings = [t for t in terms if _is_meeting(t.en)]
        if _THIS_MEETING[lang].search(question):
            return "" if any(_is_meeting(t.en) for t in named) else "actor"
        if meetings:
            return "" if all(t in named for t in meetings) else "actor"
    if not any(t.en.split()[-1] in kinds for t in asked):
        return "object"
    return "" if all(t in named for t in terms if t not in asked) else "actor"


def _is_meeting(term_en: str) -> bool:
    return term_en.split()[-1].casefold() in _MEETING_HEADS


def doc_level_chunks(ctx: AnswerContext, doc_id: str) -> list[Chunk]:
    return [c for c in ctx.chunks if c.doc_id == doc_id and document_level(c)]


def metadata_answer(
    question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext, doc_id: str = ""
) -> Answer | None:
    """Title, symbol, date, publisher, conference or place of a document (`doc_id`, else the likeliest one),
    from the manifest and its header."""
    if not doc_id:
        ranked = metadata_documents(a, ctx)
        doc_id = ranked[0] if ranked else ""
    if not doc_id or doc_id not in ctx.documents:
        return None
    info = ctx.documents[doc_id].info
    field = a.metadata
    value, cite = _field_value(field, info, doc_level_chunks(ctx, doc_id), lang)
    if cite is None or (not value and field not in ("conference", "place")):
        name = info.title(lang)
        if lang == "zh":
            text = f"语料中没有这个信息：文件《{name}》没有{_ZH_FIELD.get(field, field)}。"
        else:
            text = f"The corpus does not say: the manifest and text of “{name}” give no {_MISSING.get(field, field)}."
        return Answer(question=question, text=text, language=lang, abstained=True)
    citation = cite_chunk(cite, ctx)
    label = _ZH_FIELD.get(field, field) if lang == "zh" else _EN_FIELD.get(field, field)
    source_note = (
        ""
        if field in ("title", "place") or value in cite.text
        else ("（据语料清单）" if lang == "zh" else " (from the corpus manifest)")
    )
    if lang == "zh":
        lead = f"{label}：{value}{source_note}。" if value else ""
        text = f"{lead}依据：{where(citation, lang)}：{quoted(citation.quote)} [1]"
    else:
        lead = f"{label[0].upper()}{label[1:]}: {value}{source_note}." if value else ""
        text = f"{lead} According to {where(citation, lang)}: {quoted(citation.quote)} [1]".strip()
    gloss = gloss_line([citation.quote], cite.lang, lang)
    if gloss:
        text += "\n" + gloss
    return Answer(question=question, text=text, language=lang, citations=[citation])


def _field_value(field: str, info: DocumentInfo, heads: list[Chunk], lang: Language) -> tuple[str, Chunk | None]:
    """The field's value (shown in `lang`, "" when unknown) and the document-level chunk to cite for it."""
    by_kind = {c.kind: c for c in heads}
    header = by_kind.get("header") or by_kind.get("title")
    value, cite = "", header
    if field == "title":
        own, other = info.title(lang), info.title("en" if lang == "zh" else "zh")
        value = own if not other or other == own else (f"{own}（{other}）" if lang == "zh" else f"{own} ({other})")
    elif field == "symbol":
        value = info.doc_number
    elif field == "date":
        for c in (by_kind.get("dateline"), by_kind.get("header")):
            found = dates(c.text) if c is not None else []
            if found:
                value, cite = found[0].shown(lang), c
                break
        value = value or info.date_printed
    elif field == "publisher":
        value = info.source
    elif field in ("conference", "place"):
        cite = by_kind.get("dateline") or header
        if field == "place" and cite is not None and cite.kind == "dateline":
            value = cite.text.split(",")[0].strip()
        elif field == "place" and cite is not None:
            # A header names its conference's city ("全权代表大会（2022年，布加勒斯特）"): lead with it.
            value = _city_shown(next(iter(city_names(cite.text)), ""), lang)
        else:
            value = info.source if field == "conference" else ""
    return value, cite


_MISSING = {"symbol": "document symbol", "date": "date", "publisher": "publisher", "title": "title", "author": "author"}


def _city_shown(city: str, lang: Language) -> str:
    """A city named in Chinese, shown to an English question with its glossary name: "Bucharest (布加勒斯特)"."""
    if lang == "zh" or not has_cjk(city):
        return city
    english = next((t.en for t in find_terms(city, "zh") if t.zh == city), "")
    return f"{english} ({city})" if english else city


_EN_FIELD = {
    "title": "title",
    "symbol": "document symbol",
    "date": "date",
    "publisher": "source",
    "author": "author",
    "conference": "conference",
    "place": "place",
}
_ZH_FIELD = {
    "title": "标题",
    "symbol": "文号",
    "date": "日期",
    "publisher": "来源",
    "author": "作者",
    "conference": "会议",
    "place": "地点",
}
