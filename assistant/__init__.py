"""Bilingual (Chinese/English) question answering over UN/ITU texts with clause-level citations.

Example:
    >>> from assistant import Assistant
    >>> answer = Assistant().ask("Who must report to Council?")      # doctest: +SKIP
    >>> print(answer.text)                                           # doctest: +SKIP

Names are imported lazily, so `import assistant.corpus` does not pay for
FAISS, torch or LangChain.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from assistant.settings import configure_offline_environment

# Before anything imports gradio, huggingface_hub or jieba.
configure_offline_environment()

__version__ = "0.1.0"

_EXPORTS = {
    "Assistant": "assistant.api",
    "QuestionError": "assistant.questions",
    "EmptyQuestionError": "assistant.questions",
    "QuestionTooLongError": "assistant.questions",
    "InvalidQuestionError": "assistant.questions",
    "UnsupportedQuestionLanguageError": "assistant.questions",
    "validate_question": "assistant.questions",
    "Answer": "assistant.schema",
    "Chunk": "assistant.schema",
    "Citation": "assistant.schema",
    "RetrievedChunk": "assistant.schema",
    "Settings": "assistant.settings",
    "Turn": "assistant.schema",
}

__all__ = [
    "Answer",
    "Assistant",
    "Chunk",
    "Citation",
    "EmptyQuestionError",
    "InvalidQuestionError",
    "QuestionError",
    "QuestionTooLongError",
    "RetrievedChunk",
    "Settings",
    "Turn",
    "UnsupportedQuestionLanguageError",
    "validate_question",
]

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.questions import (
        EmptyQuestionError,
        InvalidQuestionError,
        QuestionError,
        QuestionTooLongError,
        UnsupportedQuestionLanguageError,
        validate_question,
    )
    from assistant.schema import Answer, Chunk, Citation, RetrievedChunk, Turn
    from assistant.settings import Settings


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
