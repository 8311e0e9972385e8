"""Which clause answers: the coverage gate (answer or abstain) and the pick among the clauses that pass.

Retrieval order decides unless a lower hit is clearly better: in the section or
document the question names, in the question's own language, naming the value,
the names or the actors it asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.answering.about import noun_topic, states_topic
from assistant.answering.actors import (
    answer_actors,
    asks_for_actors,
    names_subject,
    question_actor_terms,
    question_subject,
)
from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.candidates import doc_kind, support_evidence, support_question
from assistant.answering.context import AnswerContext
from assistant.answering.contrary import stated_contraries, worded_contraries
from assistant.answering.correspondence import asks_correspondence, states_correspondence
from assistant.answering.document_date import document_date
from assistant.answering.evidence import chunk_evidence, question_groups
from assistant.answering.metadata import doc_level_chunks
from assistant.answering.near_miss import Needs, fitting
from assistant.answering.noun_check import answer_noun_groups, names_noun
from assistant.answering.parts import asks_condition, states_condition
from assistant.answering.preference import NAME_WEIGHT, dominated, name_share, outcovers, written_names
from assistant.answering.reasons import reason_nudge
from assistant.answering.recipients import asks_recipient, recipient_in
from assistant.answering.replies import abstain
from assistant.answering.sections import section_key
from assistant.answering.site_notice import notice_topics, words_topic
from assistant.answering.spans import month_days
from assistant.answering.support import (
    MAX_UNKNOWN_SHARE,
    Support,
    clause_text,
    covered_terms,
    document_level,
    evidence_text,
    near_only,
    unknown_share,
)
from assistant.answering.values import has_value, value_kind
from assistant.schema import Answer, Language

# Ranking nudges for the clause to quote: retrieval order decides unless a lower hit is clearly better.
_RANK_PENALTY = 0.05
_SECTION_BONUS = 0.3
_VALUE_BONUS = 0.3
_DOC_BONUS = 0.1
# A which-question's clause that does not itself state the topic its noun is on ("resolution *on the 2030
# Agenda*") loses what naming the section would win; only its document's title states it.
_OFF_TOPIC_PENALTY = _SECTION_BONUS
# When a clause in the question's own language is citable, how much of another-language clause's
# overlap that comes only through translation is discounted: an English question's generic words
# ("protected", "both") translate into many Chinese clauses. Chosen on eval/dev (see its README).
# A clause an own-language one outdoes on all else loses all of it (preference.dominated).
CROSS_DISCOUNT = 0.5
_OWN_DATE_BONUS = 0.3  # chosen on eval/dev: the smallest that cites the header for the conference's year
# A "who" question prefers, per actor it names beyond the question's own, the clause that can name
# who (see actors.py): neighbours sharing the same words otherwise tie. Chosen on eval/dev (see its README).
# A clause that does not name the question's own actors gets none (actors.answer_actors).
ACTOR_BONUS = 0.1
# A why-question prefers the clause that gives a reason for what it asks about, by the share of the question
# the reason is given for (reasons.reason_nudge); a clause whose only reason is the question's own words loses
# as much, and one giving no reason half what the surest reason wins (dev-hy02). Chosen on eval/dev (see its README).
REASON_BONUS = 0.3
# A clause that itself says, in a text's words, the event a question names in its own ("the adoption of this
# resolution" for "the passing"), is the one about it: a near-synonym adds nothing to coverage, only this much
# to the choice among clauses that pass (a news item's paragraphs all share its title's "Adopts").
SUBJECT_BONUS = 0.1


@dataclass(frozen=True)
class Choice:
    """A question and the clauses it may be answered from: ranked by support, and those that pass it.

    `needs` is what the question needs of its answer beyond coverage (near_miss.needs), read once per question.
    """

    question: str
    lang: Language
    analysis: QuestionAnalysis
    ctx: AnswerContext
    ranked: list[Support]
    passing: list[Support]
    needs: Needs


def coverage_gate(c: Choice) -> Answer | None:
    """An abstention (or the document's own date) when no clause can answer; None to go on."""
    question, lang, a, ctx, ranked, passing = c.question, c.lang, c.analysis, c.ctx, c.ranked, c.passing
    texts = [support_evidence(s, ctx) for s in ranked]
    share, unknown = unknown_share(question, lang, ctx, texts)
    # Many words the corpus never uses: off topic, unless a clause is close in meaning (a paraphrase).
    close = max((s.dense for s in ranked if not document_level(s.hit.chunk)), default=0.0)
    if share >= MAX_UNKNOWN_SHARE and close < ctx.dense.paraphrase:
        covered, _ = covered_terms(question, lang, texts[:3])
        return abstain(question, lang, covered=covered, missing=unknown)
    if passing:
        return None
    if value_kind(question, lang, a.qtype).startswith("date"):
        # The date may be only the document's own (a dateline): the clauses that say what happened
        # are then not needed as evidence, the title is.
        groups = question_groups(support_question(question, a), lang, ctx.translations)
        for doc_id in dict.fromkeys(s.hit.chunk.doc_id for s in ranked):
            dated = document_date(question, lang, doc_id, ctx, groups)
            if dated is not None:
                return dated
    covered, missing = covered_terms(question, lang, [evidence_text(s.hit.chunk, None) for s in ranked[:3]], ctx.idf)
    return abstain(question, lang, covered=covered, missing=missing)


def pick(c: Choice) -> Support | None:
    """The clause to quote: retrieval order, nudged towards the named section/document and a needed value.

    None when the question names a kind of document the corpus has ("the draft", 报道) and none of its
    clauses can answer: a clause of the other document answers a question the user did not ask.
    """
    a, ctx, passing = c.analysis, c.ctx, c.passing
    if a.section_act:
        # "What did the conference decide?": only its deciding section's clauses are decisions; one recalling
        # its earlier resolution (本届大会…第140号决议) shares the words, not the act.
        passing = [s for s in passing if (s.hit.chunk.doc_id, section_key(s.hit.chunk)) == a.section] or passing
    if a.doc_hint:
        # "the draft", "the article": the user named the document; a clause of another one is not its answer.
        named = named_clauses(c)
        if not named:
            nearest = nearest_named(c)
            if nearest is not None:
                return nearest
            if has_kind(ctx, a.doc_hint):
                return None
        passing = named or passing
    elif a.follow_up and a.carried_doc:
        # A follow-up is about the document of the answer it follows, unless it names another.
        passing = [s for s in passing if s.hit.chunk.doc_id == a.carried_doc] or passing
    return _best(c, passing)


def _best(c: Choice, passing: list[Support]) -> Support:
    """The best of `passing` (the choice's passing clauses, narrowed to a named or carried document): retrieval
    order, nudged towards the named section/document, a needed value, the names and actors asked for."""
    question, lang, a, ctx = c.question, c.lang, c.analysis, c.ctx
    rank = _ranks(c, passing)
    # A clause supported only by words said in other words (soft term coverage) may be quoted, but it does
    # not discount the others: only if firmly supported does an own-language clause make the other
    # language's translated coverage suspect (dev-172: the article's paragraph on the digital divide,
    # soft-supported, had the draft's clause on who plays a pivotal part in AI development lose to it).
    firm = [s for s in passing if not s.soft_only(ctx.min_support)]
    own_language = any(s.hit.chunk.lang == lang and s.literal > 0 for s in firm)
    focus = a.section if a.section_strength == "full" else None
    kind = value_kind(question, lang, a.qtype)
    passing = _answering_kind(c, passing, kind)
    asked_actors = question_actor_terms(question, lang) if asks_for_actors(a.qtype, a.answer_noun) else None
    # "Was the resolution adopted on 21 March?": only a document that dates something to a month can say yes
    # or otherwise; a clause of the draft, whose header gives a year only, sharing "resolution" cannot.
    dated_docs = _month_dated(c) if a.qtype == "yes-no" and month_days(question) else None
    names = written_names(support_question(question, a), lang)
    has_names = {id(s): name_share(names, support_evidence(s, ctx)) for s in passing} if names else {}
    most_names = max(has_names.values(), default=0.0)
    # "Which resolution *on the 2030 Agenda* …": the clause that names one on it, not one whose title does.
    topic = noun_topic(question, lang, a.answer_noun) if a.qtype == "which" else ""
    off_topic = {id(s) for s in passing if not states_topic(topic, lang, s.hit.chunk, ctx)} if topic else set()
    nudges = _nudges(c, passing)

    def value(s: Support) -> float:
        v = s.score - _RANK_PENALTY * rank[id(s)]
        chunk = s.hit.chunk
        if outcovers(s, firm, lang):
            # A Chinese question's English clauses that out-cover every Chinese one are told apart by the
            # dictionary's first senses, which miss the paraphrases that words said in other words find
            # (强调 / "underscores", 全过程 / "entire lifecycle"): those count too. Only among such clauses:
            # an English clause lifted above a Chinese one by word similarity quoted the wrong one (dev-y08).
            v += s.similar
        elif own_language and chunk.lang != lang:
            v -= (1.0 if dominated(s, firm, rank, lang) else CROSS_DISCOUNT) * (s.overlap - s.literal)
        if has_names:
            v -= NAME_WEIGHT * (most_names - has_names[id(s)])
        if id(s) in off_topic:
            v -= _OFF_TOPIC_PENALTY
        if focus is not None and (chunk.doc_id, section_key(chunk)) == focus:
            v += _SECTION_BONUS
        if a.follow_up and chunk.doc_id == a.carried_doc:
            v += _DOC_BONUS
        if a.doc_hint and doc_kind(ctx, chunk.doc_id) == a.doc_hint:
            v += _SECTION_BONUS  # "the article", "the draft": the user named the document
        if kind and has_value(kind, chunk, question, a, lang, ctx):
            v += _VALUE_BONUS
            if kind.startswith("date") and document_level(chunk):
                v += _OWN_DATE_BONUS  # a date in the header or dateline is the document's own event
        if asked_actors is not None:
            v += ACTOR_BONUS * answer_actors(chunk, asked_actors, clause_text(chunk, ctx.documents.get(chunk.doc_id)))
        if dated_docs is not None and (chunk.doc_id in dated_docs or month_days(chunk.text)):
            v += _VALUE_BONUS
        return v + nudges[id(s)]

    return _naming_noun(c, passing, value)


def _ranks(c: Choice, passing: list[Support]) -> dict[int, int]:
    """Each clause's place in retrieval order (by id); 0 for one of `passing` stating a rare, sure contrary the
    yes/no question presumes or words (contrary.py: 超出…职权 for 是不是都管得了): the question's words are not
    its words, so retrieval, which ranked it by them or missed it (candidates.py), says nothing of it (dev-wc14)."""
    rank = {id(s): i for i, s in enumerate(c.ranked)}
    if c.analysis.qtype == "yes-no":
        for s in passing:
            if any(k.rare and k.sure for k in stated_contraries(c.question, c.lang, s.hit.chunk.text)):
                rank[id(s)] = 0
    return rank


def _nudges(c: Choice, passing: list[Support]) -> dict[int, float]:
    """Per passing clause (by id), what its own text adds to its value: stating what the question asks in other
    words (`_stating`), and for a why-question, giving a reason for what the question asks about, or losing when
    its only reason is the question's own words (reasons.py)."""
    stating = _stating(c, passing)
    why = c.analysis.qtype == "why"
    asked = support_question(c.question, c.analysis)
    groups = question_groups(asked, c.lang, c.ctx.translations, c.ctx.synonyms)
    reasons = {id(s): reason_nudge(groups, s.hit.chunk, c.lang, c.ctx) for s in passing} if why else {}
    # A clause that gives no reason for what is asked says why less than another clause giving one for it, and
    # more than one whose reason is the question's own words (converse, -1): it loses half what the surest wins.
    surest = max(reasons.values(), default=0.0) / 2
    # Near-row subjects only ("the vote", "the passing" read as the adoption: phrasings.py), not the thesaurus's.
    subjects = [g for g in question_groups(asked, c.lang, c.ctx.translations) if g.near]
    out: dict[int, float] = {}
    for s in passing:
        v = _VALUE_BONUS if id(s) in stating else 0.0
        if why:
            v += REASON_BONUS * (reasons[id(s)] or -surest)
        if any(near_only(g, chunk_evidence(s.hit.chunk.text)) for g in subjects):
            v += SUBJECT_BONUS
        out[id(s)] = v
    return out


def _stating(c: Choice, passing: list[Support]) -> set[int]:
    """The ids of those of `passing` that state what the question asks in other words than its own: what it is in
    line with ("what does it align with"), the contrary of what a yes/no question presumes ("Had it ever … before?"
    against "the first", "Is it only …?" against "also"), the condition it asks for ("provided that …", parts.py),
    and the notice's wording of a notice topic it asks ("UNIDO's formal position" against "reflect the views of
    UNIDO", not the clause on links sharing "official")."""
    question, lang = c.question, c.lang
    matches = asks_correspondence(question, lang)
    presumes = c.analysis.qtype == "yes-no" and bool(worded_contraries(question, lang))
    # A contrary that is not `sure` ("obliged" against "consider whether") counts for the clause saying most of
    # the question's words as such: "obliged to inform the governing body" is about the report, not 考虑…是否.
    literal = max((s.literal for s in passing), default=0.0)
    notice = notice_topics(question)
    conditional = asks_condition(question, lang)
    return {
        id(s)
        for s in passing
        if (matches and states_correspondence(s.hit.chunk.text))
        or (
            presumes
            and any(k.sure or s.literal >= literal for k in stated_contraries(question, lang, s.hit.chunk.text))
        )
        or words_topic(s.hit.chunk, notice)
        or (conditional and states_condition(s.hit.chunk.text, s.hit.chunk.lang))
    }


def _naming_noun(c: Choice, passing: list[Support], value: Callable[[Support], float]) -> Support:
    """The best of `passing` by `value`, preferring one that can name the answer noun ("Which countries …");
    the caller abstains if none can."""
    best = max(passing, key=value)
    noun = answer_noun_groups(c.analysis, c.lang, c.ctx)
    if names_noun(noun, best, c.ctx):
        return best
    others = [s for s in passing if names_noun(noun, s, c.ctx)]
    return max(others, key=value) if others else best


def has_kind(ctx: AnswerContext, kind: str) -> bool:
    """Whether the context holds a document of `kind` ("resolution", "article"): a question naming a kind no
    document is (a cue misread) keeps all documents' clauses."""
    return any(d.info.kind == kind for d in ctx.documents.values())


def named_clauses(c: Choice) -> list[Support]:
    """The passing clauses of the kind of document the question names (all passing ones when it names none)."""
    if not c.analysis.doc_hint:
        return c.passing
    return [s for s in c.passing if doc_kind(c.ctx, s.hit.chunk.doc_id) == c.analysis.doc_hint]


def _month_dated(c: Choice) -> frozenset[str]:
    """The documents among the passing clauses' whose header or dateline names a month (the article's "21 March")."""
    docs = dict.fromkeys(s.hit.chunk.doc_id for s in c.passing)
    return frozenset(d for d in docs if any(month_days(r.text) for r in doc_level_chunks(c.ctx, d)))


def nearest_named(c: Choice) -> Support | None:
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
        if doc_kind(c.ctx, s.hit.chunk.doc_id) == c.analysis.doc_hint
        and not document_level(s.hit.chunk)
        and s.hit.chunk.id.split("#")[0] not in excluded
    ]
    fit = fitting(c.needs, named, c.ctx).fit
    return max(fit, key=lambda s: s.score) if fit else None


def _answering_kind(c: Choice, passing: list[Support], kind: str) -> list[Support]:
    """Those of `passing` that can give what the question asks (all of them when none can)."""
    question, lang, a = c.question, c.lang, c.analysis
    if kind in ("count", "amount"):
        # "How many …": only a clause with a count can answer; prefer those. (A date may be the
        # document's own, from its dateline, so "when" questions are not narrowed this way.)
        return [s for s in passing if has_value(kind, s.hit.chunk, question, a, lang, c.ctx)] or passing
    if asks_for_actors(a.qtype, a.answer_noun) and (subject := question_subject(question, lang)):
        # "Who did ITU organise the summit with?": a clause that never names the summit names no one in it.
        passing = [s for s in passing if names_subject(s.hit.chunk, subject)] or passing
    if a.qtype == "who" and asks_recipient(question, lang):
        # "To whom …": a clause that names someone it addresses (与成员国分享) answers; one naming partners does not.
        return [s for s in passing if recipient_in(s.hit.chunk.text, s.hit.chunk.lang, question)] or passing
    return passing
