"""The figures charts draw: growth is set against the all-occupations benchmark only over the
same period, in every chart (guide, sheet, comparison) since all of them draw from
growth_of_role."""

from __future__ import annotations

from guidepress.content.models import Role
from guidepress.content.models.config import Benchmarks
from guidepress.render.pay import growth_of_role, same_period

BENCHMARKS = Benchmarks.model_validate(
    {"growth": {"rate": 3, "period": "2024–34", "area": "US", "source": "BLS Projections"}}
)


def role(**outlook: object) -> Role:
    return Role.model_validate({"title": "Analyst", "summary": "S.", "outlook": outlook})


def test_growth_is_set_against_the_benchmark_only_over_the_same_period() -> None:
    same = growth_of_role(role(growth_rate=8, period="2024-34"), BENCHMARKS)
    assert same is not None and same.benchmark is not None
    assert (same.benchmark.value, same.benchmark.period) == (3, "2024–\u206034")
    for outlook in ({"growth_rate": 8}, {"growth_rate": 8, "period": "2023–33"}):
        growth = growth_of_role(role(**outlook), BENCHMARKS)
        assert growth is not None and growth.rate == 8 and growth.benchmark is None, outlook
    assert growth_of_role(role(growth_rate=8), None) is not None


def test_periods_match_whatever_their_dashes_and_spaces() -> None:
    assert same_period("2024–34", "2024-34")
    assert same_period("2024 — 34", "2024-34")
    assert not same_period("2024–34", "2023–33")
    assert not same_period(None, "2024–34") and not same_period("2024–34", None)


def test_the_guides_growth_chart_leaves_out_a_benchmark_of_another_period() -> None:
    """The guide's glance page draws the same chart: no all-occupations bar beside 8 % over no
    stated period (the second review: "8 %" beside "3 %, 2024–34")."""
    from datetime import date

    from guidepress.content.project import load_project
    from guidepress.theme.lookup import Theme
    from tests.helpers import REPO, render_html

    project, _ = load_project(REPO)
    sam = project.roles["strategic-account-manager"]
    assert sam.outlook is not None and sam.outlook.period is None
    html = render_html("guide", sam, project.brand("default"), Theme(REPO), config=project.config,
                       locale="en", paper="a4", edition=date(2026, 11, 21)).html  # fmt: skip
    assert "This role: 8%." in html
    assert "All occupations: 3" not in html


def test_a_period_never_breaks_at_its_dash() -> None:
    """ "2024–" ended a line and "34" began the next (review 3): a word joiner follows the dash."""
    from guidepress.render.pay import unbroken_period

    assert unbroken_period("2024–34") == "2024–\u206034"
    assert unbroken_period(unbroken_period("2024 - 34")) == "2024\u00a0-\u2060\u00a034"
    assert unbroken_period(None) is None
    growth = growth_of_role(role(growth_rate=8, period="2024–34"), BENCHMARKS)
    assert growth is not None and growth.period == "2024–\u206034"
    assert growth.benchmark is not None and growth.benchmark.period == "2024–\u206034"
