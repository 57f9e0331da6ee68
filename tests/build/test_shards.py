"""Shards: disjoint and complete, a bad --shard refused, a shard's folder keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.build.plan import plan
from guidepress.build.request import BuildRequest
from guidepress.build.shards import select
from guidepress.content.project import load_project
from tests.helpers import add_role, run_build, statuses, write


def test_shards_are_disjoint_and_complete(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nkinds: [guide, sheet]\nlocales: [en, fr]\n")
    for i in range(7):
        add_role(project, f"role-{i}")
    loaded, _ = load_project(project)
    jobs = plan(loaded, BuildRequest())
    assert len(jobs) == 28
    for n in (1, 2, 3, 5):
        shards = [select(jobs, k, n) for k in range(1, n + 1)]
        paths = [job.path for shard in shards for job in shard]
        assert sorted(paths) == sorted(job.path for job in jobs)  # complete, no repeats
        sizes = [len(shard) for shard in shards]
        assert max(sizes) - min(sizes) <= 2  # each kind dealt out evenly
        assert select(jobs, 1, n) == select(list(reversed(jobs)), 1, n)  # stable


@pytest.mark.parametrize("value", ["0/2", "3/2", "a/b", "2"])
def test_a_bad_shard_is_a_usage_error(project: Path, value: str) -> None:
    code, output = run_build(project, "--shard", value)
    assert code == 2
    assert (
        f"Invalid value for '--shard': expected K/N with 1 <= K <= N, like 1/4 (got '{value}')"
        in output
    )


@pytest.mark.pdf
def test_a_shard_folder_keeps_only_that_shards_outputs(two_roles: Path) -> None:
    # Outputs of the full build are there already; shard 1 of 2 keeps its own and drops the rest,
    # so cached shard folders of a CI matrix never overlap when the split moves.
    code, output = run_build(two_roles, "--shard", "1/2")
    assert code == 0, output
    loaded, _ = load_project(two_roles)
    mine = {job.path for job in select(plan(loaded, BuildRequest()), 1, 2)}
    assert set(statuses(two_roles)) == mine
    assert set(statuses(two_roles).values()) == {"cached"}
    assert {
        p.relative_to(two_roles / "output").as_posix()
        for p in (two_roles / "output").rglob("*.pdf")
    } == mine
