"""Near-synonyms from CC-CEDICT, so that a paraphrased question still finds its clause's words.

A bilingual dictionary is a thesaurus in disguise: English words that translate
the same Chinese headword are near-synonyms ("back" and "support" share 支持),
and Chinese words that share an English gloss likewise (设立 and 成立 share
"establish"). Each question word is mapped to the index tokens of its
translations and of those near-synonyms, in both languages, so that the support
check counts "backed" as found in "receiving support", or 穷国 in a clause on
developing nations, without a hand-written synonym list.

Only the first senses of a word are followed (the later ones are rare meanings
that make noise), and only one-word English glosses and Chinese headwords of at
least two characters (a single character means too many things). How many
senses and headwords to follow was chosen on `eval/dev`, never on the gold suites.

WordNet (`assistant.retrieval.wordnet`) adds the English synonyms a bilingual
dictionary cannot see ("backed" and "endorsed", "collaborate" and "cooperate"):
an English word brings the lemmas of its first synset, a Chinese word those of
its English glosses' first synsets.

Example:
    >>> from assistant.retrieval.dictionary import parse_cedict
    >>> lex = parse_cedict(["支持 支持 [zhi1 chi2] /to support/to back/", "背 背 [bei4] /back/"])
    >>> "support" in related_tokens("backed", "en", lex)
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from assistant.answering.evidence import question_stems, words
from assistant.glossary import find_terms
from assistant.memo import BoundedCache
from assistant.retrieval.dictionary import Lexicon
from assistant.retrieval.translation import english_forms
from assistant.retrieval.wordnet import WordNet
from assistant.schema import Language
from assistant.text import has_cjk

# Senses of a word followed to its near-synonyms, and headwords per English word. Chosen on eval/dev:
# the dev abstention F1 is flat from 2 to 3 senses and falls at 4 (unanswerable questions start to match).
SENSES = 3
HEADWORDS = 4
# WordNet synsets followed per word (or per gloss of a Chinese word). Chosen on eval/dev: one (the
# word's commonest meaning) gains two answers over none; two answer two more near misses (noise).
THESAURUS_SENSES = 1
# Words with more WordNet synsets than this (all parts of speech) get no WordNet synonyms: "keep" (25
# senses) brings "support", "stop" (22) "halt". Chosen on eval/dev: 10 to 20 give the same answers (8
# loses "stages" -> "phase", 25 answers a question with the wrong clause through "keep" -> "support");
# 12, in the lower half, because a looser cap can only let in more general words.
THESAURUS_MAX_SENSES = 12
# English inflections tried when the word as written is not a gloss ("backed" -> "back").
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""))
# British spellings CC-CEDICT glosses in American ("organisation" -> "organization").
_SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("our", "or"), ("tre", "ter"), ("mme", "m"))
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# WordNet multiword lemmas looked for in a question, longest first ("turning point", "speed up",
# "take part"): two and three words, the lengths of nearly all of WordNet's collocations.
PHRASE_LENGTHS = (3, 2)
# A phrase is looked for within a run of words; punctuation ends it ("society, the" is no phrase).
_WORD_RUN = re.compile(r"[A-Za-z][A-Za-z' -]*")


def _english_forms(word: str) -> list[str]:
    out = english_forms(word, _INFLECTIONS)
    for british, american in _SPELLINGS:
        out += [f.replace(british, american) for f in out if british in f]
    return list(dict.fromkeys(out))


def _zh_tokens(head: str) -> list[str]:
    """How a Chinese headword shows in a clause's evidence: as a jieba word, and as the bigram BM25 keeps."""
    return [head, f"\u00b7{head}"] if len(head) == 2 else [head]


def _en_stems(gloss: str) -> list[str]:
    """Stems of a one-word English gloss; longer glosses are explanations, not synonyms."""
    if " " in gloss.strip():
        return []
    return [t for t in words(gloss) if t not in question_stems()]


def _from_english(word: str, lexicon: Lexicon) -> list[str]:
    heads: list[str] = []
    for form in _english_forms(word):
        heads = [h for h in lexicon.chinese(form) if len(h) >= 2][:HEADWORDS]
        if heads:
            break
    out: list[str] = []
    for head in heads:
        out.extend(_zh_tokens(head))
        for gloss in lexicon.english(head)[:SENSES]:
            out.extend(_en_stems(gloss))
    return out


def _from_chinese(word: str, lexicon: Lexicon) -> list[str]:
    out: list[str] = []
    for gloss in lexicon.english(word)[:SENSES]:
        out.extend(_en_stems(gloss))
        out.extend(t for h in lexicon.chinese(gloss)[:HEADWORDS] if len(h) >= 2 and h != word for t in _zh_tokens(h))
    return out


