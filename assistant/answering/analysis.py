"""Question analysis: what kind of answer a question wants, what it is about, and what a follow-up refers to.

Everything here is driven by small tables (one per language) so that a new
question word or metadata field is a table row, not a rule. The analysis is
pure: it sees the question, its language, the earlier turns and, for section
matching, the section names the corpus actually has (which name a question uses: section_match.py).

Example:
    >>> a = analyse_question("谁必须向理事会报告？", "zh")
    >>> a.qtype
    'who'
    >>> analyse_question("What is the title of the draft resolution?", "en").metadata
    'title'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.answering.correspondence import CORRESPONDENCE_VERBS
from assistant.answering.doc_hint import document_hint
from assistant.answering.head_noun import en_head, zh_head
from assistant.answering.hedges import without_hedges
from assistant.answering.partitive import PARTITIVE_NOUNS, complement, is_partitive
from assistant.answering.qtypes import EN_COUNT, ZH_COUNT, metadata_field, question_type
from assistant.answering.section_match import SectionName, match_section
from assistant.answering.words import AUXILIARIES, QUESTION_FUNCTION_WORDS
from assistant.answering.zh_predicate import zh_answer_verb
from assistant.answering.zh_topic import topic_head
from assistant.descriptions import as_terms
from assistant.glossary import find_terms
from assistant.lexical import tokenize
from assistant.schema import Language, Turn
from assistant.text import has_cjk

# ---------------------------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------------------------

# "all", "list", "every item": the user wants the whole section, not its best clause.
LIST_CUES: dict[Language, str] = {
    # "each year", "every twelve months" say how often, not that every item is asked for.
    "en": r"\b(list|all|everything|complete|full)\b|\b(every|each)\b(?!\s+(?:\d+\s+|other\s+|two\s+|three\s+|four\s+|"
    r"five\s+|twelve\s+)?(?:years?|months?|weeks?|days?|times?|sessions?|quarters?|cycles?)\b)",
    "zh": r"全部|所有|列出|列举|各项|哪些事|一共|共有|分别|哪几",
}

# Words that refer back to an earlier turn.
FOLLOW_UP_CUES: dict[Language, str] = {
    "en": r"\b(he|him|his|she|her|it|its|they|them|their|else|also|too)\b|^\s*(and|so|then|what about|how about)\b",
    "zh": r"(?<!其)他|她|它|^(那么|那|还有|另外|而)|呢[？?]?\s*$|还|另外|其余|别的",
}
# "what else", "还": the earlier answer's clauses are not wanted again.
ELSE_CUES: dict[Language, str] = {"en": r"\b(else|other|besides|apart from)\b", "zh": r"还|另外|其余|别的|其他"}

# Words that only say "do something": once the addressee is known they add nothing, so a question
# made of an addressee and these words asks for the whole section. Stemmed like the corpus.
GENERIC_ACTION_WORDS = (
    "do does did done must should shall will required require requested request asked ask instructed instruct "
    "instructions instruction invited invite invites called call urged urge tasked task tasks item items clause "
    "clauses point points thing things list all everything every give given make draft resolution document text "
    "recall recalls recalling note notes noting take resolve resolves considering consider further "
    "请求 几项 工作 邀请 做 做什么 事 事情 任务 条款 项 条 点 一共 共有 "
    "要求 责成 请 布置 必须 应当 哪些 什么 决议 草案 文件 内容 列出"
)


_WORD_SPLIT = re.compile(r"\s+")

# The noun a "what X / which X / how many X" question asks for: the answer must be an X.
_AUX = "|".join(AUXILIARIES)
# A classifier after 多少 / 几 (多少位专家, 几家公司) is no noun: the counted noun follows it.
_ZH_CLASSIFIER = "[个個位名家项項份所]"
ANSWER_NOUN_PATTERNS: dict[Language, str] = {
    "en": rf"\b(?:what|which|how many|how much)\s+{EN_COUNT}(?:kinds? of |sorts? of |types? of )?"
    rf"(?!(?:{_AUX}|the|a|an|this|that|it|its|they|he|she)\b)([A-Za-z][\w-]*)",
    "zh": rf"(?:哪些?方面的|什么样的?|{ZH_COUNT}|哪些|哪个|哪种|哪类|哪项|何种|什么"
    rf"|多少{_ZH_CLASSIFIER}?|几{_ZH_CLASSIFIER}|几)"
    r"([\u4e00-\u9fff]{1,8})",
}
# Answer nouns that name no category of answer ("what kind of role", "哪方面").
GENERIC_ANSWER_NOUNS = frozenset(
    (
        *("kind", "sort", "type", "way", "ways", "part", "parts", "thing", "things", "extent", "aspect", "aspects"),
        *("stuff", "matter", "matters"),
        *("role", "roles", "point", "points", "else"),
        *(
            "方面",
            "方式",
            "内容",
            "事",
            "事情",
            "东西",
            "样",
            "种",
            "类",
            "些",
            "个",
            "项",
            "作用",
            "角色",
            "工作",
            "问题",
            "地方",
            # "thing", "stuff": 哪些东西 asks for whatever the clause names, as "which things" does.
            "东西",
            "事物",
        ),
    )
)


# ---------------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks for; follow-ups carry what they inherited from earlier turns."""

    question: str
    lang: Language
    qtype: str  # who, when, where, how-many, how-much, which, what-must, yes-no, definition, why, what
    metadata: str = ""  # title, symbol, date, author, publisher, conference, place; "" when not metadata
    wants_list: bool = False  # an explicit "all / list" cue
    follow_up: bool = False
    wants_else: bool = False  # "what else": exclude what the earlier answer cited
    doc_hint: str = ""  # "resolution" / "article" when the question names the kind of document
    answer_noun: str = ""  # "penalties" in "What penalties does ...": what the answer must be
    answer_verb: str = ""  # "voted" in "Which countries voted against ...": what the X did
    carried_doc: str = ""  # document of the earlier answer (follow-ups)
    carried_section: tuple[str, str] | None = None  # (doc_id, section key) of the earlier answer
    carried_terms: str = ""  # the earlier question, whose content words a follow-up inherits
    exclude: tuple[str, ...] = ()  # chunk ids already given (with wants_else)
    section: tuple[str, str] | None = None  # (doc_id, key) the question names, once matched
    section_strength: str = ""  # "full" (heading/addressee or act named) or "head" (only its head word)
    section_act: bool = False  # named by its act and issuer: "What did the conference decide?"
    residual: tuple[str, ...] = field(default_factory=tuple)  # content words beyond the section and generic verbs

    @property
    def retrieval_query(self) -> str:
        """What to retrieve with: a follow-up is retrieved together with the question it follows."""
        return f"{self.carried_terms} {self.question}".strip() if self.follow_up else self.question

    @property
    def focus_section(self) -> tuple[str, str] | None:
        return self.section or (self.carried_section if self.follow_up else None)

    @property
    def asks_whole_section(self) -> bool:
        """'What must X do?', 'List what the draft recalls', 'What else must he do?': every clause of a section."""
        if self.focus_section is None or self.metadata:
            return False
        if self.qtype in ("who", "when", "where", "how-much", "yes-no", "definition", "why"):
            return False
        return self.wants_list or not self.residual


