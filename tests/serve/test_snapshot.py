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


def _regional(region: str) -> Output:
    slug = "strategic-account-manager"
    return Output(kind="sheet", subject=slug, roles=(slug,), path=f"sheets/{slug}@x.pdf",
                  brand="default", locale="en", paper="a4", format="pdf",
                  region=region)  # fmt: skip


def test_a_regional_output_is_previewed_with_the_area_s_official_pay(demo: Path) -> None:
    shot = snapshot(demo, _regional("OH"))
    assert shot.problems == [] and shot.renderable
    [official] = shot.official
    assert (official.figures.area_name, official.figures.median) == ("Ohio", 108370)
    html, _ = render_html(shot)
    assert "ROLE SHEET · OHIO EDITION" in html.decode().upper() and b"$108,370" in html
    # The figures are part of the inputs hash, as in a build: another area, another hash.
    assert snapshot(demo, _regional("18140")).inputs_hash != shot.inputs_hash
    assert demo / "data" in watched_folders(shot)  # where a new import lands


def test_a_regional_output_s_problem_is_the_build_s_line(demo: Path) -> None:
    shot = snapshot(demo, _regional("GU"))
    assert not shot.renderable and shot.official == ()
    assert shot.problems == [
        "content/roles/strategic-account-manager.yaml:288:3: occupation.soc: 41-4011 (Sales "
        "Representatives, Wholesale and Manufacturing, Technical and Scientific Products) has no "
        "May 2025 data for Guam (GU)"
    ]
    typed = snapshot(demo, _regional("ZZ"), asked=["zz"])
    assert typed.problems == [
        "--region: unknown region 'zz': use US, a state or territory code (OH, PR) or a BLS "
        "metro area code (18140)"
    ]
