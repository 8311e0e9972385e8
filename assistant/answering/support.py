"""Whether the retrieved text answers the question: coverage of its focus terms, not one similarity score.

Three checks, in order of strength:

* a name or figure the question relies on (an acronym, a number, a glossary
  term such as "Radiocommunication Bureau") that the corpus never uses means
  the corpus cannot answer, however close the topic;
* a question whose answer is a value (a date, a count, an amount) is only
  answered by text that has such a value;
* the clause must cover the question's content words (IDF-weighted, directly or
  through the glossary in either language) well enough, with dense similarity
  making up for words a cross-lingual or paraphrased question cannot share.
  The threshold is chosen on `eval/dev`, never on the gold suites.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assistant.answering.compounds import dictionary_parts
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import (
    Group,
    chunk_evidence,
    evidence_of,
    overlap,
    question_groups,
    unsaid_aside,
    words,
)
from assistant.answering.exclusions import aside_positions
from assistant.answering.termsim import similar_shares
from assistant.glossary import Term, match_section
from assistant.memo import BoundedCache
from assistant.schema import Chunk, Document, Language, RetrievedChunk
from assistant.text import has_cjk

_DOCUMENT_LEVEL = ("header", "title", "dateline")
# Abstain when at least this share of a question's content words occurs nowhere in the corpus, in
# either language, even through the dictionary ("Who won the 2022 World Cup?": won, cup). Chosen on
# eval/dev: 0.5 keeps every answerable dev question that is not already abstained on.
MAX_UNKNOWN_SHARE = 0.5
# Bigrams any Chinese policy text has; none indexed means an English-only index.
_COMMON_ZH_BIGRAMS = ("国际", "发展", "信息", "技术", "组织", "合作")
# Acronyms and numbers of three or more digits (years, amounts); "clause 6" is a label, not a figure.
# ASCII lookarounds: "在2019年" has a figure although Chinese characters count as \w.
_ACRONYM = re.compile(
    r"(?<![A-Za-z0-9_-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*[A-Z0-9](?![A-Za-z0-9_-])|(?<![A-Za-z0-9_/-])\d{3,}(?![A-Za-z0-9_/-])"
)
# A capitalised word inside an English sentence is a name ("Australia", "Radiocommunication").
# One that only says where a thing is based ("the *Paris*-based policy organisation") describes that thing,
# whose name the corpus may give without its seat: it is no name the question relies on.
_CAPITALISED = re.compile(r"(?<=[a-z0-9,;:'’)] )[A-Z][a-z]{2,}\b(?!-based\b)")
# Two or more capitalised words in a row: a multi-word name.
_NAME_RUN = re.compile(r"\b[A-Z][\w-]*(?:\s+(?:of|on|for|and|the)?\s*[A-Z][\w-]*)+")
_LONG_NAME = 3  # content words
# The dense-similarity thresholds (a paraphrase despite unknown words; a paraphrase supported by the
# retrievers' agreement) are cosines on the embedding model's scale: per model in
# `settings.DENSE_THRESHOLD_PROFILES`, reaching the answerer as `AnswerContext.dense`.


@dataclass(frozen=True)
class Support:
    """How well a retrieved chunk covers the question."""

    hit: RetrievedChunk
    overlap: float  # IDF-weighted share of the question's content words found (chunk, its context, its document title)
    dense: float
    # The same share counting only the question's own words and glossary names, no translation,
    # gloss or near-synonym: generic words ("protected", "both") translate into many clauses.
    literal: float = 0.0
    # The share of the question's words the clause lacks but says in other words (termsim.py), already
    # weighted down; 0 without a term similarity in the context. It counts towards whether the clause
    # is supported (`ok`), not towards `score`, which ranks the clauses: on eval/dev, ranking by it
    # too quoted a neighbour (a paragraph of many words has some close to any question word).
    similar: float = 0.0

    @property
    def score(self) -> float:
        # Lexical and semantic evidence add up: a cross-lingual match shares few
        # words but is semantically close, a paraphrase the other way round.
        return self.overlap + self.dense

    def ok(self, min_support: float) -> bool:
        # Some word of the question must be in the clause: semantic closeness (of the whole, or of
        # words said in other words) alone is what off-topic questions also get from a small corpus.
        # (Also accepting a clause with `similar` only changed no dev answer; the stricter rule stays.)
        if self.firm(min_support):
            return True
        # Words said in other words complete what the clause says in the question's own words (or its
        # glossary names), not what only translations found: a translated word and a word similarity
        # together are two guesses ("landmark for the world body" made 联合国大会's recalled resolution 140
        # citable, eval/dev README, "Soft term coverage by default").
        return self.literal > 0 and self.reaches(min_support)

    def reaches(self, min_support: float) -> bool:
        """Whether its overlap with words said in other words reaches the bar: `ok` without the literal word, which
        a caller may find elsewhere (single._class_fit: the clause names the class the question asks for)."""
        return self.score + self.similar >= min_support

    def firm(self, min_support: float) -> bool:
        """Supported without `similar`: the coverage check as it is with soft term coverage off."""
        return self.overlap > 0 and self.score >= min_support

    def soft_only(self, min_support: float) -> bool:
        """Supported only thanks to words said in other words (`similar`): such a clause may be quoted when it
        is the best, but it is no evidence against the others (choice.pick)."""
        return self.similar > 0 and not self.firm(min_support) and self.ok(min_support)


def dense_match(ranked: Sequence[Support], threshold: float) -> Support | None:
    """The first retrieved content clause when both retrievers agree it is the closest in meaning.

    Fused rank 1 *and* dense rank 1 *and* a dense similarity of at least `threshold`: on its own a
    similarity is what an off-topic question also gets from a small corpus, but the agreement of
    the fused ranking and the nearest neighbour at a calibrated similarity is evidence of a
    paraphrase. A header or title never counts (it is close to every question on its topic).
    `threshold` is the model's `DenseThresholds.support`.
    """
    first = next((s for s in ranked if not document_level(s.hit.chunk)), None)
    if first is not None and first.hit.dense_rank == 1 and first.dense >= threshold:
        return first
    return None


def evidence_text(chunk: Chunk, doc: Document | None) -> str:
    """What a clause can be said to state: its text, its section names and act, and the title of its document."""
    # The manifest's source ("UNIDO news item") is what the document is; every clause inherits it.
    titles = f"{doc.info.title_en}\n{doc.info.title_zh}\n{doc.info.source}" if doc is not None else ""
    return f"{chunk.index_text}\n{_section_act(chunk)}{titles}"


def _section_act(chunk: Chunk) -> str:
    """The act its heading records, as a question says it: a "resolves" clause states what was decided."""
    found = match_section(chunk.section) if chunk.section_kind == "operative" and chunk.section else None
    if found is None or not (found[0].acts_en or found[0].acts_zh):
        return ""
    return " ".join((*found[0].acts_en, *found[0].acts_zh)) + "\n"


def clause_text(chunk: Chunk, doc: Document | None) -> str:
    """What the clause itself writes: its text, section names and lead-in lines, not its document's titles."""
    # A news item's clauses have its title as their indexing context: that line goes too.
    titles = {doc.info.title_en, doc.info.title_zh} if doc is not None else set()
    return "\n".join(line for line in chunk.index_text.split("\n") if line.strip() not in titles)


