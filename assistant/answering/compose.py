"""The extractive answer: short answer first, then the verbatim quote and where it stands.

Four shapes, chosen from the question analysis:

* **metadata** (title, symbol, date, publisher, conference, place): from the
  corpus manifest, citing the document's header, title or dateline;
* **a whole section** ("What must the Director do?", "List what the draft
  recalls", "What else must he do?"): every clause of it, numbered and cited,
  with the count;
* **one clause**, led by the value the question asks for: an addressee, a
  date or frequency, a count with its unit, an amount;
* **an abstention** that says what the documents do cover.

The answerer never writes text of its own beyond fixed phrases, glossary
wording and structure; every quote is the source text at its offsets.

This module is the entry: it reads the question once (analysis, synonyms, what
its answer needs), tries the metadata and whole-section shapes, and hands the
rest to `single.single_answer`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache

from assistant.answering.analysis import analyse_question, with_section
from assistant.answering.bodies import absent_bodies
from assistant.answering.candidates import support_question
from assistant.answering.citations import gloss_line, make_citation, where
from assistant.answering.context import AnswerContext
from assistant.answering.document_date import misprint
from assistant.answering.each_document import each_document_answer
from assistant.answering.evidence import evidence_of
from assistant.answering.identifiers import document_ids
from assistant.answering.lexicons import context_lexicon, context_names, wide_translations
from assistant.answering.metadata import event_record_fit, metadata_answer, metadata_documents
from assistant.answering.near_miss import Needs, carried, fitting, needs
from assistant.answering.per_document import per_document_answer
from assistant.answering.qtypes import EVENT_PLACE
from assistant.answering.replies import abstain, only_of
from assistant.answering.sections import list_answer, section_catalogue
from assistant.answering.single import single_answer
from assistant.answering.specifics import unsupported_specifics
from assistant.answering.support import (
    Support,
    absent_names,
    clause_evidence,
    covered_terms,
    document_level,
    evidence_text,
)
from assistant.answering.synonyms import direct_translations, with_phrase_synonyms, with_synonyms
from assistant.retrieval.wordnet import WordNet, WordNetUnavailableError, load_wordnet
from assistant.schema import Answer, Chunk, Language, RetrievedChunk

_log = logging.getLogger(__name__)


def _thesaurus(ctx: AnswerContext) -> WordNet | None:
    """WordNet when the thesaurus is switched on, and only with the dictionary (it extends its near-synonyms)."""
    return _wordnet(ctx.thesaurus and ctx.glosses is not None, "thesaurus")


def _phrase_thesaurus(ctx: AnswerContext) -> WordNet | None:
    """WordNet for the question's multiword lemmas (`Settings.thesaurus_phrases`), when it is installed."""
    return _wordnet(ctx.thesaurus_phrases, "thesaurus_phrases")


def _wordnet(wanted: bool, setting: str) -> WordNet | None:
    """WordNet when `wanted` (by the `setting` named) and installed; a missing one is reported once per
    setting and answering goes on."""
    if not wanted:
        return None
    try:
        return load_wordnet()
    except WordNetUnavailableError as exc:
        _warn_once(setting, str(exc))
        return None


@lru_cache(maxsize=8)
def _warn_once(setting: str, message: str) -> None:
    """Say once per process (not once per question) that `setting` asks for WordNet and it is missing."""
    _log.warning("%s is on but WordNet is unavailable, answering without it: %s", setting, message)


def answer_extractive(question: str, lang: Language, ctx: AnswerContext) -> Answer:
    """The default, offline answer: metadata, a whole section, or the best clause led by its short answer;
    on some of the documents the question names, it says which ("This answer covers only …"), unless
    one clause per document answers (per_document.py: "Were Resolutions 139 and 140 both revised?"; and
    each_document.py: "What do the draft and the article say about the digital divide?")."""
    answer = _answer(question, lang, ctx)
    each = per_document_answer(question, lang, answer, ctx, _answer)
    if each is None:
        each = each_document_answer(question, lang, answer, ctx, _answer)
    return each if each is not None else which_documents(question, lang, answer, ctx)


def which_documents(question: str, lang: Language, answer: Answer, ctx: AnswerContext) -> Answer:
    """`answer` led by the named documents its citations carry, when they are not all the question names
    ("Resolutions 139 and 140" answered from the clause recalling 140 alone); extractive or generated."""
    ids = document_ids(question)
    if answer.abstained or len(ids) < 2:
        return answer
    chunks = _cited_chunks(answer, replace(ctx, chunks=ctx.chunks or [h.chunk for h in ctx.hits]))
    has = {i for c in chunks for i in carried(ids, c, clause_evidence(c, lang, ctx))}
    if not has or len(has) == len(ids):
        return answer
    return replace(answer, text=only_of([i.shown for i in ids if i in has], lang) + answer.text)


