"""Reader for the generic pay table: national statistics of any country, one CSV file.

The format (UTF-8 CSV, a header row, column names as below in any order, case-insensitive)::

    occupation_code   the office's occupation code (ISCO-08 "2433", a national code, or SOC)
    occupation_title  its title as printed
    region_code       the code used with --region and regions: [...] (e.g. DE, DE-BY, FR-IDF)
    region_name       the area's name as printed ("Bayern")
    region_type       optional: national | state | region | metro (default region); the one
                      national row of an occupation is the guides' national comparison
    currency          ISO 4217 code (EUR); one currency per file
    period            annual | monthly | hourly; one period per file
    p10, p25          optional (may be empty): 10th and 25th percentiles
    median            required
    p75, p90          optional (may be empty)
    mean              optional (may be empty)
    employment        optional (may be empty): number of employees
    source            the citation printed under the figures, e.g. "Statistisches Bundesamt
                      (Destatis), Verdiensterhebung"; one source per file
    release_date      the release's date as printed (2025-04 or 2025-04-30 or 2024); one per file

Numbers are plain: digits with a decimal point, no thousands separators or currency signs
(``3456.78``). An all-occupations row (the area's benchmark) uses occupation_code ``00-0000``
or ``0000`` (ISCO's "all occupations" is written as such by most offices; either is accepted).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from guidepress.errors import ContentError, Problem
from guidepress.paydata.records import Area, Occupation, WageRow
from guidepress.paydata.tables import ProblemLog, Table, open_table, text

REQUIRED = (
    "occupation_code",
    "occupation_title",
    "region_code",
    "region_name",
    "currency",
    "period",
    "median",
    "source",
    "release_date",
)
OPTIONAL = ("region_type", "p10", "p25", "p75", "p90", "mean", "employment")
PERIODS = ("annual", "monthly", "hourly")
REGION_TYPES = ("national", "state", "region", "metro")

_CURRENCY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")
_NUMBER = re.compile(r"\d+(\.\d+)?")


@dataclass(frozen=True)
class PayRecord:
    row: int  # where it was read, for messages
    area: Area
    occupation: Occupation
    wages: WageRow


@dataclass
class PayFile:
    """An opened pay table. ``currency``, ``period``, ``source`` and ``release`` are read from
    the first data row (every row must agree); iterating ``records()`` to the end raises
    ``ContentError`` with every problem found."""

    name: str
    table: Table
    columns: dict[str, int]
    currency: str = ""
    period: str = ""
    source: str = ""
    release: str = ""

    def records(self) -> Iterator[PayRecord]:
        log = ProblemLog(self.name)
        c = self.columns
        seen: dict[tuple[str, str], int] = {}
        try:
            for number, row in self.table.rows:
                cells = {key: text(row[i]) if i < len(row) else "" for key, i in c.items()}
                before = log.count
                for key in REQUIRED:
                    if not cells[key]:
                        log.add(number, c[key] + 1, key, "must not be empty")
                self._check_same(number, cells, log)
                values: dict[str, float | int | None] = {}
                for key in ("p10", "p25", "median", "p75", "p90", "mean", "employment"):
                    raw = cells.get(key, "")
                    if not raw:
                        values[key] = None
                    elif _NUMBER.fullmatch(raw) and math.isfinite(float(raw)):
                        values[key] = int(float(raw)) if key == "employment" else float(raw)
                    else:
                        log.add(
                            number, c[key] + 1, key, f"not a plain number (like 3456.78): {raw!r}"
                        )
                region_type = cells.get("region_type") or "region"
                if region_type not in REGION_TYPES:
                    log.add(
                        number,
                        c["region_type"] + 1,
                        "region_type",
                        f"must be one of {', '.join(REGION_TYPES)} (got {region_type!r})",
                    )
                pair = (cells["occupation_code"], cells["region_code"].upper())
                if pair in seen and all(pair):
                    log.add(
                        number,
                        c["region_code"] + 1,
                        "region_code",
                        f"{pair[0]} in {pair[1]} is already on row {seen[pair]}",
                    )
                seen.setdefault(pair, number)
                if log.count > before:
                    continue
                order = [values[k] for k in ("p10", "p25", "median", "p75", "p90")]
                given = [v for v in order if v is not None]
                if given != sorted(given):
                    log.add(
                        number,
                        c["median"] + 1,
                        "median",
                        "percentiles must not decrease from p10 to p90",
                    )
                    continue
                yield PayRecord(
                    number,
                    Area(pair[1], cells["region_name"], region_type),
                    Occupation(pair[0], cells["occupation_title"]),
                    WageRow(occupation=pair[0], area=pair[1], **values),  # type: ignore[arg-type]
                )
        finally:
            self.table.close()
        if not seen and not log.count:
            log.add(0, 0, "", "no data rows")
        log.raise_if_any()

    def _check_same(self, number: int, cells: dict[str, str], log: ProblemLog) -> None:
        """One currency, period, source and release per file: the release carries them."""
        checks = (
            (
                "currency",
                cells["currency"].upper(),
                _CURRENCY.fullmatch,
                "an ISO 4217 code like EUR",
            ),
            (
                "period",
                cells["period"].lower(),
                PERIODS.__contains__,
                f"one of {', '.join(PERIODS)}",
            ),
            ("release_date", cells["release_date"], _DATE.fullmatch, "a date like 2025-04 or 2025"),
            ("source", cells["source"], bool, "given"),
        )
        for column, value, valid, wanted in checks:
            if not value:
                continue  # reported as empty
            where = (number, self.columns[column] + 1, column)
            if not valid(value):
                log.add(*where, f"must be {wanted} (got {cells[column]!r})")
                continue
            attr = "release" if column == "release_date" else column
            first = getattr(self, attr)
            if not first:
                setattr(self, attr, value)
            elif value != first:
                log.add(
                    *where,
                    f"every row must have the same {column} ({first!r} above; got {value!r})",
                )


def open_pay(path: Path) -> PayFile:
    """Open a generic pay table and check its columns."""
    name = str(path)
    table = open_table(path, name, frozenset())
    columns: dict[str, int] = {}
    for index, heading in enumerate(table.header):
        columns.setdefault(heading.lower(), index)
    missing = [col for col in REQUIRED if col not in columns]
    if missing:
        table.close()
        raise ContentError(
            [Problem(name, message=f"not a pay table: missing columns {', '.join(missing)}")]
        )
    return PayFile(name, table, {k: v for k, v in columns.items() if k in REQUIRED + OPTIONAL})