def supports(question: str, lang: Language, ctx: AnswerContext) -> list[Support]:
    """Each hit with its support, in retrieval order."""
    groups = question_groups(question, lang, ctx.translations, ctx.synonyms)
    own = question_groups(question, lang)
    evidence = [clause_evidence(hit.chunk, lang, ctx) for hit in ctx.hits]
    # A phrase the question sets aside counts only in a clause that states it (evidence.unsaid_aside).
    aside, own_aside = aside_positions(groups, question, lang), aside_positions(own, question, lang)
    unsaid = [unsaid_aside(groups, aside, e, ctx.idf) for e in evidence]
    similar = [0.0] * len(ctx.hits)
    if ctx.term_similarity is not None:
        clauses = [(e, hit.chunk.text) for e, hit in zip(evidence, ctx.hits, strict=True)]
        similar = similar_shares(question, lang, groups, clauses, ctx.term_similarity, ctx.idf, unsaid)
    out = []
    for hit, (terms, tokens), soft, skip in zip(ctx.hits, evidence, similar, unsaid, strict=True):
        dense = hit.dense_score if hit.dense_score is not None else 0.0
        plain = chunk_evidence(evidence_text(hit.chunk, ctx.documents.get(hit.chunk.doc_id)))[1]
        literal = overlap(own, (terms, plain), ctx.idf, own_aside if skip else frozenset())
        out.append(Support(hit, overlap(groups, (terms, tokens), ctx.idf, skip), dense, literal, soft))
    return out


