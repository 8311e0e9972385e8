"""Which glossary names are actors, and how many actors a clause names for a "who" question."""

from __future__ import annotations

from assistant.answering.actors import (
    actors_in,
    actors_named,
    answer_actors,
    asks_for_actors,
    is_actor,
    is_actor_noun,
    issuing_bodies,
    names_subject,
    question_actor_terms,
    question_actors,
    question_subject,
)
from assistant.glossary import find_terms
from assistant.schema import Chunk


def _term(text: str):
    (term,) = find_terms(text, "en")
    return term


def test_organisations_bodies_and_groups_of_members_are_actors():
    for name in ("Secretary-General", "Member States", "civil society", "private sector", "UNESCO", "ITU Council"):
        assert is_actor(_term(name)), name


def test_concepts_are_not_actors_even_when_named_after_one():
    # "purposes of the Union" are purposes (the head word comes before "of"); an information society is no body.
    for name in ("purposes of the Union", "information society", "human rights", "digital divide", "SDGs"):
        assert not is_actor(_term(name)), name


def _chunk(text: str, lang: str = "en", addressee: str = "") -> Chunk:
    return Chunk(
        id="d/x",
        doc_id="d",
        text=text,
        lang=lang,
        kind="clause",
        section_kind="operative",
        start=0,
        end=len(text),
        addressee_en=addressee,
    )  # type: ignore[arg-type]


def test_a_clause_counts_each_actor_it_names_once():
    text = "Cooperation among member states, civil society, the private sector and other stakeholders."
    assert actors_named(_chunk(text)) == 4
    assert actors_named(_chunk("The Assembly stressed the digital divide.")) == 1
    assert actors_named(_chunk("促进与联合国教育、科学和文化组织合作", "zh")) == 1


def test_the_section_addressee_is_an_actor_of_every_clause_of_it():
    chunk = _chunk("每年向理事会报告", "zh", addressee="the Secretary-General")
    assert actors_named(chunk) == 2  # the Council and the Secretary-General


def test_actors_the_question_names_are_not_its_answer():
    asked = question_actors("Who will cooperate with civil society besides member states?", "en")
    assert asked == {"civil society", "Member States"}
    text = "Cooperation among member states, civil society, the private sector and other stakeholders."
    assert actors_named(_chunk(text), asked) == 2


def test_generic_words_for_actors_ask_for_actors():
    for noun in ("stakeholders", "Actors", "participant", "players", "circles", "群体", "圈子", "相关方"):
        assert is_actor_noun(noun), noun
    # "which group of countries" asks for one actor; "which rights" for no actor at all.
    for noun in ("groups", "organizations", "rights", ""):
        assert not is_actor_noun(noun), noun


def test_who_questions_and_actor_nouns_ask_for_actors_but_persons_do_not():
    assert asks_for_actors("who", "")
    assert asks_for_actors("who", "bodies")
    assert asks_for_actors("which", "stakeholders")
    assert not asks_for_actors("which", "countries")
    # "Which people benefit …" asks for the inhabitants of the world, "which official" for one person.
    for noun in ("people", "People", "official", "人们", "居民"):
        assert not asks_for_actors("who", noun), noun


def test_a_header_names_the_bodies_that_issue_its_document():
    header = "ADD\tEUR/44A25/1\n第[EUR-2]号新决议草案\n国际电信联盟全权代表大会（2022年，布加勒斯特）"
    assert [t.en for t in issuing_bodies(header, "zh")] == [
        "International Telecommunication Union",
        "Plenipotentiary Conference",
    ]
    assert issuing_bodies("第[EUR-2]号新决议草案：人工智能技术", "zh") == ()


def test_a_clause_that_never_names_the_questions_actor_offers_no_actor_to_its_who_question():
    asked = question_actor_terms("Who did ITU organise the summit with?", "en")
    partners = _chunk("国际电联与XPRIZE基金会、计算机协会合作组织高峰会议", "zh")
    others = _chunk("国际标准化组织、标准制定组织和学术会议的举措", "zh")
    assert answer_actors(partners, asked, partners.text) == 2  # the XPRIZE Foundation and the ACM, not ITU
    assert answer_actors(others, asked, others.text) == 0
    # The question's actor may be written in the clause's lead-in line, which the glossary reads as a longer name.
    purposes = _chunk("促使世界上所有居民都得益于新的电信技术", "zh")
    assert answer_actors(purposes, asked, "国际电联的宗旨包括：\n" + purposes.text) == 1
    assert answer_actors(purposes, asked, purposes.text) == 0
    # A question that names no actor takes every clause's actors.
    assert answer_actors(others, (), others.text) == 2


