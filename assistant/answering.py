"""From retrieved clauses to an `Answer`: support check, extractive wording, LLM answers, citation checks.

The extractive answerer never writes text of its own beyond fixed phrases,
glossary wording and structure: the addressee comes from the operative
section the clause sits in, and every quote is the source text at its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.glossary import Term, find_terms
from assistant.language import other
from assistant.lexical import tokenize
from assistant.schema import Answer, Chunk, Citation, Document, Language, RetrievedChunk

# Words that shape a question but say nothing about its topic.
_QUESTION_WORDS = set(
    [
        "who",
        "whom",
        "whose",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "must",
        "should",
        "shall",
        "does",
        "do",
        "did",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "by",
        "with",
        "about",
        "any",
        "there",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "according",
        "say",
        "says",
        "said",
        "document",
        "resolution",
        "text",
        "corpus",
        "tell",
        "me",
        "please",
        "mention",
        "mentioned",
        "state",
        "states",
        "stated",
        "does",
    ]
) | set(
    [
        "谁",
        "什么",
        "哪些",
        "哪个",
        "哪",
        "何",
        "如何",
        "怎样",
        "怎么",
        "为什么",
        "是否",
        "吗",
        "呢",
        "必须",
        "应当",
        "应该",
        "需要",
        "要",
        "的",
        "了",
        "是",
        "有",
        "在",
        "和",
        "与",
        "哪里",
        "多少",
        "几",
        "根据",
        "文件",
        "决议",
        "提到",
        "说",
        "么",
    ]
)
# "Member States" etc. are glossary terms; "states" alone is too common in questions to count.

_WHO = re.compile(
    r"^\s*(who|whom|which (body|organ|official|person|people|party|parties|entity|entities)|by whom)\b", re.I
)
_WHO_ZH = re.compile(r"谁|哪个机构|哪些机构|何人|由谁|哪位|哪一方|哪些方")
_FIGURE = re.compile(r"\b(how (many|much|often|long)|when|what year|which year|what date|how frequently)\b", re.I)
_FIGURE_ZH = re.compile(r"多少|几个|几次|何时|什么时候|哪一年|哪年|多久|多长时间|频率|多常|日期")
_NUMBER = re.compile(
    r"(?:more than |over |at least |about |some |超过|逾|约)?\d[\d,.]*(?:\s?(?:年|月|日|多个|个|%|per cent|percent))?"
)
# Questions about the document itself (its title, number, conference, place, date) are the
# only ones a header, title or dateline can answer; for any other question they match
# merely because they name the document's topic.
_METADATA = re.compile(
    r"\b(title|titled|headline|called|named|name|number|symbol|conference|where|when|date|dated|year|city|"
    r"held|place|dateline|published|filed|issued|session|document)\b",
    re.I,
)
_METADATA_ZH = re.compile(
    r"标题|题目|名称|叫什么|编号|文号|大会|会议|哪里|何地|何时|什么时候|日期|哪一年|哪年|年份|城市|举行|举办|发布|电头|文件"
)
_DOCUMENT_LEVEL = ("header", "title", "dateline")
_SENTENCE = re.compile(r"[^。；！？!?;.]*(?:[。；！？!?;]|\.(?=\s|$)|$)")


class NotSupported(Exception):
    """Internal signal: nothing retrieved supports an answer."""


@dataclass(frozen=True)
class Support:
    """How well a retrieved chunk covers the question."""

    hit: RetrievedChunk
    overlap: float  # IDF-weighted share of the question's content words found in the chunk (either language)
    dense: float

    @property
    def score(self) -> float:
        # Lexical and semantic evidence add up: a cross-lingual match shares few
        # words but is semantically close, a paraphrase the other way round.
        return self.overlap + self.dense

    def ok(self, min_support: float) -> bool:
        # Some word of the question must be in the clause: semantic closeness
        # alone is what off-topic questions also get from a small corpus.
        return self.overlap > 0 and self.score >= min_support


@dataclass(frozen=True)
class Group:
    """One content word of the question: a glossary term (matched as a whole, either language) or a BM25 token."""

    term: Term | None
    token: str = ""

    def weight(self, idf: Callable[[str], float], unknown: float) -> float:
        """Rarer words weigh more. A word the corpus never uses gets an ordinary weight, not
        the highest: in a bilingual corpus that is mostly a word of the other language.
        A term weighs as its commonest known form."""
        if self.term is None:
            w = idf(self.token)
            return unknown if w is None else w
        known = [w for form in (self.term.en, self.term.zh) for t in words(form) if (w := idf(t)) is not None]
        return min(known) if known else unknown

    def found_in(self, terms: frozenset[Term], tokens: frozenset[str]) -> bool:
        return self.term in terms if self.term is not None else self.token in tokens


def question_groups(question: str, lang: Language) -> list[Group]:
    """The question's content words: glossary terms first, then remaining words not covered by a term."""
    terms = find_terms(question, lang)
    covered = {t for term in terms for form in term.forms(lang) for t in words(form)}
    groups = [Group(term) for term in terms]
    for token in dict.fromkeys(words(question)):
        if token in covered or token in _QUESTION_WORDS or (len(token) < 2 and not token.isdigit()):
            continue
        groups.append(Group(None, token))
    return groups