def clause_evidence(
    chunk: Chunk, lang: Language, ctx: AnswerContext, title: bool = True
) -> tuple[frozenset[Term], frozenset[str]]:
    """What a clause offers a question in `lang`: its evidence text's terms and words (without `title`, not
    its document's title), plus (with the dictionary) the English senses of a Chinese clause's words, or an
    English clause's compound parts."""
    doc = ctx.documents.get(chunk.doc_id)
    terms, tokens = chunk_evidence(evidence_text(chunk, doc) if title else clause_text(chunk, doc))
    if ctx.glosses is not None and chunk.lang == "en":
        # "life" is found in "lifecycle", a compound the dictionary does not list (compounds.py).
        return terms, tokens | dictionary_parts(chunk.text)
    return terms, tokens | clause_glosses(chunk, lang, ctx)


def clause_glosses(chunk: Chunk, lang: Language, ctx: AnswerContext) -> frozenset[str]:
    """The English senses of a Chinese clause's words, and the English words of the glossary terms it writes
    (its lead-in lines included), for an English question (with the dictionary on); nothing otherwise.

    The glossary is the surer translation: "purposes" is in 国际电联的宗旨 ("purposes of the Union"), though
    the dictionary's first senses of 宗旨 are "aim" and "goal".
    """
    if ctx.glosses is not None and lang == "en" and chunk.lang == "zh":
        terms = chunk_evidence(chunk.index_text)[0]
        return glossed_tokens(chunk.text, ctx.glosses) | frozenset(w for t in terms for w in words(t.en))
    return frozenset()


_GLOSSED: BoundedCache[str, frozenset[str]] = BoundedCache()
_MAX_GLOSSES = 3


def glossed_tokens(text: str, glosses: Callable[[str], Sequence[str]]) -> frozenset[str]:
    """English words (stemmed) of the first dictionary senses of a Chinese text's words; cached per text."""

    def gloss() -> frozenset[str]:
        out: set[str] = set()
        for word in words(text):
            if has_cjk(word):
                for sense in list(glosses(word))[:_MAX_GLOSSES]:
                    out.update(words(sense))
        return frozenset(out)

    return _GLOSSED.get(text, gloss)


def document_level(chunk: Chunk) -> bool:
    return chunk.kind in _DOCUMENT_LEVEL


def citable(
    support: Support, question: str, lang: Language, min_support: float, *, about_document: bool = False
) -> bool:
    """Supported enough, and not a header/title/dateline answering a question about the content.

    A document's header matches any question on its topic; it only answers questions about the
    document itself (metadata) or about when and where it happened.
    """
    if document_level(support.hit.chunk) and not about_document:
        return False
    return support.ok(min_support)


def absent_names(
    question: str,
    lang: Language,
    idf: Callable[[str], float | None],
    texts: Sequence[str] = (),
    translations: Mapping[str, tuple[str, ...]] | None = None,
) -> list[str]:
    """Names and figures of the question that the corpus never uses: acronyms, numbers, named glossary terms.

    Such a word cannot be paraphrased away: "TSB", "2025" or 无线电通信局 either is in the documents
    or the documents do not answer. Only names count (a term written with a capital or known by an
    acronym); general words such as "news" or "date" may be missing from a text that still answers.
    `texts` (the retrieved clauses and document titles) let a multi-word English name count as
    present where the index has only its separate words. A capitalised word inside an English
    question is a name too; it counts as absent only when none of its `translations` is indexed
    either ("Bucharest" is in the corpus as 布加勒斯特). A body's name is checked as a whole in
    `bodies.absent_bodies` ("World Health Organization", whose every word is in the corpus).
    """
    groups = question_groups(question, lang)
    haystack = "\n".join(texts).casefold()
    missing: list[str] = []
    for g in groups:
        term = g.term
        if term is None or not is_name(term.en, term.en_aliases):
            continue
        if term_known(term.zh, term.forms("en"), idf):
            continue
        if any(" " in f and f.casefold() in haystack for f in term.forms("en")):
            continue
        missing.append(term.name(lang))
    # A question typed in capitals ("DID THE RESOLUTION URGE …?") writes every word as an acronym would be
    # written: its capitals tell no name, its figures still do, and each word is left to the coverage checks.
    found = (m.group(0) for m in _ACRONYM.finditer(question))
    specific = {t for f in found if not (shouted(question) and f[:1].isalpha()) for t in words(f)}
    term_words = {t for g in groups if g.term is not None for f in g.term.forms(lang) for t in words(f)}
    for g in groups:
        if g.term is None and g.token in specific and g.token not in term_words and idf(g.token) is None:
            if re.search(rf"(?<!\w){re.escape(g.token)}(?!\w)", haystack):
                continue  # given by a text that is not indexed (a date the corpus manifest corrects)
            missing.append(g.token.upper() if g.token.isalpha() else g.token)
    if lang == "en" and not shouted(question):
        named = {t for m in _CAPITALISED.finditer(question) for t in words(m.group(0))} - specific - term_words
        # A word of a long name ("World Intellectual Property Organization") may stand for a Chinese
        # name the dictionary cannot match word by word: only one without any translation counts there.
        # A short one ("World Cup", "Radiocommunication Sector") is checked word by word.
        runs = [words(m.group(0)) for m in _NAME_RUN.finditer(question)]
        in_names = {t for run in runs if len(run) >= _LONG_NAME for t in run}
        seen = evidence_of(texts)
        for g in question_groups(question, lang, translations):
            if (
                g.term is None
                and g.token in named
                and (g.token not in in_names or not g.alts)
                and unknown_everywhere(g, idf, seen)
            ):
                missing.append(shown_word(g, question, lang))
    return missing


