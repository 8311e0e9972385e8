"""Event nouns that name a document's adoption ("the vote", 这次表决) are said by the adoption's words."""

from __future__ import annotations

import pytest

from assistant.answering.events import adoption_events
from assistant.answering.evidence import chunk_evidence, overlap, question_groups
from assistant.answering.specifics import unsupported_specifics
from assistant.answering.support import unknown_everywhere

ADOPTED = chunk_evidence(
    "Notably, the adoption of this resolution has been recognized as a historic milestone in global governance."
)


@pytest.mark.parametrize(
    ("question", "lang", "token"),
    [
        ("In what area does the vote mark a watershed?", "en", "vote"),
        ("How was the passing of the text regarded?", "en", "pass"),
        ("What made this vote unprecedented?", "en", "vote"),
        ("这次表决被视为什么样的里程碑？", "zh", "表决"),
        # names between the determiner and the noun say whose vote it is
        ("In which city was this news story about the UN AI vote filed?", "en", "vote"),
        ("How was the General Assembly vote described?", "en", "vote"),
    ],
)
def test_an_event_noun_with_a_determiner_is_the_adoption(question, lang, token):
    assert "adopt" in adoption_events(question, lang)[token]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which countries voted against the resolution?", "en"),  # a verb: who voted how
        ("How many votes did the resolution receive?", "en"),  # a count of votes
        ("What was the vote count?", "en"),  # the noun modifies what is asked
        ("What was the UN vote count?", "en"),
        ("Which countries opposed the UN AI vote for or against?", "en"),  # votes for / against, named or not
        ("What did the text say about AI voting rights?", "en"),  # no determiner: votes, not the event
        ("How did the states vote on it?", "en"),
        ("Did Romania cast its vote for the draft?", "en"),  # a vote cast
        ("How did Romania cast its vote?", "en"),
        ("Which countries voted against it in the vote?", "en"),  # one token, used both ways
        ("有多少国家投票反对？", "zh"),
        # "Yes" would be asserted of the vote's manner, which the adoption's words do not say
        ("Was the vote on the AI resolution unanimous?", "en"),
        ("这次表决是一致通过的吗？", "zh"),
    ],
)
def test_votes_cast_and_counted_are_no_adoption(question, lang):
    assert adoption_events(question, lang) == {}


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
    assert overlap(groups, ADOPTED, lambda _: 1.0) == overlap(groups, chunk_evidence("a watershed"), lambda _: 1.0)


def test_the_vote_stays_a_word_no_document_uses():
    known = {"adopt", "watershed"}
    vote = next(g for g in question_groups("Why is the vote a watershed?", "en") if g.token == "vote")
    assert unknown_everywhere(vote, lambda t: 1.0 if t in known else None, ADOPTED)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # "voting" modifying a noun: voting rights and procedures are no adoption
        ("Who holds the voting rights in the General Assembly?", "en"),
        ("What does the voting procedure require?", "en"),
        # a passage of text, and the passage of time
        ("What does this passage say about developing countries?", "en"),
        ("How did the passage of time change AI governance?", "en"),
        ("这次投票权的分配如何？", "zh"),
        ("这次表决程序有什么要求？", "zh"),
    ],
)
def test_a_vote_or_passage_that_is_not_the_adoption_event_stays_as_written(question, lang):
    assert adoption_events(question, lang) == {}


@pytest.mark.parametrize(
    "question",
    [
        "What did the voting on the AI resolution mark?",
        "What happened after the voting?",
        "How was the passage of the resolution described?",
        # a verb after "the voting" (no noun it modifies), and the passage of a text named by its kind
        "How did the voting go?",
        "When did the voting take place?",
        "What happened after the passage of resolution 70/1?",
    ],
)
def test_the_voting_and_the_passage_of_a_text_are_the_adoption(question):
    assert adoption_events(question, "en")


def test_voting_procedures_are_still_a_fact_the_adoption_does_not_state():
    assert unsupported_specifics("What does the voting procedure require?", "en", ADOPTED) == ["voting"]


@pytest.mark.parametrize(
    "question",
    [
        "Who said that voting was close?",  # "that" opens a clause: "voting" has no determiner
        "Who noted that passing the text was hard?",  # a verb with its object, not the event
        "Why did the delegates say that voting on the text had to wait?",
    ],
)
def test_that_as_a_conjunction_is_no_determiner_of_the_event(question):
    assert adoption_events(question, "en") == {}


def test_that_as_a_demonstrative_still_names_the_vote():
    assert "adopt" in adoption_events("Why was that vote a watershed?", "en")["vote"]
