"""What a document is: its language, kind (resolution or article), number, title and id.

The same rules the chunker applies decide the kind: a text with at least two
section headings the resolution parser recognises (one of them from the
glossary's table, 忆及 / recalling, 责成秘书长 / instructs the
Secretary-General …) is a resolution; anything else is an article, chunked by
paragraphs under its first line as title.

Example:
    >>> d = describe("ADD EUR/44A25/1\\nDraft resolution\\nrecalling\\na) x;\\nresolves\\n1 y.\\n")
    >>> d.language, d.kind, d.doc_number, document_id(d.doc_number, "en", "draft.pdf", set())
    ('en', 'resolution', 'EUR/44A25/1', 'eur-44a25-1')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.chunking.base import lines_of
from assistant.chunking.resolution import heading_of, parse_header
from assistant.glossary import match_section
from assistant.ingest.skip import SkipFile
from assistant.language import UnsupportedLanguageError, detect_language, latin_word_votes
from assistant.schema import DocKind, Language
from assistant.text import CJK_CHAR

# UN document symbols the resolution header parser does not take (it wants two
# letters first): A/RES/78/265, S/RES/2712 (2023), E/CN.6/2024/L.3.
_UN_SYMBOL = re.compile(r"(?<![\w/])([A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*){2,})(?![\w/])")
_SAMPLE = 20_000  # characters looked at to decide the language
_HAN = CJK_CHAR
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_UNSUPPORTED = "{what}; only Chinese and English documents are supported (or pass --language)"
_TITLE_MAX = 300
_LANG_SUFFIX = re.compile(r"[._\- ](zh|cn|chs|en|eng|ch)$", re.IGNORECASE)


@dataclass(frozen=True)
class Description:
    """What `describe` found out about a text."""

    language: Language
    kind: DocKind
    doc_number: str = ""
    title: str = ""
    notes: tuple[str, ...] = ()  # e.g. why it is indexed by paragraphs


def detect_document_language(text: str) -> Language:
    """'zh' or 'en' for a whole document (majority of CJK vs Latin letters in a sample), else `SkipFile`.

    Unlike a question, a document may quote a Japanese or Korean name without
    being Japanese or Korean: kana and hangul decide only when they are a
    real share of the text.

    Example:
        >>> detect_document_language("《最终幻想》（ファイナルファンタジー）。" + "责成秘书长每年向理事会报告。" * 5)
        'zh'
    """
    sample = text[:_SAMPLE]
    han, kana, hangul = (len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    if kana > 0.2 * (han + kana) and kana >= 10:
        raise SkipFile(_UNSUPPORTED.format(what="the text looks Japanese"))
    if hangul > han and hangul >= 10:
        raise SkipFile(_UNSUPPORTED.format(what="the text looks Korean"))
    try:
        return detect_language(_KANA.sub("", _HANGUL.sub("", sample)))
    except UnsupportedLanguageError as exc:
        if "does not look English" in str(exc):
            # Questions are judged on a few words; a document on all of its running text,
            # where names like "Los Angeles" or "LA" do not outvote every "the" and "and".
            english, foreign = latin_word_votes(text)
            if foreign <= english:
                return "en"
        what = str(exc).replace("the question", "the text").split("; ask in")[0]
        raise SkipFile(_UNSUPPORTED.format(what=what)) from exc


def detect_kind(text: str, lang: Language) -> tuple[DocKind, str]:
    """'resolution' or 'article', and a note when the text looked like neither.

    Example:
        >>> detect_kind("考虑到\\na) 甲；\\n责成秘书长\\n1 乙。\\n", "zh")
        ('resolution', '')
        >>> detect_kind("A headline\\nA paragraph.\\n", "en")
        ('article', '')
    """
    lines = lines_of(text)
    headings = [line for line in lines if heading_of(line, lang)]
    if len(headings) >= 2 and any(match_section(line.text) for line in headings):
        return "resolution", ""
    if len(lines) < 2:
        return "article", "kind not recognised (a single paragraph); indexed as one paragraph"
    if len(lines[0].text) > _TITLE_MAX or headings:
        found = f"{len(headings)} resolution heading(s)" if headings else "no title line"
        return "article", (
            f"kind not recognised ({found}, no resolution structure); indexed paragraph by paragraph "
            "(use --kind resolution if it is one)"
        )
    return "article", ""


def find_doc_number(text: str, lang: Language, kind: DocKind) -> str:
    """The document number a resolution's header (or a report's symbol line) prints, else ''.

    Example:
        >>> find_doc_number("A/RES/78/265\\nSeizing the opportunities\\nrecalling\\n", "en", "resolution")
        'A/RES/78/265'
    """
    lines = lines_of(text)
    if kind == "resolution":
        first = next((i for i, line in enumerate(lines) if heading_of(line, lang)), min(len(lines), 15))
        header = lines[:first]
        number = parse_header(header, lang).doc_number
        for line in header:
            # The header parser reads "A/RES/78/265" as "RES/78/265"; the whole symbol wins.
            if (m := _UN_SYMBOL.search(line.text)) and (not number or m.group(1).endswith(number)):
                return m.group(1)
        return number
    # An article mentions other documents' numbers; only a line that is nothing but a symbol names its own.
    for line in lines[:10]:
        if m := _UN_SYMBOL.fullmatch(line.text.strip()):
            return m.group(1)
    return ""


def find_title(text: str, lang: Language, kind: DocKind, hint: str = "") -> str:
    """The resolution's title from its header, the format's title (`hint`), or the first line."""
    lines = lines_of(text)
    title = ""
    if kind == "resolution":
        first = next((i for i, line in enumerate(lines) if heading_of(line, lang)), 0)
        title = parse_header(lines[:first], lang).title
    title = title or hint or (lines[0].text if lines else "")
    title = " ".join(title.split())
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1].rstrip() + "…"


def describe(
    text: str, *, language: Language | None = None, kind: DocKind | None = None, title_hint: str = ""
) -> Description:
    """Language, kind, number and title of a document's text; given values are kept, not re-detected."""
    lang = language or detect_document_language(text)
    notes: list[str] = []
    if kind is None:
        kind, note = detect_kind(text, lang)
        if note:
            notes.append(note)
    return Description(
        language=lang,
        kind=kind,
        doc_number=find_doc_number(text, lang, kind),
        title=find_title(text, lang, kind, title_hint),
        notes=tuple(notes),
    )


