from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answering.site_notice import asks_site_notice, label_only, notice_first, notice_topics
from assistant.schema import Chunk, RetrievedChunk


@pytest.mark.parametrize(
    "question",
    [
        "May I quote articles from this website in my thesis?",
        "What does the web page's disclaimer cover?",
        "Are there terms of use for the news page?",
        "Who holds the copyright of the photos?",
        "Can the news item be republished?",
        "网站对使用其内容有什么要求？",
        "免责声明是怎么说的？",
        "这篇文章可以转载吗？",
        "版权归谁所有？",
    ],
)
def test_a_question_naming_the_site_or_its_notice_asks_about_the_notice(question):
    assert asks_site_notice(question)


@pytest.mark.parametrize(
    "question",
    [
        # what the notice speaks of, asked of the resolution: no site word, no disclaimer
        "Is the Secretary-General liable for AI failures?",
        "Does the resolution endorse any company?",
        "What links between AI and the SDGs does the article draw?",
        "On which page is the instruction to the Secretary-General?",  # a PDF's page
        "决议草案引用了哪些决议？",
        "秘书长负有什么责任？",
    ],
)
def test_a_question_about_the_documents_content_does_not(question):
    assert not asks_site_notice(question)


def _boilerplate(text: str) -> Chunk:
    return Chunk(
        id="a/boilerplate/1",
        doc_id="a",
        text=text,
        lang="en",
        kind="boilerplate",
        section_kind="boilerplate",
        start=0,
        end=len(text),
        boilerplate=True,
    )


def test_a_heading_or_link_label_is_nothing_to_quote():
    assert label_only(_boilerplate("Disclaimer"))
    assert label_only(_boilerplate("Read more here"))
    assert not label_only(_boilerplate("All rights reserved."))  # a sentence says something
    assert not label_only(_boilerplate("The use of this website is at the user's sole risk."))
    body = replace(_boilerplate("Disclaimer"), boilerplate=False, kind="paragraph", section_kind="body")
    assert not label_only(body)  # a short paragraph of the article itself is content


@pytest.mark.parametrize(
    "question", ["Can I quote this news item as UNIDO's formal position?", "这些信息能当作工发组织的官方立场吗？"]
)
def test_whether_the_page_is_its_publisher_s_official_position_asks_the_notice(question):
    assert asks_site_notice(question)
    said = notice_topics(question)
    assert any(p.search("The information does not necessarily reflect the views of UNIDO.") for p in said)
    assert not any(p.search("Links to non-UNIDO sites do not imply any official endorsement.") for p in said)


def test_a_question_naming_no_notice_topic_has_none():
    assert notice_topics("Can I reuse material from the UNIDO website?") == ()
    assert notice_topics("What is the position of the Secretary-General?") == ()


def _hits() -> list[RetrievedChunk]:
    body = replace(_boilerplate("The resolution on AI was adopted."), id="a/body/1", boilerplate=False)
    links = replace(_boilerplate("Links do not imply any official endorsement."), id="a/boilerplate/6")
    views = replace(_boilerplate("It does not necessarily reflect the views of UNIDO."), id="a/boilerplate/3")
    return [RetrievedChunk(body, 2.0), RetrievedChunk(links, 1.5), RetrievedChunk(views, 1.0)]


def test_the_notice_clause_wording_an_asked_topic_comes_first_whatever_subject_the_question_names():
    ranked = notice_first("Can I quote this news page as UNIDO's formal position on the AI resolution?", _hits())
    assert [h.chunk.id for h in ranked] == ["a/boilerplate/3", "a/body/1", "a/boilerplate/6"]


@pytest.mark.parametrize(
    "question", ["What is the AI resolution's position on rights?", "Can I reuse material from the UNIDO website?"]
)
def test_without_a_notice_topic_the_order_is_retrieval_s(question):
    assert [h.chunk.id for h in notice_first(question, _hits())] == ["a/body/1", "a/boilerplate/6", "a/boilerplate/3"]
