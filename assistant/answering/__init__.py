"""From retrieved clauses to an `Answer`.

The package follows the data: `analysis` (what the question asks: type,
metadata field, section, follow-up context) -> `support` (does the retrieved
text cover it, or must we abstain) -> `spans` (the date, count, amount or
addressee that answers it) -> `compose` (the entry: metadata, a whole section, or
`single`, which widens the candidates (`candidates`), gates and picks the clause
(`choice`) and quotes it with its short answer (`replies`)).
`llm` writes a generated answer under the same citation checks.

Example:
    >>> from assistant.answering import analyse_question
    >>> analyse_question("How many member states backed it?", "en").qtype
    'how-many'
"""

from assistant.answering.analysis import QuestionAnalysis, analyse_question, resolve_follow_up
from assistant.answering.citations import make_citation, where
from assistant.answering.compose import answer_extractive
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, overlap, question_groups, words
from assistant.answering.sections import section_catalogue
from assistant.answering.spans import best_quote, figures, sentences
from assistant.answering.support import Support, absent_names, abstention_text, citable, supports
from assistant.language import other

__all__ = [
    "AnswerContext",
    "Group",
    "QuestionAnalysis",
    "Support",
    "absent_names",
    "abstention_text",
    "analyse_question",
    "answer_extractive",
    "best_quote",
    "chunk_evidence",
    "citable",
    "figures",
    "make_citation",
    "other",
    "overlap",
    "question_groups",
    "resolve_follow_up",
    "section_catalogue",
    "sentences",
    "supports",
    "where",
    "words",
]
