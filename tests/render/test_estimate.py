"""The one-pagers' pre-layout height estimate (render/estimate.py): its line breaking, and its
calibration against real layouts of the demo's roles and the reviewer's, under two brands (a logo
beside the title in the theme's faces, and one above it in a serif)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.pdf.fit import content_height
from guidepress.render.context import Options, Subject
from guidepress.render.estimate import (
    ESTIMATE_ERROR,
    heading_face,
    lines,
    rem_mm,
    sheet_estimate,
)
from guidepress.render.kinds import KINDS
from guidepress.render.sheet import PAGE, SCALES
from guidepress.render.typefaces import THEME_FAMILY, THEME_FILES, Face, face_of
from guidepress.theme.lookup import Theme
from tests.helpers import REPO, SEED_ROLES, brand_project

INTER = Face((THEME_FAMILY,), tuple((w, (REPO / "styles" / p,)) for w, p in THEME_FILES.items()))


def test_words_go_on_a_line_while_they_fit() -> None:
    size = rem_mm(1.0)
    word = INTER.width("listen", size)
    space = INTER.width(" ", size)
    # Three words and two spaces fit exactly; a fourth goes to the next line.
    assert lines("listen listen listen", 3 * word + 2 * space, size, INTER) == 1
    assert lines("listen listen listen listen", 3 * word + 2 * space, size, INTER) == 2
    # A no-break space joins two words: they move to the next line together.
    assert lines("listen listen listen\u00a0listen", 3 * word + 2 * space, size, INTER) == 2
    assert lines("", 50.0, size, INTER) == 0


def test_a_long_word_is_hyphenated_where_the_dictionary_allows() -> None:
    size = rem_mm(1.0)
    text = "go go communication go"
    room = INTER.width("communication", size) + 0.1
    assert INTER.width("go go commu\u2010", size) < room < INTER.width("go go communication", size)
    # Unhyphenated: "go go" / "communication" / "go". Hyphenated (com-mu-ni-ca-tion) as
    # WeasyPrint does in English: "go go commu-" / "nication go".
    assert lines(text, room, size, INTER) == 3
    assert lines(text, room, size, INTER, locale="en") == 2


@pytest.mark.pdf
@pytest.mark.parametrize("brand", ["default", "northfield"])
def test_a_sheet_estimate_is_within_its_error_of_the_laid_out_height(
    tmp_path: Path, brand: str
) -> None:
    root = brand_project(tmp_path / "proj", f"brands: [{brand}]\nkinds: [sheet]\n")
    for slug in SEED_ROLES:
        shutil.copy(REPO / "content/roles" / f"{slug}.yaml", root / "content/roles")
    for path in (REPO / "tests/paper/roles").glob("*.yaml"):
        shutil.copy(path, root / "content/roles")
    project, problems = load_project(root)
    assert problems == []
    theme = Theme(root)
    kit = project.brand(brand)
    room = PAGE.room_px("a4")
    last = len(SCALES) - 1
    errors = {}
    for slug, role in project.roles.items():
        subject = Subject(slug, (role,))
        options = Options(locale="en", paper="a4", edition=project.build_date())
        estimate = sheet_estimate(subject, kit, theme, options)
        for level, scale in ((0, 1.0), (last, SCALES[last])):
            rendered = KINDS["sheet"].render(subject, kit, theme, Options(
                locale="en", paper="a4", edition=project.build_date(), level=level,
                scale=scale))  # fmt: skip
            laid = layout(rendered.html, rendered.stylesheets, allowed=[root / "content"])
            errors[(slug, level)] = (estimate(level, scale) - content_height(laid)) / room
    # Every role measured at both levels: the brand project's harbour pilot, the seeds and the
    # reviewers' roles (tests/paper/roles grows as reviews add roles).
    assert len(errors) == 2 * len(project.roles) and len(project.roles) >= 6
    off = {key: f"{error:+.1%}" for key, error in errors.items() if abs(error) > ESTIMATE_ERROR}
    assert off == {}


@pytest.mark.parametrize("brand", ["default", "brightpath"])
def test_headings_are_measured_in_the_face_they_print_in(tmp_path: Path, brand: str) -> None:
    """``--gp-font-heading``: the brand's heading font, else the theme's serif (not the body's
    sans, which a title of the default brand was measured in), the body's files behind it."""
    root = brand_project(tmp_path / "proj", f"brands: [{brand}]\n")
    project, _ = load_project(root)
    kit, theme = project.brand(brand), Theme(root)
    body = face_of(kit, theme)
    heading = heading_face(kit, theme, body)
    first = {weight: files[0].name for weight, files in heading.files}
    if brand == "default":
        assert first == {400: "NotoSerif-Regular.ttf", 700: "NotoSerif-Bold.ttf"}
    else:
        assert set(first.values()) == {"LeagueSpartan-Bold.otf"}
    assert [files[1:] for _, files in heading.files] == [files for _, files in body.files]
    assert heading.width("Registered Nurse", 20, 700) != body.width("Registered Nurse", 20, 700)
