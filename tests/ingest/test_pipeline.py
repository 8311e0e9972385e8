"""add_files / remove_document / untracked_files: the manifest, the stored texts, crash safety."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.corpus import CorpusError, corpus_hash, load_corpus, page_of, read_manifest
from assistant.ingest import (
    CorpusDocumentNotFoundError,
    IngestOptionError,
    UnknownDocumentError,
    add_files,
    remove_document,
    untracked_files,
)
from tests.samples import write_docx, write_html, write_pdf


def test_a_mixed_batch_adds_the_good_files_and_skips_the_bad_ones_by_name(tmp_path, seed_corpus, en_lines):
    inbox = tmp_path / "inbox"
    write_pdf(inbox / "en.pdf", [en_lines[:12], en_lines[12:]], wrap=90)
    write_html(inbox / "news.html", "AI at ITU", ["Geneva, 3 May 2024 – ITU met.", "More text follows."])
    write_pdf(inbox / "secret.pdf", [en_lines[:3]], password="pw")
    write_pdf(inbox / "scan.pdf", [[]])
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "gb.txt").write_bytes("考虑到".encode("gb18030"))
    (inbox / "fake.pdf").write_text("plain text", encoding="utf-8")
    (inbox / "ignored.csv").write_text("a,b", encoding="utf-8")  # not a supported extension: not looked at

    results = add_files(seed_corpus, [inbox])
    by_name = {r.path.name: r for r in results}
    assert set(by_name) == {"en.pdf", "news.html", "secret.pdf", "scan.pdf", "empty.txt", "gb.txt", "fake.pdf"}
    assert {n for n, r in by_name.items() if r.ok} == {"en.pdf", "news.html"}
    assert by_name["secret.pdf"].reason.startswith("encrypted PDF")
    assert by_name["scan.pdf"].reason.startswith("no text layer")
    assert by_name["empty.txt"].reason == "empty file (0 bytes)"
    assert by_name["gb.txt"].reason.startswith("not UTF-8 text")
    assert "wrong extension" in by_name["fake.pdf"].reason

    en = by_name["en.pdf"]
    assert en.doc_id == "eur-44a25-1-en"  # same number as the Chinese seed: a language suffix
    assert en.describe().startswith("added     ") and "(en, resolution, 2 pages, 21 chunks)" in en.describe()
    infos = {i.id: i for i in read_manifest(seed_corpus)}
    info = infos["eur-44a25-1-en"]
    assert info.path == "eur-44a25-1-en.en.txt" and (seed_corpus / info.path).is_file()
    assert info.source_path == str((inbox / "en.pdf").resolve())
    assert info.checksum.startswith("sha256:") and len(info.checksum) == 71
    assert (info.language, info.kind, info.doc_number) == ("en", "resolution", "EUR/44A25/1")
    assert len(info.pages) == 2 and info.title_en
    assert infos["news"].kind == "article" and infos["news"].title_en == "AI at ITU"  # id from the file name
    # Everything listed loads strictly, so offsets are checkable against the stored texts.
    assert len(load_corpus(seed_corpus)) == 3


def test_pdf_page_numbers_reach_the_chunks(tmp_path, seed_corpus, en_lines):
    pages = [en_lines[:12], en_lines[12:22], en_lines[22:]]
    add_files(seed_corpus, [write_pdf(tmp_path / "en.pdf", pages, wrap=90)])
    doc = {d.id: d for d in load_corpus(seed_corpus)}["eur-44a25-1-en"]
    from assistant.chunking import chunk_document

    chunks = {c.id: c for c in chunk_document(doc)}
    clause7 = chunks["eur-44a25-1-en/operative/secretary-general/7"]
    assert clause7.text.startswith("to report every year to the Council")
    assert page_of(doc.info, clause7.start) == 3
    assert page_of(doc.info, chunks["eur-44a25-1-en/preamble/recalling/a"].start) == 1
    first_on_2 = next(c for c in chunks.values() if c.text in en_lines[12])
    assert page_of(doc.info, first_on_2.start) == 2


def test_adding_the_same_file_again_changes_nothing_and_a_changed_file_is_updated_in_place(tmp_path, seed_corpus):
    path = write_docx(tmp_path / "note.docx", ["AI note", "First paragraph."])
    (first,) = add_files(seed_corpus, [path])
    manifest_before = (seed_corpus / "manifest.json").read_text(encoding="utf-8")
    (again,) = add_files(seed_corpus, [path])
    assert again.status == "unchanged" and again.reason == f"already in the corpus as {first.doc_id}"
    assert (seed_corpus / "manifest.json").read_text(encoding="utf-8") == manifest_before
    copy = tmp_path / "copy.docx"
    shutil.copyfile(path, copy)
    (dup,) = add_files(seed_corpus, [copy])
    assert dup.status == "unchanged" and dup.reason == f"same content as {first.doc_id}"

    write_docx(path, ["AI note", "First paragraph, revised.", "A second paragraph."])
    (updated,) = add_files(seed_corpus, [path])
    assert updated.status == "updated" and updated.doc_id == first.doc_id
    # Adding the corpus folder itself finds nothing new: the stored texts are not documents of their own.
    assert {r.status for r in add_files(seed_corpus, [seed_corpus])} == {"unchanged"}
    doc = {d.id: d for d in load_corpus(seed_corpus)}[first.doc_id]
    assert "revised" in doc.text and doc.info.checksum == updated.info.checksum
    # The new text is written beside the old one, which goes once the manifest names the new one.
    assert doc.info.path != first.info.path and not (seed_corpus / first.info.path).exists()
    assert len(read_manifest(seed_corpus)) == 2


def test_text_files_inside_the_corpus_folder_are_used_in_place(seed_corpus):
    (seed_corpus / "memo.en.txt").write_text("Memo on AI\nThe Council met.\n", encoding="utf-8")
    assert untracked_files(seed_corpus) == [seed_corpus / "memo.en.txt"]
    (result,) = add_files(seed_corpus, untracked_files(seed_corpus))
    assert result.doc_id == "memo" and result.info.path == "memo.en.txt" and result.info.source_path == "memo.en.txt"
    assert sorted(p.name for p in seed_corpus.glob("*.txt")) == [
        "itu-pp22-eur-44a25-1-ai-draft-resolution.zh.txt",
        "memo.en.txt",
    ]
    assert untracked_files(seed_corpus) == []
    # Removing it unlists it but never deletes the user's own file.
    removed = remove_document(seed_corpus, "memo")
    assert removed.deleted_file is None and (seed_corpus / "memo.en.txt").is_file()


def test_options_same_as_kind_language_note_title_and_id(tmp_path, seed_corpus):
    path = tmp_path / "summary.txt"
    path.write_text("Summary\nThe Secretary-General reports to the Council every year.\n", encoding="utf-8")
    (r,) = add_files(
        seed_corpus, [path], same_as="eur-44a25-1", note="unofficial summary", title="Summary of EUR/44A25/1"
    )
    assert r.doc_id == "eur-44a25-1-en" and r.info.same_as == "eur-44a25-1"
    assert r.info.doc_number == "EUR/44A25/1"  # a language version shares its number
    assert r.info.note == "unofficial summary" and r.info.title_en == "Summary of EUR/44A25/1"
    with pytest.raises(UnknownDocumentError, match="--same-as nope"):
        add_files(seed_corpus, [path], same_as="nope")
    other = tmp_path / "other.txt"
    other.write_text("考虑到\na) 甲；\n", encoding="utf-8")
    (forced,) = add_files(seed_corpus, [other], kind="resolution", language="zh", doc_id="my-doc")
    assert forced.doc_id == "my-doc" and forced.info.kind == "resolution"


def test_remove_deletes_the_converted_text_and_clears_same_as(tmp_path, seed_corpus):
    path = write_html(tmp_path / "en.html", "Summary", ["The SG reports.", "Every year."])
    (r,) = add_files(seed_corpus, [path], same_as="eur-44a25-1")
    stored = seed_corpus / r.info.path
    removed = remove_document(seed_corpus, "eur-44a25-1")
    assert removed.deleted_file is None  # the seed text was listed by hand: kept
    assert removed.unlinked == (r.doc_id,)
    assert read_manifest(seed_corpus)[0].same_as == ""
    removed = remove_document(seed_corpus, r.doc_id)
    assert removed.deleted_file == stored.resolve() and not stored.exists()
    with pytest.raises(UnknownDocumentError, match="no document 'gone'"):
        remove_document(seed_corpus, "gone")


@pytest.mark.parametrize(("option", "value"), [("language", "fr"), ("kind", "memo")])
def test_an_unknown_language_or_kind_is_refused_by_name_before_any_file_is_read(tmp_path, seed_corpus, option, value):
    good = tmp_path / "good.txt"
    good.write_text("考虑到\na) 甲；\n", encoding="utf-8")
    before = (seed_corpus / "manifest.json").read_bytes()
    with pytest.raises(IngestOptionError, match=f"{option} must be one of .*got '{value}'") as got:
        add_files(seed_corpus, [good], **{option: value})
    assert isinstance(got.value, ValueError)
    assert (seed_corpus / "manifest.json").read_bytes() == before  # nothing added, nothing lost
    (added,) = add_files(seed_corpus, [good], language="zh")  # the same file with a known language is added
    assert added.status == "added"


def test_an_unknown_document_to_remove_is_a_corpus_error_and_an_unknown_document_error(seed_corpus):
    from assistant import corpus
    from assistant.questions import QuestionError

    with pytest.raises(CorpusDocumentNotFoundError, match="no document 'gone'") as got:
        remove_document(seed_corpus, "gone")
    assert isinstance(got.value, corpus.CorpusError) and isinstance(got.value, corpus.UnknownDocumentError)
    assert not isinstance(got.value, QuestionError)  # not a question's mistake: the CLI and UI word it apart
    assert UnknownDocumentError is corpus.UnknownDocumentError  # the old name, now the shared base


def test_unknown_manifest_keys_survive_and_the_seed_hash_is_unchanged(tmp_path, seed_corpus):
    data = json.loads((seed_corpus / "manifest.json").read_text(encoding="utf-8"))
    data["curator"] = "secretariat"
    data["documents"][0]["reviewed"] = True
    (seed_corpus / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    hash_before = corpus_hash(load_corpus(seed_corpus))
    add_files(seed_corpus, [write_html(tmp_path / "a.html", "T", ["Body."])])
    data = json.loads((seed_corpus / "manifest.json").read_text(encoding="utf-8"))
    assert data["curator"] == "secretariat" and data["documents"][0]["reviewed"] is True
    assert corpus_hash(load_corpus(seed_corpus)[:1]) == hash_before


def test_a_killed_batch_leaves_the_old_manifest_and_its_texts_are_cleaned_up(tmp_path, seed_corpus, monkeypatch):
    import assistant.ingest.pipeline as pipeline

    files = [write_html(tmp_path / f"{n}.html", f"Title {n}", ["Body."]) for n in ("a", "b")]
    manifest_before = (seed_corpus / "manifest.json").read_text(encoding="utf-8")

    def killed(self):
        raise KeyboardInterrupt  # the process dies after writing the texts, before the manifest

    monkeypatch.setattr(pipeline._Batch, "commit", killed)
    with pytest.raises(KeyboardInterrupt):
        add_files(seed_corpus, files)
    assert (seed_corpus / "manifest.json").read_text(encoding="utf-8") == manifest_before
    assert (seed_corpus / ".ingest-pending.json").is_file()
    assert sorted(p.name for p in seed_corpus.glob("?.en.txt")) == ["a.en.txt", "b.en.txt"]
    monkeypatch.undo()
    # The orphans are not mistaken for user files, and the next run removes them first.
    assert untracked_files(seed_corpus) == []
    results = add_files(seed_corpus, files)
    assert [r.status for r in results] == ["added", "added"]
    assert sorted(p.name for p in seed_corpus.glob("*.en.txt")) == ["a.en.txt", "b.en.txt"]  # no "a-2.en.txt"
    assert untracked_files(seed_corpus) == []
    assert not (seed_corpus / ".ingest-pending.json").exists()


def test_one_writer_at_a_time(seed_corpus):
    import fcntl

    with open(seed_corpus / ".ingest.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(CorpusError, match="is changing this corpus"):
            remove_document(seed_corpus, "eur-44a25-1")


def test_a_new_corpus_folder_is_created(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("# Title\n\nText.\n", encoding="utf-8")
    (r,) = add_files(tmp_path / "new-corpus", [path])
    assert r.status == "added" and read_manifest(tmp_path / "new-corpus")[0].id == "x"


def test_missing_paths_are_reported(tmp_path, seed_corpus):
    (r,) = add_files(seed_corpus, [tmp_path / "nope.pdf"])
    assert r.status == "skipped" and r.reason == "no such file or folder"


def test_files_in_hidden_folders_are_not_collected(tmp_path):
    from assistant.ingest import collect_files

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    files, missing = collect_files([tmp_path, tmp_path / "b.txt"])
    assert files == [tmp_path / "b.txt"] and missing == []


def test_stored_text_is_what_citations_quote(tmp_path, seed_corpus, en_lines):
    add_files(seed_corpus, [write_pdf(tmp_path / "en.pdf", [en_lines], wrap=80)])
    doc = {d.id: d for d in load_corpus(seed_corpus)}["eur-44a25-1-en"]
    assert Path(seed_corpus / doc.info.path).read_text(encoding="utf-8") == doc.text
