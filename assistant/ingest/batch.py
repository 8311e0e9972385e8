"""One `add_files` batch: the manifest being edited, the texts written, and what happened to each file.

`pipeline.add_files` drives a `Batch` over the files; this module holds the
per-file work (dedupe, convert, describe, choose the id, chunk, register) and
the records it reports (`FileResult`).
"""

from __future__ import annotations

import getpass
import json
import os
import warnings
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.chunking import chunk_document
from assistant.corpus import (
    CorpusError,
    manifest_entry,
    read_manifest,
    read_manifest_data,
    read_text_strict,
    write_manifest,
)
from assistant.fsutil import sha256
from assistant.ingest.detect import Description, describe, document_id, normalise_number
from assistant.ingest.formats import Extracted, extract
from assistant.ingest.limits import IngestLimits, estimated_min_chunks, human_size
from assistant.ingest.skip import SkipFile
from assistant.journal import record_change
from assistant.schema import Document, DocumentInfo, Language

Status = Literal["added", "updated", "unchanged", "skipped"]
# Names the texts an unfinished batch wrote, so the next writer deletes them (see `pipeline.corpus_lock`).
JOURNAL = ".ingest-pending.json"
# Manifest fields a person may have curated by hand; re-adding a removed document keeps them.
CURATED = ("title_en", "title_zh", "note", "source", "date_printed", "doc_number", "same_as")


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


def sha256_of(path: Path) -> str:
    """A file's checksum as the corpus manifest records it: "sha256:<hex>"."""
    return f"sha256:{sha256(path)}"


def tombstones(data: Any) -> list[dict[str, Any]]:
    """The well-formed tombstones of a manifest object; anything else under "removed" is ignored."""
    removed = data.get("removed", []) if isinstance(data, dict) else []
    if not isinstance(removed, list):
        return []
    return [t for t in removed if isinstance(t, dict) and isinstance(t.get("entry"), dict)]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return f"uid {os.getuid()}"


