"""Whether the clause itself states what a question asserts or asks about, not only its heading or title.

`unstated_claim` is for yes/no questions (below); `unstated_about` for what-questions that name a topic
("What does the draft say about generative AI?"), whose topic the quoted clause must state in good part.

The support check reads a clause with its section heading and its document's title and source, so
"Is UNIDO liable for any loss?" found UNIDO ("UNIDO news item") in every paragraph of the article, and
the one closest in meaning passed: "Yes." above a sentence on nations harnessing AI. A yes says that
the quoted text states what the question asks. The question's subject may be named only by the heading
or the title (the addressee 责成秘书长, the publisher); its claim, the words left once those and the
words that frame a question about a text ("Does the draft mention …") are set aside, must have at least
one word in the clause's own text: as written, through a dictionary translation or near-synonym, or
(an English question on a Chinese clause) among the English senses of its words.

Only one word: a paraphrase may say all but one word otherwise ("Must people's basic freedoms be
protected on the internet as well as off it?" for "human rights must be safeguarded offline and
online"), and on `eval/dev` a stricter share refused such paraphrases as often as it caught near misses.
"""

from __future__ import annotations

import re

from assistant.answering.compounds import dictionary_parts
from assistant.answering.context import AnswerContext
from assistant.answering.evidence import Group, chunk_evidence, question_groups, written_in
from assistant.answering.support import clause_evidence, clause_glosses, evidence_text, shown_word
from assistant.schema import Chunk, Language

# Words that frame a question about a text or its voice, not its claim: the document, saying, modality.
_FRAME: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"^(?:resolution|draft|articl|document|text|report|stori|stor|piec|news|item|mention|refer|say|said|"
        r"state|call|ask|urg|oblig|requir|need|have|has|anyon|anyth|well|also|other|true|fals|not|never)",
    ),
    "zh": re.compile(
        r"^(?:决议|草案|文章|文件|报道|新闻|提到|提及|谈到|说|要求|需要|必须|应当|应该|没有|没|未|是否|是不是)"
    ),
}


def unstated_claim(question: str, lang: Language, chunk: Chunk, ctx: AnswerContext) -> list[str]:
    """The claim's words (display forms) when none of them is in `chunk`'s own text; [] when one is, or when
    the question has no claim beyond its subject."""
    groups = question_groups(question, lang, ctx.translations, ctx.synonyms)
    meta_terms, meta_tokens = chunk_evidence(_metadata(chunk, ctx))
    claim = [g for g in groups if not g.found_in(meta_terms, meta_tokens) and not _frames(g, lang)]
    if not claim:
        return []
    terms, tokens = chunk_evidence(chunk.text)
    tokens = tokens | clause_glosses(chunk, lang, ctx)
    if ctx.glosses is not None and chunk.lang == "en":
        tokens = tokens | dictionary_parts(chunk.text)  # "life" in "lifecycle", as the support check reads it
    if any(g.strength(terms, tokens) == 1.0 or written_in(g, chunk.text) for g in claim):
        return []
    return list(dict.fromkeys(shown_word(g, question, lang) for g in claim))


def _metadata(chunk: Chunk, ctx: AnswerContext) -> str:
    """What a clause is read with beside its own text: its section heading, its document's title and source."""
    return evidence_text(chunk, ctx.documents.get(chunk.doc_id)).replace(chunk.text, "\n")


def _frames(group: Group, lang: Language) -> bool:
    return group.term is None and _FRAME[lang].match(group.token) is not None


# What a what-question asks a text to say something about: "What does the draft say about generative AI?",
# 决议草案关于生成式人工智能说了什么？
_ABOUT: dict[Language, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:say|says|said|state|states|stated|write|writes|mention|mentions|tell\s+(?:us|me))\s+about\s+"
        r"(?P<topic>[^?.!]+)",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"关于(?P<topic>[^？?。，,]+?)各?(?:说了|说|有何|有什么|提到|谈到|是怎么|怎么|如何|的内容)"),
}


def unstated_about(question: str, lang: Language, chunk: Chunk, ctx: AnswerContext) -> list[str]:
    """The words of the topic a what-question asks about that the clause (with its heading, not its document's
    title) does not state, when they are more than half of the topic's words; [] otherwise or with no topic.

    Half, as for a yes/no question's topic (`contradiction.unstated_topic`): "the disparities between
    countries" says "unequal technological progress" otherwise, while a clause recalling the 2030 Agenda
    states nothing of "generative AI"."""
    m = _ABOUT[lang].search(question)
    if m is None:
        return []
    groups = question_groups(m.group("topic"), lang, ctx.translations, ctx.synonyms)
    terms, tokens = clause_evidence(chunk, lang, ctx, title=False)
    missing = [g for g in groups if not (g.found_in(terms, tokens) or written_in(g, chunk.index_text))]
    if len(missing) * 2 <= len(groups):
        return []
    return list(dict.fromkeys(shown_word(g, m.group("topic"), lang) for g in missing))
