"""Support an other-language clause owes only to translations of generic words counts less.

An English question's generic words always find a Chinese sense somewhere ("help" has 25 CC-CEDICT
headwords, "open" 42, "kind" 18): a Chinese clause that shares *nothing* with the question as written
can still cover most of it through such translations and glosses, and outrank the English paragraph
that answers (dev-s02: "What kind of engagement … open the door to?" matched 进一步考虑到 i) through
kind, among, other, open). When a clause in the question's own language is citable on words the
question writes, each word such a clause matches only by translation counts by its specificity
(`assistant.retrieval.translation.specificity`: 1.0 up to `generic_senses` headwords, then
`generic_senses / headwords`). A clause with any literal match keeps its support: cross-language
questions are answered through a few translated words, and those clauses share a name or a figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answering.context import AnswerContext
from assistant.answering.evidence import question_groups, words
from assistant.answering.support import Support, citable, clause_evidence
from assistant.retrieval.dictionary import Lexicon
from assistant.retrieval.translation import english_senses, specificity
from assistant.schema import Language

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_HYPHEN = re.compile(r"-+")


def specific_supports(
    ranked: Sequence[Support],
    question: str,
    lang: Language,
    ctx: AnswerContext,
    lexicon: Lexicon | None,
    *,
    about_document: bool = False,
) -> list[Support]:
    """`ranked` with the overlap of other-language clauses matched only by translation weighted by specificity.

    Unchanged unless the question is English (the dictionary counts an English word's Chinese
    headwords), `ctx.generic_senses` is set, a lexicon is loaded and an English clause is citable
    on a word the question writes. `about_document` is `support.citable`'s: a when/where question
    may be answered by a header or dateline, which then counts as such a clause.
    """
    if lang != "en" or not ctx.generic_senses or lexicon is None:
        return list(ranked)
    if not any(_own_citable(s, question, lang, ctx, about_document) for s in ranked):
        return list(ranked)
    groups = question_groups(question, lang, ctx.translations, ctx.synonyms)
    unknown = ctx.idf("") or 1.0
    weights = [g.weight(ctx.idf, unknown) for g in groups]
    total = sum(weights)
    if not total:
        return list(ranked)
    surface = _surface_forms(question)
    spec = [specificity(english_senses(surface.get(g.token, g.token), lexicon), ctx.generic_senses) for g in groups]
    out = []
    for s in ranked:
        if s.hit.chunk.lang != lang and s.literal == 0:
            # No word of the question as written: every group it matches came through a translation.
            evidence = clause_evidence(s.hit.chunk, lang, ctx)
            found = (w * g.strength(*evidence) * k for g, w, k in zip(groups, weights, spec, strict=True))
            s = replace(s, overlap=sum(found) / total)
        out.append(s)
    return out


def _own_citable(s: Support, question: str, lang: Language, ctx: AnswerContext, about_document: bool) -> bool:
    """A clause in the question's language, citable, on at least one word the question writes."""
    return (
        s.hit.chunk.lang == lang
        and s.literal > 0
        and citable(s, question, lang, ctx.min_support, about_document=about_document)
    )


def _surface_forms(question: str) -> dict[str, str]:
    """Stemmed token -> the question's word as written ("machin" -> "machines"): the dictionary looks up words.

    A hyphenated word gives its parts as tokens too (evidence.words: "AI-related" -> ai-related, ai,
    relat): each part is looked up as written ("related"), the whole compound as a whole.
    """
    forms: dict[str, str] = {}
    for word in _WORD.findall(question):
        for part in _HYPHEN.split(word):
            for token in words(part):
                forms.setdefault(token, part.lower())
        for token in words(word):
            forms.setdefault(token, word.lower())
    return forms


# Generic words that stand for one another: a question's "units" are a clause's 实体, its "tools" the clause's
# "systems", its 相关 the clause's 有关. Each is a word for a kind of item (an entity, a stage, a means, an
# activity, a relation), not a fact: a clause that says another word of the same kind says it. Kept to
# words that name no class of answer themselves (not "organisation" or "country", answer_class.py).
GENERIC_KINDS: dict[Language, tuple[frozenset[str], ...]] = {
    "en": (
        frozenset(("entity", "entities", "body", "bodies", "party", "parties", "unit", "units")),
        frozenset(("stage", "stages", "phase", "phases", "step", "steps")),
        frozenset(("tool", "tools", "system", "systems", "instrument", "instruments")),
        frozenset(("work", "activity", "activities")),
        frozenset(("related", "relevant", "concerned", "pertinent")),
    ),
    "zh": (
        frozenset(("单位", "实体", "主体")),
        frozenset(("阶段", "环节", "步骤")),
        frozenset(("工具", "系统", "手段")),
        frozenset(("工作", "活动")),
        frozenset(("相关", "有关")),
    ),
}


def _kind_tokens(lang: Language) -> dict[str, frozenset[str]]:
    """Index token of a generic word -> the index tokens of the other words of its kind."""
    out: dict[str, frozenset[str]] = {}
    for kind in GENERIC_KINDS[lang]:
        tokens = frozenset(t for w in kind for t in words(w)[:1])
        for t in tokens:
            out[t] = tokens - {t}
    return out


_KINDS: dict[Language, dict[str, frozenset[str]]] = {"en": _kind_tokens("en"), "zh": _kind_tokens("zh")}


def said_in_kind(token: str, tokens: frozenset[str]) -> bool:
    """Whether a clause (its evidence `tokens`) says a generic question word (`token`, as `words` makes it) by
    another word of its kind (GENERIC_KINDS): 相关单位 is said by 有关实体, "AI tools" by "AI systems"."""
    return any(bool(_KINDS[lang].get(token, frozenset()) & tokens) for lang in _KINDS)
