"""The dictionary an answer may consult, and the lenient translations built from it.

CC-CEDICT is consulted only when dictionary translation is on (the context then
carries its glosses); a missing dictionary means answering without it.
"""

from __future__ import annotations

from assistant.answering.context import AnswerContext
from assistant.answering.synonyms import every_translation
from assistant.retrieval.dictionary import DictionaryUnavailableError, Lexicon, Names, load_lexicon
from assistant.schema import Language


def context_lexicon(ctx: AnswerContext) -> Lexicon | None:
    """CC-CEDICT when dictionary translation is on (the context then carries its glosses), else None."""
    if ctx.glosses is None:
        return None
    try:
        return load_lexicon()
    except DictionaryUnavailableError:
        return None


def context_names(ctx: AnswerContext) -> Names | None:
    """CC-CEDICT's proper names when dictionary translation is on, else None (no body is known as one)."""
    lexicon = context_lexicon(ctx)
    return lexicon.names if lexicon is not None else None


def wide_translations(text: str, lang: Language, ctx: AnswerContext) -> dict[str, tuple[str, ...]]:
    """The context's translations plus every dictionary translation of every form of the text's words."""
    wide = dict(ctx.translations)
    for stem, tokens in every_translation(text, lang, context_lexicon(ctx)).items():
        wide[stem] = (*wide.get(stem, ()), *tokens)
    return wide
