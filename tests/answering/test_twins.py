"""Twin clauses: an addressee's clauses that answer a question alike are cited together."""

from __future__ import annotations

from assistant.answering.analysis import analyse_question, with_section
from assistant.answering.context import AnswerContext
from assistant.answering.sections import section_catalogue, section_chunks, section_key
from assistant.answering.twins import twin_answer, twin_clauses

BDT = ("eur-44a25-1", "director-bdt")


def test_twin_clauses_are_the_siblings_that_cover_what_the_best_covers(assistant):
    chunks = assistant.store.chunks
    one, two = section_chunks(chunks, BDT)
    other = next(c for c in chunks if section_key(c) == "secretary-general")
    same = {one.id: frozenset({0, 1}), two.id: frozenset({0, 1, 2}), other.id: frozenset({0, 1})}
    assert [c.id for c in twin_clauses(two, chunks, lambda c: same.get(c.id, frozenset()))] == []
    assert [c.id for c in twin_clauses(one, [two, other], lambda c: same[c.id])] == [one.id, two.id]
    # a clause outside the operative/preamble sections has no section, hence no twins
    title = next(c for c in chunks if c.kind == "title")
    assert twin_clauses(title, chunks, lambda c: frozenset()) == []


def test_twins_are_looked_for_only_in_the_section_the_question_names(assistant):
    chunks = assistant.store.chunks
    ctx = AnswerContext(hits=[], documents=assistant.documents, idf=lambda t: None, min_support=0.3, chunks=chunks)
    one, two = section_chunks(chunks, BDT)
    named = with_section(analyse_question("What must the BDT Director use?", "en"), section_catalogue(chunks))
    assert [c.id for c in twin_answer(named.question, "en", named, ctx, one, [one, two])] == [one.id, two.id]
    unnamed = with_section(analyse_question("What must be used?", "en"), section_catalogue(chunks))
    assert twin_answer(unnamed.question, "en", unnamed, ctx, one, [one, two]) == []
    # a value question is answered by one value, not a set of clauses: "what number of" asks how many
    for q in ("When must the BDT Director share?", "What number of reports must the BDT Director share?"):
        value = with_section(analyse_question(q, "en"), section_catalogue(chunks))
        assert twin_answer(value.question, "en", value, ctx, one, [one, two]) == []


def test_a_sibling_stating_what_the_question_sets_aside_is_no_twin(assistant):
    # The Secretary-General's clause on other UN bodies (1) and the one on other international organisations (5)
    # both speak of cooperation; "apart from UN bodies, which organisations" is answered by 5 alone.
    chunks = assistant.store.chunks
    ctx = AnswerContext(hits=[], documents=assistant.documents, idf=lambda t: None, min_support=0.3, chunks=chunks)
    sg = section_chunks(chunks, ("eur-44a25-1", "secretary-general"))
    first, fifth = sg[0], sg[4]
    for question, expected in (
        ("秘书长还要和哪些组织合作？", [first.id, fifth.id]),
        ("秘书长除了联合国机构之外，还要和哪些组织合作？", []),
    ):
        a = with_section(analyse_question(question, "zh"), section_catalogue(chunks))
        assert [c.id for c in twin_answer(question, "zh", a, ctx, fifth, [first, fifth])] == expected
