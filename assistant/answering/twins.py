"""Twin clauses: an addressee's clauses that answer a question alike.

The Director of BDT is told twice to share through existing mechanisms; "What should the
director use to share information?" is answered by both clauses, and quoting one reads as the
whole answer. A sibling of the best clause is its twin when it covers every question word the
best one covers, judged on each clause's own text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, question_groups
from assistant.answering.exclusions import set_aside, sets_aside_a_kind
from assistant.answering.sections import section_key
from assistant.answering.support import clause_glosses
from assistant.schema import Chunk, Language

# Answer types whose answer is what a clause says; the others lead with one value or addressee.
_CLAUSE_TYPES = frozenset(("what", "what-must", "which"))


def twin_answer(
    question: str, lang: Language, a: QuestionAnalysis, ctx: AnswerContext, best: Chunk, candidates: Sequence[Chunk]
) -> list[Chunk]:
    """The best clause and the candidates of its section that answer `question` as fully, in document
    order; [] when there are none or the question is not one a set of clauses answers.

    Only within the section the question names in full ("the BDT director", "the Secretary-General"):
    without it, clauses of a list that share a paraphrase's few covered words are no twins, and one
    addressee of three ("Member States") may be asked about a clause of another section.
    """
    named = a.section if a.section_strength == "full" else None
    # Value questions (when, how many, how much) are no _CLAUSE_TYPES: one value answers them, not a set.
    if a.qtype not in _CLAUSE_TYPES or named != (best.doc_id, section_key(best)):
        return []
    groups = question_groups(question, lang, ctx.translations)

    def covers(chunk: Chunk, words: Sequence[Group] = groups) -> frozenset[int]:
        # The clause's own words: its evidence adds the document title, which every sibling shares.
        terms, tokens = chunk_evidence(chunk.text)
        tokens = tokens | clause_glosses(chunk, lang, ctx)
        return frozenset(i for i, g in enumerate(words) if g.found_in(terms, tokens))

    if sets_aside_a_kind(a.question, lang):
        # "Apart from UN agencies, which organisations …": a sibling that states the set-aside kind where the
        # best clause does not is the clause on UN agencies (exclusions.py), no twin.
        aside = question_groups(set_aside(a.question, lang), lang, ctx.translations)
        candidates = [c for c in candidates if covers(c, aside) <= covers(best, aside)]
    return twin_clauses(best, candidates, covers)


def twin_clauses(best: Chunk, candidates: Sequence[Chunk], covers: Callable[[Chunk], frozenset[int]]) -> list[Chunk]:
    """The best clause and its siblings (same section) that cover every question word it covers, in
    document order; [] when it has no such sibling. `covers` gives the indices of the question's word
    groups a clause contains."""
    key = section_key(best)
    if not key:
        return []
    own = covers(best)
    twins = [
        c
        for c in candidates
        if c.id != best.id and c.doc_id == best.doc_id and section_key(c) == key and own <= covers(c)
    ]
    return sorted([best, *twins], key=lambda c: c.start) if twins else []
