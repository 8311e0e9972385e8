"""Which of several supported clauses to prefer, beyond how many of the question's words they cover.

Three signals that coverage alone misses:

* **names as written**: a name the question writes (an acronym, a capitalised glossary name such as
  "AI for Good summit") is the most specific thing it asks about. A clause that has the name (in its
  text, section names or its document's title) beats one that matches more of the question's
  generic words through dictionary translations
  ("partner", "organizations", "summit" translate into a neighbour listing many organisations).
* **out-covering translations**: a Chinese question's English clause whose translated coverage is
  a multiple of every Chinese clause's coverage keeps all of it.
* **dominated translations**: a clause in the other language whose extra coverage comes only through
  translations, while a clause in the question's own language ranks above it (or is the one dense
  retrieval found nearest of all), covers at least as much literally and is at least as close in
  meaning, has nothing of its own to show: that extra coverage does not count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.answering.support import Support, is_name
from assistant.glossary import Term, find_terms
from assistant.schema import Language

# How much a clause loses per share of the question's written names it lacks (against the passing
# clause that has the most of them). Chosen on eval/dev: 0.3 – 2.0 give the same answers, 0.1 – 0.25
# change none (see its README).
NAME_WEIGHT = 0.5
# How many times the best own-language clause's coverage a Chinese question's English clause must
# cover (through translation) for that coverage to count in full. Chosen on eval/dev (see its README).
OUTCOVER_RATIO = 2.0


def written_names(question: str, lang: Language) -> tuple[Term, ...]:
    """The glossary names a question writes as names.

    In English a name only counts as written with a capital or as an acronym ("ITU", "AI for Good"):
    "countries" is a form of "Member States", but a question saying "countries" names no body.
    A Chinese question has no capitals; its glossary terms that are names in English count.
    """
    terms = find_terms(question, lang)
    if lang == "zh":
        return tuple(t for t in terms if is_name(t.en, t.en_aliases))
    return tuple(t for t in terms if any(f[:1].isupper() and f in question for f in t.forms("en")))


def name_share(names: Sequence[Term], text: str) -> float:
    """Share of `names` that `text` writes, in either language, as a plain substring.

    A substring, not a glossary match: 国际电联电信发展部门 (ITU-D) is matched by the glossary as the
    longer name alone, but it does name ITU.
    """
    if not names:
        return 0.0
    found = sum(any(f and f in text for f in (*t.forms("en"), *t.forms("zh"))) for t in names)
    return found / len(names)


def dominated(s: Support, passing: Sequence[Support], rank: Mapping[int, int], lang: Language) -> bool:
    """Whether an other-language clause is outdone by an own-language clause on everything but translations.

    `rank` maps `id(support)` to its retrieval order. The own-language clause must rank above `s`, or be
    dense retrieval's nearest clause of the whole index: the other clause may rank higher only through
    the translations in question ("Which set of UN targets could AI help the world hit sooner?": help →
    助力, world → 世界 put the Secretary-General's clause above the article's paragraph on the SDGs).
    It must also cover at least as much of the question literally and be at least as close in meaning.
    """
    if s.hit.chunk.lang == lang:
        return False
    return any(
        o.hit.chunk.lang == lang
        and (rank[id(o)] < rank[id(s)] or o.hit.dense_rank == 1)
        and o.literal >= s.literal
        and o.dense >= s.dense
        for o in passing
    )


def outcovers(s: Support, passing: Sequence[Support], lang: Language) -> bool:
    """Whether a Chinese question's English clause covers clearly more of it than every Chinese clause.

    Translation's coverage is discounted because generic words translate into many clauses; an English
    clause covering `OUTCOVER_RATIO` times what the best Chinese clause covers says what the question
    asks (这些利益攸关方被敦促不要做什么 → "urged all stakeholders to refrain", where the draft's clauses
    share only 利益攸关). English questions keep the discount: their generic words ("help", "work out",
    "skills") translate into many Chinese words, so a Chinese clause's translated coverage is no such sign.
    """
    if lang != "zh" or s.hit.chunk.lang == lang:
        return False
    own = max((o.overlap for o in passing if o.hit.chunk.lang == lang), default=0.0)
    return s.overlap >= OUTCOVER_RATIO * own
