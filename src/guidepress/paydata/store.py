"""The pay store: one SQLite file in the project (default ``data/pay.sqlite``) holding one
release: its label, sources (file name, sha256), import date, kind, currency and period, and
its areas, occupations and wage rows.

Importing writes a complete new store beside the old one and renames it into place, so a failed
or interrupted import leaves the previous release untouched and readers never see half a
release. Several files of one release (BLS's national, state and metro ``*_dl.xlsx``) can be
imported together.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from guidepress.errors import ContentError, GuidepressError, Problem
from guidepress.paydata import oews, pay_csv
from guidepress.paydata.records import (
    MONEY,
    Area,
    Occupation,
    Release,
    Source,
    TopCode,
    WageRow,
)
from guidepress.paydata.tables import ProblemLog, sha256_of

DEFAULT_PATH = Path("data") / "pay.sqlite"
FORMAT = 1  # bump when the schema changes; an old store then asks to be imported again

_HOURLY = tuple(f"h_{f}" for f in MONEY)
_WAGE_FIELDS = ("employment", "location_quotient", "jobs_1000", *MONEY, *_HOURLY)
_SCHEMA = f"""
CREATE TABLE release (
    format INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
    citation TEXT NOT NULL, currency TEXT NOT NULL, period TEXT NOT NULL,
    imported_at TEXT NOT NULL, top_hourly REAL, top_annual REAL);
