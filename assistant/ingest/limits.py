"""Limits on what one input file may cost: bytes, unpacked bytes, compression ratio, pages, HTML depth, chunks.

Without them a 915 KB .docx that unpacks to a 300 MB document.xml took 4.7 GB
and minutes, and a 50 MB .txt became 324 000 chunks (half an hour of
embedding), both without a word. A file over a limit is skipped by name with
the limit and the setting that raises it; the rest of the batch goes on.

The values come from `Settings` (`ASSISTANT_MAX_FILE_BYTES` …); see the
ingestion-limits block in `assistant/settings.py` for the defaults and why.

Example:
    >>> from assistant.ingest.skip import SkipFile
    >>> try:
    ...     IngestLimits(max_pages=10).check("max_pages", 12, "the PDF has 12 pages")
    ... except SkipFile as exc:
    ...     print(exc.reason)
    the PDF has 12 pages, over the limit of 10 (max_pages; raise it with ASSISTANT_MAX_PAGES=…)
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from assistant.ingest.skip import SkipFile

if TYPE_CHECKING:
    from assistant.settings import Settings

# Parts smaller than this are not ratio-checked: small XML parts legitimately compress 50:1 and more.
RATIO_MIN_BYTES = 1_000_000


@dataclass(frozen=True)
class IngestLimits:
    """Per-file ceilings for ingestion (defaults as in `Settings`)."""

    max_file_bytes: int = 100_000_000
    max_decompressed_bytes: int = 200_000_000
    max_compression_ratio: float = 100.0
    max_pages: int = 3000
    max_chunks_per_document: int = 20_000
    max_html_depth: int = 1000

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestLimits:
        return cls(**asdict(settings.limits))  # the same fields: the settings group is their one source

    def check(self, name: str, value: float, what: str) -> None:
        """`SkipFile` saying `what` is over limit `name` and how to raise it, if `value` exceeds it."""
        limit = getattr(self, name)
        if value > limit:
            shown = human_size(limit) if name.endswith("_bytes") else f"{limit:g}"
            raise SkipFile(f"{what}, over the limit of {shown} ({name}; raise it with ASSISTANT_{name.upper()}=…)")

    def check_zip(self, archive: zipfile.ZipFile, kind: str = ".docx") -> None:
        """Refuse a zip bomb before anything is unpacked: total declared size, and each large part's ratio.

        The declared sizes bound what is unpacked: Python's zipfile stops
        reading a member at its declared size and checks its CRC there.
        """
        infos = archive.infolist()
        total = sum(i.file_size for i in infos)
        self.check("max_decompressed_bytes", total, f"the {kind} unpacks to {human_size(total)}")
        for info in infos:
            if info.file_size >= RATIO_MIN_BYTES:
                ratio = info.file_size / max(1, info.compress_size)
                self.check(
                    "max_compression_ratio",
                    ratio,
                    f"its part {info.filename} is compressed {ratio:.0f}:1 ({human_size(info.file_size)} unpacked; "
                    "a zip bomb?)",
                )

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def human_size(n: float) -> str:
    """A byte count for people: 915 KB, 52.4 MB, 1.2 GB."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{int(n)} bytes"


def estimated_min_chunks(text: str, max_tokens: int) -> int:
    """A lower bound on how many chunks `text` makes, without chunking it.

    A token is at most ~6 characters of English (and ~1 of Chinese), and no
    chunk holds more than `max_tokens`: a 50 MB text can be refused at once
    instead of after minutes of chunking.
    """
    return len(text) // (6 * max_tokens)


_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
# Elements that never nest (void) or whose end tag HTML lets authors omit: counting an unclosed
# <p> or <li> as nesting would refuse ordinary pages.
_NOT_NESTING = frozenset(
    b"area base br col embed hr img input link meta param source track wbr "
    b"p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp".split()
)


def html_depth(raw: bytes) -> int:
    """How deep an HTML document's elements nest, from a scan of its tags (no parsing).

    Example:
        >>> html_depth(b"<html><body><div><p>one<p>two<br></div></body></html>")
        3
    """
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(raw):
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest
