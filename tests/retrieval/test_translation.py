"""Query translation: glossary first, dictionary phrases before words, only what the index holds."""

import pytest

from assistant.retrieval.dictionary import parse_cedict
from assistant.retrieval.translation import (
    AnyTerms,
    LexicalQuery,
    TermGroup,
    TranslationWeights,
    chinese_senses,
    english_senses,
    specificity,
    translate_query,
    zh_index_token,
)
from tests.retrieval.fakes import Terms

LEX = parse_cedict(
    [
        "報告 报告 [bao4 gao4] /to report/report/",
        "發展中國家 发展中国家 [fa1 zhan3 zhong1 guo2 jia1] /developing country/",
        "國家 国家 [guo2 jia1] /country/nation/",
        "超級碗 超级碗 [Chao1 ji2 Wan3] /Super Bowl/",
        "碗 碗 [wan3] /bowl/",
        "許多 许多 [xu3 duo1] /many/",
        "防守 防守 [fang2 shou3] /to defend/",
        "丹佛 丹佛 [Dan1 fo2] /Denver/",
        "球隊 球队 [qiu2 dui4] /team/",
    ]
)


def _by_source(query):
    return {g.source.lower(): g for g in query.translations}


def test_glossary_wins_over_the_dictionary():
    q = translate_query("Who must report to Council?", "en", Terms({"理事会", "·报告"}), LEX)
    groups = _by_source(q)
    assert groups["council"].origin == "glossary" and groups["council"].tokens == ("理事会",)
    assert "council" in q.tokens  # the question's own words stay for same-language text


def test_phrases_are_translated_before_their_words():
    terms = Terms({"发展中国家", "·国家"})
    q = translate_query("Which developing countries joined?", "en", terms, LEX)
    groups = _by_source(q)
    assert groups["developing countries"].tokens == ("发展中国家",)
    assert "countries" not in groups  # not translated again on its own


def test_a_phrase_jieba_never_made_falls_back_to_its_rarest_bigram():
    terms = Terms({"·超级", "·级碗", "碗"}, df={"·超级": 40, "·级碗": 2})
    q = translate_query("Who won the Super Bowl?", "en", terms, LEX)
    assert _by_source(q)["super bowl"].tokens == ("·级碗",)
    assert zh_index_token("超级碗", terms, partial=False) is None


def test_only_translations_the_index_holds_are_kept_and_coverage_counts_the_rest():
    q = translate_query("How many points did the Denver defense allow?", "en", Terms({"丹佛"}), LEX)
    groups = _by_source(q)
    assert set(groups) == {"denver"}  # "how many" is a question phrase, not 许多
    assert 0 < q.coverage < 1


def test_numbers_and_latin_names_pass_through_as_the_questions_own_tokens():
    q = translate_query("What happened in 2015 to the Broncos?", "en", Terms(set()), LEX)
    assert "2015" in q.tokens and "bronco" in q.tokens
    assert not q.translations


def test_chinese_questions_get_english_glosses():
    q = translate_query("丹佛的球队防守如何？", "zh", AnyTerms(), LEX)
    groups = {g.source: g for g in q.translations}
    assert groups["丹佛"].tokens == ("denver",)
    assert groups["防守"].tokens == ("defend",)
    assert groups["球队"].tokens == ("team",)


def test_weights_are_applied_per_kind():
    weights = TranslationWeights(glossary=2.0, word=0.3)
    q = translate_query("Does the Council defend Denver?", "en", AnyTerms(), LEX, weights)
    groups = _by_source(q)
    assert groups["council"].weight == 2.0 and groups["denver"].weight == 0.3


def test_describe_says_why_a_clause_matched():
    q = translate_query("Who must report to Council?", "en", AnyTerms(), LEX)
    assert "Council → 理事会 (glossary)" in [g.describe() for g in q.translations]


def test_by_default_the_glossary_counts_more_than_a_dictionary_word():
    q = translate_query("Does the Council defend Denver?", "en", AnyTerms(), LEX)
    groups = {g.source.lower(): g for g in q.translations}
    assert groups["council"].origin == "glossary" and groups["denver"].origin == "dictionary"
    assert groups["council"].weight > groups["denver"].weight


def test_english_forms_stem_with_the_table_given():
    from assistant.retrieval.translation import english_forms

    assert english_forms("Countries")[:2] == ["countries", "country"]
    assert "poor" not in english_forms("poorer")  # the retrieval table has no comparative
    assert "poor" in english_forms("poorer", (("er", ""),))


GENERIC_LEX = parse_cedict(
    [
        *(f"幫{c} 帮{c} [bang1] /help/" for c in "助忙手扶"),
        "助力 助力 [zhu4 li4] /help/",
        "理事會 理事会 [li3 shi4 hui4] /council/",
        "國家 国家 [guo2 jia1] /country/nation/",
        *(f"國{c} 国{c} [guo2] /country/" for c in "度土境"),
        "支持 支持 [zhi1 chi2] /to support/",
        *(f"支{c} 支{c} [zhi1] /support/" for c in "撐援柱"),
    ]
)


def test_specificity_is_full_up_to_the_generic_senses_then_falls_with_the_senses():
    assert specificity(4, 4) == 1.0
    assert specificity(8, 4) == 0.5
    assert specificity(50, None) == 1.0


