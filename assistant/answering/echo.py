"""Spans that only repeat the question: "Which developing nations …?" is not answered by "developing nations".

A which-question asks for instances of its noun. A clause that names the noun only with words the
question already has ("particularly for developing nations", "a coalition of nations") names none:
the answer must add something (a name, a modifier: "Which nations …?" -> "developing nations").
Words are compared as the glossary and the stemmer see them, so 发展中国家 in a Chinese question
is echoed by "developing nations" in the English article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answering.answer_class import qualified_phrase
from assistant.answering.evidence import chunk_evidence, words
from assistant.answering.support import is_name
from assistant.glossary import Term
from assistant.text import has_cjk


def adds_to_question(span: str, question: str, said: frozenset[str] = frozenset()) -> bool:
    """Whether `span` says anything the question does not: a glossary name or a word beyond its own.
    `said` are English stems a Chinese question says through its words' translations (紧迫 -> press)."""
    span_terms, span_tokens = chunk_evidence(span)
    q_terms, q_tokens = chunk_evidence(question)
    q_tokens = q_tokens | said
    # A name of all countries the question calls by its head noun is the question's: "Member States"
    # repeats "Which states …?" as it does "Which countries …?" (one of its aliases).
    q_terms = q_terms | {t for t in span_terms if _called_as_countries(t, q_tokens)}
    if not span_terms <= q_terms:
        return True
    # The words of the question's names are the question's too, whichever language it names them in: a
    # question for countries names Member States (countries, nations), so bare "States" repeats it as
    # "Member States" does.
    named = {w for t in q_terms for form in t.forms("en") for w in words(form)}
    # A Chinese span's character pairs are its names' own (成员国 for "Which nations …?").
    named |= {tok for t in span_terms for form in t.forms("zh") for tok in chunk_evidence(form)[1]}
    return not span_tokens <= q_tokens | named


_COUNTRY_ALIASES = frozenset(("countries", "nations"))


def _called_as_countries(term: Term, q_tokens: frozenset[str]) -> bool:
    """Whether `term` names countries (an alias "countries" / "nations") and the question has its head noun."""
    head = words(term.en)[-1:]
    return bool(head) and head[0] in q_tokens and bool(_COUNTRY_ALIASES & {a.casefold() for a in term.en_aliases})


# Words between "which" and its noun that pick among the instances rather than say what they are
# ("which *specific* / *other* countries"): no content the answer must repeat.
_DETERMINERS = frozenset(
    words(
        "specific particular certain exact precise individual other several various "
        "main major key same different some many few"
    )
)
# A number ("which *two* countries") asks for that many named instances: a common-noun group
# ("developing nations") is none, however it keeps the other modifiers.
_COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNTS = frozenset(words(" ".join(_COUNT_WORDS))) | {"2", "3", "4", "5", "6", "7", "8", "9"}


def keeps_modifiers(span: str, phrase: str, noun: str) -> bool:
    """Whether `span` keeps what the question's asked `phrase` says beyond its `noun` and its determiners
    (`_DETERMINERS`): "Which *developing* nations" is not answered by "120 member states", a group that is
    not developing ones; "which *specific* countries" is answered by "developing nations"; "which *civil
    society* organisations" not by "the private sector". A modifier that is a glossary term is kept by
    that term or by its words; one that is a proper name states a membership the answer's own name need
    not repeat: the International Labour Organization answers "which *UN* labour agency"."""
    p_terms, p_tokens = chunk_evidence(phrase)
    n_terms, n_tokens = chunk_evidence(noun)
    if _COUNTS & p_tokens and not span[:1].isupper():
        return False
    s_terms, s_tokens = chunk_evidence(span)
    modifiers = p_terms - n_terms
    if not all(_says(t, s_terms, s_tokens) for t in modifiers if not is_name(t.en, t.en_aliases)):
        return False
    if has_cjk(phrase):
        # A Chinese phrase's tokens hold character pairs across its parts (·中国): its names say enough.
        return True
    # An English one by its other words too: "developing island nations" keeps "developing".
    named = {w for t in modifiers for form in t.forms("en") for w in words(form)}
    return (p_tokens - n_tokens - _DETERMINERS - _COUNTS - named) <= s_tokens


def _says(term: Term, terms: frozenset[Term], tokens: frozenset[str]) -> bool:
    """Whether a span with these `terms` and `tokens` says the glossary `term`: by name or by its words."""
    return term in terms or any(w and set(w) <= tokens for w in (words(f) for f in term.forms("en")))


