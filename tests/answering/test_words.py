"""The shared question function words: interrogatives in both languages, never a topic word."""

from assistant.answering.words import QUESTION_FUNCTION_WORDS


def test_interrogatives_of_both_languages_are_function_words():
    assert {"who", "what", "when", "how", "谁", "什么", "哪些"} <= QUESTION_FUNCTION_WORDS


def test_topic_words_are_not():
    assert not {"council", "report", "理事会", "报告", "secretary-general"} & QUESTION_FUNCTION_WORDS