# ---------------------------------------------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Generic action words and question words, as written and as the tokenizer stems them."""
    raw = [*_WORD_SPLIT.split(GENERIC_ACTION_WORDS), *_QUESTION_STOP]
    return frozenset(t for w in raw for t in [w, *tokenize(w, cjk_bigrams=False)])


_VERB_AFTER = re.compile(rf"^\s+(?!(?:{_AUX}|and|or|of|in|on|for|to|with|from|by|that|which|who)\b)([a-z][\w-]*)")


# Light verbs: in "play a decisive part", "take part", "make decisions" the noun after them says what the X does,
# the verb only carries it (and a text says "发挥作用" or "are pivotal in", not "play"). "have" is an auxiliary
# (_VERB_AFTER reads no verb after it); "give" takes two objects ("gave the measure their backing"), left as a verb.
_LIGHT_VERBS = frozenset(("play", "plays", "played", "playing", "take", "takes", "took", "make", "makes", "made"))
# The light verb's object: determiners and adjectives, then its head noun before a preposition or the end.
_LIGHT_OBJECT = re.compile(
    r"^\s+(?:(?:a|an|the|some|any|their|its|his|her|our|more|greater|much)\s+)?((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
    r"(?=\s+(?:in|on|for|to|with|from|by|at|of|as|towards|that|which)\b|\s*[?.,;!]|\s*$)"
)


def answer_verb(question: str, lang: Language, noun: str) -> str:
    """The word right after the answer noun ("Which countries *voted* …", 哪些组织*反对*…): what the X did.
    For a light verb, its object's head ("which actors play a decisive *part* in …"); none for a verb of
    correspondence ("which initiatives *align* with it")."""
    if not noun:
        return ""
    # "How many countries *roughly* got behind it": a hedge is no verb of what the countries did (hedges.py).
    verb = _answer_verb(without_hedges(question, lang), lang, noun)
    return "" if verb.casefold() in CORRESPONDENCE_VERBS else verb


