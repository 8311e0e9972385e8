"""A Chinese word that heads a glossary term's Chinese form stands for the head of its English name."""

import pytest

from assistant.retrieval.dictionary import parse_cedict
from assistant.retrieval.term_heads import english_head, head_glosses
from assistant.retrieval.translation import translate_query
from tests.retrieval.fakes import Terms

# 鸿沟 as CC-CEDICT has it: none of its glosses is a word an English text on the digital divide uses.
LEX = parse_cedict(["鴻溝 鸿沟 [hong2 gou1] /gulf/chasm/wide gap/"])


@pytest.mark.parametrize(
    ("name", "head"),
    [("digital divide", "divide"), ("Council of Europe", "Council"), ("right to privacy", "right"), ("AI", "AI")],
)
def test_the_english_head_is_the_last_word_before_any_complement(name, head):
    assert english_head(name) == head


def test_the_tail_of_a_glossary_terms_chinese_form_gives_the_head_of_its_english_name():
    assert head_glosses("鸿沟") == ("divide",)  # 数字鸿沟 = digital divide


def test_a_modifier_a_whole_term_and_a_single_character_give_nothing():
    assert head_glosses("数字") == ()  # the modifier of 数字鸿沟, not its head
    assert head_glosses("数字鸿沟") == ()  # the whole term is the glossary's own business
    assert head_glosses("沟") == ()


def test_a_chinese_question_naming_only_the_head_of_a_term_reaches_the_english_text():
    q = translate_query("哪个鸿沟影响发展中国家？", "zh", Terms({"divid", "develop", "countri"}), LEX)
    groups = {g.source: g for g in q.translations}
    assert groups["鸿沟"].tokens == ("divid",) and groups["鸿沟"].origin == "dictionary"


def test_the_head_is_only_a_fallback_for_a_word_the_dictionary_carries_into_the_index():
    q = translate_query("哪个鸿沟影响发展中国家？", "zh", Terms({"divid", "gulf"}), LEX)
    assert {g.source: g.tokens for g in q.translations}["鸿沟"] == ("gulf",)