def instances(
    spans: Iterable[str], question: str, phrase: str = "", noun: str = "", said: frozenset[str] = frozenset()
) -> list[str]:
    """The spans that add to the question (see `adds_to_question`, with the English stems `said` a Chinese
    question says through its translations) and, for a group asked by a modified noun (`phrase` with its head
    `noun`), keep its modifiers (see `keeps_modifiers`)."""
    return [
        s for s in spans if adds_to_question(s, question, said) and (not phrase or keeps_modifiers(s, phrase, noun))
    ]


_WORD = re.compile(r"[\w'’-]+")
# A mention followed by these introduces its instances ("stakeholders *such as* …"); "*and other*
# stakeholders" ends a list of them, "*all* stakeholders" names the whole class.
_LIST_AFTER = re.compile(r"\s*,?\s*(?:such as|including|like|namely|e\.g\.|:)", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"(?:\b(?:and|or)\s+other|\b(?:all|every|each))\s+$", re.IGNORECASE)
# What follows a mention and narrows it, up to a comma or full stop: a relative clause ("AI systems *that
# contravene …*") or a prepositional phrase ("the disparities *in technological advancement*", "risks *to
# human rights enjoyment*"); not "for", which mostly gives a purpose ("AI technologies *for the
# betterment of society*" names no technology).
_POSTMODIFIER = re.compile(r"\s+(?:that|which|who|whose|in|of|to|from|against|on)\s[^,.;:!?]{1,80}", re.IGNORECASE)
# A word right before a mention that makes it the whole class or a predicate of another subject: "the 17
# Sustainable Development Goals" are all of them; "X were highlighted *as* essential components" names X.
_WHOLE_BEFORE = re.compile(rf"^(?:\d+|as|{'|'.join((*_COUNT_WORDS, 'twelve', 'seventeen'))})$", re.IGNORECASE)
# A question that asks for names ("Which AI systems did the Assembly *name* …") is not answered by a
# description, however much it narrows the class.
_ASKS_NAMES = re.compile(
    r"\b(?:name[sd]?|naming|list(?:s|ed)?|identif(?:y|ies|ied)|single[sd]?\s+out)\b|名称|名字|点名|列出|列举"
)
_MODIFIER_WORDS = 3


def asks_names(question: str) -> bool:
    """Whether the question asks for names ("did the Assembly *name*", 列出), which no description answers."""
    return _ASKS_NAMES.search(question) is not None


def names_instance(
    text: str, question: str, phrase: str, said: frozenset[str] = frozenset(), heads: frozenset[str] = frozenset()
) -> bool | None:
    """Whether an English `text` names an instance of the asked `phrase` ("AI systems" of "Which AI
    systems did …"): a mention of its noun that adds to the question ("*international human rights*
    standards" for "which standards", "disparities *in technological advancement*" unless names are
    asked for), the whole class ("all stakeholders"), or a mention a list of members comes with
    ("member states, civil society, … and other stakeholders"). None when the text never uses the noun:
    it may name instances in other words. For a Chinese question, `phrase` is an English stem of its head
    noun, `said` the stems its words translate to (see `adds_to_question`) and `heads` its head's other
    stems: a mention right before one of them qualifies it ("*global* challenges" for 全球挑战)."""
    head = words(phrase.split()[-1]) if phrase.split() else []
    if len(head) != 1:
        return None
    described = not asks_names(question)
    mentioned: bool | None = None
    for m in _WORD.finditer(text):
        if words(m.group(0)) != head:
            continue
        following = _WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if following and set(words(following.group(0))) & heads:
            continue
        mentioned = False
        before = text[max(0, m.start() - 80) : m.start()]
        if _LIST_BEFORE.search(before) or _LIST_AFTER.match(text, m.end()):
            return True
        # The words right before it, in its own stretch of text (a comma or full stop ends a phrase).
        stretch = _WORD.findall(re.split(r"[^\w\s'’-]", before)[-1])
        run = stretch[-_MODIFIER_WORDS:]
        mention = qualified_phrase([*run, m.group(0)], nouns=True)
        lead = stretch[-len(mention.split())] if len(mention.split()) <= len(stretch) else ""
        if _WHOLE_BEFORE.match(lead):
            return True
        after = _POSTMODIFIER.match(text, m.end()) if described else None
        if adds_to_question(f"{mention}{after.group(0) if after else ''}", question, said):
            return True
    return mentioned
