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
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answering.actors import actors_named, asks_for_actors, is_actor_noun, question_actors
from assistant.answering.analysis import EVENT_PLACE, QuestionAnalysis, analyse_question, with_section
from assistant.answering.citations import (
    addressee_lead,
    as_sentence,
    cite_chunk,
    gloss_line,
    make_citation,
    quoted,
    where,
)
from assistant.answering.compounds import dictionary_parts
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, evidence_of, overlap, question_groups, words
from assistant.answering.generic import specific_supports
from assistant.answering.metadata import doc_level_chunks, event_record_fit, metadata_answer, metadata_documents
from assistant.answering.near_miss import fitting, needs
from assistant.answering.preference import NAME_WEIGHT, dominated, name_share, written_names
from assistant.answering.scope import asks_future
from assistant.answering.sections import (
    clauses_answer,
    list_answer,
    section_catalogue,
    section_chunks,
    section_key,
)
from assistant.answering.spans import Span, best_quote, dates
from assistant.answering.specifics import unsupported_specifics
from assistant.answering.subitems import counts_items, item_count, item_count_lead, sub_items
from assistant.answering.support import (
    MAX_UNKNOWN_SHARE,
    Support,
    absent_names,
    abstention_text,
    citable,
    covered_terms,
    dense_match,
    document_level,
    evidence_text,
    supports,
    unknown_everywhere,
    unknown_share,
)
from assistant.answering.synonyms import direct_translations, every_translation, with_synonyms
from assistant.answering.twins import twin_answer
from assistant.answering.values import has_value, value_kind, values, values_for_noun
from assistant.retrieval.dictionary import DictionaryUnavailableError, Lexicon, load_lexicon
from assistant.retrieval.wordnet import WordNet, WordNetUnavailableError, load_wordnet
from assistant.safety import chunk_flags
from assistant.schema import Answer, Chunk, Citation, Language, RetrievedChunk

_log = logging.getLogger(__name__)

_PRONOUN_START = re.compile(r"^(It|They|He|She|This|These|Those|Its|Their)\b")
# Ranking nudges for the clause to quote: retrieval order decides unless a lower hit is clearly better.
_RANK_PENALTY = 0.05
_SECTION_BONUS = 0.3
_VALUE_BONUS = 0.3
_DOC_BONUS = 0.1
# When a clause in the question's own language is citable, how much of another-language clause's
# overlap that comes only through translation is discounted: an English question's generic words
# ("protected", "both") translate into many Chinese clauses. Chosen on eval/dev (see its README).
# A clause an own-language one outdoes on all else loses all of it (preference.dominated).
CROSS_DISCOUNT = 0.5
_OWN_DATE_BONUS = 0.3  # chosen on eval/dev: the smallest that cites the header for the conference's year
# A "who" question prefers, per actor it names beyond the question's own, the clause that can name
# who (see actors.py): neighbours sharing the same words otherwise tie. Chosen on eval/dev (see its README).
ACTOR_BONUS = 0.1
# A document date answers "when did X happen" only when the document's title and dateline cover the event.
_MIN_DATE_COVERAGE = 0.5
# The clauses of a named kind of document that retrieval missed are added as candidates; beyond this
# many the corpus is too large for a scan and retrieval alone decides.
_MAX_NAMED_DOC_CHUNKS = 200


def _abstain(question: str, lang: Language, **detail: object) -> Answer:
    return Answer(question=question, text=abstention_text(question, lang, **detail), language=lang, abstained=True)  # type: ignore[arg-type]


def _widen(chunk: Chunk, start: int, end: int) -> tuple[int, int]:
    """A quote that starts with 'It' or 'They' takes in the sentence before, which names who is meant."""
    rel = start - chunk.start
    if rel > 0 and _PRONOUN_START.match(chunk.text[rel:]):
        before = chunk.text[:rel].rstrip()
        cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
        return chunk.start + (cut + 2 if cut >= 0 else 0), end
    return start, end