def shouted(question: str) -> bool:
    """Whether the question's Latin words are all in capitals, so that none is marked as a name by them."""
    return re.search(r"[A-Za-z]", question) is not None and question.upper() == question


def is_name(en: str, aliases: Sequence[str]) -> bool:
    """A proper name ("Radiocommunication Bureau", "TSB"), not a phrase such as "member states of the UN"."""
    return en[:1].isupper() or any(a.isupper() and len(a) > 1 for a in aliases)


def term_known(zh: str, en_forms: Sequence[str], idf: Callable[[str], float | None]) -> bool:
    """Whether the index has a glossary term: its Chinese form through the character bigrams BM25 keeps
    (a phrase check that word pieces cannot fake: 无线电通信局 shares 通信 and 局 with indexed text but
    not 信局), or a one-word English form (an acronym such as TSB). Multi-word English forms are not
    evidence: "Telecommunication Standardization Bureau" has three common words and no phrase check.
    An index without Chinese text falls back to all words of an English form."""
    runs = re.findall(r"[\u4e00-\u9fff]+", zh)
    bigrams = [f"\u00b7{r[i : i + 2]}" for r in runs for i in range(len(r) - 1)]
    has_cjk_index = any(idf(f"\u00b7{b}") is not None for b in _COMMON_ZH_BIGRAMS)
    if bigrams and has_cjk_index and all(idf(b) is not None for b in bigrams):
        return True
    for form in en_forms:
        toks = words(form)
        if toks and all(idf(t) is not None for t in toks) and (len(toks) == 1 or not has_cjk_index):
            return True
    return False


def unknown_everywhere(
    group: Group, idf: Callable[[str], float | None], seen: tuple[frozenset[Term], frozenset[str]] | None = None
) -> bool:
    """A word the corpus never uses in either language: neither it nor any of its dictionary translations.

    `seen` is the evidence of the retrieved texts with their document titles and sources, which
    the index may not hold ("news" in "UNIDO news item", a multi-word name). A near-synonym does not
    make a word known: "the vote" read as the adoption (phrasings.py) is still a word no document uses.
    """
    if seen is not None and group.strength(*seen) == 1.0:
        return False
    if group.term is not None:
        if seen is not None and any(set(words(f)) <= seen[1] for f in group.term.forms("en") if words(f)):
            return False  # 会员国 = "member states of the United Nations": all its words are in the texts
        return not term_known(group.term.zh, group.term.forms("en"), idf)
    return idf(group.token) is None and all(idf(a) is None for a in group.alts if a not in group.near)


def unknown_share(question: str, lang: Language, ctx: AnswerContext, texts: Sequence[str]) -> tuple[float, list[str]]:
    """Share of the question's content words that the corpus never uses (in any language), and those words."""
    seen = evidence_of(texts)
    # A near-row subject ("the vote", "the passing": phrasings.py) that a text words as the adoption is no word
    # the corpus lacks, nor one it states (a near-synonym adds nothing to coverage): the share is taken over the
    # words that can carry coverage, so an idiom a clause states is not outvoted by the subject it is said of.
    groups = [g for g in question_groups(question, lang, ctx.translations) if not near_only(g, seen)]
    if not groups:
        return 0.0, []
    unknown = [g for g in groups if unknown_everywhere(g, ctx.idf, seen)]
    share = sum(g.words for g in unknown) / sum(g.words for g in groups)
    return share, [shown_word(g, question, lang) for g in unknown]


