"""Traditional ↔ simplified conversion: what is converted, what stays verbatim."""

import pytest

from assistant.script import is_traditional, to_simplified, to_traditional, traditional_wording, warm


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("誰必須向理事會報告？", "谁必须向理事会报告？"),
        ("決議草案的標題是什麼？", "决议草案的标题是什么？"),
        ("國際電聯的宗旨包括幾項？", "国际电联的宗旨包括几项？"),
        ("ITU的AI決議要求什麼？", "ITU的AI决议要求什么？"),  # Latin words pass through
    ],
)
def test_traditional_text_is_read_as_simplified(traditional, simplified):
    assert is_traditional(traditional)
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    "text",
    [
        "谁必须向理事会报告？",
        "这一成果意义显著，著作权归作者所有。",  # 著 alone would become 着 under OpenCC's t2s
        "秘书长於2017年提交了报告",  # a stray traditional character in simplified prose
        "Who must report to Council?",
        "",
    ],
)
def test_simplified_and_english_text_stay_byte_identical(text):
    assert not is_traditional(text)
    assert to_simplified(text) is text or to_simplified(text) == text


def test_conversion_keeps_offsets():
    text = "國際電聯秘書長表示，各成員國應加強數據治理方面的合作。"
    simplified = to_simplified(text)
    assert simplified != text and len(simplified) == len(text)
    assert simplified.index("秘书长") == text.index("秘書長")


def test_answer_wording_is_traditional_and_quotes_and_titles_are_verbatim():
    text = "秘书长。依据：《2030年可持续发展议程》，责成秘书长，第7项：「每年向理事会报告」 [1]"
    out = traditional_wording(text)
    assert out.startswith("祕書長。依據：")
    assert "《2030年可持续发展议程》" in out and "「每年向理事会报告」" in out
    assert "第7項" in out and out.endswith("[1]")


def test_to_traditional_and_warm():
    warm()  # loads both tables; a second call costs nothing
    warm()
    assert to_traditional("理事会") == "理事會"