def _with_named_candidates(a: QuestionAnalysis, ctx: AnswerContext) -> AnswerContext:
    """Add the clauses of the section or document the question names when retrieval missed them."""
    focus = a.section if a.section_strength == "full" else None
    if focus is not None:
        # The section the question names competes even when retrieval missed it ("What does the
        # conference resolve?"): its clauses join the candidates, after the retrieved ones.
        have = {h.chunk.id for h in ctx.hits}
        ctx = _add_candidates(ctx, [c for c in section_chunks(ctx.chunks, focus) if c.id not in have])
    if a.doc_hint:
        # "the article" named: its clauses that retrieval missed compete with the retrieved ones, even
        # when some of them were retrieved (a paraphrase may find a neighbour of the answer first).
        have = {h.chunk.id for h in ctx.hits}
        extra = [
            c
            for c in ctx.chunks
            if _doc_kind(ctx, c.doc_id) == a.doc_hint and not (c.boilerplate or document_level(c) or c.id in have)
        ]
        if len(extra) <= _MAX_NAMED_DOC_CHUNKS:
            ctx = _add_candidates(ctx, extra)
    return ctx


def _add_candidates(ctx: AnswerContext, chunks: Sequence[Chunk]) -> AnswerContext:
    """`chunks` as candidates after the hits, with their dense similarity to the question where known.

    Without it they could pass neither the dense support routes nor `min_support` on a paraphrase.
    """
    # Retrieval's flagged passages were taken out before answering (chain: separate_flagged); those
    # added here bypassed that step, so the same rule applies: evidence only, never the answer.
    chunks = [c for c in chunks if not chunk_flags(RetrievedChunk(c, 0.0))]
    if not chunks:
        return ctx
    dense = ctx.similarity([c.id for c in chunks]) if ctx.similarity is not None else {}
    extra = [RetrievedChunk(c, 0.0, dense_score=dense.get(c.id)) for c in chunks]
    # Nearest first, as a dense retriever would rank them (the pick counts candidate order).
    extra.sort(key=lambda h: -(h.dense_score or 0.0))
    return replace(ctx, hits=[*ctx.hits, *extra])


@dataclass(frozen=True)
class _Choice:
    """A question and the clauses it may be answered from: ranked by support, and those that pass it."""

    question: str
    lang: Language
    analysis: QuestionAnalysis
    ctx: AnswerContext
    ranked: list[Support]
    passing: list[Support]


def _coverage_gate(c: _Choice) -> Answer | None:
    """An abstention (or the document's own date) when no clause can answer; None to go on."""
    question, lang, a, ctx, ranked, passing = c.question, c.lang, c.analysis, c.ctx, c.ranked, c.passing
    texts = [_evidence(s, ctx) for s in ranked]
    share, unknown = unknown_share(question, lang, ctx, texts)
    # Many words the corpus never uses: off topic, unless a clause is close in meaning (a paraphrase).
    close = max((s.dense for s in ranked if not document_level(s.hit.chunk)), default=0.0)
    if share >= MAX_UNKNOWN_SHARE and close < ctx.dense.paraphrase:
        covered, _ = covered_terms(question, lang, texts[:3])
        return _abstain(question, lang, covered=covered, missing=unknown)
    if passing:
        return None
    if value_kind(question, lang, a.qtype).startswith("date"):
        # The date may be only the document's own (a dateline): the clauses that say what happened
        # are then not needed as evidence, the title is.
        groups = question_groups(_support_question(question, a), lang, ctx.translations)
        for doc_id in dict.fromkeys(s.hit.chunk.doc_id for s in ranked):
            dated = _document_date(question, lang, doc_id, ctx, groups)
            if dated is not None:
                return dated
    covered, missing = covered_terms(question, lang, [evidence_text(s.hit.chunk, None) for s in ranked[:3]], ctx.idf)
    return _abstain(question, lang, covered=covered, missing=missing)


