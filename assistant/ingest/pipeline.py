"""Add files to a corpus, and take documents out, keeping the manifest consistent.

Each added file is converted to UTF-8 text stored in the corpus folder as
`<id>.<lang>.txt` (a `.txt` file already inside the corpus folder is used where
it is), and described in `manifest.json` with its source path, sha256 checksum,
language, kind, number, title and, for PDFs, the offset of every page.

Crash safety: converted texts are written first (each via a temp file and a
rename), then the manifest in one atomic replace; a journal names the texts of
an unfinished batch so the next run deletes them instead of mistaking them for
user files. An updated document gets a new text file; the old one is deleted
only after the manifest names the new one. A process killed at any point leaves the old manifest (and the old
index, see `assistant.store`) loadable. One writer at a time holds
`<corpus>/.ingest.lock`.

Example:
    >>> from assistant.ingest import add_files
    >>> results = add_files("corpus", ["downloads/"])        # doctest: +SKIP
    >>> [(r.path.name, r.status, r.doc_id or r.reason) for r in results]   # doctest: +SKIP
    [('A_RES_78_265_E.pdf', 'added', 'a-res-78-265'), ('scan.pdf', 'skipped', 'no text layer …')]
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import hashlib
import json
import os
import re
import stat
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.chunking import chunk_document
from assistant.corpus import (
    MANIFEST_NAME,
    CorpusError,
    manifest_entry,
    read_manifest,
    read_manifest_data,
    read_text_strict,
    write_manifest,
)
from assistant.fsutil import held_lock
from assistant.ingest.detect import describe, document_id, normalise_number
from assistant.ingest.formats import FORMATS, Extracted, SkipFile, extract
from assistant.ingest.limits import IngestLimits, estimated_min_chunks, human_size
from assistant.journal import record_change
from assistant.schema import DocKind, Document, DocumentInfo, Language

Status = Literal["added", "updated", "unchanged", "skipped"]
_JOURNAL = ".ingest-pending.json"
# A long batch saves its progress this often, so Ctrl-C or a kill loses at most this much.
_CHECKPOINT_FILES = 50
_CHECKPOINT_SECONDS = 30.0
# Manifest fields a person may have curated by hand; re-adding a removed document keeps them.
_CURATED = ("title_en", "title_zh", "note", "source", "date_printed", "doc_number", "same_as")
_LOCK = ".ingest.lock"
# Files a corpus folder under version control often has that are about the corpus, not in it.
_NOT_DOCUMENTS = re.compile(r"^(readme|license|licence|changelog|notice|contributing)(\.|$)", re.IGNORECASE)


class UnknownDocumentError(CorpusError):
    """No document with that id is in the corpus."""


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during `add_files`: the files finished before it are saved; `results` says which."""

    def __init__(self, results: list[FileResult]) -> None:
        super().__init__("interrupted")
        self.results = results


@dataclass(frozen=True)
class FileResult:
    """What happened to one input file."""

    path: Path
    status: Status
    doc_id: str = ""
    reason: str = ""  # why it was skipped, or why nothing changed
    notes: tuple[str, ...] = ()  # warnings worth reading: pages without text, paragraph fallback …
    info: DocumentInfo | None = None
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return self.status != "skipped"

    def describe(self) -> str:
        """One line for the CLI, e.g. `added     report.pdf → a-res-78-265 (en, resolution, 12 pages, 48 chunks)`."""
        if self.status == "skipped":
            return f"skipped   {self.path}: {self.reason}"
        if self.status == "unchanged":
            return f"unchanged {self.path}: {self.reason}"
        info = self.info
        facts = [info.language, info.kind] if info else []
        if info and info.pages:
            facts.append(f"{len(info.pages)} page{'s' if len(info.pages) != 1 else ''}")
        facts.append(f"{self.chunks} chunk{'s' if self.chunks != 1 else ''}")
        return f"{self.status:9} {self.path} → {self.doc_id} ({', '.join(facts)})"


@dataclass(frozen=True)
class RemoveResult:
    info: DocumentInfo
    deleted_file: Path | None  # the converted text, when `add` had made it
    unlinked: tuple[str, ...]  # documents that named it with --same-as


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return f"sha256:{h.hexdigest()}"


