"""Answer types and metadata fields, read from a question by its language's table."""

from __future__ import annotations

import pytest

from assistant.answering.qtypes import metadata_field, question_type


@pytest.mark.parametrize(
    ("question", "lang", "field"),
    [
        ("What is the title of the draft resolution?", "en", "title"),
        ("决议草案的标题是什么？", "zh", "title"),
        ("What is the document symbol of the draft resolution?", "en", "symbol"),
        ("这份决议草案的文号是什么？", "zh", "symbol"),
        ("What date does the article's dateline show?", "en", "date"),
        ("这篇文章是哪一天发布的？", "zh", "date"),
        ("When was it published?", "en", "date"),
        ("Who published the news item?", "en", "publisher"),
        ("Who wrote the UNIDO article about the resolution?", "en", "author"),
        ("这篇报道的作者是谁？", "zh", "author"),
        ("Who is the author of this article?", "en", "author"),
        # a text's content about authors or editors is no question about who wrote it
        ("What does the resolution say about the rights of authors?", "en", ""),
        ("What is the role of the editor of an ITU-T Recommendation?", "en", ""),
        ("人工智能对作者权利有什么影响？", "zh", ""),
        ("Which conference is the draft submitted to?", "en", "conference"),
        # a modifier before the document, a measure word before the meeting, 出自 for the source
        ("What number does this regional proposal carry?", "en", "symbol"),
        ("这份提案是为哪一届会议起草的？", "zh", "conference"),
        ("这篇报道出自哪家机构？", "zh", "publisher"),
        ("OECD的哪些会议成果被提及？", "zh", ""),
        ("Which city was the story filed from?", "en", "place"),
        ("Where did the General Assembly adopt the resolution on AI?", "en", "place"),
        ("联合国大会是在哪里通过这项决议的？", "zh", "place"),
        ("Where did the Plenipotentiary Conference take place?", "en", "place"),
        # a gathering "located" somewhere was held there; a centre "located" somewhere is no record's event
        ("Where was the 2022 conference this draft was written for located?", "en", "place"),
        ("Where is the AI and robotics centre located?", "en", ""),
        ("Where must human rights be safeguarded?", "en", ""),
        # an obligation's place is no event's: only a past or passive "where … adopted" asks a record
        ("Where must AI systems pass a human rights review?", "en", ""),
        ("Where was the 2030 Agenda for Sustainable Development adopted?", "en", "place"),
        ("Who must report to Council?", "en", ""),
        ("What was the OECD conference on AI called?", "en", ""),
        # a title, name or number is a document's only when said of one (metadata_scope.py)
        ("What was the title of the OECD conference on AI?", "en", ""),
        ("What title does the AI summit carry?", "en", ""),
        ("What is the summit's title?", "en", ""),
        ("What is the draft's title?", "en", "title"),
        ("What is its title?", "en", "title"),
        ("这篇新闻的标题是什么？", "zh", "title"),
        ("经合组织大会的名称是什么？", "zh", ""),
        ("大会将成立一个什么名称的人工智能伦理咨询机构？", "zh", ""),
        ("这个专家组叫什么名字？", "zh", ""),
        ("这份决议草案叫什么？", "zh", "title"),
    ],
)
def test_metadata_fields(question, lang, field):
    assert metadata_field(question, lang) == field


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("这个网站上的信息能不能当作官方立场？", "yes-no"),
        ("人工智能的应用会不会带来新服务？", "yes-no"),
        ("秘书长需要研究国际电联能不能提供什么东西？", "what"),  # a question word asks what
    ],
)
def test_a_chinese_verb_not_verb_question_asks_yes_or_no(question, qtype):
    assert question_type(question, "zh") == qtype
