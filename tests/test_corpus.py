import pytest

from assistant.corpus import CorpusError, corpus_hash, load_corpus, read_manifest
from tests.conftest import write_corpus


def entry(path: str, **extra) -> dict:
    return {"id": path.split(".")[0], "path": path, "language": "en", "kind": "article", **extra}


def test_bundled_corpus_loads_with_manifest_facts(corpus_dir):
    docs = {d.id: d for d in load_corpus(corpus_dir)}
    assert set(docs) == {"eur-44a25-1", "unido-unga-ai-resolution"}
    article = docs["unido-unga-ai-resolution"].info
    assert article.date_printed == "21 March, 2004"  # kept as printed
    assert "A/RES/78/265" in article.note and "2024" in article.note
    res = docs["eur-44a25-1"]
    assert res.info.kind == "resolution" and res.info.language == "zh"
    assert "每年向理事会报告" in res.text


def test_not_utf8_is_rejected_naming_the_file(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": "谁必须向理事会报告".encode("gb18030")}, [entry("a.txt")])
    with pytest.raises(CorpusError, match=r"a\.txt: not valid UTF-8.*gb18030"):
        load_corpus(folder)


def test_empty_file_is_rejected(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": "  \n"}, [entry("a.txt")])
    with pytest.raises(CorpusError, match=r"a\.txt: file is empty"):
        load_corpus(folder)


def test_unknown_kind_is_rejected(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": "x"}, [entry("a.txt", kind="poem")])
    with pytest.raises(CorpusError, match=r"a\.txt.*unknown kind 'poem'"):
        read_manifest(folder)


def test_missing_file_and_manifest(tmp_path):
    with pytest.raises(CorpusError, match="manifest not found"):
        read_manifest(tmp_path)
    folder = write_corpus(tmp_path, {}, [entry("gone.txt")])
    with pytest.raises(CorpusError, match=r"gone\.txt: file not found"):
        load_corpus(folder)


def test_bom_is_accepted_and_text_kept_whole(tmp_path):
    text = "Title\n\nBody paragraph one.\n"
    folder = write_corpus(tmp_path, {"a.txt": b"\xef\xbb\xbf" + text.encode()}, [entry("a.txt")])
    assert load_corpus(folder)[0].text == text


def test_corpus_hash_changes_with_text(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": "Title\nBody"}, [entry("a.txt")])
    before = corpus_hash(load_corpus(folder))
    (folder / "a.txt").write_text("Title\nBody changed", encoding="utf-8")
    assert corpus_hash(load_corpus(folder)) != before
