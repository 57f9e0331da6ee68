"""Shards: disjoint and complete, a bad --shard refused, a shard build removes nothing it did
not select, and the merge takes from each shard's folder what that shard selected."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.build.plan import plan
from guidepress.build.request import BuildRequest
from guidepress.build.shards import select
from guidepress.content.project import load_project
from tests.helpers import BAKER_AND_BREWER, add_role, manifest, run, run_build, statuses, write


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


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.pdf")}


@pytest.mark.pdf
def test_a_shard_build_removes_nothing_it_did_not_select(two_roles: Path) -> None:
    # The four outputs of a full build are there; shard 1 of 2 selects two of them.
    before = pdfs(two_roles / "output")
    code, output = run_build(two_roles, "--shard", "1/2")
    assert code == 0, output
    assert "removed" not in output
    assert pdfs(two_roles / "output") == before
    assert set(statuses(two_roles)) == BAKER_AND_BREWER
    assert manifest(two_roles / "output")["shard"] == {
        "index": 1,
        "count": 2,
        "outputs": ["guides/baker.pdf", "sheets/baker.pdf"],
    }
    # A plain build after it lists every output again, and no shard.
    assert run_build(two_roles)[0] == 0
    assert "shard" not in manifest(two_roles / "output")


@pytest.mark.pdf
def test_merge_takes_from_a_shard_folder_only_what_that_shard_selected(two_roles: Path) -> None:
    # A CI cache restored output/ from a full build; brewer changed since. Shard 1 keeps the
    # stale brewer files it did not select; the merge takes brewer from shard 2.
    add_role(two_roles, "brewer", "Head Brewer")
    assert run_build(two_roles, "--shard", "1/2")[0] == 0
    assert run_build(two_roles, "--shard", "2/2", "--out", str(two_roles / "shard-2"))[0] == 0
    shards = [str(two_roles / "output"), str(two_roles / "shard-2")]
    code, output = run(None, "manifest", "merge", *shards, "--out", str(two_roles / "site"))
    assert code == 0, output
    merged = {e["path"]: e for e in manifest(two_roles / "site")["outputs"]}
    assert set(merged) == BAKER_AND_BREWER
    fresh = manifest(two_roles / "shard-2")["outputs"]
    assert {e["path"]: e["sha256"] for e in fresh} == {
        path: merged[path]["sha256"] for path in ("guides/brewer.pdf", "sheets/brewer.pdf")
    }
