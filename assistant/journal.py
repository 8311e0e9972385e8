"""The corpus → index transaction: a journal saying "the corpus changed; the index must follow".

`assistant add` and `assistant remove` change the corpus (manifest and texts,
see `assistant.ingest`) and then rebuild the index. Those are two steps, and a
process can be killed, or its build refused, between them. So before the
manifest is replaced, the change is recorded here (`<corpus>/.index-pending.json`),
and the record is cleared only by a build that included it. The next `add`,
`remove`, `index`, `ask` or UI start that finds a record completes the change
by building the index (the build is a pure function of the corpus, so
completing is always possible and always the same).

A change killed *before* its manifest was replaced needs no journal: the
manifest is replaced atomically, and the texts such a run wrote are deleted by
the ingest lock's own recovery. A record without a committed change (killed
between recording and committing) only costs one rebuild that reuses every vector.

Example:
    >>> from assistant.journal import record_change, pending_change
    >>> record_change("corpus", "add", ["a-res-78-265"])          # doctest: +SKIP
    >>> pending_change("corpus").describe()                        # doctest: +SKIP
    '`assistant add` of a-res-78-265 (pid 4242, 2026-12-01T14:02:11+00:00)'
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.fsutil import fsync_dir

PENDING_NAME = ".index-pending.json"


@dataclass(frozen=True)
class PendingChange:
    """A corpus change whose index build has not finished."""

    op: str  # "add", "remove", or "unknown" for a journal that cannot be read
    doc_ids: tuple[str, ...] = ()
    started: str = ""
    pid: int = 0
    token: str = ""  # changes with every record: a build clears only the record it saw

    def describe(self) -> str:
        what = f"`assistant {self.op}`" if self.op in ("add", "remove") else "a corpus change"
        ids = ", ".join(self.doc_ids[:5]) + (f" and {len(self.doc_ids) - 5} more" if len(self.doc_ids) > 5 else "")
        facts = [f"pid {self.pid}"] if self.pid else []
        if self.started:
            facts.append(self.started)
        return f"{what}{' of ' + ids if ids else ''}{' (' + ', '.join(facts) + ')' if facts else ''}"


def _path(corpus_dir: Path | str) -> Path:
    return Path(corpus_dir) / PENDING_NAME


def pending_change(corpus_dir: Path | str) -> PendingChange | None:
    """The unfinished change recorded for this corpus, or None.

    A journal that exists but cannot be read still means "a change may be
    unindexed" (op "unknown"): the safe answer is to rebuild, never to ignore it.
    """
    path = _path(corpus_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return PendingChange("unknown")
    try:
        data = json.loads(raw.decode("utf-8"))
        return PendingChange(
            op=str(data["op"]),
            doc_ids=tuple(str(d) for d in data.get("doc_ids", [])),
            started=str(data.get("started", "")),
            pid=int(data.get("pid", 0)),
            token=str(data.get("token", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return PendingChange("unknown", token=raw.hex()[:32])


def record_change(corpus_dir: Path | str, op: str, doc_ids: Iterable[str]) -> PendingChange:
    """Record (durably: temp file, fsync, rename) that `op` is changing `doc_ids`; merges with an unfinished record."""
    corpus_dir = Path(corpus_dir)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    ids = list(doc_ids)
    earlier = pending_change(corpus_dir)
    if earlier is not None:
        ids = [*earlier.doc_ids, *(i for i in ids if i not in earlier.doc_ids)]
        if earlier.op != op:
            op = "unknown" if earlier.op == "unknown" else f"{earlier.op}+{op}"
    change = PendingChange(
        op=op,
        doc_ids=tuple(ids),
        started=datetime.now(UTC).isoformat(timespec="seconds"),
        pid=os.getpid(),
        token=secrets.token_hex(8),
    )
    data = {
        "op": change.op,
        "doc_ids": list(change.doc_ids),
        "started": change.started,
        "pid": change.pid,
        "token": change.token,
    }
    tmp = corpus_dir / f"{PENDING_NAME}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, _path(corpus_dir))
    fsync_dir(corpus_dir)
    return change


def clear_change(corpus_dir: Path | str, seen: PendingChange | None) -> bool:
    """Delete the record if it is still the one a build saw before reading the corpus; True if cleared.

    A change recorded while the build ran has a new token and stays pending,
    so the next command builds again instead of losing it.
    """
    if seen is None:
        return False
    current = pending_change(corpus_dir)
    if current is None or current.token != seen.token:
        return False
    _path(corpus_dir).unlink(missing_ok=True)
    return True
