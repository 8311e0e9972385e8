"""Question groups and their IDF-weighted overlap with a text, in either language."""

from __future__ import annotations

import pytest

from assistant.answering.evidence import chunk_evidence, overlap, question_groups, question_stems, written_in
from assistant.answering.specifics import unsupported_specifics
from assistant.answering.support import unknown_everywhere


def idf(token: str) -> float | None:
    return {"": 1.0, "report": 2.0, "council": 3.0}.get(token, 1.0)


def test_question_words_are_not_content():
    groups = question_groups("What must be reported to the Council?", "en")
    names = [g.term.en if g.term else g.token for g in groups]
    assert "Council" in names and "report" in names
    assert not {"what", "must"} & set(names)
    assert "what" in question_stems()


def test_overlap_is_the_weighted_share_found():
    groups = question_groups("report Council", "en")
    assert overlap(groups, chunk_evidence("The Council receives it."), idf) < 1.0
    assert overlap(groups, chunk_evidence("A report to the Council."), idf) == 1.0
    assert overlap([], chunk_evidence("anything"), idf) == 0.0


def test_a_glossary_term_is_found_in_the_other_language():
    groups = question_groups("What does the Secretary-General do?", "en")
    assert any(g.found_in(*chunk_evidence("责成秘书长")) for g in groups if g.term is not None)


def test_translations_let_a_word_match_its_translation():
    groups = question_groups("report", "en", {"report": ("报告",)})
    assert groups[0].found_in(*chunk_evidence("每年向理事会报告"))


def test_a_near_synonym_counts_less_than_the_word_or_its_translation():
    from assistant.answering.evidence import NEAR_WEIGHT

    groups = question_groups("backed", "en", {"back": ("支持", "support")}, {"back": ("support",)})
    (g,) = groups
    assert g.strength(*chunk_evidence("得到支持")) == 1.0
    assert g.strength(*chunk_evidence("receiving support")) == NEAR_WEIGHT
    assert g.found_in(*chunk_evidence("receiving support"))
    assert g.strength(*chunk_evidence("nothing here")) == 0.0


def test_a_name_weighs_as_its_most_specific_word_not_its_commonest():
    # "AI" is in every clause, "summit" and 高峰 are rare: the summit's name is a rare, telling word.
    weights = {"ai": 0.5, "good": 3.0, "global": 2.0, "summit": 4.0, "人工智能": 0.5, "造福人类": 3.5, "高峰": 4.0}
    (g,) = [x for x in question_groups("the AI for Good summit", "en") if x.term is not None]
    assert g.weight(weights.get, 1.0) == 4.0


def test_a_name_weighs_as_its_commoner_form():
    # One form's rarest word is still common: the name is found as often as that form is.
    weights = {"ai": 0.5, "good": 1.0, "global": 1.0, "summit": 1.5, "人工智能": 0.5, "造福人类": 3.5, "高峰": 4.0}
    (g,) = [x for x in question_groups("the AI for Good summit", "en") if x.term is not None]
    assert g.weight(weights.get, 1.0) == 1.5


def test_a_term_written_inside_a_longer_one_counts_but_not_inside_a_word():
    groups = {g.term.en: g for g in question_groups("Is it about the information society and AI?", "en") if g.term}
    assert written_in(groups["information society"], "信息社会世界峰会（WSIS）成果")
    assert not written_in(groups["artificial intelligence"], "The Assembly said so.")  # "AI" inside "said"
    assert written_in(groups["artificial intelligence"], "AI systems")


def test_guanyu_asks_about_a_topic_and_is_no_word_a_clause_must_state():
    # 关于 is the question's "about" (an English stop word): 两份文件关于数字鸿沟说了什么 asks of the digital divide
    groups = question_groups("两份文件关于数字鸿沟说了什么？", "zh")
    assert "关于" not in {g.token for g in groups}
    assert any(g.term is not None and g.term.zh == "数字鸿沟" for g in groups)


def test_the_respect_a_chinese_question_asks_in_is_not_content():
    # 哪方面 asks "in which respect": a clause that says 成果方面 shares no topic with it.
    groups = question_groups("这项决议与联合国在哪方面的更广泛倡议相一致？", "zh")
    tokens = [g.token for g in groups if g.term is None]
    assert "广泛" in tokens
    assert "方面" not in tokens


# Everyday phrasings (phrasings.py): a request to refrain is covered in full by the clause that says
# "refrain"; "the vote" is the adoption only weakly (near-synonyms).
REFRAIN = chunk_evidence("The Council called on all stakeholders to refrain from deploying unsafe drones.")
OTHER = chunk_evidence("The Council stressed that unsafe drones need cooperation among all member states.")
ADOPTED = chunk_evidence(
    "Notably, the adoption of this resolution has been recognized as a historic milestone in global governance."
)


def _one(token: str) -> float:
    return 1.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did the Council ask everyone involved not to do with drones?", "en"),
        ("What were all parties asked to stop doing with drones?", "en"),
        ("What kind of drone use did the Council tell everybody to stay away from?", "en"),
        ("What did the Council urge everyone to avoid with drones?", "en"),
        ("理事会要求各方不要用无人机做什么？", "zh"),
    ],
)
def test_a_request_to_refrain_is_covered_by_the_clause_that_says_refrain(question, lang):
    groups = question_groups(question, lang)
    assert overlap(groups, REFRAIN, _one) > overlap(groups, OTHER, _one)


