"""Property-based fuzzing of the chunker and of the question path (hypothesis).

The chunker gets random resolutions and articles assembled from the pieces real documents are made
of: section headings from `glossary.SECTIONS` (both languages, aliases, stray punctuation), clause labels,
dashes, CJK and Latin text, blank lines, CRLF and tabs. Whatever it makes of them, every chunk's text must
be the source at its offsets, ids must be unique, and the only warnings allowed are `ChunkingWarning`s.

The question path gets arbitrary text: `validate_question` and `Assistant.ask` must return a cleaned
question / an `Answer`, or raise a `QuestionError`; nothing else.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Answer, Assistant, QuestionError, validate_question
from assistant.chunking import ChunkingWarning, chunk_document
from assistant.glossary import SECTIONS
from assistant.schema import Document, DocumentInfo

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADINGS = sorted(
    {form for s in SECTIONS for form in (s.en, s.zh, *getattr(s, "en_aliases", ()), *getattr(s, "zh_aliases", ()))}
)
LABELS = ["a)", "b)", "c）", "aa)", "i)", "iv)", "1", "2", "3.", "4)", "10", "99", "1）"]
DASHES = ["–", "—", "-", "•", "·"]
CJK = "的人工智能技术国际电联秘书长理事会成员国报告决议考虑到责成，。；：、（）《》“”"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:()-/'"

words = st.one_of(
    st.text(alphabet=CJK, min_size=1, max_size=60),
    st.text(alphabet=LATIN, min_size=1, max_size=80),
    st.text(min_size=1, max_size=20),  # anything, incl. emoji, RTL, combining marks
)
space = st.sampled_from(["", " ", "\t", "  ", "\u3000"])


@st.composite
def line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["heading", "heading", "label", "label", "dash", "text", "blank", "header"]))
    if kind == "heading":
        h = draw(st.sampled_from(HEADINGS))
        h = draw(st.sampled_from([h, h.upper(), h.capitalize(), h + ",", h + "：", h + ":"]))
        return draw(space) + h + draw(space)
    if kind == "label":
        return draw(space) + draw(st.sampled_from(LABELS)) + draw(st.sampled_from(["\t", " ", ""])) + draw(words)
    if kind == "dash":
        return (
            draw(st.sampled_from(DASHES)) + draw(st.sampled_from(["\t", " ", ""])) + draw(st.one_of(words, st.just("")))
        )
    if kind == "header":
        return draw(
            st.sampled_from(["ADD\tEUR/44A25/1", "第[EUR-2]号新决议草案", "Resolution 214 (Rev. Bucharest, 2022)"])
        )
    if kind == "blank":
        return draw(space)
    return draw(words)


@st.composite
def document(draw: st.DrawFn) -> Document:
    lines = draw(st.lists(line(), min_size=0, max_size=30))
    newline = draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    if newline == "mixed":
        text = "".join(ln + draw(st.sampled_from(["\n", "\r\n", "\n\n"])) for ln in lines)
    else:
        text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    info = DocumentInfo(
        id="fuzz-doc",
        path="fuzz.txt",
        language=draw(st.sampled_from(["zh", "en"])),
        kind=draw(st.sampled_from(["resolution", "article"])),
        title_en="Fuzz",
    )
    return Document(info, text)


@FUZZ
@given(doc=document(), max_tokens=st.sampled_from([16, 40, 256]))
def test_chunks_are_exact_source_spans_with_unique_ids(doc: Document, max_tokens: int) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = chunk_document(doc, max_tokens)
    unexpected = [w for w in caught if not issubclass(w.category, ChunkingWarning)]
    assert not unexpected, [str(w.message) for w in unexpected]
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for c in chunks:
        assert 0 <= c.start <= c.end <= len(doc.text)
        assert doc.text[c.start : c.end] == c.text
        assert c.doc_id == doc.id and c.id.startswith(doc.id + "/")
        assert c.text == c.text.strip() or not c.text.strip()  # spans never start or end in white space
    starts = [c.start for c in chunks if c.part == 0]
    assert starts == sorted(starts)  # chunks come in document order


@FUZZ
@given(doc=document())
def test_parts_of_a_split_clause_stay_inside_it(doc: Document) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ChunkingWarning)
        whole = {c.id: c for c in chunk_document(doc, 10_000)}
        parts = chunk_document(doc, 16)
    for c in parts:
        if c.part:
            parent = whole[c.id.rsplit("#part", 1)[0]]
            assert parent.start <= c.start <= c.end <= parent.end


@pytest.mark.parametrize("text", ["忆及\na)\n", "recalling\na)\tsomething\n–\n"])
def test_no_chunk_is_empty(text: str) -> None:
    info = DocumentInfo(id="d", path="d.txt", language="en", kind="resolution")
    with pytest.warns(ChunkingWarning, match="has no text"):
        chunks = chunk_document(Document(info, text))
    assert all(c.text for c in chunks)


def test_a_label_on_its_own_line_labels_the_next_line() -> None:
    info = DocumentInfo(id="d", path="d.txt", language="zh", kind="resolution")
    text = "忆及\na)\n联大第A/RES/70/1号决议；\nb)\t另一项决议，\n"
    chunks = chunk_document(Document(info, text))
    assert [(c.label, c.text) for c in chunks] == [("a)", "联大第A/RES/70/1号决议；"), ("b)", "另一项决议，")]
    assert all(text[c.start : c.end] == c.text for c in chunks)


# ---- the question path ----------------------------------------------------------------------------------------

SEEDS = ["Who must report to Council?", "谁必须向理事会报告？", "What is AI?", "人工智能", "Council"]
questions = st.one_of(
    st.text(max_size=300),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=10), st.sampled_from(SEEDS), st.text(max_size=10)),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.text(alphabet="\x00\x01\x1b\u202e\u200b\ufeff\ufffd \n\t", max_size=20),
)


@settings(max_examples=150, deadline=None)
@given(question=questions)
def test_validate_question_cleans_or_raises_a_question_error(question: str) -> None:
    try:
        text, lang = validate_question(question)
    except QuestionError as exc:
        assert str(exc)
        return
    assert text and text == text.strip() and len(text) <= 2000
    assert lang in ("zh", "en")


@pytest.mark.parametrize("value", [None, 42, 3.5, b"Who must report?", ["Who"], {"q": 1}])
def test_non_text_questions_are_question_errors(value: object) -> None:
    with pytest.raises(QuestionError):
        validate_question(value)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=questions)
def test_ask_returns_an_answer_or_raises_a_question_error(assistant: Assistant, question: str) -> None:
    try:
        answer = assistant.ask(question)
    except QuestionError:
        return
    assert isinstance(answer, Answer)
    assert answer.language in ("zh", "en") and answer.text
    assert answer.abstained == (not answer.citations)
    for c in answer.citations:
        assert assistant.documents[c.doc_id].text[c.start : c.end] == c.quote
