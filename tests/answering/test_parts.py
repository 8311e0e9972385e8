"""Two-part questions and the condition a question asks for (parts.py)."""

from __future__ import annotations

import pytest

from assistant.answering.parts import (
    Parts,
    asks_condition,
    condition_lead,
    condition_phrase,
    condition_sentence,
    split_parts,
    states_condition,
)

_NOTICE = (
    "Extracts from UNIDO material may be freely used elsewhere provided that acknowledgement of the source is made. "
    "If the material is from a source external to UNIDO, permission for reuse must be sought."
)


@pytest.mark.parametrize(
    ("question", "lang", "parts"),
    [
        (
            "Am I allowed to reuse extracts from the site, and on what condition?",
            "en",
            Parts("Am I allowed to reuse extracts from the site", "on what condition?"),
        ),
        (
            "Is the resolution tied to any wider UN effort, and if so what kind?",
            "en",
            Parts("Is the resolution tied to any wider UN effort", "what kind?"),
        ),
        ("Can I reuse it? Under what terms?", "en", Parts("Can I reuse it", "Under what terms?")),
        ("网站上的材料能不能拿去别处用？有什么条件？", "zh", Parts("网站上的材料能不能拿去别处用", "有什么条件？")),
        ("我想引用网上的内容，可以吗？要满足什么条件？", "zh", Parts("我想引用网上的内容，可以吗", "要满足什么条件？")),
    ],
)
def test_a_yes_no_question_and_what_it_asks_next_are_split(question, lang, parts):
    assert split_parts(question, lang) == parts


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # one part, or a first part asking no yes or no: two asks of their own
        ("Can I reuse extracts from the site?", "en"),
        ("How often must he report to the Council, and which kind of AI matters?", "en"),
        ("草案真正决定的是什么？要保证各国能做到什么？", "zh"),
    ],
)
def test_a_question_without_a_yes_no_first_part_is_not_split(question, lang):
    assert split_parts(question, lang) is None


@pytest.mark.parametrize(
    ("question", "lang", "asks"),
    [
        ("Am I allowed to reuse extracts, and on what condition?", "en", True),
        ("Under what conditions may extracts be used?", "en", True),
        ("What are the conditions for reuse?", "en", True),
        ("材料能不能拿去别处用？有什么条件？", "zh", True),
        ("可以吗？需要满足什么条件？", "zh", True),
        ("What is the condition of the world's poorest countries?", "en", False),
        ("What does the resolution say about human rights?", "en", False),
        ("发展中国家的条件如何？", "zh", False),
    ],
)
def test_a_condition_is_asked_by_its_question_words_not_by_the_word_alone(question, lang, asks):
    assert asks_condition(question, lang) is asks


def test_a_firm_marker_states_a_condition_and_a_verb_provided_does_not():
    assert states_condition("Extracts may be used provided that the source is named.", "en")
    assert states_condition("只要注明出处，即可使用。", "zh")
    assert not states_condition("Links are provided solely as a pointer to information.", "en")
    # "if" opens conditions of other things too: a condition, but no firm one
    assert not states_condition("If the material is external, permission must be sought.", "en")


def test_the_sentence_quoted_is_the_one_stating_the_condition_firmly():
    second = _NOTICE.index("If the")
    span = (second, len(_NOTICE))
    a, b = condition_sentence(_NOTICE, "en", span)
    assert _NOTICE[a:b].startswith("Extracts from UNIDO material") and "provided that" in _NOTICE[a:b]
    # a span already stating it firmly stays
    assert condition_sentence(_NOTICE, "en", (0, second - 1)) == (0, second - 1)


@pytest.mark.parametrize(
    ("text", "lang", "phrase"),
    [
        (_NOTICE, "en", "provided that acknowledgement of the source is made"),
        ("If the material is external, permission must be sought.", "en", "If the material is external"),
        ("只要注明出处，即可自由使用。", "zh", "只要注明出处"),  # an opening condition ends at its comma
        ("The resolution was adopted.", "en", ""),
    ],
)
def test_the_condition_runs_from_its_marker_to_the_end_of_its_clause(text, lang, phrase):
    assert condition_phrase(text, lang) == phrase


def test_the_lead_gives_the_yes_and_the_condition_in_the_questions_language():
    quote = _NOTICE.split(" If ")[0]
    en = condition_lead("Can I reuse extracts from the site, and on what condition?", "en", quote, "en")
    assert en == "Yes, provided that acknowledgement of the source is made."
    zh = condition_lead("网站上的材料能不能拿去别处用？有什么条件？", "zh", quote, "en")
    assert zh == "是的，条件是：「provided that acknowledgement of the source is made」。"
    # no yes/no part: the condition alone; no condition asked or stated: no lead
    assert condition_lead("Under what conditions may extracts be used?", "en", quote, "en").startswith("Provided that")
    assert condition_lead("Can I reuse extracts from the site?", "en", quote, "en") == ""
    assert condition_lead("On what condition may extracts be used?", "en", "Extracts may be used.", "en") == ""


@pytest.mark.parametrize(
    "question",
    [
        "Am I allowed to reuse extracts from UNIDO's site in my own report, and on what condition?",
        "UNIDO网站上的材料能不能拿去别处用？有什么条件？",
    ],
)
def test_a_two_part_question_is_answered_with_the_condition_its_clause_states(assistant, question):
    answer = assistant.ask(question)
    assert not answer.abstained
    assert "acknowledgement of the source" in answer.citations[0].quote
    assert "acknowledgement of the source" in answer.text.split("「")[0] + answer.text.split("「")[1]
