"""What a question sets aside ("apart from UN agencies", 除了…之外), and when its words leave what must be supported."""

from __future__ import annotations

import pytest

from assistant.answering.evidence import chunk_evidence, overlap, question_groups, unsaid_aside
from assistant.answering.exclusions import (
    aside_positions,
    set_aside,
    sets_aside_a_kind,
    without_set_aside,
)


@pytest.mark.parametrize(
    ("question", "lang", "aside"),
    [
        ("Apart from UN agencies, which organisations must the Secretary-General work with?", "en", "UN agencies"),
        ("Which groups besides governments will draft the rules?", "en", "governments"),
        ("Which goals does it name, other than growth?", "en", "growth"),
        ("理事会除了成员国之外还邀请哪些国家？", "zh", "成员国"),
        ("除了国际电联，还有哪些组织参与？", "zh", "国际电联"),
        # no clear end (a verb of the predicate follows), or no "except" at all: nothing is set aside
        ("Which groups besides governments play a pivotal part in building the technology?", "en", ""),
        ("如何消除数字鸿沟？", "zh", ""),
        ("除非另有规定，哪些机构负责？", "zh", ""),
    ],
)
def test_the_set_aside_phrase_is_read_where_its_end_is_clear(question, lang, aside):
    assert set_aside(question, lang) == aside


def test_only_a_kind_of_what_is_asked_leaves_the_words_to_support():
    # UN agencies are organisations: the organisations asked for are the others, and 联合国机构 is no evidence.
    kind = "秘书长除了联合国机构之外，还要和哪些组织合作？"
    assert sets_aside_a_kind(kind, "zh")
    assert without_set_aside(kind, "zh") == "秘书长，还要和哪些组织合作？"
    en = "Apart from UN agencies, which organisations must the Secretary-General work with?"
    assert without_set_aside(en, "en") == ", which organisations must the Secretary-General work with?"
    # a name ("UNESCO") or another kind (member states are no stakeholders' class) is listed with its peers:
    # the clause that names it is the answer, so its words stay
    for question in (
        "Besides UNESCO, which UN organisations is the Secretary-General asked to work with?",
        "Which stakeholders besides member states will cooperate on the frameworks?",
    ):
        assert not sets_aside_a_kind(question, "en")
        assert without_set_aside(question, "en") == question


_ASIDE_Q = "决议除了推动包容性获取之外，还强调要提升哪方面的能力？"


def _idf(token: str) -> float:
    return 1.0


def test_the_groups_of_the_set_aside_phrase_are_its_words_only():
    groups = question_groups(_ASIDE_Q, "zh")
    aside = {groups[i].term.en if groups[i].term else groups[i].token for i in aside_positions(groups, _ASIDE_Q, "zh")}
    assert aside == {"推动", "inclusive", "access"}
    assert aside_positions(groups, "决议强调要提升哪方面的能力？", "zh") == frozenset()


def test_one_word_of_the_set_aside_phrase_in_another_clause_is_no_evidence():
    groups = question_groups(_ASIDE_Q, "zh")
    aside = aside_positions(groups, _ASIDE_Q, "zh")
    peers = chunk_evidence("efforts to support inclusive access to AI and enhance digital literacy")
    other = chunk_evidence("nations can leverage its capabilities and foster inclusive development")
    # The clause naming the phrase with its peers keeps its words; one sharing "inclusive" only does not.
    assert unsaid_aside(groups, aside, peers, _idf) == frozenset()
    assert unsaid_aside(groups, aside, other, _idf) == aside
    assert overlap(groups, other, _idf, aside) < overlap(groups, other, _idf)
