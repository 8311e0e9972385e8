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
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from assistant.corpus import (
    MANIFEST_NAME,
    CorpusError,
    UnknownDocumentError,
    read_manifest,
    read_manifest_data,
    write_manifest,
)
from assistant.fsutil import held_lock
from assistant.ingest.batch import JOURNAL, FileResult, now, sha256_of, tombstones, user
from assistant.ingest.batch import Batch as _Batch
from assistant.ingest.formats import FORMATS
from assistant.ingest.limits import IngestLimits
from assistant.ingest.skip import SkipFile
from assistant.journal import record_change
from assistant.schema import DocKind, DocumentInfo, Language

# A long batch saves its progress this often, so Ctrl-C or a kill loses at most this much.
_CHECKPOINT_FILES = 50
_CHECKPOINT_SECONDS = 30.0
# How often a long batch says how far it got.
_REPORT_SECONDS = 2.0
_LOCK = ".ingest.lock"
# Files a corpus folder under version control often has that are about the corpus, not in it.
_NOT_DOCUMENTS = re.compile(r"^(readme|license|licence|changelog|notice|contributing)(\.|$)", re.IGNORECASE)


class CorpusDocumentNotFoundError(CorpusError, UnknownDocumentError):
    """No document with that id is in the corpus (`remove_document`, `add_files(same_as=...)`)."""


class IngestOptionError(ValueError):
    """A `kind` or `language` given to `add_files` that no parser reads (the CLI's choices are the same)."""


def _check_options(kind: str | None, language: str | None) -> None:
    # Checked before any file is read: an unknown language used to fail deep in kind detection with a bare
    # KeyError that lost the whole batch, and an unknown kind skipped every file with the same reason.
    for name, value, allowed in (("kind", kind, get_args(DocKind)), ("language", language, get_args(Language))):
        if value is not None and value not in allowed:
            raise IngestOptionError(f"{name} must be one of {', '.join(allowed)} (None: detect it), got {value!r}")


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during `add_files`: the files finished before it are saved; `results` says which."""

    def __init__(self, results: list[FileResult]) -> None:
        super().__init__("interrupted")
        self.results = results


@dataclass(frozen=True)
class RemoveResult:
    info: DocumentInfo
    deleted_file: Path | None  # the converted text, when `add` had made it
    unlinked: tuple[str, ...]  # documents that named it with --same-as


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
    journal = corpus_dir / JOURNAL
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
    return tombstones(data)


def _pending(corpus_dir: Path) -> list[str]:
    """Names of the texts an unfinished `add` wrote (see `_recover`)."""
    try:
        names = json.loads((corpus_dir / JOURNAL).read_text(encoding="utf-8"))
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

    Raises `CorpusDocumentNotFoundError` if `same_as` names no document,
    `IngestOptionError` (a `ValueError`) for a `kind` or `language` no parser reads, before any file
    is read, and `CorpusError` if the manifest is unreadable.

    `limits` bound what one file may cost (a file over one is skipped with the
    limit and the setting to raise it). Long batches report through `progress`
    and save what they have done every `_CHECKPOINT_FILES` files or
    `_CHECKPOINT_SECONDS`; Ctrl-C saves the files finished so far and raises
    `IngestInterrupted` carrying their results. Another writer's lock is waited
    for up to `lock_wait` seconds.
    """
    _check_options(kind, language)
    corpus_dir = Path(corpus_dir)
    files, results = collect_files(paths)
    if not files:
        return results
    with corpus_lock(corpus_dir, lock_wait, progress):
        batch = _Batch(corpus_dir, max_tokens, limits or IngestLimits())
        if same_as and same_as not in batch.infos:
            raise CorpusDocumentNotFoundError(
                f"--same-as {same_as}: no such document in {corpus_dir} (see `assistant docs`)"
            )
        options = dict(same_as=same_as, kind=kind, language=language, note=note, title=title, doc_id=doc_id)
        try:
            _add_each(batch, files, results, options, progress)
        except KeyboardInterrupt:
            batch.commit()
            raise IngestInterrupted(_in_order(results, files)) from None
        batch.commit()
    return _in_order(results, files)


def _add_each(
    batch: _Batch,
    files: list[Path],
    results: list[FileResult],
    options: dict[str, Any],
    progress: Callable[[str], None] | None,
) -> None:
    """Add `files` one by one into `results`, reporting every 2 s and saving every few files or seconds."""
    last_save = last_report = time.monotonic()
    for n, path in enumerate(files, start=1):
        try:
            results.append(batch.add(path, **options))
        except SkipFile as exc:
            results.append(FileResult(path, "skipped", reason=exc.reason))
        now_ = time.monotonic()
        if progress is not None and len(files) > 1 and (now_ - last_report >= _REPORT_SECONDS or n == len(files)):
            progress(f"read {n}/{len(files)} files ({sum(r.ok for r in results)} usable) …")
            last_report = now_
        if n % _CHECKPOINT_FILES == 0 or now_ - last_save >= _CHECKPOINT_SECONDS:
            batch.commit()  # a long batch killed later keeps what it had read
            last_save = now_


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
            raise CorpusDocumentNotFoundError(f"no document {doc_id!r} in {corpus_dir} (documents: {known})")
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
            "removed_at": now(),
            "removed_by": user(),
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
