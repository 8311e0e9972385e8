"""Users' own corpora: add .txt, .md, .html, .docx and .pdf files, take documents out, list them.

`add_files` converts each file to UTF-8 text inside the corpus folder, detects
its language, kind, number and title, and records it in `manifest.json` with
its source path and checksum (and page offsets for PDFs; see
`assistant.corpus.page_of`). Bad files (encrypted or image-only PDFs, empty
files, wrong extensions, text that is not UTF-8) come back as skipped results
with a reason; the rest of the batch is added. Re-indexing afterwards only
embeds the new chunks: the index store reuses the vectors of unchanged ones.

Example:
    >>> from assistant.ingest import add_files, remove_document
    >>> for r in add_files("corpus", ["downloads/A_RES_78_265_C.pdf", "notes.doc"]):   # doctest: +SKIP
    ...     print(r.describe())
    added     downloads/A_RES_78_265_C.pdf → a-res-78-265 (zh, resolution, 6 pages, 41 chunks)
    skipped   notes.doc: unsupported file type .doc (old binary Word format: save it as .docx or PDF)
    >>> remove_document("corpus", "a-res-78-265").info.title_zh                        # doctest: +SKIP
"""

from __future__ import annotations

# `UnknownDocumentError`: the name of `CorpusDocumentNotFoundError` before it had a base shared with
# `ask`'s unknown document filter; `except UnknownDocumentError` catches what it caught before.
from assistant.corpus import UnknownDocumentError, page_of, pages_of
from assistant.ingest.detect import Description, describe, detect_document_language, detect_kind, document_id
from assistant.ingest.formats import FORMATS, Extracted, extract, sniff
from assistant.ingest.pipeline import (
    CorpusDocumentNotFoundError,
    FileResult,
    IngestOptionError,
    RemoveResult,
    add_files,
    collect_files,
    remove_document,
    untracked_files,
)
from assistant.ingest.skip import SkipFile

__all__ = [
    "FORMATS",
    "CorpusDocumentNotFoundError",
    "Description",
    "Extracted",
    "FileResult",
    "IngestOptionError",
    "RemoveResult",
    "SkipFile",
    "UnknownDocumentError",
    "add_files",
    "collect_files",
    "describe",
    "detect_document_language",
    "detect_kind",
    "document_id",
    "extract",
    "page_of",
    "pages_of",
    "remove_document",
    "sniff",
    "untracked_files",
]
