"""No module over 600 lines and no function over 60 lines, unless its docstring says why.

The reason is one docstring line starting "Long because:" (a module's docstring for
the module, a function's for the function). Read with `ast`, so every function counts,
including ones no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
REASON = "Long because:"


def _has_reason(node: ast.AST) -> bool:
    doc = (
        ast.get_docstring(node)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        else None
    )
    return bool(doc) and any(
        line.strip().startswith(REASON) and len(line.strip()) > len(REASON) + 3 for line in doc.splitlines()
    )


def _functions(tree: ast.Module):
    """(qualified name, node) of every function and method, nested ones too."""
    todo: list[tuple[str, ast.AST]] = [("", tree)]
    while todo:
        prefix, parent = todo.pop()
        for node in ast.iter_child_nodes(parent):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{node.name}"
                if not isinstance(node, ast.ClassDef):
                    yield name, node
                todo.append((name + ".", node))
            elif not isinstance(node, ast.expr):
                todo.append((prefix, node))


def offenders(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package.parent).as_posix()
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES and not _has_reason(tree):
            found.append(f"{rel}: {lines} lines")
        for name, node in _functions(tree):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES and not _has_reason(node):
                found.append(f"{rel}:{name}: {length} lines")
    return found


def test_no_long_modules_or_functions_without_a_reason() -> None:
    assert offenders() == []


def test_the_reader_finds_long_code_and_accepts_a_reason(tmp_path: Path) -> None:
    package = tmp_path / "assistant"
    package.mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    (package / "long.py").write_text(
        f"class C:\n    def method(self):\n    {body.replace(chr(10), chr(10) + '    ')}\n", encoding="utf-8"
    )
    (package / "ok.py").write_text(
        f'def f():\n    """Does a thing.\n\n    {REASON} one table of cases.\n    """\n{body}\n', encoding="utf-8"
    )
    (package / "big.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert offenders(package) == ["assistant/big.py: 601 lines", "assistant/long.py:C.method: 61 lines"]
