"""Query translation for cross-lingual BM25: the project glossary first, then CC-CEDICT.

An English question shares no tokens with a Chinese clause, so its words are
carried into Chinese (and a Chinese question's into English) before BM25 runs.
Each query word becomes one `TermGroup`: its translations that occur in the
index, scored together as one term (see `BM25Index.group_scores`). The
project's glossary of UN/ITU terms speaks first and wins; the dictionary fills
in the rest, multi-word phrases ("developing countries", "Super Bowl") before
single words. Numbers and Latin names need no translation: the question's own
tokens stay in the query and match them in either language.

Example:
    >>> q = translate_query("Who must report to Council?", "en", AnyTerms())
    >>> sorted((g.source, g.tokens, g.origin) for g in q.translations)
    [('Council', ('理事会',), 'glossary'), ('report', ('·报告',), 'glossary')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from assistant.glossary import Term, find_terms
from assistant.lexical import tokenize
from assistant.phrasings import phrasings_in, without_named
from assistant.retrieval.dictionary import Lexicon
from assistant.retrieval.everyday import find_everyday
from assistant.retrieval.term_heads import head_glosses
from assistant.schema import Language
from assistant.text import CJK_RUN, has_cjk

# How many translations of one word are kept (most primary senses first); more is noise.
MAX_TARGETS = 8
# A single Chinese character is ambiguous: keep fewer of its senses.
MAX_TARGETS_ONE_CHAR = 3
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_CJK_RUN = CJK_RUN
# Question phrases whose words are not the topic ("how many" is not 许多); a value is what the
# answer looks like in Chinese text (an age is written 岁).
_EN_IDIOMS: dict[str, tuple[str, ...]] = {
    "how many": (),
    "how much": (),
    "how old": ("岁",),
    "how long": (),
    "how often": (),
    "how far": (),
    "what kind": (),
    "what type": (),
}
# English inflections tried when a word is not a gloss itself: (suffix, replacement).
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""))


@dataclass(frozen=True)
class TermGroup:
    """One query word and the index tokens that stand for it, counted as one BM25 term."""

    source: str  # the word or phrase as the question writes it
    tokens: tuple[str, ...]
    weight: float = 1.0
    # "query" (the question's own token), "glossary", "dictionary", "everyday" (retrieval/everyday.py) or
    # "paraphrase" (phrasings.py)
    origin: str = "query"
    targets: tuple[str, ...] = ()  # the translations as words (for display), e.g. ("报告", "汇报")
    # How much finding this translation says the other language's text is about the question: 1.0
    # for a word of few senses, less for a generic one (see `specificity`).
    specificity: float = 1.0

    @property
    def translated(self) -> bool:
        return self.origin != "query"

    def describe(self) -> str:
        """`report → 报告/汇报 (dictionary)`: why a clause in the other language matched."""
        return f"{self.source} → {'/'.join(self.targets or self.tokens)} ({self.origin})"


@dataclass(frozen=True)
class LexicalQuery:
    """A question as BM25 sees it: its own tokens plus its words' translations."""

    language: Language
    groups: tuple[TermGroup, ...]
    content_words: int = 0  # words of the question that could be translated
    translated_words: int = 0  # of those, how many found a translation in the index
    notes: tuple[str, ...] = field(default=())

    @property
    def translations(self) -> tuple[TermGroup, ...]:
        return tuple(g for g in self.groups if g.translated)

    @property
    def coverage(self) -> float:
        """Share of the question's content words carried into the other language (1.0 when there are none)."""
        return self.translated_words / self.content_words if self.content_words else 1.0

    def specific_share(self, found: Callable[[TermGroup], bool]) -> float:
        """Share of the question's content words whose translation `found` says a clause holds, each
        counted by its `TermGroup.specificity`: 0.2 when one generic word of five ("help" → 助力) is
        all a clause of the other language shares with the question, through translation."""
        if not self.content_words:
            return 0.0
        counted = (g for g in self.translations if g.source.lower() not in _EN_IDIOMS and found(g))
        return sum(g.specificity for g in counted) / self.content_words

    def generic_match(self, holds: Callable[[str], bool], threshold: float) -> bool:
        """Whether a clause (`holds` says which index tokens it has) matched the question through
        translations of generic words only: some translation occurs in it, and the share of the
        question's content words it holds is below `threshold`, each word counted by its translation's
        `specificity`, or 1.0 when the clause holds the word as the question writes it (an acronym or
        number written alike in both languages, "ICT", "2030"), once either way."""
        fired = [g for g in self.translations if any(holds(t) for t in g.tokens)]
        if not fired or not self.content_words:
            return False
        own = {t for g in self.groups if not g.translated for t in g.tokens if holds(t)}
        translated = self.specific_share(lambda g: g in fired and own.isdisjoint(tokenize(g.source)))
        return translated + len(own) / self.content_words < threshold

    @property
    def tokens(self) -> tuple[str, ...]:
        """Every index token of the query, own and translated, each once."""
        return tuple(dict.fromkeys(t for g in self.groups for t in g.tokens))

    def as_groups(self) -> list[tuple[tuple[str, ...], float]]:
        return [(g.tokens, g.weight) for g in self.groups]

    def own_groups(self) -> list[tuple[tuple[str, ...], float]]:
        """The question's own tokens only (what a passage's gloss field is matched against)."""
        return [(g.tokens, g.weight) for g in self.groups if not g.translated]