def _answer(question: str, lang: Language, ctx: AnswerContext) -> Answer:
    """`answer_extractive` before the note on which named documents it covers."""
    a = ctx.analysis or analyse_question(question, lang)
    chunks = ctx.chunks or [h.chunk for h in ctx.hits]
    # A paraphrase shares no word with its clause but often a dictionary sense: near-synonyms count too.
    support_q = support_question(question, a)
    # A WordNet collocation's synonyms ("turning point" -> watershed) are as precise as a translation.
    translations = with_phrase_synonyms(support_q, lang, ctx.translations, _phrase_thesaurus(ctx))
    merged = with_synonyms(support_q, lang, translations, context_lexicon(ctx), _thesaurus(ctx))
    synonyms = {k: tuple(t for t in v if t not in translations.get(k, ())) for k, v in merged.items()}
    ctx = replace(ctx, chunks=chunks, analysis=a, translations=merged, synonyms=synonyms)
    a = with_section(a, section_catalogue(chunks))
    texts = [evidence_text(h.chunk, ctx.documents.get(h.chunk.doc_id)) for h in ctx.hits]
    # The retrieved documents' records too: "New York" is used by the article's dateline, retrieved or not.
    hit_docs = {h.chunk.doc_id for h in ctx.hits}
    texts += [c.text for c in chunks if c.doc_id in hit_docs and document_level(c)]
    # And the date the manifest gives for a misprinted one (2024 for the article's "21 March, 2004").
    fixes = [misprint(ctx.documents[d].info) for d in hit_docs if d in ctx.documents]
    texts += [f.actual for f in fixes if f is not None]
    # Lenient: a name counts as used when any translation of any of its forms is in the index.
    # Only an English question's capitalised words are checked through translations (see absent_names).
    wide = wide_translations(question, lang, ctx) if lang == "en" else None
    absent = absent_names(question, lang, ctx.idf, texts, wide)
    # A body named as a whole ("the World Bank", 世界卫生组织) is said as such, not by its odd word ("Bank").
    bodies = absent_bodies(question, lang, ctx.idf, texts, context_lexicon(ctx), ctx.chunks)
    absent = bodies + [w for w in absent if not any(w.casefold() in b.casefold() for b in bodies)]
    if absent:
        return abstain(question, lang, absent=absent)
    # What the answer needs beyond coverage (a country, "for children", a future event): read once.
    need = needs(question, lang, a.qtype, ctx.translations, context_names(ctx))
    if a.metadata:
        # "Where did the General Assembly adopt …?": the record that names the event's actor is the
        # answer's, though retrieval ranks the other document first.
        event = a.metadata == "place" and re.search(EVENT_PLACE[lang], question, re.IGNORECASE) is not None
        for doc_id in metadata_documents(a, ctx):
            fit = event_record_fit(question, lang, ctx, doc_id) if event and doc_id in ctx.documents else ""
            if fit == "object":
                break
            if fit == "actor":
                continue
            meta = metadata_answer(question, lang, a, ctx, doc_id)
            checked = _checked(question, lang, meta, ctx, need) if meta is not None else None
            if checked is not None:
                return checked
            break  # only a record without the event's actor gives way to the next document's
    if a.asks_whole_section:
        listed = list_answer(question, lang, a, ctx)
        checked = _checked(question, lang, listed, ctx, need) if listed is not None else None
        if checked is not None:
            return checked
    return single_answer(question, lang, a, ctx, need)


def _checked(question: str, lang: Language, answer: Answer, ctx: AnswerContext, need: Needs) -> Answer | None:
    """A metadata or list answer; an abstention when the question's specific focus is in none of its
    citations; None when they are not the kind of answer asked for, and single clauses compete instead
    ("In which city is the UNICRI centre?" is not answered by the city of the conference's header)."""
    chunks = _cited_chunks(answer, ctx)
    texts = [evidence_text(c, ctx.documents.get(c.doc_id)) for c in chunks]
    if not texts:
        return answer
    cited = [Support(RetrievedChunk(c, 0.0), 0.0, 0.0) for c in chunks]
    if not fitting(need, cited, ctx).fit:
        return None
    missing = unsupported_specifics(
        question, lang, evidence_of(texts), direct_translations(question, lang, context_lexicon(ctx))
    )
    if not missing:
        return answer
    covered, _ = covered_terms(question, lang, texts)
    return abstain(question, lang, covered=covered, missing=missing)


def _cited_chunks(answer: Answer, ctx: AnswerContext) -> list[Chunk]:
    ids = {c.chunk_id for c in answer.citations}
    return [c for c in ctx.chunks if c.id in ids]


__all__ = [
    "answer_extractive",
    "gloss_line",
    "list_answer",
    "make_citation",
    "metadata_answer",
    "section_catalogue",
    "single_answer",
    "where",
]