def _answer_verb(question: str, lang: Language, noun: str) -> str:
    if lang == "zh":
        return zh_answer_verb(question, noun)
    # The noun after the question word, not an earlier mention of it: in "ITU teamed up with a foundation
    # famous for prizes - which foundation was that?" the first "foundation" is described, not asked.
    m = re.search(ANSWER_NOUN_PATTERNS[lang], question, re.IGNORECASE)
    at = question.find(noun, m.start(1) if m is not None else 0)
    at = at if at >= 0 else question.find(noun)
    rest = question[at + len(noun) :]
    m = _VERB_AFTER.match(rest) if at >= 0 else None
    if m is None:
        return ""
    if m.group(1).casefold() in _LIGHT_VERBS:
        obj = _LIGHT_OBJECT.match(rest[m.end() :])
        return obj.group(1).split()[-1] if obj else ""
    return m.group(1)


def answer_noun(question: str, lang: Language) -> str:
    """The noun after the question word ("What *penalties* does ...", "有什么*处罚*"), or "" when generic.

    A partitive noun with a complement ("which stages of the lifecycle") gives the complement's head; a Chinese
    question that names its noun before a closing 哪 word (秘书长的*任务*有哪些) gives that noun's head.
    """
    noun = _plain_answer_noun(question, lang)
    m = re.search(ANSWER_NOUN_PATTERNS[lang], question, re.IGNORECASE)
    if m is None or not is_partitive(m.group(1), lang):
        return noun or (topic_head(question, GENERIC_ANSWER_NOUNS, PARTITIVE_NOUNS[lang]) if lang == "zh" else "")
    return partitive_complement(question, lang, m) or noun


def partitive_whole(question: str, lang: Language) -> str:
    """The head word of what a partitive question asks parts of ("lifecycle" in "which stages of the AI
    lifecycle", 生命周期), or "" when the question asks for no parts or the phrase's end is unclear."""
    m = re.search(ANSWER_NOUN_PATTERNS[lang], question, re.IGNORECASE)
    if m is None or not is_partitive(m.group(1), lang):
        return ""
    words, clean = complement(question, lang, m.start(1), m.end(1))
    # "Which part of ITU helps poorer countries …": without an auxiliary or preposition to end the noun
    # phrase its head is a guess, and a wrong head would rule out the answer.
    return words[-1] if words and clean else ""


def partitive_complement(question: str, lang: Language, m: re.Match[str]) -> str:
    """What a partitive answer noun is part of: "AI lifecycle" in "stages of the AI lifecycle", "生命周期"."""
    words, clean = complement(question, lang, m.start(1), m.end(1))
    # An unclear end may have caught the question's verb ("resolution *concern* human rights").
    phrase = " ".join(words) if clean else ""
    return phrase if phrase.lower() not in GENERIC_ANSWER_NOUNS else ""


def _plain_answer_noun(question: str, lang: Language) -> str:
    m = re.search(ANSWER_NOUN_PATTERNS[lang], question, re.IGNORECASE)
    if not m:
        return ""
    rest = m.group(1)
    # Modifiers before the noun ("Which *ITU-T* focus group", 哪些*具体的*伦理原则) are no answer noun: its head is.
    # 哪方面的更广泛倡议 asks for an aspect of the initiatives, not for initiatives: its noun stays as written.
    head = None if "方面" in m.group(0) else (zh_head if lang == "zh" else en_head)(question[m.start(1) :])
    if head:
        return "" if head.lower() in GENERIC_ANSWER_NOUNS else head
    # A glossary name starting there is the noun, whole ("Sustainable Development Goals", not its first words).
    after = question[m.start(1) :]
    for term in find_terms(after, lang):
        for form in term.forms(lang):
            if after.lower().startswith(form.lower()):
                noun = after[: len(form)]
                return "" if noun.lower() in GENERIC_ANSWER_NOUNS else noun
    if lang == "zh":
        pieces = tokenize(rest, cjk_bigrams=False)
        rest = pieces[0] if pieces else ""
    if not rest or rest.lower() in GENERIC_ANSWER_NOUNS or not tokenize(rest, cjk_bigrams=False):
        return ""
    return rest


def analyse_question(question: str, lang: Language) -> QuestionAnalysis:
    """Type, metadata field, list and follow-up cues of one question, without looking at any history."""
    text = question.strip()
    qtype = question_type(text, lang)
    # 为什么 holds 什么 but asks for a reason, not for a thing named after it (为什么*人工智能*…).
    noun = "" if qtype == "why" else answer_noun(text, lang)
    return QuestionAnalysis(
        question=text,
        lang=lang,
        qtype=qtype,
        metadata=metadata_field(text, lang),
        wants_list=bool(re.search(LIST_CUES[lang], text, re.IGNORECASE)),
        follow_up=bool(re.search(FOLLOW_UP_CUES[lang], text, re.IGNORECASE)),
        wants_else=bool(re.search(ELSE_CUES[lang], text, re.IGNORECASE)),
        doc_hint=document_hint(text, lang),
        answer_noun=noun,
        answer_verb=answer_verb(text, lang, noun),
    )


