"""Question validation: the cleaned text and its language, or a typed error saying what is wrong."""

from __future__ import annotations

import pytest

from assistant import questions
from assistant.questions import QuestionError, validate_question


def test_a_question_comes_back_cleaned_with_its_language() -> None:
    assert validate_question("  Who must report?  ") == ("Who must report?", "en")
    assert validate_question("谁必须报告？") == ("谁必须报告?", "zh")  # NFKC: the full-width ？ too
    # Full-width Latin typed on a Chinese keyboard is plain ASCII afterwards.
    assert validate_question("ｗｈｏ ｍｕｓｔ ｒｅｐｏｒｔ") == ("who must report", "en")


@pytest.mark.parametrize(
    ("question", "error", "says"),
    [
        ("", questions.EmptyQuestionError, "empty"),
        (b"bytes", questions.InvalidQuestionError, "not bytes"),
        (42, questions.InvalidQuestionError, "not int"),
        ("a\x00b", questions.InvalidQuestionError, "control"),
        ("?!…", questions.InvalidQuestionError, "no words"),
        ("x" * 11, questions.QuestionTooLongError, "limit is 10"),
    ],
)
def test_bad_questions_raise_a_specific_error(question: object, error: type[QuestionError], says: str) -> None:
    with pytest.raises(error, match=says):
        validate_question(question, max_chars=10)


def test_an_unsupported_language_is_a_question_error_too() -> None:
    with pytest.raises(questions.UnsupportedQuestionLanguageError) as caught:
        validate_question("Кто должен отчитываться перед Советом?")
    assert isinstance(caught.value, QuestionError)


def test_the_api_module_still_exports_the_same_classes() -> None:
    from assistant import api

    assert api.QuestionError is QuestionError and api.validate_question is validate_question


def test_an_unknown_document_filter_is_a_question_error_and_an_unknown_document_error() -> None:
    from assistant.corpus import UnknownDocumentError
    from assistant.ingest import CorpusDocumentNotFoundError
    from assistant.questions import DocumentNotIndexedError, check_doc_ids
    from assistant.questions import UnknownDocumentError as old_name

    with pytest.raises(DocumentNotIndexedError) as got:
        check_doc_ids(["x"], {"a"})
    assert isinstance(got.value, QuestionError) and isinstance(got.value, UnknownDocumentError)
    assert old_name is UnknownDocumentError  # `except UnknownDocumentError` catches what it caught before
    assert not issubclass(DocumentNotIndexedError, CorpusDocumentNotFoundError)  # two mistakes, one base


def test_check_doc_ids_names_every_unknown_id_and_the_known_ones() -> None:
    from assistant.questions import UnknownDocumentError, check_doc_ids

    assert check_doc_ids(["b"], {"a", "b"}) == ("b",)
    assert check_doc_ids("b", {"a", "b"}) == ("b",)  # one id, not its letters
    assert check_doc_ids((), {"a"}) == ()
    with pytest.raises(UnknownDocumentError, match=r"^no documents with id 'x', 'y' in the index; known ids: a, b$"):
        check_doc_ids(["x", "a", "y"], {"b", "a"})


def test_an_unknown_document_id_is_told_its_close_known_ones() -> None:
    from assistant.questions import UnknownDocumentError, check_doc_ids

    # ids are compared exactly (as `retrieve` filters), so a case slip is an error that names the id meant
    with pytest.raises(UnknownDocumentError, match=r"\(did you mean 'eur-44a25-1'\?\); known ids: eur-44a25-1, un$"):
        check_doc_ids(["EUR-44A25-1"], {"eur-44a25-1", "un"})


def test_a_large_library_is_not_listed_whole_in_the_unknown_document_error() -> None:
    from assistant.questions import UnknownDocumentError, check_doc_ids

    known = {f"doc-{i:02d}" for i in range(50)}
    with pytest.raises(UnknownDocumentError) as got:
        check_doc_ids(["Doc-07"], known)
    message = str(got.value)
    assert "did you mean 'doc-07'" in message
    assert len(message.split("known ids: ")[1].split(", ")) == 10
    assert message.endswith("and 40 more (see `assistant docs`)")
    assert message.split("known ids: ")[1].startswith("doc-07")  # the close one first