@lru_cache(maxsize=65536)
def chunk_evidence(text: str) -> tuple[frozenset[Term], frozenset[str]]:
    """Glossary terms (in either language) and BM25 tokens of a chunk's text."""
    return frozenset(find_terms(text, "zh")) | frozenset(find_terms(text, "en")), frozenset(words(text))


def words(text: str) -> list[str]:
    """Content words for support checks: jieba words and stemmed English, without the
    character bigrams BM25 uses (an unseen bigram would look like a rare, unmatched word)."""
    return tokenize(text, cjk_bigrams=False)


def overlap(
    groups: Sequence[Group], evidence: tuple[frozenset[Term], frozenset[str]], idf: Callable[[str], float]
) -> float:
    """IDF-weighted share of the question's groups found in the chunk; common words weigh little."""
    if not groups:
        return 0.0
    terms, tokens = evidence
    unknown = idf("")  # the idf callable answers "" with the weight of an ordinary unseen word
    weights = [g.weight(idf, unknown) for g in groups]
    matched = sum(w for g, w in zip(groups, weights, strict=True) if g.found_in(terms, tokens))
    total = sum(weights)
    return matched / total if total else 0.0


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, trimmed; a clause without inner full stops is one sentence."""
    spans = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans or [(0, len(text))]


def best_quote(
    chunk: Chunk, groups: Sequence[Group], idf: Callable[[str], float], want_figure: bool = False
) -> tuple[int, int]:
    """Offsets (into the document) of the sentence of `chunk` that best covers the question.

    Clauses are short and quoted whole; long paragraphs are narrowed to the
    best-matching sentence so the quote points at the evidence. A how-many or
    when question prefers a sentence that has a number in it.
    """
    spans = sentences(chunk.text)
    if len(spans) == 1 or len(chunk.text) < 160:
        return chunk.start, chunk.end

    def score(a: int, b: int) -> float:
        bonus = 0.5 if want_figure and _NUMBER.search(chunk.text[a:b]) else 0.0
        return overlap(groups, chunk_evidence(chunk.text[a:b]), idf) + bonus

    scored = [(score(a, b), -i, a, b) for i, (a, b) in enumerate(spans)]
    best = max(scored)
    if best[0] == 0:
        return chunk.start, chunk.end
    return chunk.start + best[2], chunk.start + best[3]


def make_citation(hit: RetrievedChunk, doc: Document, start: int, end: int) -> Citation:
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


def figures(quote: str, lang: Language) -> list[str]:
    """Numbers and frequency words in the quote, for how-many/when questions."""
    found = [m.group(0).strip() for m in _NUMBER.finditer(quote)]
    for term in find_terms(quote, "zh" if re.search(r"[\u4e00-\u9fff]", quote) else "en"):
        if term.en == "every year":
            found.append(term.name(lang) if lang == "en" else term.zh)
    return list(dict.fromkeys(f for f in found if f))


def abstention_text(question: str, lang: Language) -> str:
    if lang == "zh":
        return f"语料中没有能回答这个问题的内容（{question.strip()}）：检索到的条款都不支持答案，因此不作回答。"
    return f"The corpus does not say. No clause in the indexed documents supports an answer to: “{question.strip()}”."


def is_who_question(question: str, lang: Language) -> bool:
    return bool(_WHO_ZH.search(question) if lang == "zh" else _WHO.search(question))


def is_figure_question(question: str, lang: Language) -> bool:
    return bool(_FIGURE_ZH.search(question) if lang == "zh" else _FIGURE.search(question))


def _where(c: Citation, lang: Language) -> str:
    """'EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7' in the question's language."""
    doc = c.doc_number or c.doc_title
    if c.section and c.section_other:
        section = f"{c.section}（{c.section_other}）" if lang == "zh" else f"{c.section} ({c.section_other})"
    else:
        section = c.section
    if lang == "zh":
        clause = f"第{c.label}项" if c.label else ""
        return "，".join(p for p in (f"《{doc}》" if not c.doc_number else doc, section, clause) if p)
    clause = f"clause {c.label}" if c.label else ""
    return ", ".join(p for p in (doc, section, clause) if p)


