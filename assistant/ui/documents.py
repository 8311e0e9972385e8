"""The Documents tab's work, without Gradio: list the library, add uploaded files, remove one, preview its clauses.

Adding and removing go through the same pipeline as `assistant add` and
`assistant remove` (`assistant.ingest`, with its limits), then rebuild the
index the way the CLI does (only new chunks are embedded). Uploaded files are
kept in `<corpus>/uploads/` so that every citation can still be checked
against the original, and are deleted with their document.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import html
import shutil
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.alignment import find_pairs
from assistant.chunking import chunk_document
from assistant.corpus import MANIFEST_NAME, read_manifest
from assistant.ingest import FORMATS, FileResult, add_files, remove_document
from assistant.ingest.limits import IngestLimits
from assistant.schema import Chunk, Document, DocumentInfo

if TYPE_CHECKING:
    from assistant.api import Assistant

UPLOADS = "uploads"
LIBRARY_COLUMNS = ["Document · 文件", "ID", "Language · 语言", "Kind · 类型", "Clauses · 条款数", "Source · 来源",
                   "Added · 添加日期", "Other language · 其他语言版本"]  # fmt: skip
PREVIEW_COLUMNS = ["Section · clause · 章节 · 条款", "Kind · 类型", "Tokens", "Text · 原文"]
_KIND = {"resolution": "resolution · 决议", "article": "news item · 新闻稿"}
_LANG = {"zh": "中文 Chinese", "en": "English 英文"}

Progress = Callable[[float, str], None]


def list_documents(corpus_dir: Path) -> list[DocumentInfo]:
    """The manifest's documents; [] for a corpus folder without one."""
    return read_manifest(corpus_dir) if (corpus_dir / MANIFEST_NAME).is_file() else []


def chunk_counts(documents: Mapping[str, Document], max_tokens: int, indexed: Sequence[Chunk] = ()) -> Counter[str]:
    """Clauses per document: from the loaded index when there is one, else by chunking (cheap for a few documents)."""
    if indexed:
        return Counter(c.doc_id for c in indexed)
    return Counter({doc_id: len(chunk_document(doc, max_tokens)) for doc_id, doc in documents.items()})


def library_rows(infos: Sequence[DocumentInfo], counts: Mapping[str, int], corpus_dir: Path) -> list[list[object]]:
    """One row per document: title, id, language, kind, clauses, source, date added, its other-language version."""
    linked: dict[str, list[str]] = {}
    for pair in find_pairs(infos):
        linked.setdefault(pair.a, []).append(pair.b)
        linked.setdefault(pair.b, []).append(pair.a)
    rows = []
    for info in infos:
        rows.append(
            [
                info.title(info.language) or info.id,
                info.id,
                _LANG.get(info.language, info.language),
                _KIND.get(info.kind, info.kind),
                counts.get(info.id, ""),  # "" until the index is loaded
                info.source or info.source_path or info.path,
                _added(corpus_dir / info.path),
                " ".join(f"⇄ {other}" for other in linked.get(info.id, [])),
            ]
        )
    return rows


def library_html(rows: Sequence[Sequence[object]]) -> str:
    """The library as an HTML table (escaped): a plain table reads better than a grid for a handful of documents."""
    if not rows:
        return '<div class="cite-empty">No documents yet. · 尚无文件。</div>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in LIBRARY_COLUMNS)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            text = "…" if value == "" and i == 4 else html.escape(str(value))
            cls = ' class="lib-id"' if i == 1 else (' class="lib-num"' if i == 4 else "")
            cells.append(f"<td{cls}>{text}</td>")
        body.append(f'<tr data-doc="{html.escape(str(row[1]))}">{"".join(cells)}</tr>')
    table = f'<table class="library"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    return f'<div class="library-wrap">{table}</div>'


def _added(path: Path) -> str:
    # The manifest records no date; the stored text is written when the document is added (or updated).
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    except OSError:
        return ""


def preview_rows(document: Document, max_tokens: int) -> list[list[object]]:
    """How `document` is split into citable clauses: the same view as `assistant chunks --doc ID`."""
    return [
        [c.display_label(), c.kind, c.tokens, c.text.replace("\n", " ")] for c in chunk_document(document, max_tokens)
    ]


