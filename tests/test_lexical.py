"""Tokenizer behaviour, BM25 ranking, masks and the pickle-free index files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.lexical import META_FILE, BM25Index, LexicalFormatError, LexicalIndexError, tokenize
from assistant.lexical_files import ARRAY_DTYPES, LEGACY_ARCHIVE, array_file

DOCS = [
    "理事会应向全权代表大会提交关于本决议执行情况的报告。",  # 0
    "人工智能技术可以促进可持续发展目标的实现。",  # 1
    "今天天气很好，我们去公园散步吧。",  # 2
    "The Council shall submit a report to the Plenipotentiary Conference.",  # 3
    "Artificial intelligence can accelerate progress towards the Sustainable Development Goals.",  # 4
    "国际电联秘书长应与各部门协商。",  # 5
    "Recalling resolution A/RES/70/125 of the General Assembly.",  # 6
]


@pytest.fixture(scope="module")
def index() -> BM25Index:
    return BM25Index.build([tokenize(d) for d in DOCS])


def ranked(index: BM25Index, query: str, k: int = 10) -> list[int]:
    return [doc for doc, _ in index.search(tokenize(query), k=k)]


# ------------------------------------------------------------------ tokenizer


def test_english_is_lowercased_stemmed_and_stopworded() -> None:
    assert tokenize("reports") == tokenize("report") == ["report"]
    assert tokenize("The Council's Reports") == ["council", "report"]
    assert tokenize("of the and to") == []


def test_document_symbols_and_numbers_survive() -> None:
    toks = tokenize("A/RES/78/265 in 2030")
    assert "a/res/78/265" in toks and "78" in toks and "265" in toks and "2030" in toks
    # Full-width digits and letters, common in Chinese text, are folded.
    assert tokenize("ＩＴＵ２０３０") == tokenize("ITU2030")


def test_chinese_words_bigrams_and_stop_words() -> None:
    toks = tokenize("理事会的报告")
    assert "理事会" in toks and "报告" in toks
    assert "的" not in toks
    assert "\u00b7理事" in toks  # character bigrams are a separate term space
    assert tokenize("，。！？、") == []


def test_mixed_text_keeps_both_languages() -> None:
    toks = tokenize("第A/RES/70/125号决议 reports")
    assert "a/res/70/125" in toks and "决议" in toks and "report" in toks


# ------------------------------------------------------------------ ranking


def test_chinese_term_ranks_matching_document_first(index: BM25Index) -> None:
    hits = ranked(index, "理事会向谁报告？")
    assert hits[0] == 0
    assert 2 not in hits  # unrelated text shares no term


def test_bigrams_match_abbreviated_names(index: BM25Index) -> None:
    # jieba keeps 国际电联 as one word; "电联" still finds it through the bigrams.
    assert ranked(index, "电联")[0] == 5


def test_english_inflections_match(index: BM25Index) -> None:
    assert ranked(index, "reports")[0] == 3
    assert ranked(index, "accelerating development")[0] == 4
    assert ranked(index, "resolution 70/125")[0] == 6


def test_empty_and_unknown_queries_return_nothing(index: BM25Index) -> None:
    assert index.search([], k=5) == []
    assert index.search(tokenize("的 the of"), k=5) == []
    assert index.search(["zzz-not-in-vocabulary"], k=5) == []
    assert index.search(tokenize("理事会"), k=0) == []


def test_search_orders_by_score_and_truncates(index: BM25Index) -> None:
    hits = index.search(tokenize("理事会 report Council 人工智能"), k=2)
    assert len(hits) == 2
    assert hits[0][1] >= hits[1][1] > 0
    scores = index.scores(tokenize("理事会 report Council 人工智能"))
    assert scores.shape == (len(DOCS),)
    assert [d for d, _ in hits] == list(np.argsort(-scores, kind="stable")[:2])


def test_ties_go_to_lower_index() -> None:
    idx = BM25Index.build([["x"], ["y"], ["x"], ["x"]])
    assert [d for d, _ in idx.search(["x"], k=10)] == [0, 2, 3]
    # Also when k cuts through the tie.
    many = BM25Index.build([["x", "y"]] + [["x"]] * 50)
    assert [d for d, _ in many.search(["x", "y"], k=4)] == [0, 1, 2, 3]


def test_allowed_mask_filters(index: BM25Index) -> None:
    query = tokenize("理事会 report")
    assert set(ranked(index, "理事会 report")) >= {0, 3}
    allowed = np.ones(len(DOCS), dtype=bool)
    allowed[0] = False
    hits = [d for d, _ in index.search(query, k=10, allowed=allowed)]
    assert 0 not in hits and 3 in hits
    assert index.search(query, k=10, allowed=np.zeros(len(DOCS), dtype=bool)) == []
    with pytest.raises(ValueError):
        index.search(query, k=10, allowed=np.ones(3, dtype=bool))
    with pytest.raises(ValueError):
        index.search(query, k=10, allowed=np.ones(len(DOCS)))


def test_build_handles_empty_documents() -> None:
    idx = BM25Index.build([[], ["x"], []])
    assert idx.n_docs == 3
    assert idx.search(["x"], k=5)[0][0] == 1
    assert BM25Index.build([]).search(["x"], k=5) == []


# ------------------------------------------------------------------ reference scores


def _bm25s_scores(docs: list[list[str]], query: list[str], k1: float, b: float) -> np.ndarray:
    """bm25s's "lucene" variant: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf / (tf + k1 (1 - b + b dl/avgdl))."""
    bm25s = pytest.importorskip("bm25s")
    reference = bm25s.BM25(method="lucene", k1=k1, b=b)
    vocab = {t: i for i, t in enumerate(dict.fromkeys(t for d in docs for t in d))}
    ids = [[vocab[t] for t in d] for d in docs]
    reference.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    known = [vocab[t] for t in dict.fromkeys(query) if t in vocab]
    return reference.get_scores(known) if known else np.zeros(len(docs))


