"""Fault injection in CI: 10 seeded runs that SIGKILL `assistant add`, `remove` or `index` at a random
file-system step, then check that `ask` answers from a corpus and an index that agree, with no document
lost or resurrected (the harness and its checks: benchmarks/fault_injection.py, which runs 60+ seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fault_injection import OPS, count_steps, make_template, run_one


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, int]]:
    workdir = tmp_path_factory.mktemp("faults")
    template = make_template(workdir)
    return template, workdir, {op: count_steps(template, op, workdir) for op in OPS}


@pytest.mark.parametrize("seed", range(10))
def test_a_command_killed_at_a_random_point_leaves_corpus_and_index_in_step(harness, seed: int) -> None:
    template, workdir, steps = harness
    outcome = run_one(seed, template, workdir, steps)
    assert outcome.ok, f"seed {seed}: {outcome.op} killed at step {outcome.kill_step}: {outcome.problem}"
