"""Fault injection: kill `assistant add`, `remove` and `index` at random points, then check nothing drifted.

Each seeded run copies a small indexed corpus, starts one command in a child
process that SIGKILLs itself at its k-th file-system step (os.replace, fsync,
unlink, mkdir, rename: every point where a crash leaves different files
behind), then checks, in this process:

1. `assistant ask` answers (exit 0 or 3), never "index is stale" or a traceback;
2. the live index was built from exactly the corpus on disk (corpus hash), and
   holds exactly the manifest's documents;
3. the documents are the set from before the command or the set after it,
   nothing else: no document lost, none half-added;
4. a following `assistant index` (which also ingests files dropped into the
   corpus folder) does not bring a removed document back;
5. no change is left pending in the journal.

    python benchmarks/fault_injection.py              # 60 seeded runs (20 per command), ~2 min
    python benchmarks/fault_injection.py --runs 150

The CI test (`tests/test_fault_injection.py`) runs 10 seeds of the same harness.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OPS = ("add", "remove", "index")

# The child: count file-system steps and SIGKILL itself at step K (0 = never), then run the CLI.
_CHILD = """
import os, signal, sys
k = int(sys.argv[1])
count = 0
def _wrap(name):
    real = getattr(os, name)
    def wrapped(*args, **kwargs):
        global count
        count += 1
        if count == k:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(os, name, wrapped)
for _name in ("replace", "rename", "fsync", "unlink", "mkdir", "rmdir"):
    _wrap(_name)
