"""The store: what it records about a release, atomic replacement, compactness."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from guidepress.errors import ContentError
from guidepress.paydata import Store, StoreMissing, TopCode, import_oews, lookup

from .conftest import oews_row, write_oews


def test_release_metadata(oews_csv: Path, store: Store) -> None:
    release = store.release
    assert (release.kind, release.label, release.currency, release.period) == (
        "oews", "May 2025", "USD", "annual",
    )  # fmt: skip
    assert release.citation == (
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
    )
    assert release.imported_at == datetime.now(UTC).date().isoformat()
    (source,) = release.sources
    assert source.name == "oews_m2025_extract.csv"
    assert source.sha256 == hashlib.sha256(oews_csv.read_bytes()).hexdigest()
    assert source.rows == 3186
    assert release.top_code == TopCode(115.00, 239_200)


def test_release_id_follows_the_data_not_the_import(tmp_path: Path) -> None:
    path = write_oews(tmp_path / "oews_m2025.csv", [oews_row()])
    first = import_oews([path], tmp_path / "a.sqlite")
    again = import_oews([path], tmp_path / "b.sqlite")
    other_top = import_oews([path], tmp_path / "c.sqlite", top_code=TopCode(100, 208_000))
    write_oews(path, [oews_row(A_MEDIAN="108380")])
    changed = import_oews([path], tmp_path / "d.sqlite")
    assert first.id == again.id
    assert len({first.id, other_top.id, changed.id}) == 3


def test_import_replaces_the_release_atomically(tmp_path: Path) -> None:
    store_path = tmp_path / "data" / "pay.sqlite"
    good = write_oews(tmp_path / "oews_m2025.csv", [oews_row()])
    import_oews([good], store_path)
    bad = write_oews(
        tmp_path / "new_m2025.csv", [oews_row(A_MEDIAN="108380"), oews_row(A_MEAN="?")]
    )
    with pytest.raises(ContentError):
        import_oews([bad], store_path)
    with Store(store_path) as store:  # the old release, whole
        assert store.release.sources[0].name == "oews_m2025.csv"
        assert lookup(store, "41-4011", "OH").median == 108370
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["pay.sqlite"]
    newer = write_oews(tmp_path / "newer_m2025.csv", [oews_row(A_MEDIAN="108380")])
    import_oews([newer], store_path)
    with Store(store_path) as store:
        assert lookup(store, "41-4011", "OH").median == 108380


def test_a_reader_keeps_its_release_while_a_new_one_is_imported(tmp_path: Path) -> None:
    store_path = tmp_path / "pay.sqlite"
    import_oews([write_oews(tmp_path / "a_m2025.csv", [oews_row()])], store_path)
    with Store(store_path) as store:
        import_oews([write_oews(tmp_path / "b_m2025.csv", [oews_row(A_MEDIAN="1")])], store_path)
        assert lookup(store, "41-4011", "OH").median == 108370


def test_store_is_compact_and_indexed(csv_store: Path) -> None:
    assert csv_store.stat().st_size < 1_000_000  # the CSV is 707 kB
    with sqlite3.connect(csv_store) as db:
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        plan = db.execute("EXPLAIN QUERY PLAN SELECT * FROM wage WHERE occ = '41-4011'").fetchall()
    assert "wage_occ" in indexes
    assert "USING" in plan[0][-1] and "wage_occ" in plan[0][-1]


def test_missing_or_foreign_store(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing) as caught:
        Store(tmp_path / "pay.sqlite")
    assert str(caught.value) == (
        f"{tmp_path / 'pay.sqlite'}: no pay data imported yet (guidepress data import oews FILE)"
    )
    (tmp_path / "other.sqlite").write_text("not a database")
    with pytest.raises(StoreMissing) as caught:
        Store(tmp_path / "other.sqlite")
    assert str(caught.value) == f"{tmp_path / 'other.sqlite'}: not a guidepress pay store"
