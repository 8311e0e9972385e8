"""`assistant.llm` is the old import path of `assistant.answering.llm`: it names the same objects."""

import assistant.answering.llm as answering_llm
import assistant.llm as llm


def test_old_path_names_the_same_objects():
    for name in (
        "NOT_IN_CORPUS",
        "LLMUnavailableError",
        "answer_with_llm",
        "build_messages",
        "chat_model_from_settings",
        "check_citations",
        "grounded",
    ):
        assert getattr(llm, name) is getattr(answering_llm, name), name
