"""Whether a title, name or number question is about a document of the corpus, and whether "the number of"
asks for a count or for a document's number.

A metadata field (analysis.py) is answered from a document's manifest and header, so it is one only when
what the title, name or number belongs to is a document: "the title of the draft", "its title", 这篇新闻的标题,
"What number does the European proposal give …". The title of *something the document names* is content,
answered from the clause that names it: "the title of the OECD conference on AI that the draft refers to" is
in the noting clause, not the draft's header, and 一个什么名称的人工智能监管机构 asks for a body's name (none
is given: an abstention, not the article's title). A question that says nothing of what the title belongs to
("What is the title?", "What's the headline?") is about a document, as before.

"The number of" counts ("the number of countries", "the number of resolutions the draft recalls"), except when
said of one document ("the number of the UNGA resolution on …", "the number of the draft"): that asks for its
identifier (A/RES/70/125), which the clause citing it carries.

What the word belongs to is read without a parser: the words after "of" (and a determiner), before a
possessive ("the conference's title"), or between "what title does" and a verb, up to a preposition, an
auxiliary, a relative, a determiner or a participle; in Chinese the words before 的标题 / 叫什么 or after
名称的. A document is any of those words that names a kind of document, or a pronoun standing for one.
"""

from __future__ import annotations

import re

from assistant.schema import Language

