"""A clause of the other language that shares none of the question's own words, only their translations."""

from __future__ import annotations

from dataclasses import replace

from assistant.answering.own_words import TRANSLATED_ONLY_WEIGHT, translated_only, translated_only_penalty
from assistant.answering.support import Support
from tests.answering.toy import toy_context

DOCS = {
    "res": ("resolution", [("header", "Draft resolution on AI"), ("clause", "各方合作制定标准。")]),
    "art": (
        "article",
        [("title", "Assembly adopts AI resolution"), ("paragraph", "Looking ahead, parties cooperate.")],
    ),
}


def supports(zh_literal: float, en_literal: float) -> tuple[Support, Support]:
    ctx = toy_context(DOCS, hits=["res/clause/2", "art/paragraph/2"])
    zh_hit = replace(ctx.hits[0], chunk=replace(ctx.hits[0].chunk, lang="zh"))
    return Support(zh_hit, 0.8, 0.05, zh_literal), Support(ctx.hits[1], 0.2, 0.03, en_literal, similar=0.2)


def test_a_clause_matched_only_through_translations_is_guessed_when_an_own_language_one_has_own_words():
    zh, en = supports(zh_literal=0.0, en_literal=0.2)
    guessed = translated_only([zh, en], "en")
    assert guessed == {id(zh)}
    assert translated_only_penalty(zh, guessed) == TRANSLATED_ONLY_WEIGHT * zh.overlap
    assert translated_only_penalty(en, guessed) == 0.0


def test_a_clause_with_some_of_the_questions_own_words_or_names_is_not_guessed():
    zh, en = supports(zh_literal=0.1, en_literal=0.2)
    assert translated_only([zh, en], "en") == frozenset()


def test_without_an_own_language_clause_sharing_own_words_translations_are_all_there_is():
    zh, en = supports(zh_literal=0.0, en_literal=0.0)
    assert translated_only([zh, en], "en") == frozenset()
    assert translated_only([zh], "en") == frozenset()


def test_the_rule_reads_the_questions_language_either_way():
    # A Chinese question: the English clause is the other language's.
    zh, en = supports(zh_literal=0.2, en_literal=0.0)
    assert translated_only([zh, en], "zh") == {id(en)}


def test_on_the_corpus_the_articles_paragraph_wins_over_a_draft_clause_matched_only_through_translations(
    assistant, monkeypatch
):
    # "world" reaches a Chinese clause only through its gloss; without the generic-senses discount (generic.py)
    # this rule alone has the article's "watershed moment" paragraph quoted.
    question = "Why is the decision a landmark for the world body?"
    monkeypatch.setattr(assistant, "settings", assistant.settings.with_(cross_generic_senses=0))
    assert [c.chunk_id for c in assistant.ask(question).citations] == ["unido-unga-ai-resolution/body/2"]
    monkeypatch.setattr("assistant.answering.own_words.TRANSLATED_ONLY_WEIGHT", 0.0)
    assert [c.chunk_id for c in assistant.ask(question).citations] != ["unido-unga-ai-resolution/body/2"]