def _support_question(question: str, a: QuestionAnalysis) -> str:
    """What the clause must support: a follow-up inherits the words of the question it follows."""
    return f"{a.carried_terms} {question}" if a.follow_up else question


def _pick(c: _Choice) -> Support:
    """The clause to quote: retrieval order, nudged towards the named section/document and a needed value."""
    question, lang, a, ctx, ranked, passing = c.question, c.lang, c.analysis, c.ctx, c.ranked, c.passing
    if a.doc_hint:
        # "the draft", "the article": the user named the document; a clause of another one is not its answer.
        named = [s for s in passing if _doc_kind(ctx, s.hit.chunk.doc_id) == a.doc_hint]
        if not named:
            nearest = _nearest_named(c)
            if nearest is not None:
                return nearest
        passing = named or passing
    elif a.follow_up and a.carried_doc:
        # A follow-up is about the document of the answer it follows, unless it names another.
        passing = [s for s in passing if s.hit.chunk.doc_id == a.carried_doc] or passing
    rank = {id(s): i for i, s in enumerate(ranked)}
    own_language = any(s.hit.chunk.lang == lang and s.literal > 0 for s in passing)
    focus = a.section if a.section_strength == "full" else None
    kind = value_kind(question, lang, a.qtype)
    if kind in ("count", "amount"):
        # "How many …": only a clause with a count can answer; prefer those. (A date may be the
        # document's own, from its dateline, so "when" questions are not narrowed this way.)
        passing = [s for s in passing if has_value(kind, s.hit.chunk, question, a, lang, ctx)] or passing
    asked_actors = question_actors(question, lang) if asks_for_actors(a.qtype, a.answer_noun) else None
    names = written_names(_support_question(question, a), lang)
    has_names = {id(s): name_share(names, _evidence(s, ctx)) for s in passing} if names else {}
    most_names = max(has_names.values(), default=0.0)

    def value(s: Support) -> float:
        v = s.score - _RANK_PENALTY * rank[id(s)]
        chunk = s.hit.chunk
        if own_language and chunk.lang != lang:
            v -= (1.0 if dominated(s, passing, rank, lang) else CROSS_DISCOUNT) * (s.overlap - s.literal)
        if has_names:
            v -= NAME_WEIGHT * (most_names - has_names[id(s)])
        if focus is not None and (chunk.doc_id, section_key(chunk)) == focus:
            v += _SECTION_BONUS
        if a.follow_up and chunk.doc_id == a.carried_doc:
            v += _DOC_BONUS
        if a.doc_hint and _doc_kind(ctx, chunk.doc_id) == a.doc_hint:
            v += _SECTION_BONUS  # "the article", "the draft": the user named the document
        if kind and has_value(kind, chunk, question, a, lang, ctx):
            v += _VALUE_BONUS
            if kind.startswith("date") and document_level(chunk):
                v += _OWN_DATE_BONUS  # a date in the header or dateline is the document's own event
        if asked_actors is not None:
            v += ACTOR_BONUS * actors_named(chunk, asked_actors)
        return v

    best = max(passing, key=value)
    noun = _answer_noun_groups(a, lang, ctx)
    if not _names_noun(noun, best, ctx):
        # "Which countries …": prefer a clause that can name one; the caller abstains if none can.
        others = [s for s in passing if _names_noun(noun, s, ctx)]
        best = max(others, key=value) if others else best
    return best


def _evidence(s: Support, ctx: AnswerContext) -> str:
    return evidence_text(s.hit.chunk, ctx.documents.get(s.hit.chunk.doc_id))


