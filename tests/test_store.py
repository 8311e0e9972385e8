"""The on-disk index: round trip, staleness, corruption, atomic builds, reuse, locking."""

import hashlib

import numpy as np
import pytest

from assistant.chunking import CHUNKER_VERSION
from assistant.store import (
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    IndexStaleError,
    build_lock,
    current_build,
    load_index,
    write_index,
)

DIM = 16


class CountingEmbedder:
    """Deterministic vectors from a text hash; counts how many texts it embedded."""

    def __init__(self) -> None:
        self.embedded = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.embedded += len(texts)
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32).reshape(len(texts), DIM)


def build(index_dir, chunks, embed=None, **kw):
    return write_index(
        index_dir,
        chunks,
        embed or CountingEmbedder(),
        model=kw.pop("model", "fake"),
        dim=DIM,
        corpus_hash=kw.pop("corpus_hash", "h1"),
        chunker_version=CHUNKER_VERSION,
        **kw,
    )


def test_round_trip_keeps_chunks_and_finds_nearest(tmp_path, chunks):
    embed = CountingEmbedder()
    manifest = build(tmp_path, chunks, embed)
    assert manifest.counts["chunks"] == len(chunks) and embed.embedded == len(chunks)
    store = load_index(tmp_path, model="fake", corpus_hash="h1", chunker_version=CHUNKER_VERSION)
    assert store.chunks == chunks
    target = 7
    hits = store.search_dense(embed([chunks[target].index_text])[0], k=3)
    assert hits[0][0] == target and hits[0][1] == pytest.approx(1.0, abs=1e-5)


def test_no_pickle_anywhere(tmp_path, chunks):
    build(tmp_path, chunks)
    folder = current_build(tmp_path)
    for path in folder.rglob("*.np[yz]"):
        np.load(path, allow_pickle=False)  # raises if anything needed pickle
    assert not list(folder.rglob("*.pkl")) and not list(folder.rglob("*.pickle"))


def test_missing_index_says_what_to_run(tmp_path):
    with pytest.raises(IndexMissingError, match="assistant index"):
        load_index(tmp_path)


def test_stale_index_names_every_reason(tmp_path, chunks):
    build(tmp_path, chunks)
    with pytest.raises(IndexStaleError) as err:
        load_index(tmp_path, model="other-model", corpus_hash="h2", chunker_version="0")
    message = str(err.value)
    assert "other-model" in message and "corpus changed" in message and "chunker version" in message
    assert "assistant index" in message


@pytest.mark.parametrize("name", ["dense.faiss", "chunks.jsonl", "vectors.npy", "bm25"])
def test_truncated_files_give_a_clear_error_naming_the_file(tmp_path, chunks, name):
    build(tmp_path, chunks)
    folder = current_build(tmp_path)
    target = folder / name
    if target.is_dir():
        target = sorted(p for p in target.iterdir() if p.is_file())[0]
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError, match=target.name):
        load_index(tmp_path)


def test_corrupt_bytes_of_same_size_are_caught_by_checksum(tmp_path, chunks):
    build(tmp_path, chunks)
    target = current_build(tmp_path) / "dense.faiss"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="checksum"):
        load_index(tmp_path)


def test_interrupted_build_leaves_previous_index_intact(tmp_path, chunks):
    build(tmp_path, chunks)
    before = current_build(tmp_path)

    def explode(texts):
        raise KeyboardInterrupt

    changed = [c.__class__(**{**c.__dict__, "context": c.context + " changed"}) for c in chunks]
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path, changed, explode)
    assert current_build(tmp_path) == before
    assert load_index(tmp_path).chunks == chunks
    assert not list((tmp_path / "builds").glob(".tmp-*"))


def test_unchanged_corpus_re_embeds_nothing(tmp_path, chunks):
    build(tmp_path, chunks)
    again = CountingEmbedder()
    manifest = build(tmp_path, chunks, again)
    assert again.embedded == 0 and manifest.reused_vectors == len(chunks)
    one_changed = list(chunks)
    one_changed[0] = one_changed[0].__class__(**{**one_changed[0].__dict__, "context": "new context"})
    third = CountingEmbedder()
    build(tmp_path, one_changed, third)
    assert third.embedded == 1


def test_another_model_re_embeds_everything(tmp_path, chunks):
    build(tmp_path, chunks)
    other = CountingEmbedder()
    build(tmp_path, chunks, other, model="other")
    assert other.embedded == len(chunks)


def test_a_second_build_at_the_same_time_is_refused(tmp_path, chunks):
    with build_lock(tmp_path), pytest.raises(IndexLockedError, match="building the index"):
        build(tmp_path, chunks)


@pytest.mark.parametrize(("index_type", "built"), [("hnsw", "hnsw"), ("ivf", "flat")])
def test_approximate_index_types_search(tmp_path, chunks, index_type, built):
    embed = CountingEmbedder()
    build(tmp_path, chunks, embed, index_type=index_type)
    store = load_index(tmp_path)
    assert store.manifest.index_type == built
    hits = store.search_dense(embed([chunks[3].index_text])[0], k=2)
    assert hits[0][0] == 3


def test_filtered_dense_search_only_returns_allowed_rows(tmp_path, chunks):
    embed = CountingEmbedder()
    build(tmp_path, chunks, embed)
    store = load_index(tmp_path)
    allowed = np.zeros(len(chunks), dtype=bool)
    allowed[[1, 2]] = True
    hits = store.search_dense(embed([chunks[5].index_text])[0], k=5, allowed=allowed)
    assert {row for row, _ in hits} == {1, 2}


def test_old_index_error_name_still_works_with_a_deprecation_warning():
    import assistant.store as store_module
    from assistant.store import AssistantIndexError

    with pytest.warns(DeprecationWarning, match="AssistantIndexError"):
        from assistant.store import IndexError_
    assert IndexError_ is AssistantIndexError
    assert issubclass(IndexMissingError, AssistantIndexError)
    with pytest.raises(AttributeError):
        _ = store_module.NoSuchName


def test_manifest_records_the_index_type_actually_built(tmp_path, chunks):
    # Before: an ivf request on fewer than IVF_MIN_VECTORS chunks built a flat index but the manifest said "ivf".
    import faiss

    from assistant.store import IVF_MIN_VECTORS

    assert len(chunks) < IVF_MIN_VECTORS
    manifest = build(tmp_path, chunks, index_type="ivf")
    store = load_index(tmp_path)
    assert isinstance(store.dense, faiss.IndexFlatIP) and not isinstance(store.dense, faiss.IndexIVF)
    assert store.manifest == manifest
    assert (manifest.index_type, manifest.requested_index_type) == ("flat", "ivf")
    assert (
        manifest.index_type_note()
        == f"flat (ivf requested; it needs {IVF_MIN_VECTORS} vectors to train, got {len(chunks)})"
    )


def test_manifest_index_type_is_plain_when_built_as_requested(tmp_path, chunks):
    manifest = build(tmp_path, chunks, index_type="hnsw")
    assert (manifest.index_type, manifest.requested_index_type, manifest.index_type_note()) == ("hnsw", "", "hnsw")


def test_ivf_is_built_once_there_are_enough_vectors():
    from assistant.store import IVF_MIN_VECTORS, build_faiss, built_index_type

    assert built_index_type("ivf", IVF_MIN_VECTORS - 1) == "flat"
    assert built_index_type("ivf", IVF_MIN_VECTORS) == "ivf"
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((IVF_MIN_VECTORS, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    import faiss

    assert isinstance(build_faiss(vectors, "ivf"), faiss.IndexIVFFlat)