@dataclass(frozen=True)
class UploadReport:
    results: tuple[FileResult, ...]
    indexed: bool

    @property
    def changed(self) -> tuple[str, ...]:
        return tuple(r.doc_id for r in self.results if r.status in ("added", "updated"))

    def markdown(self) -> str:
        """One line per file: what it became, or why it was skipped."""
        lines = []
        for r in self.results:
            name = r.path.name
            if r.status == "skipped":
                lines.append(f"- ❌ **{name}** skipped · 已跳过: {r.reason}")
            elif r.status == "unchanged":
                lines.append(f"- ➖ **{name}** unchanged · 未变: {r.reason}")
            else:
                facts = [r.info.language, r.info.kind] if r.info else []
                facts.append(f"{r.chunks} clauses · 条款")
                verb = "added · 已添加" if r.status == "added" else "updated · 已更新"
                lines.append(f"- ✅ **{name}** {verb} as `{r.doc_id}` ({', '.join(facts)})")
                lines.extend(f"  - note: {note}" for note in r.notes)
        if not lines:
            lines.append(f"No files to add. Supported · 支持的格式: {', '.join(sorted(FORMATS))}")
        elif self.indexed:
            lines.append("\nThe index is up to date; you can ask about them now. · 索引已更新，现在即可提问。")
        return "\n".join(lines)


def add_uploads(assistant: Assistant, paths: Sequence[str | Path], progress: Progress | None = None) -> UploadReport:
    """Add uploaded files to the corpus (convert → chunk), then index (embed → index). Bad files are skipped, named.

    Files are copied into `<corpus>/uploads/` first: Gradio's temporary upload
    folder is cleaned up, and the manifest should name a source that stays.
    """
    say = progress or (lambda _f, _m: None)
    settings = assistant.settings
    corpus_dir = settings.corpus_dir
    files = [Path(p) for p in paths if p]
    results: list[FileResult] = []
    for i, path in enumerate(files):
        say(0.5 * i / max(len(files), 1), f"Converting and splitting {path.name} · 转换并切分")
        copy = _keep_upload(corpus_dir, path)
        results_of_file = add_files(
            corpus_dir,
            [copy],
            max_tokens=settings.max_chunk_tokens,
            limits=IngestLimits.from_settings(settings),  # the same limits as `assistant add`
            lock_wait=settings.lock_wait_seconds,  # a CLI run holding the corpus: wait, as it would
        )
        for r in results_of_file:
            # Name the file as the user uploaded it, not our copy; drop copies that were not used.
            results.append(_renamed(r, path.name))
            if r.status in ("skipped",) or (r.status == "unchanged" and copy != path):
                _discard_copy(corpus_dir, copy)
    changed = any(r.status in ("added", "updated") for r in results)
    if changed:
        say(0.5, "Embedding and indexing · 向量化并建立索引")
        assistant.build_index(progress=lambda msg: say(0.75, msg))
        say(1.0, "Done · 完成")
    return UploadReport(tuple(results), indexed=changed)


def _keep_upload(corpus_dir: Path, path: Path) -> Path:
    folder = corpus_dir / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    n = 1
    while target.exists():
        if filecmp.cmp(target, path, shallow=False):
            return target  # the same file again: the pipeline reports it unchanged
        n += 1
        target = folder / f"{path.stem}-{n}{path.suffix}"
    shutil.copyfile(path, target)
    return target


def _discard_copy(corpus_dir: Path, copy: Path) -> None:
    in_use = {info.source_path for info in list_documents(corpus_dir)}
    if copy.parent == corpus_dir / UPLOADS and f"{UPLOADS}/{copy.name}" not in in_use:
        copy.unlink(missing_ok=True)


def _renamed(result: FileResult, name: str) -> FileResult:
    from dataclasses import replace

    return replace(result, path=Path(name))


def remove(assistant: Assistant, doc_id: str) -> str:
    """Take `doc_id` out of the corpus (and its uploaded original) and re-index; a line saying what happened."""
    settings = assistant.settings
    removed = remove_document(settings.corpus_dir, doc_id, lock_wait=settings.lock_wait_seconds)
    source = removed.info.source_path
    if source.startswith(f"{UPLOADS}/"):
        (settings.corpus_dir / source).unlink(missing_ok=True)
    # Rebuilt even when nothing is left: the loaded index would otherwise go on citing the removed text.
    assistant.build_index()
    done = "The index is updated. · 索引已更新。"
    if not list_documents(settings.corpus_dir):
        done = "The library is now empty. · 文件库已清空。"
    title = removed.info.title(removed.info.language) or doc_id
    unlinked = (
        f" {', '.join(removed.unlinked)} is no longer marked as its language version." if removed.unlinked else ""
    )
    return f"Removed · 已删除 **{title}** (`{doc_id}`).{unlinked} {done}"
