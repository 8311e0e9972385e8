"""Reading a build folder: the manifest, file checks, chunks and BM25 that every backend loads alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from assistant.index.manifest import (
    BM25,
    CHUNKS,
    GLOSS,
    AssistantIndexError,
    IndexCorruptError,
    IndexManifest,
    IndexMissingError,
    IndexStaleError,
    check_manifest,
    current_build,
    read_chunks,
    read_manifest,
    sha256,
)
from assistant.lexical import BM25Index, LexicalFormatError, LexicalIndexError
from assistant.schema import Chunk

T = TypeVar("T")


@dataclass(frozen=True)
class Expected:
    """What the configuration expects of the live build; None means "do not check"."""

    model: str | None = None
    corpus_hash: str | None = None
    chunker_version: str | None = None
    gloss_tokenizer: str | None = None
    backend: str | None = None
    verify_checksums: bool = True


@dataclass
class BuildFiles:
    """The backend-independent part of a loaded build."""

    folder: Path
    manifest: IndexManifest
    chunks: list[Chunk]
    lexical: BM25Index
    gloss: BM25Index | None


def guarded(index_dir: Path, load: Callable[[], T]) -> T:
    """Run `load`, turning any unexpected failure into `IndexCorruptError` naming the index folder."""
    try:
        return load()
    except AssistantIndexError:
        raise
    except (OSError, ValueError, TypeError, KeyError, AttributeError, EOFError, RuntimeError) as exc:
        raise IndexCorruptError(
            f"{index_dir}: the index cannot be read ({type(exc).__name__}: {str(exc)[:160]}). Run `assistant index`."
        ) from exc


def live_manifest(index_dir: Path, expected: Expected) -> tuple[Path, IndexManifest]:
    """The live build folder and its manifest, checked against `expected` (missing/stale/corrupt errors)."""
    folder = current_build(index_dir)
    if folder is None:
        raise IndexMissingError(f"no index in {index_dir}. Run `assistant index` to build it.")
    if not folder.is_dir():
        raise IndexCorruptError(
            f"{folder}: the build named in {index_dir / 'CURRENT'} is missing. Run `assistant index`."
        )
    manifest = read_manifest(folder)
    reasons = check_manifest(
        manifest, model=expected.model, corpus_hash=expected.corpus_hash, chunker_version=expected.chunker_version
    )
    if expected.backend is not None and manifest.backend != expected.backend:
        # `assistant index` then moves the index, reusing its vectors (see assistant.index.builder).
        # Most often the user built with `--backend X` and forgot the setting on the next command: say both ways out.
        reasons.append(
            f"built for the {manifest.backend} backend, configured {expected.backend} (to use it as built, pass "
            f"--backend {manifest.backend} or set ASSISTANT_BACKEND={manifest.backend}; `assistant index` moves it "
            f"to {expected.backend} without re-embedding)"
        )
    if reasons:
        raise IndexStaleError(reasons)
    return folder, manifest


LiveBuild = tuple[Path, IndexManifest]


def read_build(index_dir: Path, expected: Expected, live: LiveBuild | None = None) -> BuildFiles:
    """The live build's manifest, verified files, chunks and BM25 indexes.

    `live` is the build folder and manifest `live_manifest` already returned, when the caller read
    them to choose the backend: the files then come from that very build, not from whichever one
    CURRENT names by now.
    """
    folder, manifest = live or live_manifest(index_dir, expected)
    for rel, entry in manifest.files.items():
        path = folder / rel
        if not path.is_file():
            raise IndexCorruptError(f"{path}: missing index file. Run `assistant index`.")
        if path.stat().st_size != entry["bytes"]:
            raise IndexCorruptError(
                f"{path}: {path.stat().st_size} bytes, the manifest says {entry['bytes']} (truncated?). "
                "Run `assistant index`."
            )
        if expected.verify_checksums and sha256(path) != entry["sha256"]:
            raise IndexCorruptError(f"{path}: checksum does not match the manifest (corrupt). Run `assistant index`.")
    chunks = read_chunks(folder / CHUNKS)
    try:
        lexical = BM25Index.load(folder / BM25)
        gloss = BM25Index.load(folder / GLOSS, tokenizer=None) if (folder / GLOSS).is_dir() else None
    except LexicalFormatError as exc:  # an intact index from an older version: stale, not damaged
        raise IndexStaleError([str(exc).removesuffix("; rebuild the index")]) from exc
    except LexicalIndexError as exc:
        raise IndexCorruptError(f"{exc}. Run `assistant index`.") from exc
    want = expected.gloss_tokenizer
    if want and (gloss is None or gloss.tokenizer != want):
        built = f"with gloss field {gloss.tokenizer!r}" if gloss else "without the dictionary gloss field"
        raise IndexStaleError([f"built {built}, configured {want!r}"])
    return BuildFiles(folder=folder, manifest=manifest, chunks=chunks, lexical=lexical, gloss=gloss)
