"""Organisations a question names that the corpus never mentions.

"Did the World Health Organization take part in the AI for Good summit?" shares the summit with the
draft's clause on who organised it, and a yes/no answer would quote that clause; but the World Health
Organization is in no document, so the corpus cannot say. `support.absent_names` checks a question's
names word by word, and a long name's words each find some translation in the corpus (world, health,
organisation), so a name needs checking as a whole. Three shapes of name are read, each from a table:

* an English run of capitalised words with an organisation head (`EN_HEADS`: …Organization, Bank,
  Fund, Union, Council, Programme …): "the World Health Organization", "the African Union";
* an English acronym that is also a stop word ("WHO"), which the word check never sees;
* a Chinese proper name ending with an organisation suffix (`ZH_SUFFIXES`: 组织, 银行, 基金会,
  委员会, 联盟, 署 …): 世界卫生组织, 联合国儿童基金会.

A name is a body's only when CC-CEDICT writes it as a proper name (`dictionary.Names`): 民间组织
("NGO, association") is a class of bodies, which a clause may word otherwise, not a body. The
dictionary also carries a name across languages: "World Bank" is 世界银行, "WHO" the World Health
Organization, 联合国儿童基金会 UNICEF. A body is mentioned when any of its forms is: a Chinese form
through the index's character bigrams (as `support.term_known` checks a glossary name), an acronym
through the index, an English form in the retrieved texts. A glossary name is left to
`absent_names`, which knows its curated forms; a name the dictionary does not know is left to the
word check too, so that only a name known to be a body can be said to be missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answering.evidence import words
from assistant.answering.support import shouted, term_known
from assistant.glossary import find_terms
from assistant.retrieval.dictionary import Lexicon, Names
from assistant.schema import Chunk, Language
from assistant.text import CJK_RUN

# The head nouns of an organisation's English name (any of its words: "Commission on Science …").
EN_HEADS = frozenset(
    (
        *("organization", "organisation", "bank", "fund", "union", "council", "programme", "program"),
        *("forum", "agency", "institute", "commission", "committee", "foundation", "association"),
        *("office", "court", "federation", "conference", "summit", "assembly", "centre", "center"),
        *("board", "bureau", "authority", "alliance", "secretariat", "tribunal", "parliament"),
    )
)
# Chinese organisation suffixes, the longest first: a name is longer than its suffix by two characters or more.
ZH_SUFFIXES = tuple(
    sorted(
        (
            *("组织", "机构", "银行", "基金", "基金会", "委员会", "联盟", "理事会", "署", "计划署", "论坛"),
            *("协会", "研究所", "法院", "大会", "峰会", "联合会", "秘书处", "议会", "公署", "总署"),
            # One character: 安理会 (the Security Council), 联邦调查局, 国务院; a proper name has three or more.
            *("会", "局", "院"),
        ),
        key=len,
        reverse=True,
    )
)
# English spellings CC-CEDICT does not use ("Organisation", "Programme", "Labour").
_SPELLINGS = (("organisation", "organization"), ("programme", "program"), ("labour", "labor"), ("centre", "center"))
# A capitalised word, or a small word inside a name ("Commission on Science and Technology for …").
_TOKEN = re.compile(r"[A-Za-z][\w'’&-]*")
_JOINERS = frozenset(("of", "for", "and", "on", "the", "in", "&"))
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


def absent_bodies(
    question: str,
    lang: Language,
    idf: Callable[[str], float | None],
    texts: Sequence[str],
    lexicon: Lexicon | None,
    corpus: Sequence[Chunk] = (),
) -> list[str]:
    """The bodies the question names that the corpus never mentions, as the question writes them.

    `texts` are the retrieved clauses with their documents' titles (an English name is looked for
    there, as a phrase); `lexicon` is CC-CEDICT (None: no body can be known to be one, nothing is said).
    Names of both scripts are read whatever `lang` is: a question may quote a name in the other one.
    `corpus` (every indexed clause) is read for a name the retrieved texts and the index lack: a
    paragraph naming "the World Bank" may not be among those retrieved for a question about its loans.
    """
    if lexicon is None:
        return []
    names = lexicon.names
    seen = _Seen(idf, "\n".join(texts), corpus)
    # Either script's names, whatever the question's language: "Did 世界卫生组织 take part …?" is English.
    out = [n for n in _zh_bodies(question, names) if not seen.any_form(names, (n,))]
    for shown, heads in _en_names(question, names):
        if not seen.any_form(names, heads, shown.removeprefix("the ")):
            out.append(shown)
    if question.lower() != question and not shouted(question):
        for m in _ACRONYM.finditer(question):
            acronym = m.group(0)
            # Only a stop word's shape: any other acronym is a word `absent_names` checks in the index.
            if words(acronym) or find_terms(acronym, "en") or seen.acronym(acronym):
                continue
            heads = names.by_acronym.get(acronym, ())
            if heads and not seen.any_form(names, heads, acronym):
                out.append(acronym)
    return out


class _Seen:
    """Whether the corpus mentions a body: by the index, by the retrieved texts, or else by any indexed clause."""

    def __init__(self, idf: Callable[[str], float | None], text: str, corpus: Sequence[Chunk] = ()) -> None:
        self.idf = idf
        self.text = text
        self.folded = text.casefold()
        self.corpus = corpus

    def any_form(self, names: Names, heads: Sequence[str], *written: str) -> bool:
        if self._in(names, heads, written):
            return True
        if not self.corpus:
            return False
        # Read only for a body about to be called absent, which is rare: not every question pays for it.
        whole = _Seen(self.idf, "\n".join(c.text for c in self.corpus))
        return whole._in(names, heads, written)

    def _in(self, names: Names, heads: Sequence[str], written: Sequence[str]) -> bool:
        for head in heads:
            acronyms = names.acronyms.get(head, ())
            english = names.english.get(head, ())
            if term_known(head, acronyms, self.idf) or head in self.text:
                return True
            if any(self.acronym(a) for a in acronyms):
                return True
            if any(self._phrase(e) for e in (*english, *written)):
                return True
        return False

    def acronym(self, acronym: str) -> bool:
        """Whether the retrieved texts write the acronym, in capitals, as a word."""
        return re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", self.text) is not None

    def _phrase(self, name: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(name.casefold())}(?![\w-])", self.folded) is not None


def _en_names(question: str, names: Names) -> list[tuple[str, tuple[str, ...]]]:
    """English names of bodies the dictionary knows, as shown (with a "the" before), and their headwords.

    A run of capitalised words may hold more than the name ("the International Monetary Fund on AI"):
    the longest stretch of it the dictionary knows as a name with an organisation head is the body.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    for run in _capitalised_runs(question):
        out += _known_names(question, run, names)
    return out