class Batch:
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
        self.tombstones: list[dict[str, Any]] = tombstones(self.data)
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
        """Convert `path` and register it (or say why nothing changed); `SkipFile` for a file that cannot be added."""
        source = self._source_key(path)
        try:
            checksum = sha256_of(path)
        except OSError as exc:
            raise SkipFile(f"cannot read it: {exc.strerror or exc}") from exc
        existing, same_content = self._find(source, checksum)
        known = self._already_known(path, source, checksum, existing, same_content)
        if known is not None:
            return known
        in_place = path.suffix.lower() in (".txt", ".text") and not Path(source).is_absolute()
        tomb = None if existing else self._tombstone(source, checksum)
        if tomb is not None and in_place and tomb["entry"].get("path") == source:
            return self._restore(path, tomb)
        extracted = self._read(path, in_place, options["language"])
        self._check_length(extracted.text)  # before detection, which reads the whole text
        described = describe(
            extracted.text,
            language=options["language"] or extracted.language,
            kind=options["kind"],
            title_hint=extracted.title,
        )
        notes = [*extracted.notes, *described.notes]
        doc_number = self._linked_number(described.language, described.doc_number, options["same_as"], notes)
        new_id = self._choose_id(path, described.language, doc_number, existing, tomb, options)
        if in_place:
            rel = source
        else:
            # An update writes a new text and deletes the old one only once the manifest
            # names the new one: killed in between, the old manifest still matches its text.
            rel = self._text_name(new_id, described.language)
            if existing and existing.path != existing.source_path:
                self.replaced.append(existing.path)
        fields = {"id": new_id, "path": rel, "doc_number": doc_number, "source_path": source, "checksum": checksum}
        info = self._info(path, described, extracted, existing, options, fields)
        if tomb is not None:
            info = self._with_curated(info, tomb, options)
        chunks, chunk_notes = self._chunk(info, extracted.text)
        if not in_place:
            self._write_text(rel, extracted.text)
        self._register(info, existing)
        status = "updated" if existing else "added"
        return FileResult(path, status, new_id, notes=tuple(notes + chunk_notes), info=info, chunks=chunks)

    def _already_known(
        self,
        path: Path,
        source: str,
        checksum: str,
        existing: DocumentInfo | None,
        same_content: DocumentInfo | None,
    ) -> FileResult | None:
        """An "unchanged" result when the file (or its content, or its stored text) is already listed."""
        stored = self._texts.get(source)
        if stored and stored is not existing:  # e.g. `assistant add corpus/`: the texts `add` wrote itself
            return FileResult(path, "unchanged", stored.id, reason=f"the stored text of {stored.id}")
        if existing and (existing.checksum == checksum or (not existing.checksum and existing.path == source)):
            return FileResult(path, "unchanged", existing.id, reason=f"already in the corpus as {existing.id}")
        if same_content and same_content is not existing:
            return FileResult(path, "unchanged", same_content.id, reason=f"same content as {same_content.id}")
        return None

    def _read(self, path: Path, in_place: bool, language: Language | None) -> Extracted:
        """The file's text: a text file inside the corpus folder as it is, anything else converted."""
        if not in_place:
            return extract(path, language, self.limits)
        # A text file already in the corpus folder is used where it is: offsets then
        # point into the user's own file, and nothing is duplicated.
        size = path.stat().st_size
        self.limits.check("max_file_bytes", size, f"the file is {human_size(size)}")
        try:
            text = read_text_strict(path)
        except CorpusError as exc:
            raise SkipFile(plain_reason(str(exc), path)) from exc
        return Extracted(text=text, format="text")

    def _linked_number(self, lang: Language, doc_number: str, same_as: str, notes: list[str]) -> str:
        """The document number, taken from the `same_as` document when the file has none; notes any mismatch."""
        if not same_as:
            return doc_number
        target = self.infos[same_as]
        if target.language == lang:
            notes.append(f"--same-as {same_as}: both are in {lang}; not linked as language versions")
        if not doc_number:
            return target.doc_number  # language versions share their number
        if target.doc_number and normalise_number(target.doc_number) != normalise_number(doc_number):
            notes.append(f"its number {doc_number} differs from {same_as}'s {target.doc_number}")
        return doc_number

    def _choose_id(
        self,
        path: Path,
        lang: Language,
        doc_number: str,
        existing: DocumentInfo | None,
        tomb: dict[str, Any] | None,
        options: dict[str, Any],
    ) -> str:
        """The id: kept on update, restored on re-add, given by --id, else made from number, language and name."""
        if existing:
            return existing.id
        if tomb is not None and not options["doc_id"] and tomb["id"] not in self.infos:
            return tomb["id"]  # re-added: the id citations and links used before
        new_id = options["doc_id"]
        if new_id:
            if new_id in self.infos:
                raise SkipFile(f"--id {new_id}: a document with that id exists (remove it first)")
            if any(ch in new_id for ch in "/# \t") or new_id.startswith("."):
                raise SkipFile(f"--id {new_id!r}: ids may not contain '/', '#', spaces or start with '.'")
            return new_id
        return document_id(
            doc_number,
            lang,
            path.name,
            self.infos,
            other_versions=self._versions(doc_number) if doc_number else (),
            same_as=options["same_as"],
        )

    def _info(
        self,
        path: Path,
        described: Description,
        extracted: Extracted,
        existing: DocumentInfo | None,
        options: dict[str, Any],
        fields: dict[str, Any],
    ) -> DocumentInfo:
        """The manifest record of an added or updated file; an update keeps the other language's title and the note."""
        lang = described.language
        title = options["title"] or described.title
        return DocumentInfo(
            language=lang,
            kind=described.kind,
            title_en=title if lang == "en" else (existing.title_en if existing else ""),
            title_zh=title if lang == "zh" else (existing.title_zh if existing else ""),
            source=f"added from {path.name} ({extracted.format})",
            note=options["note"] or (existing.note if existing else ""),
            pages=extracted.pages,
            same_as=options["same_as"] or (existing.same_as if existing else ""),
            added_by=user(),
            added_at=now(),
            **fields,
        )

    def _with_curated(self, info: DocumentInfo, tomb: dict[str, Any], options: dict[str, Any]) -> DocumentInfo:
        """Re-adding a removed document restores what was curated by hand, unless given again now."""
        old_entry = tomb["entry"]
        given = {"title_en": options["title"], "title_zh": options["title"], "note": options["note"]}
        curated = {k: old_entry[k] for k in CURATED if old_entry.get(k) and not given.get(k)}
        if curated.get("same_as") and (curated["same_as"] not in self.infos or options["same_as"]):
            curated.pop("same_as")
        self._bury(tomb)
        return replace(info, **curated)

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
            raise SkipFile(plain_reason(str(exc), self.corpus_dir / info.path)) from exc
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
        tmp = self.corpus_dir / f"{JOURNAL}.tmp"
        tmp.write_text(json.dumps(names), encoding="utf-8")
        os.replace(tmp, self.corpus_dir / JOURNAL)

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
        (self.corpus_dir / JOURNAL).unlink(missing_ok=True)
        self.written, self.replaced, self.changed_ids, self.changed = [], [], [], False


def plain_reason(message: str, path: Path) -> str:
    """A corpus error about `path` without the path (the result line names it already)."""
    return message.split(f"{path}: ", 1)[-1] if f"{path}: " in message else message
