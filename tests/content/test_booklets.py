"""Booklets in guidepress.yaml: their roles in order and in groups, and every problem a booklet
can have, located."""

from __future__ import annotations

from pathlib import Path

from guidepress.content.booklets import DEFAULT_BOOKLET, booklets, groups, members
from guidepress.content.models import Config, Role
from guidepress.content.models.config import BookletSettings
from tests.helpers import validate_lines, write


def _roles() -> dict[str, Role]:
    def role(title: str, median: float | None, growth: float | None, demand: str | None) -> Role:
        data: dict[str, object] = {"title": title, "summary": "A role."}
        if median is not None:
            data["salary"] = {"min": 1000, "max": 900000, "median": median}
        if growth is not None:
            data["growth_rate"] = growth
        if demand is not None:
            data["market_demand"] = demand
        return Role.model_validate(data)

    return {
        "baker": role("Baker", 40000, 2, "Moderate"),
        "analyst": role("Data Analyst", 90000, 23, "Very High"),
        "nurse": role("Nurse", 80000, None, "High"),
        "zookeeper": role("Zookeeper", None, 5, None),
    }


def _order(settings: dict[str, object]) -> list[tuple[str | None, tuple[str, ...]]]:
    found = groups(BookletSettings.model_validate(settings), _roles())
    return [(group.title, group.roles) for group in found]


def test_roles_in_the_order_asked_for() -> None:
    every = ("analyst", "baker", "nurse", "zookeeper")
    assert _order({}) == [(None, every)]  # all roles, by file name
    assert _order({"order": "title"}) == [(None, ("baker", "analyst", "nurse", "zookeeper"))]
    assert _order({"order": "salary"}) == [(None, ("analyst", "nurse", "baker", "zookeeper"))]
    assert _order({"order": "growth"}) == [(None, ("analyst", "zookeeper", "baker", "nurse"))]
    assert _order({"order": "demand"}) == [(None, ("analyst", "nurse", "baker", "zookeeper"))]
    listed = {"roles": ["nurse", "baker", "gone"]}  # a role left out (its file has problems)
    assert _order(listed) == [(None, ("nurse", "baker"))]
    grouped = {
        "groups": [
            {"title": "Care", "roles": ["zookeeper", "nurse"]},
            {"title": "Numbers", "roles": ["baker", "analyst"]},
        ],
        "order": "salary",
    }
    assert _order(grouped) == [("Care", ("nurse", "zookeeper")), ("Numbers", ("analyst", "baker"))]
    settings = BookletSettings.model_validate(grouped)
    assert members(settings, _roles()) == ("zookeeper", "nurse", "baker", "analyst")


def test_a_project_without_booklets_has_one_of_every_role() -> None:
    assert list(booklets(Config())) == [DEFAULT_BOOKLET]
    assert booklets(Config())[DEFAULT_BOOKLET].roles is None  # all
    configured = Config.model_validate({"booklets": {"fair": {"roles": ["baker"]}}})
    assert list(booklets(configured)) == ["fair"]


#: A booklet with a problem in every field the project's content decides (lines 3 to 10).
FAIR = """
    booklets:
      fair:
        roles: [baker, nurse, bakr, baker]
        audience: employr
        brand: northfeld
        impose: saddle
        pages_multiple: 2
      both:
        roles: [baker]
        groups: [{title: Food, roles: [baker]}]
"""


def test_problems_of_booklets_are_located(project: Path) -> None:
    for slug in ("baker", "nurse"):
        write(project, f"content/roles/{slug}.yaml", f"title: {slug.title()}\nsummary: A role.\n")
    # Shape problems first: the booklets' other problems are looked for once those are gone.
    shapes = """\
      one:
        roles: nurse
      Big Fair:
        order: salaries
"""
    write(project, "guidepress.yaml", FAIR + shapes)
    assert validate_lines(project) == (
        1,
        [
            "guidepress.yaml:12:5: booklets.one.roles: must be 'all' or a list of role names "
            "(got 'nurse')",
            "guidepress.yaml:13:3: booklets.Big Fair: name must be lowercase letters, digits "
            "and single hyphens, like 'chef-de-partie' (got 'Big Fair')",
            "guidepress.yaml:14:5: booklets.Big Fair.order: must be one of 'listed', 'title', "
            "'salary', 'growth' or 'demand' (got 'salaries')",
        ],
    )
    write(project, "guidepress.yaml", FAIR)
    assert validate_lines(project) == (
        1,
        [
            "guidepress.yaml:3:27: booklets.fair.roles[2]: no role 'bakr' in content/roles "
            "(did you mean 'baker'?)",
            "guidepress.yaml:3:33: booklets.fair.roles[3]: role 'baker' is in this booklet already",
            "guidepress.yaml:4:5: booklets.fair.audience: no audience 'employr' "
            "(did you mean 'employer'?)",
            "guidepress.yaml:5:5: booklets.fair.brand: no brand 'northfeld' in content/brands",
            "guidepress.yaml:7:5: booklets.fair.pages_multiple: a saddle-stitched booklet "
            "needs a multiple of 4 pages (got 2)",
            "guidepress.yaml:10:5: booklets.both.groups: give roles or groups, not both",
        ],
    )
