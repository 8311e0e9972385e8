"""No block of six or more code lines stands twice in the package.

A line is compared stripped of indentation; blank lines and comment lines are
skipped. A window counts when at least five of its six lines carry more than
punctuation (so runs of closing brackets or lone docstring quotes do not pair).
The library's `duplicates` tool also finds same-shape pairs (alike but for names
and values); this test holds the line against exact copies, which need no tool.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
WINDOW = 6
SUBSTANTIVE = 5  # of the six lines
THIN = 3  # characters: `)`, `"""`, `],` …


def _code_lines(source: str) -> list[tuple[int, str]]:
    stripped = ((n, line.strip()) for n, line in enumerate(source.splitlines(), 1))
    return [(n, line) for n, line in stripped if line and not line.startswith("#")]


def repeated_blocks(package: Path = PACKAGE) -> list[str]:
    """'a.py:10 = b.py:40' for each window of code lines found in two places."""
    seen: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path in sorted(package.rglob("*.py")):
        lines = _code_lines(path.read_text(encoding="utf-8"))
        rel = path.relative_to(package.parent).as_posix()
        for k in range(len(lines) - WINDOW + 1):
            window = tuple(text for _, text in lines[k : k + WINDOW])
            if sum(len(text) > THIN for text in window) >= SUBSTANTIVE:
                seen[window].append(f"{rel}:{lines[k][0]}")
    return [" = ".join(places) for places in seen.values() if len(places) > 1]


def test_no_block_of_six_code_lines_is_repeated_in_the_package() -> None:
    assert repeated_blocks() == []


def test_the_reader_finds_a_copied_block_and_ignores_thin_lines(tmp_path: Path) -> None:
    package = tmp_path / "assistant"
    package.mkdir()
    block = "\n".join(f"    total += weight_{i} * value_{i}" for i in range(WINDOW))
    (package / "a.py").write_text(f"def f():\n{block}\n", encoding="utf-8")
    (package / "b.py").write_text(f"def g():\n    # a comment\n\n{block}\n", encoding="utf-8")
    (package / "c.py").write_text("x = [\n" + "    ),\n" * 8 + "]\ny = [\n" + "    ),\n" * 8 + "]\n", encoding="utf-8")
    assert repeated_blocks(package) == ["assistant/a.py:2 = assistant/b.py:4"]
