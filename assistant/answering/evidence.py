"""Lexical evidence: the content words of a question and whether a text contains them, in either language.

A question is reduced to groups (a glossary term, matched as a whole in either
language, or a stemmed word); a text's evidence is its glossary terms and
words. `overlap` weighs the groups found by IDF so that rare words count most.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.answering.words import QUESTION_FUNCTION_WORDS
from assistant.glossary import Term, find_terms
from assistant.lexical import tokenize
from assistant.phrasings import Phrased, phrasings_in, wording_tokens
from assistant.schema import Language

# Words that shape a question but say nothing about its topic.
_QUESTION_WORDS = set(
    QUESTION_FUNCTION_WORDS
    | frozenset(
        [
            "ask",
            "asked",
            "corpus",
            "did",
            "do",
            "document",
            "does",
            "earlier",
            "get",
            "gets",
            "give",
            "list",
            "make",
            "mentioned",
            "must",
            "need",
            "needs",
            "resolution",
            "shall",
            "should",
            "state",
            "stated",
            "states",
            "sure",
            # "is he supposed to report?" asks what he must do, as "should" does.
            "supposed",
            "text",
            "一下",
            # "about" (English, a stop word): 关于 X asks about X, it is no word a clause must state.
            "关于",
            "何时",
            "其",
            "决议",
            "可以",
            "哪一",
            "哪一天",
            "哪一年",
            "应当",
            "应该",
            "必须",
            "文件",
            "时候",
            "能否",
            "能够",
            "要",
            "认为",
            # 哪方面 / 在…方面 asks or frames "in which respect": 方面 is no topic (a clause's 成果方面 is none either).
            "方面",
            "该",
            "这",
            "这一",
            "这个",
            "这些",
            "这份",
            "这篇",
            "这项",
            "需要",
        ]
    )
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
        # Framing verbs of questions ("give all", "make sure", "is asked to"): no topic in them.
        "else",
        "many",
        "much",
        "give",
        "list",
        "ask",
        "asked",
        "make",
        "sure",
        "need",
        "needs",
        "get",
        "gets",
        "earlier",
        "可以",
        "何时",
        "认为",
        "能否",
        "能够",
        "需要",
        # Demonstratives and time words of Chinese questions ("这项决议", "什么时候"): no topic in them.
        "这",
        "这项",
        "这个",
        "这些",
        "这篇",
        "这份",
        "这一",
        "该",
        "时候",
        "哪一",
        "哪一天",
        "哪一年",
        "一下",
        "呢",
        "那么",
        "还",
        "他",
        "她",
        "它",
        "他们",
        "它们",
        "其",
    ]
)
# "Member States" etc. are glossary terms; "states" alone is too common in questions to count.


@dataclass(frozen=True)
class Group:
    """One content word of the question: a glossary term (matched as a whole, either language) or a BM25 token.

    `alts` are the word's dictionary translations as index tokens (e.g. "·报告" for "report"), so that
    an English word is found in a Chinese clause and the other way round.
    """

    term: Term | None
    token: str = ""
    alts: tuple[str, ...] = ()
    # Those of `alts` that are near-synonyms rather than translations: weaker evidence (see `overlap`).
    near: frozenset[str] = frozenset()
    # Those of `near` that stand for an everyday phrasing's wording (phrasings.py, weak): no evidence at all in
    # `overlap` ("the vote" is said of every paragraph of a news item on an adoption), only not unknown.
    phrased: frozenset[str] = frozenset()
    # How many of the question's words it stands for: a description (descriptions.py) all of its own, so that
    # reading "people's basic freedoms" as human rights does not make the question's other words a larger share
    # of it (support.unknown_share; dev-34 was refused for "worry, acting, against" once it was one word).
    words: int = 1

    def weight(self, idf: Callable[[str], float | None], unknown: float) -> float:
        """Rarer words weigh more. A word the corpus never uses gets an ordinary weight, not
        the highest: in a bilingual corpus that is mostly a word of the other language.
        A term weighs as its commonest known form, and a form as its rarest known word: a
        name is as specific as its most specific word ("AI for Good Global Summit" is not
        as common as "AI"), and it is found whichever of its two forms a clause uses."""
        if self.term is None:
            w = idf(self.token)
            return unknown if w is None else w
        forms = [[w for t in words(form) if (w := idf(t)) is not None] for form in (self.term.en, self.term.zh)]
        known = [max(f) for f in forms if f]
        return min(known) if known else unknown

    def found_in(self, terms: frozenset[Term], tokens: frozenset[str]) -> bool:
        if self.term is not None:
            return self.term in terms
        return self.token in tokens or any(a in tokens for a in self.alts)

    def strength(self, terms: frozenset[Term], tokens: frozenset[str]) -> float:
        """1 when the word or a translation is in the text, NEAR_WEIGHT when only a near-synonym is, else 0."""
        if not self.found_in(terms, tokens):
            return 0.0
        if self.term is not None or self.token in tokens or any(a in tokens for a in self.alts if a not in self.near):
            return 1.0
        return NEAR_WEIGHT if any(a in tokens for a in self.near - self.phrased) else 0.0


# How much a word found only through a near-synonym counts towards overlap, against 1 for the word
# itself or its translation. Chosen on eval/dev (its README, "Near-synonyms in overlap, stop 16"): 0.3 fixed
# 3 questions and broke none once everyday phrasings' wordings (`Group.phrased`) were kept at 0.
NEAR_WEIGHT = 0.3

# Phrases that frame a question ("take place", "according to the article") and would otherwise be
# read as content, some of them as glossary terms ("place" is a form of "city").
_FRAMING = re.compile(
    r"\b(take|took|taken|takes) place\b|\baccording to\b|\bhow (many|much|often)\b|\bin particular\b|"
    r"\bwhat (year|date|day|month)\b|\bwhich (year|date|day|month)\b|\bat what intervals?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def question_stems() -> frozenset[str]:
    """Question words as the tokenizer stems them ("according" -> "accord")."""
    return frozenset(t for w in _QUESTION_WORDS for t in words(w)) | frozenset(_QUESTION_WORDS)


def written_in(group: Group, text: str) -> bool:
    """Whether a glossary term is written out in `text`, though the glossary may read a longer term there:
    "information society" / 信息社会 in 信息社会世界峰会. A Latin form must stand as a word ("AI" is not in "said")."""
    term = group.term
    if term is None:
        return False
    forms = (term.en, term.zh, *term.en_aliases, *term.zh_aliases)
    return any(re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", text, re.IGNORECASE) for f in forms if f)


def question_groups(
    question: str,
    lang: Language,
    translations: Mapping[str, tuple[str, ...]] | None = None,
    near: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Group]:
    """The question's content words: glossary terms first, then remaining words not covered by a term.

    `translations` maps a word (as `words` stems it) to index tokens of its dictionary translations;
    `near` says which of them are near-synonyms only.
    """
    translations = translations or {}
    near = near or {}
    question = _FRAMING.sub(" ", question)
    # Everyday phrasings of a text's wording (phrasings.py): "the vote", 这次表决 get the adoption's words as
    # near-synonyms (weak); "asked everyone not to", 要求各方不要 are one avoidance a clause writes as
    # "refrain", and the stakeholders (full).
    phrased = phrasings_in(question, lang, "support")
    weak = {t: wording_tokens(p.phrasing) for p in phrased if p.strength == "weak" for t in p.covers}
    # A phrasing read as a glossary term names it as a whole: a term inside it is part of that name.
    terms = _terms_outside_descriptions(question, lang, phrased)
    covered = {t for term in terms for form in term.forms(lang) for t in words(form)}
    groups = [Group(term) for term in terms]
    for p in (p for p in phrased if p.strength == "full"):
        if p.term is not None and p.term not in terms:
            groups.append(Group(p.term, words=max(1, len(p.covers)) if p.phrasing.describes else 1))
        elif p.term is None:
            said = tuple(a for t in p.covers for a in (t, *translations.get(t, ())))
            groups.append(
                Group(None, p.covers[0] if p.covers else p.phrasing.name, (*said, *wording_tokens(p.phrasing)))
            )
        covered.update(p.covers)
    for token in dict.fromkeys(words(question)):
        if token in covered or token in question_stems() or (len(token) < 2 and not token.isdigit()):
            continue
        synonyms = weak.get(token, ())
        alts = (*translations.get(token, ()), *synonyms)
        groups.append(Group(None, token, alts, frozenset((*near.get(token, ()), *synonyms)), frozenset(synonyms)))
    return groups


def _terms_outside_descriptions(question: str, lang: Language, phrased: Sequence[Phrased]) -> list[Term]:
    """The question's glossary terms but those written only inside a description read as another term
    (descriptions.py): "UN" and "society" in "the big UN summit on the networked society" (WSIS) are no United
    Nations or social a clause must name. A term the description only overlaps stays ("the Telecommunication
    Development Bureau director")."""
    terms = find_terms(question, lang)
    sources = [p.source.lower() for p in phrased if p.strength == "full" and p.term is not None]
    if not sources:
        return terms
    masked = question
    for source in sources:
        masked = re.sub(re.escape(source), " ", masked, flags=re.IGNORECASE)
    outside = set(find_terms(masked, lang))
    return [t for t in terms if t in outside or not any(f.lower() in s for f in t.forms(lang) for s in sources)]


@lru_cache(maxsize=65536)
def chunk_evidence(text: str) -> tuple[frozenset[Term], frozenset[str]]:
    """Glossary terms (in either language) and BM25 tokens of a chunk's text."""
    # Words and the character bigrams BM25 keeps: a dictionary translation may be either.
    return frozenset(find_terms(text, "zh")) | frozenset(find_terms(text, "en")), frozenset(words(text)) | frozenset(
        tokenize(text)
    )


def evidence_of(texts: Iterable[str]) -> tuple[frozenset[Term], frozenset[str]]:
    """The union of several texts' evidence (each text's own is cached; their join would not be)."""
    parts = [chunk_evidence(t) for t in texts]
    return frozenset().union(*(p[0] for p in parts)), frozenset().union(*(p[1] for p in parts))


def words(text: str) -> list[str]:
    """Content words for support checks: jieba words and stemmed English, without the
    character bigrams BM25 uses (an unseen bigram would look like a rare, unmatched word)."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    # The same clause texts and glossary forms are read for every question (a third of ask's time went
    # to tokenizing them again); jieba's output depends only on the text and its fixed dictionary.
    return tuple(tokenize(text, cjk_bigrams=False))


def overlap(
    groups: Sequence[Group],
    evidence: tuple[frozenset[Term], frozenset[str]],
    idf: Callable[[str], float | None],
    unsaid: frozenset[int] = frozenset(),
) -> float:
    """IDF-weighted share of the question's groups found in the chunk; common words weigh little.

    The groups at the `unsaid` positions count as not found (`unsaid_aside`)."""
    if not groups:
        return 0.0
    terms, tokens = evidence
    unknown = idf("") or 1.0  # the idf callable answers "" with the weight of an ordinary unseen word
    weights = [g.weight(idf, unknown) for g in groups]
    matched = sum(
        w * g.strength(terms, tokens) for i, (g, w) in enumerate(zip(groups, weights, strict=True)) if i not in unsaid
    )
    total = sum(weights)
    return matched / total if total else 0.0


# More than this share of the set-aside phrase's weight, found in a clause, is the phrase stated there.
_STATED_SHARE = 0.5


def unsaid_aside(
    groups: Sequence[Group],
    aside: frozenset[int],
    evidence: tuple[frozenset[Term], frozenset[str]],
    idf: Callable[[str], float | None],
) -> frozenset[int]:
    """The set-aside phrase's group positions (exclusions.aside_positions) a clause (its `evidence`) does not
    count: all of them when it states less than half of the phrase (by IDF weight), none when it states it."""
    if not aside:
        return frozenset()
    unknown = idf("") or 1.0
    weights = {i: groups[i].weight(idf, unknown) for i in aside}
    found = sum(w for i, w in weights.items() if groups[i].found_in(*evidence))
    return frozenset() if found > _STATED_SHARE * sum(weights.values()) else aside
