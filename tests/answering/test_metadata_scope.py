"""Title, name and number questions: about a corpus document, or about something a document names."""

from __future__ import annotations

import pytest

from assistant.answering.metadata_scope import about_other_thing, asks_document_number


@pytest.mark.parametrize(
    ("question", "lang", "other"),
    [
        ("What is the title of the OECD conference on AI?", "en", True),
        ("What was the title of the conference named in the draft?", "en", True),  # a participle ends the owner
        ("What title does the AI summit carry?", "en", True),
        ("What is the summit's title?", "en", True),
        ("What is the OECD meeting titled?", "en", True),
        ("What is the title of the UNIDO news story?", "en", False),
        ("What is the title of the draft resolution on AI?", "en", False),
        ("What number does the European proposal give its draft?", "en", False),
        ("What is its title?", "en", False),
        ("What is the title?", "en", False),  # nothing named: the document, as before
        ("经合组织大会的名称是什么？", "zh", True),
        ("根据报道，大会将成立一个什么名称的人工智能机构？", "zh", True),
        ("草案提到的那个专家组叫什么名字？", "zh", True),  # the nearest words own the name, not 草案
        ("这篇报道的标题是什么？", "zh", False),
        ("决议草案标题是什么？", "zh", False),
        ("这份草案叫什么名称？", "zh", False),
        ("标题是什么？", "zh", False),
    ],
)
def test_a_title_belongs_to_a_document_or_to_something_it_names(question, lang, other):
    assert about_other_thing(question, lang) is other


@pytest.mark.parametrize(
    ("question", "identifier"),
    [
        ("What is the number of the UN resolution on the WSIS review cited in the draft?", True),
        ("What's the number of the decision adopted by the Council?", True),
        ("What is the number of the draft?", True),
        ("What is the number of resolutions the draft recalls?", False),  # a plural counts
        ("What is the number of the resolutions it recalls?", False),
        ("What is the number of the draft's operative clauses?", False),  # a document's parts count
        ("What is the number of items the draft lists?", False),
        ("How many countries voted for the resolution?", False),
    ],
)
def test_the_number_of_one_document_asks_for_its_identifier(question, identifier):
    assert asks_document_number(question) is identifier


def test_a_chinese_number_question_asks_for_an_identifier_not_a_count():
    assert asks_document_number("联大那项决议的编号是多少？", "zh")
    assert not asks_document_number("有多少个国家支持这项决议？", "zh")


@pytest.mark.parametrize(
    ("question", "identifier"),
    [
        ("草案援引的是大会第几号决议？", True),  # which numbered resolution: an identifier
        ("这份文件是第幾號建議？", True),
        ("草案忆及了几项决议？", False),  # 几项 counts
        ("会议是几月几号召开的？", False),  # 几号 after 几月 is a day of the month
    ],
)
def test_which_numbered_document_in_chinese_asks_for_an_identifier(question, identifier):
    assert asks_document_number(question, "zh") is identifier


@pytest.mark.parametrize(
    ("question", "lang", "other"),
    [
        ("草案回顾了一份联大文件，是关于信息社会峰会成果的，那份决议编号是多少？", "zh", True),
        ("决议草案忆及了一项关于“变革我们的世界”的联大决议，这项决议的文号是什么？", "zh", True),
        # the cited document as the topic before a comma, the citing verb as a relative (回顾的) after a place word
        ("草案开头回顾的那份关于2030年可持续发展议程的联大决议，文号是多少？", "zh", True),
        ("草案开头回顾了一份联大决议，草案的文号是多少？", "zh", False),
        ("The draft recalls a General Assembly resolution on WSIS; what is the symbol of that resolution?", "en", True),
        ("The article mentions a resolution; what is the title of the resolution?", "en", True),
        # the citing document's own number is its record's
        ("草案回顾了一份联大文件，草案的编号是多少？", "zh", False),
        ("The draft recalls a General Assembly resolution; what is the symbol of the draft?", "en", False),
        ("这份决议草案的编号是多少？", "zh", False),
    ],
)
def test_a_document_the_corpus_document_cites_owns_the_number_asked(question, lang, other):
    # "the draft recalls X …, that resolution's number": the clause citing X carries it, not the draft's header
    assert about_other_thing(question, lang) is other
