"""Document translation: the gloss field is built with the index and used for English questions."""

import pytest

from assistant import Assistant, Settings
from assistant.retrieval.translation import GLOSS_TOKENIZER_ID
from assistant.store import IndexStaleError, load_index, write_index


def test_the_index_carries_a_gloss_field_of_the_chinese_clauses(assistant):
    gloss = assistant.store.gloss
    assert gloss is not None and gloss.tokenizer == GLOSS_TOKENIZER_ID
    row = next(i for i, c in enumerate(assistant.store.chunks) if c.id.endswith("secretary-general/7"))
    assert gloss.contains("council", row)  # 理事会 glossed
    assert gloss.contains("report", row)  # 报告 glossed


def test_english_questions_score_chinese_clauses_through_the_gloss_field(assistant):
    lq = assistant.retriever.query("Who must report to Council?")
    with_gloss = assistant.retriever.lexical_scores(lq)
    without = assistant.store.lexical.group_scores(lq.as_groups())
    row = next(i for i, c in enumerate(assistant.store.chunks) if c.id.endswith("secretary-general/7"))
    assert with_gloss[row] > without[row]
    zh_lq = assistant.retriever.query("谁必须向理事会报告？")
    assert (assistant.retriever.lexical_scores(zh_lq) == assistant.store.lexical.group_scores(zh_lq.as_groups())).all()


def test_an_index_without_the_gloss_field_is_stale(tmp_path):
    chunks = Assistant(Settings.from_env(show_progress=False)).chunks()[:3]
    import numpy as np

    write_index(
        tmp_path,
        chunks,
        lambda texts: np.eye(len(texts), 4, dtype=np.float32),
        model="m",
        dim=4,
        corpus_hash="h",
        chunker_version="c",
    )
    assert load_index(tmp_path).gloss is None
    with pytest.raises(IndexStaleError, match="without the dictionary gloss field"):
        load_index(tmp_path, gloss_tokenizer=GLOSS_TOKENIZER_ID)
