"""jieba's words, their bounds and their tags, from the one tokenizer BM25, script and the answerer share."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import segmentation
from assistant.segmentation import cjk_word_bounds, cut, pos_words
from assistant.settings import JIEBA_CACHE_VARIABLE


def test_cut_gives_the_dictionarys_words_in_order() -> None:
    assert list(cut("理事会的报告")) == ["理事会", "的", "报告"]


def test_a_name_inside_a_longer_word_is_not_on_its_bounds() -> None:
    bounds = cjk_word_bounds("发展中国家的代表")
    assert {0, 5, 6} <= bounds  # 发展中国家 | 的 | 代表
    assert 2 not in bounds and 4 not in bounds  # 中国 ("China") inside 发展中国家 ("developing countries")


def test_pos_words_tag_every_word_and_give_the_text_back() -> None:
    text = "哪些民间团体参与了，ITU-T？"
    tagged = pos_words(text)
    assert "".join(w for w, _ in tagged) == text
    assert ("民间团体", "n") in tagged and ("参与", "v") in tagged


def test_the_pos_tagger_reuses_the_tag_table_jieba_has_read(monkeypatch) -> None:
    # Importing jieba.posseg reads its 350,000-word tag table once; building our tagger must not read it again.
    from jieba import posseg

    reads: list[object] = []
    monkeypatch.setattr(posseg.POSTokenizer, "load_word_tag", lambda self, f: reads.append(f))
    monkeypatch.setattr(segmentation, "_POS", segmentation._JiebaHolder())
    assert pos_words("哪些民间团体") == [("哪些", "r"), ("民间团体", "n")]
    assert reads == []


def test_jieba_cache_goes_to_configured_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JIEBA_CACHE_VARIABLE, str(tmp_path / "jieba"))
    monkeypatch.setattr(segmentation, "_JIEBA", segmentation._JiebaHolder())
    assert "理事会" in cut("理事会的报告")
    assert (tmp_path / "jieba" / "jieba.cache").is_file()
