"""Citations: verbatim quotes at their offsets, where they stand, glossed key terms."""

from __future__ import annotations

from assistant.answering.citations import addressee_lead, as_sentence, cite_chunk, gloss_line, quoted, where
from assistant.answering.context import AnswerContext

SG7 = "eur-44a25-1/operative/secretary-general/7"


def _ctx(assistant) -> AnswerContext:
    return AnswerContext(hits=[], documents=assistant.documents, idf=lambda t: None, min_support=0.3)


def _chunk(assistant, chunk_id):
    return next(c for c in assistant.store.chunks if c.id == chunk_id)


def test_a_chunk_citation_quotes_the_source_at_its_offsets(assistant):
    c = cite_chunk(_chunk(assistant, SG7), _ctx(assistant))
    assert assistant.documents[c.doc_id].text[c.start : c.end] == c.quote
    assert where(c, "en") == "EUR/44A25/1, 责成秘书长 (instructs the Secretary-General), clause 7"
    assert where(c, "zh").endswith("第7项")


def test_the_addressee_leads_in_the_question_language(assistant):
    chunk = _chunk(assistant, SG7)
    assert addressee_lead(chunk, "en") == "The Secretary-General (秘书长)"
    assert addressee_lead(chunk, "zh").startswith("秘书长")


def test_glosses_only_across_languages():
    assert gloss_line(["每年向理事会报告"], "zh", "en").startswith("Key terms: ")
    assert gloss_line(["每年向理事会报告"], "zh", "zh") == ""


def test_sentences_and_quotes():
    assert as_sentence("every year", "en") == "Every year."
    assert as_sentence("每年", "zh") == "每年。"
    assert as_sentence("  ", "en") == ""
    assert quoted("x") == "「x」"
