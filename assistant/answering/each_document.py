"""What each document says: "What do the draft and the article say about the digital divide?"

A what-question that names the corpus's documents together ("the draft and the article", "the
documents", "both documents", 两份文件, 决议草案和这篇报道) asks what *each* of them says. One clause
answers it for one document only, so it is answered from each document's own clauses, numbered by
document and each cited, as a yes/no question about two resolutions is (per_document.py):

    Each document, from its own clauses:
    1. The draft resolution — According to EUR/44A25/1, 忆及 (recalling), clause c: 「…弥合数字鸿沟…」 [1]
    2. The article — According to UN General Assembly Adopts …, body (正文), clause 5: 「…digital divide…」 [2]

Each part is the answer the question gets with only that document's clauses to choose from, so it
passes every check a one-clause answer does. The question is asked of each document with the words
naming them said generically ("the documents", 文件), so that no part looks for the word "article".

A document whose part abstains does not state what is asked. A delegate still wants what the other
one says, so the answer is partial, and says so before its cited part, in the question's language:

    Only the article speaks of this; the draft resolution has no clause on it.
    The article — According to …, body (正文), clause 5: 「…enhance digital literacy…」 [1]

So is a part whose clause lacks a word another part's clause states (developing nations, in the article
only: the draft's part, chosen on the question's other words, does not say it): that document has no
clause on it. When every part lacks a word another states, no document speaks of the whole question and
it is abstained on, saying for which document. When no clause of any document answers, the corpus has
one document, or the question compares them ("in common", 异同: a partial answer compares nothing), the
one-clause answer stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answering.analysis import analyse_question
from assistant.answering.citations import gloss_line
from assistant.answering.context import AnswerContext
from assistant.answering.identifiers import compares
from assistant.answering.per_document import Answerer, narrowed, part_text, renumbered, unstated_in_parts
from assistant.answering.replies import abstain
from assistant.answering.scope import RECORD_KINDS
from assistant.answering.support import covered_terms
from assistant.schema import Answer, Document, Language

# Several documents asked of together, by number or kind: "the documents", "both texts", 两份文件, 这些文件.
_ALL: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:the|both|these|those|all|each)\s+(?:two\s+|of\s+the\s+)?(?:documents|texts|sources)\b|"
        r"\bthe\s+two\s+(?:documents|texts|sources)\b|\beach\s+(?:document|text|source)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"(?:两|二|这两|这些|各|每)[份篇个]?(?:文件|文本|文献|材料)|两份|两篇"),
}
# A document's kind as a question names it; kinds as in the manifest (DocumentInfo.kind).
_KIND: dict[str, dict[Language, str]] = {
    "resolution": {"en": r"(?:ITU\s+)?(?:draft(?:\s+resolution)?|proposal)", "zh": r"(?:决议)?草案|提案"},
    "article": {
        "en": r"(?:UN(?:IDO)?\s+)?(?:news\s+)?(?:article|news\s+item|news|story|press\s+release|report)",
        "zh": r"(?:新闻)?(?:报道|文章|新闻|稿件)",
    },
}
# Two kinds joined: "the draft and the article", "the article and the ITU draft", 草案和这篇报道.
_JOIN: dict[Language, str] = {
    "en": r"\s*(?:,|and|&|as\s+well\s+as)\s+(?:the\s+|this\s+)?",
    "zh": r"(?:和|与|及|以及|、)(?:这篇|该|这份)?",
}
_GENERIC: dict[Language, str] = {"en": "documents", "zh": "文件"}
# How a part names its document: by kind where the kind has a name, else by symbol or title.
_KIND_NAMES: dict[str, dict[Language, str]] = {
    "resolution": {"en": "the draft resolution", "zh": "决议草案"},
    "article": {"en": "the article", "zh": "报道"},
}
_LEAD: dict[Language, str] = {"en": "Each document, from its own clauses:", "zh": "各文件的条款分别如下："}
_DASH: dict[Language, str] = {"en": " — ", "zh": "——"}
_FOR: dict[Language, str] = {"en": "For {}: ", "zh": "关于{}："}
# A partial answer's lead: the documents whose own clauses speak of the asked topic (asked alone, they
# answer), then those with no clause on it; said first so that the answer cannot pass for a complete one.
_PARTIAL: dict[Language, str] = {"en": "Only {} {} of this; {}.", "zh": "仅{}谈及此事；{}。"}
# One document with no clause on the topic; or, its clauses speaking of the rest, none on some of its words.
_NONE: dict[Language, str] = {"en": "{} has no clause on it", "zh": "{}没有相关条款"}
_NONE_ON: dict[Language, str] = {"en": "{} has no clause on {}", "zh": "{}没有相关条款提及{}"}
_SEP: dict[Language, str] = {"en": "; ", "zh": "；"}
_WORDS: dict[Language, str] = {"en": ", ", "zh": "、"}
# After an abstention on a part (every part lacks a word another states): the documents that state it.
_ONLY: dict[Language, str] = {"en": " Only {} speaks of it.", "zh": "仅{}有相关条款。"}
_AND: dict[Language, str] = {"en": " and ", "zh": "和"}
# More documents than this are not listed one by one: the one-clause answer stays.
_MAX_DOCUMENTS = 4


def asked_documents(question: str, lang: Language, documents: Sequence[Document]) -> list[Document]:
    """The documents a question asks of together, in the order it names them; [] when it names fewer than
    two ("What does the article say …") or the corpus has fewer than two documents."""
    return _asked(question, lang, documents)[0]


def _asked(question: str, lang: Language, documents: Sequence[Document]) -> tuple[list[Document], str]:
    """`asked_documents`, and the question with the words naming them said generically ("the documents",
    文件: question words), so that no part is asked for the word "article" or 两份."""
    if len(documents) < 2:
        return [], question
    generic = _GENERIC[lang]
    m = _ALL[lang].search(question)
    if m:
        return list(documents), question[: m.start()] + generic + question[m.end() :]
    kinds = [k for k in dict.fromkeys(d.info.kind for d in documents) if k in _KIND]
    for first in kinds:
        for second in kinds:
            if second == first:
                continue
            m = re.search(f"(?:{_KIND[first][lang]}){_JOIN[lang]}(?:{_KIND[second][lang]})", question, re.IGNORECASE)
            if m:
                order = (first, second)
                docs = sorted((d for d in documents if d.info.kind in order), key=lambda d: order.index(d.info.kind))
                return docs, question[: m.start()] + generic + question[m.end() :]
    return [], question


def each_document_answer(
    question: str, lang: Language, answer: Answer, ctx: AnswerContext, answer_one: Answerer
) -> Answer | None:
    """The answer from each asked document's own clauses, for a what- (or why-) question asking what several documents
    say; an abstention naming a document whose clauses do not state it; None to keep `answer` (from
    `answer_one`, the one-clause answerer, which also answers each part)."""
    analysis = ctx.analysis or analyse_question(question, lang)
    if analysis.qtype not in ("what", "why") or analysis.metadata or analysis.asks_whole_section or compares(question):
        return None  # "What do the documents have in common?" asks of them together
    docs, asked = _asked(question, lang, list(ctx.documents.values()))
    if not docs or len(docs) > _MAX_DOCUMENTS or len({d.info.kind for d in docs}) < len(docs):
        return None  # two documents of one kind could not be told apart by name
    chunks = ctx.chunks or [h.chunk for h in ctx.hits]
    clauses = [c for c in chunks if c.kind not in RECORD_KINDS and not c.boilerplate]
    # Every clause of the asked documents is a candidate, as for each part: those retrieved for the
    # question with the documents' names ("draft resolution", "article") can all miss its topic.
    if answer_one(asked, lang, narrowed(ctx, [c for c in clauses if c.doc_id in {d.id for d in docs}])).abstained:
        return None  # no clause of any document supports the question: nor does one of each
    parts: list[Answer] = []
    for doc in docs:
        own = [c for c in clauses if c.doc_id == doc.id]
        if not own:
            return None
        part = answer_one(asked, lang, narrowed(ctx, own))
        if not part.abstained and (not part.citations or any(c.doc_id != doc.id for c in part.citations)):
            return None  # answered from another document's record: not this document's word
        parts.append(part)
    if all(p.abstained for p in parts):
        return None
    # A word one document's clause states and another's does not (developing nations, in the article
    # only): the other's clause, chosen on the question's remaining words, does not say it.
    unstated = unstated_in_parts(asked, lang, parts, ctx)
    speaking = [not p.abstained and not u for p, u in zip(parts, unstated, strict=True)]
    if not any(speaking):
        # Each part lacks a word another states: no document speaks of the whole question.
        doc, part, lacking = next((d, p, u) for d, p, u in zip(docs, parts, unstated, strict=True) if u)
        covered, _ = covered_terms(asked, lang, [c.quote for c in part.citations])
        no = abstain(question, lang, covered=covered, missing=lacking)
        stating = _AND[lang].join(document_name(d, lang) for d, u in zip(docs, unstated, strict=True) if not u)
        text = _FOR[lang].format(document_name(doc, lang)) + no.text + (_ONLY[lang].format(stating) if stating else "")
        return replace(no, text=text)
    if all(speaking):
        return _joined(question, lang, docs, parts, _LEAD[lang])
    said = [d for d, s in zip(docs, speaking, strict=True) if s]
    # A part that answers on the question's other words lacks only some: those are said, not "it".
    silent = [
        (d, [] if p.abstained else u) for d, p, u, s in zip(docs, parts, unstated, speaking, strict=True) if not s
    ]
    return _joined(
        question, lang, said, [p for p, s in zip(parts, speaking, strict=True) if s], _partial(lang, said, silent)
    )


def _partial(lang: Language, said: Sequence[Document], silent: Sequence[tuple[Document, list[str]]]) -> str:
    """A partial answer's lead: "Only the article speaks of this; the draft resolution has no clause on it.";
    "… has no clause on developing nations." (…没有相关条款提及发展中国家) for a document whose clauses
    speak of the question's other words only."""
    speakers = _AND[lang].join(document_name(d, lang) for d in said)
    verb = "speak" if len(said) > 1 else "speaks"
    mute = _SEP[lang].join(
        _NONE_ON[lang].format(document_name(d, lang), _WORDS[lang].join(w))
        if w
        else _NONE[lang].format(document_name(d, lang))
        for d, w in silent
    )
    return _PARTIAL[lang].format(speakers, mute) if lang == "zh" else _PARTIAL[lang].format(speakers, verb, mute)


