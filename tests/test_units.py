"""Small pure pieces: formatting, charts, Markdown, labels, atomic writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidepress.files import write_atomic
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import catalogue
from guidepress.render import charts
from guidepress.theme.markdown import render_inline


def test_money_and_percent_in_english() -> None:
    fmt = Formatter("en", "USD")
    assert fmt.money(105000) == "$105,000"
    assert fmt.money_short(105000) == "$105K"
    assert fmt.percent(8) == "8%"
    assert fmt.date(date(2026, 11, 21)) == "November 21, 2026"


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
    )
    root = ElementTree.fromstring(svg)
    words = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for text in ("$70,000", "$140,000", "$105,000", "Entry (est.)", "Median", "Top 10 %"):
        assert text in words


def test_demand_gauge_marks_the_value() -> None:
    svg = charts.demand_gauge(["Low", "Moderate", "High", "Very High"], "High")
    assert ElementTree.fromstring(svg).find("{http://www.w3.org/2000/svg}line") is not None
    assert ">High<" in svg


def test_markdown_is_inline_only_and_never_raw_html() -> None:
    assert render_inline("**a** _b_ `c`") == "<strong>a</strong> <em>b</em> <code>c</code>"
    assert render_inline("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert render_inline("[x](file:///etc/passwd)") == "[x](file:///etc/passwd)"
    assert render_inline("# not a heading") == "# not a heading"


def test_labels_fail_loudly_on_unknown_keys() -> None:
    from guidepress.errors import TemplateProblem

    labels = catalogue("en")
    assert labels.contents == "Contents"
    with pytest.raises(TemplateProblem, match="label 'nope' is not in the en catalogue"):
        labels["nope"]


def test_atomic_write_gives_a_readable_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a" / "out.pdf", b"pdf")
    assert (tmp_path / "a" / "out.pdf").stat().st_mode & 0o777 == 0o644


def test_atomic_write_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"good")

    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # type: ignore[arg-type]
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_every_section_field_has_a_label_for_the_partial_notice() -> None:
    from guidepress.content.models import Role
    from guidepress.i18n.labels import FIELD_LABEL_KEYS

    labels = catalogue("en")
    identity = {"title", "slug", "alt_titles", "url", "extra_sections", "provenance", "sheet"}
    for name in sorted(set(Role.model_fields) - identity):
        assert labels[FIELD_LABEL_KEYS.get(name, name)]  # raises when the label is missing
