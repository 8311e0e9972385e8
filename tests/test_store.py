"""`assistant.store` is a shim: the names old code imports from it are the ones `assistant.index` defines.

The index itself is tested in tests/index/ (test_builder, test_loading, test_local, test_manifest, ...).
"""

import importlib

import pytest

import assistant.index
import assistant.store as store_module

# What code written against the single-module `assistant.store` imports (the CLI, UI, benchmarks, old scripts).
OLD_IMPORTS = {
    "AssistantIndexError": "assistant.index.manifest",
    "IndexCorruptError": "assistant.index.manifest",
    "IndexLockedError": "assistant.index.manifest",
    "IndexMissingError": "assistant.index.manifest",
    "IndexStaleError": "assistant.index.manifest",
    "IndexManifest": "assistant.index.manifest",
    "IVF_MIN_VECTORS": "assistant.index.manifest",
    "FORMAT_VERSION": "assistant.index.manifest",
    "build_lock": "assistant.index.manifest",
    "current_build": "assistant.index.manifest",
    "content_key": "assistant.index.manifest",
    "read_manifest": "assistant.index.manifest",
    "check_manifest": "assistant.index.manifest",
    "IndexStore": "assistant.index.local",
    "build_faiss": "assistant.index.local",
    "built_index_type": "assistant.index.local",
    "load_index": "assistant.index.builder",
    "write_index": "assistant.index.builder",
}


@pytest.mark.parametrize("name", sorted(OLD_IMPORTS))
def test_the_shim_re_exports_what_old_code_imports(name):
    defined = getattr(importlib.import_module(OLD_IMPORTS[name]), name)
    assert getattr(store_module, name) is defined
    assert name in store_module.__all__


def test_the_shim_exports_everything_the_index_package_does():
    assert store_module.__all__ == assistant.index.__all__
    assert all(getattr(store_module, n) is getattr(assistant.index, n) for n in assistant.index.__all__)


def test_old_index_error_name_still_works_with_a_deprecation_warning():
    from assistant.store import AssistantIndexError, IndexMissingError

    with pytest.warns(DeprecationWarning, match="AssistantIndexError"):
        from assistant.store import IndexError_
    assert IndexError_ is AssistantIndexError
    assert issubclass(IndexMissingError, AssistantIndexError)
    with pytest.raises(AttributeError):
        _ = store_module.NoSuchName
