"""Every module of `assistant/` has its own test file, at the mirrored path.

`assistant/pkg/mod.py` -> `tests/pkg/test_mod.py`; `__main__.py` -> `test_main.py`; an `__init__.py`
that defines functions or classes -> `test_init.py` (one that only re-exports needs none).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "assistant"

# Modules another branch is writing or splitting right now (the answering branch: answering/*).
# The coordinator removes an entry when its branch merges with the test file, or the module is gone.
ELSEWHERE: set[str] = set()
ELSEWHERE_PACKAGES: tuple[str, ...] = ()


def expected_test(module: Path) -> Path | None:
    rel = module.relative_to(PACKAGE)
    if rel.name == "__init__.py":
        tree = ast.parse(module.read_text(encoding="utf-8"))
        if not any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in tree.body):
            return None
        return ROOT / "tests" / rel.parent / "test_init.py"
    return ROOT / "tests" / rel.parent / f"test_{rel.stem.strip('_')}.py"


def test_every_module_has_its_test_file() -> None:
    missing = []
    for module in sorted(PACKAGE.rglob("*.py")):
        rel = module.relative_to(ROOT).as_posix()
        if rel in ELSEWHERE or rel.startswith(ELSEWHERE_PACKAGES):
            continue
        target = expected_test(module)
        if target is not None and not target.is_file():
            missing.append(f"{rel} -> {target.relative_to(ROOT)}")
    assert missing == []


def test_the_mapping_mirrors_the_layout() -> None:
    assert expected_test(PACKAGE / "ingest" / "reflow.py") == ROOT / "tests" / "ingest" / "test_reflow.py"
    assert expected_test(PACKAGE / "__main__.py") == ROOT / "tests" / "test_main.py"
    assert expected_test(PACKAGE / "ui" / "__init__.py") is None  # re-exports only
    assert expected_test(PACKAGE / "__init__.py") == ROOT / "tests" / "test_init.py"
