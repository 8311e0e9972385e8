"""Moved to `assistant.answering.llm`; this path keeps old imports working."""

from assistant.answering.llm import *  # noqa: F403
from assistant.answering.llm import (  # noqa: F401  (names tests and callers import explicitly)
    NOT_IN_CORPUS,
    LLMUnavailableError,
    answer_with_llm,
    build_messages,
    chat_model_from_settings,
    check_citations,
    grounded,
)
