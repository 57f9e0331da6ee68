"""Colour contrast: the WCAG maths, and low contrast as an error on the colour that is set."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.content.contrast import (
    AA_TEXT,
    PAIRS,
    contrast_ratio,
    mix,
    palette,
    readable,
    relative_luminance,
    shown,
)
from guidepress.content.models.brand import Brand, Colors
from tests.helpers import REPO, brand_file, validate_lines


def load_brand(name: str) -> Brand:
    import yaml

    return Brand.model_validate(
        yaml.safe_load((REPO / "content/brands" / name / "brand.yaml").read_text("utf-8"))
    )


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)
    assert contrast_ratio("#777777", "#fff") == pytest.approx(4.48, abs=0.01)
    assert shown(4.4999) == "4.4"  # never rounded up past the threshold


def test_low_contrast_is_an_error_on_the_colour_that_is_set(project: Path) -> None:
    brand_file(
        project,
        """
        name: X
        colors:
          primary: "#7fa8c9"
          text: "#8a8a8a"
          muted: "#aaaaaa"
        """,
    )
    assert validate_lines(project) == (
        1,
        [
            "content/brands/x/brand.yaml:3:3: colors.primary: contrast 2.5:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (headings); also 2.5:1 against on_primary #ffffff "
            "(text on primary bands), 2.3:1 against the primary tint #f5f8fb (figures on tinted "
            "panels)",
            "content/brands/x/brand.yaml:4:3: colors.text: contrast 3.4:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (body text); also 3.2:1 against the primary tint "
            "#f5f8fb (text on tinted panels), 3.1:1 against the accent tint #fdf1e6 (text on "
            "accent chips)",
            "content/brands/x/brand.yaml:5:3: colors.muted: contrast 2.3:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (secondary text)",
        ],
    )


def test_a_dark_background_is_blamed_for_default_text(project: Path) -> None:
    brand_file(
        project,
        'name: X\ncolors: {background: "#222222", primary: "#f5c542", on_primary: "#000"}\n',
    )
    code, lines = validate_lines(project)
    assert code == 1
    assert lines[0] == (
        "content/brands/x/brand.yaml:2:10: colors.background: contrast 1.0:1 against text "
        "#1d1d1d is below WCAG AA 4.5:1 (body text); also 3.2:1 against muted #6b7280 "
        "(secondary text)"
    )


def test_a_colour_that_is_no_colour_leaves_the_others_judged(project: Path) -> None:
    # The primary is not a colour: the pairs with it or its tints are not judged; the text
    # colour still is, against the background and the accent tint.
    brand_file(project, 'name: X\ncolors: {primary: "#12345", text: "#9a9a9a"}\n')
    assert validate_lines(project) == (
        1,
        [
            "content/brands/x/brand.yaml:2:10: colors.primary: must be a hex colour like #0b4f6c "
            "(got '#12345')",
            "content/brands/x/brand.yaml:2:29: colors.text: contrast 2.8:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (body text); also 2.5:1 against the accent tint "
            "#fdf1e6 (text on accent chips)",
        ],
    )


def test_allow_low_contrast_accepts_the_brand(project: Path) -> None:
    brand_file(project, 'name: X\nallow_low_contrast: true\ncolors: {text: "#aaaaaa"}\n')
    assert validate_lines(project) == (0, ["ok: 0 roles, 2 brands"])


@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_every_colour_printed_as_text_passes_aa_the_accent_made_readable(brand: str) -> None:
    colors = load_brand(brand).colors
    # Every example accent fails AA as small text on the page (2.8 to 3.5:1) ...
    assert contrast_ratio(colors.accent, colors.background) < AA_TEXT
    themed = palette(colors)
    # ... so where the theme prints it as text, it prints the nearest shade that passes.
    for fore, back, _ in PAIRS:
        assert contrast_ratio(getattr(themed, fore), getattr(themed, back)) >= AA_TEXT, fore
    assert themed.accent_text != colors.accent and themed.accent_on_primary != colors.accent
    # The nearest shade: one step less would fail on the tinted panels it is read on too.
    lighter = mix(themed.accent_text, colors.accent, 0.1)
    assert contrast_ratio(lighter, themed.primary_tint) < AA_TEXT


def test_readable_moves_towards_black_on_light_and_white_on_dark() -> None:
    assert readable("#f4a259", "#ffffff") < "#f4a259"  # darker
    assert contrast_ratio(readable("#f4a259", "#ffffff"), "#ffffff") >= AA_TEXT
    lighter = readable("#b3892a", "#6d1f2f")
    assert relative_luminance(lighter) > relative_luminance("#b3892a")
    assert contrast_ratio(lighter, "#6d1f2f") >= AA_TEXT
    assert readable("#123456", "#ffffff") == "#123456"  # already readable: unchanged


def test_the_theme_colours_of_pros_and_cons_pass_on_their_tints() -> None:
    themed = palette(Colors())
    assert contrast_ratio(themed.pro, themed.pro_tint) >= AA_TEXT
    assert contrast_ratio(themed.con, themed.con_tint) >= AA_TEXT


def test_the_stylesheets_defaults_are_the_default_brands_palette() -> None:
    # base.css names every colour for pages without a brand's tokens (an ejected theme's
    # preview): the same palette the default brand prints with.
    import re
    from dataclasses import asdict

    css = (REPO / "styles" / "base.css").read_text("utf-8")
    declared = dict(re.findall(r"--gp-([a-z-]+): (#[0-9a-f]{6});", css))
    expected = {name.replace("_", "-"): value for name, value in asdict(palette(Colors())).items()}
    assert {name: declared.get(name) for name in expected} == expected