def _from_thesaurus(word: str, lang: Language, lexicon: Lexicon, thesaurus: WordNet) -> list[str]:
    """English stems of the one-word WordNet synonyms of an English word, or of a Chinese word's glosses."""
    english = [g for g in lexicon.english(word)[:SENSES] if " " not in g] if lang == "zh" else [word]
    # A word of many senses is a general one ("keep" -> "support"): its first synset is no safe synonym.
    english = [w for w in english if thesaurus.sense_count(w) <= THESAURUS_MAX_SENSES]
    # A hyphenated lemma ("spick-and-span", "red-hot") is a phrase: its pieces are no synonyms.
    synonyms = [s for w in english for s in thesaurus.synonyms(w, THESAURUS_SENSES) if "-" not in s]
    return [t for s in synonyms for t in _en_stems(s)]


_CACHE: BoundedCache[tuple[str, ...], tuple[str, ...]] = BoundedCache()


def _cached(key: tuple[str, ...], word: str, find: Callable[[], list[str]]) -> tuple[str, ...]:
    """`find()`'s tokens without the word's own, once per key."""

    def other_tokens() -> tuple[str, ...]:
        own = set(words(word))
        return tuple(t for t in dict.fromkeys(find()) if t not in own)

    return _CACHE.get(key, other_tokens)


def _related(word: str, lang: Language, lexicon: Lexicon) -> tuple[str, ...]:
    # A Lexicon holds dicts (not hashable): cache by its source and size instead.
    key = ("cedict", lexicon.source, str(len(lexicon.zh_to_en)), lang, word)
    find = _from_chinese if lang == "zh" else _from_english
    return _cached(key, word, lambda: find(word, lexicon))


def _thesaurus_tokens(word: str, lang: Language, lexicon: Lexicon, thesaurus: WordNet) -> tuple[str, ...]:
    key = ("wordnet", thesaurus.source, lexicon.source, str(len(lexicon.zh_to_en)), lang, word)
    return _cached(key, word, lambda: _from_thesaurus(word, lang, lexicon, thesaurus))


def related_tokens(word: str, lang: Language, lexicon: Lexicon, thesaurus: WordNet | None = None) -> tuple[str, ...]:
    """Evidence tokens (English stems, Chinese words and bigrams) of a word's translations and near-synonyms
    (through the dictionary, and through WordNet when a `thesaurus` is given)."""
    word = word.strip()
    if not word:
        return ()
    found = _related(word, lang, lexicon)
    if thesaurus is not None:
        found = tuple(dict.fromkeys((*found, *_thesaurus_tokens(word, lang, lexicon, thesaurus))))
    return found


def direct_translations(question: str, lang: Language, lexicon: Lexicon | None) -> dict[str, tuple[str, ...]]:
    """Question stem -> its own dictionary translations as whole words, without near-synonyms.

    For checks that need the precise word: "fund" is 基金 or 资金, and 基金会 (a foundation) is not it.
    """
    return _by_question_word(question, lang, lexicon, _direct)


def every_translation(question: str, lang: Language, lexicon: Lexicon | None) -> dict[str, tuple[str, ...]]:
    """Question stem -> every dictionary translation of every form of the word, as evidence tokens.

    For the lenient test "does the corpus use this word in any language": 活动 is only the tenth
    headword glossed "activity", yet it is what "Which activities …" needs.
    """
    return _by_question_word(question, lang, lexicon, _every)


def _by_question_word(
    question: str, lang: Language, lexicon: Lexicon | None, translate: Callable[[str, Language, Lexicon], list[str]]
) -> dict[str, tuple[str, ...]]:
    if lexicon is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for word, stem in _question_words(question, lang):
        if found := translate(word, lang, lexicon):
            out[stem] = tuple(dict.fromkeys(found))
    return out


def _direct(word: str, lang: Language, lexicon: Lexicon) -> list[str]:
    """The first senses' English stems, or the Chinese headwords of the first English form that has any."""
    if lang == "zh":
        return [t for g in lexicon.english(word)[:SENSES] for t in _en_stems(g)]
    return next(
        ([h for h in heads if len(h) >= 2][:HEADWORDS] for f in _english_forms(word) if (heads := lexicon.chinese(f))),
        [],
    )


def _every(word: str, lang: Language, lexicon: Lexicon) -> list[str]:
    """Every sense's English stems, or the index tokens of every headword of every English form."""
    if lang == "zh":
        return [t for g in lexicon.english(word) for t in _en_stems(g)]
    heads = [h for f in _english_forms(word) for h in lexicon.chinese(f) if len(h) >= 2]
    return [t for h in dict.fromkeys(heads) for t in _zh_tokens(h)]


def _question_words(question: str, lang: Language) -> list[tuple[str, str]]:
    """(word as written, its stem) for the question's content words."""
    if lang == "zh":
        pairs = [(w, w) for w in words(question) if has_cjk(w) and len(w) >= 2]
    else:
        pairs = [(m.group(0), stems[0]) for m in _LATIN_WORD.finditer(question) if (stems := words(m.group(0)))]
    return [(w, s) for w, s in pairs if s not in question_stems()]


