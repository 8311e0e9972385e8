"""One definition of Chinese characters: dates with 〇, extension A and the supplementary planes count."""

from assistant.text import CJK_RUN, as_tuple, has_cjk


def test_has_cjk_covers_every_block_the_corpus_uses():
    assert has_cjk("二〇二二年")  # 〇 in dates
    assert has_cjk("\u3400")  # extension A
    assert has_cjk("\U00020000")  # extension B
    assert not has_cjk("ITU-T 2030 ｉｔｕ")  # full-width Latin is not Chinese


def test_runs_split_at_other_scripts():
    assert CJK_RUN.findall("AI人工智能 for 可持续发展") == ["人工智能", "可持续发展"]


def test_one_list_of_function_words_serves_bm25_and_language_detection():
    from assistant.language import detect_language
    from assistant.lexical import tokenize
    from assistant.text import EN_STOP_WORDS, ZH_STOP_WORDS

    assert {"does", "the", "whom"} <= EN_STOP_WORDS and {"什么", "是否"} <= ZH_STOP_WORDS
    assert tokenize("What does the Council do with reports?") == ["council", "report"]
    assert detect_language("what is it") == "en"  # function words alone are enough to call it English


def test_one_name_given_as_a_string_is_that_name_not_its_letters():
    assert as_tuple("zh") == ("zh",)
    assert as_tuple("eur-44a25-1") == ("eur-44a25-1",)
    assert as_tuple(["zh", "en"]) == ("zh", "en")
    assert as_tuple(d for d in ("a", "b")) == ("a", "b")  # any iterable, read once
    assert as_tuple(()) == ()