@contextlib.contextmanager
def corpus_lock(corpus_dir: Path, wait: float = 0.0, say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the corpus's ingest lock; also finishes a killed batch's clean-up.

    A lock held by another writer is waited for up to `wait` seconds (saying
    so once through `say`), then `CorpusError` names the holder.
    """
    corpus_dir.mkdir(parents=True, exist_ok=True)
    with held_lock(
        corpus_dir / _LOCK,
        wait=wait,
        unknown="another process",
        on_wait=(lambda holder: say(f"waiting for {holder}, which is changing this corpus …")) if say else None,
        on_timeout=lambda holder: CorpusError(
            f"{corpus_dir}: {holder} is changing this corpus; wait for it, then run the command again"
        ),
    ):
        _recover(corpus_dir)
        yield


def _recover(corpus_dir: Path) -> None:
    """Delete texts a killed `add` wrote but never listed in the manifest."""
    journal = corpus_dir / _JOURNAL
    if not journal.is_file():
        return
    pending = _pending(corpus_dir)
    listed = {info.path for info in read_manifest(corpus_dir)} if (corpus_dir / MANIFEST_NAME).is_file() else set()
    for rel in pending:
        if rel not in listed and "/" not in rel:
            (corpus_dir / rel).unlink(missing_ok=True)
    journal.unlink(missing_ok=True)


def removed_documents(corpus_dir: Path | str) -> list[dict[str, Any]]:
    """Tombstones of removed documents (manifest key "removed"): id, path, source_path, checksum, entry."""
    path = Path(corpus_dir) / MANIFEST_NAME
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return _tombstones(data)


def _tombstones(data: Any) -> list[dict[str, Any]]:
    """The well-formed tombstones of a manifest object; anything else under "removed" is ignored."""
    removed = data.get("removed", []) if isinstance(data, dict) else []
    if not isinstance(removed, list):
        return []
    return [t for t in removed if isinstance(t, dict) and isinstance(t.get("entry"), dict)]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return f"uid {os.getuid()}"


def _pending(corpus_dir: Path) -> list[str]:
    """Names of the texts an unfinished `add` wrote (see `_recover`)."""
    try:
        names = json.loads((corpus_dir / _JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[FileResult]]:
    """Files to read (folders walked recursively for supported extensions), and results for missing paths.

    A file named explicitly is always tried, so a wrong or missing extension
    is reported; inside folders, hidden files and other extensions are passed over.
    """
    files: list[Path] = []
    missing: list[FileResult] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in FORMATS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found = [path]
        else:
            missing.append(FileResult(path, "skipped", reason=_not_readable(path)))
            continue
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, missing


def _not_readable(path: Path) -> str:
    """Why a named path is neither a file nor a folder: missing, a symlink loop, a dangling link, a FIFO …"""
    if not os.path.lexists(path):
        return "no such file or folder"
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "a symbolic link loop (the link points back to itself)"
        except OSError:
            return f"a symbolic link to {os.readlink(path)}, which does not exist"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop (the link points back to itself)"
        return f"cannot read it: {exc.strerror or exc}"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file; save its contents to a file first"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file or folder"


def untracked_files(corpus_dir: Path | str) -> list[Path]:
    """Supported files in the corpus folder that the manifest does not list (as text or as source).

    `assistant index` ingests these, so dropping PDFs into the corpus folder is enough.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        return []
    known: set[Path] = set()
    if (corpus_dir / MANIFEST_NAME).is_file():
        for info in read_manifest(corpus_dir):
            known.add((corpus_dir / info.path).resolve())
            if info.source_path:
                known.add((corpus_dir / info.source_path).resolve())
    # Texts of a killed `add` are deleted by the next one, not ingested as the user's files.
    known.update((corpus_dir / name).resolve() for name in _pending(corpus_dir))
    # Removed documents stay removed: their files are re-added only when named in `assistant add`.
    for tomb in removed_documents(corpus_dir):
        for key in ("path", "source_path"):
            if tomb.get(key):
                known.add((corpus_dir / tomb[key]).resolve())
    files, _ = collect_files([corpus_dir])
    return [p for p in files if p.resolve() not in known and not _NOT_DOCUMENTS.match(p.name)]


def add_files(
    corpus_dir: Path | str,
    paths: Sequence[Path | str],
    *,
    same_as: str = "",
    kind: DocKind | None = None,
    language: Language | None = None,
    note: str = "",
    title: str = "",
    doc_id: str = "",
    max_tokens: int = 256,
    limits: IngestLimits | None = None,
    progress: Callable[[str], None] | None = None,
    lock_wait: float = 0.0,
) -> list[FileResult]:
    """Convert and register `paths` (files or folders) in the corpus; one `FileResult` per file, in order.

    Bad files are skipped with a reason and the rest are added. A file whose
    source path is already registered is re-read if its checksum changed
    (status "updated", same id) and left alone otherwise ("unchanged").
    `same_as`, `kind`, `language`, `note`, `title` and `doc_id` apply to every
    file (`doc_id` only makes sense for one).

    Raises `UnknownDocumentError` if `same_as` names no document, and
    `CorpusError` if the manifest is unreadable.

    `limits` bound what one file may cost (a file over one is skipped with the
    limit and the setting to raise it). Long batches report through `progress`
    and save what they have done every `_CHECKPOINT_FILES` files or
    `_CHECKPOINT_SECONDS`; Ctrl-C saves the files finished so far and raises
    `IngestInterrupted` carrying their results. Another writer's lock is waited
    for up to `lock_wait` seconds.
    """
    corpus_dir = Path(corpus_dir)
    files, results = collect_files(paths)
    if not files:
        return results
    with corpus_lock(corpus_dir, lock_wait, progress):
        batch = _Batch(corpus_dir, max_tokens, limits or IngestLimits())
        if same_as and same_as not in batch.infos:
            raise UnknownDocumentError(f"--same-as {same_as}: no such document in {corpus_dir} (see `assistant docs`)")
        options = dict(same_as=same_as, kind=kind, language=language, note=note, title=title, doc_id=doc_id)
        last_save = last_report = time.monotonic()
        try:
            for n, path in enumerate(files, start=1):
                try:
                    results.append(batch.add(path, **options))
                except SkipFile as exc:
                    results.append(FileResult(path, "skipped", reason=exc.reason))
                now = time.monotonic()
                if progress is not None and len(files) > 1 and (now - last_report >= 2 or n == len(files)):
                    progress(f"read {n}/{len(files)} files ({sum(r.ok for r in results)} usable) …")
                    last_report = now
                if n % _CHECKPOINT_FILES == 0 or now - last_save >= _CHECKPOINT_SECONDS:
                    batch.commit()  # a long batch killed later keeps what it had read
                    last_save = now
        except KeyboardInterrupt:
            batch.commit()
            raise IngestInterrupted(_in_order(results, files)) from None
        batch.commit()
    return _in_order(results, files)


def _in_order(results: list[FileResult], files: list[Path]) -> list[FileResult]:
    order = {str(Path(p)): i for i, p in enumerate(files)}
    return sorted(results, key=lambda r: order.get(str(r.path), -1))


def remove_document(
    corpus_dir: Path | str, doc_id: str, *, delete_text: bool = True, lock_wait: float = 0.0
) -> RemoveResult:
    """Take `doc_id` out of the manifest; delete its converted text unless `delete_text` is False.

    A text file that is the user's own (registered in place, or listed by
    hand in the manifest) is never deleted. Documents that were marked
    `same_as` this one lose that mark.
    """
    corpus_dir = Path(corpus_dir)
    with corpus_lock(corpus_dir, lock_wait):
        data = read_manifest_data(corpus_dir)
        infos = {info.id: info for info in read_manifest(corpus_dir)} if data["documents"] else {}
        if doc_id not in infos:
            known = ", ".join(sorted(infos)[:10]) or "none"
            raise UnknownDocumentError(f"no document {doc_id!r} in {corpus_dir} (documents: {known})")
        info = infos[doc_id]
        entry = next(e for e in data["documents"] if e.get("id") == doc_id)
        data["documents"] = [e for e in data["documents"] if e.get("id") != doc_id]
        unlinked = []
        for other in data["documents"]:
            if other.get("same_as") == doc_id:
                other.pop("same_as")
                unlinked.append(other["id"])
        # A tombstone, written in the same atomic manifest replace: `assistant index` must not
        # pick the text up again as a new file (losing the curated title and note), and
        # `assistant add` of the same file restores the entry as it was.
        text_path = corpus_dir / info.path
        tomb = {
            "id": doc_id,
            "path": info.path,
            "source_path": info.source_path,
            "checksum": info.checksum,
            "text_checksum": sha256_of(text_path) if text_path.is_file() else "",
            "removed_at": _now(),
            "removed_by": _user(),
            "entry": entry,
        }
        data["removed"] = [
            t
            for t in data.get("removed", [])
            if isinstance(t, dict) and t.get("id") != doc_id and t.get("path") != info.path
        ] + [tomb]
        record_change(corpus_dir, "remove", [doc_id])
        write_manifest(corpus_dir, data)
        deleted = None
        text = (corpus_dir / info.path).resolve()
        generated = bool(info.source_path) and (corpus_dir / info.source_path).resolve() != text
        if delete_text and generated and text.parent == corpus_dir.resolve() and text.is_file():
            text.unlink()
            deleted = text
        return RemoveResult(info, deleted, tuple(unlinked))


class _Batch:
    """The manifest being edited by one `add_files` call, and the texts it has written."""

    def __init__(self, corpus_dir: Path, max_tokens: int, limits: IngestLimits) -> None:
        self.corpus_dir = corpus_dir
        self.root = corpus_dir.resolve()
        self.max_tokens = max_tokens
        self.limits = limits
        self.data: dict[str, Any] = read_manifest_data(corpus_dir)
        self.infos: dict[str, DocumentInfo] = (
            {i.id: i for i in read_manifest(corpus_dir)} if self.data["documents"] else {}
        )
        self.written: list[str] = []
        self.replaced: list[str] = []  # texts of updated documents, deleted after the commit
        self.changed = False
        self.changed_ids: list[str] = []
        self.tombstones: list[dict[str, Any]] = _tombstones(self.data)
        # Lookups by source, content and number, kept up to date as files are added (a
        # scan over every entry per file made batches of thousands quadratic).
        self._by_source: dict[str, DocumentInfo] = {}
        self._by_checksum: dict[str, DocumentInfo] = {}
        self._by_number: dict[str, list[DocumentInfo]] = {}
        self._texts: dict[str, DocumentInfo] = {}  # stored text path -> its document
        for info in self.infos.values():
            self._index(info)

    def _index(self, info: DocumentInfo) -> None:
        self._by_source[info.source_path or info.path] = info
        if info.checksum:
            self._by_checksum.setdefault(info.checksum, info)
        if info.doc_number:
            self._by_number.setdefault(normalise_number(info.doc_number), []).append(info)
        self._texts[info.path] = info

    # -- lookups ---------------------------------------------------------------------------------------------
    def _source_key(self, path: Path) -> str:
        """How the manifest records a source: relative inside the corpus folder, so the folder can move."""
        resolved = path.resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return str(resolved)

    def _find(self, source: str, checksum: str) -> tuple[DocumentInfo | None, DocumentInfo | None]:
        """(entry with this source, entry with this content)."""
        return self._by_source.get(source), self._by_checksum.get(checksum)

    def _versions(self, number: str) -> list[Language]:
        return [i.language for i in self._by_number.get(normalise_number(number), [])]

    # -- adding ----------------------------------------------------------------------------------------------
    def add(self, path: Path, **options: Any) -> FileResult:
        source = self._source_key(path)
        try:
            checksum = sha256_of(path)
        except OSError as exc:
            raise SkipFile(f"cannot read it: {exc.strerror or exc}") from exc
        existing, same_content = self._find(source, checksum)
        stored = self._texts.get(source)
        if stored and stored is not existing:  # e.g. `assistant add corpus/`: the texts `add` wrote itself
            return FileResult(path, "unchanged", stored.id, reason=f"the stored text of {stored.id}")
        if existing and (existing.checksum == checksum or (not existing.checksum and existing.path == source)):
            return FileResult(path, "unchanged", existing.id, reason=f"already in the corpus as {existing.id}")
        if same_content and same_content is not existing:
            return FileResult(path, "unchanged", same_content.id, reason=f"same content as {same_content.id}")
        in_place = path.suffix.lower() in (".txt", ".text") and not Path(source).is_absolute()
        tomb = None if existing else self._tombstone(source, checksum)
        if tomb is not None and in_place and tomb["entry"].get("path") == source:
            return self._restore(path, tomb)
        if in_place:
            # A text file already in the corpus folder is used where it is: offsets then
            # point into the user's own file, and nothing is duplicated.
            size = path.stat().st_size
            self.limits.check("max_file_bytes", size, f"the file is {human_size(size)}")
            try:
                text = read_text_strict(path)
            except CorpusError as exc:
                raise SkipFile(_plain_reason(str(exc), path)) from exc
            extracted = Extracted(text=text, format="text")
        else:
            extracted = extract(path, options["language"], self.limits)
        self._check_length(extracted.text)  # before detection, which reads the whole text
        described = describe(
            extracted.text,
            language=options["language"] or extracted.language,
            kind=options["kind"],
            title_hint=extracted.title,
        )
        notes = [*extracted.notes, *described.notes]
        lang = described.language
        same_as = options["same_as"]
        doc_number = described.doc_number
        if same_as:
            target = self.infos[same_as]
            if target.language == lang:
                notes.append(f"--same-as {same_as}: both are in {lang}; not linked as language versions")
            if not doc_number:
                doc_number = target.doc_number  # language versions share their number
            elif target.doc_number and normalise_number(target.doc_number) != normalise_number(doc_number):
                notes.append(f"its number {doc_number} differs from {same_as}'s {target.doc_number}")
        if existing:
            new_id = existing.id
        elif tomb is not None and not options["doc_id"] and tomb["id"] not in self.infos:
            new_id = tomb["id"]  # re-added: the id citations and links used before
        elif options["doc_id"]:
            new_id = options["doc_id"]
            if new_id in self.infos:
                raise SkipFile(f"--id {new_id}: a document with that id exists (remove it first)")
            if any(ch in new_id for ch in "/# \t") or new_id.startswith("."):
                raise SkipFile(f"--id {new_id!r}: ids may not contain '/', '#', spaces or start with '.'")
        else:
            new_id = document_id(
                doc_number,
                lang,
                path.name,
                self.infos,
                other_versions=self._versions(doc_number) if doc_number else (),
                same_as=same_as,
            )
        if in_place:
            rel = source
        else:
            # An update writes a new text and deletes the old one only once the manifest
            # names the new one: killed in between, the old manifest still matches its text.
            rel = self._text_name(new_id, lang)
            if existing and existing.path != existing.source_path:
                self.replaced.append(existing.path)
        title = options["title"] or described.title
        info = DocumentInfo(
            id=new_id,
            path=rel,
            language=lang,
            kind=described.kind,
            title_en=title if lang == "en" else (existing.title_en if existing else ""),
            title_zh=title if lang == "zh" else (existing.title_zh if existing else ""),
            doc_number=doc_number,
            source=f"added from {path.name} ({extracted.format})",
            note=options["note"] or (existing.note if existing else ""),
            source_path=source,
            checksum=checksum,
            pages=extracted.pages,
            same_as=same_as or (existing.same_as if existing else ""),
            added_by=_user(),
            added_at=_now(),
        )
        if tomb is not None:
            # Re-adding a removed document restores what was curated by hand, unless given again now.
            old_entry = tomb["entry"]
            given = {"title_en": options["title"], "title_zh": options["title"], "note": options["note"]}
            curated = {k: old_entry[k] for k in _CURATED if old_entry.get(k) and not given.get(k)}
            if curated.get("same_as") and (curated["same_as"] not in self.infos or options["same_as"]):
                curated.pop("same_as")
            info = replace(info, **curated)
            self._bury(tomb)
        chunks, chunk_notes = self._chunk(info, extracted.text)
        if not in_place:
            self._write_text(rel, extracted.text)
        self._register(info, existing)
        return FileResult(
            path,
            "updated" if existing else "added",
            new_id,
            notes=tuple(notes + chunk_notes),
            info=info,
            chunks=chunks,
        )

    def _tombstone(self, source: str, checksum: str) -> dict[str, Any] | None:
        """The removed document this file was, by source path or content."""
        for tomb in reversed(self.tombstones):
            if source in (tomb.get("source_path"), tomb.get("path")):
                return tomb
            if checksum in (tomb.get("checksum"), tomb.get("text_checksum")):
                return tomb
        return None

    def _bury(self, tomb: dict[str, Any]) -> None:
        """Forget a tombstone: its document is back."""
        self.tombstones = [t for t in self.tombstones if t is not tomb]
        self.data["removed"] = [t for t in self.data.get("removed", []) if t is not tomb]
        self.changed = True

    def _restore(self, path: Path, tomb: dict[str, Any]) -> FileResult:
        """Put a removed document whose text is still in the corpus folder back exactly as it was listed."""
        entry = dict(tomb["entry"])
        if entry["id"] in self.infos:
            raise SkipFile(f"it was {entry['id']}, and a document with that id exists now (remove it first)")
        info = DocumentInfo.from_dict({**entry, "pages": tuple(entry.get("pages") or ())})
        try:
            text = read_text_strict(self.corpus_dir / info.path)
        except CorpusError as exc:
            raise SkipFile(_plain_reason(str(exc), self.corpus_dir / info.path)) from exc
        chunks, notes = self._chunk(info, text)
        self.data["documents"].append(entry)
        self._bury(tomb)
        self.infos[info.id] = info
        self._index(info)
        self.changed_ids.append(info.id)
        return FileResult(
            path,
            "added",
            info.id,
            notes=(f"restored as it was before `assistant remove {info.id}`", *notes),
            info=info,
            chunks=chunks,
        )

    def _check_length(self, text: str) -> None:
        """Refuse a text whose length alone proves it makes too many chunks.

        A 50 MB text otherwise spends seconds in detection and minutes in
        chunking only to be refused afterwards.
        """
        at_least = estimated_min_chunks(text, self.max_tokens)
        self.limits.check("max_chunks_per_document", at_least, f"its text would make at least {at_least} chunks")

    def _chunk(self, info: DocumentInfo, text: str) -> tuple[int, list[str]]:
        """How many chunks the document makes, and the chunker's warnings (e.g. the paragraph fallback)."""
        self._check_length(text)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                chunks = chunk_document(Document(info, text), self.max_tokens)
            except Exception as exc:  # a chunker bug must not take the batch down with it
                raise SkipFile(f"could not be chunked ({type(exc).__name__}: {exc})") from exc
        if not chunks:
            raise SkipFile("no text to index after conversion")
        self.limits.check("max_chunks_per_document", len(chunks), f"its text makes {len(chunks)} chunks")
        notes = [str(w.message).replace(f"{info.path}: ", "", 1) for w in caught][:5]
        flagged = [c.id.split("/", 1)[-1] for c in chunks if c.flags]
        if flagged:
            notes.append(
                f"⚠ {len(flagged)} passage(s) read as instructions to an AI ({', '.join(flagged[:3])}); "
                "they are indexed as evidence but never used as an answer"
            )
        return len(chunks), notes

    def _text_name(self, doc_id: str, lang: Language) -> str:
        name, n = f"{doc_id}.{lang}.txt", 1
        while name in self._texts or (self.corpus_dir / name).exists():
            n += 1
            name = f"{doc_id}-{n}.{lang}.txt"
        return name

    def _write_text(self, rel: str, text: str) -> None:
        self.written.append(rel)
        self._journal(self.written)
        target = self.corpus_dir / rel
        tmp = self.corpus_dir / f".{rel}.tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)

    def _journal(self, names: list[str]) -> None:
        tmp = self.corpus_dir / f"{_JOURNAL}.tmp"
        tmp.write_text(json.dumps(names), encoding="utf-8")
        os.replace(tmp, self.corpus_dir / _JOURNAL)

    def _register(self, info: DocumentInfo, existing: DocumentInfo | None) -> None:
        entry = manifest_entry(info)
        if existing:
            for i, old in enumerate(self.data["documents"]):
                if old.get("id") == existing.id:
                    # Keep keys this version does not know; drop page maps etc. the new file lacks.
                    kept = {k: v for k, v in old.items() if k not in DocumentInfo.__dataclass_fields__}
                    self.data["documents"][i] = {**entry, **kept}
        else:
            self.data["documents"].append(entry)
        if existing:
            self._texts.pop(existing.path, None)
        if existing and existing.doc_number:  # an update may change the number: forget the old one
            key = normalise_number(existing.doc_number)
            self._by_number[key] = [i for i in self._by_number.get(key, []) if i.id != existing.id]
        self.infos[info.id] = info
        self._index(info)
        self.changed = True
        self.changed_ids.append(info.id)

    def commit(self) -> None:
        """Save what the batch has done so far; may be called again as the batch goes on."""
        if self.changed:
            # The journal first: killed after the manifest replace, the next command sees the unindexed change.
            record_change(self.corpus_dir, "add", self.changed_ids)
            write_manifest(self.corpus_dir, self.data)
        listed = set(self._texts)
        # A text written for a file that was then skipped or interrupted is nobody's.
        for rel in [*self.replaced, *self.written]:
            if rel not in listed and "/" not in rel:
                (self.corpus_dir / rel).unlink(missing_ok=True)
        (self.corpus_dir / _JOURNAL).unlink(missing_ok=True)
        self.written, self.replaced, self.changed_ids, self.changed = [], [], [], False


def _plain_reason(message: str, path: Path) -> str:
    """A corpus error about `path` without the path (the result line names it already)."""
    return message.split(f"{path}: ", 1)[-1] if f"{path}: " in message else message
