"""Sections of the corpus: their names, their clauses, and whole-section answers."""

from __future__ import annotations

from assistant.answering.analysis import analyse_question, with_section
from assistant.answering.context import AnswerContext
from assistant.answering.sections import (
    clauses_answer,
    list_answer,
    section_catalogue,
    section_chunks,
    section_key,
)

BDT = ("eur-44a25-1", "director-bdt")


def test_the_catalogue_names_each_section_in_both_languages(assistant):
    catalogue = section_catalogue(assistant.store.chunks)
    bdt = next(s for s in catalogue if (s.doc_id, s.key) == BDT)
    assert any("发展局主任" in n for n in bdt.names_zh)
    assert any("Director" in n for n in bdt.names_en)


def test_the_resolves_section_is_named_by_its_act_with_the_conference_that_issues_the_draft(assistant):
    catalogue = section_catalogue(assistant.store.chunks)
    resolves = next(s for s in catalogue if s.key == "resolves")
    assert "decide" in resolves.acts_en and "决定" in resolves.acts_zh
    assert {"Plenipotentiary Conference", "conference"} <= set(resolves.issuers_en)
    assert "全权代表大会" in resolves.issuers_zh
    # Sections that decide nothing have no act to be named by.
    assert next(s for s in catalogue if (s.doc_id, s.key) == BDT).acts_en == ()


def test_section_chunks_are_in_document_order(assistant):
    chunks = section_chunks(assistant.store.chunks, BDT)
    assert [c.id for c in chunks] == ["eur-44a25-1/operative/director-bdt/1", "eur-44a25-1/operative/director-bdt/2"]
    assert all(section_key(c) == "director-bdt" for c in chunks)


def test_a_list_answer_cites_every_clause_and_counts_them(assistant):
    chunks = assistant.store.chunks
    a = with_section(analyse_question("What must the BDT Director do?", "en"), section_catalogue(chunks))
    ctx = AnswerContext(hits=[], documents=assistant.documents, idf=lambda t: None, min_support=0.3, chunks=chunks)
    answer = list_answer(a.question, "en", a, ctx)
    assert answer is not None and len(answer.citations) == 2 and "2 clauses" in answer.text


def test_clauses_answer_numbers_and_cites_each_clause(assistant):
    chunks = assistant.store.chunks
    ctx = AnswerContext(hits=[], documents=assistant.documents, idf=lambda t: None, min_support=0.3, chunks=chunks)
    answer = clauses_answer("What should the director use?", "en", section_chunks(chunks, BDT), ctx)
    assert [c.chunk_id for c in answer.citations] == [c.id for c in section_chunks(chunks, BDT)]
    assert "2 clauses" in answer.text and "[2]" in answer.text