def test_a_word_with_many_dictionary_translations_is_less_specific_than_one_with_few():
    terms = Terms({"·助力", "理事会", "·帮助", "·帮忙"})
    q = translate_query("Who can help the council?", "en", terms, GENERIC_LEX, TranslationWeights(generic_senses=2))
    groups = _by_source(q)
    assert english_senses("help", GENERIC_LEX) == 5
    assert groups["help"].specificity == pytest.approx(2 / 5)
    assert groups["council"].specificity == 1.0
    off = translate_query(
        "Who can help the council?", "en", terms, GENERIC_LEX, TranslationWeights(generic_senses=None)
    )
    assert all(g.specificity == 1.0 for g in off.translations)


def test_a_glossary_term_reached_through_a_generic_alias_is_as_specific_as_the_alias():
    terms = Terms({"成员国"})
    weights = TranslationWeights(generic_senses=2)
    alias = _by_source(translate_query("Which countries agree?", "en", terms, GENERIC_LEX, weights))
    named = _by_source(translate_query("Which Member States agree?", "en", terms, GENERIC_LEX, weights))
    assert alias["member states"].origin == named["member states"].origin == "glossary"
    assert english_senses("countries", GENERIC_LEX) == 4
    assert alias["member states"].specificity == pytest.approx(2 / 4)
    assert named["member states"].specificity == 1.0  # the curated name itself


def test_a_chinese_words_breadth_is_that_of_its_first_english_gloss():
    assert chinese_senses("国家", GENERIC_LEX) == 4  # "country": 国家 and three more
    assert chinese_senses("支持", GENERIC_LEX) == 4  # "support"
    assert chinese_senses("理事会", GENERIC_LEX) == 1
    assert chinese_senses("未知", GENERIC_LEX) == 0


def test_specific_share_counts_the_found_translations_by_their_specificity():
    terms = Terms({"·助力", "理事会"})
    q = translate_query("Who can help the council?", "en", terms, GENERIC_LEX, TranslationWeights(generic_senses=2))
    assert q.content_words == 2
    assert q.specific_share(lambda g: g.source.lower() == "help") == pytest.approx(0.4 / 2)
    assert q.specific_share(lambda g: True) == pytest.approx(1.4 / 2)
    assert q.specific_share(lambda g: False) == 0.0


# "What does the XPRIZE help with?": "xprize" untranslated, "help" reaching the generic 助力.
_XPRIZE = LexicalQuery(
    "en",
    (
        TermGroup("xprize", ("xprize",)),
        TermGroup("help", ("help",)),
        TermGroup("help", ("·助力",), 0.75, "dictionary", ("助力",), specificity=4 / 25),
    ),
    content_words=2,
    translated_words=1,
)


def test_a_clause_matched_through_a_generic_translation_only_is_a_generic_match():
    assert _XPRIZE.generic_match({"·助力", "奖"}.__contains__, 0.2)
    assert not _XPRIZE.generic_match({"奖"}.__contains__, 0.2)  # no translation found in it at all
    assert not _XPRIZE.generic_match({"·助力"}.__contains__, 0.05)  # its share passes a lower threshold


def test_a_clause_that_also_holds_an_untranslated_question_word_is_not_a_generic_match():
    # A Chinese clause with the question's acronym (ICT, OECD, 2030 are written alike in both) shares
    # more with the question than a generic word.
    assert not _XPRIZE.generic_match({"xprize", "·助力", "奖"}.__contains__, 0.2)


def test_a_word_held_both_as_written_and_through_its_translation_counts_once():
    # A Chinese header with the English word "technology" next to its translation 技术: one word of
    # six plus generic "help" is still a generic match.
    query = LexicalQuery(
        "en",
        (
            TermGroup("technolog", ("technolog",)),
            TermGroup("technology", ("技术",), 0.75, "dictionary", ("技术",)),
            TermGroup("help", ("·助力",), 0.75, "dictionary", ("助力",), specificity=4 / 25),
        ),
        content_words=6,
        translated_words=2,
    )
    assert query.generic_match({"technolog", "技术", "·助力"}.__contains__, 0.2)


def test_what_a_draft_refers_back_to_is_what_it_recalls():
    # "refer back to" is the preamble's 忆及 (recalling), which the clauses' context holds; word by word,
    # "back" would be the dictionary's 支持 (support), a word of other clauses.
    lex = parse_cedict(["支持 支持 [zhi1 chi2] /to support/to back/"])
    q = translate_query("Which resolution does the draft refer back to?", "en", AnyTerms(), lex)
    found = {g.source: g.tokens for g in q.translations}
    assert "·忆及" in found["recalling"]
    assert "back" not in found


def test_the_united_nations_chinese_for_recalling_finds_the_recalling_heading():
    q = translate_query("草案回顾了哪些决议？", "zh", AnyTerms())
    assert any(g.source == "忆及" and "recal" in g.tokens for g in q.translations)


def test_a_request_to_refrain_is_searched_as_a_text_says_it_in_both_languages():
    # "asked everyone not to" (phrasings.py): refrain, 避免 and the stakeholders.
    query = translate_query("What did the Assembly ask everyone not to do?", "en", AnyTerms())
    searched = {t for g in query.groups if g.origin == "paraphrase" for t in g.tokens}
    assert {"refrain", "·避免", "stakehold"} <= searched


def test_an_everyday_name_of_a_term_is_searched_as_the_term_not_word_by_word():
    # "poorer countries" (phrasings.py) is searched as developing countries, not as "countries" (Member States)
    # nor as "poorer" translated on its own.
    query = translate_query("What help should poorer countries get?", "en", AnyTerms(), LEX)
    groups = _by_source(query)
    assert groups["poorer countries"].origin == "paraphrase"
    assert "countries" not in groups and "poorer" not in groups
