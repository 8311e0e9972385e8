"""What-questions about several documents: one clause of each document, each cited and labelled."""

from __future__ import annotations

import re

import pytest

from assistant.answering.each_document import asked_documents

DRAFT_C = "eur-44a25-1/preamble/recalling/c"
ARTICLE_5 = "unido-unga-ai-resolution/body/5"


def _cited(answer):
    return [c.chunk_id for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What do the documents say about the digital divide?", ("The draft resolution — ", "The article — ")),
        (
            "What do the draft and the article say about the digital divide?",
            ("The draft resolution — ", "The article — "),
        ),
        ("两份文件关于数字鸿沟说了什么？", ("决议草案——", "报道——")),
    ],
)
def test_a_what_question_on_both_documents_cites_a_clause_of_each(assistant, question, names):
    # the draft recalls Resolution 139 on bridging the digital divide (recalling c); the article's
    # paragraph 5 says the Assembly emphasized addressing it: one clause answers for one document only
    answer = assistant.ask(question)
    assert not answer.abstained
    assert _cited(answer) == [DRAFT_C, ARTICLE_5]
    lines = answer.text.split("\n")
    assert re.match(rf"1\. {names[0]}.*\[1\]$", lines[1])
    assert re.match(rf"2\. {names[1]}.*\[2\]$", lines[2])
    assert "covers only" not in answer.text and "仅涉及" not in answer.text


@pytest.mark.parametrize(
    ("question", "lead", "part", "cited"),
    [
        # human rights: the article's paragraphs only; the draft speaks of ethics (伦理), never of 人权
        (
            "What do the draft and the article say about human rights?",
            "Only the article speaks of this; the draft resolution has no clause on it.",
            "The article — ",
            "unido-unga-ai-resolution/",
        ),
        (
            "决议草案和新闻报道关于人权说了什么？",
            "仅报道谈及此事；决议草案没有相关条款。",
            "报道——",
            "unido-unga-ai-resolution/",
        ),
        # developing nations: only the article's paragraph 5; the draft's clause on sharing with Member
        # States, chosen for the rest of the question, does not name them
        ("两份文件关于发展中国家说了什么？", "仅报道谈及此事；决议草案没有相关条款。", "报道——", ARTICLE_5),
        # the WSIS outcomes: only the draft recalls them
        (
            "What do the documents say about the World Summit on the Information Society?",
            "Only the draft resolution speaks of this; the article has no clause on it.",
            "The draft resolution — ",
            "eur-44a25-1/preamble/recalling/",
        ),
        # robotics: the draft's noting c only, though the clauses retrieved for the question with the
        # documents' names are the article's
        (
            "What do the draft resolution and the article say about robotics?",
            "Only the draft resolution speaks of this; the article has no clause on it.",
            "The draft resolution — ",
            "eur-44a25-1/preamble/noting/c",
        ),
    ],
)
def test_a_what_question_on_both_documents_that_one_does_not_answer_is_answered_partially(
    assistant, question, lead, part, cited
):
    # what the one document says, cited, under a lead that says the other has no clause on it
    answer = assistant.ask(question)
    assert not answer.abstained
    lines = answer.text.split("\n")
    assert lines[0] == lead
    assert lines[1].startswith(part) and lines[1].endswith("[1]")
    assert len(answer.citations) == 1 and answer.citations[0].chunk_id.startswith(cited)
    assert "Each document" not in answer.text and "各文件" not in answer.text


def test_a_topic_neither_document_states_keeps_the_plain_abstention(assistant):
    answer = assistant.ask("What do the documents say about climate change?")
    assert answer.abstained
    assert not answer.text.startswith("For ")


def test_a_question_about_one_document_keeps_the_one_clause_answer(assistant):
    answer = assistant.ask("What does the article say about the digital divide?")
    assert _cited(answer) == [ARTICLE_5]
    assert not answer.text.startswith("Each document")


def test_a_question_comparing_the_documents_is_not_split_by_document(assistant):
    answer = assistant.ask("What do the documents have in common on the digital divide?")
    assert not answer.text.startswith("Each document")


@pytest.mark.parametrize(
    ("question", "lang", "ids"),
    [
        ("What do the documents say about X?", "en", ["eur-44a25-1", "unido-unga-ai-resolution"]),
        ("What do both texts say about X?", "en", ["eur-44a25-1", "unido-unga-ai-resolution"]),
        # in the order the question names them
        ("What do the article and the ITU draft say about X?", "en", ["unido-unga-ai-resolution", "eur-44a25-1"]),
        ("这篇报道和决议草案关于X说了什么？", "zh", ["unido-unga-ai-resolution", "eur-44a25-1"]),
        ("两份文件关于X说了什么？", "zh", ["eur-44a25-1", "unido-unga-ai-resolution"]),
        # one document, or a kind named inside a longer phrase, asks of no several documents
        ("What does the article say about the draft's aims?", "en", []),
        ("What does the draft say about X?", "en", []),
        ("What documents does the draft recall?", "en", []),
        ("决议草案忆及了哪些文件？", "zh", []),
    ],
)
def test_the_documents_a_question_asks_of_together(documents, question, lang, ids):
    assert [d.id for d in asked_documents(question, lang, list(documents.values()))] == ids


def test_a_corpus_of_one_document_has_no_several_to_ask_of(documents):
    one = [documents["eur-44a25-1"]]
    assert asked_documents("What do the documents say about X?", "en", one) == []


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # the article speaks of ethics (its title, "ethical standards") but of no issues: its part, chosen
        # on the question's other words, is no answer, and the lead says which word it lacks, not "it"
        (
            "What do the documents say about ethical issues?",
            "Only the draft resolution speaks of this; the article has no clause on issues.",
        ),
        ("两份文件关于伦理问题说了什么？", "仅决议草案谈及此事；报道没有相关条款提及问题。"),
    ],
)
def test_a_partial_answer_names_the_word_a_speaking_document_lacks(assistant, question, lead):
    answer = assistant.ask(question)
    assert answer.text.split("\n")[0] == lead
    assert [c.chunk_id for c in answer.citations] == ["eur-44a25-1/preamble/considering-further/g"]
