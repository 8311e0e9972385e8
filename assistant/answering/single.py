"""The single-clause answer: the best supported clause, led by the value or addressee asked for; or an abstention.

The steps, in order: candidates (the retrieved clauses plus those of a named section
or document), support (coverage of the question's words), the coverage gate, the
near-miss fit (near_miss.py), the pick, then the answer-noun and specific-focus
checks before the quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from assistant.answering.about import unstated_about
from assistant.answering.actors import actors_in, asks_for_actors, question_actors
from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.answer_class import CLASS_NAMES
from assistant.answering.candidates import (
    support_evidence,
    support_question,
    with_contrary_candidates,
    with_named_candidates,
)
from assistant.answering.choice import Choice, coverage_gate, named_clauses, pick
from assistant.answering.citations import addressee_lead, as_sentence, cite_chunk, gloss_line, make_citation, quoted
from assistant.answering.compounds import dictionary_parts
from assistant.answering.context import AnswerContext
from assistant.answering.contradiction import (
    borrowed,
    described,
    other_dates,
    other_places,
    other_years,
    own_text,
    stating_record,
    unstated_dates,
    unstated_topic,
)
from assistant.answering.contrary import stating_sentence
from assistant.answering.document_date import document_date, misprint, misprint_lead
from assistant.answering.evidence import Group, chunk_evidence, overlap, question_groups, words
from assistant.answering.exclusions import aside_positions
from assistant.answering.gazetteer import city_names, same_city
from assistant.answering.generic import specific_supports
from assistant.answering.identifiers import document_ids
from assistant.answering.lexicons import context_lexicon, context_names, wide_translations
from assistant.answering.metadata import doc_level_chunks
from assistant.answering.metadata_scope import asks_document_number
from assistant.answering.near_miss import Fitting, Needs, fitting, names_class, needs
from assistant.answering.noun_check import unnamed
from assistant.answering.parts import asks_condition, condition_lead, condition_sentence, with_condition
from assistant.answering.polarity import yes_no_lead
from assistant.answering.reasons import reason_lead
from assistant.answering.recipients import asks_recipient, recipient_in, recipient_lead
from assistant.answering.replies import abstain, cited_text, otherwise, single_text, unattributed
from assistant.answering.sections import clauses_answer
from assistant.answering.spans import Span, best_quote, month_days, years
from assistant.answering.specifics import unsupported_specifics
from assistant.answering.subitems import counts_items, item_count, item_count_lead, sub_items
from assistant.answering.support import (
    Support,
    citable,
    clause_evidence,
    covered_terms,
    dense_match,
    document_level,
    evidence_text,
    supports,
)
from assistant.answering.synonyms import direct_translations
from assistant.answering.twins import twin_answer
from assistant.answering.values import value_kind, values, values_for_noun
from assistant.glossary import find_terms
from assistant.schema import Answer, Chunk, Citation, Language

_PRONOUN_START = re.compile(r"^(It|They|He|She|This|These|Those|Its|Their)\b")


def single_answer(
    question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext, need: Needs | None = None
) -> Answer:
    """The best supported clause, led by the value or addressee the question asks for; or an abstention.

    `need` is `near_miss.needs` of the question with `ctx.translations`, when the caller has read it already.
    """
    support_q = support_question(question, a)
    ctx = with_contrary_candidates(support_q, a, with_named_candidates(a, ctx))
    if not question_groups(support_q, lang, ctx.translations):
        # Nothing to look for ("What else must he do?" with no earlier turn): no clause can be supported.
        return abstain(question, lang)
    about_document = a.qtype in ("when", "where")
    ranked = specific_supports(
        supports(support_q, lang, ctx), support_q, lang, ctx, context_lexicon(ctx), about_document=about_document
    )
    excluded = set(a.exclude)
    passing = [
        s
        for s in ranked
        if citable(s, support_q, lang, ctx.min_support, about_document=about_document)
        and s.hit.chunk.id.split("#")[0] not in excluded
    ]
    # A paraphrase shares too few words with its clause to pass on coverage; both retrievers agreeing
    # on a clause close in meaning stands in for them (specific focuses are still checked below).
    matched = _dense_matched(ranked, ctx, excluded)
    if not passing and matched is not None:
        passing = [matched]
    if need is None:
        need = needs(question, lang, a.qtype, ctx.translations, context_names(ctx))
    choice = Choice(question, lang, a, ctx, ranked, passing, need)
    gated = coverage_gate(choice)
    if gated is not None:
        return gated
    # Covered is not enough: "which country" needs a country, "for children" must be said, "the next"
    # summit is not a past one's dateline (near_miss.py).
    fit = _class_fit(need, passing, ranked, ctx)
    if not fit.fit and fit.closest is not None:
        return _near_miss(question, lang, a, ctx, need, fit)
    best = pick(replace(choice, passing=fit.fit))
    if best is None:
        return _outside_named(choice, need)
    chunk = best.hit.chunk
    texts = [evidence_text(chunk, ctx.documents.get(chunk.doc_id))]
    if best is not matched and (lacking := unnamed(a, lang, best, ctx)):
        # "What penalties …": a clause that names no penalty does not answer, however close its topic.
        covered, _ = covered_terms(question, lang, texts)
        return abstain(question, lang, covered=covered, missing=[lacking])
    specific = _unsupported(question, lang, ctx, chunk, texts[0])
    specific = specific or (unstated_about(question, lang, chunk, ctx) if best is not matched else [])
    if specific:
        # "What is the budget …": the topic is covered, the budget is not; say so rather than quote.
        covered, _ = covered_terms(question, lang, texts)
        return abstain(question, lang, covered=covered, missing=specific)
    twins = twin_answer(support_q, lang, a, ctx, chunk, [s.hit.chunk for s in fit.fit])
    if twins:
        return clauses_answer(question, lang, twins, ctx)
    return _quoted_answer(question, lang, a, ctx, best, need)


def _class_fit(need: Needs, passing: list[Support], ranked: list[Support], ctx: AnswerContext) -> Fitting:
    """`fitting` of the passing clauses; when none names the asked class, of the retrieved ones that name it and
    cover the question only in other words ("Which kind of countries get a fair shot at these smart tools?" is
    answered by "equitable access … for developing nations", which writes none of the question's own words)."""
    fit = fitting(need, passing, ctx)
    if fit.fit or need.cls is None:
        return fit
    # The class span is the literal evidence `Support.ok` asks for: the clause names what the question asks.
    soft = [
        s
        for s in ranked
        if s not in passing and s.similar > 0 and s.reaches(ctx.min_support) and not document_level(s.hit.chunk)
    ]
    named = fitting(need, soft, ctx)
    return replace(fit, fit=named.fit) if named.fit else fit


def _unsupported(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk, evidence: str) -> list[str]:
    """The question's specific focuses (budget, vote …) that the chosen clause (`evidence`: its evidence text)
    does not state: as written or through its own translation, not a near-synonym (基金会 is no fund). A focus
    offered as the alternative of a word the clause states is read with the wider translations."""
    if asks_document_number(question, lang) and not document_ids(chunk.text):
        # "What is the resolution's number?", 决议的编号是多少: a clause that carries no document number does not say.
        return [_NUMBER_WORD[lang]]
    exact = direct_translations(question, lang, context_lexicon(ctx))
    wide = (wide_translations(question, lang, ctx), clause_evidence(chunk, lang, ctx))
    return unsupported_specifics(question, lang, chunk_evidence(evidence), exact, wide)


_NUMBER_WORD: dict[Language, str] = {"en": "its number", "zh": "编号"}


def _near_miss(
    question: str,
    lang: Language,
    a: QuestionAnalysis,
    ctx: AnswerContext,
    need: Needs,
    fit: Fitting,
) -> Answer:
    """The abstention on a near miss: what the closest clause covers and lacks. "Who recognized …?" on a
    clause that says it with no agent (and lacks nothing else) quotes what it says, and that it names no one."""
    closest = fit.unattributed
    if need.attribution is None or closest is None:
        texts = [support_evidence(fit.closest, ctx)] if fit.closest is not None else []
        # The closest clause may share only plain words; what the retrieved clauses do name of the question is
        # still worth saying ("… mention AI for Good Global Summit but not the name of a country").
        covered = covered_terms(question, lang, texts)[0] or covered_terms(question, lang, _hit_texts(ctx))[0]
        return abstain(question, lang, covered=covered, missing=fit.missing)
    chunk = closest.hit.chunk
    groups = question_groups(support_question(question, a), lang, ctx.translations)
    start, end = best_quote(chunk, groups, ctx.idf, "", None, _own_words(question, a, ctx))
    citation = make_citation(closest.hit, ctx.documents[chunk.doc_id], start, end)
    return unattributed(question, lang, citation, need.attribution.person)


def _hit_texts(ctx: AnswerContext) -> list[str]:
    """What the retrieved clauses can be said to state (support.evidence_text), each with its document's titles."""
    return [evidence_text(h.chunk, ctx.documents.get(h.chunk.doc_id)) for h in ctx.hits]


def _dense_matched(ranked: list[Support], ctx: AnswerContext, excluded: set[str]) -> Support | None:
    """`support.dense_match` of the ranked clauses, unless the question excludes that clause."""
    matched = dense_match(ranked, ctx.dense.support)
    return None if matched is None or matched.hit.chunk.id.split("#")[0] in excluded else matched


def _outside_named(c: Choice, need: Needs) -> Answer:
    """The abstention when only the other document answers a question that names one ("决议草案提到哪些民间团体…"
    answered by the article): what the named document's closest clause covers and lacks, as a near miss."""
    named = named_clauses(c)
    fit = fitting(need, named, c.ctx)
    if fit.closest is not None:
        return _near_miss(c.question, c.lang, c.analysis, c.ctx, need, fit)
    texts = [support_evidence(s, c.ctx) for s in named[:3]]
    return abstain(c.question, c.lang, covered=covered_terms(c.question, c.lang, texts)[0])


def _own_words(question: str, a: QuestionAnalysis, ctx: AnswerContext) -> frozenset[str]:
    """The question's own words and their translations, which break ties between sentences."""
    asked = words(support_question(question, a))
    return frozenset(t for w in asked for t in (w, *ctx.translations.get(w, ())))


def _widen(chunk: Chunk, start: int, end: int) -> tuple[int, int]:
    """A quote that starts with 'It' or 'They' takes in the sentence before, which names who is meant."""
    rel = start - chunk.start
    if rel > 0 and _PRONOUN_START.match(chunk.text[rel:]):
        before = chunk.text[:rel].rstrip()
        cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
        return chunk.start + (cut + 2 if cut >= 0 else 0), end
    return start, end


def _with_actor(
    question: str, lang: Language, a: QuestionAnalysis, chunk: Chunk, start: int, end: int
) -> tuple[int, int]:
    """The whole clause when a who-question's quote names no one but the question's own actors and the rest of
    the clause does: "Whom did the Assembly call on …?" is answered by "It urged all stakeholders …", the
    sentence after the one that shares most words with the question."""
    if not asks_for_actors(a.qtype, a.answer_noun) or (start, end) == (chunk.start, chunk.end):
        return start, end
    asked = question_actors(question, lang)
    quoted_text = chunk.text[start - chunk.start : end - chunk.start]
    if actors_in(quoted_text, asked) or not actors_in(chunk.text, asked):
        return start, end
    return chunk.start, chunk.end


def _covered(question: str, lang: Language, chunk: Chunk, ctx: AnswerContext) -> list[str]:
    """The question's words the clause (with its document's evidence) covers, for an abstention's wording."""
    return covered_terms(question, lang, [evidence_text(chunk, ctx.documents.get(chunk.doc_id))])[0]


def _stating_contrary(
    question: str,
    lang: Language,
    chunk: Chunk,
    groups: list[Group],
    idf: Callable[[str], float | None],
    span: tuple[int, int],
) -> tuple[int, int]:
    """`span` (document offsets of the quote), or the sentence of `chunk` stating the contrary of what the yes/no
    question presumes ("Is it only …?" against "throughout", "ever … before?" against "the first") when one
    covers as many of its `groups` as the quote does."""
    start, end = span
    quoted_evidence = chunk_evidence(chunk.text[start - chunk.start : end - chunk.start])
    least = sum(g.found_in(*quoted_evidence) for g in groups)
    stating = stating_sentence(question, lang, chunk.text, groups, idf, least)
    return (chunk.start + stating[0], chunk.start + stating[1]) if stating is not None else span


def _focused(
    question: str,
    lang: Language,
    a: QuestionAnalysis,
    chunk: Chunk,
    groups: list[Group],
    idf: Callable[[str], float | None],
    span: tuple[int, int],
) -> tuple[int, int]:
    """`span` (document offsets of the quote), or the sentence of `chunk` that states what the question asks
    beyond its words: the contrary of what a yes/no question presumes, or the condition it asks for ("on what
    condition": the sentence saying "provided that …", parts.py)."""
    if a.qtype == "yes-no":
        span = _stating_contrary(question, lang, chunk, groups, idf, span)
    if not asks_condition(question, lang):
        return span
    a_, b_ = condition_sentence(chunk.text, chunk.lang, (span[0] - chunk.start, span[1] - chunk.start))
    return chunk.start + a_, chunk.start + b_


def _quoted_answer(
    question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext, best: Support, need: Needs
) -> Answer:
    """The chosen clause quoted (its best span), led by the value, addressee or yes the question wants;
    an abstention when the span narrowed to one sentence names none of the asked class (`need.cls`)."""
    chunk = best.hit.chunk
    kind = value_kind(question, lang, a.qtype)
    groups = question_groups(support_question(question, a), lang, ctx.translations)
    parts = dictionary_parts if ctx.glosses is not None and chunk.lang == "en" else None
    # The sentence is chosen on the evidence the clause was chosen on (support.supports). Ties go to the one with
    # the question's own words or translations: "historic" lumps "milestone" with "watershed", 里程碑 is the first.
    own, aside = _own_words(question, a, ctx), aside_positions(groups, support_question(question, a), lang)
    start, end = best_quote(chunk, groups, ctx.idf, a.qtype if kind else "", parts, own, aside)
    start, end = _focused(question, lang, a, chunk, groups, ctx.idf, (start, end))
    start, end = _with_actor(question, lang, a, chunk, *_widen(chunk, start, end))
    whole = (start, end) == (chunk.start, chunk.end)
    if need.cls is not None and not whole and not names_class(need, ctx.documents[chunk.doc_id].text[start:end]):
        # The paragraph named the class in another sentence than the one carrying the question's words.
        return abstain(
            question,
            lang,
            covered=_covered(question, lang, chunk, ctx),
            missing=[CLASS_NAMES[need.lang][need.cls.name]],
        )
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
            dated = document_date(question, lang, chunk.doc_id, ctx, groups) if kind.startswith("date") else None
            if dated is not None:
                return dated
            return abstain(question, lang, covered=_covered(question, lang, chunk, ctx), qtype=a.qtype)
    if items and not kind:
        return _with_items(question, lang, ctx, best, items)
    citation = make_citation(best.hit, ctx.documents[chunk.doc_id], start, end)
    lead = condition_lead(question, lang, citation.quote, chunk.lang)  # "" unless a condition is asked (parts.py)
    if found:
        lead = as_sentence(found[0].shown(lang), lang)
    elif a.qtype == "who" and asks_recipient(question, lang):
        # "Who must the Secretary-General report to?": the body the clause addresses (向理事会报告), not its addressee.
        term = recipient_in(chunk.text, chunk.lang, question)
        lead = as_sentence(recipient_lead(term, lang), lang) if term is not None else ""
    elif a.qtype == "who" and not _names_addressee(question, lang, chunk):
        lead = as_sentence(addressee_lead(chunk, lang), lang)
    elif a.qtype == "yes-no":  # "Can I …, and on what condition?": "Yes, provided that …" (parts.py)
        return with_condition(question, lang, _yes_no(question, lang, ctx, chunk, citation), chunk.lang)
    elif a.qtype == "why":  # the reason the quote gives for what is asked, as it writes it (reasons.py)
        lead = reason_lead(groups, chunk, ctx.documents[chunk.doc_id].text[start:end], lang, ctx)
    return Answer(
        question=question, text=single_text(lead, citation, chunk.lang, lang), language=lang, citations=[citation]
    )


def _yes_no(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk, citation: Citation) -> Answer:
    """The yes/no answer from the chosen clause (`citation` quotes it), or from its document's header or
    dateline when the question asks a city, year or month the clause does not give; an abstention when what
    is asked is given otherwise or the topic is not stated. A question that asks more than the record's date
    and place ("Did the resolution adopted in March call for safe AI?") cites the clause that says it too."""
    evidence = evidence_text(chunk, ctx.documents.get(chunk.doc_id))
    record = stating_record(question, chunk.text, doc_level_chunks(ctx, chunk.doc_id))
    source = record if record is not None else chunk
    content: list[Citation] = []  # the clause, when the question asks more than the record says
    if record is not None:
        if _asks_more(question, lang, ctx, chunk, record):
            said = _saying_clause(question, lang, ctx, chunk, record)
            content = [citation if said.id == chunk.id else cite_chunk(said, ctx)]
        citation = cite_chunk(record, ctx)
    # "the resolution on WSIS outcomes": the one recalled resolution on that topic, whose record is then its own.
    named = described(question, lang, _document_clauses(ctx, chunk), ctx.translations)
    own = own_text(question, source.text, named)  # a cited document's own year is not the asked one's
    # A city or year the chosen clause's document does not state may be another document's dateline:
    # "Was the resolution adopted in New York in 2024?" on a clause of the ITU draft is the article's.
    gives = all(not found(question) or found(own) for found in (city_names, years, month_days))
    elsewhere = _other_record(question, lang, ctx, chunk) if record is None and not gives else None
    if elsewhere is not None:
        return elsewhere
    months = other_dates(question, own)
    if months:  # "April 2024" against the dateline's "21 March": the misprinted year's note does not help
        return otherwise(question, lang, citation, months)
    doc = ctx.documents.get(source.doc_id)
    cited = [*content, citation]
    printed = misprint_lead(question, lang, doc.info) if doc is not None and source.kind == "dateline" else ""
    if printed:  # the dateline's year is a typo the manifest's note corrects: say both, cited
        return Answer(
            question=question, text=cited_text(printed, cited, source.lang, lang), language=lang, citations=cited
        )
    other = other_places(question, own) or other_years(question, own)
    if other and not any(re.search(rf"(?<!\d){re.escape(o)}(?!\d)", source.text) for o in other):
        return otherwise(question, lang, citation, other)
    # A year the quote writes as a name (《2030年可持续发展议程》) is not "given otherwise", nor given.
    # Then what it asks must be the clause's own (not another document's record) and its topic stated.
    lent = borrowed(question, source.text, named)
    header = _own_record(question, lang, ctx, chunk) if lent and not other and record is None else None
    if header is not None:  # the clause's year and city are another resolution's; the header's are the ask's
        cited = [cite_chunk(header, ctx)]
        lead = yes_no_lead(question, lang, cited[0].quote, question_groups(question, lang, ctx.translations))
        return Answer(
            question=question, text=cited_text(lead, cited, header.lang, lang), language=lang, citations=cited
        )
    missing = other or lent or _unstated(question, lang, ctx, chunk, own)
    if missing:
        # "not New York" is no answer while the article's dateline gives it: only what no record states.
        unrecorded = [m for m in missing if not _recorded(m, ctx)]
        return abstain(question, lang, covered=covered_terms(question, lang, [evidence])[0], missing=unrecorded)
    # Every focus of the question is supported by the clause that follows; "not" is no focus. The lead is
    # read off the clause that says what is asked (an aim, a negation), not off a dateline.
    lead = yes_no_lead(question, lang, cited[0].quote, question_groups(question, lang, ctx.translations))
    return Answer(question=question, text=cited_text(lead, cited, source.lang, lang), language=lang, citations=cited)


def _unstated(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk, own: str) -> list[str]:
    """What a yes would assert that the clause does not state: a date, or the topic the question names."""
    evidence = evidence_text(chunk, ctx.documents.get(chunk.doc_id))
    return unstated_dates(question, own) or unstated_topic(question, lang, evidence, ctx.translations)


# A conference header's bracket (2022年，布加勒斯特) says where and when the conference met: these words of
# a question ("held", 举行) ask nothing the bracket does not state.
_MEETING_WORDS = frozenset(
    {"held", "hold", "take", "took", "taken", "place", "convened", "convene", "met", "meet", "举行", "召开", "举办"}
)


def _own_record(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk) -> Chunk | None:
    """The record of `chunk`'s document (its header) that gives every city, year and month the question asks
    as its own and states all the question's other words: "Was the Plenipotentiary Conference held in Bucharest
    in 2022?" asks the header's conference, though the clause chosen gives 2022 and Bucharest only in Resolution
    140's record. None when no record does (a year or city it gives otherwise is no "Yes")."""
    return _stating_record(question, lang, ctx, chunk.doc_id, corrected=False)


def _stating_record(question: str, lang: Language, ctx: AnswerContext, doc_id: str, corrected: bool) -> Chunk | None:
    """The first record of document `doc_id` that gives every city, year and month the question asks,
    contradicts none, and (read with the document's titles) states all its other words. `corrected`: a
    dateline's misprinted date is read as the date the manifest's note gives for it."""
    doc = ctx.documents.get(doc_id)
    fix = misprint(doc.info) if corrected and doc is not None else None
    asked = [
        g
        for g in question_groups(question, lang, ctx.translations)
        if g.token not in _MEETING_WORDS and not _date_word(g.token)
    ]
    for r in doc_level_chunks(ctx, doc_id):
        text = r.text.replace(fix.printed, fix.actual) if fix is not None and r.kind == "dateline" else r.text
        gives = all(not found(question) or found(text) for found in (city_names, years, month_days))
        against = other_places(question, text) or other_years(question, text) or other_dates(question, text)
        if not gives or against or borrowed(question, text):
            continue
        dated = chunk_evidence(evidence_text(r, doc))
        if all(g.found_in(*dated) for g in asked):
            return r
    return None


def _recorded(asked: str, ctx: AnswerContext) -> bool:
    """Whether a record (header or dateline, a misprinted date read as the manifest's note corrects it) of any
    document gives `asked`, a city or year of the question."""
    for doc_id, doc in ctx.documents.items():
        fix = misprint(doc.info)
        for r in doc_level_chunks(ctx, doc_id):
            text = r.text.replace(fix.printed, fix.actual) if fix is not None and r.kind == "dateline" else r.text
            if asked in years(text) or any(same_city(asked, c) for c in city_names(text)):
                return True
    return False


def _other_record(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk) -> Answer | None:
    """The yes/no answer from the record (header or dateline, its misprinted date read as the manifest's
    note corrects it) of a document other than `chunk`'s that gives every city, year and month the question
    asks and contradicts none; None when the question asks none, or no such record is found. The chosen
    clause's own document lacking New York says nothing against the article's dateline giving it."""
    if not (city_names(question) or years(question) or month_days(question)):
        return None
    for doc_id in ctx.documents:
        if doc_id == chunk.doc_id:
            continue
        r = _stating_record(question, lang, ctx, doc_id, corrected=True)
        if r is None:
            continue
        cited = [cite_chunk(r, ctx)]
        doc = ctx.documents[doc_id]
        printed = misprint_lead(question, lang, doc.info) if r.kind == "dateline" else ""
        lead = printed or yes_no_lead(question, lang, cited[0].quote, question_groups(question, lang, ctx.translations))
        return Answer(question=question, text=cited_text(lead, cited, r.lang, lang), language=lang, citations=cited)
    return None


def _names_addressee(question: str, lang: Language, chunk: Chunk) -> bool:
    """Whether the question itself names the clause's addressee ("Who must the Secretary-General report to?"):
    then the addressee is not who is asked for, and a lead naming it would answer with the question's subject."""
    if not chunk.addressee_zh:
        return False
    return any(t.zh == chunk.addressee_zh for t in find_terms(question, lang)) or chunk.addressee_zh in question


def _document_clauses(ctx: AnswerContext, chunk: Chunk) -> Iterator[str]:
    """The texts of `chunk`'s document's clauses (its own text when the context holds none), read only when
    asked for: `described` needs them only for a question naming a resolution by its topic."""
    texts = (c.text for c in ctx.chunks if c.doc_id == chunk.doc_id)
    first = next(texts, None)
    yield chunk.text if first is None else first
    yield from texts


def _asks_more(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk, record: Chunk) -> bool:
    """Whether the question asks words beyond its date that `record` (the dateline or header, read with its
    document's titles) does not state, so that `chunk`, the clause chosen on them, must be cited too: "call for
    safe AI" needs the clause, "the resolution on AI adopted in March 2024" does not (the title says it)."""
    doc = ctx.documents.get(chunk.doc_id)
    dated = chunk_evidence(evidence_text(record, doc))
    asked = [g for g in question_groups(question, lang, ctx.translations) if not _date_word(g.token)]
    return chunk.id != record.id and any(not g.found_in(*dated) for g in asked)


def _saying_clause(question: str, lang: Language, ctx: AnswerContext, chunk: Chunk, record: Chunk) -> Chunk:
    """The clause of `chunk`'s document (of its kind, not `record`) that states the question's words beyond its
    date best: "Did the resolution adopted in March call for safe AI?" is said by body 1 ("AI systems that
    prioritize safety") as much as by body 2 (the adoption as a "milestone in ... safe utilization"), which
    retrieval ranked first. Read with the document's titles first, then on the clause's own words; a tie goes
    to the earlier clause, since a news item's lead paragraph states what the resolution does and later ones
    comment on it. `chunk` when no clause states more."""
    asked = [g for g in question_groups(question, lang, ctx.translations) if not _date_word(g.token)]
    doc = ctx.documents.get(chunk.doc_id)

    def key(c: Chunk) -> tuple[float, float, int]:  # read with the titles, on its own words, earlier first
        read = overlap(asked, chunk_evidence(evidence_text(c, doc)), ctx.idf)
        return (read, overlap(asked, chunk_evidence(c.text), ctx.idf), -c.start)

    own = [c for c in ctx.chunks if c.doc_id == chunk.doc_id and c.id != record.id and c.kind == chunk.kind]
    return max([chunk, *own], key=key)


def _date_word(token: str) -> bool:
    """A day, year or month of the question ("21", "2024", "march", the 3 of 3月): the record's to check."""
    return token.isdigit() or any(month_days(f"in {token} 2000"))


def _with_items(
    question: str, lang: Language, ctx: AnswerContext, best: Support, items: list[Chunk], lead: str = ""
) -> Answer:
    """ "ITU's purposes include:" says nothing without the items it introduces: cite them all."""
    chunk = best.hit.chunk
    intro = cite_chunk(chunk, ctx, best.hit.score)
    citations = [intro, *(cite_chunk(c, ctx) for c in items)]
    lines = [single_text(lead, intro, chunk.lang, lang).split("\n")[0]]
    lines += [f"– {quoted(c.quote)} [{i}]" for i, c in enumerate(citations[1:], start=2)]
    gloss = gloss_line([c.quote for c in citations], chunk.lang, lang)
    return Answer(
        question=question, text="\n".join(lines + ([gloss] if gloss else [])), language=lang, citations=citations
    )
