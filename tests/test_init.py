"""The package's public names: imported lazily, and the offline environment set on import."""

from __future__ import annotations

import subprocess
import sys

import pytest

import assistant


def test_every_public_name_resolves_to_its_module() -> None:
    for name in assistant.__all__:
        obj = getattr(assistant, name)
        assert obj.__name__ == name and obj.__module__ == assistant._EXPORTS[name]


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        assistant.NoSuchThing  # noqa: B018


def test_importing_a_light_module_does_not_load_the_heavy_stack() -> None:
    code = "import sys, assistant.corpus; print(any(m in sys.modules for m in ('faiss', 'torch', 'langchain_core')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
