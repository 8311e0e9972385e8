"""Which of the supported languages a text is in, by script and function words.

Deliberately small and deterministic: questions are short, the choice is
between Chinese and English, and anything else must be refused clearly
rather than guessed.

Example:
    >>> detect_language("谁必须向理事会报告？")
    'zh'
    >>> detect_language("Who must report to Council?")
    'en'
"""

from __future__ import annotations

import re

from assistant.schema import Language
from assistant.text import CJK_CHAR, EN_STOP_WORDS

SUPPORTED: tuple[Language, ...] = ("zh", "en")

_CJK = CJK_CHAR
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")
_OTHER_SCRIPTS = {
    "Arabic": re.compile(r"[\u0600-\u06ff]"),
    "Cyrillic (e.g. Russian)": re.compile(r"[\u0400-\u04ff]"),
    "Hebrew": re.compile(r"[\u0590-\u05ff]"),
    "Devanagari": re.compile(r"[\u0900-\u097f]"),
    "Greek": re.compile(r"[\u0370-\u03ff]"),
    "Thai": re.compile(r"[\u0e00-\u0e7f]"),
}
_WORD = re.compile(r"[a-zà-ÿ']+")
_FR_ES_DE = set(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "et",
        "est",
        "sont",
        "qui",
        "que",
        "quoi",
        "quand",
        "où",
        "comment",
        "doit",
        "pour",
        "avec",
        "dans",
        "sur",
        "une",
        "un",
        "el",
        "los",
        "las",
        "del",
        "y",
        "es",
        "son",
        "quién",
        "qué",
        "cuándo",
        "dónde",
        "cómo",
        "debe",
        "para",
        "con",
        "en",
        "una",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "sind",
        "wer",
        "was",
        "wann",
        "wo",
        "wie",
        "muss",
        "für",
        "mit",
        "im",
        "ein",
        "eine",
        "nicht",
    ]
)


class UnsupportedLanguageError(ValueError):
    """The text is in a language the assistant does not answer in."""


def detect_language(text: str) -> Language:
    """'zh' or 'en'; `UnsupportedLanguageError` for other scripts and clearly non-English Latin text."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if _KANA.search(text):
        raise UnsupportedLanguageError("the question looks Japanese; ask in Chinese or English")
    if _HANGUL.search(text):
        raise UnsupportedLanguageError("the question looks Korean; ask in Chinese or English")
    others = {name: len(p.findall(text)) for name, p in _OTHER_SCRIPTS.items()}
    script, count = max(others.items(), key=lambda kv: kv[1])
    if count > cjk and count > latin:
        raise UnsupportedLanguageError(f"the question is written in {script} script; ask in Chinese or English")
    if cjk and cjk * 3 >= latin:
        # Chinese questions often carry Latin acronyms (ITU, AI, SDG).
        return "zh"
    if latin:
        words = _WORD.findall(text.lower())
        english = sum(w in EN_STOP_WORDS for w in words)
        foreign = sum(w in _FR_ES_DE and w not in EN_STOP_WORDS for w in words)
        if foreign >= 2 and foreign > english:
            raise UnsupportedLanguageError("the question does not look English or Chinese; ask in Chinese or English")
        return "en"
    if cjk:
        return "zh"
    raise UnsupportedLanguageError("the question has no Chinese or English words")


def latin_word_votes(text: str) -> tuple[int, int]:
    """(English function words, French/Spanish/German function words) in `text`, for whole documents.

    Only lower-case words count: in running text a function word is lower
    case, while "Los Angeles", "San Diego", "LA" or "El Salvador" are names.

    Example:
        >>> latin_word_votes("The Los Angeles Lakers and the LA Galaxy play in San Diego and El Paso.")
        (4, 0)
        >>> latin_word_votes("el comité y los estados de la región")
        (0, 5)
    """
    words = re.findall(r"[^\W\d_]+", text)
    lower = [w for w in words if w.islower()]
    english = sum(w in EN_STOP_WORDS for w in lower)
    foreign = sum(w in _FR_ES_DE and w not in EN_STOP_WORDS for w in lower)
    return english, foreign


def other(lang: Language) -> Language:
    """The other supported language."""
    return "en" if lang == "zh" else "zh"
