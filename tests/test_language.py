import pytest

from assistant.language import UnsupportedLanguageError, detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("谁必须向理事会报告？", "zh"),
        ("ITU的AI决议要求什么？", "zh"),
        ("誰必須向理事會報告？", "zh"),  # traditional characters are Chinese too
        ("ITU的AI決議要求什麼？", "zh"),
        ("Who must report to Council?", "en"),
        ("SDGs?", "en"),
        ("How many member states supported the UN resolution on AI?", "en"),
    ],
)
def test_detects_supported_languages(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Кто должен отчитываться перед Советом?",
        "من يجب أن يقدم تقريرا إلى المجلس؟",
        "誰が理事会に報告しなければならないのですか",
        "Qui doit faire rapport au Conseil et pour quoi?",
        "12345 ?!",
    ],
)
def test_refuses_other_languages_clearly(text):
    with pytest.raises(UnsupportedLanguageError, match=r"Chinese or English"):
        detect_language(text)
