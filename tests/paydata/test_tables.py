"""Reading rows: unreadable files are one located problem; row numbers are the file's."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.errors import ContentError
from guidepress.paydata import import_oews
from guidepress.paydata.tables import open_table

from .conftest import HEADER, OHIO_LINE


def test_csv_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "oews_m2025.csv"
    path.write_bytes(
        (",".join(HEADER) + "\n" + OHIO_LINE + "\n").encode() + "Z\xfcrich\n".encode("latin-1")
    )
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [f"{path}:3: not UTF-8 text (save the file as CSV UTF-8)"]


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "all_data_M_2025.xlsx"
    path.write_text("AREA,AREA_TITLE\n")
    with pytest.raises(ContentError) as caught:
        import_oews([path], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [f"{path}: not a readable xlsx workbook: File is not a zip file"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        import_oews([tmp_path / "nowhere_m2025.csv"], tmp_path / "pay.sqlite")
    assert caught.value.lines() == [
        f"{tmp_path / 'nowhere_m2025.csv'}: cannot read: No such file or directory"
    ]


def test_row_numbers_count_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n\n3,4\n")
    table = open_table(path, "t.csv", frozenset())
    assert table.header == ["a", "b"]
    assert list(table.rows) == [(2, ("1", "2")), (4, ("3", "4"))]
