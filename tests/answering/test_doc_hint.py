"""Which kind of document a question says it is about."""

from __future__ import annotations

import pytest

from assistant.answering.doc_hint import document_hint


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        # The General Assembly's resolution, or one said to be adopted, is the article's: the draft was never adopted.
        ("这份决议在联大处理人工智能方面有什么不同？", "article"),
        ("联合国大会要求各方不要使用哪些系统？", "article"),
        ("决议通过以后，各方要合作做什么？", "article"),
        # A document named outright decides, and a GA resolution the question says is cited is the draft's.
        ("决议草案忆及了哪些联大决议？", "resolution"),
        ("文件忆及了哪些联大决议？", ""),
        # 该决议 alone names neither: either document may answer.
        ("该决议是在日内瓦通过的吗？", ""),
    ],
)
def test_zh_document_hint_from_the_general_assembly(question, hint):
    assert document_hint(question, "zh") == hint


def test_a_named_document_kind_decides_and_a_tie_names_none():
    assert document_hint("What does the UNIDO article say about the divide?") == "article"
    assert document_hint("What does the draft say about the divide?") == "resolution"
    assert document_hint("Does the draft agree with the article?") == ""
