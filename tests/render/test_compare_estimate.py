"""The comparison's pre-layout height estimate (render/compare_estimate.py): its run-in lists,
and its calibration against real layouts of the demo's and the reviewers' roles side by side:
two, three (with the dot matrix, and folded) and four roles (landscape), under two brands (a
logo beside the title in the theme's faces, and one above it in a serif) on A4 and Letter."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.pdf.fit import content_height
from guidepress.render import compare
from guidepress.render.compare_estimate import COMPARE_ERROR, _run_in, compare_estimate
from guidepress.render.context import Options, Subject
from guidepress.render.estimate import rem_mm
from guidepress.render.kinds import KINDS
from guidepress.render.typefaces import THEME_FAMILY, THEME_FILES, Face
from guidepress.theme.lookup import Theme
from tests.helpers import REPO, SEED_ROLES, brand_project

INTER = Face((THEME_FAMILY,), tuple((w, (REPO / "styles" / p,)) for w, p in THEME_FILES.items()))

COMPARISONS = {
    "seeds": ["strategic-account-manager", "customer-success-manager"],
    "care-data-clients": ["registered-nurse", "business-intelligence-data-analyst",
                          "customer-success-manager"],
    "trades-care-clients": ["electrician", "registered-nurse", "customer-success-manager"],
    "four": ["business-intelligence-data-analyst", "ux-designer-researcher",
             "customer-success-manager", "strategic-account-manager"],
}  # fmt: skip


def test_a_run_in_list_breaks_at_spaces_with_shared_items_bold() -> None:
    size = rem_mm(1.0)
    bullet = INTER.width("\u00a0\u2022", size)
    plain = [("Excel", False), ("SQL", False)]
    # "Excel •" and "SQL" on one line when the line holds them and the space between.
    one = INTER.width("Excel", size) + bullet + INTER.width(" ", size) + INTER.width("SQL", size)
    assert _run_in(plain, one, size, INTER) == 1
    assert _run_in(plain, one - 0.1, size, INTER) == 2
    # Shared, the same items are bold with a dot after each: wider than the plain line.
    assert _run_in([(text, True) for text, _ in plain], one, size, INTER) == 2
    assert _run_in([], 50.0, size, INTER) == 0


@pytest.mark.pdf
@pytest.mark.parametrize(("brand", "paper"), [("default", "a4"), ("northfield", "letter")])
def test_a_comparison_estimate_is_within_its_error_of_the_laid_out_height(
    tmp_path: Path, brand: str, paper: str
) -> None:
    root = brand_project(tmp_path / "proj", f"brands: [{brand}]\nkinds: [compare]\n")
    for slug in SEED_ROLES:
        shutil.copy(REPO / "content/roles" / f"{slug}.yaml", root / "content/roles")
    for path in (REPO / "tests/paper/roles").glob("*.yaml"):
        shutil.copy(path, root / "content/roles")
    for name, slugs in COMPARISONS.items():
        intro = "intro: Careers side by side, as a careers office would compare them.\n"
        (root / "content/comparisons").mkdir(exist_ok=True)
        (root / "content/comparisons" / f"{name}.yaml").write_text(
            f"title: {name.replace('-', ' ').title()}\nroles: [{', '.join(slugs)}]\n{intro}"
        )
    project, problems = load_project(root)
    assert problems == []
    theme = Theme(root)
    kit = project.brand(brand)
    kind = KINDS["compare"]
    errors = {}
    for name, comparison in project.comparisons.items():
        subject = Subject(name, tuple(project.roles[r] for r in comparison.roles), comparison)
        options = Options(locale="en", paper=paper, edition=project.build_date())
        estimate = compare_estimate(subject, kit, theme, options)
        room = compare.PAGE.room_px(paper, compare.is_landscape(subject, paper))
        last = len(compare.levels(subject)) - 1
        # Everything (the matrix of what three share), type at 95 %, and the fewest items at
        # the floor (the matrix folded into the columns).
        for level, scale in ((1, 1.0), (5, 0.95), (last, compare.SCALES[last])):
            rendered = kind.render(subject, kit, theme, replace(options, level=level, scale=scale))
            laid = layout(rendered.html, rendered.stylesheets, allowed=[root / "content"])
            errors[(name, level)] = (estimate(level, scale) - content_height(laid)) / room
    assert len(errors) == 3 * len(COMPARISONS)
    off = {key: f"{error:+.1%}" for key, error in errors.items() if abs(error) > COMPARE_ERROR}
    assert off == {}
    # Most within a line's share: a miss of a whole row's line is the exception.
    assert sum(abs(error) for error in errors.values()) / len(errors) < 0.01
