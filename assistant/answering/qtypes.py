"""Answer types: which kind of answer a question asks for, and which document metadata field.

Tables, one per language, read first match first: a new question word is a row, not a rule. Split out of
analysis.py (which composes them into a `QuestionAnalysis`) so that each table stays next to its reader.

Example:
    >>> question_type("谁必须向理事会报告？", "zh"), metadata_field("What is the title of the draft resolution?", "en")
    ('who', 'title')
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering.metadata_scope import about_other_thing, asks_document_number
from assistant.answering.words import AUXILIARIES
from assistant.schema import Language

# A question opening with an auxiliary (or "shall", "might", "may" not before a day: "May 21 …") asks yes or
# no: the qtype below, and identifiers.asks_together.
# "Would / Could / Can / Will you …" is a request to the assistant ("Would you tell me what …?" asks for
# what): "Yes." and one clause would not answer it.
# "Wasn't / Didn't / Can't …?" ask yes or no as well (expecting yes, as 不是…吗 does: polarity.py).
YES_NO_OPENING = (
    r"^\s*(?!(?:can|could|would|will)(?:n?['’]t)?\s+you\b)"
    rf"(?:(?:{'|'.join((*AUXILIARIES, 'shall'))})(?:n?['’]t)?|won['’]t|shan['’]t|cannot|might|may(?!\s*\d))\b"
)

# A count after the question word ("which *two* resolutions", 哪*两项*决议) says how many answers are asked
# for; it is no noun a clause must state, and the noun after it is what is asked.
EN_COUNT = r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
ZH_COUNT = r"哪[两二三四五六七八九十几]+[项个种类条份点家]?"

# A question asking for a reason or purpose ("Why …", "What's the point of …", 为什么, 目的是什么): its answer is
# the part of a clause that gives one (reasons.py). First in the tables: "Why did *a number of* states …" asks why;
# but a yes-no question asking whether a text says why ("Does the draft explain why …", 是否说明了为什么) does not.
# "What are the purposes of the Union?" (plural) asks for a list of them, not why.
_WHY_EN = (
    r"\b(?:why|how come)\b|\bwhat(?:'s|’s| is| was) the (?:main |real |whole )?"
    r"(?:point|purpose|aim|goal|reason|rationale|objective) (?:of|for|behind)\b|"
    r"\b(?:for|with) what (?:purpose|reason|aim)\b|\bwhat for\b|\bto what end\b"
)
# Not inside other words: 被视*为什么*样的里程碑 (what kind of), 作*为何*种 (as which), 如*何以* (how, by).
_WHY_ZH = (
    r"为什么(?!样)|为何(?![种等])|为啥|(?<!如)何以|何故|什么原因|原因是什么|原因何在|理由是什么|出于什么|"
    r"目的是什么|目的何在|用意|为了什么|为的是什么|为了做什么|有什么用(?!途)"
)
WHY_PATTERNS: dict[Language, str] = {
    "en": rf"^(?!{YES_NO_OPENING[1:]}).*?(?:{_WHY_EN})",
    "zh": rf"^(?!.*(?:是否|有没有|能否|可否|是不是|吗[？?]?\s*$)).*?(?:{_WHY_ZH})",
}

# Answer types, first match wins. The order matters only where two patterns can both match
# ("how much" before "how many"-like words, "when" before "which").
QTYPE_PATTERNS: dict[Language, tuple[tuple[str, str], ...]] = {
    "en": (
        ("why", WHY_PATTERNS["en"]),
        (
            "how-much",
            r"\bhow much\b|\bwhat (is|was|are|were) (the |its |their |\w+'s )?(budget|cost|costs|funding|amount|price|"
            r"salary)\b|\b(budget|funding|salary|costs?) (for|of)\b",
        ),
        ("how-many", r"\bhow many\b|\bnumber of\b|\bcount\b"),
        (
            "when",
            # "When the SG looks at …, which paragraph …?", "When he passes it on, should he …?": a "when" clause
            # before a comma sets the scene; the question word or auxiliary after it asks ("When, if ever, did …"
            # still asks when).
            r"^\W*(and |so |but )?when\b(?![^?]*,\s*(which|what|who|whom|whose|how|where|why)\b)"
            rf"(?!\s[^?,]*,{YES_NO_OPENING[1:]})|"
            r"\b(by|until|since) when\b|\b(what|which) (year|date|day|month|session)\b|"
            r"\bhow (often|frequently)\b|"
            r"\bat what interval\b|\bin (what|which) year\b",
        ),
        ("where", r"\bwhere\b|\b(what|which) (city|place|town)\b"),
        (
            "who",
            r"^\s*(who|whom)\b|\b(by|to|with|from|for) whom\b|\bwho\b|"
            r"\bwhich (body|bodies|organ|official|officials|person|people|party|parties|entity|entities)\b",
        ),
        ("definition", r"^\s*what (is|are) meant by\b|\bdefin(e|ition)\b|\bwhat does .+ mean\b"),
        (
            "what-must",
            r"\bwhat (else )?(must|should|shall|does|do|is|are|will)\b.*"
            r"\b(do|instructed|asked|invited|required|requested|called on|urged|tasked)\b",
        ),
        ("yes-no", rf"{YES_NO_OPENING}|^\W*when\b[^?,]*,{YES_NO_OPENING[1:]}"),
        ("which", r"\bwhich\b|\bwhat (kind|sort|type)s? of\b"),
    ),
    "zh": (
        ("why", WHY_PATTERNS["zh"]),
        ("how-much", r"预算|经费|资金|拨款|费用|工资|薪|多少钱|花费|出资"),
        ("when", r"何时|什么时候|哪一年|哪年|哪一天|哪天|几月|多久|多长时间|频率|多常|哪一届|哪届"),
        # 哪几类 asks which (a count of answers, as 哪两项 does), not how many.
        ("how-many", r"多少|(?<!哪)几|一共|共有"),
        # 在哪几类…之间, 在哪两方面 ask which parties or aspects (a count of answers), not where.
        ("where", r"哪里|何地|哪个城市|哪座城市|在哪(?![几两二三四五六七八九十])|发自"),
        ("who", r"谁|哪个机构|何人|由谁|哪位|哪一方|哪些方"),
        ("definition", r"什么是|是什么意思|指什么|定义"),
        ("what-must", r"(做|干|承担)(什么|哪些|些什么)|哪些事|什么事|什么任务|哪些任务"),
        # 能不能, 会不会, 可不可以 ask yes or no (V不V), unless a question word asks what ("能不能…提供什么").
        ("yes-no", r"是否|吗[？?]?$|有没有|能否|可否|是不是|([\u4e00-\u9fff])不\1(?!.*(?:什么|哪|怎么|如何))"),
        ("which", rf"哪些|哪个|哪一|哪项|哪条|哪类|哪方面|什么样|{ZH_COUNT}"),
    ),
}

# "Where was X adopted?": a place asked for an event a document records (its dateline or header).
EVENT_PLACE: dict[Language, str] = {
    "en": r"\bwhere (did|was|were|has|have|had)\b.*\b(adopt|adopted|pass|passed|approve|approved|convene|"
    r"convened|meet|met|sign|signed|take place|took place)\b",
    "zh": r"在(哪里|哪儿|何地|何处)(举行|通过|召开|批准|签署)",
}

# Document metadata fields, answered from the corpus manifest and the header chunk.
METADATA_PATTERNS: dict[Language, tuple[tuple[str, str], ...]] = {
    "en": (
        (
            "title",
            r"\b(title|titled|headline|heading)\b|\bwhat is (the|this) (draft|document|article) called\b|"
            r"\bname of (the|this) (\w+ ){0,2}(draft|document|article|news|story|item|proposal)\b",
        ),
        (
            "symbol",
            r"\bsymbol\b|\b(document|reference|resolution|draft|proposal)( resolution)? number\b|"
            r"\bnumber (of|does) (the|this|its) (\w+ ){0,2}(draft|document|proposal)\b|\bwhich number\b",
        ),
        (
            "date",
            r"\bdateline\b|\bdated\b|\b(what is|what's) the date of\b|\bdate (of|on) (the|this)\b|"
            r"\bwhen was (it|the \w+|this \w+|the \w+ \w+) (published|issued|released|posted)\b",
        ),
        # Who wrote or edited a text is not who published it; the manifest names no author (metadata.py).
        (
            "author",
            # Only who wrote this text: "the rights of authors" and "the editor of a Recommendation" are content.
            r"\bwho (wrote|authored|edited|writes)\b|\b(written|edited|authored) by\b|"
            r"\b(author|editor|writer)s? of (the|this) (\w+ ){0,2}(article|report|document|text|resolution|draft|"
            r"news|story|item)\b|\bwho is (the|its) (author|editor|writer)\b",
        ),
        (
            "publisher",
            r"\bwho (published|issued|released|publishes)\b|\bpublisher\b|\b(published|issued|released) by\b",
        ),
        ("conference", r"\b(which|what) conference\b|\bconference (was|is) (it|the draft|this)\b"),
        (
            "place",
            # "Where did the Assembly adopt …": a document reports its event from its dateline or header
            # (metadata.py); a clause's own place still wins when the record does not name the event's actor.
            # Only a past or passive event: "Where must AI systems pass a review?" asks about an obligation.
            r"\b(which|what) city\b|\bwhere\b.*\b(filed|datelined|published|issued|from|held|tabled|submitted)\b|"
            # A gathering "located" or "taking place" somewhere was held there (scope.asks_site: not a standing site).
            r"\bwhere\b.*\b(conference|summit|meeting|session|assembly|congress)\b.*\b(located|situated|took place)\b|"
            + EVENT_PLACE["en"],
        ),
    ),
    "zh": (
        ("title", r"标题|题目|名称|叫什么|题为"),
        ("symbol", r"编号|文号|文件号|号码"),
        ("date", r"电头|日期|(哪一天|哪天|什么时候|何时)(发布|发表|刊登|发出)"),
        ("author", r"(这篇|该|本)\w{0,4}的作者|作者是谁|谁是作者|撰稿人|执笔|(谁|哪位记者)(写|撰写|编写)"),
        ("publisher", r"(谁|哪个机构|什么机构|哪家机构)(发布|出版|发表|刊登)|发布者|出版者|出处|出自(哪|什么|何)"),
        ("conference", r"(哪|什么)一?[个次届场]?(大会|会议)|提交给"),  # any measure word: 哪一次会议, 哪届大会
        ("place", r"哪个城市|哪座城市|发自|" + EVENT_PLACE["zh"]),
    ),
}


@lru_cache(maxsize=4)
def _compiled(table_id: str, lang: Language) -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = {"qtype": QTYPE_PATTERNS, "meta": METADATA_PATTERNS}[table_id][lang]
    return tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in table)


def _first_match(table_id: str, text: str, lang: Language, skip: frozenset[str] = frozenset()) -> str:
    for name, pattern in _compiled(table_id, lang):
        if name not in skip and pattern.search(text):
            return name
    return ""


def question_type(question: str, lang: Language) -> str:
    """The answer type of `question` from the language's table; "what" when nothing matches.
    "The number of the UNGA resolution on …" and 决议的编号是多少 ask for an identifier, not a count
    (metadata_scope.py)."""
    skip = frozenset(("how-many",)) if asks_document_number(question, lang) else frozenset()
    return _first_match("qtype", question, lang, skip) or "what"


def metadata_field(question: str, lang: Language) -> str:
    """The document metadata field the question asks for, or "". A title, name or number is a document's
    only when said of one: "the title of the OECD conference" is content (metadata_scope.py)."""
    scoped = frozenset(("title", "symbol")) if about_other_thing(question, lang) else frozenset()
    return _first_match("meta", question, lang, scoped)