def _cited_section(chunk_id: str, doc_id: str) -> tuple[str, str] | None:
    """(doc, section key) from an id such as `eur-44a25-1/operative/secretary-general/7`."""
    parts = chunk_id.split("#")[0].split("/")
    if len(parts) >= 3 and parts[1] in ("preamble", "operative"):
        return doc_id, parts[2]
    return None


def resolve_follow_up(analysis: QuestionAnalysis, history: Sequence[Turn]) -> QuestionAnalysis:
    """Carry the focus document, section and words of the last turn into a follow-up question.

    A question with no follow-up cue is returned unchanged, as is any question without history.
    A follow-up with no answer type of its own ("那么发展局主任呢？") inherits the earlier one.
    """
    # Very short questions lean on the turn before even without a pronoun ("Which countries exactly?").
    elliptic = bool(history) and _short(analysis.question, analysis.lang, very=True)
    if elliptic and not analysis.follow_up:
        analysis = replace(analysis, follow_up=True)
    if not history or not analysis.follow_up or not _short(analysis.question, analysis.lang):
        # A long question with its own subject is a new question even when it says "its" or "their".
        return replace(analysis, follow_up=False, wants_else=False)
    last = history[-1]
    # The earlier question may be in the other language (users switch): judge it by its own script.
    previous = analyse_question(last.question, "zh" if has_cjk(last.question) else "en")
    doc, section, exclude = "", None, ()
    if last.answer is not None and last.answer.citations and not last.answer.abstained:
        first = last.answer.citations[0]
        doc = first.doc_id
        section = _cited_section(first.chunk_id, first.doc_id)
        exclude = tuple(c.chunk_id for c in last.answer.citations)
    qtype, wants_list = analysis.qtype, analysis.wants_list
    if qtype == "what" and previous.qtype != "what":
        qtype = previous.qtype
    if previous.wants_list and qtype in ("what", "what-must"):
        wants_list = True
    return replace(
        analysis,
        qtype=qtype,
        wants_list=wants_list,
        carried_doc=doc,
        carried_section=section,
        carried_terms=last.question,
        exclude=exclude if analysis.wants_else else (),
        doc_hint=analysis.doc_hint or previous.doc_hint,
    )


def _short(question: str, lang: Language, *, very: bool = False) -> bool:
    """Follow-ups are short: they lean on the earlier turn for their subject."""
    if lang == "zh":
        return len(re.sub(r"[\s\W]", "", question)) <= (8 if very else 16)
    return len(question.split()) <= (4 if very else 9)


def with_section(analysis: QuestionAnalysis, sections: Sequence[SectionName]) -> QuestionAnalysis:
    """The analysis with the section the question names (if any) and the words it asks beyond it."""
    asked = analysis.question
    section, strength = match_section(asked, analysis.lang, sections)
    if section is None:
        # A description names the section's addressee as well as its name does: "the head of the union's staff"
        # is the Secretary-General, 管发展那一摊的局长 the Development Bureau's director.
        asked = as_terms(asked, analysis.lang)
        section, strength = match_section(asked, analysis.lang, sections)
    names: list[str] = []
    if section is not None:
        names = [*section.names("en"), *section.names("zh")]
    elif analysis.follow_up and analysis.carried_section is not None:
        names = [n for s in sections if (s.doc_id, s.key) == analysis.carried_section for n in s.names_en + s.names_zh]
    forms = [
        f
        for n in names
        for lang_ in ("en", "zh")
        for term in find_terms(n, lang_)
        for f in term.forms("en") + term.forms("zh")
    ]
    covered = {t for n in [*names, *forms] for t in tokenize(n, cjk_bigrams=False)}
    residual = tuple(
        t
        for t in dict.fromkeys(tokenize(asked, cjk_bigrams=False))
        if t not in covered and t not in _generic_words() and len(t) > 1
    )
    return replace(
        analysis,
        section=(section.doc_id, section.key) if section is not None else None,
        # Named by its act, the section is named in full; only its clauses are what was decided (choice.pick).
        section_strength="full" if strength == "act" else strength,
        section_act=strength == "act",
        residual=residual,
    )


# Question words and particles that are never content (both languages, stemmed where English).
_QUESTION_STOP = frozenset(
    QUESTION_FUNCTION_WORDS
    | frozenset(
        ["also", "he", "her", "his", "she", "so", "their", "them", "then", "they", "其余", "别的", "另外", "那"]
    )
)