def extractive_text(question: str, lang: Language, chunk: Chunk, citation: Citation) -> str:
    """The answer sentence: addressee (for who-questions), where it stands, the verbatim quote, figures."""
    open_q, close_q = ("「", "」")
    where = _where(citation, lang)
    lead = ""
    if is_who_question(question, lang) and chunk.addressee_en:
        addressee, translated = (
            (chunk.addressee_zh, chunk.addressee_en) if lang == "zh" else (chunk.addressee_en, chunk.addressee_zh)
        )
        if lang == "zh":
            lead = f"{addressee}（{translated}）。"
        else:
            lead = f"{addressee[0].upper()}{addressee[1:]} ({translated})."
    if lang == "zh":
        text = f"{lead}依据：{where}：{open_q}{citation.quote}{close_q} [1]"
    else:
        text = f"{lead} According to {where}: {open_q}{citation.quote}{close_q} [1]".strip()
    if is_figure_question(question, lang):
        found = figures(citation.quote, lang)
        if found:
            text += ("\n数字：" if lang == "zh" else "\nFigures: ") + (
                "、".join(found) if lang == "zh" else "; ".join(found)
            )
    return text


@dataclass(frozen=True)
class AnswerContext:
    """Everything an answerer needs besides the question."""

    hits: list[RetrievedChunk]
    documents: dict[str, Document]
    idf: Callable[[str], float]
    min_support: float


def supports(question: str, lang: Language, ctx: AnswerContext) -> list[Support]:
    """Each hit with its support, strongest first by (passes, overlap, dense)."""
    groups = question_groups(question, lang)
    out = []
    for hit in ctx.hits:
        dense = hit.dense_score if hit.dense_score is not None else 0.0
        out.append(Support(hit, overlap(groups, chunk_evidence(hit.chunk.index_text), ctx.idf), dense))
    return out


def is_metadata_question(question: str, lang: Language) -> bool:
    return bool(_METADATA_ZH.search(question) if lang == "zh" else _METADATA.search(question))


def citable(support: Support, question: str, lang: Language, min_support: float) -> bool:
    """Supported enough, and not a document header answering a question about the content."""
    if support.hit.chunk.kind in _DOCUMENT_LEVEL and not is_metadata_question(question, lang):
        return False
    return support.ok(min_support)


def answer_extractive(question: str, lang: Language, ctx: AnswerContext) -> Answer:
    """The default, offline answer: the best supported clause, quoted, with its addressee."""
    ranked = supports(question, lang, ctx)
    passing = [s for s in ranked if citable(s, question, lang, ctx.min_support)]
    if not passing:
        return Answer(question=question, text=abstention_text(question, lang), language=lang, abstained=True)
    # Retrieval order decides unless a lower hit is clearly better supported.
    rank = {id(s): i for i, s in enumerate(ranked)}
    best = max(passing, key=lambda s: s.score - 0.05 * rank[id(s)])
    chunk = best.hit.chunk
    groups = question_groups(question, lang)
    start, end = best_quote(chunk, groups, ctx.idf, is_figure_question(question, lang))
    citation = make_citation(best.hit, ctx.documents[chunk.doc_id], start, end)
    return Answer(
        question=question,
        text=extractive_text(question, lang, chunk, citation),
        language=lang,
        citations=[citation],
    )


__all__ = [
    "AnswerContext",
    "Support",
    "abstention_text",
    "answer_extractive",
    "best_quote",
    "figures",
    "make_citation",
    "other",
    "question_groups",
    "sentences",
]
