"""Batch builds: incremental cache, identical rebuilds, shards, failure isolation, CI output."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
import weasyprint
from click.testing import CliRunner
from pypdf import PdfReader
from tests.conftest import write

from guidepress.build.plan import plan
from guidepress.build.request import BuildRequest
from guidepress.build.shards import select
from guidepress.cli import cli
from guidepress.content.project import load_project

ROLE = """
title: {title}
summary: Looks after {title} work from start to finish.
salary: {{currency: EUR, min: 30000, max: 50000, median: 40000}}
growth_rate: 4
market_demand: Moderate
responsibilities: [Plan the week., Check the work.]
pros: [Varied days.]
cons: [Early starts.]
"""


def add_role(root: Path, slug: str, title: str | None = None) -> Path:
    return write(root, f"content/roles/{slug}.yaml", ROLE.format(title=title or slug.title()))


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", *args], env=env)
    return result.exit_code, result.output


def statuses(root: Path, out: str = "output") -> dict[str, str]:
    manifest = json.loads((root / out / "manifest.json").read_text())
    return {entry["path"]: entry["status"] for entry in manifest["outputs"]}


def rebuilt(root: Path) -> set[str]:
    return {path for path, status in statuses(root).items() if status == "built"}


@pytest.fixture
def two_roles(project: Path) -> Path:
    """Two roles, built once as guides and sheets."""
    write(project, "guidepress.yaml", "title: Test guides\nkinds: [guide, sheet]\n")
    add_role(project, "baker")
    add_role(project, "brewer")
    code, output = run(project, "--jobs", "2")
    assert code == 0, output
    return project


ALL = {"guides/baker.pdf", "guides/brewer.pdf", "sheets/baker.pdf", "sheets/brewer.pdf"}


def test_a_second_build_is_all_cached_and_force_rebuilds(two_roles: Path) -> None:
    code, output = run(two_roles)
    assert code == 0, output
    assert set(statuses(two_roles).values()) == {"cached"}
    assert output.splitlines()[-1].startswith("0 built, 4 cached, 0 failed in ")
    code, output = run(two_roles, "--force", "--jobs", "1")
    assert code == 0, output
    assert rebuilt(two_roles) == ALL


def test_changing_a_role_rebuilds_only_its_outputs(two_roles: Path) -> None:
    add_role(two_roles, "baker", "Master Baker")
    assert run(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"guides/baker.pdf", "sheets/baker.pdf"}


def test_changing_a_template_rebuilds_only_the_kinds_that_use_it(two_roles: Path) -> None:
    write(two_roles, "templates/sheet.html.j2", '{% extends "theme:sheet.html.j2" %}\n')
    assert run(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"sheets/baker.pdf", "sheets/brewer.pdf"}
    builtin = Path(__file__).parents[1] / "styles" / "guide.css"
    write(two_roles, "styles/guide.css", builtin.read_text() + "\nh2 { color: #7a1f3d }\n")
    assert run(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"guides/baker.pdf", "guides/brewer.pdf"}


def test_changing_the_brand_rebuilds_its_outputs(two_roles: Path) -> None:
    brand = two_roles / "content" / "brands" / "default" / "brand.yaml"
    brand.write_text(brand.read_text().replace("#0b4f6c", "#7a1f3d"))
    assert run(two_roles)[0] == 0
    assert rebuilt(two_roles) == ALL


def test_an_edited_output_file_is_rebuilt(two_roles: Path) -> None:
    (two_roles / "output" / "sheets" / "baker.pdf").write_bytes(b"%PDF-1.7 damaged")
    assert run(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"sheets/baker.pdf"}


def test_outputs_of_a_removed_role_are_removed(two_roles: Path) -> None:
    (two_roles / "content" / "roles" / "brewer.yaml").unlink()
    code, output = run(two_roles)
    assert code == 0, output
    assert set(statuses(two_roles)) == {"guides/baker.pdf", "sheets/baker.pdf"}
    assert not (two_roles / "output" / "guides" / "brewer.pdf").exists()
    assert "0 built, 2 cached, 0 failed, 2 removed in " in output


def test_rebuilds_are_byte_identical_across_processes(two_roles: Path) -> None:
    first = {p: (two_roles / "output" / p).read_bytes() for p in ALL}  # built with --jobs 2
    assert run(two_roles, "--force", "--jobs", "1", "--out", str(two_roles / "again"))[0] == 0
    for path, data in first.items():
        assert (two_roles / "again" / path).read_bytes() == data, path


def test_one_broken_role_fails_only_its_outputs(two_roles: Path) -> None:
    write(
        two_roles, "content/roles/brewer.yaml", "title: Brewer\nsummary: Brews.\ngrowth_rate: x\n"
    )
    add_role(two_roles, "cook")
    code, output = run(two_roles)
    assert code == 1
    assert "content/roles/brewer.yaml:3:1: growth_rate: must be a number (got 'x')" in output
    assert "\n2 built, 2 cached, 2 failed in " in output
    state = statuses(two_roles)
    assert state["guides/cook.pdf"] == "built" and state["sheets/brewer.pdf"] == "failed"
    # The last good PDF of the broken role stays where it was.
    assert PdfReader(two_roles / "output" / "guides" / "brewer.pdf").pages


def test_a_failure_mid_build_leaves_the_previous_pdf_intact(
    two_roles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (two_roles / "output" / "guides" / "brewer.pdf").read_bytes()
    add_role(two_roles, "brewer", "Head Brewer")
    real = weasyprint.document.Document.write_pdf

    def crash(self: Any, *args: Any, **kwargs: Any) -> bytes:
        if "Head Brewer" in str(self.metadata.title):
            raise MemoryError("renderer gave up")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.document.Document, "write_pdf", crash)
    add_role(two_roles, "baker", "Master Baker")
    code, output = run(two_roles, "--jobs", "1")
    assert code == 1
    assert "guides/brewer.pdf: internal error: MemoryError: renderer gave up" in output
    assert (two_roles / "output" / "guides" / "brewer.pdf").read_bytes() == before
    assert rebuilt(two_roles) == {"guides/baker.pdf", "sheets/baker.pdf"}
    assert not list((two_roles / "output").rglob("*.tmp"))


def test_failures_become_github_annotations(two_roles: Path) -> None:
    write(
        two_roles, "content/roles/brewer.yaml", "title: Brewer\nsummary: Brews.\ngrowth_rate: x\n"
    )
    code, output = run(two_roles, env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert (
        "::error file=content/roles/brewer.yaml,line=3,col=1::"
        "growth_rate: must be a number (got 'x')"
    ) in output.splitlines()


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


def test_shard_builds_merge_into_one_manifest(two_roles: Path) -> None:
    for k in (1, 2):
        code, output = run(two_roles, "--shard", f"{k}/2", "--out", str(two_roles / f"shard-{k}"))
        assert code == 0, output
    first, second = statuses(two_roles, "shard-1"), statuses(two_roles, "shard-2")
    assert len(first) == len(second) == 2 and not set(first) & set(second)
    result = CliRunner().invoke(
        cli,
        ["manifest", "merge", str(two_roles / "shard-1"), str(two_roles / "shard-2"),
         "--out", str(two_roles / "site")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == f"merged 2 manifests: 4 outputs (0 failed) into {two_roles}/site/manifest.json\n"
    )
    merged = json.loads((two_roles / "site" / "manifest.json").read_text())
    for entry in merged["outputs"]:
        data = (two_roles / "site" / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert {e["path"] for e in merged["outputs"]} == ALL


def test_merging_overlapping_shards_is_refused(two_roles: Path) -> None:
    out = two_roles / "output"
    other = json.loads((out / "manifest.json").read_text())
    other["outputs"][0]["sha256"] = "0" * 64
    write(two_roles, "other/manifest.json", json.dumps(other))
    result = CliRunner().invoke(cli, ["manifest", "merge", str(out), str(two_roles / "other")])
    assert result.exit_code == 1
    path = other["outputs"][0]["path"]
    assert result.output == (
        f"{two_roles}/other/manifest.json: outputs: {path} is also in "
        f"{out}/manifest.json with different contents; shards must not overlap\n"
    )


@pytest.mark.parametrize("value", ["0/2", "3/2", "a/b", "2"])
def test_a_bad_shard_is_a_usage_error(project: Path, value: str) -> None:
    code, output = run(project, "--shard", value)
    assert code == 2
    assert (
        f"Invalid value for '--shard': expected K/N with 1 <= K <= N, like 1/4 (got '{value}')"
        in output
    )


def test_html_output_prints_the_same_pages_with_plain_weasyprint(project: Path) -> None:
    add_role(project, "baker")
    code, output = run(project, "--format", "html", "--format", "pdf")
    assert code == 0, output
    guides = project / "output" / "guides"
    plain = weasyprint.HTML(filename=guides / "baker.html").write_pdf()
    ours, theirs = PdfReader(guides / "baker.pdf"), PdfReader(io.BytesIO(plain))
    assert len(ours.pages) == len(theirs.pages) >= 3
    for mine, other in zip(ours.pages, theirs.pages, strict=True):
        assert mine.extract_text() == other.extract_text()


def test_a_shard_folder_keeps_only_that_shards_outputs(two_roles: Path) -> None:
    # Outputs of the full build are there already; shard 1 of 2 keeps its own and drops the rest,
    # so cached shard folders of a CI matrix never overlap when the split moves.
    code, output = run(two_roles, "--shard", "1/2")
    assert code == 0, output
    loaded, _ = load_project(two_roles)
    mine = {job.path for job in select(plan(loaded, BuildRequest()), 1, 2)}
    assert set(statuses(two_roles)) == mine
    assert set(statuses(two_roles).values()) == {"cached"}
    assert {
        p.relative_to(two_roles / "output").as_posix()
        for p in (two_roles / "output").rglob("*.pdf")
    } == mine


def test_an_interrupted_build_records_what_finished(
    two_roles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from guidepress.build import produce

    real, seen = produce.run, []

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(produce, "run", interrupted)
    (two_roles / "output" / "manifest.json").unlink()
    with pytest.raises(KeyboardInterrupt):
        from guidepress.build.pipeline import build

        build(two_roles, BuildRequest(jobs=1, force=True))
    assert len(statuses(two_roles)) == 1 and set(statuses(two_roles).values()) == {"built"}
