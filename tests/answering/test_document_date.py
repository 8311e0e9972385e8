"""A document's own date answers "when did X happen" when its title or dateline covers X; never the future."""

from __future__ import annotations

import pytest

from assistant.answering.document_date import Misprint, document_date, misprint, misprint_lead
from assistant.answering.evidence import question_groups
from assistant.schema import DocumentInfo
from tests.answering.toy import toy_context

DOCS = {
    "news": (
        "article",
        [
            ("title", "General Assembly adopts resolution on artificial intelligence"),
            ("dateline", "New York, 21 March, 2004 –"),
            ("paragraph", "The resolution was backed by more than 120 member states."),
        ],
    )
}


def ask(question: str):
    ctx = toy_context(DOCS)
    return document_date(question, "en", "news", ctx, question_groups(question, "en"))


def test_the_dateline_answers_when_the_title_covers_the_event():
    answer = ask("When did the General Assembly adopt the resolution on artificial intelligence?")
    assert answer is not None and not answer.abstained
    assert answer.text.startswith("The article is dated 21 March, 2004 (as printed).")
    assert [c.chunk_id for c in answer.citations] == ["news/dateline/2"]


def test_an_event_the_title_does_not_cover_is_not_dated_by_it():
    assert ask("When did the Council meet in Geneva to discuss budgets?") is None


def test_a_question_about_the_next_event_is_never_answered_by_a_past_date():
    assert ask("When will the General Assembly next adopt a resolution on artificial intelligence?") is None


def test_a_document_the_context_does_not_hold_has_no_date():
    ctx = toy_context(DOCS)
    assert document_date("When was it adopted?", "en", "gone", ctx, question_groups("adopted", "en")) is None


TYPO = DocumentInfo(
    id="news",
    path="news.en.txt",
    language="en",
    kind="article",
    date_printed="21 March, 2004",
    note="The printed date '21 March, 2004' is a typo in the source, kept as printed. It was adopted on 21 March 2024.",
)


def test_a_note_calling_the_printed_date_a_typo_gives_the_actual_date():
    assert misprint(TYPO) == Misprint("21 March, 2004", "21 March 2024")
    plain = DocumentInfo(id="n", path="n.txt", language="en", kind="article", date_printed="21 March, 2004")
    assert misprint(plain) is None
    worded = DocumentInfo(
        id="n", path="n.txt", language="en", kind="article", date_printed="2004", note="Published 2004; see 2024."
    )
    assert misprint(worded) is None  # the note does not call the printed date a typo


@pytest.mark.parametrize(
    ("question", "lang", "start"),
    [
        ("Was the resolution adopted in 2024?", "en", "Yes. The article prints 21 March, 2004"),
        ("Was the resolution adopted in 2004?", "en", "The article prints 21 March, 2004, but"),
        ("决议是2024年通过的吗？", "zh", "是的。"),
        ("决议是2004年通过的吗？", "zh", "文章所印日期为21 March, 2004，但"),
    ],
)
def test_a_yes_no_question_on_a_misprinted_year_says_both_dates(question, lang, start):
    lead = misprint_lead(question, lang, TYPO)
    assert lead.startswith(start) and "21 March 2024" in lead


def test_a_year_neither_printed_nor_noted_gets_no_misprint_lead():
    assert misprint_lead("Was the resolution adopted in 2023?", "en", TYPO) == ""
    assert misprint_lead("Was the resolution adopted?", "en", TYPO) == ""


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Was the AI resolution adopted in 2004?", "The article prints 21 March, 2004, but"),
        ("Was the AI resolution adopted in 2024?", "Yes. The article prints 21 March, 2004"),
        ("联合国大会是在2024年通过人工智能决议的吗？", "是的。"),
    ],
)
def test_the_bundled_articles_misprinted_year_is_answered_with_the_manifests(assistant, question, start):
    answer = assistant.ask(question)
    assert not answer.abstained and answer.text.startswith(start) and "2024" in answer.text
    assert [c.chunk_id for c in answer.citations] == ["unido-unga-ai-resolution/dateline"]