def document_name(doc: Document, lang: Language) -> str:
    """How a part (and a heading of the LLM's prompt, llm.py) names its document: by its kind ("the
    article"), else by its symbol or title."""
    named = _KIND_NAMES.get(doc.info.kind)
    return named[lang] if named else doc.info.doc_number or doc.info.title(lang)


def _joined(question: str, lang: Language, docs: Sequence[Document], parts: Sequence[Answer], lead: str) -> Answer:
    """The parts under `lead`, numbered by document when several, their citation marks renumbered, one
    gloss line for all quotes."""
    lines = [lead]
    citations = []
    quote_langs = []
    for n, (doc, part) in enumerate(zip(docs, parts, strict=True), start=1):
        text = renumbered(part_text(part, lang), len(citations))
        name = document_name(doc, lang)
        number = f"{n}. " if len(parts) > 1 else ""
        lines.append(f"{number}{name[:1].upper()}{name[1:]}{_DASH[lang]}{text}")
        citations += part.citations
        quote_langs.append(part.citations[0].lang)
    for quote_lang in dict.fromkeys(quote_langs):
        gloss = gloss_line([c.quote for c in citations if c.lang == quote_lang], quote_lang, lang)
        if gloss:
            lines.append(gloss)
    return Answer(question=question, text="\n".join(lines), language=lang, citations=citations)
