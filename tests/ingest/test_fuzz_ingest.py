"""Property-based fuzzing of ingestion (hypothesis): malformed PDF, DOCX, HTML and text never crash a batch,
and ingestion never grows the process by more than `MEMORY_LIMIT_MB`.

Each example writes one to three files made from a valid document of its format and then damaged:
truncated, bytes flipped, garbage prepended, re-encoded (GB18030, UTF-16, Latin-1), a DOCX with a
zip-bomb part, a PDF with a lying stream length, HTML nested 50 000 deep, a 2 MB line without a break.
`add_files` must return one result per file (added, or skipped with a reason) and never raise.

Memory is measured in a fresh child process (peak RSS after the imports vs. at the end), so what
other tests loaded does not hide or inflate it.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
# The ceiling on peak RSS growth while ingesting all examples. Without the limits, one of the
# generated DOCX bombs (300 MB unpacked) alone took 4.7 GB in the reproduction.
MEMORY_LIMIT_MB = 300
CI_EXAMPLES = 30

TEXT_EN = (
    "Draft new resolution\n\ninstructs the Secretary-General\n\n"
    "1\tto report to Council every year on AI activities;\n2\tto cooperate with Member States.\n"
)
TEXT_ZH = "第[EUR-2]号新决议草案\n\n责成秘书长\n\n1\t每年向理事会报告人工智能问题的任何活动；\n"


def _valid(kind: str, text: str, folder: Path) -> bytes:
    from tests.samples import write_docx, write_html, write_pdf

    lines = [line for line in text.splitlines() if line.strip()]
    path = folder / f"valid.{kind}"
    if kind == "pdf":
        write_pdf(path, [lines])
    elif kind == "docx":
        write_docx(path, lines)
    elif kind == "html":
        write_html(path, lines[0], lines[1:])
    else:
        path.write_text(text, encoding="utf-8")
    return path.read_bytes()


def _bomb_docx(valid: bytes, unpacked_mb: int) -> bytes:
    """The valid DOCX with word/document.xml replaced by `unpacked_mb` MB of one repeated paragraph."""
    out = io.BytesIO()
    block = b"<w:p><w:r><w:t>ha</w:t></w:r></w:p>" * 30_000  # ~1 MB
    with zipfile.ZipFile(io.BytesIO(valid)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
        with dst.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(unpacked_mb):
                f.write(block)
    return out.getvalue()


MUTATIONS = ["none", "truncate", "flip", "prepend", "reencode", "bomb", "lying-length", "deep-html", "long-line"]


@st.composite
def damaged_file(draw: st.DrawFn) -> tuple[str, str, bytes]:
    kind = draw(st.sampled_from(["pdf", "docx", "html", "txt", "md"]))
    text = draw(st.sampled_from([TEXT_EN, TEXT_ZH]))
    mutation = draw(st.sampled_from(MUTATIONS))
    with tempfile.TemporaryDirectory() as tmp:
        data = _valid(kind, text, Path(tmp))
    if mutation == "truncate":
        data = data[: draw(st.integers(0, max(0, len(data) - 1)))]
    elif mutation == "flip":
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 20))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        data = bytes(raw)
    elif mutation == "prepend":
        data = draw(st.binary(min_size=1, max_size=64)) + data
    elif mutation == "reencode":
        encoding = draw(st.sampled_from(["gb18030", "utf-16", "latin-1"]))
        data = text.encode(encoding, errors="replace")
    elif mutation == "bomb" and kind == "docx":
        data = _bomb_docx(data, draw(st.sampled_from([5, 40, 300])))
    elif mutation == "lying-length" and kind == "pdf":
        data = data.replace(b"/Length ", b"/Length 9999999", 1)
    elif mutation == "deep-html" and kind == "html":
        data = b"<html><body>" + b"<div>" * 50_000 + text.encode() + b"</body></html>"
    elif mutation == "long-line":
        data = ("Member States " * 150_000).encode()  # ~2 MB, no line break
    return kind, mutation, data


def fuzz_ingestion(max_examples: int) -> dict[str, int]:
    """Run the property over `max_examples` batches; returns how many files ended added/skipped."""
    from assistant.ingest import add_files
    from assistant.ingest.limits import IngestLimits

    counts = {"added": 0, "skipped": 0, "unchanged": 0, "updated": 0}

    @settings(max_examples=max_examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(damaged_file(), min_size=1, max_size=3))
    def batch_never_crashes(files: list[tuple[str, str, bytes]]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            inbox = Path(tmp) / "inbox"
            inbox.mkdir()
            paths = []
            for n, (kind, mutation, data) in enumerate(files):
                path = inbox / f"f{n}-{mutation}.{kind}"
                path.write_bytes(data)
                paths.append(path)
            results = add_files(Path(tmp) / "corpus", paths, limits=IngestLimits())
            assert [r.path for r in results] == paths
            for r in results:
                assert r.ok or r.reason, r
                counts[r.status] += 1

    batch_never_crashes()
    return counts


def _child(max_examples: int) -> None:
    """In a fresh process: import everything, note the peak RSS, fuzz, report the growth as JSON."""
    import assistant.ingest
    import assistant.ingest.formats  # noqa: F401

    fuzz_ingestion(2)  # warm-up: the readers' own imports and caches are not ingestion cost
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = fuzz_ingestion(max_examples)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"baseline_mb": baseline, "peak_mb": peak, "growth_mb": peak - baseline, **counts}))


def test_malformed_files_never_crash_a_batch_or_exceed_the_memory_limit() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", f"from tests.ingest.test_fuzz_ingest import _child; _child({CI_EXAMPLES})"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["growth_mb"] < MEMORY_LIMIT_MB, report
    assert report["added"] and report["skipped"], report  # the generator makes both kinds