def _nearest_named(c: _Choice) -> Support | None:
    """The named document's best content clause, when only clauses of the other document pass.

    "What skill …, says the story?": quoting the draft because its words match answers a question
    the user did not ask; the story's clause nearest the question is its answer, if any is.
    The answer-noun and specific-focus checks still apply to it, and it must lack nothing the question
    needs (near_miss.py): "which city hosted …, according to the article?" is not answered by the
    article's clause that names no city.
    """
    excluded = set(c.analysis.exclude)
    named = [
        s
        for s in c.ranked
        if _doc_kind(c.ctx, s.hit.chunk.doc_id) == c.analysis.doc_hint
        and not document_level(s.hit.chunk)
        and s.hit.chunk.id.split("#")[0] not in excluded
    ]
    fit = fitting(needs(c.question, c.lang, c.analysis.qtype, c.ctx.translations), named, c.ctx).fit
    return max(fit, key=lambda s: s.score) if fit else None


def single_answer(question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext) -> Answer:
    """The best supported clause, led by the value or addressee the question asks for; or an abstention."""
    support_q = _support_question(question, a)
    ctx = _with_named_candidates(a, ctx)
    if not question_groups(support_q, lang, ctx.translations):
        # Nothing to look for ("What else must he do?" with no earlier turn): no clause can be supported.
        return _abstain(question, lang)
    ranked = specific_supports(supports(support_q, lang, ctx), support_q, lang, ctx, _lexicon(ctx))
    about_document = a.qtype in ("when", "where")
    excluded = set(a.exclude)
    passing = [
        s
        for s in ranked
        if citable(s, support_q, lang, ctx.min_support, about_document=about_document)
        and s.hit.chunk.id.split("#")[0] not in excluded
    ]
    # A paraphrase shares too few words with its clause to pass on coverage; both retrievers agreeing
    # on a clause close in meaning stands in for them (specific focuses are still checked below).
    matched = dense_match(ranked, ctx.dense.support)
    if matched is not None and matched.hit.chunk.id.split("#")[0] in excluded:
        matched = None
    if not passing and matched is not None:
        passing = [matched]
    choice = _Choice(question, lang, a, ctx, ranked, passing)
    gated = _coverage_gate(choice)
    if gated is not None:
        return gated
    # Covered is not enough: "which country" needs a country, "for children" must be said, "the next"
    # summit is not a past one's dateline (near_miss.py).
    fit = fitting(needs(question, lang, a.qtype, ctx.translations), passing, ctx)
    if not fit.fit and fit.closest is not None:
        texts = [_evidence(fit.closest, ctx)]
        return _abstain(question, lang, covered=covered_terms(question, lang, texts)[0], missing=fit.missing)
    best = _pick(replace(choice, passing=fit.fit))
    chunk = best.hit.chunk
    texts = [evidence_text(chunk, ctx.documents.get(chunk.doc_id))]
    if best is not matched and not _has_answer_noun(a, lang, best, ctx):
        # "What penalties …": a clause that names no penalty does not answer, however close its topic.
        covered, _ = covered_terms(question, lang, texts)
        return _abstain(question, lang, covered=covered, missing=[a.answer_noun])
    # The precise word or its own translation, not a near-synonym: 基金会 (foundation) is no fund.
    exact = direct_translations(question, lang, _lexicon(ctx))
    specific = unsupported_specifics(question, lang, chunk_evidence(texts[0]), exact)
    if specific:
        # "What is the budget …": the topic is covered, the budget is not; say so rather than quote.
        covered, _ = covered_terms(question, lang, texts)
        return _abstain(question, lang, covered=covered, missing=specific)
    twins = twin_answer(_support_question(question, a), lang, a, ctx, chunk, [s.hit.chunk for s in fit.fit])
    if twins:
        return clauses_answer(question, lang, twins, ctx)
    return _quoted_answer(question, lang, a, ctx, best)


def _quoted_answer(question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext, best: Support) -> Answer:
    """The chosen clause quoted (its best span), led by the value, addressee or yes the question wants."""
    chunk = best.hit.chunk
    kind = value_kind(question, lang, a.qtype)
    groups = question_groups(_support_question(question, a), lang, ctx.translations)
    # The sentence is chosen on the evidence the clause was chosen on (support.supports).
    parts = dictionary_parts if ctx.glosses is not None and chunk.lang == "en" else None
    # Ties between sentences go to the one with the question's own words or their translations: a
    # glossary term lumps "milestone" with "watershed", 里程碑 translates to the first only.
    asked = words(_support_question(question, a))
    prefer = frozenset(t for w in asked for t in (w, *ctx.translations.get(w, ())))
    start, end = best_quote(chunk, groups, ctx.idf, a.qtype if kind else "", parts, prefer)
    start, end = _widen(chunk, start, end)
    items = sub_items(chunk, ctx.chunks)
    listed = kind == "count" and counts_items(question, lang)
    if items and listed:
        # "How many sub-items …": the list's own items are the count, each cited.
        return _with_items(question, lang, ctx, best, items, item_count_lead(item_count(chunk, items), lang))
    found: list[Span] = []
    if kind:
        quote_text = ctx.documents[chunk.doc_id].text[start:end]
        found = values_for_noun(kind, quote_text, a, lang, ctx) or values(kind, quote_text) or values(kind, chunk.text)
        if listed:
            found = []  # a list's items are counted by its sub-clauses: "120 member states" are no points of a plan
        if not found:
            dated = _document_date(question, lang, chunk.doc_id, ctx, groups) if kind.startswith("date") else None
            if dated is not None:
                return dated
            covered, _ = covered_terms(question, lang, [evidence_text(chunk, ctx.documents.get(chunk.doc_id))])
            return _abstain(question, lang, covered=covered, qtype=a.qtype)
    if items and not kind:
        return _with_items(question, lang, ctx, best, items)
    citation = make_citation(best.hit, ctx.documents[chunk.doc_id], start, end)
    lead = ""
    if found:
        lead = as_sentence(found[0].shown(lang), lang)
    elif a.qtype == "who":
        lead = as_sentence(addressee_lead(chunk, lang), lang)
    elif a.qtype == "yes-no":
        lead = _YES[lang]  # every focus of the question is supported by the clause that follows
    return Answer(
        question=question, text=_single_text(lead, citation, chunk.lang, lang), language=lang, citations=[citation]
    )


# The lead of a supported yes/no question; the quote that follows is the evidence. A "no" is never
# inferred: a clause that does not support the question leads to an abstention instead.
_YES: dict[Language, str] = {"en": "Yes.", "zh": "是的。"}


def _with_items(
    question: str, lang: Language, ctx: AnswerContext, best: Support, items: list[Chunk], lead: str = ""
) -> Answer:
    """ "ITU's purposes include:" says nothing without the items it introduces: cite them all."""
    chunk = best.hit.chunk
    intro = cite_chunk(chunk, ctx, best.hit.score)
    citations = [intro, *(cite_chunk(c, ctx) for c in items)]
    lines = [_single_text(lead, intro, chunk.lang, lang).split("\n")[0]]
    lines += [f"– {quoted(c.quote)} [{i}]" for i, c in enumerate(citations[1:], start=2)]
    gloss = gloss_line([c.quote for c in citations], chunk.lang, lang)
    return Answer(
        question=question, text="\n".join(lines + ([gloss] if gloss else [])), language=lang, citations=citations
    )


_NOUN_CHECKED_TYPES: tuple[str, ...] = ("which", "how-many", "how-much")


def _has_answer_noun(a: QuestionAnalysis, lang: Language, s: Support, ctx: AnswerContext) -> bool:
    """Whether the clause can name the kind of thing asked for ("What *penalties* …").

    Only a noun the corpus never uses, in either language and through any dictionary translation,
    rules a clause out: an abstract noun ("what boundary", "which stages") is often answered by a
    clause that words it differently, but no clause answers "what penalties" in a corpus without any.
    """
    return _names_noun(_answer_noun_groups(a, lang, ctx), s, ctx)


