"""Layering, read from the source: imports only point downwards (DESIGN.md, "Layout").

Imports are read with `ast`, not by importing the package, so a violation is found
even in code no test runs (a function-level import, a rarely used command).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
# The two faces, and what may import them: each other and `python -m assistant`.
FACES = ("assistant.cli", "assistant.ui")
FACE_MODULES = ("assistant.__main__", *FACES)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _lazy_exports() -> dict[str, str]:
    """`from assistant import Assistant` loads `assistant.api` through the package's lazy `_EXPORTS`."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "_EXPORTS" for t in node.targets):
            return ast.literal_eval(node.value)
    return {}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Ids of import nodes inside `if TYPE_CHECKING:` (never executed, so no runtime dependency)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return inside


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent / Path(*dotted.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def imports_of(path: Path, *, runtime_only: bool = False) -> set[str]:
    """The `assistant` modules a file imports anywhere in it (module level or inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree) if runtime_only else set()
    exports = _lazy_exports()
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                if base == "assistant" and alias.name in exports:
                    found.add(exports[alias.name])
                elif _is_module(f"{base}.{alias.name}"):
                    found.add(f"{base}.{alias.name}")  # a submodule: `from assistant.ui import app`
                else:
                    found.add(base)
    return {m for m in found if m == "assistant" or m.startswith("assistant.")}


def import_graph(*, runtime_only: bool = False) -> dict[str, set[str]]:
    return {module_name(p): imports_of(p, runtime_only=runtime_only) for p in sorted(PACKAGE.rglob("*.py"))}


def _is(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_import_reader_sees_known_imports():
    # Guards the reader itself: a test that finds nothing would pass for the wrong reason.
    graph = import_graph()
    assert "assistant.evaluation.metrics" in graph and "assistant.cli" in graph
    assert "assistant.api" in graph["assistant.cli"]  # `from assistant import Assistant`, a lazy export
    assert "assistant.ui" in graph["assistant.cli"]  # `from assistant.ui import serve`, inside a function
    assert "assistant.chain" in graph["assistant.api"]  # a function-level import
    assert "assistant.settings" in graph["assistant.ingest.limits"]  # only under TYPE_CHECKING ...
    assert "assistant.settings" not in import_graph(runtime_only=True)["assistant.ingest.limits"]  # ... not at runtime


def test_nothing_below_the_faces_imports_them():
    offenders = {
        module: sorted(m for m in imported if _is(m, FACES))
        for module, imported in import_graph().items()
        if not _is(module, FACE_MODULES)
    }
    assert {m: v for m, v in offenders.items() if v} == {}


def test_evaluation_metrics_stay_pure():
    # The metrics are reused without models or an index: nothing they load may reach the Assistant.
    graph = import_graph(runtime_only=True)
    seen, todo = set(), ["assistant.evaluation.metrics"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    assert "assistant.api" not in seen and not any(_is(m, FACES) for m in seen), sorted(seen)


def reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    """The modules `start` imports, directly or through others."""
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return seen


def test_the_chain_does_not_import_the_api():
    # api builds the chain; the chain reads the assistant through its own `ChainAssistant` protocol,
    # so not even a type hint points back up (an import both ways is a loop that type checkers,
    # readers and a runtime import of either half all trip over).
    graph = import_graph()
    assert "assistant.api" not in reaches(graph, "assistant.chain")


def test_the_cycle_reader_finds_a_loop():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert "a" in reaches(graph, "a") and "d" not in reaches(graph, "d")


def test_no_module_imports_itself_through_others():
    # Ingest's readers, limits and describer once imported each other in a loop for `SkipFile`; settings,
    # schema, script, lexical, retrieval and index did too (the retrieval config, jieba's word bounds), with
    # an import at call time to get past it.
    graph = import_graph()
    assert len(graph) > 100 and [m for m in graph if m in reaches(graph, m)] == []


def test_settings_stand_on_text_alone():
    # The bottom layer (DESIGN.md): whoever builds something from settings imports them, never the other way.
    assert reaches(import_graph(), "assistant.settings") == {"assistant.text"}
