import hashlib
import json
import re
import shutil
import subprocess

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


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv")
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_the_conversion_command_given_converts_the_file_in_place(tmp_path, encoding):
    # Before: "convert it with `iconv -f gb18030 -t utf-8`", with neither the file nor where to write it.
    folder = write_corpus(tmp_path / "my corpus", {"a.txt": "谁必须向理事会报告\n".encode(encoding)}, [entry("a.txt")])
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    command = re.search(r"convert it with `(.+)`$", str(info.value)).group(1)
    subprocess.run(command, shell=True, check=True)
    assert [d.text for d in load_corpus(folder)] == ["谁必须向理事会报告\n"]


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


def test_page_of_maps_offsets_to_pdf_pages():
    from assistant.corpus import page_of, pages_of
    from assistant.schema import DocumentInfo

    info = DocumentInfo(id="r", path="r.en.txt", language="en", kind="resolution", pages=(0, 100, 100, 250))
    assert [page_of(info, n) for n in (0, 99, 100, 249, 250, 10_000)] == [1, 1, 3, 3, 4, 4]  # page 2 has no text
    assert pages_of(info, 90, 120) == (1, 3)
    assert page_of(DocumentInfo(id="t", path="t.txt", language="en", kind="article"), 5) is None


def test_page_maps_are_validated(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": "x"}, [entry("a.txt", pages=[0, 50, 10])])
    with pytest.raises(CorpusError, match=r"a\.txt.*'pages' offsets must not decrease"):
        read_manifest(folder)
    folder = write_corpus(tmp_path, {"a.txt": "x"}, [entry("a.txt", pages="0,50")])
    with pytest.raises(CorpusError, match="'pages' must be a list"):
        read_manifest(folder)
    folder = write_corpus(tmp_path, {"a.txt": "x"}, [entry("a.txt", pages=[0, 50])])
    assert read_manifest(folder)[0].pages == (0, 50)  # a tuple: DocumentInfo stays hashable
    hash(read_manifest(folder)[0])


def test_write_manifest_round_trips_and_keeps_unknown_keys(tmp_path):
    from assistant.corpus import manifest_entry, read_manifest_data, write_manifest
    from assistant.schema import DocumentInfo

    assert read_manifest_data(tmp_path) == {"documents": []}
    folder = write_corpus(tmp_path, {"a.txt": "Title\nBody"}, [entry("a.txt", reviewed=True)])
    data = read_manifest_data(folder)
    data["documents"].append(manifest_entry(DocumentInfo(id="b", path="a.txt", language="en", kind="article")))
    data["owner"] = "secretariat"
    write_manifest(folder, data)
    again = read_manifest_data(folder)
    assert again["owner"] == "secretariat" and again["documents"][0]["reviewed"] is True
    assert again["documents"][1] == {"id": "b", "path": "a.txt", "language": "en", "kind": "article"}
    assert not list(folder.glob(".*.tmp"))


def test_new_optional_fields_do_not_change_the_hash_of_existing_corpora(corpus_dir):
    # The hash of the bundled corpus as computed before source_path/checksum/pages/same_as/added_by/added_at existed.
    docs = load_corpus(corpus_dir)
    legacy = hashlib.sha256()
    for doc in docs:
        info = {
            k: v
            for k, v in doc.info.to_dict().items()
            if k not in ("source_path", "checksum", "pages", "same_as", "added_by", "added_at")
        }
        legacy.update(json.dumps(info, sort_keys=True, ensure_ascii=False).encode() + b"\0")
        legacy.update(doc.text.encode("utf-8") + b"\0")
    assert corpus_hash(docs) == legacy.hexdigest()
