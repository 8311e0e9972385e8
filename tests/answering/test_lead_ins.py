"""A lead-in about the asker ("I'm briefing my minister:", 我在给部长准备材料：) is context, not question content."""

from __future__ import annotations

import pytest

from assistant.answering.lead_ins import split_lead_in, without_lead_in


@pytest.mark.parametrize(
    ("question", "lang", "lead", "rest"),
    [
        (
            "I'm briefing my minister tomorrow: how many countries backed the text?",
            "en",
            "I'm briefing my minister tomorrow",
            "How many countries backed the text?",
        ),
        ("Quick question: who adopted the resolution?", "en", "Quick question", "Who adopted the resolution?"),
        ("For my report — which body adopted the text?", "en", "For my report", "Which body adopted the text?"),
        ("We are drafting a note - when was it adopted?", "en", "We are drafting a note", "When was it adopted?"),
        (
            "我在给部长准备材料，想问一下：决议是哪天通过的？",
            "zh",
            "我在给部长准备材料，想问一下",
            "决议是哪天通过的？",
        ),
        ("顺便问一下：谁负责落实这项决议？", "zh", "顺便问一下", "谁负责落实这项决议？"),
    ],
)
def test_a_lead_in_about_the_asker_is_split_off(question, lang, lead, rest):
    assert split_lead_in(question, lang) == (lead, rest)
    assert without_lead_in(question, lang) == rest


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # no word about the asker: the prefix names what is asked about
        ("Resolution 1/2: what does it say about AI?", "en"),
        # the question word is before the colon: the part after it is the choice offered
        ("Who adopted it: the UN or ITU?", "en"),
        # a hyphen inside a word is no break
        ("What did my colleagues call the AI-related text?", "en"),
        # nothing after the break is a question
        ("My notes: the resolution was adopted in March.", "en"),
        ("决议：谁负责落实？", "zh"),
        ("我想在自己的报告里摘用网站上的材料，需要满足什么条件？", "zh"),
    ],
)
def test_a_prefix_that_is_no_lead_in_stays(question, lang):
    assert split_lead_in(question, lang) == ("", question)
