"""`SkipFile`: why one input file is left out of a batch, raised by every step that reads it.

Its own module, below the readers (formats.py), the limits (limits.py) and the
describer (detect.py), which all raise it: when it lived in formats.py, those
three imported each other in a loop.

Example:
    >>> try:
    ...     raise SkipFile("empty file (0 bytes)")
    ... except SkipFile as exc:
    ...     print(exc.reason)
    empty file (0 bytes)
"""

from __future__ import annotations


class SkipFile(Exception):
    """This file cannot be ingested; `reason` says why and what to do about it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