def test_a_population_counts_as_one_who_but_human_rights_name_no_one():
    for text in ("促使世界上所有居民都得益于新的电信技术", "protecting individuals' rights"):
        assert answer_actors(_chunk(text), (), text) == 1, text
    text = "upholding human rights throughout the lifecycle of AI"
    assert answer_actors(_chunk(text), (), text) == 0


def test_the_actors_a_sentence_names_leave_out_the_questions_own_and_any_addressee():
    asked = question_actors("Whom did the General Assembly urge?", "en")
    assert actors_in("Crucially, the General Assembly reiterated that human rights must be safeguarded.", asked) == 0
    assert actors_in("It urged all stakeholders to refrain from employing such AI systems.", asked) == 1


def test_a_name_written_before_the_questions_own_actor_is_part_of_it():
    # "The United Nations General Assembly" names the Assembly the question names, no other actor: the sentence
    # naming who led it ("a coalition of nations … 120 member states") is the one that answers
    asked = question_actors("这项联大人工智能决议是由谁牵头推动的？", "zh")
    assert actors_in("The United Nations General Assembly recently embraced a pivotal resolution.", asked) == 0
    assert actors_in("The United Nations and the General Assembly met.", asked) == 1
    assert actors_in("A resolution led by a coalition of nations, with support from 120 member states.", asked) == 1


def _actor_names(question: str, lang: str) -> list[str]:
    return [t.en for t in question_actor_terms(question, lang)]


def test_a_name_saying_whose_document_is_asked_about_is_no_actor_of_the_question():
    names = _actor_names
    assert names("In the ITU draft, which groups help most?", "en") == []
    assert names("根据国际电联的草案，哪些方面最重要？", "zh") == []
    # named as the one who acts, it stays
    assert names("Which partners did ITU work with in the draft?", "en") == ["International Telecommunication Union"]


_SUMMIT = "国际电联与XPRIZE基金会、计算机协会合作组织的“人工智能造福人类高峰会议”"
_SHARE = "利用现有机制与成员国分享联合国其他机构、成员国和其他相关组织提供的建议"


def test_a_who_questions_subject_is_the_named_event_not_its_actors_or_concepts():
    subject = question_subject("Together with whom did ITU organise the AI for Good summit?", "en")
    assert [t.en for t in subject.terms] == ["AI for Good Global Summit"]  # ITU is an actor
    assert not question_subject("Who must report to the Council on artificial intelligence?", "en")


def test_the_subject_must_be_named_by_the_clause_a_who_question_is_answered_from():
    subject = question_subject("Who did ITU organise the AI for Good Global Summit with?", "en")
    assert names_subject(_chunk(_SUMMIT, "zh"), subject)
    assert not names_subject(_chunk(_SHARE, "zh"), subject)


def test_a_name_in_quotation_marks_the_glossary_does_not_know_whole_is_matched_as_written():
    subject = question_subject("那个“人工智能造福人类”的峰会，国际电联是跟谁一起办的？", "zh")
    assert subject.written == ("人工智能造福人类",)
    assert names_subject(_chunk(_SUMMIT, "zh"), subject)
    assert not names_subject(_chunk(_SHARE, "zh"), subject)


def test_the_owner_written_into_an_excluded_actors_name_is_no_other_actor():
    # "Who led the text at the assembly of all member states?": the sentence naming the Assembly names no one else.
    sentence = "The United Nations General Assembly recently embraced a pivotal resolution on artificial intelligence."
    assert actors_in(sentence, {"General Assembly"}) == 0
    assert actors_in(sentence) == 2  # the United Nations and its General Assembly, when neither is asked
    # An actor of its own beside the excluded one still counts.
    assert actors_in("The General Assembly and ITU worked together.", {"General Assembly"}) == 1
