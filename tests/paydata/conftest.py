"""Shared fixtures: the real OEWS extract and O*NET titles the demo ships (the extract's xlsx
from shared/data beside the repository), stores imported once per session, and a writer for
small OEWS files."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidepress.paydata import Store, import_oews
from tests.helpers import REPO


def _shared_data() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "data"
        if (candidate / "oews").is_dir():
            return candidate
    return None


DATA = _shared_data()
FIXTURES = Path(__file__).parent / "fixtures"

# BLS's columns, as in the extract and all_data_M_2025.xlsx.
HEADER = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "PRIM_STATE",
    "NAICS",
    "NAICS_TITLE",
    "I_GROUP",
    "OWN_CODE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "EMP_PRSE",
    "JOBS_1000",
    "LOC_QUOTIENT",
    "PCT_TOTAL",
    "PCT_RPT",
    "H_MEAN",
    "A_MEAN",
    "MEAN_PRSE",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
    "ANNUAL",
    "HOURLY",
]
# The extract's Ohio row for 41-4011, the base of the small files the tests write.
OHIO_LINE = (
    '39,Ohio,2,OH,000000,Cross-industry,cross-industry,1235,41-4011,"Sales Representatives, '
    'Wholesale and Manufacturing, Technical and Scientific Products",detailed,9870,9.4,1.778,'
    "0.97,,,55.68,115820,3.6,23.01,31.28,52.10,77.92,92.47,47860,65060,108370,162080,192350,,"
)
OHIO_41_4011 = dict(zip(HEADER, next(csv.reader([OHIO_LINE])), strict=True))


def oews_row(**changes: str) -> dict[str, str]:
    """The Ohio 41-4011 row with some columns changed."""
    return {**OHIO_41_4011, **changes}


def write_oews(path: Path, rows: list[dict[str, str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="session")
def oews_csv() -> Path:
    """The extract as the demo ships it (the same bytes as shared/data's)."""
    return REPO / "data" / "oews_m2025_extract.csv"


@pytest.fixture(scope="session")
def oews_xlsx() -> Path:
    if DATA is None:
        pytest.skip("shared/data/ not found beside the repo")
    return DATA / "oews" / "oews_m2025_extract.xlsx"


@pytest.fixture(scope="session")
def onet_file() -> Path:
    """O*NET's Occupation Data.txt, as the demo ships it."""
    return REPO / "data" / "onet_occupations.txt"


@pytest.fixture(scope="session")
def csv_store(oews_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "pay.sqlite"
    import_oews([oews_csv], path)
    return path


@pytest.fixture(scope="session")
def xlsx_store(oews_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "pay.sqlite"
    import_oews([oews_xlsx], path)
    return path


@pytest.fixture
def store(csv_store: Path) -> Iterator[Store]:
    with Store(csv_store) as opened:
        yield opened
