"""Whether a clause can name the kind of thing a question asks for ("What *penalties* …").

Only a noun the corpus never uses, in either language and through any dictionary
translation, rules a clause out: an abstract noun ("what boundary", "which stages")
is often answered by a clause that words it differently, but no clause answers
"what penalties" in a corpus without any. The groups to check depend on the
question only: `answer_noun_groups` builds them once, `names_noun` checks a clause.
"""

from __future__ import annotations

import re

from assistant.answering.actors import actors_named, is_actor_noun
from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.candidates import support_evidence
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, question_groups
from assistant.answering.generic import said_in_kind
from assistant.answering.lexicons import wide_translations
from assistant.answering.partitive import is_partitive
from assistant.answering.support import Support, unknown_everywhere
from assistant.phrasings import blank_phrased
from assistant.schema import Language

NOUN_CHECKED_TYPES: tuple[str, ...] = ("which", "how-many", "how-much")

# The verb groups, the noun groups, and whether the noun is a generic word for actors ("which
# stakeholders"), which a clause names by naming any actor.
NounGroups = tuple[list[Group], list[Group], bool] | None


def answer_noun_groups(a: QuestionAnalysis, lang: Language, ctx: AnswerContext) -> NounGroups:
    """The (verb, noun, actor noun) groups `names_noun` checks, or None when the question asks for no noun."""
    if (
        not a.answer_noun
        or a.qtype not in NOUN_CHECKED_TYPES
        or is_partitive(a.answer_noun, lang)
        or _in_phrasing(a.question, a.answer_noun, lang)
    ):
        # A part noun ("which stages", 哪些阶段) names the kind of item a list is made of, not a class a clause
        # must word: the lifecycle's "design, development, deployment" answers 全生命周期包括哪些阶段.
        return None
    # Lenient on purpose: any translation of any form the corpus uses means the noun may be answered.
    wide = wide_translations(f"{a.answer_noun} {a.answer_verb}", lang, ctx)
    verb_groups = question_groups(a.answer_verb, lang, wide) if a.answer_verb else []
    return verb_groups, question_groups(a.answer_noun, lang, wide), is_actor_noun(a.answer_noun)


def _in_phrasing(question: str, noun: str, lang: Language) -> bool:
    """Whether the noun is a word of an everyday phrasing or description the question uses ("which *sister*
    agencies", "which wealthy-nations think *tank*"): the phrase stands for the text's own words as a whole, and the
    coverage check reads it so; its words one by one are no noun a clause must use."""
    # The phrases are the ones `blank_phrased` reads the asked class without (near_miss.py): an everyday name
    # ("which poorer countries") stays the question's own. A whole word ("age" is no word of "sister agencies");
    # Chinese has no word boundaries.
    word = re.compile(re.escape(noun) if lang == "zh" else rf"(?<![\w-]){re.escape(noun)}(?![\w-])", re.IGNORECASE)
    return bool(word.search(question)) and not word.search(blank_phrased(question, lang))


def names_noun(groups: NounGroups, s: Support, ctx: AnswerContext) -> bool:
    """Whether the candidate may name the asked noun (always, when `groups` is None: no noun asked)."""
    if groups is None:
        return True
    _, noun_groups, actor_noun = groups
    if _unknown_verb(groups, s, ctx):
        return False
    seen = chunk_evidence(support_evidence(s, ctx))
    if actor_noun and actors_named(s.hit.chunk):
        return True  # "Which stakeholders …": the clause names member states, civil society, …
    # A generic noun is named by another word of its kind: "AI tools" by the clause's "AI systems".
    return not noun_groups or not all(
        unknown_everywhere(g, ctx.idf, seen) and not (g.term is None and said_in_kind(g.token, seen[1]))
        for g in noun_groups
    )


def _unknown_verb(groups: NounGroups, s: Support, ctx: AnswerContext) -> bool:
    """Whether the word after the noun ("Which countries *voted* …", 哪些组织*反对*…: mostly the verb that says
    what the X did) is unknown to the whole corpus: then no clause can answer, as with an unknown noun."""
    if groups is None or not groups[0]:
        return False
    seen = chunk_evidence(support_evidence(s, ctx))
    return all(unknown_everywhere(g, ctx.idf, seen) for g in groups[0])


def unnamed(a: QuestionAnalysis, lang: Language, s: Support, ctx: AnswerContext) -> str:
    """The question's word that rules the candidate out, for the abstention to name: the verb when the corpus
    never uses it (哪些组织*反对*该决议: the documents do name organisations), else the noun; "" when the
    candidate's clause may name the asked noun."""
    groups = answer_noun_groups(a, lang, ctx)
    if names_noun(groups, s, ctx):
        return ""
    return a.answer_verb if _unknown_verb(groups, s, ctx) else a.answer_noun
