"""Lookup for the renderer, find, and the did-you-mean for unknown codes, on the real extract."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.paydata import (
    DataLookupError,
    PayFigures,
    Store,
    check_occupation,
    find,
    lookup,
    read_onet,
)

CITATION = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
TITLE = "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products"


def test_ohio_figures(store: Store) -> None:
    # Lines 1692 (Ohio 41-4011), 41 (U.S. 41-4011) and Ohio's 00-0000 row of the extract.
    assert lookup(store, "41-4011", "OH") == PayFigures(
        occupation_code="41-4011", occupation_title=TITLE, region="OH", area_code="39",
        area_name="Ohio", area_type="state", currency="USD", period="annual",
        hourly_only=False, employment=9870, location_quotient=0.97, mean=115820, p10=47860,
        p25=65060, median=108370, p75=162080, p90=192350, top_coded=frozenset(),
        not_published=(), benchmark_median=49380, national_median=104920,
        release="May 2025", citation=CITATION, release_id=store.release.id,
    )  # fmt: skip


def test_metro_and_national_figures(store: Store) -> None:
    columbus = lookup(store, "41-4011", "18140")
    assert (columbus.area_name, columbus.area_type, columbus.median) == (
        "Columbus, OH", "metro", 105260,
    )  # fmt: skip
    assert (columbus.employment, columbus.location_quotient) == (1370, 0.68)
    assert columbus.benchmark_median == 51340  # Columbus, all occupations
    us = lookup(store, "41-4011", "US")
    assert (us.median, us.national_median, us.benchmark_median) == (104920, 104920, 50980)
    assert us.location_quotient is None
    assert dict(us.not_published) == {"location_quotient": "not available"}


def test_annual_only_occupation(store: Store) -> None:
    # Elementary school teachers: BLS publishes annual wages only (hourly "-" in the extract).
    teachers = lookup(store, "25-2021", "US")
    assert (teachers.period, teachers.hourly_only, teachers.median) == ("annual", False, 63970)
    row = store.wages("25-2021", "99")
    assert row is not None and row.annual_only and row.h_median is None


def test_no_wages_published(store: Store) -> None:
    # Alaska software developers: employment 530, every wage "-".
    figures = lookup(store, "15-1252", "AK")
    assert not figures.has_wages and figures.employment == 530
    assert dict(figures.not_published)["median"] == "not published"


def test_occupation_missing_in_an_area(store: Store) -> None:
    with pytest.raises(DataLookupError) as caught:
        lookup(store, "41-4011", "GU")
    assert (caught.value.field, caught.value.message) == (
        "occupation.soc", f"41-4011 ({TITLE}) has no May 2025 data for Guam (GU)",
    )  # fmt: skip


def test_unknown_occupation_did_you_mean(store: Store) -> None:
    assert check_occupation(store, "41-4011") is None
    assert check_occupation(store, "41-4011", "Strategic account manager") is None
    assert check_occupation(store, "41-4019", "Customer success manager") == (
        "41-4019 is not an occupation in May 2025; did you mean 11-2022 (Sales Managers)?"
    )
    assert check_occupation(store, "41-4019", "Technical sales representative") == (
        f"41-4019 is not an occupation in May 2025; did you mean 41-4011 ({TITLE})?"
    )
    assert check_occupation(store, "15-1253") == (
        "15-1253 is not an occupation in May 2025; did you mean 15-1252 (Software Developers)?"
    )
    assert check_occupation(store, "414011") == "not a SOC code like 41-4011: '414011'"
    with pytest.raises(DataLookupError) as caught:
        lookup(store, "15-1253", "US")
    assert caught.value.field == "occupation.soc"


def test_find_in_the_store_and_onet(store: Store, onet_file: Path) -> None:
    found = find(store, "software developers", read_onet(onet_file))
    assert [(m.code, m.title, m.national_median, m.source) for m in found] == [
        ("15-1252", "Software Developers", 135980, "May 2025"),
    ]
    solar = find(store, "solar sales", read_onet(onet_file))
    assert [(m.code, m.onet_code, m.national_median, m.source) for m in solar] == [
        ("41-4011", "41-4011.07", 104920, "O*NET"),
    ]
    by_code = find(store, "41-40")
    assert [m.code for m in by_code] == ["41-4011", "41-4012"]
    # O*NET titles outside the extract still list, without a median.
    chefs = find(store, "pastry", read_onet(onet_file))
    assert chefs == [] or all(m.national_median is None for m in chefs)
    assert find(store, "  ") == []
