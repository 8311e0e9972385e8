"""Country names (pycountry) and city names (bundled GeoNames table), in English and Chinese."""

from __future__ import annotations

import pytest

from assistant.answering.gazetteer import city_names, country_names, same_city


def test_country_names_are_found_in_both_languages():
    assert country_names("Proposed by Romania and France.") == ["Romania", "France"]
    assert country_names("罗马尼亚和法国提出") == ["罗马尼亚", "法国"]


def test_a_group_of_countries_is_no_country_name():
    assert country_names("a coalition of nations with more than 120 member states") == []
    assert country_names("成员国和发展中国家") == []


def test_large_cities_are_found_in_both_languages():
    assert city_names("New York, 21 March, 2004") == ["New York"]
    assert city_names("（2022年，布加勒斯特）") == ["布加勒斯特"]
    assert "Geneva" in city_names("Meeting in Geneva and Bucharest")


def test_a_city_given_in_traditional_characters_only_is_found_in_simplified_text():
    # GeoNames writes New York's Chinese name 紐約; a simplified clause writes 纽约.
    assert city_names("会议在纽约举行") == ["纽约"]
    assert city_names("會議在紐約舉行") == ["紐約"]


def test_words_that_are_also_small_town_names_are_no_cities():
    # GeoNames has towns called "Of", "Union" and "Summit"; only large cities are kept.
    assert city_names("The Summit of the Union") == []


def test_city_names_match_whole_capitalised_words_only():
    assert city_names("reading the newyorker") == []
    assert city_names("A meeting in Reading") == ["Reading"]


def test_common_short_country_names_are_found_the_two_letter_ones_only_in_capitals():
    assert country_names("Proposed by Russia, Turkey, the UK and the USA.") == ["Russia", "Turkey", "UK", "USA"]
    assert country_names("Britain and the US agreed.") == ["Britain", "US"]
    assert country_names("let us talk") == []


def test_full_chinese_country_names_are_found_as_words():
    assert country_names("由俄罗斯联邦提出") == ["俄罗斯联邦"]
    assert country_names("阿拉伯联合酋长国代表团") == ["阿拉伯联合酋长国"]
    assert country_names("玻利维亚提出") == ["玻利维亚"]


def test_city_names_are_found_without_their_accents_and_before_a_hyphen():
    assert city_names("Held in Montreal, Zurich, Bogota and Sao Paulo.") == [
        "Montreal",
        "Zurich",
        "Bogota",
        "Sao Paulo",
    ]
    assert city_names("a Geneva-based centre") == ["Geneva"]


def test_a_city_named_like_a_word_is_no_city_where_the_word_is_meant():
    # "Mobile", "Reading", "Nice" start sentences as English words; 安康 ("good health") is a city too.
    assert city_names("Mobile networks grow. Reading the text helps. Nice work.") == []
    assert city_names("Offices in Reading. Mobile too.") == ["Reading"]
    assert city_names("祝人民安康") == []
    assert city_names("The meeting ended. Geneva hosts the next one.") == ["Geneva"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Bucharest", "布加勒斯特", True),
        ("巴黎", "Paris", True),
        ("New York", "New York City", True),
        ("New York", "布加勒斯特", False),
    ],
)
def test_a_city_is_the_same_in_any_writing(a, b, same):
    assert same_city(a, b) is same
