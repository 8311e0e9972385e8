"""File-system helpers shared by the corpus, its journal, the index and the command lines: one copy of each."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


def drop_stdout() -> None:
    """Point a closed stdout (`… | head`) at /dev/null, so later writes and the interpreter's last flush do
    not fail on it again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable: without it a crash can forget the new name."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def held_lock(
    path: Path,
    *,
    wait: float,
    unknown: str,
    on_wait: Callable[[str], None] | None,
    on_timeout: Callable[[str], Exception],
) -> Iterator[None]:
    """Hold an exclusive `flock` on `path`, which names its holder ("pid N") while held.

    A lock held elsewhere is waited for up to `wait` seconds; `on_wait(holder)`
    is told once, and when the time runs out `on_timeout(holder)` is raised
    (`holder` is what the file says, or `unknown`).
    """
    with open(path, "a+") as handle:
        deadline = time.monotonic() + max(0.0, wait)
        announced = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or unknown
                if time.monotonic() >= deadline:
                    raise on_timeout(holder) from None
                if not announced and on_wait is not None:
                    on_wait(holder)
                    announced = True
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class PathCache(Generic[T]):
    """One value per file path, made once per process under a lock (a dictionary, a word list).

    Example:
        >>> cache: PathCache[int] = PathCache()
        >>> cache.get(Path("a.txt"), lambda p: len(p.name)), cache.get(Path("a.txt"), lambda p: 0)
        (5, 5)
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, T] = {}

    def get(self, path: Path, make: Callable[[Path], T]) -> T:
        key = str(path)
        with self._lock:
            if key not in self._values:
                self._values[key] = make(path)
            return self._values[key]