def test_the_adoption_supports_the_vote_as_event_but_not_votes_against_or_abstentions():
    assert (
        unsupported_specifics("In what area of global governance does the vote mark a watershed?", "en", ADOPTED) == []
    )
    assert unsupported_specifics("Which countries voted against the resolution?", "en", ADOPTED) == ["voted"]
    assert unsupported_specifics("How many abstentions were there in the vote?", "en", ADOPTED) == ["abstentions"]
    assert unsupported_specifics("在这次表决中有多少国家弃权？", "zh", chunk_evidence("决议获得通过")) == ["弃权"]


def test_the_adoption_words_add_nothing_to_coverage():
    # Every paragraph of a report on an adoption has them: they must not make one clause look better.
    groups = question_groups("Why is the vote described as a watershed?", "en")
    assert overlap(groups, ADOPTED, _one) == overlap(groups, chunk_evidence("a watershed"), _one)


def test_the_vote_stays_a_word_no_document_uses():
    known = {"adopt", "watershed"}
    vote = next(g for g in question_groups("Why is the vote a watershed?", "en") if g.token == "vote")
    assert unknown_everywhere(vote, lambda t: 1.0 if t in known else None, ADOPTED)


def test_voting_procedures_are_still_a_fact_the_adoption_does_not_state():
    assert unsupported_specifics("What does the voting procedure require?", "en", ADOPTED) == ["voting"]


def test_a_near_synonym_adds_to_overlap_but_an_everyday_phrasing_only_makes_its_word_known():
    from assistant.answering.evidence import NEAR_WEIGHT

    # "the vote" stands for the adoption (phrasings.py), which every paragraph of a news item on it states.
    (vote, _) = question_groups("What did the vote show?", "en")
    adoption = chunk_evidence("the adoption of this resolution")
    assert vote.found_in(*adoption) and vote.strength(*adoption) == 0.0
    (backed,) = question_groups("backed", "en", {"back": ("support",)}, {"back": ("support",)})
    assert 0.0 < backed.strength(*chunk_evidence("receiving support")) == NEAR_WEIGHT < 1.0


def test_an_everyday_name_of_a_term_is_that_term_and_no_term_inside_it():
    # "poorer countries" are developing countries, not the Member States "countries" alone would be; "smart
    # machines" is artificial intelligence, not "smart" (智能 inside 人工智能) and "machines" (机制) one by one.
    groups = question_groups("What help should poorer countries get with smart machines?", "en")
    names = {g.term.en if g.term else g.token for g in groups}
    assert {"developing countries", "artificial intelligence"} <= names
    assert not names & {"Member States", "smart", "machin", "poorer", "countri"}


# Descriptions (descriptions.py): read as their term, their own words are no further terms a clause must name.


def test_a_term_inside_a_description_is_part_of_it():
    question = "Which text covers what came out of the big UN summit on the networked society?"
    terms = [g.term.en for g in question_groups(question, "en") if g.term is not None]
    assert terms == ["World Summit on the Information Society"]
    wsis = chunk_evidence("本届大会有关国际电联在落实信息社会世界峰会成果方面的作用的第140号决议")
    other = chunk_evidence("联合国贸易发展大会和每年一度的人工智能峰会为解决社会问题而实施的举措")
    assert overlap(question_groups(question, "en"), wsis, _one) > overlap(question_groups(question, "en"), other, _one)


def test_a_term_a_description_only_overlaps_stays():
    # "AI for Good" is the glossary's own name; the description "for Good summit" inside it adds nothing.
    terms = [g.term.en for g in question_groups("Who paid for the AI for Good summit?", "en") if g.term is not None]
    assert terms == ["AI for Good Global Summit"]


def test_a_term_written_inside_an_informal_description_is_part_of_it():
    # 全体会员国都在的大会 is the General Assembly (descriptions.py):
    # its 会员国 are no member states a clause must name.
    groups = question_groups("在全体会员国都在的大会上，这份文本是谁牵头拿出来的？", "zh")
    names = [g.term.en for g in groups if g.term is not None]
    assert "General Assembly" in names
    assert "member states of the United Nations" not in names
    assert not {"全体", "会员国"} & {g.token for g in groups}
    # Written on its own, the term stays.
    own = question_groups("会员国在大会上做了什么？", "zh")
    assert "member states of the United Nations" in [g.term.en for g in own if g.term is not None]


def test_a_description_is_one_group_of_its_term_standing_for_its_words():
    # "people's basic freedoms" (descriptions.py) is human rights, found in a clause that says so; the group
    # stands for the description's three words, the question's own words for one each.
    groups = question_groups("Which machines act against people's basic freedoms?", "en")
    described = [g for g in groups if g.term is not None and g.term.en == "human rights"]
    assert [g.words for g in described] == [3]
    assert described[0].found_in(*chunk_evidence("human rights must be safeguarded offline and online"))
    assert {g.words for g in groups if g.term is None} == {1}
