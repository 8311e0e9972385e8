"""Whether another process has published a newer build than the one loaded, at the cost of a stat.

A build is published by one atomic rename of `index_dir/CURRENT` (assistant.index.builder), so
a new build shows as a new CURRENT file: another inode, and usually another mtime and size. A
long-lived assistant (`assistant serve`) asks `moved()` before each question; it stats CURRENT
at most once per `interval` seconds and reads the build name only when the stat changed.

Example:
    >>> watch = PublishedBuild(Path("index"), "20260101T000000000000Z", interval=1.0)   # doctest: +SKIP
    >>> watch.moved()          # True once CURRENT names another build                  # doctest: +SKIP
    False
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from assistant.index.manifest import IndexCorruptError, current_build

Stamp = tuple[int, int, int]


class PublishedBuild:
    """Watches `index_dir/CURRENT` for a build other than `loaded` (a build folder's name).

    Threads may share one: a race costs at most an extra stat or read, never a missed build, since
    the stamp is only recorded after CURRENT was read. A build that cannot be loaded is not tried
    again until CURRENT changes: publishing only renames a finished build into place, so retrying
    the same one would fail the same way (and re-read it on every question).
    """

    def __init__(self, index_dir: Path, loaded: str, interval: float) -> None:
        self.index_dir = Path(index_dir)
        self.loaded = loaded
        self.interval = interval
        self._next_check = 0.0
        # None until CURRENT is read once: a build published between loading and the first check is seen.
        self._stamp: Stamp | None = None

    def moved(self) -> bool:
        """True when CURRENT now names a build other than the loaded one."""
        now = time.monotonic()
        if now < self._next_check:
            return False
        self._next_check = now + self.interval
        stamp = _stamp(self.index_dir / "CURRENT")
        if stamp is None or stamp == self._stamp:
            return False
        try:
            folder = current_build(self.index_dir)
        except IndexCorruptError:
            return False  # a garbage pointer: keep the loaded build; a later publish replaces the pointer
        self._stamp = stamp
        return folder is not None and folder.name != self.loaded


def _stamp(pointer: Path) -> Stamp | None:
    try:
        st = os.stat(pointer)
    except OSError:
        return None  # no build published yet, or CURRENT being replaced
    return (st.st_ino, st.st_mtime_ns, st.st_size)