# The verb groups, the noun groups, and whether the noun is a generic word for actors ("which
# stakeholders"), which a clause names by naming any actor.
_NounGroups = tuple[list[Group], list[Group], bool] | None


def _answer_noun_groups(a: QuestionAnalysis, lang: Language, ctx: AnswerContext) -> _NounGroups:
    """The (verb, noun, actor noun) groups `_names_noun` checks, or None when the question asks for no noun.

    They depend on the question only: built once, they serve every clause compared.
    """
    if not a.answer_noun or a.qtype not in _NOUN_CHECKED_TYPES:
        return None
    # Lenient on purpose: any translation of any form the corpus uses means the noun may be answered.
    wide = _wide_translations(f"{a.answer_noun} {a.answer_verb}", lang, ctx)
    verb_groups = question_groups(a.answer_verb, lang, wide) if a.answer_verb else []
    return verb_groups, question_groups(a.answer_noun, lang, wide), is_actor_noun(a.answer_noun)


def _names_noun(groups: _NounGroups, s: Support, ctx: AnswerContext) -> bool:
    if groups is None:
        return True
    verb_groups, noun_groups, actor_noun = groups
    # "Which countries voted …": the word after the noun (mostly the verb that says what the X did)
    # unknown to the whole corpus means no clause can answer, as does an unknown noun.
    seen = chunk_evidence(_evidence(s, ctx))
    if verb_groups and all(unknown_everywhere(g, ctx.idf, seen) for g in verb_groups):
        return False
    if actor_noun and actors_named(s.hit.chunk):
        return True  # "Which stakeholders …": the clause names member states, civil society, …
    return not noun_groups or not all(unknown_everywhere(g, ctx.idf, seen) for g in noun_groups)


def _doc_kind(ctx: AnswerContext, doc_id: str) -> str:
    doc = ctx.documents.get(doc_id)
    return doc.info.kind if doc is not None else ""


def _single_text(lead: str, citation: Citation, quote_lang: Language, lang: Language) -> str:
    if lang == "zh":
        text = f"{lead}依据：{where(citation, lang)}：{quoted(citation.quote)} [1]"
    else:
        text = f"{lead} According to {where(citation, lang)}: {quoted(citation.quote)} [1]".strip()
    gloss = gloss_line([citation.quote], quote_lang, lang)
    return f"{text}\n{gloss}" if gloss else text


def _document_date(
    question: str, lang: Language, doc_id: str, ctx: AnswerContext, groups: Sequence[Group]
) -> Answer | None:
    """'When did the Assembly adopt it?' answered by the document's own date, when its title covers the event.

    Never for a question about the future ("下一次何时…", "When will … next …"): the document's date is
    when it *happened*, the near miss the clause-level check (near_miss.py) abstains on.
    """
    doc = ctx.documents.get(doc_id)
    if doc is None or asks_future(question, lang):
        return None
    for c in doc_level_chunks(ctx, doc_id):
        found = [s for s in dates(c.text)]
        if not found:
            continue
        cover = overlap(groups, chunk_evidence(evidence_text(c, doc)), ctx.idf)
        if cover < _MIN_DATE_COVERAGE:
            continue
        citation = cite_chunk(c, ctx)
        shown = found[0].shown(lang)
        if doc.info.kind == "article":
            lead = f"文章注明的日期为{shown}。" if lang == "zh" else f"The article is dated {shown} (as printed)."
        else:
            lead = f"文件日期：{shown}。" if lang == "zh" else f"The document is dated {shown}."
        return Answer(
            question=question, text=_single_text(lead, citation, c.lang, lang), language=lang, citations=[citation]
        )
    return None


def _wide_translations(text: str, lang: Language, ctx: AnswerContext) -> dict[str, tuple[str, ...]]:
    """The context's translations plus every dictionary translation of every form of the text's words."""
    wide = dict(ctx.translations)
    for stem, tokens in every_translation(text, lang, _lexicon(ctx)).items():
        wide[stem] = (*wide.get(stem, ()), *tokens)
    return wide


