"""The models' own rules: font faces from file names, tier years, the config's output folder
and locale codes, prose written as one text."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.content.models import Role
from guidepress.content.models.base import TaggedText
from guidepress.content.models.brand import Font
from guidepress.content.project import load_project
from tests.helpers import project_guide_html, run, run_err, write


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


def test_office_fields_are_optional_and_checked(project: Path) -> None:
    write(project, "content/brands/x/brand.yaml", "name: X\n")
    write(
        project,
        "content/brands/y/brand.yaml",
        """
        name: Y
        office:
          address: [1 Main Street]
          phone: +1 555 0100
          booking_url: javascript:alert(1)
          fax: "555"
        """,
    )
    code, err = run_err(project, "validate")
    assert (code, err.splitlines()) == (
        1,
        [
            "content/brands/y/brand.yaml:5:3: office.booking_url: must be a web address "
            "(http:// or https://) or a mailto: address (got 'javascript:alert(1)')",
            "content/brands/y/brand.yaml:6:3: office.fax: unknown field",
        ],
    )


def test_audience_and_saddle_stitching_in_the_config(project: Path) -> None:
    write(
        project,
        "guidepress.yaml",
        "audiences: {student: {cover: For adults changing career}}\nguide: {pages_multiple: 0}\n",
    )
    assert run_err(project, "validate") == (
        1,
        "guidepress.yaml:2:9: guide.pages_multiple: must be at least 1 (got 0)\n",
    )


def test_prose_written_as_one_text_is_split_into_paragraphs(project: Path) -> None:
    write(
        project,
        "content/roles/nurse.yaml",
        """
        title: Nurse
        summary: Cares for patients.
        work_setting: Hospitals and clinics, often on *shifts*.
        faqs:
          - question: What do I need?
            answer: |
              An associate degree
              is the usual start.

              A bachelor's degree opens more doors.
        """,
    )
    loaded, problems = load_project(project)
    assert problems == []
    role = loaded.roles["nurse"]
    assert role.work_setting == ["Hospitals and clinics, often on *shifts*."]
    assert role.faqs[0].answer == [
        "An associate degree is the usual start.",
        "A bachelor's degree opens more doors.",
    ]
    html = project_guide_html(project)
    # Each paragraph's last word is set apart (theme/filters.py::md_end: never hyphenated).
    assert (
        '<p>Hospitals and clinics, often on<span class="last-word"> <em>shifts</em>.</span></p>'
        in html
    )
    assert '<p>A bachelor\'s degree opens more<span class="last-word"> doors.</span></p>' in html


def test_prose_of_another_type_says_both_forms(project: Path) -> None:
    write(project, "content/roles/nurse.yaml", "title: Nurse\nsummary: s\nwork_setting: 5\n")
    assert run_err(project, "validate") == (
        1,
        "content/roles/nurse.yaml:3:1: work_setting: must be text or a list of paragraphs "
        "(got number 5)\n",
    )
    schema = Role.model_json_schema()["properties"]["work_setting"]
    paragraph = {"anyOf": [{"type": "string"}, TaggedText.model_json_schema()]}
    assert schema["anyOf"] == [{"type": "string"}, {"type": "array", "items": paragraph}]
