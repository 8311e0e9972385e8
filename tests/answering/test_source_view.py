"""A traditional document is answered from its simplified view and quoted in its own characters."""

from assistant.answering.context import AnswerContext
from assistant.answering.source_view import restore_source, simplified_context
from assistant.schema import Answer, Chunk, Citation, Document, DocumentInfo, RetrievedChunk
from assistant.script import simplified_view

TEXT = "日內瓦，2024年5月3日 – 人工智慧向善全球峰會將於2025年7月在日內瓦舉行。"


def _doc(doc_id: str, text: str) -> Document:
    return Document(DocumentInfo(id=doc_id, path=f"{doc_id}.zh.txt", language="zh", kind="article"), text)


def _chunk(doc_id: str, text: str) -> Chunk:
    return Chunk(f"{doc_id}/body/1", doc_id, text, "zh", "paragraph", "body", 0, len(text), section="正文")


def test_the_view_keeps_every_offset_and_reads_same_length_regional_words():
    view = simplified_view(TEXT)
    assert len(view) == len(TEXT) and view.startswith("日内瓦")
    assert "人工智能向善全球峰会" in view  # 人工智慧 → 人工智能 has the same length
    assert simplified_view("網際網路治理") == "网际网路治理"  # 互联网 would not: left as characters
    assert simplified_view("谁必须向理事会报告") == "谁必须向理事会报告"


def test_only_documents_in_traditional_characters_are_viewed():
    trad, simp = _doc("t", TEXT), _doc("s", "秘书长於2017年提交报告")
    hits = [RetrievedChunk(_chunk("t", TEXT), 1.0), RetrievedChunk(_chunk("s", simp.text), 0.5)]
    ctx = AnswerContext(hits=hits, documents={"t": trad, "s": simp}, idf=lambda _w: 1.0, min_support=0.5)
    viewed = simplified_context(ctx)
    assert viewed.documents["t"].text == simplified_view(TEXT) and viewed.hits[0].chunk.text.startswith("日内瓦")
    assert viewed.documents["s"] is simp and viewed.hits[1].chunk is hits[1].chunk
    only_simplified = AnswerContext(hits=hits[1:], documents={"s": simp}, idf=lambda _w: 1.0, min_support=0.5)
    assert simplified_context(only_simplified) is only_simplified


def test_quotes_and_citations_are_put_back_in_the_sources_characters():
    source = {"t": _doc("t", TEXT)}
    viewed = {"t": _doc("t", simplified_view(TEXT))}
    start = TEXT.index("人工")
    view_quote = viewed["t"].text[start:]
    citation = Citation(
        chunk_id="t/body/1", doc_id="t", doc_title="", doc_number="", section="正文", section_other="", label="",
        quote=view_quote, start=start, end=len(TEXT), score=1.0, lang="zh",
    )  # fmt: skip
    answer = Answer(question="?", text=f"日内瓦。依据：「{view_quote}」 [1]", language="zh", citations=[citation])
    restored = restore_source(answer, viewed, source)
    assert restored.citations[0].quote == TEXT[start:]
    assert restored.text == f"日内瓦。依据：「{TEXT[start:]}」 [1]"  # the wording is the answer's own
    assert restore_source(answer, source, source) is answer
