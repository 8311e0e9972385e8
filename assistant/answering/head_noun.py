"""The head of a which-question's asked phrase when modifiers stand before it.

"Which *ITU-T* focus group …" asks for a focus group, not for ITU-T; 哪些*具体的*伦理原则 asks for
principles, not for 具体. Read as the answer noun, the modifier makes any clause that names ITU-T (or
says 具体) look like it names what is asked. So, when the asked phrase opens with modifiers and a noun
follows them, its head is read instead:

* English: leading picking words (specific, particular), sector words (private, public) and
  proper-name modifiers (acronyms such as ITU-T, AI, UN and capitalised words such as "General Assembly") are
  skipped; the head is the last word of a
  compound that ends at an auxiliary, a preposition or a relative within four words, else the first word
  after the modifiers (a verb may end the phrase anywhere: "UN agency *helps* …"). A plural ends the
  compound ("UN agencies work with").
* Chinese: leading modifiers (jieba flags a, b, d, and 具体 / 主要 / 相关 / 其他, with their 的) are
  skipped; a glossary name starting there is the head whole (焦点组), else the last noun of the
  nominal run after them (伦理*原则*, 联大*决议*). A verb and its agent suffix are one noun (共同*提案国*,
  zh_topic.py), which heads the phrase even with no modifier before it.

A phrase with no modifier (or agent noun) before its noun is left to the caller's plain reading (None here).
"""

from __future__ import annotations

import re

from assistant.answering.zh_topic import is_agent_noun, merge_agents
from assistant.glossary import find_terms
from assistant.segmentation import pos_words

# Words that end an English asked phrase: the noun before them is its head ("focus group *on* AI").
_EN_ENDS = frozenset(
    (
        *("is", "are", "was", "were", "does", "do", "did", "has", "have", "had"),
        *("can", "could", "should", "must", "will", "would"),
        *("in", "on", "for", "to", "with", "by", "from", "at", "of", "and", "or", "that", "which", "who"),
    )
)
_EN_MAX_WORDS = 4
# A proper-name modifier: an acronym (ITU-T, AI, UN, ITU-D) or a capitalised word (General, Assembly).
# Words that pick one member of the asked kind without naming it ("which *specific* group", "which *particular*
# agency"): like 具体 in Chinese they are no answer noun.
_EN_PICKING = frozenset(("specific", "particular", "exact", "precise", "individual"))
# Words that say which sector a body belongs to ("which *private* foundation", "which *public* agency"): they
# describe the asked noun, they are not it (qualifiers.py still reads them as qualifiers). Words of reach
# (global, international) are left out: "which global summit *series*" would be read as asking for a series.
_EN_SECTOR = frozenset(
    (
        *("private", "public", "governmental", "intergovernmental", "non-governmental", "nongovernmental"),
        *("charitable", "philanthropic", "non-profit", "nonprofit"),
    )
)
# Comparatives that describe the asked noun ("which *wider* effort", "which *broader* UN initiatives").
_EN_COMPARATIVE = frozenset(("wider", "broader", "bigger", "larger", "greater", "newer", "older"))
_PROPER = re.compile(r"^(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*|[A-Z][a-z]+)$")

# Chinese modifiers that pick or describe the asked noun without naming it (jieba flags a, b, d too).
_ZH_MODIFIERS = frozenset(("具体", "主要", "相关", "其他", "其它", "哪些", "有关", "重要"))
_ZH_MODIFIER_FLAGS = ("a", "b", "d")
# The flags of the nouns an asked Chinese phrase is made of (nouns, abbreviations, Latin words).
_ZH_NOUN_FLAGS = ("n", "j", "eng")


def en_modifiers(words: list[str]) -> int:
    """How many of an English asked phrase's first words are proper-name modifiers of a lower-case noun
    after them ("ITU-T focus group": 1); 0 when no lower-case word follows them ("Sustainable Development
    Goals" is a name, not modifiers)."""
    k = 0
    # "Which *specific* study group", "which *private* foundation": a word that picks one of a kind or says its
    # sector opens the modifiers, naming none.
    while k < len(words) and (words[k].casefold() in _EN_PICKING | _EN_SECTOR | _EN_COMPARATIVE or _compound(words[k])):
        k += 1
    while k < len(words) and _PROPER.match(words[k]) and words[k].casefold() not in _EN_ENDS:
        k += 1
    if k >= len(words) or not words[k][:1].islower() or words[k].casefold() in _EN_ENDS:
        return 0
    return k


