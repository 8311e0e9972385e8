"""Chinese which-questions that name their noun before the question word, and agent nouns."""

from __future__ import annotations

import pytest

from assistant.answering.zh_topic import (
    agent_after_which,
    agent_class,
    is_agent_noun,
    merge_agents,
    topic_first,
    topic_head,
)
from assistant.segmentation import pos_words


@pytest.mark.parametrize(
    ("question", "head", "phrase", "plural"),
    [
        ("这项决议的共同提案国具体有哪些？", "提案国", "共同提案国", True),
        # jieba reads 国有 ("state-owned") across the noun and its verb: the topic is segmented on its own
        ("决议的共同提案国有哪些？", "提案国", "共同提案国", True),
        ("秘书长的全部任务有哪些？", "任务", "全部任务", True),
        ("国际电联的目标包括哪些？", "目标", "目标", True),
        ("决议草案提到的国际组织有哪些？", "组织", "国际组织", True),
        ("这项决议的提案国是哪个？", "提案国", "提案国", False),
    ],
)
def test_a_noun_named_before_a_closing_which_word_is_what_is_asked(
    question: str, head: str, phrase: str, plural: bool
) -> None:
    found = topic_first(question)
    assert found is not None
    assert question[found.start : found.end] == head == found.head
    assert question[found.lead : found.end] == phrase
    assert found.plural is plural


@pytest.mark.parametrize(
    "question",
    [
        "这项决议包括哪些？",  # one given thing: its parts are asked for, not resolutions
        "决议中有哪些？",  # a place word
        "决议提到的有哪些？",  # no noun after the 的
        "决议涉及哪些？",  # what the resolution covers
        "这项决议有哪些共同提案国？",  # the noun follows the question word
        "哪些国家是这项决议的共同提案国？",
    ],
)
def test_no_topic_noun_is_read_where_none_is_asked(question: str) -> None:
    assert topic_first(question) is None


def test_the_topics_head_skips_generic_nouns_and_gives_a_partitives_whole() -> None:
    assert topic_head("决议的内容有哪些？", generic={"内容"}) == ""
    assert topic_head("人工智能生命周期的阶段有哪些？", partitive={"阶段"}) == "生命周期"
    assert topic_head("秘书长的任务有哪些？", partitive={"阶段"}) == "任务"


def test_a_verb_and_its_one_character_suffix_are_one_agent_noun() -> None:
    assert [w for w, _ in merge_agents(pos_words("共同提案国"))] == ["共同", "提案国"]
    assert [w for w, _ in merge_agents(pos_words("这项决议的提案方"))][-1] == "提案方"
    # a suffix after a pronoun or a particle is no agent's
    assert [w for w, _ in merge_agents(pos_words("各国"))] == ["各国"]
    assert is_agent_noun("提案国") and is_agent_noun("签署国") and is_agent_noun("提案者")
    assert not is_agent_noun("联合国")  # a name, though 联合 is a verb
    assert not is_agent_noun("成员")


def test_an_agent_nouns_class_comes_from_its_suffix() -> None:
    assert agent_class("提案国") == "country"
    assert agent_class("签署国") == "country"
    assert agent_class("提案方") == ""  # a party: no class of its own
    assert agent_class("联合国") == ""


def test_an_agent_noun_after_the_question_word_past_its_modifiers() -> None:
    q = "这项决议有哪些共同提案国？"
    found = agent_after_which(q)
    assert found is not None and found.head == "提案国" and q[found.lead : found.end] == "共同提案国"
    assert found.plural
    assert agent_after_which("哪些国家是这项决议的共同提案国？") is None  # its noun is 国家