from assistant.cli import main
code = main(sys.argv[2:])
sys.stderr.write(f"STEPS {count}\\n")
sys.exit(code)
"""

NEW_ARTICLE = (
    "Member States agree on AI safety cooperation {n}\n\n"
    "GENEVA, 3 May 2024 – Member States agreed to share information on artificial intelligence risks "
    "number {n} with the Secretary-General every year.\n\n"
    "The Council will review the cooperation on artificial intelligence in 2026.\n"
)


@dataclass
class Outcome:
    seed: int
    op: str
    kill_step: int
    killed: bool
    before: list[str]
    after_ask: list[str]
    after_index: list[str]
    ok: bool
    problem: str = ""
    seconds: float = 0.0


def _cli(*argv: str) -> tuple[int, str, str]:
    from assistant.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


def make_template(folder: Path) -> Path:
    """The bundled corpus plus one added article, indexed with the hash embedder: every run starts from a copy."""
    home = folder / "template"
    corpus = home / "corpus"
    shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns(".*"))
    inbox = home / "inbox"
    inbox.mkdir()
    (inbox / "note-a.en.txt").write_text(NEW_ARTICLE.format(n="A"), encoding="utf-8")
    code, _, err = _cli("add", str(inbox / "note-a.en.txt"), *_opts(home))
    if code != 0:
        raise RuntimeError(f"template add failed: {err}")
    return home


def _opts(home: Path) -> list[str]:
    return ["--corpus", str(home / "corpus"), "--index-dir", str(home / "index"), "--model", "hash"]


def _doc_ids(home: Path) -> list[str]:
    from assistant.corpus import read_manifest

    return sorted(i.id for i in read_manifest(home / "corpus"))


def _command(op: str, home: Path, rng: random.Random) -> list[str]:
    if op == "add":
        path = home / "inbox" / "note-b.en.txt"
        path.write_text(NEW_ARTICLE.format(n="B"), encoding="utf-8")
        return ["add", str(path)]
    if op == "remove":
        return ["remove", rng.choice(_doc_ids(home))]
    # index: a file dropped into the corpus folder is ingested, then everything is indexed.
    (home / "corpus" / "dropped.en.txt").write_text(NEW_ARTICLE.format(n="C"), encoding="utf-8")
    return ["index"]


def _run_child(args: list[str], kill_step: int) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ASSISTANT_SHOW_PROGRESS": "0"}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(kill_step), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return proc.returncode, proc.stderr


def count_steps(template: Path, op: str, workdir: Path) -> int:
    """How many file-system steps `op` takes when nothing kills it (kill points are drawn up to this)."""
    home = workdir / f"count-{op}"
    shutil.copytree(template, home)
    cmd = _command(op, home, random.Random(0))
    code, err = _run_child([*cmd, *_opts(home)], 0)
    steps = [line for line in err.splitlines() if line.startswith("STEPS ")]
    if code not in (0, 1) or not steps:
        raise RuntimeError(f"{op} failed unkilled (exit {code}): {err[-2000:]}")
    shutil.rmtree(home, ignore_errors=True)
    return int(steps[-1].split()[1])


def run_one(seed: int, template: Path, workdir: Path, steps: dict[str, int]) -> Outcome:
    """One seeded run: copy, kill `op` at a random step, then check ask/index/corpus agree."""
    from assistant.corpus import corpus_hash, load_corpus
    from assistant.journal import pending_change
    from assistant.store import load_index

    started = time.perf_counter()
    rng = random.Random(seed)
    op = OPS[seed % len(OPS)]
    home = workdir / f"run-{seed}"
    shutil.copytree(template, home)
    cmd = _command(op, home, rng)
    before = _doc_ids(home)
    kill_step = rng.randint(1, steps[op])
    code, err = _run_child([*cmd, *_opts(home)], kill_step)
    killed = code == -9
    outcome = Outcome(seed, op, kill_step, killed, before, [], [], ok=False)
    try:
        if not killed and code not in (0, 1):
            raise AssertionError(f"{' '.join(cmd)} exited {code} without being killed: {err[-500:]}")
        # 1. ask answers from whatever state the kill left, finishing an unindexed change itself.
        code, _out, err = _cli("ask", "Who must report to Council?", *_opts(home))
        if code not in (0, 3):
            raise AssertionError(f"ask exited {code}: {err.strip()[-300:]}")
        outcome.after_ask = _doc_ids(home)
        # 2. index and corpus agree.
        corpus = load_corpus(home / "corpus")
        store = load_index(home / "index")
        if store.manifest.corpus_hash != corpus_hash(corpus):
            raise AssertionError("the index was not built from the corpus on disk")
        if sorted({c.doc_id for c in store.chunks}) != outcome.after_ask:
            raise AssertionError(f"index documents {sorted({c.doc_id for c in store.chunks})} != corpus")
        # 3. all or nothing.
        target = cmd[1] if op == "remove" else ("note-b" if op == "add" else "dropped")
        done = sorted(set(before) - {target}) if op == "remove" else sorted({*before, target})
        if outcome.after_ask not in (before, done):
            raise AssertionError(f"documents {outcome.after_ask}: neither before {before} nor after {done}")
        # 4. nothing comes back (an `index` run also picks up the dropped file, as it should).
        code, _, err = _cli("index", *_opts(home))
        if code != 0:
            raise AssertionError(f"index exited {code}: {err.strip()[-300:]}")
        outcome.after_index = _doc_ids(home)
        expected = done if op == "index" else outcome.after_ask
        if outcome.after_index != expected:
            raise AssertionError(f"after `assistant index`: {outcome.after_index}, expected {expected}")
        # 5. nothing pending.
        if pending_change(home / "corpus") is not None:
            raise AssertionError("a change is still pending after ask and index")
        outcome.ok = True
    except AssertionError as exc:
        outcome.problem = str(exc)
    finally:
        outcome.seconds = round(time.perf_counter() - started, 2)
        if outcome.ok:
            shutil.rmtree(home, ignore_errors=True)
    return outcome


def run_many(seeds: list[int], workdir: Path) -> list[Outcome]:
    template = make_template(workdir)
    steps = {op: count_steps(template, op, workdir) for op in OPS}
    return [run_one(seed, template, workdir, steps) for seed in seeds]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None, help="keep run folders here (default: a temp folder)")
    args = parser.parse_args(argv)
    import tempfile

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="faults-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        outcomes = run_many(list(range(args.first_seed, args.first_seed + args.runs)), workdir)
    print(f"{'seed':>4}  {'op':6}  {'step':>4}  killed  ok   before→after ask→after index")
    for o in outcomes:
        print(
            f"{o.seed:4}  {o.op:6}  {o.kill_step:4}  {'yes' if o.killed else 'no':6}  {'ok' if o.ok else 'FAIL'}  "
            f"{len(o.before)}→{len(o.after_ask)}→{len(o.after_index)}  {o.problem}"
        )
    failed = [o for o in outcomes if not o.ok]
    total = time.perf_counter() - started
    summary = {
        "runs": len(outcomes),
        "killed": sum(o.killed for o in outcomes),
        "failed": len(failed),
        "per_op": {op: sum(o.op == op for o in outcomes) for op in OPS},
        "seconds": round(total, 1),
    }
    print(json.dumps(summary))
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "fault_injection.json").write_text(
        json.dumps({**summary, "outcomes": [asdict(o) for o in outcomes]}, indent=1) + "\n", encoding="utf-8"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
