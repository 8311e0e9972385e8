"""Near-synonyms from a bilingual dictionary: words sharing a headword or a gloss."""

from __future__ import annotations

from assistant.answering.synonyms import direct_translations, related_tokens, with_synonyms
from assistant.retrieval.dictionary import parse_cedict

LEX = parse_cedict(
    [
        "支持 支持 [zhi1 chi2] /to support/to back/",
        "成立 成立 [cheng2 li4] /to establish/to set up/",
        "設立 设立 [she4 li4] /to establish/",
        "窮 穷 [qiong2] /poor/",
    ],
    source="test",
)


def test_english_words_sharing_a_headword_are_synonyms():
    tokens = related_tokens("backed", "en", LEX)
    assert "support" in tokens and "支持" in tokens and "·支持" in tokens


def test_chinese_words_sharing_a_gloss_are_synonyms():
    tokens = related_tokens("设立", "zh", LEX)
    assert "成立" in tokens and "establish" in tokens
    assert "设立" not in tokens  # a word is not its own synonym


def test_single_character_headwords_are_left_out():
    assert "穷" not in related_tokens("poor", "en", LEX)


def test_unknown_and_empty_words_have_none():
    assert related_tokens("zzzz", "en", LEX) == ()
    assert related_tokens("  ", "en", LEX) == ()


def test_with_synonyms_adds_to_the_translations_by_stem():
    out = with_synonyms("How many nations backed it?", "en", {"nation": ("·国家",)}, LEX)
    assert out["nation"] == ("·国家",)
    assert "support" in out["back"]
    assert with_synonyms("How many nations backed it?", "en", {}, None) == {}


def test_direct_translations_leave_out_near_synonyms():
    out = direct_translations("How many nations backed it?", "en", LEX)
    assert out["back"] == ("支持",)  # the headword itself, not "support" or its bigram
    assert direct_translations("backed", "en", None) == {}