def _known_names(question: str, run: list[re.Match[str]], names: Names) -> list[tuple[str, tuple[str, ...]]]:
    """The longest stretch of the run the dictionary knows as a body's name, then those left and right of it."""
    for size in range(len(run), 1, -1):
        for i in range(len(run) - size + 1):
            part = run[i : i + size]
            if _joiner(part[0]) or _joiner(part[-1]) or not any(m.group(0).lower() in EN_HEADS for m in part):
                continue
            start, end = part[0].start(), part[-1].end()
            heads = _english_heads(question[start:end], names)
            if heads and not _glossary_names(question[start:end]):
                the = re.search(r"\bthe\s+$", question[:start], re.IGNORECASE)
                shown = ("the " if the else "") + question[start:end]
                left, right = _known_names(question, run[:i], names), _known_names(question, run[i + size :], names)
                return [*left, (shown, heads), *right]
    return []


def _capitalised_runs(question: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words, with the small words between them ("Commission on Science and …")."""
    runs: list[list[re.Match[str]]] = [[]]
    tokens = list(_TOKEN.finditer(question))
    for i, m in enumerate(tokens):
        word = m.group(0)
        # A sentence's first word is capitalised whatever it is: a stop word there ("Did", "Which") is no name's.
        first = i == 0 or question[: m.start()].rstrip()[-1:] in ".?!"
        capitalised = word[:1].isupper() and not (first and not words(word))
        if capitalised or (_joiner(m) and runs[-1]):
            runs[-1].append(m)
        else:
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def _joiner(m: re.Match[str]) -> bool:
    return m.group(0).lower() in _JOINERS


def _glossary_names(text: str) -> bool:
    """Whether the stretch is a glossary name as written, which `absent_names` checks by its curated forms.

    Only the whole stretch counts: "Security Council" holds the glossary's "Council" and is another body.
    """
    folded = text.casefold()
    return any(folded == form.casefold() for term in find_terms(text, "en") for form in term.forms("en"))


def _english_heads(run: str, names: Names) -> tuple[str, ...]:
    """The Chinese headwords CC-CEDICT gives for an English name, under its British spellings too."""
    name = re.sub(r"\s+", " ", run.replace("’", "'")).lower()
    variants = {name}
    for british, american in _SPELLINGS:
        variants |= {v.replace(british, american) for v in variants}
    return tuple(h for v in sorted(variants) for h in names.chinese.get(v, ()))


def _zh_bodies(question: str, names: Names) -> list[str]:
    """Chinese proper names with an organisation suffix, longest first at each place, not glossary names."""
    glossary = [f for t in find_terms(question, "zh") for f in t.forms("zh")]
    out = []
    for run in CJK_RUN.findall(question):
        i = 0
        while i < len(run):
            found = next(
                (
                    run[i : i + n]
                    for n in range(min(names.longest, len(run) - i), 2, -1)
                    if run[i : i + n] in names.english
                ),
                "",
            )
            if not found:
                i += 1
                continue
            i += len(found)
            suffix = next((s for s in ZH_SUFFIXES if found.endswith(s)), "")
            if suffix and len(found) > len(suffix) + 1 and not any(found in f for f in glossary):
                out.append(found)
    return out


__all__ = ["EN_HEADS", "ZH_SUFFIXES", "absent_bodies"]