def _lexicon(ctx: AnswerContext) -> Lexicon | None:
    """CC-CEDICT when dictionary translation is on (the context then carries its glosses)."""
    if ctx.glosses is None:
        return None
    try:
        return load_lexicon()
    except DictionaryUnavailableError:
        return None


def _thesaurus(ctx: AnswerContext) -> WordNet | None:
    """WordNet when the thesaurus is switched on, and only with the dictionary (it extends its near-synonyms)."""
    if not ctx.thesaurus or ctx.glosses is None:
        return None
    try:
        return load_wordnet()
    except WordNetUnavailableError as exc:
        _warn_once(str(exc))
        return None


@lru_cache(maxsize=8)
def _warn_once(message: str) -> None:
    """Say once per process (not once per question) that the thesaurus is switched on but missing."""
    _log.warning("thesaurus is on but unavailable, answering without it: %s", message)


def answer_extractive(question: str, lang: Language, ctx: AnswerContext) -> Answer:
    """The default, offline answer: metadata, a whole section, or the best clause led by its short answer."""
    a = ctx.analysis or analyse_question(question, lang)
    chunks = ctx.chunks or [h.chunk for h in ctx.hits]
    # A paraphrase shares no word with its clause but often a dictionary sense: near-synonyms count too.
    asked = f"{a.carried_terms} {question}" if a.follow_up else question
    merged = with_synonyms(asked, lang, ctx.translations, _lexicon(ctx), _thesaurus(ctx))
    synonyms = {k: tuple(t for t in v if t not in ctx.translations.get(k, ())) for k, v in merged.items()}
    ctx = replace(ctx, chunks=chunks, analysis=a, translations=merged, synonyms=synonyms)
    a = with_section(a, section_catalogue(chunks))
    texts = [evidence_text(h.chunk, ctx.documents.get(h.chunk.doc_id)) for h in ctx.hits]
    # Lenient: a name counts as used when any translation of any of its forms is in the index.
    # Only an English question's capitalised words are checked through translations (see absent_names).
    wide = _wide_translations(question, lang, ctx) if lang == "en" else None
    absent = absent_names(question, lang, ctx.idf, texts, wide)
    if absent:
        return _abstain(question, lang, absent=absent)
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
            checked = _checked(question, lang, meta, ctx) if meta is not None else None
            if checked is not None:
                return checked
            break  # only a record without the event's actor gives way to the next document's
    if a.asks_whole_section:
        listed = list_answer(question, lang, a, ctx)
        checked = _checked(question, lang, listed, ctx) if listed is not None else None
        if checked is not None:
            return checked
    return single_answer(question, lang, a, ctx)


def _checked(question: str, lang: Language, answer: Answer, ctx: AnswerContext) -> Answer | None:
    """A metadata or list answer; an abstention when the question's specific focus is in none of its
    citations; None when they are not the kind of answer asked for, and single clauses compete instead
    ("In which city is the UNICRI centre?" is not answered by the city of the conference's header)."""
    chunks = _cited_chunks(answer, ctx)
    texts = [evidence_text(c, ctx.documents.get(c.doc_id)) for c in chunks]
    if not texts:
        return answer
    a = ctx.analysis or analyse_question(question, lang)
    cited = [Support(RetrievedChunk(c, 0.0), 0.0, 0.0) for c in chunks]
    if not fitting(needs(question, lang, a.qtype, ctx.translations), cited, ctx).fit:
        return None
    missing = unsupported_specifics(
        question, lang, evidence_of(texts), direct_translations(question, lang, _lexicon(ctx))
    )
    if not missing:
        return answer
    covered, _ = covered_terms(question, lang, texts)
    return _abstain(question, lang, covered=covered, missing=missing)


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