def with_synonyms(
    question: str,
    lang: Language,
    translations: Mapping[str, tuple[str, ...]],
    lexicon: Lexicon | None,
    thesaurus: WordNet | None = None,
) -> dict[str, tuple[str, ...]]:
    """`translations` (question stem -> index tokens) with every question word's near-synonyms added.

    A WordNet synonym that is already another word of the question, or of one of its glossary terms,
    is left out: "news" (WordNet: "intelligence") beside "AI" would count the one word twice.
    """
    out = dict(translations)
    if lexicon is None:
        return out
    pairs = _question_words(question, lang)
    taken = _question_evidence(question, lang, pairs) if thesaurus is not None else set()
    for word, stem in pairs:
        extra = related_tokens(word, lang, lexicon)
        if thesaurus is not None:
            extra += tuple(t for t in _thesaurus_tokens(word, lang, lexicon, thesaurus) if t not in taken)
        if extra:
            out[stem] = tuple(dict.fromkeys((*out.get(stem, ()), *extra)))
    return out


def _question_evidence(question: str, lang: Language, pairs: list[tuple[str, str]]) -> set[str]:
    """The stems of the question's words and of its glossary terms' forms in both languages."""
    forms = [f for term in find_terms(question, lang) for other in ("en", "zh") for f in term.forms(other)]
    return {stem for _, stem in pairs} | {t for f in forms for t in words(f)}


def phrase_synonyms(question: str, lang: Language, thesaurus: WordNet) -> dict[str, tuple[str, ...]]:
    """Question stem -> stems of the one-word synonyms of a WordNet multiword lemma the question writes.

    "turning point" is one WordNet lemma whose first synset is {landmark, turning point, watershed}:
    a clause that says "a watershed moment" covers both words. Every content word of the phrase gets
    the phrase's synonyms (the phrase is one unit of meaning); a phrase of function words only
    ("as well") is skipped, so is one of more than `THESAURUS_MAX_SENSES` senses. English only:
    Chinese words are not multiword lemmas.
    """
    if lang != "en":
        return {}
    out: dict[str, list[str]] = {}
    for run in _WORD_RUN.finditer(question):
        pieces = run.group(0).split()
        for n in PHRASE_LENGTHS:
            for i in range(len(pieces) - n + 1):
                phrase = " ".join(pieces[i : i + n]).lower()
                own = [t for w in pieces[i : i + n] for t in words(w)]
                content = [t for t in own if t not in question_stems()]
                # A name ("United States" -> us, america) is no collocation; nor is a phrase led by a
                # function word ("in line" -> succeed), whose synset is an idiom's sense.
                lead = words(pieces[i])
                if not content or not lead or lead[0] not in content or all(p[:1].isupper() for p in pieces[i : i + n]):
                    continue
                found = [t for t in _phrase_tokens(phrase, thesaurus) if t not in own]
                for stem in content:
                    out.setdefault(stem, []).extend(found)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items() if v}


def _phrase_tokens(phrase: str, thesaurus: WordNet) -> tuple[str, ...]:
    def find() -> list[str]:
        if not thesaurus.base_forms(phrase) or thesaurus.sense_count(phrase) > THESAURUS_MAX_SENSES:
            return []
        synonyms = [s for s in thesaurus.synonyms(phrase, THESAURUS_SENSES) if "-" not in s and not s[:1].isupper()]
        # A stem of one or two letters ("u", "us") or a function word matches far too much to be evidence.
        return [t for s in synonyms for t in _en_stems(s) if len(t) > 2 and t not in question_stems()]

    return _cached(("wordnet-phrase", thesaurus.source, phrase), phrase, find)


def with_phrase_synonyms(
    question: str, lang: Language, translations: Mapping[str, tuple[str, ...]], thesaurus: WordNet | None
) -> dict[str, tuple[str, ...]]:
    """`translations` with the synonyms of the question's WordNet multiword lemmas added as full evidence.

    Unlike a single word's first synset (near-synonym evidence, `with_synonyms`), a phrase's synset is
    as precise as a translation: a collocation has one or two senses ("turning point" is a watershed or
    a street corner). A synonym that is already a word of the question, or of one of its glossary terms,
    is left out, as in `with_synonyms`.
    """
    out = dict(translations)
    if thesaurus is None:
        return out
    taken = _question_evidence(question, lang, _question_words(question, lang))
    for stem, found in phrase_synonyms(question, lang, thesaurus).items():
        extra = tuple(t for t in found if t not in taken)
        if extra:
            out[stem] = tuple(dict.fromkeys((*out.get(stem, ()), *extra)))
    return out
