"""What a regional edition prints about pay, as HTML: BLS's special values (top code, hourly
only, not published), other locales, and the regional guide compared whole with its golden
file (``--update-golden`` rewrites it)."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path

import pytest

from guidepress.content.project import load_project
from guidepress.paydata import Store, import_oews, lookup
from guidepress.render.context import Official
from guidepress.render.pay import pay_of_figures
from guidepress.theme.lookup import Theme
from tests.helpers import REPO, render_html
from tests.paydata.conftest import oews_row, write_oews

GOLDEN = Path(__file__).parents[1] / "golden"
ANNUAL = ("A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90")


def official(tmp_path: Path, **changes: str) -> Official:
    """Ohio's 41-4011 figures with ``changes`` to its BLS row, through a real store."""
    rows = [oews_row(**changes), oews_row(OCC_CODE="00-0000", OCC_TITLE="All Occupations")]
    import_oews([write_oews(tmp_path / "oews_m2025.csv", rows)], tmp_path / "pay.sqlite")
    with Store(tmp_path / "pay.sqlite") as store:
        return Official(lookup(store, "41-4011", "OH"))


def guide(item: Official, locale: str = "en", slug: str = "strategic-account-manager") -> str:
    project, _ = load_project(REPO, only=[slug])
    html = render_html(
        "guide", project.roles[slug], project.brand("default"), Theme(REPO),
        official=[item], locale=locale, paper="a4", edition=date(2026, 11, 21),
    )  # fmt: skip
    return html.html


def chart_svg(html: str) -> str:
    found = re.search(r'official-pay">.*?src="data:image/svg\+xml;base64,([^"]+)"', html, re.S)
    assert found is not None
    return base64.b64decode(found.group(1)).decode("utf-8")


def test_a_top_coded_value_is_printed_with_or_more(tmp_path: Path) -> None:
    html = guide(official(tmp_path, A_PCT90="#", H_PCT90="#"))
    assert '<th scope="row">90th percentile</th><td>$239,200 or more</td>' in html
    assert "“Or more”: wages at or above $239,200 are not published." in html
    assert "≥ $239,200" in chart_svg(html)


def test_hourly_only_wages_are_shown_hourly(tmp_path: Path) -> None:
    html = guide(official(tmp_path, **dict.fromkeys(ANNUAL, "-"), HOURLY="TRUE"))
    assert '<th scope="row">Median</th><td>$52.10</td>' in html and "$108,370" not in html
    assert "Hourly salary, USD" in html
    assert "Only hourly wages are published for this occupation" in html
    # The median once on the glance page, in the quick facts; the chart shows the hourly spread.
    svg = chart_svg(html)
    assert "$52.10" not in svg and "$92" in svg and not re.search(r"\$\d{1,3},\d{3}", svg)


def test_values_bls_does_not_publish_are_named(tmp_path: Path) -> None:
    html = guide(official(tmp_path, TOT_EMP="**", LOC_QUOTIENT="~"))
    assert "Not published for this area: Employment, Location quotient." in html
    assert '<th scope="row">Employment</th>' not in html


def test_other_locales_word_the_figures(tmp_path: Path) -> None:
    html = guide(official(tmp_path), locale="es")
    for text in ("Salarios en Ohio", '<th scope="row">Percentil 10</th><td>47.860\u00a0US$</td>',
                 "Todas las ocupaciones en Ohio: mediana 108.370\u00a0US$", "Edición Ohio",
                 "Fuente: U.S. Bureau of Labor Statistics"):  # fmt: skip
        assert text in html, text


def test_the_release_in_the_source_line_never_breaks(tmp_path: Path) -> None:
    html = guide(official(tmp_path))
    # The source lines under the glance page's chart, its figures and the cover's.
    # (The pay note's last word runs on with its reference number: macros.html.j2::cited.)
    # Its last three words unbroken (review 8: no line of a chart's note of one or two words).
    nobr = '(<span class="nobr">)?'
    cited = rf"Occupational Employment and {nobr}Wage Statistics, {nobr}May\u00a02025\."
    assert len(re.findall(cited, html)) == 3
    assert "May 2025." not in html


def test_pay_of_figures(tmp_path: Path) -> None:
    pay = pay_of_figures(official(tmp_path, A_PCT90="#").figures)
    assert pay is not None
    assert (pay.ends, pay.low, pay.p25, pay.median, pay.p75, pay.high) == (
        "percentiles", 47860, 65060, 108370, 162080, 239200,
    )  # fmt: skip
    assert pay.benchmark is not None
    assert (pay.top_coded, pay.benchmark.value, pay.area) == (frozenset({"high"}), 108370, "Ohio")
    none = official(tmp_path, **dict.fromkeys(ANNUAL, "-"), **{f"H_{c[2:]}": "-" for c in ANNUAL})
    assert pay_of_figures(none.figures) is None


@pytest.mark.usefixtures("demo_store")
def test_regional_guide_html_matches_golden(update_golden: bool) -> None:
    with Store(REPO / "data/pay.sqlite") as store:
        item = Official(lookup(store, "41-4011", "OH"))
    html = guide(item)
    golden = GOLDEN / "strategic-account-manager@oh.guide.html"
    if update_golden:
        golden.write_text(html, "utf-8")
    assert html == golden.read_text("utf-8")


def test_a_sheets_caption_ends_once_after_an_area_that_ends_in_a_period(tmp_path: Path) -> None:
    # "U.S." is the national area's name: the caption's period is not added to its own.
    item = official(tmp_path)
    figures = item.figures.__class__(**{**vars(item.figures), "area_name": "U.S."})
    project, _ = load_project(REPO, only=["strategic-account-manager"])
    html = render_html(
        "sheet", project.roles["strategic-account-manager"], project.brand("default"),
        Theme(REPO), official=[Official(figures)], locale="en", paper="a4",
        edition=date(2026, 11, 21),
    ).html  # fmt: skip
    assert 'in <span class="nobr">US dollars, U.S.</span></span>' in html
    assert "U.S.." not in html


@pytest.mark.parametrize("locale", ["en", "de", "es", "fr"])
def test_the_occupation_code_never_breaks_from_soc(tmp_path: Path, locale: str) -> None:
    """A one-pager printed "(SOC" at a line's end and "41-4011)" on the next."""
    project, _ = load_project(REPO, only=["strategic-account-manager"])
    html = render_html(
        "sheet", project.roles["strategic-account-manager"], project.brand("default"),
        Theme(REPO), official=[official(tmp_path)], locale=locale, paper="a4",
        edition=date(2026, 11, 21),
    ).html  # fmt: skip
    assert "(SOC\u00a041-4011)" in html
    assert "SOC 41-4011" not in html


def test_a_us_edition_tags_its_english_as_american(tmp_path: Path) -> None:
    """WeasyPrint hyphenates lang="en" with pyphen's British dictionary ("mitig-ate"); a U.S.
    edition (its pay is BLS's) says en-US, in English and for the English words of a German
    one (the role's own, BLS's occupation); a German one stays German."""
    item = official(tmp_path)
    assert '<html lang="en-US">' in guide(item)
    project, _ = load_project(REPO)
    german = render_html(
        "guide", project.localized("strategic-account-manager", "de"), project.brand("default"),
        Theme(REPO), official=[item], locale="de", paper="a4", edition=date(2026, 11, 21),
    ).html  # fmt: skip
    assert '<html lang="de">' in german
    assert '<h1 class="cover-title" lang="en-US">' in german
    assert re.search(r'<span class="qf-note" lang="en-US">[^<]*\(SOC', german), "BLS's words"
    assert 'lang="en"' not in german
