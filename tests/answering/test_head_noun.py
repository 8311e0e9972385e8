"""The head of a which-question's asked phrase when modifiers stand before it."""

from __future__ import annotations

import pytest

from assistant.answering.analysis import answer_noun
from assistant.answering.answer_class import asked_phrase
from assistant.answering.head_noun import en_head, zh_head


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which ITU-T focus group on AI does the draft name?", "group"),
        ("Which UN General Assembly resolution on the outcomes does the draft recall?", "resolution"),
        ("Which AI ethics principles did the Assembly adopt?", "principles"),
        # a word that picks one of the kind (as 具体) is no answer noun
        ("Which specific ITU-T study group does the draft name as the lead?", "group"),
        ("Which particular agencies does the draft invite?", "agencies"),
        # a word saying the body's sector describes it: the foundation is asked for, not "private"
        ("Apart from UN agencies, which private foundation did ITU partner with?", "foundation"),
        ("Which public agency must report to the Council?", "agency"),
        # a hyphenated compound or a comparative before the noun describes it
        ("With which rich-world policy club should the head of ITU work?", "club"),
        ("Which wider effort on digital cooperation does the text fit into?", "effort"),
        ("What sort of thinking-machine uses must everyone avoid?", "uses"),
        ("决议草案规定了哪些具体的伦理原则？", "原则"),
        ("决议草案点名了哪个具体焦点组？", "焦点组"),
        ("秘书长应与哪些主要的联合国机构合作？", "机构"),
    ],
)
def test_answer_noun_is_the_head_after_modifiers(question: str, noun: str) -> None:
    lang = "zh" if not question.isascii() else "en"
    assert answer_noun(question, lang) == noun


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which Sustainable Development Goals does AI help?", "Sustainable Development Goals"),
        ("What penalties does the resolution set?", "penalties"),
        ("哪些国家投了赞成票？", "国家"),
    ],
)
def test_a_noun_without_modifiers_reads_as_before(question: str, noun: str) -> None:
    lang = "zh" if not question.isascii() else "en"
    assert answer_noun(question, lang) == noun


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        # jieba splits 提案国 into 提案(v) 国(n): the verb and its suffix are one noun, the head
        ("这项决议有哪些共同提案国？", "提案国"),
        ("哪些提案国支持这项决议？", "提案国"),
        # the noun named before a closing 哪 word is the one asked for
        ("这项决议的共同提案国具体有哪些？", "提案国"),
        ("秘书长的任务有哪些？", "任务"),
        ("人工智能生命周期的阶段有哪些？", "生命周期"),  # a partitive asks for parts of its whole
        ("决议的内容有哪些？", ""),  # generic
        ("这项决议包括哪些？", ""),  # its parts, not resolutions
    ],
)
def test_an_agent_noun_or_a_noun_before_the_question_word_is_the_answer_noun(question: str, noun: str) -> None:
    assert answer_noun(question, "zh") == noun


def test_no_modifier_gives_no_head() -> None:
    assert en_head("countries voted for it?") is None
    assert en_head("Sustainable Development Goals does AI help?") is None
    assert zh_head("国家投了赞成票？") is None


def test_asked_phrase_drops_proper_name_modifiers_of_a_glossary_name() -> None:
    assert asked_phrase("Which ITU-T focus group on AI does the draft name?", "en") == "focus group"
    assert asked_phrase("Which AI systems did the Assembly name?", "en") == "AI systems"
    assert asked_phrase("Which civil society organisations does the article name?", "en") == (
        "civil society organisations"
    )


def test_a_verb_after_the_modifiers_is_no_head() -> None:
    assert en_head("UN agencies work with the Secretary-General?") == "agencies"
    assert en_head("UN agency helps developing countries?") == "agency"
    assert en_head("Member States voted in favour?") is None


def test_a_glossary_name_after_the_modifiers_is_the_compound() -> None:
    assert en_head("ITU-T study groups work on AI?") == "groups"
