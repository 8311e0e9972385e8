"""Load the corpus: `manifest.json` plus the documents it lists, checked strictly.

A document that cannot be read exactly as written is an error naming the file:
text is never dropped or re-decoded behind the user's back.

Example:
    >>> from assistant.corpus import load_corpus
    >>> docs = load_corpus("corpus")            # doctest: +SKIP
    >>> [d.id for d in docs]                    # doctest: +SKIP
    ['eur-44a25-1', 'unido-unga-ai-resolution']
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import get_args

from assistant.schema import DocKind, Document, DocumentInfo, Language

MANIFEST_NAME = "manifest.json"


class CorpusError(ValueError):
    """A corpus file or the manifest is unusable; the message names the file."""


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
        infos.append(DocumentInfo.from_dict(entry))
    return infos


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
        hint = ""
        for encoding in ("gb18030", "utf-16"):
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            hint = f"; it decodes as {encoding}: convert it with `iconv -f {encoding} -t utf-8`"
            break
        raise CorpusError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 4]!r}){hint}"
        ) from exc
    if "\x00" in text:
        raise CorpusError(f"{path}: contains NUL bytes; is it a binary file?")
    return text


def load_corpus(corpus_dir: Path | str) -> list[Document]:
    """Every document in the manifest, in manifest order."""
    corpus_dir = Path(corpus_dir)
    return [Document(info, read_text_strict(corpus_dir / info.path)) for info in read_manifest(corpus_dir)]


def corpus_hash(documents: list[Document]) -> str:
    """A digest of the manifest entries and texts: changes whenever the corpus does."""
    h = hashlib.sha256()
    for doc in documents:
        h.update(json.dumps(doc.info.to_dict(), sort_keys=True, ensure_ascii=False).encode())
        h.update(b"\0")
        h.update(doc.text.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()
