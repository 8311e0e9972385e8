"""Near-synonyms from a bilingual dictionary: words sharing a headword or a gloss."""

from __future__ import annotations

from assistant.answering.synonyms import (
    THESAURUS_MAX_SENSES,
    direct_translations,
    phrase_synonyms,
    related_tokens,
    with_phrase_synonyms,
    with_synonyms,
)
from assistant.retrieval.dictionary import parse_cedict
from assistant.retrieval.wordnet import parse_wordnet

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


THESAURUS = parse_wordnet(
    {
        "index.verb": "collaborate v 1 0 1 1 00000303\n",
        "data.verb": "00000303 41 v 02 collaborate 0 cooperate 0 000 | work together\n",
        "index.adj": "poor a 1 0 1 1 00000404\n",
        "data.adj": "00000404 00 a 02 poor 0 needy 0 000 | having little money\n",
    },
    source="test-wordnet",
)


def test_wordnet_synonyms_count_for_english_words():
    assert "cooper" in related_tokens("collaborate", "en", LEX, THESAURUS)  # the stem of "cooperate"
    assert "cooper" not in related_tokens("collaborate", "en", LEX)  # the dictionary alone does not know it


def test_wordnet_synonyms_of_a_chinese_words_glosses_count_too():
    assert "needi" in related_tokens("穷", "zh", LEX, THESAURUS)  # 穷 -> "poor" -> "needy"


def test_with_synonyms_passes_the_thesaurus_on():
    out = with_synonyms("Who will collaborate?", "en", {}, LEX, THESAURUS)
    assert "cooper" in out["collabor"]


def test_a_hyphenated_wordnet_lemma_gives_no_pieces():
    wn = parse_wordnet(
        {
            "index.adj": "new a 1 0 1 1 00000101\n",
            "data.adj": "00000101 00 a 03 new 0 red-hot 0 fresh 0 000 | not old\n",
        },
        source="test-hyphen",
    )
    tokens = related_tokens("new", "en", LEX, wn)
    assert "fresh" in tokens and "red" not in tokens and "hot" not in tokens


def test_a_word_of_many_wordnet_senses_gets_no_wordnet_synonyms():
    # "keep" has 25 synsets in WordNet; its first ("keep" -> "support") is as likely a wrong meaning as a right one.
    senses = THESAURUS_MAX_SENSES + 1
    offsets = " ".join(f"{i:08d}" for i in range(1, senses + 1))
    general = parse_wordnet(
        {
            "index.verb": f"keep v {senses} 0 {senses} 0 {offsets}\ncollaborate v 1 0 1 1 00000303\n",
            "data.verb": "00000001 41 v 02 keep 0 maintain 0 000 | keep in a certain state\n"
            "00000303 41 v 02 collaborate 0 cooperate 0 000 | work together\n",
        },
        source="test-polysemy",
    )
    assert "maintain" not in related_tokens("keep", "en", LEX, general)
    assert "cooper" in related_tokens("collaborate", "en", LEX, general)  # one sense: its synonyms count


PHRASES = parse_wordnet(
    {
        "index.noun": "turning_point n 1 0 1 1 00000505\nwatershed n 1 0 1 1 00000505\n",
        "data.noun": "00000505 28 n 03 landmark 0 turning_point 0 watershed 0 000 | an important historical change\n",
        "index.verb": "speed_up v 1 0 1 1 00000606\n",
        "data.verb": "00000606 30 v 02 speed_up 0 accelerate 0 000 | move faster\n",
    },
    source="test-phrases",
)


def test_a_collocations_synonyms_go_to_each_of_its_words():
    out = phrase_synonyms("Why is it called a turning point?", "en", PHRASES)
    assert set(out) == {"turn", "point"}
    assert {"watersh", "landmark"} <= set(out["turn"]) and out["turn"] == out["point"]


def test_a_collocation_is_found_inflected_but_not_across_punctuation():
    assert "acceler" in phrase_synonyms("Which goals could it speed up?", "en", PHRASES)["speed"]
    assert "turn" in phrase_synonyms("Both were turning points.", "en", PHRASES)
    assert phrase_synonyms("After the turning, point to the map.", "en", PHRASES) == {}


def test_chinese_questions_and_single_words_get_no_collocation_synonyms():
    assert phrase_synonyms("转折点是什么？", "zh", PHRASES) == {}
    assert phrase_synonyms("Was it a watershed?", "en", PHRASES) == {}  # one word: the thesaurus setting's job


def test_collocation_synonyms_are_full_evidence_added_to_the_translations():
    out = with_phrase_synonyms("Why is it a turning point?", "en", {"turn": ("·转折",)}, PHRASES)
    assert out["turn"][0] == "·转折" and "watersh" in out["turn"]
    assert with_phrase_synonyms("Why is it a turning point?", "en", {"x": ("y",)}, None) == {"x": ("y",)}


def test_a_collocation_synonym_the_question_already_writes_is_left_out():
    out = with_phrase_synonyms("Was the turning point a watershed?", "en", {}, PHRASES)
    assert "watersh" not in out.get("turn", ())


NOISY = parse_wordnet(
    {
        "index.noun": "united_states n 1 0 1 1 00000707\n",
        "data.noun": "00000707 15 n 04 United_States 0 US 0 U.S. 0 America 0 000 | a country\n",
        "index.adv": "in_line adv 1 0 1 1 00000808\n",
        "data.adv": "00000808 02 r 02 in_line 0 succeed 0 000 | in order\n",
    },
    source="test-noisy-phrases",
)


def test_a_proper_name_or_a_phrase_led_by_a_function_word_gets_no_collocation_synonyms():
    assert phrase_synonyms("Which countries did the United States support?", "en", NOISY) == {}
    assert phrase_synonyms("Is this in line with the goals?", "en", NOISY) == {}
