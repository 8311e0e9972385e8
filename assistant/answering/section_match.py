"""Which corpus section a question names: by its heading, its addressee, its act with its issuer, or a head word.

"What must the Director of the Telecommunication Development Bureau do?" names the section by its addressee;
"What did the conference decide?" by the act of the heading "resolves" (decide, 决定: glossary.Section.acts_en)
together with the body that issues the draft (its header's conference); "And what must the Director do?" by
the head word of one section's addressee. The section names come from `sections.section_catalogue`.

Example:
    >>> rec = SectionName("d", "recalling", ("recalling", ""), ("忆及",))
    >>> match_section("List everything the draft recalls.", "en", [rec])[1]
    'full'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.lexical import tokenize
from assistant.schema import Language


@dataclass(frozen=True)
class SectionName:
    """A section the corpus has, with every name a question may call it by."""

    doc_id: str
    key: str  # e.g. "secretary-general"
    names_en: tuple[str, ...]  # heading and addressee, English
    names_zh: tuple[str, ...]
    # The heading's act as a question says it ("decide", 决定: glossary.Section.acts_en), which names the
    # section only together with the body whose act it is, its document's issuer ("the conference", 全权代表大会):
    # "What did the Human Rights Council decide?" is not asking what this conference resolves.
    acts_en: tuple[str, ...] = ()
    acts_zh: tuple[str, ...] = ()
    issuers_en: tuple[str, ...] = ()
    issuers_zh: tuple[str, ...] = ()

    def names(self, lang: Language) -> tuple[str, ...]:
        """The words that name the section in `lang`: heading, addressee and act (the issuer names its document)."""
        return (*self.names_zh, *self.acts_zh) if lang == "zh" else (*self.names_en, *self.acts_en)


def match_section(question: str, lang: Language, sections: Sequence[SectionName]) -> tuple[SectionName | None, str]:
    """The corpus section the question names, and how: "full" (its heading or addressee), "act" or "head".

    English names match when all their content words are in the question (stemmed), Chinese names
    as substrings; the most specific (most words) full match wins. Failing that, the section's act
    said with the body that issues its document ("What did the conference decide?": "act") names it
    when one section is so named; failing that, the first word of an addressee ("Director") names its
    section when exactly one section has that head.
    """
    q_tokens = set(tokenize(question, cjk_bigrams=False))
    best: tuple[int, SectionName] | None = None
    heads: dict[str, list[SectionName]] = {}
    for s in sections:
        names = s.names_zh if lang == "zh" else s.names_en
        for name in names:
            if not name:
                continue
            if lang == "zh":
                size = len(name) if name in question else 0
            else:
                toks = list(dict.fromkeys(tokenize(name, cjk_bigrams=False)))
                size = len(toks) if toks and all(t in q_tokens for t in toks) else 0
            if size and (best is None or size > best[0]):
                best = (size, s)
        if lang == "en" and len(s.names_en) > 1 and s.names_en[1]:
            toks = tokenize(s.names_en[1], cjk_bigrams=False)
            if toks:
                heads.setdefault(toks[0], []).append(s)
        if lang == "zh":
            # 成员国、部门成员和学术成员: any one of the addressees names the section.
            for name in s.names_zh:
                for part in re.split(r"[、和及与]", name):
                    if len(part) >= 3 and part != name:
                        heads.setdefault(part, []).append(s)
    if best is not None:
        return best[1], "full"
    # "What did the conference decide?": the section whose act the question names with its issuer, when one is.
    acted = {(s.doc_id, s.key): s for s in sections if _names_act(question, lang, s)}
    if len(acted) == 1:
        return next(iter(acted.values())), "act"
    for head, owners in heads.items():
        present = head in question if lang == "zh" else head in q_tokens
        if present and len({(o.doc_id, o.key) for o in owners}) == 1:
            return owners[0], "head"
    return None, ""


# "Which of the conference's own numbered decisions covers …?" picks one of its texts (a resolution it recalls by
# number), not what it decides: a decision with a number, or one of several decisions asked for by "which of".
_PICKS_A_TEXT = re.compile(r"\bnumbered\s+decisions?\b|\bwhich\s+of\s+(?:[\w'’-]+\s+){0,5}?decisions\b", re.IGNORECASE)


def _names_act(question: str, lang: Language, s: SectionName) -> bool:
    """Whether the question names the section's issuer and then its act, as subject and verb ("What did the
    conference decide?", "the Plenipotentiary Conference's decision", 全权代表大会最终决定了什么): "Which UN
    decision does the ITU draft recall?" asks about another body's decision. English names match by all their
    stemmed words, Chinese ones as substrings."""
    if lang == "en" and _PICKS_A_TEXT.search(question):
        return False
    acts, issuers = (s.acts_zh, s.issuers_zh) if lang == "zh" else (s.acts_en, s.issuers_en)
    said = [at for a in acts if (at := _last_at(question, lang, a)) is not None]
    named = [at for i in issuers if (at := _first_at(question, lang, i)) is not None]
    return bool(said and named) and min(named) < max(said)


def _first_at(question: str, lang: Language, name: str) -> int | None:
    """Where the name ends in the question (a character offset in Chinese, a word index in English), or None."""
    if lang == "zh":
        at = question.find(name)
        return at + len(name) - 1 if at >= 0 else None
    words = tokenize(question, cjk_bigrams=False)
    toks = tokenize(name, cjk_bigrams=False)
    return max(words.index(t) for t in toks) if toks and all(t in words for t in toks) else None


def _last_at(question: str, lang: Language, name: str) -> int | None:
    """Where the name's last occurrence starts in the question (as `_first_at` counts), or None."""
    if lang == "zh":
        at = question.rfind(name)
        return at if at >= 0 else None
    words = tokenize(question, cjk_bigrams=False)
    toks = tokenize(name, cjk_bigrams=False)
    if not toks or not all(t in words for t in toks):
        return None
    return min(len(words) - 1 - words[::-1].index(t) for t in toks)
