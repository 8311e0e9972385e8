"""Parallel language versions: clause links by structure, stored in links.json, looked up by chunk id."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.alignment import (
    LINKS_NAME,
    ClauseLink,
    Pair,
    ParallelIndex,
    align,
    find_pairs,
    update_links,
)
from assistant.chunking import chunk_document
from assistant.corpus import load_corpus
from assistant.schema import Document, DocumentInfo

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ZH_CLAUSE_7 = "eur-44a25-1/operative/secretary-general/7"
EN_CLAUSE_7 = "eur-44a25-1-en/operative/secretary-general/7"


@pytest.fixture(scope="module")
def zh_doc() -> Document:
    return {d.id: d for d in load_corpus(CORPUS)}["eur-44a25-1"]


@pytest.fixture(scope="module")
def en_doc() -> Document:
    (doc,) = load_corpus(FIXTURES / "parallel_resolution")
    return doc


def test_fixture_is_marked_as_a_test_translation_with_the_seed_number(en_doc):
    assert en_doc.text.startswith("TEST TRANSLATION") and "not an official ITU text" in en_doc.text.splitlines()[0]
    assert "test translation, not an official text" in en_doc.info.note
    assert en_doc.info.doc_number == "EUR/44A25/1" and en_doc.info.language == "en"


def test_clause_7_of_instructs_the_secretary_general_links_across_languages(zh_doc, en_doc):
    zh_chunks, en_chunks = chunk_document(zh_doc), chunk_document(en_doc)
    links = align(zh_chunks, en_chunks)
    assert ClauseLink(ZH_CLAUSE_7, EN_CLAUSE_7, "operative/secretary-general/7") in links
    text = {c.id: c for c in zh_chunks + en_chunks}
    assert text[ZH_CLAUSE_7].text.startswith("每年向理事会报告")
    assert text[EN_CLAUSE_7].text.startswith("to report every year to the Council")
    assert text[EN_CLAUSE_7].section == "instructs the Secretary-General"


def test_every_translated_clause_is_linked_and_nothing_is_linked_across_places(zh_doc, en_doc):
    en_chunks = chunk_document(en_doc)
    links = align(chunk_document(zh_doc), en_chunks)
    assert {link.b_id for link in links} == {c.id for c in en_chunks}  # the translation covers only whole sections
    for link in links:
        assert link.a_id.removeprefix("eur-44a25-1/") == link.b_id.removeprefix("eur-44a25-1-en/") == link.key
    keys = {link.key for link in links}
    assert "preamble/considering/a/2" in keys  # sub-items too
    assert not any(k.startswith("preamble/noting/") for k in keys)  # not translated: not linked


def test_sections_outside_the_glossary_are_paired_by_position():
    zh = Document(DocumentInfo("z", "z.txt", "zh", "resolution"), "忆及\na) 甲；\n请区域组织\n1 合作；\n2 报告。\n")
    en = Document(
        DocumentInfo("e", "e.txt", "en", "resolution"),
        "recalling\na) one;\ninvites regional organizations\n1 to cooperate;\n2 to report.\n",
    )
    zh_chunks, en_chunks = chunk_document(zh), chunk_document(en)
    assert {c.path[0] for c in zh_chunks} != {c.path[0] for c in en_chunks}  # the keys differ …
    pairs = {(link.a_id, link.b_id) for link in align(zh_chunks, en_chunks)}
    zh_key = next(c.path[0] for c in zh_chunks if c.section_kind == "operative")
    assert (f"z/operative/{zh_key}/2", "e/operative/regional-organizations/2") in pairs  # … the places match
    assert ("z/preamble/recalling/a", "e/preamble/recalling/a") in pairs


def test_a_clause_split_for_length_maps_to_the_other_sides_parts(zh_doc, en_doc):
    zh_chunks, en_chunks = chunk_document(zh_doc, max_tokens=24), chunk_document(en_doc, max_tokens=24)
    index = ParallelIndex.from_links(align(zh_chunks, en_chunks))
    zh_parts = [c.id for c in zh_chunks if c.id.startswith("eur-44a25-1/operative/secretary-general/1#")]
    en_parts = [c.id for c in en_chunks if c.id.startswith("eur-44a25-1-en/operative/secretary-general/1#")]
    assert len(zh_parts) > 1 and len(en_parts) > 1
    assert all(index.parallel_chunk(p) in en_parts for p in zh_parts)
    assert all(index.parallel_chunk(p) in zh_parts for p in en_parts)


def test_pairs_by_number_and_by_same_as_but_not_within_one_language():
    infos = [
        DocumentInfo("zh", "a", "zh", "resolution", doc_number="EUR/44A25/1"),
        DocumentInfo("en", "b", "en", "resolution", doc_number="EUR/44A25/1"),
        DocumentInfo("zh-rev", "c", "zh", "resolution", doc_number="eur/44a25/1"),
        DocumentInfo("memo", "d", "en", "article", same_as="zh"),
        DocumentInfo("orphan", "e", "en", "article", same_as="gone"),
    ]
    assert find_pairs(infos) == [
        Pair("zh", "en", "doc_number"),
        Pair("zh", "memo", "same_as"),
        Pair("en", "zh-rev", "doc_number"),
    ]


def test_update_links_writes_links_json_and_parallel_index_reads_it(tmp_path, zh_doc, en_doc):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc, folder in ((zh_doc, CORPUS), (en_doc, FIXTURES / "parallel_resolution")):
        shutil.copyfile(folder / doc.info.path, corpus / doc.info.path)
    entries = [zh_doc.info.to_dict(), en_doc.info.to_dict()]
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")

    (pair,) = update_links(corpus)
    assert pair.pair == Pair("eur-44a25-1", "eur-44a25-1-en", "doc_number")
    assert len(pair.links) == 21 and "preamble/noting/a" in pair.only_a and pair.only_b == ()
    assert pair.summary().startswith("eur-44a25-1 ↔ eur-44a25-1-en: 21 clauses linked (by doc_number); 17 only in")
    index = ParallelIndex.load(corpus)
    assert index.parallel_chunk(ZH_CLAUSE_7) == EN_CLAUSE_7
    assert index.parallel_chunk(EN_CLAUSE_7) == ZH_CLAUSE_7
    assert index.parallel_chunk("eur-44a25-1/preamble/noting/a") is None
    assert index.parallel_documents("eur-44a25-1") == ["eur-44a25-1-en"]
    assert len(index) == 21 and len(index.links("eur-44a25-1-en")) == 21


def test_unchanged_pairs_are_not_re_aligned_and_links_go_when_the_pair_does(tmp_path, zh_doc, en_doc, monkeypatch):
    import assistant.alignment as alignment

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zh.txt").write_text(zh_doc.text, encoding="utf-8")
    (corpus / "en.txt").write_text(en_doc.text, encoding="utf-8")
    entries = [
        {"id": "zh", "path": "zh.txt", "language": "zh", "kind": "resolution", "doc_number": "EUR/44A25/1"},
        {"id": "en", "path": "en.txt", "language": "en", "kind": "resolution", "doc_number": "EUR/44A25/1"},
    ]
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries}), encoding="utf-8")
    first = update_links(corpus)
    monkeypatch.setattr(alignment, "_align", lambda *a: pytest.fail("an unchanged pair was re-aligned"))
    assert update_links(corpus) == first
    monkeypatch.undo()
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries[:1]}), encoding="utf-8")
    assert update_links(corpus) == [] and not (corpus / LINKS_NAME).exists()


def test_a_missing_or_damaged_links_file_means_no_links(tmp_path):
    assert len(ParallelIndex.load(tmp_path)) == 0
    (tmp_path / LINKS_NAME).write_text("{broken", encoding="utf-8")
    assert ParallelIndex.load(tmp_path).parallel_chunk(ZH_CLAUSE_7) is None