def normalise_number(number: str) -> str:
    """A document number compared across language versions: 'eur/44a25/1 ' == 'EUR/44A25/1'."""
    return re.sub(r"\s+", "", number).upper()


def slugify(text: str, max_len: int = 60) -> str:
    """An id part: lower case, words joined by '-', CJK kept; never empty.

    Example:
        >>> slugify("EUR/44A25/1"), slugify("Report on AI (final).v2"), slugify("///")
        ('eur-44a25-1', 'report-on-ai-final-v2', 'doc')
    """
    slug = re.sub(r"[^\w]+", "-", text.lower()).strip("-_")
    return slug[:max_len].rstrip("-_") or "doc"


def document_id(
    doc_number: str,
    lang: Language,
    file_name: str,
    taken: Iterable[str],
    *,
    other_versions: Iterable[Language] = (),
    same_as: str = "",
) -> str:
    """A unique, readable id for a new document.

    From the document number when there is one (`eur-44a25-1`), with a
    language suffix when a version in another language is already in the
    corpus (`eur-44a25-1-en`); for `--same-as X` without a number, `X-<lang>`;
    else from the file name without its extension and language tag. A clash
    adds `-2`, `-3` ….

    Example:
        >>> document_id("EUR/44A25/1", "en", "x.pdf", {"eur-44a25-1"}, other_versions=["zh"])
        'eur-44a25-1-en'
        >>> document_id("", "zh", "Annual report.zh.docx", set())
        'annual-report'
    """
    taken = set(taken)
    other = [v for v in other_versions if v != lang]
    if doc_number:
        base = slugify(doc_number)
        if other or (same_as and base == same_as):
            base = f"{base}-{lang}"
    elif same_as:
        base = f"{same_as}-{lang}"
    else:
        stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
        base = slugify(_LANG_SUFFIX.sub("", stem))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
