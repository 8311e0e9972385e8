"""Load the corpus: `manifest.json` plus the documents it lists, checked strictly.

A document that cannot be read exactly as written is an error naming the file:
text is never dropped or re-decoded behind the user's back.

Documents added with `assistant add` (see `assistant.ingest`) also record the
original file (`source_path`, `checksum`) and, for PDFs, where each page starts
in the stored text (`pages`), so a citation can name its page: `page_of`.

Example:
    >>> from assistant.corpus import load_corpus
    >>> docs = load_corpus("corpus")            # doctest: +SKIP
    >>> [d.id for d in docs]                    # doctest: +SKIP
    ['eur-44a25-1', 'unido-unga-ai-resolution']
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import shlex
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, get_args

from assistant.schema import Chunk, DocKind, Document, DocumentInfo, Language

MANIFEST_NAME = "manifest.json"
# DocumentInfo fields added after the first corpora were indexed: left out of the
# corpus hash while empty, so adding them did not make every existing index stale.
_LATER_FIELDS = ("source_path", "checksum", "pages", "same_as", "added_by", "added_at")


class CorpusError(ValueError):
    """A corpus file or the manifest is unusable; the message names the file."""


class UnknownDocumentError(ValueError):
    """An id names no document where one was looked for; the message names the id and the known ones.

    The base of `CorpusDocumentNotFoundError` (`assistant remove`, `--same-as`: not in the corpus) and
    `DocumentNotIndexedError` (`ask(doc_ids=...)`: not in the index), so one `except` catches both mistypings.
    """


class DocumentNotInCorpusError(KeyError):
    """A clause to answer from belongs to a document the corpus does not hold (chunks a library caller added
    with `store.add`): an answer quotes the document's own text at the clause's offsets, with its page and
    provenance, so the clause cannot be cited. A `KeyError`, which is what callers saw before."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def require_documents(chunks: Iterable[Chunk], documents: Mapping[str, Document], corpus_dir: Path) -> None:
    """Raise `DocumentNotInCorpusError` naming the first chunk whose document is not in `documents`."""
    for chunk in chunks:
        if chunk.doc_id not in documents:
            raise DocumentNotInCorpusError(
                f"clause {chunk.id!r} belongs to document {chunk.doc_id!r}, which is not in the corpus at "
                f"{corpus_dir}: an answer quotes and cites a document's own text. Add the document to the corpus "
                f"(`assistant add`, which also indexes it) or take its clauses out of the index "
                f"(`store.delete_documents([{chunk.doc_id!r}])`)."
            )