@dataclass(frozen=True)
class TranslationWeights:
    """How much each kind of evidence counts in the BM25 query (chosen on the dev sets)."""

    # The project glossary is curated for this corpus; a dictionary word has several senses and
    # mistranslates more often. The ratio is chosen on eval/dev and xquad_dev (docs/benchmarks.md).
    glossary: float = 1.5
    phrase: float = 1.0
    word: float = 0.75
    one_char: float = 0.5  # a translation into a single Chinese character
    # An everyday word or idiom searched as a text's words (retrieval/everyday.py): a hand-made table, as the
    # glossary is, but of looser equivalents. Chosen on eval/dev: 1.0 answers alike, 1.5 breaks one.
    everyday: float = 0.75
    # A word CC-CEDICT translates into n > `generic_senses` headwords has specificity
    # `generic_senses / n` (see `specificity`; None: every translation is specific). Chosen on eval/dev.
    generic_senses: int | None = 4


def specificity(senses: int, generic_senses: int | None) -> float:
    """How specific a word with `senses` dictionary translations is: 1.0 up to `generic_senses`, then
    `generic_senses / senses`.

    CC-CEDICT gives "help" 25 Chinese headwords, "support" 53, "council" 3: a generic word always
    finds a translation somewhere in the other language, so finding one says little.

    Example:
        >>> specificity(3, 8), specificity(32, 8), specificity(32, None)
        (1.0, 0.25, 1.0)
    """
    if generic_senses is None or senses <= generic_senses:
        return 1.0
    return generic_senses / senses


def english_senses(word: str, lexicon: Lexicon) -> int:
    """How many Chinese headwords CC-CEDICT gives for English `word` (or phrase), through its inflections."""
    for form in english_forms(word) if " " not in word else [word.lower()]:
        heads = lexicon.chinese(form)
        if heads:
            return len(heads)
    return 0


def chinese_senses(word: str, lexicon: Lexicon) -> int:
    """The breadth of Chinese `word`'s primary sense: how many headwords share its first English gloss
    (国家 → "country": 7), on the scale of `english_senses`. Only the first gloss counts: a Chinese
    word lists its senses commonest first, and a later broad one (支持 → … "support": 53) is rarer."""
    glosses = lexicon.english(word)
    return english_senses(glosses[0], lexicon) if glosses else 0


class IndexTerms(Protocol):
    """What translation needs to know of the BM25 index: which tokens it holds, and how common they are."""

    def __contains__(self, token: object) -> bool: ...

    def df(self, token: str) -> int: ...


class AnyTerms:
    """Every token counts as present and equally rare (a query against an unknown index)."""

    def __contains__(self, token: object) -> bool:
        return True

    def df(self, token: str) -> int:
        return 1


def zh_index_token(word: str, terms: IndexTerms, *, partial: bool = True) -> str | None:
    """The one index token that best stands for Chinese `word`, or None.

    A two-character word is its bigram token (every occurrence, however jieba
    split the passage); a longer one its jieba word, or when jieba never made
    that word (超级碗 split as 超级 + 碗) its rarest bigram, unless `partial` is
    off (one of many translations of a common word: a bigram of it is noise);
    a single character itself.
    """
    if len(word) == 2 and "\u00b7" + word in terms:
        return "\u00b7" + word
    if word in terms:
        return word
    if partial and len(word) > 2:
        bigrams = [b for i in range(len(word) - 1) if (b := "\u00b7" + word[i : i + 2]) in terms]
        if bigrams:
            return min(bigrams, key=terms.df)
    return None


