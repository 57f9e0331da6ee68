"""Fonts on paper: every kind under every example brand and a held-out brand whose font lacks
digits and punctuation embeds the theme's and the brand's fonts only, never the machine's; a
character no theme or brand font has fails the output, named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from fontTools import subset

from guidepress.build.request import BuildRequest
from tests.helpers import REPO, SEED_ROLES, built_once, fonts_of, pinned_build, run, write
from tests.paper.measure import chars

pytestmark = pytest.mark.pdf

#: The families each brand may embed besides the theme's GP Body and GP Serif.
OWN = {
    "default": (),
    "northfield": ("Baskervald-ADF-northfield",),
    "brightpath": ("Karla-brightpath", "League-Spartan-brightpath"),
    "heldout": ("Held-Out-heldout",),
}


def held_out_brand(root: Path) -> None:
    """A brand whose only font is Karla cut down to the Latin letters: no digits, no
    punctuation, no currency signs, so every figure falls back to a font."""
    folder = root / "content/brands/heldout"
    (folder / "fonts").mkdir(parents=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    font = subset.load_font(
        str(REPO / "content/brands/brightpath/fonts/Karla-Regular.otf"), options
    )
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ")
    subsetter.subset(font)
    font.save(str(folder / "fonts/HeldOut-Regular.otf"))
    write(
        root,
        "content/brands/heldout/brand.yaml",
        """
        name: Held Out Careers
        colors: {primary: "#1f5f3a", accent: "#c98a1b"}
        fonts:
          heading: {family: Held Out, files: [fonts/HeldOut-Regular.otf]}
          body: {family: Held Out, files: [fonts/HeldOut-Regular.otf]}
        url: https://heldout.example
        """,
    )


def build_every_brand(folder: Path) -> list[tuple[str, str]]:
    root = folder / "proj"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "data", root / "data")  # the demo's U.S. edition: official pay
    shutil.copy(REPO / "guidepress.yaml", root / "guidepress.yaml")
    held_out_brand(root)
    request = BuildRequest(roles=SEED_ROLES, kinds=("guide", "sheet", "compare"), brands=tuple(OWN))
    report = pinned_build(root, request)
    return [(entry.brand, str(report.output_dir / entry.path)) for entry in report.entries]


@pytest.fixture(scope="session")
def every_brand(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    """Guides, sheets and the comparison of the seeds under every brand, built once."""
    found = built_once(tmp_path_factory, "fonts", build_every_brand)
    return [(brand, Path(path)) for brand, path in found]


def test_every_kind_embeds_the_theme_and_the_brand_fonts_only(
    every_brand: list[tuple[str, Path]],
) -> None:
    assert len(every_brand) == 4 * 5  # two guides, two sheets, one comparison per brand
    for brand, path in every_brand:
        allowed = ("GP-Body", "GP-Serif", *OWN[brand])
        names = fonts_of(path)
        assert all(name.startswith(allowed) for name in names), (path, names)
        assert all(any(name.startswith(a) for name in names) for a in OWN[brand]), (path, names)


def test_a_brand_font_without_figures_takes_them_from_the_theme(
    every_brand: list[tuple[str, Path]],
) -> None:
    sheet = next(p for b, p in every_brand if b == "heldout" and "sheets" in p.parts)
    printed = chars(sheet)
    letters = [c for c in printed if c.text.isalpha() and c.text.isascii()]
    figures = [c for c in printed if c.text.isdigit() or c.text in "$,.%"]
    # Letters in the brand's face; figures and punctuation it lacks in the theme's.
    assert sum(c.font.startswith("Held-Out") for c in letters) > 0.9 * len(letters)
    assert figures and all(c.font.startswith("GP-") for c in figures)


def test_a_character_no_theme_or_brand_font_has_fails_the_output_named(project: Path) -> None:
    write(
        project,
        "content/roles/pilot.yaml",
        yaml.safe_dump({"title": "Pilot", "summary": "Flies often ✈ between cities."}),
    )
    code, output = run(project, "build", "--kind", "sheet")
    assert code == 1
    assert output.splitlines()[-1].startswith(
        "sheets/pilot.pdf: preflight: '✈' printed in the machine's font "
    )
    assert output.splitlines()[-1].endswith(
        ": no font of the theme or the brand (GP Body, GP Serif) has these characters"
    )
    assert not (project / "output/sheets/pilot.pdf").exists()