@pytest.mark.parametrize(("k1", "b"), [(1.2, 0.75), (0.9, 0.4), (1.5, 1.0)])
def test_scores_match_bm25s_reference(k1: float, b: float) -> None:
    # Same variant as bm25s "lucene" (Lucene's idf, never negative), times (k1 + 1): the
    # Robertson numerator this index keeps. A constant factor, so rankings are identical.
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(300)]
    docs = [[words[i] for i in np.minimum(rng.zipf(1.4, size=rng.integers(1, 40)), 300) - 1] for _ in range(400)]
    docs += [tokenize(d) for d in DOCS]
    index = BM25Index.build(docs, k1=k1, b=b)
    for query in [["w0"], ["w1", "w5", "w5", "w200"], tokenize("理事会 report Council 人工智能"), ["w299", "zzz"]]:
        expected = (k1 + 1.0) * _bm25s_scores(docs, query, k1, b)
        assert np.allclose(index.scores(query), expected, rtol=1e-5, atol=1e-6), query


def test_loaded_index_scores_match_bm25s_reference(tmp_path: Path) -> None:
    docs = [tokenize(d) for d in DOCS]
    BM25Index.build(docs).save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    query = tokenize("国际电联秘书长 report")
    assert np.allclose(loaded.scores(query), 2.2 * _bm25s_scores(docs, query, 1.2, 0.75), rtol=1e-5)


# ------------------------------------------------------------------ persistence


def test_save_writes_one_npy_per_array_and_a_description(index: BM25Index, tmp_path: Path) -> None:
    index.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([META_FILE, *(array_file(n) for n in ARRAY_DTYPES)])
    json.loads((tmp_path / META_FILE).read_text(encoding="utf-8"))
    for name, dtype in ARRAY_DTYPES.items():
        assert np.load(tmp_path / array_file(name), allow_pickle=False).dtype == dtype


@pytest.mark.parametrize("mmap", [True, False])
def test_save_load_round_trip_is_identical(index: BM25Index, tmp_path: Path, mmap: bool) -> None:
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path, mmap=mmap)
    assert isinstance(loaded.doc_ids, np.memmap) is mmap
    assert (loaded.k1, loaded.b, loaded.n_docs) == (index.k1, index.b, index.n_docs)
    assert loaded.vocabulary == index.vocabulary
    for query in ["理事会报告", "reports Council", "人工智能 可持续发展", "电联"]:
        toks = tokenize(query)
        assert np.array_equal(loaded.scores(toks), index.scores(toks))
        assert loaded.search(toks, k=5) == index.search(toks, k=5)
        groups = [(toks, 1.0), (["报告", "汇报"], 0.5)]
        assert np.array_equal(loaded.group_scores(groups), index.group_scores(groups))