def near_only(group: Group, evidence: tuple[frozenset[Term], frozenset[str]]) -> bool:
    """Whether `evidence` has the word only through a near-synonym of it (none of its own words or translations)."""
    return group.found_in(*evidence) and group.strength(*evidence) < 1.0


def covered_terms(
    question: str, lang: Language, texts: Sequence[str], idf: Callable[[str], float | None] | None = None
) -> tuple[list[str], list[str]]:
    """The question's content words that the given texts cover, and those they do not (display forms).

    Only glossary names are echoed as covered, and a plain word as missing only when the corpus never
    uses it: an abstention must not repeat words planted in a document ("say PWNED") as its own.
    """
    groups = question_groups(question, lang)
    terms, tokens = evidence_of(texts)
    found, missing = [], []
    for g in groups:
        if g.found_in(terms, tokens):
            if g.term is not None:
                found.append(shown_word(g, question, lang))
        elif g.term is not None or (idf is not None and idf(g.token) is None):
            missing.append(shown_word(g, question, lang))
    return list(dict.fromkeys(found)), list(dict.fromkeys(missing))


def shown_word(g: Group, question: str, lang: Language) -> str:
    """A question word as an answer names it: a glossary term in the question's language, or as written."""
    if g.term is not None:
        return g.term.name(lang)
    return as_written(g.token, question)


def as_written(token: str, question: str) -> str:
    """The question's own spelling of a stemmed word ("penalti" -> "penalties").

    A Chinese word is shown as it is: the question's run of characters around it is a whole clause
    ("今后各方要一起制定什么"), and an abstention must not echo the question.
    """
    if has_cjk(token):
        return token
    # A hyphenated word is one token and its parts ("Paris-based": paris-based, pari, base): a part is shown
    # as its own word ("Paris"), never as its stem.
    for pattern in (r"[\w-]+", r"\w+"):
        for m in re.finditer(pattern, question):
            if words(m.group(0))[:1] == [token]:
                return m.group(0)
    return token


_NO_VALUE = {
    "en": {
        "when": "give no date for it",
        "how-many": "give no number for it",
        "how-much": "give no figure for it",
    },
    "zh": {"when": "没有给出相关日期", "how-many": "没有给出相关数字", "how-much": "没有给出相关金额"},
}


# What an abstention says, per language: a lead, then what the corpus does and does not cover.
_ABSTENTION = {
    "zh": {
        "lead": "语料中没有能回答这个问题的内容。",
        "absent": "文件中没有提到{absent}。",
        "no_value": "文件提到了{covered}，但{no_value}。",
        "missing": "文件提到了{covered}，但没有涉及{missing}。",
        "nothing": "检索到的条款都不支持答案，因此不作回答。",
    },
    "en": {
        "lead": "The corpus does not say.",
        "absent": " The documents never mention {absent}.",
        "no_value": " The documents mention {covered} but {no_value}.",
        "missing": " The documents mention {covered} but not {missing}.",
        "nothing": " No clause in the indexed documents supports an answer to this question.",
    },
}


def abstention_text(
    question: str,
    lang: Language,
    *,
    covered: Sequence[str] = (),
    missing: Sequence[str] = (),
    qtype: str = "",
    absent: Sequence[str] = (),
) -> str:
    """Say plainly that the corpus does not answer, and what it does cover, in the question's language.

    The question is not echoed: words planted in a document and repeated in a question must not
    come back as the assistant's own text.
    """
    t = _ABSTENTION[lang]
    # A word the documents do mention, alone or inside a covered phrase ("2030" in "2030 Agenda …"), is not
    # what they lack: "mention … Bucharest but not Bucharest" contradicted itself.
    missing = [m for m in missing if not any(m.casefold() in c.casefold() for c in covered)]
    if absent:
        case = "absent"
    elif covered and qtype in _NO_VALUE[lang]:
        case = "no_value"
    elif covered and missing:
        case = "missing"
    else:
        case = "nothing"
    if lang == "zh":
        absent_s, covered_s, missing_s = "、".join(absent), "、".join(covered[:4]), "、".join(missing[:4])
    else:
        absent_s, covered_s, missing_s = ", ".join(absent), _join(covered[:4]), _join(missing[:4], "or")
    # Corpus words go in as format arguments, never as templates: braces in them stay text.
    detail = t[case].format(
        absent=absent_s, covered=covered_s, missing=missing_s, no_value=_NO_VALUE[lang].get(qtype, "")
    )
    return t["lead"] + detail


def _join(items: Sequence[str], conj: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]
