"""Region codes: US, states and territories, BLS metro codes; and what an unknown one says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from guidepress.paydata import DataLookupError, Store, area_code, region_code, resolve
from guidepress.paydata.areas import STATES

HELP = "use US, a state or territory code (OH, PR) or a BLS metro area code (18140)"


@pytest.mark.parametrize(
    ("region", "code"),
    [("US", "99"), ("us", "99"), ("OH", "39"), ("PR", "72"), ("DC", "11"), ("VI", "78"),
     ("18140", "18140"), ("0018140", "18140"), ("0100001", "0100001")],
)  # fmt: skip
def test_region_to_bls_area_code(region: str, code: str) -> None:
    assert area_code(region) == code


def test_state_table_agrees_with_the_release(oews_csv: Path) -> None:
    with oews_csv.open(newline="") as handle:
        states = {(r["PRIM_STATE"], r["AREA"], r["AREA_TITLE"]) for r in csv.DictReader(handle)
                  if r["AREA_TYPE"] == "2"}  # fmt: skip
    assert len(states) == 54  # 50 states, DC, Guam, Puerto Rico, Virgin Islands
    for postal, fips, name in states:
        assert STATES[postal] == (fips, name)


def test_areas_back_to_region_codes(store: Store) -> None:
    codes = {region_code(a) for a in store.areas()}
    assert {"US", "OH", "PR", "GU", "18140", "47900"} <= codes
    assert len(codes) == 70


def test_resolve(store: Store) -> None:
    assert resolve(store, "OH").title == "Ohio"
    assert resolve(store, "18140").title == "Columbus, OH"
    assert resolve(store, "US").title == "U.S."


@pytest.mark.parametrize(
    ("region", "message"),
    [
        ("ZZ", f"unknown region 'ZZ': {HELP}"),
        ("Ohio", f"unknown region 'Ohio': {HELP}; did you mean OH (Ohio)?"),
        ("Pensylvania", f"unknown region 'Pensylvania': {HELP}; did you mean PA (Pennsylvania)?"),
        ("Columbus", f"unknown region 'Columbus': {HELP}; did you mean 18140 (Columbus, OH)?"),
        ("18150", "unknown region '18150': not an area in May 2025; did you mean 18140 "
                  "(Columbus, OH)?"),
        ("AS", "no data for AS (American Samoa) in May 2025"),
    ],
)  # fmt: skip
def test_unknown_regions(store: Store, region: str, message: str) -> None:
    with pytest.raises(DataLookupError) as caught:
        resolve(store, region)
    assert (caught.value.field, caught.value.message) == ("region", message)


def test_syntax_errors_without_a_store() -> None:
    with pytest.raises(DataLookupError) as caught:
        area_code("O")
    assert caught.value.message == f"unknown region 'O': {HELP}"
