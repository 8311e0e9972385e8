"""Document metadata answered from the manifest and the header, cited."""

from __future__ import annotations

from assistant.answering.analysis import analyse_question
from assistant.answering.context import AnswerContext
from assistant.answering.metadata import doc_level_chunks, metadata_answer


def _ctx(assistant) -> AnswerContext:
    return AnswerContext(
        hits=[], documents=assistant.documents, idf=lambda t: None, min_support=0.3, chunks=assistant.store.chunks
    )


def test_the_symbol_of_the_draft_is_cited_from_its_header(assistant):
    a = analyse_question("What is the document symbol of the draft resolution?", "en")
    answer = metadata_answer(a.question, "en", a, _ctx(assistant))
    assert answer is not None and "EUR/44A25/1" in answer.text
    assert answer.citations and answer.citations[0].doc_id == "eur-44a25-1"


def test_document_level_chunks_are_header_title_or_dateline(assistant):
    kinds = {c.kind for c in doc_level_chunks(_ctx(assistant), "unido-unga-ai-resolution")}
    assert kinds and kinds <= {"header", "title", "dateline"}


def test_a_question_that_is_not_about_metadata_gets_none(assistant):
    a = analyse_question("Who must report to Council?", "en")
    assert metadata_answer(a.question, "en", a, _ctx(assistant)) is None


def test_an_author_question_abstains_rather_than_naming_the_publisher(assistant):
    a = analyse_question("Who wrote the UNIDO article about the resolution?", "en")
    answer = metadata_answer(a.question, "en", a, _ctx(assistant))
    assert answer is not None and answer.abstained and not answer.citations
    assert "author" in answer.text


def test_a_place_from_a_header_leads_with_its_city_named_in_the_questions_language(assistant):
    ctx = _ctx(assistant)
    a = analyse_question("Where was the draft resolution adopted?", "en")
    answer = metadata_answer(a.question, "en", a, ctx, "eur-44a25-1")
    assert answer is not None and answer.text.startswith("Place: Bucharest (布加勒斯特).")
    zh = analyse_question("决议草案是在哪里通过的？", "zh")
    assert metadata_answer(zh.question, "zh", zh, ctx, "eur-44a25-1").text.startswith("地点：布加勒斯特。")


def test_this_conference_is_the_drafts_own_not_the_general_assembly(assistant):
    # A bare 大会 is the General Assembly in the glossary; 本届大会 is the conference that issues the draft.
    for question in ("本届大会在哪里举行？", "本次会议在哪里举行？"):
        answer = assistant.ask(question)
        assert answer.text.startswith("地点：布加勒斯特。"), question
        assert answer.citations[0].doc_id == "eur-44a25-1"
    assert "布加勒斯特" not in assistant.ask("联合国大会在哪里举行？").text
