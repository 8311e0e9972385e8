"""Which section a question names: heading, addressee, the act of a deciding heading with its issuer, head word."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answering.section_match import SectionName, match_section

SECRETARY_GENERAL = SectionName(
    "res", "secretary-general", ("instructs the Secretary-General", "the Secretary-General"), ("责成秘书长", "秘书长")
)
RECALLING = SectionName("res", "recalling", ("recalling", ""), ("忆及",))


RESOLVES = SectionName(
    "res",
    "resolves",
    ("resolves", ""),
    ("做出决议",),
    ("decide", "decision"),
    ("决定", "做出决议", "作出决议"),
    ("Plenipotentiary Conference", "plenipotentiary", "conference"),
    ("全权代表大会", "本届大会"),
)


@pytest.mark.parametrize(
    ("question", "lang", "key", "strength"),
    [
        ("What did the conference decide about Member States?", "en", "resolves", "act"),
        ("What was the Plenipotentiary Conference's decision on AI?", "en", "resolves", "act"),
        ("全权代表大会决定了哪些事？", "zh", "resolves", "act"),
        ("本届大会作出了什么决定？", "zh", "resolves", "act"),
        # Another body's decision, or a decision with no body: not what this conference resolves.
        ("What did the Security Council decide on AI?", "en", None, ""),
        ("联合国大会就人工智能作出了什么决定？", "zh", None, ""),
        ("Why is the decision called historic?", "en", None, ""),
        # The conference named, but another body's decision asked about.
        ("Which UN decision did the conference build on?", "en", None, ""),
        ("Which UN decision does the Plenipotentiary Conference refer to?", "en", None, ""),
        # One of the conference's numbered texts picked: a resolution it recalls, not what it decides.
        ("Which of the Bucharest conference's own numbered decisions covers WSIS?", "en", None, ""),
        ("Which of the conference's earlier decisions deals with the digital divide?", "en", None, ""),
        ("What were the conference's decisions on AI?", "en", "resolves", "act"),
        # The conference named without its act is no question about what it decided.
        ("Where was the conference held?", "en", None, ""),
        # A section named by its heading or addressee comes before the act.
        ("What did the conference decide the Secretary-General must do?", "en", "secretary-general", "full"),
    ],
)
def test_what_the_issuing_conference_decided_is_its_resolves_section(question, lang, key, strength):
    section, how = match_section(question, lang, (SECRETARY_GENERAL, RECALLING, RESOLVES))
    assert (section.key if section else None, how) == (key, strength)


def test_the_act_of_two_sections_names_neither():
    # Two drafts of the same conference: "the conference decided" says which of them no more than the other.
    other = replace(RESOLVES, doc_id="other")
    assert match_section("What did the conference decide?", "en", (RESOLVES, other)) == (None, "")
