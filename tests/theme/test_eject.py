"""guidepress theme eject: copies the built-in theme, refuses to overwrite, builds the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.build.request import BuildRequest
from guidepress.theme.eject import theme_files
from guidepress.theme.lookup import Theme, builtin_dir
from tests.helpers import brand_project, built_entries, invoke, run


@pytest.mark.pdf
def test_theme_eject_copies_refuses_then_forces_and_builds_the_same(tmp_path: Path) -> None:
    root = brand_project(tmp_path / "p", "kinds: [sheet]\nbrands: [northfield]\n")
    before = built_entries(root, BuildRequest(out=tmp_path / "before"))["sheets/harbour-pilot.pdf"]

    code, output = run(root, "theme", "eject")
    files = theme_files()
    assert code == 0
    assert len(files) > 30 and Path("styles/fonts/Inter-Regular.otf") in files
    assert output.splitlines()[0] == f"wrote {root / files[0]}"
    assert output.splitlines()[-1] == f"{len(files)} theme files in {root}"
    assert all((root / rel).read_bytes() == (builtin_dir() / rel).read_bytes() for rel in files)

    code, output = run(root, "theme", "eject")
    assert code == 1
    assert output == (
        f"{root / files[0]}: already exists (and {len(files) - 1} more); use --force to overwrite\n"
    )
    (root / "styles/base.css").write_text("/* edited */\n")
    assert run(root, "theme", "eject", "--force")[0] == 0
    assert (root / "styles/base.css").read_bytes() == (
        builtin_dir() / "styles/base.css"
    ).read_bytes()

    after = built_entries(root, BuildRequest(out=tmp_path / "after"))["sheets/harbour-pilot.pdf"]
    assert Theme(root).style("base.css") == root / "styles/base.css"
    assert after["sha256"] == before["sha256"]


def test_theme_eject_into_another_folder_and_never_onto_the_builtin(tmp_path: Path) -> None:
    root = brand_project(tmp_path / "p", "title: T\n")
    code, output = run(root, "theme", "eject", "--out", str(tmp_path / "starter"))
    assert code == 0
    assert (tmp_path / "starter/templates/guide.html.j2").is_file()
    assert not (root / "templates").exists()
    code, output = run(root, "theme", "eject", "--out", str(builtin_dir()))
    assert (code, output) == (
        1,
        f"{builtin_dir()}: is the built-in theme's own folder; choose another with --out\n",
    )


def test_theme_eject_has_help_with_an_example() -> None:
    result = invoke(None, "theme", "eject", "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "--force" in result.output