def en_index_tokens(phrase: str, terms: IndexTerms) -> tuple[str, ...]:
    """The index tokens of an English gloss ("Secretary-General" → the compound, else its stems)."""
    tokens = tokenize(phrase)
    if len(tokens) > 1 and tokens[0] in terms and re.search(r"[/\-.]", tokens[0]):
        return (tokens[0],)  # the joined form ("secretary-general") is the precise one
    return tuple(t for t in tokens if t in terms)


def english_forms(word: str, inflections: Sequence[tuple[str, str]] = _INFLECTIONS) -> list[str]:
    """`word` lower-cased, then the stems its `(suffix, replacement)` inflections give (the caller checks them)."""
    word = word.lower()
    out = [word]
    for suffix, repl in inflections:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return out


def _to_chinese(
    phrase: str, lexicon: Lexicon, terms: IndexTerms, limit: int = MAX_TARGETS, *, partial: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(index tokens, headwords, only-single-characters) for an English phrase or word."""
    heads: list[str] = []
    for form in english_forms(phrase) if " " not in phrase else [phrase.lower()]:
        heads.extend(h for h in lexicon.chinese(form) if h not in heads)
        if heads:
            break
    tokens: list[str] = []
    words: list[str] = []
    for head in heads:
        token = zh_index_token(head, terms, partial=partial)
        if token and token not in tokens:
            tokens.append(token)
            words.append(head)
        if len(tokens) >= limit:
            break
    return tuple(tokens), tuple(words), bool(words) and all(len(w) == 1 for w in words)


def _glossary_tokens(term: Term, lang: Language, terms: IndexTerms) -> tuple[str, ...]:
    """The index tokens of a glossary term's forms in `lang` (the language it is translated into)."""
    if lang == "en":
        return tuple(dict.fromkeys(t for form in term.forms("en") for t in en_index_tokens(form, terms)))
    tokens = tuple(t for form in term.forms("zh") if (t := zh_index_token(form, terms)))
    tokens = tokens or tuple(dict.fromkeys(t for form in term.forms("zh") for t in tokenize(form) if t in terms))
    return tuple(dict.fromkeys(tokens))


def _glossary_groups(
    question: str, lang: Language, terms: IndexTerms, weights: TranslationWeights, lexicon: Lexicon | None = None
) -> tuple[list[TermGroup], str, int]:
    """(groups of the glossary terms the index holds, the question without the terms, how many terms it has)."""
    other: Language = "zh" if lang == "en" else "en"
    groups: list[TermGroup] = []
    text = question
    found = find_terms(question, lang)
    for term in found:
        tokens = _glossary_tokens(term, other, terms)
        written: list[str] = []
        # Words the glossary translated are not translated again word by word.
        for form in term.forms(lang):
            before = text
            if lang == "en":
                text = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", " ", text, flags=re.IGNORECASE)
            else:
                text = text.replace(form, " ")
            if text != before:
                written.append(form)
        if tokens:
            spec = _glossary_specificity(term, lang, written, lexicon, weights.generic_senses)
            groups.append(TermGroup(term.name(lang), tokens, weights.glossary, "glossary", (term.name(other),), spec))
    return groups, text, len(found)


def _glossary_specificity(
    term: Term, lang: Language, written: list[str], lexicon: Lexicon | None, generic_senses: int | None
) -> float:
    """A term written under its own name is the curated equivalent (1.0); one reached through a loose
    alias ("countries" for Member States) is as specific as that word is in the dictionary."""
    if lexicon is None or generic_senses is None or not written or term.name(lang) in written:
        return 1.0
    senses = english_senses if lang == "en" else chinese_senses
    return max(specificity(senses(form, lexicon), generic_senses) for form in written)


def _translate_english(
    text: str, lexicon: Lexicon, terms: IndexTerms, weights: TranslationWeights
) -> tuple[list[TermGroup], int, int]:
    """Dictionary groups for `text` (the question without its glossary terms), content words, translated words."""
    groups: list[TermGroup] = []
    content = translated = 0
    generic = weights.generic_senses
    for idiom, targets in _EN_IDIOMS.items():
        pattern = re.compile(rf"\b{idiom}\b", re.IGNORECASE)
        if not pattern.search(text):
            continue
        text = pattern.sub(" ", text)
        tokens = tuple(t for w in targets if (t := zh_index_token(w, terms)))
        if tokens:
            groups.append(TermGroup(idiom, tokens, weights.word, "dictionary", targets))
    words = [w for w in _LATIN_WORD.findall(text) if tokenize(w)]
    used = [False] * len(words)
    for n in (3, 2):  # phrases first: "developing countries", "Super Bowl"
        for i in range(len(words) - n + 1):
            if any(used[i : i + n]):
                continue
            phrase = " ".join(words[i : i + n])
            tokens, heads, _ = _to_chinese(phrase, lexicon, terms, partial=True)
            if not tokens and phrase.lower().endswith("s"):
                tokens, heads, _ = _to_chinese(phrase[:-1], lexicon, terms, partial=True)
            if tokens:
                used[i : i + n] = [True] * n
                content += 1
                translated += 1
                spec = specificity(english_senses(phrase, lexicon), generic)
                groups.append(TermGroup(phrase, tokens, weights.phrase, "dictionary", heads, spec))
    for word, done in zip(words, used, strict=True):
        if done:
            continue
        content += 1
        tokens, heads, one_char = _to_chinese(word, lexicon, terms)
        if tokens:
            translated += 1
            weight = weights.one_char if one_char else weights.word
            spec = specificity(english_senses(word, lexicon), generic)
            groups.append(TermGroup(word, tokens, weight, "dictionary", heads, spec))
    return groups, content, translated


def _translate_chinese(
    text: str, lexicon: Lexicon, terms: IndexTerms, weights: TranslationWeights
) -> tuple[list[TermGroup], int, int]:
    """Dictionary groups for `text` (the question without its glossary terms), content words, translated words."""
    groups: list[TermGroup] = []
    content = translated = 0
    for run in _CJK_RUN.findall(text):
        for word in tokenize(run, cjk_bigrams=False):
            pieces = [word] if lexicon.english(word) else lexicon.segment(word)
            for piece in pieces:
                if not tokenize(piece, cjk_bigrams=False):
                    continue  # a particle or question word
                content += 1
                limit = MAX_TARGETS_ONE_CHAR if len(piece) == 1 else MAX_TARGETS
                glosses = [g for g in lexicon.english(piece) if en_index_tokens(g, terms)][:limit]
                if not glosses:  # 鸿沟 ("gulf; chasm") of 数字鸿沟: the text writes "digital divide"
                    glosses = [g for g in head_glosses(piece) if en_index_tokens(g, terms)][:limit]
                tokens = tuple(dict.fromkeys(t for g in glosses for t in en_index_tokens(g, terms)))
                if tokens:
                    translated += 1
                    weight = weights.one_char if len(piece) == 1 else weights.word
                    spec = specificity(chinese_senses(piece, lexicon), weights.generic_senses)
                    groups.append(TermGroup(piece, tokens, weight, "dictionary", tuple(glosses), spec))
    return groups, content, translated


def translate_query(
    question: str,
    language: Language,
    terms: IndexTerms,
    lexicon: Lexicon | None = None,
    weights: TranslationWeights | None = None,
) -> LexicalQuery:
    """The question's own BM25 tokens plus the translations of its words into the other language.

    Only translations that occur in `terms` (the BM25 index's vocabulary) are
    kept. Without a `lexicon` only the glossary translates.
    """
    weights = weights or TranslationWeights()
    own = [TermGroup(t, (t,)) for t in dict.fromkeys(tokenize(question))]
    # A phrasing read as a glossary term ("smart machines") is searched as that term (`_paraphrase_groups`), not
    # word by word nor through a term inside it.
    named = without_named(question, language, "search")
    groups, text, content = _glossary_groups(named, language, terms, weights, lexicon)
    translated = len(groups)
    # Everyday words and idioms (钱袋子, "from cradle to grave") are searched as the words a text writes for
    # them, before the dictionary, which would translate them word by word into other things.
    everyday, text = _everyday_groups(text, language, terms, weights)
    groups, content, translated = groups + everyday, content + len(everyday), translated + len(everyday)
    if lexicon is not None:
        translate = _translate_english if language == "en" else _translate_chinese
        more, more_content, more_translated = translate(text, lexicon, terms, weights)
        groups, content, translated = groups + more, content + more_content, translated + more_translated
    groups += _paraphrase_groups(question, language, terms, weights)
    return LexicalQuery(language, tuple(own + groups), content, translated)


def _everyday_groups(
    text: str, lang: Language, terms: IndexTerms, weights: TranslationWeights
) -> tuple[list[TermGroup], str]:
    """Groups of the everyday words found in `text` whose text's words the index holds, and `text` without
    those (a row the index has no words for leaves its words to the dictionary)."""
    found, rest = find_everyday(text, lang)
    groups = []
    for row, source in found:
        en = [t for w in row.wording if not has_cjk(w) for t in en_index_tokens(w, terms)]
        zh = [t for w in row.wording if has_cjk(w) and (t := zh_index_token(w, terms))]
        tokens = tuple(dict.fromkeys((*en, *zh)))
        if tokens:
            groups.append(TermGroup(source, tokens, weights.everyday, "everyday", row.wording))
        else:
            rest = _restore(rest, text, source)
    return groups, rest


def _restore(rest: str, text: str, source: str) -> str:
    """`rest` with `source` put back where it stood in `text` (both the same length in Chinese), or as
    appended words (English blanks are one space)."""
    at = text.find(source)
    if at >= 0 and len(rest) == len(text):
        return rest[:at] + source + rest[at + len(source) :]
    return f"{rest} {source}"


def _paraphrase_groups(
    question: str, lang: Language, terms: IndexTerms, weights: TranslationWeights
) -> list[TermGroup]:
    """Everyday phrasings searched as a text says them (phrasings.py): "asked everyone not to" as refrain,
    避免, stakeholders. In both languages: either may write it."""
    groups = []
    for p in phrasings_in(question, lang, "search"):
        if p.term is not None:
            tokens = (*_glossary_tokens(p.term, "en", terms), *_glossary_tokens(p.term, "zh", terms))
            targets: tuple[str, ...] = (p.term.en, p.term.zh)
        else:
            wording = p.phrasing.wording
            en = [t for w in wording if not has_cjk(w) for t in en_index_tokens(w, terms)]
            zh = [t for w in wording if has_cjk(w) and (t := zh_index_token(w, terms))]
            tokens, targets = (*en, *zh), wording
        if tokens:
            groups.append(TermGroup(p.source, tuple(dict.fromkeys(tokens)), weights.word, "paraphrase", targets))
    return groups


# Senses of a Chinese word kept when it is glossed into English at index time: the first are
# the common ones, and every extra sense adds noise to a passage's English field.
GLOSS_SENSES = 2
GLOSS_TOKENIZER_ID = "cedict-gloss/v1"


def gloss_tokens(tokens: list[str], lexicon: Lexicon, cache: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """English stems for the Chinese words among a passage's BM25 tokens (document translation).

    An English question then matches a Chinese clause through this field as well
    as through its own translated words; the two errors differ, so together they
    find more. Bigram tokens and non-Chinese tokens give nothing.

    Example:
        >>> from assistant.retrieval.dictionary import parse_cedict
        >>> gloss_tokens(["理事会", "·理事", "itu"], parse_cedict(["理事會 理事会 [x] /council/"]))
        ['council']
    """
    cache = {} if cache is None else cache
    out: list[str] = []
    for token in tokens:
        if token.startswith("\u00b7") or not _CJK_RUN.fullmatch(token):
            continue
        stems = cache.get(token)
        if stems is None:
            pieces = [token] if lexicon.english(token) else lexicon.segment(token)
            stems = tuple(
                t for piece in pieces for gloss in lexicon.english(piece)[:GLOSS_SENSES] for t in tokenize(gloss)
            )
            cache[token] = stems
        out.extend(stems)
    return out


def gloss_builder(lexicon: Lexicon | None = None) -> Callable[[list[list[str]]], list[list[str]]]:
    """What `store.write_index(gloss=...)` takes: every chunk's tokens to its gloss tokens (one shared cache)."""
    from assistant.retrieval.dictionary import load_lexicon

    lex = lexicon or load_lexicon()
    cache: dict[str, tuple[str, ...]] = {}

    def gloss(token_lists: list[list[str]]) -> list[list[str]]:
        return [gloss_tokens(tokens, lex, cache) for tokens in token_lists]

    return gloss
