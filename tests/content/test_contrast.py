"""Colour contrast: the WCAG maths, and low contrast as an error on the colour that is set."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.content.contrast import contrast_ratio, relative_luminance, shown
from tests.helpers import brand_file, validate_lines


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
            "#ffffff is below WCAG AA 4.5:1 (headings)",
            "content/brands/x/brand.yaml:3:3: colors.primary: contrast 2.5:1 against on_primary "
            "#ffffff is below WCAG AA 4.5:1 (text on primary bands)",
            "content/brands/x/brand.yaml:4:3: colors.text: contrast 3.4:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (body text)",
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
        "#1d1d1d is below WCAG AA 4.5:1 (body text)"
    )


def test_allow_low_contrast_accepts_the_brand(project: Path) -> None:
    brand_file(project, 'name: X\nallow_low_contrast: true\ncolors: {text: "#aaaaaa"}\n')
    assert validate_lines(project) == (0, ["ok: 0 roles, 2 brands"])
