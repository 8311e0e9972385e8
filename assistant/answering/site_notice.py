"""A question about the web page itself: its website, its disclaimer, terms of use or copyright, reusing its content.

A news page ends with the site's notice (disclaimer, terms of use), which the chunker tags as
boilerplate and retrieval leaves out by default (`Settings.include_boilerplate`): it is noise for a
question about what the article reports. A user who asks about the site or its terms ("Can I reuse
material from the UNIDO website?", 网站上的内容可以转载吗) asks about that notice, and only it answers.
Such a question is retrieved with the boilerplate included; it still competes with the article's
paragraphs on its words, so a site word alone does not force a disclaimer clause.

Only words that name the site or its notice count. What the notice speaks of (liability, warranties,
endorsement, links) is also what a resolution on AI may speak of ("Is the Secretary-General liable for AI
failures?", "links between AI and the SDGs"), and a question about the resolution never gets a
disclaimer clause: "Is UNIDO liable for a loss from using its website?" reaches the notice through
"website", "Is UNIDO liable for any loss?" does not. A bare "page" may be a PDF's page number, 引用
quotes a text: neither names the site. Whether the page is its publisher's official position ("UNIDO's formal
position", 官方立场) is what the notice disclaims, and nothing a resolution says of itself: it asks the notice too,
and prefers its clause that words it ("does not necessarily reflect the views of UNIDO": `notice_topics`).

The notice's heading and a "Read more here" link label are boilerplate chunks too (`label_only`): they name
what follows and say nothing, so no answer quotes them.

Example:
    >>> asks_site_notice("Can I reuse material from the UNIDO website?")
    True
    >>> asks_site_notice("网站上的内容可以转载吗？"), asks_site_notice("On which page is clause 7?")
    (True, False)
"""

from __future__ import annotations

import re

from assistant.schema import Chunk, RetrievedChunk

_SITE_WORDS = re.compile(
    r"\b(?:web\s*-?\s*sites?|sites?|web\s*-?\s*pages?|home\s*pages?|disclaimers?|terms\s+(?:of\s+use|and\s+conditions)|"
    r"legal\s+notices?|copyrights?|copyrighted|hyperlinks?|re-?us(?:e|es|ed|ing)|reproduc(?:e|es|ed|ing|tion)|"
    r"republish(?:es|ed|ing)?|reprint(?:s|ed|ing)?|"
    # Whether the page speaks for its publisher ("UNIDO's formal position", "an official record"): what the
    # notice disclaims, and nothing a resolution says of itself.
    r"(?:official|formal)\s+(?:positions?|views?|stances?|records?|endorsements?))\b"
    # Chinese: the site, its pages and links, the disclaimer and terms, copyright and reprinting, an official
    # position or record.
    r"|网站|网页|页面|网址|站点|链接|免责|使用条款|版权|转载|(?:官方|正式)(?:立场|观点|记录)",
    re.IGNORECASE,
)


def asks_site_notice(question: str) -> bool:
    """Whether `question` names the web page's site or its notice (disclaimer, terms, copyright, reuse)."""
    return _SITE_WORDS.search(question) is not None


# What a question asks of the notice in other words than the notice's, and how the notice says it: whether
# the page is its publisher's official position ("formal position", 官方立场) is what "does not necessarily
# reflect the views of UNIDO … not an official record" disclaims. Pairs of (question words, notice words).
_NOTICE_TOPICS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"\b(?:official|formal)\s+(?:positions?|views?|stances?)\b|(?:官方|正式)(?:立场|观点)", re.I),
        re.compile(r"\breflects?\s+the\s+views\b|\bofficial\s+record\b", re.I),
    ),
)


def notice_topics(question: str) -> tuple[re.Pattern[str], ...]:
    """The notice wordings of the topics `question` asks about ("formal position": "reflect the views"); ()
    when it asks none, or names no site or notice."""
    if not asks_site_notice(question):
        return ()
    return tuple(said for asked, said in _NOTICE_TOPICS if asked.search(question))


def notice_first(question: str, hits: list[RetrievedChunk]) -> list[RetrievedChunk]:
    """`hits` with the notice's clauses that word a topic `question` asks moved to the front, in their order.

    A notice topic asked of the page ("Can I quote this news page as UNIDO's formal position on the AI
    resolution?") is answered by the notice alone; the page's subject the question also names ("the AI
    resolution") ranks the article's paragraphs above the disclaimer, which may then fall out of the clauses
    weighed at all. Without a notice topic, `hits` is returned as it is.

    Example:
        >>> where = dict(doc_id="a", lang="en", kind="boilerplate", section_kind="boilerplate", start=0, end=10)
        >>> views = Chunk(id="a/boilerplate/3", text="It does not reflect the views.", boilerplate=True, **where)
        >>> body = Chunk(**{**where, "kind": "paragraph", "section_kind": "body"}, id="a/body/1", text="AI.")
        >>> hits = [RetrievedChunk(body, 2.0), RetrievedChunk(views, 1.0)]
        >>> [h.chunk.id for h in notice_first("Is this page UNIDO's formal position on AI?", hits)]
        ['a/boilerplate/3', 'a/body/1']
    """
    topics = notice_topics(question)
    wording = [h for h in hits if words_topic(h.chunk, topics)]
    return [*wording, *(h for h in hits if h not in wording)] if wording else hits


def words_topic(chunk: Chunk, topics: tuple[re.Pattern[str], ...]) -> bool:
    """Whether `chunk` is a notice clause that words one of `topics` (`notice_topics`); False for no topics."""
    return chunk.boilerplate and any(t.search(chunk.text) for t in topics)


# At most this many words and no sentence end: a heading or a link's label ("Read more here"), not a clause.
_LABEL_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?;。！？；]")


def label_only(chunk: Chunk) -> bool:
    """Whether `chunk` is a boilerplate heading or link label ("Disclaimer", "Read more here"), nothing to quote.

    Example:
        >>> where = dict(doc_id="a", lang="en", kind="boilerplate", section_kind="boilerplate", start=0, end=10)
        >>> label_only(Chunk(id="a/boilerplate/2", text="Disclaimer", boilerplate=True, **where))
        True
    """
    return chunk.boilerplate and len(chunk.text.split()) <= _LABEL_WORDS and _SENTENCE_END.search(chunk.text) is None
