"""The verb of a Chinese which-question's predicate: verbs jieba tags as nouns, and the passive 由."""

from __future__ import annotations

import pytest

from assistant.answering.zh_predicate import Passive, agent_acts, is_predicate_verb, question_passive, zh_answer_verb
from assistant.schema import Chunk

REPORT = "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，"
ISSUES = "人工智能技术的发展涉及广发的社会、经济和伦理问题，联合国其他机构和其他国际机构正在处理这些问题；"


def chunk(text: str, lang: str = "zh", addressee: str = "") -> Chunk:
    return Chunk(
        id="d/x",
        doc_id="d",
        text=text,
        lang=lang,  # type: ignore[arg-type]
        kind="clause",
        section_kind="operative",
        start=0,
        end=len(text),
        addressee_zh=addressee,
    )


def test_a_transitive_verb_jieba_tags_as_a_noun_is_a_verb_and_a_compound_maker_is_not():
    assert is_predicate_verb("影响", "vn")
    assert is_predicate_verb("推动", "v")
    # 合作组织, 管理机构: these verbal nouns qualify the noun after them
    assert not is_predicate_verb("合作", "vn")
    assert not is_predicate_verb("管理", "vn")


@pytest.mark.parametrize(
    ("question", "noun", "passive"),
    [
        ("哪些活动由秘书长负责？", "活动", Passive("秘书长", "负责")),
        ("哪些倡议由成员国提出？", "倡议", Passive("成员国", "提出")),
        ("哪些问题由联合国其他机构处理？", "问题", Passive("联合国其他机构", "处理")),
        ("哪些活动由秘书长？", "活动", None),  # no verb after the agent
        ("哪些组织反对该决议？", "组织", None),
    ],
)
def test_a_passive_after_the_asked_noun_gives_its_agent_and_verb(question, noun, passive):
    assert question_passive(question, noun) == passive


def test_the_verb_after_a_passives_agent_or_a_noun_tagged_verb_is_what_the_x_did():
    assert zh_answer_verb("哪些活动由秘书长负责？", "活动") == "负责"
    assert zh_answer_verb("哪些机构资助了人工智能造福人类高峰会议？", "机构") == "资助"
    assert zh_answer_verb("哪些组织应该参与？", "组织") == ""


def test_a_noun_named_before_a_closing_which_word_has_no_verb_of_its_own():
    # 包括 says what is asked (the goals it includes), not what the goals do
    assert zh_answer_verb("国际电联的目标包括哪些？", "目标") == ""
    assert zh_answer_verb("哪些目标包括可持续发展？", "目标") == "包括"


def test_the_agent_acts_as_the_sections_addressee_or_in_the_text_not_after_a_preposition():
    council, sg = Passive("理事会", "负责"), Passive("秘书长", "负责")
    # 向理事会报告: the Council is who is reported to, the Secretary-General (the addressee) reports
    assert not agent_acts(council, chunk(REPORT, addressee="秘书长"))
    assert agent_acts(sg, chunk(REPORT, addressee="秘书长"))
    assert agent_acts(Passive("联合国其他机构", "处理"), chunk(ISSUES))
    # an English clause by the agent's glossary name; an agent the glossary lacks is not read there
    assert agent_acts(council, chunk("The Secretary-General reports to the Council.", "en"))
    assert not agent_acts(council, chunk("The resolution ensures responsible use of AI.", "en"))
    assert agent_acts(Passive("某某委员会", "负责"), chunk("The resolution ensures responsible use of AI.", "en"))
