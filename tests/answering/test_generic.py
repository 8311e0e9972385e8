"""Support an other-language clause owes only to translations of generic words counts less."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answering.context import AnswerContext
from assistant.answering.evidence import chunk_evidence
from assistant.answering.generic import said_in_kind, specific_supports
from assistant.answering.support import Support
from assistant.retrieval.dictionary import DictionaryUnavailableError, load_lexicon
from assistant.schema import Chunk, RetrievedChunk
from assistant.settings import Settings

QUESTION = "What help do poor farmers get?"  # content words: help (25 headwords), poor, farmers (8)
_GLOSSES = {"帮助": ("help",), "农民": ("farmer",)}


@pytest.fixture(scope="module")
def lexicon():
    try:
        return load_lexicon()
    except DictionaryUnavailableError as exc:  # pragma: no cover - the dictionary ships with the package
        pytest.skip(str(exc))


def _support(cid: str, lang: str, text: str, *, overlap: float, literal: float) -> Support:
    chunk = Chunk(id=cid, doc_id="d", text=text, lang=lang, kind="paragraph", section_kind="body", start=0, end=1)  # type: ignore[arg-type]
    return Support(RetrievedChunk(chunk, 1.0, dense_score=0.1), overlap=overlap, dense=0.1, literal=literal)


def _ctx(generic_senses: int = 2) -> AnswerContext:
    return AnswerContext(
        hits=[],
        documents={},
        idf=lambda token: 1.0,  # every word weighs the same: the overlap is a count
        min_support=0.3,
        glosses=lambda word: _GLOSSES.get(word, ()),
        generic_senses=generic_senses,
    )


OWN = _support("en/1", "en", "Poor farmers get seeds.", overlap=0.67, literal=0.67)
OTHER = _support("zh/1", "zh", "帮助农民", overlap=0.67, literal=0.0)


def test_a_clause_matched_only_through_generic_translations_counts_by_their_specificity(lexicon):
    ranked = specific_supports([OWN, OTHER], QUESTION, "en", _ctx(2), lexicon)
    # help: 2 / 25 headwords, farmers: 2 / 8; "poor" is not in the Chinese clause.
    assert ranked[1].overlap == pytest.approx((2 / 25 + 2 / 8) / 3)
    assert ranked[0] is OWN  # the question's own language keeps its support


def test_a_word_of_few_senses_keeps_its_whole_weight(lexicon):
    ranked = specific_supports([OWN, OTHER], QUESTION, "en", _ctx(8), lexicon)
    assert ranked[1].overlap == pytest.approx((8 / 25 + 1.0) / 3)


@pytest.mark.parametrize(
    "supports",
    [
        [replace(OWN, overlap=0.1, literal=0.1), OTHER],  # no English clause is citable
        [OWN, replace(OTHER, literal=0.1)],  # the Chinese clause shares a word as written
    ],
)
def test_unchanged_without_a_citable_own_language_clause_or_with_a_literal_match(lexicon, supports):
    assert specific_supports(supports, QUESTION, "en", _ctx(2), lexicon) == supports


def test_off_for_chinese_questions_without_a_lexicon_or_when_switched_off(lexicon):
    supports = [OWN, OTHER]
    assert specific_supports(supports, QUESTION, "en", _ctx(0), lexicon) == supports
    assert specific_supports(supports, QUESTION, "en", _ctx(2), None) == supports
    assert specific_supports(supports, "农民得到什么帮助？", "zh", _ctx(2), lexicon) == supports


def test_a_part_of_a_hyphenated_word_is_looked_up_as_written(lexicon):
    # "related" has 7 headwords; inside "AI-related" it is the same generic word (tokenize splits it).
    glosses = {"相关": ("related",), "农民": ("farmer",)}
    ctx = replace(_ctx(2), glosses=lambda word: glosses.get(word, ()))
    own = _support("en/1", "en", "AI-related help for poor farmers.", overlap=0.8, literal=0.8)
    other = _support("zh/1", "zh", "相关农民", overlap=0.5, literal=0.0)
    hyphen = specific_supports([own, other], "What AI-related help do poor farmers get?", "en", ctx, lexicon)[1]
    spaced = specific_supports([own, other], "What AI related help do poor farmers get?", "en", ctx, lexicon)[1]
    # The hyphenated question has one more group (the whole compound, which the clause lacks).
    assert hyphen.overlap * 6 == pytest.approx(spaced.overlap * 5)


HEADER = _support("en/h", "en", "Poor farmers conference", overlap=0.67, literal=0.67)
HEADER = replace(HEADER, hit=replace(HEADER.hit, chunk=replace(HEADER.hit.chunk, kind="header")))


def test_a_header_counts_as_the_own_language_clause_for_when_and_where_questions(lexicon):
    # single.py lets a header answer when/where questions (citable about_document): it is then the
    # own-language clause that makes generic translations count less, as a paragraph does.
    question = "When did poor farmers get help?"
    assert specific_supports([HEADER, OTHER], question, "en", _ctx(2), lexicon) == [HEADER, OTHER]
    ranked = specific_supports([HEADER, OTHER], question, "en", _ctx(2), lexicon, about_document=True)
    assert ranked[1].overlap < OTHER.overlap


def test_the_setting_defaults_to_two_and_rejects_a_negative_value():
    assert Settings().answer.cross_generic_senses == 2
    assert Settings.from_env({"ASSISTANT_CROSS_GENERIC_SENSES": "0"}).cross_generic_senses == 0
    with pytest.raises(ValueError, match="cross_generic_senses"):
        Settings(cross_generic_senses=-1)


def test_an_english_paragraph_wins_over_a_chinese_clause_matched_through_generic_senses(assistant, monkeypatch):
    question = "Why is the decision a landmark for the world body?"  # "world" reaches a Chinese clause by its gloss
    answer = assistant.ask(question)
    assert [c.chunk_id for c in answer.citations] == ["unido-unga-ai-resolution/body/2"]
    monkeypatch.setattr(assistant, "settings", assistant.settings.with_(cross_generic_senses=0))
    assert [c.chunk_id for c in assistant.ask(question).citations] != ["unido-unga-ai-resolution/body/2"]


@pytest.mark.parametrize(
    ("token", "clause", "said"),
    [
        ("单位", "促进有关实体参与国际电联的活动", True),  # an entity by another word for one
        ("相关", "促进有关实体参与国际电联的活动", True),
        ("tool", "refrain from employing AI systems", True),  # "tools" as the stemmer reads it
        ("stage", "from design and development to each phase of deployment", True),
        ("tool", "refrain from employing AI", False),  # no word of its kind
        ("budget", "the budget of the systems", False),  # not a generic word: no kind to say it by
    ],
)
def test_a_generic_word_is_said_by_another_word_of_its_kind(token, clause, said):
    assert said_in_kind(token, chunk_evidence(clause)[1]) is said
