"""Citations and the words around them: where a clause stands, its quote, glossed key terms, the addressee.

Everything the answer says about a clause is built here from the clause's own
structure (document, section in both languages, label) and the glossary.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.context import AnswerContext
from assistant.glossary import find_terms
from assistant.schema import Chunk, Citation, Document, Language, RetrievedChunk

_MAX_GLOSSED_TERMS = 4


def make_citation(hit: RetrievedChunk, doc: Document, start: int, end: int) -> Citation:
    """A citation of `doc.text[start:end]` inside the hit's chunk."""
    chunk = hit.chunk
    clause = " – ".join(p for p in chunk.path[1:] if p) if len(chunk.path) > 1 else chunk.label
    section_other = chunk.section_en if chunk.lang == "zh" else chunk.section_zh
    if chunk.section_kind in ("body", "header", "boilerplate", "unknown"):
        section_other = section_other if chunk.section != section_other else ""
    return Citation(
        chunk_id=chunk.id,
        doc_id=chunk.doc_id,
        doc_title=doc.info.title(chunk.lang),
        doc_number=doc.info.doc_number,
        section=chunk.section,
        section_other=section_other,
        label=clause,
        quote=doc.text[start:end],
        start=start,
        end=end,
        score=hit.score,
        lang=chunk.lang,
    )


def cite_chunk(chunk: Chunk, ctx: AnswerContext, score: float = 0.0) -> Citation:
    return make_citation(RetrievedChunk(chunk, score), ctx.documents[chunk.doc_id], chunk.start, chunk.end)


def where(c: Citation, lang: Language, *, clause: bool = True) -> str:
    """'EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7' in the question's language."""
    doc = c.doc_number or c.doc_title
    if c.section and c.section_other:
        section = f"{c.section}（{c.section_other}）" if lang == "zh" else f"{c.section} ({c.section_other})"
    else:
        section = c.section
    if lang == "zh":
        label = f"第{c.label}项" if c.label and clause else ""
        return "，".join(p for p in (f"《{doc}》" if not c.doc_number else doc, section, label) if p)
    label = f"clause {c.label}" if c.label and clause else ""
    return ", ".join(p for p in (doc, section, label) if p)


def quoted(text: str) -> str:
    return f"「{text}」"


def gloss_line(quotes: Sequence[str], quote_lang: Language, lang: Language) -> str:
    """Key glossary terms of quotes in the other language, glossed in the question's language."""
    if quote_lang == lang:
        return ""
    seen: dict[str, str] = {}
    for q in quotes:
        for term in find_terms(q, quote_lang):
            seen.setdefault(term.name(quote_lang), term.name(lang))
    if not seen:
        return ""
    pairs = list(seen.items())[:_MAX_GLOSSED_TERMS]
    if lang == "zh":
        return "关键词：" + "；".join(f"{a} = {b}" for a, b in pairs)
    return "Key terms: " + "; ".join(f"{a} = {b}" for a, b in pairs)


def _addressee(chunk: Chunk, lang: Language) -> tuple[str, str]:
    """The addressee in the question's language and in the other one ('' when the clause has none)."""
    if not chunk.addressee_en and not chunk.addressee_zh:
        return "", ""
    if lang == "zh":
        return chunk.addressee_zh or chunk.addressee_en, chunk.addressee_en
    return chunk.addressee_en or chunk.addressee_zh, chunk.addressee_zh


def addressee_lead(chunk: Chunk, lang: Language) -> str:
    own, other = _addressee(chunk, lang)
    if not own:
        return ""
    if lang == "zh":
        return f"{own}（{other}）" if other and other != own else own
    own = own[0].upper() + own[1:]
    return f"{own} ({other})" if other and other != own else own


def as_sentence(text: str, lang: Language) -> str:
    text = text.strip()
    if not text:
        return ""
    if lang == "zh":
        return text if text.endswith(("。", "！", "？")) else text + "。"
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