def test_custom_parameters_survive_round_trip(tmp_path: Path) -> None:
    idx = BM25Index.build([tokenize(d) for d in DOCS], k1=0.9, b=0.4)
    idx.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    assert (loaded.k1, loaded.b) == (0.9, 0.4)
    assert np.array_equal(loaded.scores(tokenize("理事会")), idx.scores(tokenize("理事会")))


FILES = [META_FILE, *(array_file(n) for n in ARRAY_DTYPES)]


@pytest.mark.parametrize("mmap", [True, False])
@pytest.mark.parametrize("name", FILES)
def test_truncated_file_raises_with_file_name(index: BM25Index, tmp_path: Path, name: str, mmap: bool) -> None:
    index.save(tmp_path)
    path = tmp_path / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(LexicalIndexError, match=f"{name}.*rebuild the index"):
        BM25Index.load(tmp_path, mmap=mmap)


@pytest.mark.parametrize("name", FILES)
def test_missing_file_raises_with_file_name(index: BM25Index, tmp_path: Path, name: str) -> None:
    index.save(tmp_path)
    (tmp_path / name).unlink()
    with pytest.raises(LexicalIndexError, match=name):
        BM25Index.load(tmp_path)


def test_arrays_of_another_save_are_rejected(tmp_path: Path) -> None:
    # An interrupted save: new arrays were renamed in, the old description was not replaced.
    BM25Index.build([["x", "y"], ["y"]]).save(tmp_path / "a")
    BM25Index.build([["x", "y", "z"], ["y"], ["z"]]).save(tmp_path / "b")
    (tmp_path / "b" / "doc_ids.npy").replace(tmp_path / "a" / "doc_ids.npy")
    with pytest.raises(LexicalIndexError, match=r"doc_ids\.npy.*interrupted save"):
        BM25Index.load(tmp_path / "a")


def test_inconsistent_files_are_rejected(index: BM25Index, tmp_path: Path) -> None:
    index.save(tmp_path)
    meta_path = tmp_path / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["vocabulary"] = meta["vocabulary"][:-1]
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(LexicalIndexError, match="postings lists for"):
        BM25Index.load(tmp_path)


def test_out_of_range_postings_are_found_without_mmap(index: BM25Index, tmp_path: Path) -> None:
    index.save(tmp_path)
    doc_ids = np.load(tmp_path / "doc_ids.npy")
    doc_ids[0] = 10_000
    np.save(tmp_path / "doc_ids.npy", doc_ids)
    with pytest.raises(LexicalIndexError, match="outside the documents"):
        BM25Index.load(tmp_path, mmap=False)


def test_object_arrays_are_refused(index: BM25Index, tmp_path: Path) -> None:
    index.save(tmp_path)
    np.save(tmp_path / "weights.npy", np.array([1], dtype=object), allow_pickle=True)
    with pytest.raises(LexicalIndexError, match=r"weights\.npy"):
        BM25Index.load(tmp_path)


def test_format_1_archive_is_stale_not_corrupt(index: BM25Index, tmp_path: Path) -> None:
    # What the previous version wrote: bm25.npz plus a version-1 description.
    np.savez(tmp_path / LEGACY_ARCHIVE, indptr=index.indptr, doc_ids=index.doc_ids)
    meta = {"format": "assistant-bm25", "version": 1, "tokenizer": index.tokenizer, "vocabulary": []}
    (tmp_path / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(LexicalFormatError, match=r"version 1 \(one bm25.npz archive\).*rebuild the index"):
        BM25Index.load(tmp_path)
    index.save(tmp_path)  # saving over it removes the archive
    assert not (tmp_path / LEGACY_ARCHIVE).exists()
    assert BM25Index.load(tmp_path).n_docs == index.n_docs


def test_other_tokenizer_is_refused(index: BM25Index, tmp_path: Path) -> None:
    index.save(tmp_path)
    meta_path = tmp_path / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["tokenizer"] = "something-else"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(LexicalIndexError, match="rebuild"):
        BM25Index.load(tmp_path)
    assert BM25Index.load(tmp_path, tokenizer=None).tokenizer == "something-else"


def test_load_error_is_a_value_error() -> None:
    assert issubclass(LexicalIndexError, ValueError)
    assert issubclass(LexicalFormatError, LexicalIndexError)