def read_manifest(corpus_dir: Path | str) -> list[DocumentInfo]:
    """The documents `corpus_dir/manifest.json` lists, validated."""
    corpus_dir = Path(corpus_dir)
    path = corpus_dir / MANIFEST_NAME
    if not path.is_file():
        raise CorpusError(f"{path}: corpus manifest not found (expected a JSON file listing the documents)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: not valid UTF-8 JSON: {exc}") from exc
    entries = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: expected an object with a 'documents' list")
    infos: list[DocumentInfo] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"{path}: documents[{i}]"
        if not isinstance(entry, dict):
            raise CorpusError(f"{where}: expected an object")
        for key in ("id", "path", "language", "kind"):
            if not entry.get(key):
                raise CorpusError(f"{where}: missing '{key}'")
        if entry["kind"] not in get_args(DocKind):
            raise CorpusError(
                f"{where} ({entry['path']}): unknown kind {entry['kind']!r}; expected one of {list(get_args(DocKind))}"
            )
        if entry["language"] not in get_args(Language):
            raise CorpusError(
                f"{where} ({entry['path']}): unsupported language {entry['language']!r}; "
                f"expected one of {list(get_args(Language))}"
            )
        if entry["id"] in seen:
            raise CorpusError(f"{where}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        pages = entry.get("pages") or ()
        if not isinstance(pages, list | tuple) or not all(isinstance(p, int) and p >= 0 for p in pages):
            raise CorpusError(f"{where} ({entry['path']}): 'pages' must be a list of character offsets")
        if list(pages) != sorted(pages):
            raise CorpusError(f"{where} ({entry['path']}): 'pages' offsets must not decrease")
        # A tuple, so the frozen DocumentInfo stays hashable.
        infos.append(DocumentInfo.from_dict({**entry, "pages": tuple(pages)}))
    return infos


def read_manifest_data(corpus_dir: Path | str) -> dict[str, Any]:
    """The manifest as a JSON object, `{"documents": []}` when there is none yet.

    Writers edit this and hand it to `write_manifest`, so keys this version does
    not know (at the top level or in an entry) survive the round trip.
    """
    path = Path(corpus_dir) / MANIFEST_NAME
    if not path.is_file():
        return {"documents": []}
    read_manifest(corpus_dir)  # validate first: never rewrite a manifest we cannot read
    return json.loads(path.read_text(encoding="utf-8"))


def write_manifest(corpus_dir: Path | str, data: dict[str, Any]) -> Path:
    """Write `data` as the corpus manifest atomically (temp file, fsync, rename); returns its path.

    A crash leaves either the old manifest or the new one, never half of one.

    Example:
        >>> data = read_manifest_data("corpus")                           # doctest: +SKIP
        >>> data["documents"].append({"id": "x", "path": "x.en.txt", "language": "en", "kind": "article"})
        ...                                                               # doctest: +SKIP
        >>> write_manifest("corpus", data)                                # doctest: +SKIP
    """
    corpus_dir = Path(corpus_dir)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    path = corpus_dir / MANIFEST_NAME
    tmp = corpus_dir / f".{MANIFEST_NAME}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return path


def manifest_entry(info: DocumentInfo) -> dict[str, Any]:
    """`info` as a manifest entry: the required keys, then only the optional ones that are set."""
    data = info.to_dict()
    data["pages"] = list(info.pages)
    required = ("id", "path", "language", "kind")
    return {k: v for k, v in data.items() if k in required or v not in ("", [], ())}


def page_of(info: DocumentInfo, offset: int) -> int | None:
    """The 1-based page of the original PDF that character `offset` of the stored text is on.

    None for documents without a page map (anything but PDFs).

    Example:
        >>> info = DocumentInfo(id="r", path="r.en.txt", language="en", kind="resolution", pages=(0, 120, 300))
        >>> page_of(info, 0), page_of(info, 150), page_of(info, 5000)
        (1, 2, 3)
        >>> page_of(DocumentInfo(id="t", path="t.txt", language="en", kind="article"), 10) is None
        True
    """
    if not info.pages or offset < 0:
        return None
    # Pages without text share their start with the next page; the text is on the last of them.
    return max(1, bisect.bisect_right(info.pages, offset))


def pages_of(info: DocumentInfo, start: int, end: int) -> tuple[int, int] | None:
    """First and last page a span `start:end` of the stored text covers, e.g. (3, 4); None without a page map."""
    first = page_of(info, start)
    last = page_of(info, max(start, end - 1))
    return None if first is None or last is None else (first, last)


def read_text_strict(path: Path) -> str:
    """The file's text, or a `CorpusError` if it is missing, empty or not UTF-8.

    A UTF-8 byte-order mark is accepted and removed; offsets are into the
    decoded text, which is what citations quote.
    """
    if not path.is_file():
        raise CorpusError(f"{path}: file not found")
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{path}: file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = guess_encoding(raw)
        # A command that converts the file where it is (it is listed in the manifest, so its name stays).
        name, converted = shlex.quote(str(path)), shlex.quote(f"{path}.utf8")
        command = f"iconv -f {encoding} -t utf-8 {name} > {converted} && mv {converted} {name}"
        hint = f"; it decodes as {encoding}: convert it with `{command}`" if encoding else ""
        raise CorpusError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 4]!r}){hint}"
        ) from exc
    if "\x00" in text:
        raise CorpusError(f"{path}: contains NUL bytes; is it a binary file?")
    return text


def guess_encoding(raw: bytes, candidates: Iterable[str] = ("gb18030", "utf-16")) -> str | None:
    """The first of `candidates` that decodes `raw` without error, for a conversion hint; None if none does."""
    for encoding in candidates:
        try:
            raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def load_corpus(corpus_dir: Path | str) -> list[Document]:
    """Every document in the manifest, in manifest order."""
    corpus_dir = Path(corpus_dir)
    return [Document(info, read_text_strict(corpus_dir / info.path)) for info in read_manifest(corpus_dir)]


def corpus_hash(documents: list[Document]) -> str:
    """A digest of the manifest entries and texts: changes whenever the corpus does."""
    h = hashlib.sha256()
    for doc in documents:
        info = {k: v for k, v in doc.info.to_dict().items() if v or k not in _LATER_FIELDS}
        h.update(json.dumps(info, sort_keys=True, ensure_ascii=False).encode())
        h.update(b"\0")
        h.update(doc.text.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()
