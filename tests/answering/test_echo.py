"""A span that only repeats the question names no instance of what it asks for."""

from __future__ import annotations

import pytest

from assistant.answering.echo import adds_to_question, instances, keeps_modifiers, names_instance


def test_a_span_made_of_the_questions_own_words_adds_nothing():
    question = "Which developing nations will receive AI technologies first?"
    assert not adds_to_question("developing nations", question)
    assert adds_to_question("developing nations", "Which nations should get equitable access?")
    assert adds_to_question("human rights", "Which rights must be safeguarded online?")


def test_the_questions_names_are_echoed_across_languages():
    assert not adds_to_question("developing nations", "哪些发展中国家将最先获得人工智能技术？")


def test_a_group_must_keep_the_modifiers_of_the_asked_noun():
    assert not keeps_modifiers("120 member states", "developing nations", "nations")
    assert keeps_modifiers("developing nations", "developing nations", "nations")
    assert keeps_modifiers("developing nations", "nations", "nations")
    assert not keeps_modifiers("member states", "发展中国家", "国家")


def test_instances_keep_the_spans_that_add_and_keep_the_modifiers():
    question = "Which developing nations will receive AI first?"
    spans = ["developing nations", "120 member states", "least developed nations"]
    assert instances(spans, question, "developing nations", "nations") == ["least developed nations"]
    assert instances(["developing island nations"], question, "developing nations", "nations") == [
        "developing island nations"
    ]
    assert instances(["developing nations", "nations"], "Which nations need access?") == ["developing nations"]


def test_the_group_nouns_of_one_class_echo_each_other_with_or_without_member():
    # "Member States" is the glossary's name for countries; bare "States" is the same class noun again.
    question = "Which countries will benefit from AI?"
    assert not adds_to_question("Member States", question)
    assert not adds_to_question("States", question)
    assert not adds_to_question("nations", question)
    # whichever way a question reads them, with "Member" or without
    assert adds_to_question("States", "哪些国家将受益？") == adds_to_question("Member States", "哪些国家将受益？")
    assert adds_to_question("developing States", question)


@pytest.mark.parametrize("determiner", ["specific", "other", "particular", "certain"])
def test_a_determiner_of_the_asked_noun_is_no_modifier_the_answer_must_repeat(determiner):
    phrase = f"{determiner} countries"
    assert keeps_modifiers("developing nations", phrase, "countries")
    assert keeps_modifiers("Romania", phrase, "countries")
    assert not keeps_modifiers("developing nations", f"{determiner} island countries", "countries")


def test_a_number_of_the_asked_noun_is_answered_by_names_not_by_a_group():
    assert not keeps_modifiers("developing nations", "two countries", "countries")
    assert keeps_modifiers("Romania", "two countries", "countries")


def test_a_chinese_span_made_of_the_questions_names_adds_nothing():
    assert not adds_to_question("成员国", "Which nations led the coalition?")
    assert adds_to_question("发展中国家", "Which nations led the coalition?")


def test_a_modifier_that_is_a_glossary_name_is_kept_by_the_name_or_its_words():
    assert not keeps_modifiers("private sector", "civil society organisations", "organisations")
    assert keeps_modifiers("civil society groups", "civil society organisations", "organisations")
    unesco = "United Nations Educational, Scientific and Cultural Organization"
    assert keeps_modifiers(unesco, "UN agencies", "agencies")
    # a proper name as modifier is a membership the answer's name need not state; a common word is kept
    assert keeps_modifiers("International Labour Organization", "UN labour agency", "agency")
    assert not keeps_modifiers("Organisation for Economic Co-operation and Development", "UN labour agency", "agency")


BODY4 = (
    "It urged all stakeholders to refrain from employing AI systems that contravene international human "
    "rights standards or pose significant risks to human rights enjoyment."
)


@pytest.mark.parametrize(
    ("question", "phrase", "text", "named"),
    [
        # every mention only repeats the question: no instance
        (
            "Which emerging technologies did it address?",
            "emerging technologies",
            "concerning emerging technologies.",
            False,
        ),
        (
            "Which global challenges can AI tackle?",
            "global challenges",
            "to tackle pressing global challenges and",
            False,
        ),
        # a mention that adds a qualifier or a narrowing phrase names one
        ("Which standards must AI not contravene?", "standards", BODY4, True),
        (
            "Which disparities did it recognise?",
            "disparities",
            "Recognizing the disparities in technological advancement,",
            True,
        ),
        # unless names are asked for: a description is no name
        ("Which AI systems did the Assembly name as breaching rights?", "AI systems", BODY4, False),
        # the whole class, or a list of members, answers
        ("Which stakeholders should refrain from it?", "stakeholders", BODY4, True),
        (
            "Which stakeholders will cooperate?",
            "stakeholders",
            "member states, civil society and other stakeholders",
            True,
        ),
        # a text that never uses the noun may name instances in other words
        ("Which bodies will cooperate?", "bodies", "UNESCO and the ILO will cooperate.", None),
    ],
)
def test_a_text_names_an_instance_of_the_asked_phrase_only_by_adding_to_it(question, phrase, text, named):
    assert names_instance(text, question, phrase) is named


BODY5 = (
    "Recognizing the disparities in technological advancement, efforts to support inclusive access to AI and "
    "enhance digital literacy were highlighted as essential components of global cooperation."
)
BODY3 = (
    "A core aspect of the resolution is its acknowledgement of the transformative potential of AI in "
    "accelerating progress towards achieving the United Nations’ 17 Sustainable Development Goals (SDGs)."
)


@pytest.mark.parametrize(
    ("question", "phrase", "text"),
    [
        # a phrase after the noun narrows it: "risks *to human rights enjoyment*"
        ("Which significant risks do AI systems pose?", "significant risks", BODY4),
        # "X were highlighted *as* essential components": the subject is the instance
        ("Which essential components of global cooperation were highlighted?", "essential components", BODY5),
        # "17 Sustainable Development Goals": a number of them is the whole class
        (
            "Which Sustainable Development Goals can AI accelerate progress towards?",
            "Sustainable Development Goals",
            BODY3,
        ),
    ],
)
def test_a_narrowing_phrase_a_predicate_as_or_a_count_names_the_instances(question, phrase, text):
    assert names_instance(text, question, phrase) is True


def test_a_name_the_question_calls_by_its_alias_is_echoed():
    assert not adds_to_question("member states", "Which states supported the AI resolution?")
    assert adds_to_question("developing states", "Which states supported the AI resolution?")


def test_a_chinese_questions_translated_words_are_its_own_in_an_english_clause():
    question = "文章说人工智能技术应当维护哪些伦理标准？"
    text = "AI technologies serve humanity while upholding ethical standards and human rights."
    # Without the translations "ethical" adds to the question; with 伦理 -> ethic it only repeats it.
    assert names_instance(text, question, "standard") is True
    assert names_instance(text, question, "standard", frozenset({"ethic", "standard", "technolog"})) is False


def test_a_mention_right_before_another_head_word_only_qualifies_it():
    question = "人工智能可以帮助各国应对哪些紧迫的全球挑战？"
    text = "Nations can tackle pressing global challenges."
    said = frozenset({"global", "challeng", "press"})
    assert names_instance(text, question, "global", said) is True
    assert names_instance(text, question, "global", said, frozenset({"challeng"})) is None
