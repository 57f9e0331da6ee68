"""The OEWS reader: BLS's columns and markers, the cross-industry filter, located problems."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from guidepress.errors import ContentError
from guidepress.paydata import Store, TopCode, import_oews, lookup
from guidepress.paydata.oews import normalise_area

from .conftest import HEADER, OHIO_LINE, oews_row, write_oews


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("area", "occupation", "wage")
        }


def test_csv_and_xlsx_import_to_the_same_store(csv_store: Path, xlsx_store: Path) -> None:
    csv_content, xlsx_content = _content(csv_store), _content(xlsx_store)
    assert len(csv_content["wage"]) == 3186
    assert len(csv_content["area"]) == 70
    assert len(csv_content["occupation"]) == 47
    assert csv_content == xlsx_content
    with Store(csv_store) as a, Store(xlsx_store) as b:
        assert (a.release.label, a.release.top_code) == (b.release.label, b.release.top_code)
        assert a.release.label == "May 2025"


def test_ohio_row_reads_back_as_published(store: Store) -> None:
    # oews_m2025_extract.csv line 1692, Ohio, 41-4011.
    row = store.wages("41-4011", "39")
    assert row is not None
    assert (row.employment, row.location_quotient, row.jobs_1000) == (9870, 0.97, 1.778)
    assert (row.mean, row.p10, row.p25, row.median, row.p75, row.p90) == (
        115820, 47860, 65060, 108370, 162080, 192350,
    )  # fmt: skip
    assert (row.h_mean, row.h_p10, row.h_p25, row.h_median, row.h_p75, row.h_p90) == (
        55.68, 23.01, 31.28, 52.10, 77.92, 92.47,
    )  # fmt: skip
    assert not row.annual_only and not row.hourly_only and row.markers == ()
    assert store.area("39") is not None and store.area("39").title == "Ohio"  # type: ignore[union-attr]


def test_every_row_reads_back_as_published(oews_csv: Path, store: Store) -> None:
    columns = {"TOT_EMP": "employment", "LOC_QUOTIENT": "location_quotient",
               "JOBS_1000": "jobs_1000", "A_MEAN": "mean", "A_PCT10": "p10", "A_PCT25": "p25",
               "A_MEDIAN": "median", "A_PCT75": "p75", "A_PCT90": "p90", "H_MEAN": "h_mean",
               "H_PCT10": "h_p10", "H_PCT25": "h_p25", "H_MEDIAN": "h_median",
               "H_PCT75": "h_p75", "H_PCT90": "h_p90"}  # fmt: skip
    with oews_csv.open(newline="") as handle:
        for source in csv.DictReader(handle):
            row = store.wages(source["OCC_CODE"], source["AREA"])
            assert row is not None
            markers = dict(row.markers)
            for column, field in columns.items():
                value = getattr(row, field)
                if source[column] in {"*", "-"}:
                    assert value is None and markers[field] == source[column]
                else:
                    assert value == float(source[column]), (source["AREA"], column)


def test_markers_as_bls_defines_them(tmp_path: Path) -> None:
    rows = [
        oews_row(),  # as published
        oews_row(
            AREA="18140",
            AREA_TITLE="Columbus, OH",
            AREA_TYPE="4",
            TOT_EMP="**",
            LOC_QUOTIENT="**",
            A_PCT10="*",
            H_PCT10="*",
        ),
        oews_row(
            AREA="99",
            AREA_TITLE="U.S.",
            AREA_TYPE="1",
            PRIM_STATE="US",
            A_PCT75="#",
            A_PCT90="#",
            H_PCT75="#",
            H_PCT90="#",
            PCT_RPT="~",
        ),
        oews_row(
            OCC_CODE="25-2021",
            OCC_TITLE="Elementary School Teachers",
            ANNUAL="TRUE",
            **dict.fromkeys(
                ("H_MEAN", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"), "*"
            ),
        ),
        oews_row(
            OCC_CODE="27-2042",
            OCC_TITLE="Musicians and Singers",
            HOURLY="TRUE",
            **dict.fromkeys(
                ("A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"), "*"
            ),
        ),
    ]
    store_path = tmp_path / "pay.sqlite"
    import_oews([write_oews(tmp_path / "oews_m2025.csv", rows)], store_path)
    with Store(store_path) as store:
        columbus = lookup(store, "41-4011", "18140")
        assert columbus.employment is None and columbus.location_quotient is None
        assert columbus.p10 is None
        assert dict(columbus.not_published) == {
            "p10": "not available",
            "employment": "employment estimate not available",
            "location_quotient": "employment estimate not available",
        }
        us = lookup(store, "41-4011", "US")
        assert (us.p75, us.p90) == (239200, 239200)  # the May 2025 top code
        assert us.top_coded == {"p75", "p90"}
        assert us.median == 108370 and us.not_published == ()
        hourly = store.wages("41-4011", "99")
        assert hourly is not None and (hourly.h_p75, hourly.h_p90) == (None, None)
        assert dict(hourly.markers)["h_p90"] == "#"
        teachers = lookup(store, "25-2021", "OH")
        assert teachers.period == "annual" and not teachers.hourly_only
        assert teachers.median == 108370
        musicians = lookup(store, "27-2042", "OH")
        # Hourly only: BLS's hourly figures, never annualised.
        assert musicians.period == "hourly" and musicians.hourly_only
        assert (musicians.p10, musicians.median, musicians.p90) == (23.01, 52.10, 92.47)
        assert musicians.mean == 55.68
        assert musicians.benchmark_median is None  # no Ohio 00-0000 row in this file


def test_hourly_top_code_for_hourly_only_rows(tmp_path: Path) -> None:
    row = oews_row(HOURLY="TRUE", H_PCT90="#",
                   **dict.fromkeys(("A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75",
                                    "A_PCT90"), "*"))  # fmt: skip
    import_oews([write_oews(tmp_path / "x_M2025_dl.csv", [row])], tmp_path / "pay.sqlite")
    with Store(tmp_path / "pay.sqlite") as store:
        figures = lookup(store, "41-4011", "OH")
        assert figures.p90 == 115.00 and figures.top_coded == {"p90"}


def test_top_code_option_overrides_the_release(tmp_path: Path) -> None:
    path = write_oews(tmp_path / "oews_m2025.csv", [oews_row(A_PCT90="#")])
    import_oews([path], tmp_path / "pay.sqlite", top_code=TopCode(120.0, 249_600))
    with Store(tmp_path / "pay.sqlite") as store:
        assert store.release.top_code == TopCode(120.0, 249_600)
        assert lookup(store, "41-4011", "OH").p90 == 249_600


def test_top_code_read_from_the_workbooks_field_descriptions(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "All May 2031 data"
    sheet.append(HEADER)
    sheet.append(list(oews_row(A_PCT90="#").values()))
    notes = book.create_sheet("Field Descriptions")
    notes.append(["Notes:"])
    notes.append(["*  = indicates that a wage estimate is not available"])
    notes.append(["#  = indicates a wage equal to or greater than $130.00 per hour or "
                  "$270,400 per year"])  # fmt: skip
    book.save(tmp_path / "all_data.xlsx")
    release = import_oews([tmp_path / "all_data.xlsx"], tmp_path / "pay.sqlite")
    assert release.label == "May 2031"
    assert release.top_code == TopCode(130.0, 270_400)


def test_unknown_top_code_is_a_located_problem(tmp_path: Path) -> None:
    path = write_oews(
        tmp_path / "oews_m2031.csv", [oews_row(), oews_row(AREA="99", AREA_TYPE="1", A_PCT90="#")]
    )
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}:3:30: A_PCT90: '#' means at or above BLS's top code, but the top code of "
        "May 2031 is not known: give it with --top-code HOURLY ANNUAL (from the release's notes)"
    ]
    assert not (tmp_path / "pay.sqlite").exists()


def test_missing_columns_are_named(tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in {"AREA_TYPE", "A_MEDIAN"}]
    path = write_oews(tmp_path / "oews_m2025.csv", [oews_row()], header)
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}: not an OEWS file: missing columns AREA_TYPE, A_MEDIAN"
    ]


def test_a_file_that_is_no_table_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes_m2025.csv"
    path.write_text("Dear office,\nplease find the wages attached.\n")
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    (line,) = caught.value.lines()
    assert line.startswith(
        f"{path}: not an OEWS file: missing columns AREA, AREA_TITLE, AREA_TYPE,"
    )


def test_lower_case_columns_and_occ_group(tmp_path: Path) -> None:
    header = [("OCC_GROUP" if h == "O_GROUP" else h).lower() for h in HEADER]
    row = {k.lower(): v for k, v in oews_row().items()}
    row["occ_group"] = row.pop("o_group")
    path = write_oews(tmp_path / "oews_m2025.csv", [row], header)
    import_oews([path], tmp_path / "pay.sqlite")
    with Store(tmp_path / "pay.sqlite") as store:
        occupation = store.occupation("41-4011")
        assert occupation is not None and occupation.group == "detailed"


def test_only_cross_industry_all_ownership_rows_are_kept(tmp_path: Path) -> None:
    rows = [
        oews_row(),
        oews_row(AREA="99", AREA_TYPE="1", NAICS="541000", I_GROUP="3-digit", TOT_EMP="5"),
        oews_row(AREA="99", AREA_TYPE="1", OWN_CODE="5", TOT_EMP="6"),  # private only
    ]
    path = write_oews(tmp_path / "oews_m2025.csv", rows)
    release = import_oews([path], tmp_path / "pay.sqlite")
    assert release.sources[0].rows == 1


def test_bad_values_are_located(tmp_path: Path) -> None:
    rows = [oews_row(), oews_row(AREA="18140", AREA_TYPE="4", A_MEAN="about 100k", ANNUAL="yes")]
    path = write_oews(tmp_path / "oews_m2025.csv", rows)
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}:3:19: A_MEAN: not a number or a BLS marker (*, **, #, ~): 'about 100k'",
        f"{path}:3:31: ANNUAL: must be TRUE or empty: 'YES'",
    ]


def test_duplicate_rows_are_located(tmp_path: Path) -> None:
    path = write_oews(tmp_path / "oews_m2025.csv", [oews_row(), oews_row()])
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [f"{path}:3: 41-4011 in area 39 is already in an earlier row"]


def test_many_problems_are_capped(tmp_path: Path) -> None:
    rows = [oews_row(AREA=str(10000 + i), AREA_TYPE="4", A_MEAN="x") for i in range(60)]
    path = write_oews(tmp_path / "oews_m2025.csv", rows)
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    lines = caught.value.lines()
    assert lines[0] == f"{path}: 60 problems; the first 50 follow"
    assert len(lines) == 51


def test_release_label_needs_a_name_or_the_option(tmp_path: Path) -> None:
    path = write_oews(tmp_path / "wages.csv", [oews_row()])
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{path}: cannot tell which OEWS release this is from the file or sheet name: give it "
        "at import, e.g. 'May 2025'"
    ]
    assert import_oews([path], tmp_path / "pay.sqlite", release="May 2025").label == "May 2025"


def test_per_area_files_of_one_release_import_together(tmp_path: Path) -> None:
    state = write_oews(tmp_path / "state_M2025_dl.csv", [oews_row()])
    metro = write_oews(
        tmp_path / "MSA_M2025_dl.csv",
        [oews_row(AREA="18140", AREA_TITLE="Columbus, OH", AREA_TYPE="4")],
    )
    release = import_oews([state, metro], tmp_path / "pay.sqlite")
    assert [s.name for s in release.sources] == ["state_M2025_dl.csv", "MSA_M2025_dl.csv"]
    other = write_oews(tmp_path / "MSA_M2024_dl.csv", [oews_row(AREA="18140", AREA_TYPE="4")])
    with pytest.raises(ContentError) as caught:
        import_oews([state, other], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{other}: not the same release as {state} (May 2024, not May 2025)"
    ]


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    [("39", "state", "39"), ("1", "state", "01"), ("3900000", "state", "39"),
     ("18140", "metro", "18140"), ("0018140", "metro", "18140"), ("100001", "nonmetro", "0100001"),
     ("9900000", "national", "99")],
)  # fmt: skip
def test_area_codes_in_either_bls_form(code: str, kind: str, expected: str) -> None:
    assert normalise_area(code, kind) == expected


def test_xlsx_numbers_stored_as_numbers(tmp_path: Path) -> None:
    # BLS's per-area workbooks hold numbers as numbers (Ohio's area code as 39).
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    cells = next(csv.reader([OHIO_LINE]))
    sheet.append([float(c) if c.replace(".", "").isdigit() and "-" not in c else c for c in cells])
    book.save(tmp_path / "state_M2025_dl.xlsx")
    import_oews([tmp_path / "state_M2025_dl.xlsx"], tmp_path / "pay.sqlite")
    with Store(tmp_path / "pay.sqlite") as store:
        row = store.wages("41-4011", "39")
        assert row is not None and (row.median, row.h_median, row.employment) == (
            108370,
            52.1,
            9870,
        )
