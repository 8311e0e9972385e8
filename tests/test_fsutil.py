"""The shared waiting lock: a second holder waits, is told once, and times out with the caller's error."""

import threading
import time

import pytest

from assistant.fsutil import fsync_dir, held_lock


class Busy(Exception):
    pass


def test_a_second_holder_waits_and_is_told_once(tmp_path):
    path = tmp_path / ".lock"
    told = []
    released = threading.Event()

    def first():
        with held_lock(path, wait=0, unknown="?", on_wait=None, on_timeout=Busy):
            assert path.read_text().startswith("pid ")
            time.sleep(0.6)
        released.set()

    t = threading.Thread(target=first)
    t.start()
    time.sleep(0.1)
    # flock locks are per open file description, so a second open in this process contends too.
    with held_lock(path, wait=5, unknown="?", on_wait=told.append, on_timeout=Busy):
        assert released.is_set()
    t.join()
    assert len(told) == 1 and told[0].startswith("pid ")


def test_the_wait_runs_out_with_the_callers_error(tmp_path):
    path = tmp_path / ".lock"
    with (
        held_lock(path, wait=0, unknown="?", on_wait=None, on_timeout=Busy),
        pytest.raises(Busy, match="pid"),
        held_lock(path, wait=0.3, unknown="?", on_wait=None, on_timeout=lambda h: Busy(h)),
    ):
        pass


def test_fsync_dir_accepts_a_folder(tmp_path):
    fsync_dir(tmp_path)


def test_a_path_cache_makes_each_value_once_and_keeps_failures_out(tmp_path):
    from assistant.fsutil import PathCache

    calls = []
    cache: PathCache[str] = PathCache()

    def make(path):
        calls.append(path)
        if path.name == "bad":
            raise OSError("unreadable")
        return path.name.upper()

    assert cache.get(tmp_path / "a", make) == "A"
    assert cache.get(tmp_path / "a", make) == "A"
    assert len(calls) == 1
    for _ in range(2):
        with pytest.raises(OSError):
            cache.get(tmp_path / "bad", make)
    assert len(calls) == 3  # a failure is not cached: the next call tries again
