"""What the at-a-glance page and back cover read from a role: this role's ladder step, the
ladder as bars of years, related roles, the education scale, the citations."""

from __future__ import annotations

import re

import pytest

from guidepress.content.education import education_level
from guidepress.content.models import Role
from guidepress.render.citations import sources
from guidepress.render.glance import (
    Related,
    education_steps,
    entry_education,
    ladder,
    related_roles,
)
from guidepress.render.pay import pay_of_role

TIERS = [
    {"title": "Junior Account Manager", "experience": "0-2 years"},
    {"title": "Account Manager", "experience": "2-5 years"},
    {"title": "Strategic Account Manager", "experience": "5-8 years"},
    {"title": "Director of Strategic Accounts", "experience": "10+ years"},
]


def role(title: str = "Strategic Account Manager", **fields: object) -> Role:
    return Role.model_validate({"title": title, "summary": "S.", "tiers": TIERS, **fields})


def test_ladder_bars_climb_on_an_axis_of_years() -> None:
    rungs, ticks = ladder(role(), 2)
    assert ticks == [0, 5, 10, 15]
    assert [(r.start, r.width, r.open_end, r.mark) for r in rungs] == [
        (0.0, 13.33, False, False),
        (13.33, 20.0, False, False),
        (33.33, 20.0, False, True),
        (66.67, 33.33, True, False),  # "10+ years" runs to the end of the axis
    ]
    short, ticks = ladder(Role.model_validate(
        {"title": "X", "summary": "S.", "tiers": [{"title": "A", "experience": "a few years"},
                                                 {"title": "B", "experience": "1-3 years"}]}
    ), None)  # fmt: skip
    assert ticks == [0, 2, 4, 6, 8, 10]
    assert [(r.start, r.width) for r in short] == [(None, None), (10.0, 20.0)]


def test_related_roles_are_the_named_ones_then_the_steps_above() -> None:
    # A step down the ladder is no next step: only the Director is offered.
    assert related_roles(role(), 2) == [Related("Director of Strategic Accounts", True)]
    assert related_roles(role("Junior Account Manager"), 0) == [
        Related("Account Manager", True),
        Related("Strategic Account Manager", True),
        Related("Director of Strategic Accounts", True),
    ]
    named = role(related_roles=["Sales Engineer", "Account Manager"])
    assert related_roles(named, 2, most=3) == [
        Related("Sales Engineer", False),
        Related("Account Manager", False),
        Related("Director of Strategic Accounts", True),
    ]
    assert related_roles(role(), 3) == []  # the top of its ladder, nothing named
    assert related_roles(Role(title="Chef", summary="S."), None) == []


def test_a_related_project_role_links_to_its_page() -> None:
    named = role(related_roles=[{"title": "Chef", "slug": "chef"}, "Sales Engineer"])
    assert related_roles(named, 3, role_url="https://x.edu/roles/{slug}") == [
        Related("Chef", False, "https://x.edu/roles/chef"),
        Related("Sales Engineer", False),
    ]
    assert related_roles(named, 3)[0] == Related("Chef", False)


def test_entry_education_is_the_level_the_text_names_first() -> None:
    assert education_level(["Most roles require a bachelor's degree; an MBA helps."]) == "bachelor"
    assert education_level(["A master’s degree or a PhD is usual."]) == "master"
    assert education_level(["An associate's degree, or a high school diploma."]) == "associate"
    assert education_level(["On-the-job training."]) is None
    assert entry_education(role(education=["Most hold a Bachelor's degree."])) == "bachelor"
    assert entry_education(role(entry_education="doctoral", education=["A BA."])) == "doctoral"


def test_the_education_scale_marks_the_level() -> None:
    steps = education_steps("bachelor")
    assert [key for key, _ in steps] == [
        "high_school", "postsecondary", "associate", "bachelor", "master", "doctoral",
    ]  # fmt: skip
    assert [key for key, here in steps if here] == ["bachelor"]
    assert education_steps("none")[0] == ("none", True)


def test_figures_cite_their_sources_by_number() -> None:
    sam = role(
        salary={"min": 70000, "max": 140000, "median": 105000},
        outlook={"growth_rate": 8, "sources": ["U.S. Bureau of Labor Statistics"]},
        references=[{"title": "Sales careers", "publisher": "Example Press", "year": 2024,
                     "url": "https://example.org/sales", "visited": "2026-11-01"}],
        provenance={"source": "page.txt", "title": "SAM Career Path Guide", "publisher": "Jobs"},
    )  # fmt: skip
    found = sources(sam, pay_of_role(sam))
    assert [(c.number, c.title, c.role) for c in found.citations] == [
        (1, "SAM Career Path Guide", None),
        (2, "U.S. Bureau of Labor Statistics", "outlook"),
        (3, "Sales careers", None),
    ]
    assert (found.of("pay"), found.of("outlook"), found.of("education")) == ([1], [2], [1])
    bare = sources(Role(title="Chef", summary="S."), None)
    assert (bare.citations, bare.of("pay"), bare.of("outlook")) == ([], [], [])


def _token(css: str, selector: str, prop: str) -> str:
    """The palette colour (a design token, ``var(--gp-...)``) ``selector``'s rule sets ``prop``
    to in ``css``, as a Palette field name."""
    rule = re.search(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", css)
    assert rule, selector
    value = re.search(rf"(?:^|[;\s]){prop}: var\(--gp-([a-z-]+)\)", rule.group(1))
    assert value, (selector, prop)
    return value.group(1).replace("-", "_")


@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_the_ladder_strip_s_step_numbers_are_readable(brand: str) -> None:
    """Review 7: the strip's step numbers were 1.43:1 on their tile. 13 pt bold is not large text
    (14 pt), so 4.5:1, on the plain tiles and on this role's, from the brand's tokens and the
    colours styles/guide.css gives them."""
    from guidepress.content.contrast import AA_TEXT, contrast_ratio
    from guidepress.content.project import load_project
    from tests.helpers import REPO

    css = (REPO / "styles" / "guide.css").read_text("utf-8")
    project, _ = load_project(REPO)
    colors = project.brand(brand).palette
    for tile in ("", ".strip-mark "):
        number = _token(css, f"{tile}.strip-n", "color")
        ground = _token(css, f"{tile}.strip-box", "background")
        ratio = contrast_ratio(getattr(colors, number), getattr(colors, ground))
        assert ratio >= AA_TEXT, (brand, tile, number, ground, round(ratio, 2))
