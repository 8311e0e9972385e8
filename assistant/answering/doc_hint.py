"""Which kind of document a question is about ("the draft", 报道, 联大通过的决议), when it says so.

Example:
    >>> document_hint("What does the draft ask the Secretary-General to do?"), document_hint("报道说了什么？", "zh")
    ('resolution', 'article')
"""

from __future__ import annotations

import re

from assistant.phrasings import phrasings_in
from assistant.schema import Language

# Words of a question that point at the document rather than a passage; used to pick the document
# a metadata question is about when the question does not name it.
DOCUMENT_KIND_CUES: dict[str, str] = {
    "resolution": r"\b(draft|proposal|resolution text|itu)\b|草案|提案|决议草案|国际电联",
    "article": r"\b(article|news|story|item|press release|unido|report on)\b|文章|新闻|报道|稿",
}

# A Chinese question that names no document may still say which: the draft calls itself 决议草案, never a bare
# 决议, and was never adopted; the article reports the General Assembly's adopted resolution. A question naming the
# General Assembly (联大, 联合国大会) or a resolution's adoption (决议通过) is about the article's. (这项决议 alone is
# not: "该决议是在日内瓦通过的吗" may mean the draft, and is to be answered from both.)
# Only when no cue above decides, and not when the question says a document cites it (忆及的联大决议 is the
# draft's recalled one).
_ZH_ADOPTED_RESOLUTION = re.compile(
    r"联大|联合国大会|决议(?:的|获得?)?通过|通过(?:了|的)?(?:这|该)?[份项]?决议(?!草案)"
)
_ZH_CITES = re.compile(r"忆及|回顾|援引|引用|提及|提到|参照")


def document_hint(question: str, lang: Language = "en") -> str:
    """'resolution' or 'article' when the question says which kind of document it is about; in Chinese, a
    resolution adopted or owned by the General Assembly (联大, 这项决议, 决议通过) is the article's."""
    # "The proposal" someone led or backed is the resolution a report says was adopted, not the draft as a kind
    # of document (phrasings.py): "Who championed the proposal?" is asked of the article.
    for p in phrasings_in(question, lang, "support"):
        if p.phrasing.name == "resolution":
            question = question.replace(p.source, " ")
    scores = {kind: len(re.findall(p, question, re.IGNORECASE)) for kind, p in DOCUMENT_KIND_CUES.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best]:
        return best if list(scores.values()).count(scores[best]) == 1 else ""
    adopted = _ZH_ADOPTED_RESOLUTION.search(question) and not _ZH_CITES.search(question)
    return "article" if adopted else ""