def _compound(word: str) -> bool:
    """A lower-case hyphenated compound: an adjective before the asked noun ("which *rich-world* policy club", "what
    sort of *thinking-machine* uses"), as a noun it would stand before an auxiliary, which `en_modifiers` checks."""
    return "-" in word.strip("-") and word[:1].islower()


def en_head(after: str) -> str | None:
    """The head noun of the English phrase starting `after` the question word, or None when it opens with
    no proper-name modifier followed by a lower-case word ("ITU-T focus group on AI does …" -> "group")."""
    words = re.findall(r"[\w'’-]+", after[:200])
    k = en_modifiers(words)
    if k == 0:
        return None
    rest = [re.sub(r"['’]s$|['’]$", "", w) for w in words[k : k + _EN_MAX_WORDS + 1]]
    if rest[0].casefold().endswith(_EN_VERB_ENDINGS):
        return None  # "Which Member States voted …": no noun follows the name
    # A glossary name of several words after the modifiers is the compound, whatever its number ("ITU-T *study
    # groups* work"); a one-word one (ethics) may modify the noun after it.
    phrase = " ".join(rest).casefold()
    names = [
        f
        for t in find_terms(" ".join(rest), "en")
        for f in t.forms("en")
        if " " in f and phrase.startswith(f.casefold() + " ")
    ]
    if names:
        return max(names, key=len).split()[-1]
    i = 0
    # A compound goes on past a singular noun ("focus group", "AI ethics principles"); a plural, a verb-like
    # word or a phrase that does not end at an auxiliary or preposition ends it ("UN agencies work with", "UN
    # agency works on", "UN agency help developing …": the verb is no head).
    while i + 1 < len(rest) and not _plural(rest[i]) and not _verb_after(rest[i], rest[i + 1]):
        if rest[i + 1].casefold() in _EN_ENDS:
            return rest[i]
        i += 1
    return rest[i] if i > 0 and i + 1 < len(rest) and rest[i + 1].casefold() in _EN_ENDS else rest[0]


_EN_VERB_ENDINGS = ("ed", "ing")


def _verb_after(noun: str, word: str) -> bool:
    """Whether `word` after `noun` reads as a verb: a participle, or an -s form after a singular noun ("agency
    *works*"; "ethics *principles*" is a compound)."""
    return word.casefold().endswith(_EN_VERB_ENDINGS) or (_plural(word) and not noun.casefold().endswith("s"))


def _plural(word: str) -> bool:
    """Whether an English word reads as a plural noun (agencies, groups), which ends a compound; "ethics",
    "status", "analysis", "access" do not."""
    w = word.casefold()
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ics"))


def zh_head(after: str) -> str | None:
    """The head noun of the Chinese phrase starting `after` the question word, or None when neither a modifier
    nor an agent noun opens it (具体的伦理原则 -> 原则, 具体焦点组 -> 焦点组, 主要的联合国机构 -> 联合国 as a
    glossary name, 共同提案国 / 提案国 -> 提案国)."""
    # An agent noun the segmenter splits (提案|国) is one noun, with or without modifiers before it (zh_topic.py).
    tagged = merge_agents(pos_words(after[:24]))
    k = 0
    while k < len(tagged) and (tagged[k][0] in _ZH_MODIFIERS or tagged[k][1] in _ZH_MODIFIER_FLAGS):
        k += 2 if k + 1 < len(tagged) and tagged[k + 1][0] == "的" else 1
    if k >= len(tagged) or (k == 0 and not is_agent_noun(tagged[0][0])):
        return None
    rest = after[sum(len(w) for w, _ in tagged[:k]) :]
    nouns = []
    for word, flag in tagged[k:]:
        if not flag.startswith(_ZH_NOUN_FLAGS):
            break
        nouns.append(word)
    # A glossary name the segmenter splits (焦点|组) is the head whole when it covers the nouns; a shorter one
    # is their modifier (*联合国*机构 asks for bodies).
    names = [f for t in find_terms(rest, "zh") for f in t.forms("zh") if f and rest.startswith(f)]
    name = max(names, key=len, default="")
    if name and len(name) >= len("".join(nouns)):
        return name
    return nouns[-1] if nouns else None