# Kinds of document the corpus holds, and the pronouns that stand for the one a question is about.
_DOC_NOUNS = frozenset(
    (
        *("draft", "drafts", "resolution", "resolutions", "document", "documents", "article", "articles"),
        *("news", "story", "stories", "item", "items", "proposal", "proposals", "text", "texts", "report"),
        *("reports", "release", "releases", "paper", "papers", "contribution", "contributions", "piece"),
        *("recommendation", "recommendations", "decision", "decisions", "it", "this", "that", "one"),
    )
)
# Singular kinds: "the number of" one of these is its identifier, not a count.
_ONE_DOCUMENT = frozenset(("resolution", "recommendation", "decision", "document", "draft", "proposal", "report"))
# Words that end what a title or number belongs to: "the OECD conference *on* AI", "the resolution *the* …".
_ENDS = frozenset(
    (
        *("is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "will", "would", "can", "could"),
        *("must", "should", "shall", "may", "might"),
        *("of", "in", "on", "for", "to", "with", "by", "from", "at", "about", "as", "and", "or", "under"),
        *("that", "which", "who", "whom", "whose", "where", "when", "the", "a", "an", "its", "their"),
    )
)
_MAX_WORDS = 6
_DETERMINER = r"(?:(?:the|this|that|these|those|its|their|a|an)\s+)?"
_FIELD_WORDS = r"title|name|symbol|number"
_EN_OWNERS = (
    re.compile(rf"\b(?:{_FIELD_WORDS})\s+of\s+{_DETERMINER}(?P<owner>[^?.,;:!]*)", re.IGNORECASE),
    # "What title does the OECD conference carry?", "What number does the European proposal give …?"
    re.compile(
        rf"\b(?:what|which)\s+(?:{_FIELD_WORDS})\s+(?:does|did|do|is|was|will)\s+{_DETERMINER}(?P<owner>[^?.,;:!]*)",
        re.IGNORECASE,
    ),
    # "What is the OECD conference titled / called?"
    re.compile(
        rf"\b(?:is|was|are|were)\s+{_DETERMINER}(?P<owner>[^?.,;:!]*?)\s+(?:titled|called|named)\b", re.IGNORECASE
    ),
)
# "the conference's title", "the draft's symbol": the owner is the possessive word and the words before it.
_EN_POSSESSIVE = re.compile(rf"(?P<owner>(?:[\w-]+\s+){{0,3}}[\w-]+)['’]s?\s+(?:{_FIELD_WORDS})\b", re.IGNORECASE)

_ZH_DOC = (
    r"(?:决议草案|草案|决议|提案|文件|文本|文章|新闻稿|新闻|报道|报告|稿件|稿|本文|该文|全文|这篇|这份|该篇|该份|"
    r"它|其|本篇|本份)"
)
_ZH_FIELD = r"(?:标题|题目|名称|名字|编号|文号|文件号|号码)"
# 这篇新闻的标题 / 决议草案标题 / 这份决议草案叫什么: the owner stands before; 什么名称的监管机构: after. A comma
# may stand between them when the owner is the topic the question opens with (…的那份联大决议，文号是多少).
_ZH_BEFORE = re.compile(rf"(?P<owner>[\u4e00-\u9fffA-Za-z0-9]{{1,16}}?)(?:的|[，,])?(?:{_ZH_FIELD}|叫什么)")
_ZH_AFTER = re.compile(rf"{_ZH_FIELD}的(?P<owner>[\u4e00-\u9fffA-Za-z0-9]{{1,16}})")
_ZH_PLAIN = re.compile(r"^(?:这|那|该|其|一个|一项|这个|那个)$")
# Words before the field that ask ("什么名称的机构", "叫什么名称"): the field modifies what follows, no owner.
_ZH_ASKING = re.compile(r"(?:什么|哪|何|多少)[个项份篇种样一]?$")


def _owner_words(phrase: str) -> list[str]:
    """The words of what a field word belongs to, up to the first word that ends a noun phrase."""
    words: list[str] = []
    for word in re.findall(r"[\w'’-]+", phrase)[:_MAX_WORDS]:
        low = word.casefold()
        # A participle ends it too ("the conference *named* in the draft"); a capitalised word is a name.
        if low in _ENDS or (word[:1].islower() and low.endswith("ed") and low not in _DOC_NOUNS):
            break
        words.append(low)
    return words


def _plain(word: str) -> str:
    """A word without its possessive ending: "draft's" -> "draft"."""
    return re.sub(r"['’]s?$", "", word)


def _en_owners(question: str) -> list[list[str]]:
    found = [_owner_words(m["owner"]) for p in _EN_OWNERS for m in p.finditer(question)]
    found += [[w.casefold() for w in m["owner"].split()][-1:] for m in _EN_POSSESSIVE.finditer(question)]
    return [words for words in found if words]


def _zh_owners(question: str) -> list[str]:
    owners = [m["owner"] for m in _ZH_AFTER.finditer(question)]
    for m in _ZH_BEFORE.finditer(question):
        # The nearest words: a clause or phrase boundary before them ends the owner (根据决议，… 的名称).
        owner = re.split(r"[的，,。、：:；;]|根据|按照|依据", m["owner"])[-1]
        owners.append(owner)
    return [o for o in owners if o and not _ZH_PLAIN.match(o) and not _ZH_ASKING.search(o)]


# "草案回顾了一份联大文件 …, 那份决议编号是多少？", 草案开头回顾的那份决议, "The draft recalls a General Assembly
# resolution …; what is that resolution's number?": the corpus document (the verb's subject) refers to another, whose
# title or number is asked.
_ZH_CITING = re.compile(
    r"(?P<doc>决议草案|草案|提案|文章|报道|新闻稿|新闻)(?:中|里|开头|开篇|前面|一开始)?(?:还|也|首先)?"
    r"(?:回顾|忆及|提到|提及|援引|引用|引述|参照|注意到|指出)[了的]?"
)
_EN_CITING = re.compile(
    r"\b(?P<doc>draft|article|proposal|story|report|text|document)\s+(?:also\s+)?"
    r"(?:recalls|recalled|cites|cited|refers\s+to|referred\s+to|mentions|mentioned|quotes|quoted|notes|noted)\b",
    re.IGNORECASE,
)


def _cited_owner(question: str, lang: Language, owners: list[str]) -> bool:
    """Whether the question says the corpus document refers to another and asks the title or number of a
    document other than that one: the owner is the cited document ("那份决议", "that resolution"), not the
    citing one ("草案的编号", "the draft's number")."""
    m = (_ZH_CITING if lang == "zh" else _EN_CITING).search(question)
    if m is None:
        return False
    citing = m["doc"].casefold()
    return bool(owners) and not any(o.casefold().endswith(citing) for o in owners)


def about_other_thing(question: str, lang: Language) -> bool:
    """Whether the question's title, name or number belongs to something that is no document: "the title of
    the OECD conference", "the conference's name", 什么名称的人工智能监管机构 (asked of the clause that names it),
    not "the title of the draft", "its symbol" or "What is the title?" (asked of a document's record). A
    document the corpus document is said to cite ("草案回顾了一份联大文件…，那份决议编号是多少") is content too:
    the clause citing it carries its number."""
    if lang == "zh":
        owners = _zh_owners(question)
        if _cited_owner(question, lang, owners):
            return True
        return bool(owners) and not any(re.search(rf"{_ZH_DOC}$", o) for o in owners)
    en_owners = _en_owners(question)
    if _cited_owner(question, lang, [" ".join(_plain(w) for w in words) for words in en_owners]):
        return True
    return bool(en_owners) and not any(_plain(w) in _DOC_NOUNS for words in en_owners for w in words)


_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:the|this|that|its)\s+(?P<owner>[^?.,;:!]*)", re.IGNORECASE)


# 编号 / 文号 … 是多少 asks what the identifier is: 多少 there is no count ("联大决议的编号是多少"); so does
# 第几号 ("第几号决议": which numbered resolution), where 几 names no quantity. Bare 几号 is left out: "几月几号"
# asks for a day of the month.
_ZH_IDENTIFIER_NUMBER = re.compile(
    r"(?:编号|文号|号码|序号|代号|編號|文號|號碼|序號|代號)(?:是|为|為)?多少|第(?:几|幾)(?:号|號)"
)


def asks_document_number(question: str, lang: Language = "en") -> bool:
    """Whether "the number of" is said of one document ("the number of the UNGA resolution on …"): it asks
    for its identifier. "The number of countries", "the number of resolutions", "the number of the draft's
    clauses" and "the number of items the draft lists" count. In Chinese, 编号是多少 and 第几号 ask for an
    identifier."""
    if lang == "zh":
        return bool(_ZH_IDENTIFIER_NUMBER.search(question))
    for m in _NUMBER_OF.finditer(question):
        words = _owner_words(m["owner"])
        if words and words[-1] in _ONE_DOCUMENT:
            return True
    return False