CREATE TABLE source (name TEXT NOT NULL, sha256 TEXT NOT NULL, rows INTEGER NOT NULL);
CREATE TABLE area (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL, prim_state TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE occupation (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, grp TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE wage (
    area TEXT NOT NULL, occ TEXT NOT NULL, employment INTEGER, location_quotient REAL,
    jobs_1000 REAL, {", ".join(f"{f} REAL" for f in (*MONEY, *_HOURLY))},
    annual_only INTEGER NOT NULL, hourly_only INTEGER NOT NULL, markers TEXT,
    PRIMARY KEY (area, occ)) WITHOUT ROWID;
"""
_INSERT = (
    f"INSERT INTO wage (area, occ, {', '.join(_WAGE_FIELDS)}, annual_only, hourly_only, markers)"
    f" VALUES ({', '.join('?' * (len(_WAGE_FIELDS) + 5))})"
)
_BATCH = 5000


class StoreMissing(GuidepressError):
    """Raised when the pay store has not been imported yet, or is not one."""


def import_oews(
    files: Sequence[Path],
    store: Path,
    *,
    release: str | None = None,
    top_code: TopCode | None = None,
) -> Release:
    """Import BLS OEWS files (one release) into ``store``, replacing what it held.
    ``release`` and ``top_code`` override what the files say (see ``oews.open_oews``)."""
    opened = [oews.open_oews(path, release=release, top_code=top_code) for path in files]
    labels = {f.release for f in opened}
    codes = {f.top_code for f in opened if f.top_code}
    problems = []
    if len(labels) > 1:
        message = (
            f"not the same release as {opened[0].name} "
            f"({opened[-1].release}, not {opened[0].release})"
        )
        problems.append(Problem(opened[-1].name, message=message))
    if len(codes) > 1:
        problems.append(Problem(opened[-1].name, message="the files state different top codes"))
    if problems:
        for f in opened:
            f.table.close()
        raise ContentError(problems)
    label = opened[0].release
    return _write(
        store,
        kind="oews",
        label=label,
        citation=f"{oews.CITATION}, {label}",
        currency="USD",
        period="annual",
        top_code=next(iter(codes), None),
        parts=[(Path(f.name), f.name, f.records()) for f in opened],
    )


def import_pay(path: Path, store: Path) -> Release:
    """Import a generic pay table (see ``pay_csv``) into ``store``, replacing what it held."""
    table = pay_csv.open_pay(path)
    # Currency, period, source and release are known once the rows are read.
    return _write(
        store,
        kind="pay",
        label=lambda: table.release,
        citation=lambda: table.source,
        currency=lambda: table.currency,
        period=lambda: table.period,
        top_code=None,
        parts=[(path, table.name, table.records())],
    )


class Store:
    """A read-only view of an imported store. Use as a context manager or call ``close()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise StoreMissing(
                f"{path}: no pay data imported yet (guidepress data import oews FILE)"
            )
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = self._db.execute(
                "SELECT format, id, kind, label, citation, currency, period, imported_at,"
                " top_hourly, top_annual FROM release"
            ).fetchone()
            sources = self._db.execute("SELECT name, sha256, rows FROM source").fetchall()
        except sqlite3.DatabaseError:
            self._db.close()
            raise StoreMissing(f"{path}: not a guidepress pay store") from None
        if row is None or row[0] != FORMAT:
            self._db.close()
            raise StoreMissing(
                f"{path}: made by another version of guidepress: import the data again"
            )
        _, rid, kind, label, citation, currency, period, imported, hourly, annual = row
        self.release = Release(
            id=rid,
            kind=kind,
            label=label,
            citation=citation,
            currency=currency,
            period=period,
            imported_at=imported,
            sources=tuple(Source(*s) for s in sources),
            top_code=TopCode(hourly, annual) if hourly is not None else None,
        )

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def area(self, code: str) -> Area | None:
        row = self._db.execute(
            "SELECT code, title, type, prim_state FROM area WHERE code = ?", (code,)
        ).fetchone()
        return Area(*row) if row else None

    def areas(self) -> list[Area]:
        rows = self._db.execute("SELECT code, title, type, prim_state FROM area ORDER BY code")
        return [Area(*row) for row in rows]

    def occupation(self, code: str) -> Occupation | None:
        row = self._db.execute(
            "SELECT code, title, grp FROM occupation WHERE code = ?", (code,)
        ).fetchone()
        return Occupation(*row) if row else None

    def occupations(self) -> list[Occupation]:
        rows = self._db.execute("SELECT code, title, grp FROM occupation ORDER BY code")
        return [Occupation(*row) for row in rows]

    def wages(self, occupation: str, area: str) -> WageRow | None:
        row = self._db.execute(
            f"SELECT occ, area, {', '.join(_WAGE_FIELDS)}, annual_only, hourly_only, markers"
            " FROM wage WHERE area = ? AND occ = ?",
            (area, occupation),
        ).fetchone()
        if row is None:
            return None
        values = dict(zip(_WAGE_FIELDS, row[2:-3], strict=True))
        pairs = (item.partition("=") for item in (row[-1] or "").split(";") if item)
        return WageRow(
            occupation=row[0],
            area=row[1],
            annual_only=bool(row[-3]),
            hourly_only=bool(row[-2]),
            markers=tuple((field, marker) for field, _, marker in pairs),
            **values,
        )


def release_id(kind: str, label: str, sources: Iterable[str], top_code: TopCode | None) -> str:
    """What a cache key needs: changes when the source files, release or top code change, not
    when the same files are imported again."""
    data = {
        "format": FORMAT,
        "kind": kind,
        "label": label,
        "sources": sorted(sources),
        "top_code": [top_code.hourly, top_code.annual] if top_code else None,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


Later = str | Callable[[], str]  # a value known only once the rows are read


def _write(
    store: Path,
    *,
    kind: str,
    label: Later,
    citation: Later,
    currency: Later,
    period: Later,
    top_code: TopCode | None,
    parts: Sequence[tuple[Path, str, Iterator[oews.Record] | Iterator[pay_csv.PayRecord]]],
) -> Release:
    store.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{store.name}.", suffix=".tmp", dir=store.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            # No durability to buy: the file is renamed into place only when complete. The
            # journal stays (in memory) because the duplicate check rolls back to a savepoint.
            db.executescript("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;" + _SCHEMA)
            db.execute("BEGIN")
            sources = [_load(db, path, name, records) for path, name, records in parts]
            db.execute("CREATE INDEX wage_occ ON wage (occ)")
            values = [v() if callable(v) else v for v in (label, citation, currency, period)]
            rid = release_id(kind, str(values[0]), (s.sha256 for s in sources), top_code)
            imported = datetime.now(UTC).date().isoformat()
            db.execute(
                "INSERT INTO release VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    FORMAT,
                    rid,
                    kind,
                    *values,
                    imported,
                    top_code.hourly if top_code else None,
                    top_code.annual if top_code else None,
                ),
            )
            db.executemany(
                "INSERT INTO source VALUES (?, ?, ?)", [(s.name, s.sha256, s.rows) for s in sources]
            )
            db.execute("COMMIT")
        finally:
            db.close()
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, store)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    label_, citation_, currency_, period_ = (str(v) for v in values)
    return Release(
        rid, kind, label_, citation_, currency_, period_, imported, tuple(sources), top_code
    )


def _load(
    db: sqlite3.Connection,
    path: Path,
    name: str,
    records: Iterator[oews.Record] | Iterator[pay_csv.PayRecord],
) -> Source:
    log = ProblemLog(name)
    sha = sha256_of(path)
    areas: set[str] = {r[0] for r in db.execute("SELECT code FROM area")}
    occupations: set[str] = {r[0] for r in db.execute("SELECT code FROM occupation")}
    batch: list[tuple[int, tuple[object, ...]]] = []
    kept = 0
    try:
        for record in records:
            area, occupation, wages = record.area, record.occupation, record.wages
            if area.code not in areas:
                areas.add(area.code)
                db.execute(
                    "INSERT INTO area VALUES (?, ?, ?, ?)",
                    (area.code, area.title, area.type, area.prim_state),
                )
            if occupation.code not in occupations:
                occupations.add(occupation.code)
                db.execute(
                    "INSERT INTO occupation VALUES (?, ?, ?)",
                    (occupation.code, occupation.title, occupation.group),
                )
            batch.append((record.row, _row(wages)))
            if len(batch) >= _BATCH:
                kept += _insert(db, batch, log)
                batch.clear()
        kept += _insert(db, batch, log)
    except ContentError as exc:
        # The reader's problems, then the duplicates found here.
        raise ContentError(exc.problems + log.problems) from None
    log.raise_if_any()
    return Source(path.name, sha, kept)


def _row(w: WageRow) -> tuple[object, ...]:
    markers = ";".join(f"{field}={marker}" for field, marker in w.markers) or None
    return (
        w.area,
        w.occupation,
        *(getattr(w, f) for f in _WAGE_FIELDS),
        int(w.annual_only),
        int(w.hourly_only),
        markers,
    )


def _insert(
    db: sqlite3.Connection, batch: list[tuple[int, tuple[object, ...]]], log: ProblemLog
) -> int:
    """Insert a batch; on a duplicate (area, occupation), insert row by row to say which."""
    db.execute("SAVEPOINT batch")
    try:
        db.executemany(_INSERT, [values for _, values in batch])
        db.execute("RELEASE batch")
        return len(batch)
    except sqlite3.IntegrityError:
        db.execute("ROLLBACK TO batch")
        db.execute("RELEASE batch")
    kept = 0
    for number, values in batch:
        try:
            db.execute(_INSERT, values)
            kept += 1
        except sqlite3.IntegrityError:
            log.add(number, 0, "", f"{values[1]} in area {values[0]} is already in an earlier row")
    return kept
