"""SVG charts: axes, salary band, demand gauge."""

from __future__ import annotations

from xml.etree import ElementTree

from hypothesis import given
from hypothesis import strategies as st

from guidepress.content.models.brand import Colors
from guidepress.render import charts

#: The built-in brand's colours, as a brand kit without colours of its own draws charts.
PALETTE = charts.Palette(Colors().primary, Colors().accent, Colors().text, Colors().muted)


@given(st.lists(st.floats(0, 5_000_000), min_size=1, max_size=6))
def test_axis_holds_every_value(values: list[float]) -> None:
    low, high, step = charts.axis_bounds(values)
    assert low <= min(values) and high >= max(values) and step > 0
    assert (high - low) / step <= 12


def test_salary_band_is_valid_svg_with_every_figure() -> None:
    svg = charts.salary_band(
        70000,
        140000,
        105000,
        [charts.Mark("Entry (est.)", 80500)],
        lambda v: f"${v:,.0f}",
        lambda v: f"${v / 1000:.0f}K",
        "Median",
        ("Top 10 %", 150000),
        PALETTE,
    )
    root = ElementTree.fromstring(svg)
    words = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for text in ("$70,000", "$140,000", "$105,000", "Entry (est.)", "Median", "Top 10 %"):
        assert text in words


def test_demand_gauge_marks_the_value() -> None:
    svg = charts.demand_gauge(["Low", "Moderate", "High", "Very High"], "High", PALETTE)
    assert ElementTree.fromstring(svg).find("{http://www.w3.org/2000/svg}line") is not None
    assert ">High<" in svg
