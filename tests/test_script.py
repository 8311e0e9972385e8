"""Traditional ↔ simplified conversion: what is converted, what stays verbatim."""

from importlib import resources

import pytest

from assistant.script import (
    follows_script,
    is_traditional,
    language_tag,
    to_simplified,
    to_traditional,
    traditional_region,
    traditional_wording,
    warm,
)


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
        "这一成果意义显著，著作权归作者所有。",
        "秘书长乾脆於2017年提交了报告",  # 於 and 乾 are simplified characters too (通用规范汉字表)
        "人工智慧的资讯",  # regional words are read only in traditional text
        "秘书长於2017年提交了报告",  # a stray traditional character in simplified prose
        "Who must report to Council?",
        "",
    ],
)
def test_simplified_and_english_text_stay_byte_identical(text):
    assert not is_traditional(text)
    assert to_simplified(text) is text or to_simplified(text) == text


def test_character_conversion_keeps_offsets():
    text = "國際電聯秘書長表示，各成員國應加強數據治理方面的合作。"
    simplified = to_simplified(text)
    assert simplified != text and len(simplified) == len(text)
    assert simplified.index("秘书长") == text.index("秘書長")


def test_answer_wording_is_traditional_and_quotes_and_titles_are_verbatim():
    text = "秘书长。依据：《2030年可持续发展议程》，责成秘书长，第7项：「每年向理事会报告」 [1]"
    out = traditional_wording(text)
    assert out.startswith("秘書長。依據：")
    assert "《2030年可持续发展议程》" in out and "「每年向理事会报告」" in out
    assert "第7項" in out and out.endswith("[1]")


def test_to_traditional_and_warm():
    warm()  # loads both tables; a second call costs nothing
    warm()
    assert to_traditional("理事会") == "理事會"


def test_traditional_wording_does_not_join_phrases_across_words():
    # OpenCC's phrase table read 秘书长须 ("the Secretary-General shall") as 秘書 + 長鬚 ("long beard").
    assert to_traditional("秘书长须每年向理事会报告") == "秘書長須每年向理事會報告"
    assert to_traditional("发展中国家须采取措施") == "發展中國家須採取措施"


def test_a_mixed_text_is_read_with_its_traditional_characters_simplified_but_worded_by_its_majority():
    # Read unconverted before: 標題 did not match the header's 标题.
    assert to_simplified("决议草案的標題是什么？") == "决议草案的标题是什么？"
    assert to_simplified("谁必须向理事會报告？") == "谁必须向理事会报告？"
    assert not is_traditional("决议草案的標題是什么？")  # mostly simplified: answered in simplified


@pytest.mark.parametrize(
    ("regional", "read_as"),
    [
        ("人工智慧造福人類高峰會議", "人工智能造福人类高峰会议"),
        ("秘書長應與哪個網際網路論壇合作？", "秘书长应与哪个互联网论坛合作？"),  # the length changes
        ("第139號決議是否涉及數位落差？", "第139号决议是否涉及数字鸿沟？"),
        ("世界智慧財產權組織", "世界知识产权组织"),
        ("私部門和資訊社會", "私营部门和信息社会"),
        ("電信網路和軟體", "电信网络和软件"),
        # Words both sides write alike stay (OpenCC's tw2sp reads them as 创建, 内核, 数据).
        ("成員國在建立相關國家監管框架方面", "成员国在建立相关国家监管框架方面"),
        ("國際電聯的核心能力", "国际电联的核心能力"),
        ("會議資料", "会议资料"),
    ],
)
def test_taiwan_and_hong_kong_words_are_read_as_the_corpus_words(regional, read_as):
    assert to_simplified(regional) == read_as


def test_every_regional_word_of_the_table_is_read_as_its_mainland_word():
    rows = resources.files("assistant").joinpath("data", "regional_words.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in rows.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) >= 30
    for regional, mainland, region, english, source in rows:
        assert region and english and source in ("opencc", "un-term", "usage")
        assert to_simplified(f"國{regional}") == f"国{mainland}"  # 國: the text reads as traditional


def test_llm_quotes_in_double_quotes_stay_verbatim():
    out = traditional_wording("秘书长必须“每年向理事会报告”[1]")
    assert out == "秘書長必須“每年向理事会报告”[1]"


@pytest.mark.parametrize(
    ("text", "neutral"), [("其他呢？", True), ("2017?", True), ("还有呢？", False), ("還有呢？", False)]
)
def test_a_text_without_a_script_of_its_own_follows_the_conversation(text, neutral):
    assert follows_script(text) is neutral


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("決議草案怎樣説？", "hk"),  # 説: Hong Kong's form of 說
        ("大會強調人權在綫上和綫下都必須得到保障嗎？", "hk"),  # 綫, which OpenCC's tables do not list
        ("世界衞生組織", "hk"),  # 衞, which t2s does not even convert
        ("決議草案怎麼說？", "tw"),
        ("大會強調人權在線上和線下都必須得到保障嗎？", "tw"),
        ("高峯會議裏的羣組", "tw"),  # 峯 裏 羣: OpenCC's own traditional forms too, not Hong Kong's alone
        ("房間很濕", "tw"),  # Taiwan writes 濕 too (its standard, 溼, is rare)
    ],
)
def test_the_region_of_a_traditional_question_goes_by_hong_kong_only_characters(question, region):
    assert is_traditional(question)
    assert traditional_region(question) == region


def test_hong_kong_forms_are_read_as_simplified_also_those_t2s_keeps():
    assert to_simplified("世界衞生組織") == "世界卫生组织"  # t2s alone left 衞, so WHO went unread
    assert to_simplified("決議草案怎樣説綫上活動？") == "决议草案怎样说线上活动？"
    assert to_simplified("甚麼時候成立的？") == "什么时候成立的？"  # Hong Kong's (and Taiwan's) 甚麼


def test_an_answer_to_a_hong_kong_question_is_worded_in_hong_kong_forms():
    text = "秘书长须说明卫生和线上问题。依据：「说明卫生」"
    assert traditional_wording(text, asked="決議草案怎樣説？") == "秘書長須説明衞生和綫上問題。依據：「说明卫生」"
    assert traditional_wording(text, asked="決議草案怎麼說？") == "秘書長須說明衛生和線上問題。依據：「说明卫生」"
    assert traditional_wording(text) == traditional_wording(text, asked="決議草案怎麼說？")  # Taiwan's by default
    assert to_traditional("秘书长须每年报告", "hk") == "秘書長須每年報告"  # still one word at a time


def test_an_answer_echoes_the_regional_words_its_question_wrote_and_quotes_stay_verbatim():
    asked = "秘書長應與哪個網際網路相關的論壇合作？"
    text = "文件提到了秘书长、互联网治理论坛。依据：「互联网治理论坛」"
    assert traditional_wording(text, asked) == "文件提到了秘書長、網際網路治理論壇。依據：「互联网治理论坛」"
    # A mainland word the question did not write in a regional form is converted as before.
    plain = traditional_wording(text, "秘書長應與哪個論壇合作？")
    assert plain == "文件提到了秘書長、互聯網治理論壇。依據：「互联网治理论坛」"
    assert traditional_wording("没有涉及软件", "哪些軟體公司參與了起草？") == "沒有涉及軟體"
    assert traditional_wording("没有涉及软件", "哪些软件公司参与了起草？") == "沒有涉及軟件"  # a simplified question


def test_language_tags():
    assert language_tag("en") == "en" and language_tag("zh") == "zh-Hans"
    assert language_tag("zh", "tw") == "zh-Hant-TW" and language_tag("zh", "hk") == "zh-Hant-HK"
