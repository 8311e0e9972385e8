"""Sections of the corpus and whole-section answers: every clause of "责成秘书长", numbered, counted, cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.answering.actors import issuing_bodies
from assistant.answering.analysis import QuestionAnalysis, SectionName
from assistant.answering.citations import addressee_lead, cite_chunk, gloss_line, quoted, where
from assistant.answering.context import AnswerContext
from assistant.glossary import find_terms, section_by_key
from assistant.schema import Answer, Chunk, Language


def section_key(chunk: Chunk) -> str:
    """The section part of a chunk id (`…/operative/secretary-general/7` -> `secretary-general`), or ""."""
    parts = chunk.id.split("#")[0].split("/")
    if len(parts) >= 3 and parts[1] in ("preamble", "operative"):
        return parts[2]
    return ""


def _verbless(heading: str, lang: Language) -> str:
    """'责成发展局主任' -> '发展局主任': the addressee as a question names it, without the operative verb."""
    if lang == "zh":
        for verb in ("责成", "请", "鼓励", "敦促", "要求"):
            if heading.startswith(verb) and len(heading) > len(verb) + 1:
                return heading[len(verb) :]
    return ""


# How a question refers to the conference whose draft it asks about, without its name: "What did the
# conference decide?", 本届大会 (the draft's own word for it). Bare 大会 is also the General Assembly's name.
_THIS_CONFERENCE: dict[Language, tuple[str, ...]] = {
    "en": ("conference",),
    "zh": (*(f"{d}{n}" for d in ("本届", "本次", "这次", "这届", "此次", "该届") for n in ("大会", "会议")),),
}


def issuers(header: str, lang: Language) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The English and Chinese names of the bodies a document's header says issue it ("国际电信联盟全权代表大会":
    ITU, the Plenipotentiary Conference, "the conference"), whose act its deciding sections record."""
    bodies = issuing_bodies(header, lang)
    gathering = any(t.en.endswith("Conference") for t in bodies)
    en = tuple(dict.fromkeys(f for t in bodies for f in t.forms("en")))
    zh = tuple(dict.fromkeys(f for t in bodies for f in t.forms("zh")))
    if gathering:
        en, zh = (*en, *_THIS_CONFERENCE["en"]), (*zh, *_THIS_CONFERENCE["zh"])
    if bodies and re.search(r"草案|\bdraft\b", header, re.IGNORECASE):
        # "What does the draft decide?": a draft resolution says what its conference is to decide.
        en, zh = (*en, "draft"), (*zh, "草案")
    return en, zh


@lru_cache(maxsize=8)
def _catalogue(
    chunks_key: tuple[tuple[str, str, str, str, str, str, str], ...], headers: tuple[tuple[str, str, Language], ...]
) -> tuple[SectionName, ...]:
    issued = {doc_id: issuers(text, lang) for doc_id, text, lang in headers}
    out: dict[tuple[str, str], SectionName] = {}
    for doc_id, key, section, sec_en, sec_zh, addr_en, addr_zh in chunks_key:
        if (doc_id, key) in out:
            continue
        # The English heading first, then the addressee (the head-word match uses the addressee),
        # then the glossary's other names for the addressee ("BDT Director").
        aliases_en = tuple(
            a for t in find_terms(addr_en, "en") if t.en == addr_en.removeprefix("the ") for a in t.en_aliases
        )
        aliases_zh = tuple(a for t in find_terms(addr_zh, "zh") if t.zh == addr_zh for a in t.zh_aliases)
        names_en = (sec_en, addr_en, *aliases_en)
        names_zh = tuple(
            dict.fromkeys(
                n
                for n in (section, sec_zh, addr_zh, _verbless(section, "zh"), _verbless(sec_zh, "zh"), *aliases_zh)
                if n
            )
        )
        entry = section_by_key(key)
        acts = (entry.acts_en, entry.acts_zh) if entry is not None and doc_id in issued else ((), ())
        by = issued.get(doc_id, ((), ())) if any(acts) else ((), ())
        out[(doc_id, key)] = SectionName(doc_id, key, names_en, names_zh, *acts, *by)
    return tuple(out.values())


def section_catalogue(chunks: Sequence[Chunk]) -> tuple[SectionName, ...]:
    """Every preamble/operative section of the corpus with the names a question may use for it."""
    rows = tuple(
        dict.fromkeys(
            (c.doc_id, k, c.section, c.section_en, c.section_zh, c.addressee_en, c.addressee_zh)
            for c in chunks
            if (k := section_key(c))
        )
    )
    headers = tuple((c.doc_id, c.text, c.lang) for c in chunks if c.kind == "header")
    return _catalogue(rows, headers)


def section_chunks(chunks: Sequence[Chunk], section: tuple[str, str]) -> list[Chunk]:
    """The chunks of one section in document order."""
    doc_id, key = section
    return sorted((c for c in chunks if c.doc_id == doc_id and section_key(c) == key), key=lambda c: c.start)


def top_label(chunk: Chunk) -> str:
    return chunk.path[1] if len(chunk.path) > 1 else chunk.label or chunk.id.rsplit("/", 1)[-1]


def list_answer(question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext) -> Answer | None:
    """Every clause of the focus section, numbered and each cited, with how many there are."""
    section = a.focus_section
    if section is None:
        return None
    members = [c for c in section_chunks(ctx.chunks, section) if c.id.split("#")[0] not in set(a.exclude)]
    members = [c for c in members if c.text.strip()]
    if not members:
        return None
    return clauses_answer(question, lang, members, ctx, other=bool(a.exclude))


def clauses_answer(
    question: str, lang: Language, members: Sequence[Chunk], ctx: AnswerContext, *, other: bool = False
) -> Answer:
    """Clauses of one section, numbered and each cited, led by the addressee and how many there are."""
    citations = [cite_chunk(c, ctx) for c in members]
    n = len(dict.fromkeys(top_label(c) for c in members))
    first = members[0]
    head = where(citations[0], lang, clause=False)
    lead = addressee_lead(first, lang)
    if lang == "zh":
        count = f"另有{n}项" if other else f"共{n}项"
        intro = f"{lead}：{count}（{head}）：" if lead else f"{head}{count}："
    else:
        word = "clause" if n == 1 else "clauses"
        count = f"{n} other {word}" if other else f"{n} {word}"
        intro = f"{lead}: {count} ({head}):" if lead else f"{head}: {count}:"
    lines = [intro]
    for i, (c, cit) in enumerate(zip(members, citations, strict=True), start=1):
        label = " – ".join(p for p in c.path[1:] if p) if len(c.path) > 1 else c.label
        lines.append(f"{label or i}. {quoted(cit.quote)} [{i}]")
    gloss = gloss_line([c.quote for c in citations], first.lang, lang)
    if gloss:
        lines.append(gloss)
    return Answer(question=question, text="\n".join(lines), language=lang, citations=citations)
