"""Reader for BLS's published OEWS files: the all-data workbook (``all_data_M_2025.xlsx``), the
per-area ``*_dl.xlsx`` workbooks (same columns) and CSV with the same columns.

Keeps the cross-industry, all-ownership rows (NAICS 000000, OWN_CODE 1235) and, of those, what
guides print. BLS's markers are kept as BLS defines them (field descriptions of the release):
``*`` wage (or other value) not available, ``**`` employment not available, ``#`` wage at or
above the top code, ``~`` fewer than 0.5 % of establishments report the occupation; ``ANNUAL``
TRUE = annual wages only, ``HOURLY`` TRUE = hourly wages only (never annualised here).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from guidepress.errors import ContentError, Problem
from guidepress.paydata.records import Area, Occupation, TopCode, WageRow
from guidepress.paydata.tables import Cell, ProblemLog, Table, open_table, text

#: Who publishes OEWS: the author its citations name (render/citations.py sets it apart).
PUBLISHER = "U.S. Bureau of Labor Statistics"
CITATION = f"{PUBLISHER}, Occupational Employment and Wage Statistics"

# BLS's column names, in BLS's order. Matched case-insensitively: some releases' workbooks
# spell them in lower case (the May 2022 field descriptions do).
REQUIRED = (
    "AREA", "AREA_TITLE", "AREA_TYPE", "NAICS", "OWN_CODE", "OCC_CODE", "OCC_TITLE", "TOT_EMP",
    "H_MEAN", "A_MEAN", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
    "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90",
)  # fmt: skip
OPTIONAL = ("PRIM_STATE", "O_GROUP", "JOBS_1000", "LOC_QUOTIENT", "ANNUAL", "HOURLY")
# Only informational columns get aliases. Releases before May 2019 call the occupation group
# OCC_GROUP; nothing is filtered or computed from it, so accepting either costs nothing.
ALIASES = {"OCC_GROUP": "O_GROUP"}

# The top code BLS states in the release's field descriptions ("# = indicates a wage equal to
# or greater than $115.00 per hour or $239,200 per year" for May 2025). Used when the file does
# not carry its field descriptions (a CSV, an extract) and no top code is given at import.
KNOWN_TOP_CODES = {"May 2025": TopCode(hourly=115.00, annual=239_200)}

MARKERS = frozenset({"*", "**", "#", "~", "-"})
AREA_TYPES = {"1": "national", "2": "state", "3": "territory", "4": "metro", "6": "nonmetro"}

# (store field, BLS column) for the money fields.
_ANNUAL = (("mean", "A_MEAN"), ("p10", "A_PCT10"), ("p25", "A_PCT25"), ("median", "A_MEDIAN"),
           ("p75", "A_PCT75"), ("p90", "A_PCT90"))  # fmt: skip
_HOURLY = (("h_mean", "H_MEAN"), ("h_p10", "H_PCT10"), ("h_p25", "H_PCT25"),
           ("h_median", "H_MEDIAN"), ("h_p75", "H_PCT75"), ("h_p90", "H_PCT90"))  # fmt: skip
_OTHER = (("employment", "TOT_EMP"), ("location_quotient", "LOC_QUOTIENT"),
          ("jobs_1000", "JOBS_1000"))  # fmt: skip
_ANNUAL_FIELDS = frozenset(f for f, _ in _ANNUAL)
_HOURLY_FIELDS = frozenset(f for f, _ in _HOURLY)
_SOC = re.compile(r"\d\d-\d{4}")

_TOP_CODE_NOTE = re.compile(
    r"#\s*=?[^$]*\$\s*([\d,]+(?:\.\d+)?)\s*per hour[^$]*\$\s*([\d,]+(?:\.\d+)?)\s*per year",
    re.IGNORECASE,
)
_RELEASE_IN_TITLE = re.compile(r"\b(May|November)\s+(\d{4})\b", re.IGNORECASE)
_RELEASE_IN_NAME = re.compile(r"(?:^|[_\W])m_?(\d{4})(?:$|[_\W])", re.IGNORECASE)


@dataclass(frozen=True)
class Record:
    row: int  # where it was read, for messages
    area: Area
    occupation: Occupation
    wages: WageRow


@dataclass
class OewsFile:
    """An opened OEWS file: what it says about its release, and its kept rows (streamed once).
    Iterating ``records()`` to the end raises ``ContentError`` with every problem found."""

    name: str
    release: str
    top_code: TopCode | None
    table: Table
    columns: dict[str, int]

    def records(self) -> Iterator[Record]:
        log = ProblemLog(self.name)
        areas: dict[str, Area] = {}
        occupations: dict[str, Occupation] = {}
        c = self.columns
        naics, own = c["NAICS"], c["OWN_CODE"]
        kept = 0
        first_top_coded: tuple[int, int, str] | None = None
        try:
            for number, row in self.table.rows:
                # Most of BLS's all-data rows are industry-specific: skipped before any value
                # is converted.
                if text(_cell(row, own)) != "1235" or text(_cell(row, naics)).zfill(6) != "000000":
                    continue
                record = self._record(number, row, log, areas, occupations)
                if record is None:
                    continue
                if first_top_coded is None and self.top_code is None:
                    first_top_coded = _first_top_coded(number, record.wages, c)
                kept += 1
                yield record
        finally:
            self.table.close()
        if first_top_coded is not None:
            line, col, field = first_top_coded
            message = (
                f"'#' means at or above BLS's top code, but the top code of {self.release} is "
                "not known: give it with --top-code HOURLY ANNUAL (from the release's notes)"
            )
            log.add(line, col, field, message)
        if not kept and not log.count:
            log.add(0, 0, "", "no cross-industry rows (NAICS 000000, OWN_CODE 1235)")
        log.raise_if_any()

    def _record(
        self,
        number: int,
        row: Sequence[Cell],
        log: ProblemLog,
        areas: dict[str, Area],
        occupations: dict[str, Occupation],
    ) -> Record | None:
        c = self.columns
        if len(row) < self._width:  # a short row (a CSV line, an xlsx row with trailing blanks)
            row = (*row, *(None,) * (self._width - len(row)))
        problems = log.count
        raw_type = text(row[c["AREA_TYPE"]])
        area_type = AREA_TYPES.get(raw_type)
        if area_type is None:
            message = f"not a BLS area type (1, 2, 3, 4, 6): {raw_type!r}"
            log.add(number, c["AREA_TYPE"] + 1, "AREA_TYPE", message)
            area_type = "area"
        area_code = normalise_area(text(row[c["AREA"]]), area_type)
        occ_code = text(row[c["OCC_CODE"]])
        if not _SOC.fullmatch(occ_code):
            log.add(
                number, c["OCC_CODE"] + 1, "OCC_CODE", f"not a SOC code like 41-4011: {occ_code!r}"
            )
        values: dict[str, object] = {}
        markers: list[tuple[str, str]] = []
        for field, index, column in self._values:
            value = _number(row[index])
            if value is None:
                continue
            if value.__class__ is str:
                if value in MARKERS:
                    markers.append((field, value))
                else:
                    log.add(
                        number,
                        index + 1,
                        column,
                        f"not a number or a BLS marker (*, **, #, ~): {value!r}",
                    )
                continue
            values[field] = int(value) if field == "employment" else value
        flags = {}
        for field, column in (("annual_only", "ANNUAL"), ("hourly_only", "HOURLY")):
            at = c.get(column)
            flag = text(row[at]).upper() if at is not None else ""
            if flag not in {"", "TRUE", "FALSE"}:
                log.add(
                    number,
                    at + 1 if at is not None else 0,
                    column,
                    f"must be TRUE or empty: {flag!r}",
                )
            flags[field] = flag == "TRUE"
        if log.count > problems:
            return None
        top_coded = {f for f, m in markers if m == "#"}
        # Files built from BLS's time-series data (like the shipped extract) leave the flags
        # empty and write "-" for the period BLS does not publish: the same fact, inferred.
        has_annual = any(f in values for f in _ANNUAL_FIELDS)
        has_hourly = any(f in values for f in _HOURLY_FIELDS)
        if not has_hourly and not top_coded & _HOURLY_FIELDS:
            flags["annual_only"] = flags["annual_only"] or has_annual
        if not has_annual and not top_coded & _ANNUAL_FIELDS:
            flags["hourly_only"] = flags["hourly_only"] or has_hourly
        area = areas.get(area_code)
        if area is None:
            prim = text(row[c["PRIM_STATE"]]) if "PRIM_STATE" in c else ""
            area = areas[area_code] = Area(area_code, text(row[c["AREA_TITLE"]]), area_type, prim)
        occupation = occupations.get(occ_code)
        if occupation is None:
            group = text(row[c["O_GROUP"]]) if "O_GROUP" in c else ""
            occupation = occupations[occ_code] = Occupation(
                occ_code, text(row[c["OCC_TITLE"]]), group
            )
        wages = WageRow(
            occupation=occ_code,
            area=area_code,
            markers=tuple(markers),
            annual_only=flags["annual_only"],
            hourly_only=flags["hourly_only"],
            **values,  # type: ignore[arg-type]
        )
        return Record(number, area, occupation, wages)

    @cached_property
    def _values(self) -> tuple[tuple[str, int, str], ...]:
        """(store field, column index, BLS column) of the value columns this file has."""
        pairs = (*_ANNUAL, *_HOURLY, *_OTHER)
        return tuple((f, self.columns[col], col) for f, col in pairs if col in self.columns)

    @cached_property
    def _width(self) -> int:
        return max(self.columns.values()) + 1


def open_oews(
    path: Path, *, release: str | None = None, top_code: TopCode | None = None
) -> OewsFile:
    """Open ``path`` and check it is an OEWS file. ``release`` ("May 2025") and ``top_code``
    override what the file says; otherwise the release comes from the sheet title or the file
    name (``_M2025``), the top code from the workbook's field descriptions or, failing that,
    ``KNOWN_TOP_CODES``."""
    name = str(path)
    table = open_table(path, name, frozenset(REQUIRED))
    columns: dict[str, int] = {}
    for index, heading in enumerate(table.header):
        key = ALIASES.get(heading.upper(), heading.upper())
        columns.setdefault(key, index)
    missing = [col for col in REQUIRED if col not in columns]
    if missing:
        table.close()
        raise ContentError(
            [Problem(name, message=f"not an OEWS file: missing columns {', '.join(missing)}")]
        )
    label = release or _release_label(path, table)
    if not label:
        table.close()
        message = (
            "cannot tell which OEWS release this is from the file or sheet name: give it at "
            "import, e.g. 'May 2025'"
        )
        raise ContentError([Problem(name, message=message)])
    stated = _stated_top_code(table.other_text)
    return OewsFile(name, label, top_code or stated or KNOWN_TOP_CODES.get(label), table, columns)


def normalise_area(code: str, area_type: str) -> str:
    """BLS's area code in its short form: "99", "39", "18140", "0100001". Per-area workbooks
    store codes as numbers (Ohio 39, Alabama 1) and the time-series files as 7 characters
    ("3900000", "0018140"); both mean the same area."""
    if area_type == "national":
        return "99"
    if area_type in {"state", "territory"}:
        return code[:2] if len(code) == 7 and code.endswith("00000") else code.zfill(2)
    if area_type == "metro":
        return code[2:] if len(code) == 7 and code.startswith("00") else code.zfill(5)
    if area_type == "nonmetro":
        return code.zfill(7)
    return code


def _release_label(path: Path, table: Table) -> str:
    for candidate in (table.sheet, *table.other_text[:5]):
        found = _RELEASE_IN_TITLE.search(candidate)
        if found:
            return f"{found.group(1).title()} {found.group(2)}"
    found = _RELEASE_IN_NAME.search(path.stem)
    return f"May {found.group(1)}" if found else ""


def _stated_top_code(notes: list[str]) -> TopCode | None:
    for line in notes:
        found = _TOP_CODE_NOTE.search(line)
        if found:
            hourly, annual = (float(g.replace(",", "")) for g in found.groups())
            return TopCode(hourly, annual)
    return None


def _first_top_coded(
    number: int, wages: WageRow, columns: dict[str, int]
) -> tuple[int, int, str] | None:
    bls = dict((*_ANNUAL, *_HOURLY))
    for field, marker in wages.markers:
        if marker == "#" and field in bls:
            return number, columns[bls[field]] + 1, bls[field]
    return None


def _cell(row: Sequence[Cell], index: int) -> Cell:
    return row[index] if index < len(row) else None


def _number(cell: Cell) -> float | str | None:
    """A number, ``None`` for an empty cell, or the cell's text (a marker or garbage)."""
    kind = cell.__class__
    if kind is str:  # CSV: every cell; the common cases first, without an exception each
        if not cell or cell in MARKERS:
            return cell or None  # type: ignore[return-value]
        try:
            number = float(cell)  # type: ignore[arg-type]
        except ValueError:
            pass  # "1,234", " * ", garbage: the general path below
        else:
            return number if math.isfinite(number) else str(cell).strip()
    elif kind is float or kind is int:  # xlsx numbers (bool is an int subclass, never ``is``)
        return float(cell)  # type: ignore[arg-type]
    if cell is None:
        return None
    if kind is bool:
        return str(cell)
    value = str(cell).strip()
    if not value or value in MARKERS:
        return value or None
    try:
        number = float(value.replace(",", ""))
    except ValueError:
        return value
    return number if math.isfinite(number) else value
