"""What the preview takes from the project for one output: the build's problem lines that
concern it (not other roles', brands' or comparisons'), and its HTML without laying it out."""

from __future__ import annotations

from pathlib import Path

from guidepress.build.outputs import Output
from guidepress.errors import Problem
from guidepress.serve.snapshot import _concerns, render_html, snapshot, watched_folders
from tests.helpers import PASTRY_CHEF, write

SHEET = Output(kind="sheet", subject="pastry-chef", roles=("pastry-chef",),
               path="sheets/pastry-chef.pdf", brand="default", locale="en", paper="a4",
               format="pdf")  # fmt: skip
COMPARE = Output(kind="compare", subject="pair", roles=("a", "b"), path="comparisons/pair.pdf",
                 brand="acme", locale="en", paper="a4", format="pdf")  # fmt: skip


def test_problems_of_other_roles_brands_and_comparisons_are_left_out() -> None:
    mine = [
        Problem("guidepress.yaml", 2, 1, "paper", "bad"),
        Problem("content/roles/a.yaml", 3, 1, "x", "bad"),
        Problem("content/roles/b.es.yaml", 1, 1, "x", "bad"),
        Problem("content/brands/acme/brand.yaml", 1, 1, "x", "bad"),
        Problem("content/comparisons/pair.yaml", 1, 1, "x", "bad"),
        Problem("locales/es.yaml", 1, 1, "x", "bad"),
    ]
    others = [
        Problem("content/roles/c.yaml", 3, 1, "x", "bad"),
        Problem("content/brands/other/brand.yaml", 1, 1, "x", "bad"),
        Problem("content/comparisons/trio.yaml", 1, 1, "x", "bad"),
    ]
    assert [p for p in mine + others if _concerns(p, COMPARE)] == mine
    assert not _concerns(Problem("content/comparisons/pair.yaml"), SHEET)


def test_a_sheet_is_rendered_at_its_typical_scale_without_layout(project: Path) -> None:
    # Not marked pdf: the test guard fails this test if anything is laid out.
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    shot = snapshot(project, SHEET)
    assert shot.problems == [] and shot.renderable
    html, assets = render_html(shot)
    assert b"Makes desserts and breads" in html
    assert b"file://" not in html
    for token, path in assets.items():
        assert f'url("/assets/{token}/{path.name}")'.encode() in html
        assert path.is_file()
    assert project / "content/roles/pastry-chef.yaml" in shot.files
    assert {project, project / "content/roles", project / "content/brands/default"} <= (
        watched_folders(shot)
    )


def test_a_broken_role_gives_its_located_lines_and_no_hash(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", "title: Chef\nsummary: s\nbogus: 1\n")
    write(project, "content/roles/other.yaml", "title: Other\nsummary: s\nworse: 2\n")
    shot = snapshot(project, SHEET)
    assert not shot.renderable
    assert shot.problems == ["content/roles/pastry-chef.yaml:3:1: bogus: unknown field"]
