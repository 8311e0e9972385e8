from assistant.chunking import chunk_document
from assistant.schema import Document, DocumentInfo


def test_article_title_dateline_paragraphs_and_boilerplate(documents):
    doc = documents["unido-unga-ai-resolution"]
    chunks = chunk_document(doc)
    kinds = [c.kind for c in chunks]
    assert kinds[:3] == ["title", "dateline", "paragraph"]
    assert chunks[0].text.startswith("UN General Assembly Adopts Historic Resolution")
    assert chunks[1].text == "New York, 21 March, 2004"
    body = [c for c in chunks if c.kind == "paragraph"]
    assert len(body) == 6
    assert body[0].text.startswith("The United Nations General Assembly recently embraced")
    assert any("more than 120 member states" in c.text for c in body)
    boiler = [c for c in chunks if c.boilerplate]
    assert boiler[0].text == "Read more here" and boiler[1].text == "Disclaimer"
    assert all(c.kind == "boilerplate" for c in boiler)
    assert not any("UNIDO makes no warranties" in c.text for c in body)
    for c in chunks:
        assert doc.text[c.start : c.end] == c.text


def test_the_notice_blocks_carry_their_heading_as_context(documents):
    # "What does the disclaimer say?" finds the disclaimer's blocks, though none of them says "disclaimer".
    boiler = [c for c in chunk_document(documents["unido-unga-ai-resolution"]) if c.boilerplate]
    assert [c.context for c in boiler[:2]] == ["", ""]  # "Read more here" and the heading itself
    assert boiler[2].text.startswith("Access to the information")
    assert all(c.context == "Disclaimer" for c in boiler[2:])
    assert all(c.text != c.index_text for c in boiler[2:])


def test_no_text_is_dropped(documents):
    doc = documents["unido-unga-ai-resolution"]
    covered = "".join(c.text for c in chunk_document(doc, max_tokens=10_000))
    squeeze = lambda s: "".join(s.split()).replace("–", "")  # noqa: E731
    assert squeeze(covered) == squeeze(doc.text)


def test_article_with_only_a_title_degrades_with_warning():
    import pytest

    from assistant.chunking import ChunkingWarning

    doc = Document(DocumentInfo(id="a", path="a.txt", language="en", kind="article"), "Just a title\n")
    with pytest.warns(ChunkingWarning):
        chunks = chunk_document(doc)
    assert [c.text for c in chunks] == ["Just a title"]
