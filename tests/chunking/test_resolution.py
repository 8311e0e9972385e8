import warnings

import pytest

from assistant.chunking import ChunkingWarning, chunk_document, parse_resolution
from assistant.corpus import load_corpus
from assistant.schema import Document, DocumentInfo
from tests.conftest import FIXTURES

EXPECTED_SECTIONS = {
    "recalling": ("忆及", "preamble", ["a)", "b)", "c)", "d)"]),
    "noting": ("注意到", "preamble", ["a)", "b)", "c)", "d)", "e)"]),
    "considering": ("考虑到", "preamble", ["a)", "b)", "c)"]),
    "considering-further": ("进一步考虑到", "preamble", [f"{c})" for c in "abcdefghi"]),
    "resolves": ("做出决议", "operative", [""]),
    "secretary-general": ("责成秘书长", "operative", [str(i) for i in range(1, 8)]),
    "director-bdt": ("责成发展局主任", "operative", ["1", "2"]),
    "member-states-sector-members-academia": ("请成员国、部门成员和学术成员", "operative", ["1", "2", "3"]),
}


@pytest.fixture(scope="module")
def resolution(documents):
    return documents["eur-44a25-1"]


def test_every_clause_has_its_section_and_label(resolution):
    chunks = [c for c in chunk_document(resolution) if c.kind == "clause"]
    by_section: dict[str, list] = {}
    for c in chunks:
        by_section.setdefault(c.path[0], []).append(c)
    assert set(by_section) == set(EXPECTED_SECTIONS)
    for key, (heading, kind, labels) in EXPECTED_SECTIONS.items():
        got = by_section[key]
        assert [c.label for c in got] == labels, key
        assert {c.section for c in got} == {heading}
        assert {c.section_kind for c in got} == {kind}


def test_report_to_council_is_clause_7_of_instructs_secretary_general(resolution):
    (clause,) = [c for c in chunk_document(resolution) if c.text.startswith("每年向理事会报告")]
    assert clause.id == "eur-44a25-1/operative/secretary-general/7"
    assert clause.label == "7"
    assert clause.section == "责成秘书长"
    assert clause.section_en == "instructs the Secretary-General"
    assert clause.addressee_en == "the Secretary-General" and clause.addressee_zh == "秘书长"
    assert clause.text == "每年向理事会报告对国际电联产生重大战略或财务影响的人工智能问题的任何活动，"
    assert "7" in clause.display_label() and "instructs the Secretary-General" in clause.display_label()


def test_sub_items_belong_to_their_clause(resolution):
    subs = [c for c in chunk_document(resolution) if c.kind == "subclause"]
    assert [c.id for c in subs] == [f"eur-44a25-1/preamble/considering/a/{i}" for i in (1, 2, 3)]
    assert all(c.label == "–" and "国际电联的宗旨包括" in c.context for c in subs)


def test_offsets_slice_back_to_the_exact_text(resolution):
    for c in chunk_document(resolution):
        assert resolution.text[c.start : c.end] == c.text
        assert c.tokens > 0


def test_ids_are_stable_and_unique(corpus_dir):
    first = [c.id for d in load_corpus(corpus_dir) for c in chunk_document(d)]
    second = [c.id for d in load_corpus(corpus_dir) for c in chunk_document(d)]
    assert first == second
    assert len(set(first)) == len(first)


def test_header_is_parsed(resolution):
    header = parse_resolution(resolution).header
    assert header.doc_number == "EUR/44A25/1"
    assert header.resolution_number == "[EUR-2]"
    assert header.year == "2022" and header.place == "布加勒斯特"
    assert "人工智能技术助力电信" in header.title


def test_english_resolution_parses_the_same_way():
    (doc,) = load_corpus(FIXTURES / "en_resolution")
    parsed = parse_resolution(doc)
    assert parsed.header.doc_number == "EUR/44A25/1"
    assert parsed.header.place == "Bucharest" and parsed.header.year == "2022"
    ids = [c.id for c in parsed.chunks]
    assert "eur-44a25-1-en/operative/secretary-general/3" in ids
    assert "eur-44a25-1-en/preamble/considering/a/2" in ids
    report = next(c for c in parsed.chunks if c.id.endswith("secretary-general/3"))
    assert report.section == "instructs the Secretary-General" and report.section_zh == "责成秘书长"
    assert report.text.startswith("to report annually to the Council")
    bdt = next(c for c in parsed.chunks if "director-bdt" in c.id)
    assert bdt.addressee_zh == "电信发展局主任"
    invites = [c for c in parsed.chunks if c.section.startswith("invites")]
    assert invites and invites[0].section_zh == "请成员国、部门成员和学术成员"
    for c in parsed.chunks:
        assert doc.text[c.start : c.end] == c.text


def _doc(text: str, lang: str = "en") -> Document:
    return Document(DocumentInfo(id="x", path="x.txt", language=lang, kind="resolution"), text)


def test_no_headings_degrades_to_paragraphs_with_a_warning():
    text = "Some text without structure.\n\nAnother paragraph.\n"
    with pytest.warns(ChunkingWarning, match="no resolution section headings"):
        chunks = chunk_document(_doc(text))
    assert [c.kind for c in chunks] == ["paragraph", "paragraph"]
    with pytest.warns(ChunkingWarning):
        assert parse_resolution(_doc(text)).header is None  # no header parsed, rather than an empty one
    assert [c.text for c in chunks] == ["Some text without structure.", "Another paragraph."]


def test_stray_numbering_warns_but_keeps_every_clause():
    text = "instructs the Secretary-General\n1\tfirst;\n3\tthird;\n3\tthird again;\n– a dash item\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = chunk_document(_doc(text))
    assert any(issubclass(w.category, ChunkingWarning) for w in caught)
    assert "".join(c.text for c in chunks) == "first;third;third again;a dash item"
    assert len({c.id for c in chunks}) == len(chunks)


def test_unknown_operative_heading_uses_the_glossary_for_the_addressee():
    text = "责成理事会\n1\t审议报告；\n"
    (chunk,) = chunk_document(_doc(text, "zh"))
    assert chunk.section == "责成理事会" and chunk.addressee_en == "the Council"


def test_generic_operative_heading_in_english():
    text = "recalling\na)\tsomething,\ninstructs the Director of the Radiocommunication Bureau\n1\tto act;\n"
    chunks = chunk_document(_doc(text))
    assert chunks[-1].addressee_zh == "无线电通信局主任"


def test_long_clause_is_split_at_sentence_ends_keeping_its_id():
    sentence = "This sentence talks about telecommunications and development at some length. "
    text = "instructs the Secretary-General\n1\t" + sentence * 12 + "\n"
    chunks = chunk_document(_doc(text), max_tokens=40)
    assert len(chunks) > 1
    assert all(c.id.startswith("x/operative/secretary-general/1#part") for c in chunks)
    assert all(c.tokens <= 40 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert [c.part for c in chunks] == list(range(1, len(chunks) + 1))
