"""data diff: a changed copy of the extract against the store."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from guidepress.paydata import Store, TopCode, diff_file

PAIRS = [("41-4011", "OH"), ("41-4011", "18140"), ("41-4011", "US"), ("29-9999", "US"),
         ("15-1252", "AK")]  # fmt: skip


@pytest.fixture(scope="module")
def changed_copy(oews_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extract with Ohio's 41-4011 median and p90 raised and Columbus's 41-4011 row gone."""
    path = tmp_path_factory.mktemp("diff") / "oews_m2026_extract.csv"
    with oews_csv.open(newline="") as source, path.open("w", newline="") as target:
        reader = csv.DictReader(source)
        writer = csv.DictWriter(target, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        for row in reader:
            if row["OCC_CODE"] == "41-4011" and row["AREA"] == "18140":
                continue
            if row["OCC_CODE"] == "41-4011" and row["AREA"] == "39":
                row.update(A_MEDIAN="110000", A_PCT90="#", H_MEDIAN="52.88", H_PCT90="#")
            writer.writerow(row)
    return path


def test_diff_reports_changes_and_disappearances(store: Store, changed_copy: Path) -> None:
    report = diff_file(store, changed_copy, PAIRS, top_code=TopCode(115.00, 239_200))
    assert (report.current, report.new) == ("May 2025", "May 2026")
    ohio, columbus, us, unknown, alaska = report.rows
    assert (ohio.status, ohio.region, ohio.area_name, ohio.period) == (
        "changed", "OH", "Ohio", "annual",
    )  # fmt: skip
    changes = {c.measure: c for c in ohio.changes}
    assert (changes["median"].old, changes["median"].new, changes["median"].delta) == (
        108370, 110000, 1630,
    )  # fmt: skip
    assert changes["median"].percent == pytest.approx(1.504106)
    assert not changes["p10"].changed and changes["p10"].delta == 0
    p90 = changes["p90"]  # now "$239,200 or more"
    assert (p90.old, p90.new, p90.old_top_coded, p90.new_top_coded) == (192350, 239200, False, True)
    assert p90.changed
    assert (columbus.status, columbus.area_name) == ("gone", "Columbus, OH")
    assert (
        columbus.message == f"41-4011 ({ohio.title}) has no May 2026 data for Columbus, OH (18140)"
    )
    assert us.status == "unchanged"
    assert (unknown.status, unknown.message) == (
        "absent", "29-9999 is not an occupation in May 2025",
    )  # fmt: skip
    assert alaska.status == "unchanged"
    assert [r.status for r in report.changed] == ["changed", "gone", "absent"]
