"""The generic pay table: a small file in euros, and its problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guidepress.errors import ContentError
from guidepress.paydata import DataLookupError, Store, find, import_pay, lookup

from .conftest import FIXTURES

EUR = FIXTURES / "pay_eur.csv"
SOURCE = "Test data shaped like a national earnings survey (not official figures)"


@pytest.fixture
def eur_store(tmp_path: Path) -> Store:
    import_pay(EUR, tmp_path / "pay.sqlite")
    return Store(tmp_path / "pay.sqlite")


def test_euro_table_imports_and_looks_up(eur_store: Store) -> None:
    with eur_store as store:
        release = store.release
        assert (release.kind, release.label, release.currency, release.period) == (
            "pay", "2025-04", "EUR", "monthly",
        )  # fmt: skip
        assert release.citation == SOURCE and release.top_code is None
        figures = lookup(store, "2433", "de-by")
        assert (figures.region, figures.area_name, figures.area_type) == (
            "DE-BY",
            "Bayern",
            "state",
        )
        assert (figures.currency, figures.period, figures.hourly_only) == ("EUR", "monthly", False)
        assert figures.percentiles == (
            ("p10", 3790), ("p25", 4690), ("median", 5910), ("p75", 7430), ("p90", 9320),
        )  # fmt: skip
        assert figures.employment == 41500 and figures.location_quotient is None
        assert figures.benchmark_median == 4180  # Bayern, all occupations
        assert figures.national_median == 5620  # Deutschland, the same occupation
        assert figures.citation == SOURCE and figures.release == "2025-04"


def test_optional_columns_may_be_empty(eur_store: Store) -> None:
    with eur_store as store:
        figures = lookup(store, "3322", "DE-BY")
        assert (figures.p10, figures.median, figures.p90, figures.employment) == (
            None, 4240, None, None,
        )  # fmt: skip
        assert dict(figures.not_published) == {
            "mean": "not given", "p10": "not given", "p90": "not given",
            "employment": "not given", "location_quotient": "not given",
        }  # fmt: skip


def test_regions_are_the_files_own(eur_store: Store) -> None:
    with eur_store as store:
        with pytest.raises(DataLookupError) as caught:
            lookup(store, "2433", "Berlin")
        assert caught.value.message == (
            "unknown region 'Berlin': not in 2025-04; did you mean DE-BE (Berlin)?"
        )
        assert [m.code for m in find(store, "sales")] == ["2433", "3322"]


def _write(tmp_path: Path, edit: str, replacement: str) -> Path:
    path = tmp_path / "pay.csv"
    text = EUR.read_text()
    assert edit in text
    path.write_text(text.replace(edit, replacement, 1))
    return path


def test_problems_are_located(tmp_path: Path) -> None:
    path = _write(tmp_path, "Bayern,state,EUR,monthly,2260", 'Bayern,land,USD,weekly,"2.260,5"')
    with pytest.raises(ContentError) as caught:
        import_pay(path, tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}:5:5: region_type: must be one of national, state, region, metro (got 'land')",
        f"{path}:5:6: currency: every row must have the same currency ('EUR' above; got 'USD')",
        f"{path}:5:7: period: must be one of annual, monthly, hourly (got 'weekly')",
        f"{path}:5:8: p10: not a plain number (like 3456.78): '2.260,5'",
    ]


def test_empty_required_value_and_disordered_percentiles(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Berlin,state,EUR,monthly,3450,4280,5390",
        "Berlin,state,EUR,monthly,3450,5480,5390",
    )
    path.write_text(
        path.read_text().replace(
            "2433,Technical and medical sales professionals,DE,", "2433,,DE,", 1
        )
    )
    with pytest.raises(ContentError) as caught:
        import_pay(path, tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}:3:2: occupation_title: must not be empty",
        f"{path}:9:10: median: percentiles must not decrease from p10 to p90",
    ]


def test_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "pay.csv"
    lines = EUR.read_text().splitlines()
    path.write_text("\n".join(line.rsplit(",", 2)[0] for line in lines) + "\n")
    with pytest.raises(ContentError) as caught:
        import_pay(path, tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}: not a pay table: missing columns source, release_date"
    ]


def test_an_xlsx_pay_table_is_not_required(tmp_path: Path) -> None:
    # The format is CSV; any other extension is read as CSV too (what spreadsheets export).
    copy = tmp_path / "pay.txt"
    shutil.copy(EUR, copy)
    assert import_pay(copy, tmp_path / "pay.sqlite").currency == "EUR"
