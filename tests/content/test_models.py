"""The models' own rules: font faces from file names, tier years, the config's output folder
and locale codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.content.models import Role
from guidepress.content.models.brand import Font
from tests.helpers import run, run_err, write


@pytest.mark.parametrize(
    ("file", "face"),
    [
        ("fonts/Karla-Regular.otf", (400, "normal")),
        ("fonts/Karla-BoldItalic.otf", (700, "italic")),
        ("Brand_SemiBold.ttf", (600, "normal")),
        ("Brand-ExtraLight.ttf", (200, "normal")),
        ("BaskervaldADFStd.otf", (400, "normal")),
    ],
)
def test_font_face_is_read_from_the_file_name(file: str, face: tuple[int, str]) -> None:
    assert Font.face(file) == face


def test_tier_years_are_parsed(project: Path) -> None:
    role = Role.model_validate(
        {
            "title": "A",
            "summary": "s",
            "tiers": [
                {"title": "J", "experience": "0-2 years"},
                {"title": "S", "experience": "8+ years"},
            ],
        }
    )
    assert [(t.years_min, t.years_max) for t in role.tiers] == [(0, 2), (8, None)]


def test_config_output_and_locales_stay_inside_the_project(project: Path) -> None:
    write(project, "guidepress.yaml", "output: ../../outside\nlocales: [en, ../../../tmp/x]\n")
    assert run_err(project, "validate") == (
        1,
        "guidepress.yaml:1:1: output: must be a folder inside the project (got '../../outside')\n"
        "guidepress.yaml:2:15: locales[1]: '../../../tmp/x' is not a locale code "
        "(e.g. en, es, fr, de, fr_CA)\n",
    )


def test_unknown_locale_in_the_config_is_located(project: Path) -> None:
    write(project, "guidepress.yaml", "locales: [en, klingon]\n")
    assert run(project, "validate") == (
        1,
        "guidepress.yaml:1:15: locales[1]: 'klingon' is not a locale code "
        "(e.g. en, es, fr, de, fr_CA)\n",
    )
