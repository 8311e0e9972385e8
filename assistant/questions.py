"""Checking a question before anything is retrieved: text, not empty, not too long, a supported language.

Example:
    >>> validate_question("  Who must report?  ")
    ('Who must report?', 'en')
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence

# `UnknownDocumentError`: the name of `DocumentNotIndexedError` before it had a base shared with the
# corpus's unknown ids; `except UnknownDocumentError` catches what it caught before.
from assistant.corpus import UnknownDocumentError
from assistant.language import UnsupportedLanguageError, detect_language
from assistant.schema import Language
from assistant.text import as_tuple

__all__ = [
    "DocumentNotIndexedError",
    "EmptyQuestionError",
    "InvalidQuestionError",
    "QuestionError",
    "QuestionTooLongError",
    "UnknownDocumentError",
    "UnsupportedQuestionLanguageError",
    "check_doc_ids",
    "validate_question",
]


class QuestionError(ValueError):
    """The question cannot be answered as asked; the message says why."""


class EmptyQuestionError(QuestionError):
    pass


class QuestionTooLongError(QuestionError):
    pass


class InvalidQuestionError(QuestionError):
    pass


class UnsupportedQuestionLanguageError(QuestionError, UnsupportedLanguageError):
    pass


class DocumentNotIndexedError(QuestionError, UnknownDocumentError):
    """A document filter names a document the index does not have (a mistyped id)."""


def check_doc_ids(doc_ids: Sequence[str] | str, known: Iterable[str]) -> tuple[str, ...]:
    """`ask`'s document filter as a tuple, checked against the indexed documents' ids. Unchecked, a mistyped
    id filtered out every clause and the answer read as "the corpus does not say". One id given as a string
    is that id, not its letters."""
    given = as_tuple(doc_ids)
    ids = sorted(known)
    unknown = [d for d in given if d not in ids]
    if unknown:
        listed = ", ".join(map(repr, unknown))
        noun = "document" if len(unknown) == 1 else "documents"
        close = _close_ids(unknown, ids)
        hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
        raise DocumentNotIndexedError(f"no {noun} with id {listed} in the index{hint}; known ids: {_some(close, ids)}")
    return given


# Known ids named in the message: all of a small library; of a large one the closest ones and a count, as a
# message listing fifty ids hides the one that was meant.
_LISTED_IDS = 10


def _close_ids(unknown: Sequence[str], ids: Sequence[str]) -> list[str]:
    """Known ids like the unknown ones, closest first: a case slip (EUR-44A25-1) or a typo."""
    lowered = {i.lower(): i for i in ids}
    close: list[str] = []
    for d in unknown:
        key = str(d).lower()
        close += [lowered[m] for m in difflib.get_close_matches(key, list(lowered), n=3, cutoff=0.6)]
    return list(dict.fromkeys(close))


def _some(first: Sequence[str], ids: Sequence[str]) -> str:
    if len(ids) <= _LISTED_IDS:
        return ", ".join(ids)
    shown = list(dict.fromkeys([*first, *ids]))[:_LISTED_IDS]
    return f"{', '.join(shown)} and {len(ids) - len(shown)} more (see `assistant docs`)"


def validate_question(question: object, max_chars: int = 2000) -> tuple[str, Language]:
    """The cleaned question and its language, or a `QuestionError` saying what is wrong."""
    if isinstance(question, bytes):
        raise InvalidQuestionError("the question must be text, not bytes")
    if not isinstance(question, str):
        raise InvalidQuestionError(f"the question must be text, not {type(question).__name__}")
    # NFKC: full-width Latin typed with a Chinese keyboard ("ｗｈｏ ｍｕｓｔ") is plain ASCII to retrieval.
    text = unicodedata.normalize("NFKC", question).strip()
    if not text:
        raise EmptyQuestionError("the question is empty")
    if len(text) > max_chars:
        raise QuestionTooLongError(f"the question is {len(text)} characters long; the limit is {max_chars}")
    if "\ufffd" in text or any(unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\t\n\r" for ch in text):
        raise InvalidQuestionError("the question contains control or undecodable characters; is it binary data?")
    if not any(ch.isalnum() for ch in text):
        raise InvalidQuestionError("the question has no words in it")
    try:
        lang = detect_language(text)
    except UnsupportedLanguageError as exc:
        raise UnsupportedQuestionLanguageError(str(exc)) from exc
    return text, lang
