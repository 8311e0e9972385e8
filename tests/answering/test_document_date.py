"""A document's own date answers "when did X happen" when its title or dateline covers X; never the future."""

from __future__ import annotations

from assistant.answering.document_date import document_date
from assistant.answering.evidence import question_groups
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
