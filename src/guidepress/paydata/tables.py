"""Rows out of a CSV or xlsx file, streamed, with their row numbers; and the problem log the
readers share.

Why stream: BLS's all-data workbook has about 400,000 rows. openpyxl's read-only mode parses the
sheet XML as it goes, so memory stays flat whatever the file size (see docs/benchmarks.md).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidepress.errors import ContentError, Problem

# What a reader hands on: CSV gives str; openpyxl also int, float, bool, None, dates.
Cell = object

MAX_PROBLEMS = 50


class ProblemLog:
    """Problems of one file, capped: a broken 400,000-row file must not print 400,000 lines."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.count = 0

    def add(self, line: int, col: int, field: str, message: str) -> None:
        self.count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.name, line, col, field, message))

    def raise_if_any(self) -> None:
        if not self.count:
            return
        problems = list(self.problems)
        if self.count > len(problems):
            # Line 0 sorts first: the count heads the list.
            problems.append(
                Problem(
                    self.name, message=f"{self.count:,} problems; the first {MAX_PROBLEMS} follow"
                )
            )
        raise ContentError(problems)


@dataclass
class Table:
    """A file's header and an iterator over its data rows as ``(row number, cells)``; row numbers
    count from 1 at the file's first row, as a spreadsheet shows them."""

    name: str  # as printed in messages
    header: list[str]
    rows: Iterator[tuple[int, tuple[Cell, ...]]]
    sheet: str = ""  # the xlsx sheet read
    other_text: list[str] = field(default_factory=list)  # other sheets' text (field notes)
    close: Callable[[], None] = lambda: None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_table(path: Path, name: str, wanted: frozenset[str]) -> Table:
    """Open ``path`` (``.xlsx`` or CSV). In a workbook, the data sheet is the first whose first
    row holds one of the ``wanted`` column names (upper-cased); the other sheets' text is kept
    for the release notes. A file that cannot be read is one located problem."""
    try:
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            return _open_xlsx(path, name, wanted)
        return _open_csv(path, name)
    except OSError as exc:
        raise ContentError([Problem(name, message=f"cannot read: {exc.strerror or exc}")]) from None


def _open_csv(path: Path, name: str) -> Table:
    # Undecodable bytes are kept as surrogates and reported on their row, not as a crash.
    handle = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(handle)
    try:
        header = next(reader, [])
        _check_utf8(header, name, 1)
    except (ContentError, csv.Error) as exc:
        handle.close()
        if isinstance(exc, ContentError):
            raise
        raise ContentError([Problem(name, 1, 0, "", f"not a readable CSV file: {exc}")]) from None

    def rows() -> Iterator[tuple[int, tuple[Cell, ...]]]:
        try:
            for number, row in enumerate(reader, start=2):
                if row:
                    _check_utf8(row, name, number)
                    yield number, tuple(row)
        except csv.Error as exc:
            line = reader.line_num
            raise ContentError(
                [Problem(name, line, 0, "", f"not a readable CSV file: {exc}")]
            ) from None
        finally:
            handle.close()

    return Table(name, [h.strip() for h in header], rows(), close=handle.close)


def _check_utf8(row: list[str], name: str, number: int) -> None:
    try:
        "".join(row).encode()
    except UnicodeEncodeError:
        message = "not UTF-8 text (save the file as CSV UTF-8)"
        raise ContentError([Problem(name, number, 0, "", message)]) from None


def _open_xlsx(path: Path, name: str, wanted: frozenset[str]) -> Table:
    import zipfile

    import openpyxl  # only xlsx imports pay for it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ContentError(
            [Problem(name, message=f"not a readable xlsx workbook: {exc}")]
        ) from None
    sheets: list[Any] = list(book.worksheets)
    data_sheet: Any = None
    header: list[str] = []
    other: list[str] = []
    for sheet in sheets:
        cells = sheet.iter_rows(values_only=True)
        first = [text(c) for c in next(cells, ())]
        if data_sheet is None and {h.upper() for h in first} & wanted:
            data_sheet, header = sheet, first
            continue
        # The other sheets are short (field descriptions, notes): BLS states the top code
        # there. The cap only guards against a workbook that is not BLS's.
        other.append(" ".join(first))
        for count, row in enumerate(cells):
            if count > 2000:
                break
            other.append(" ".join(text(c) for c in row if c is not None))
    if data_sheet is None and sheets:
        data_sheet = sheets[0]
        header = [text(c) for c in next(data_sheet.iter_rows(values_only=True), ())]

    def rows() -> Iterator[tuple[int, tuple[Cell, ...]]]:
        try:
            if data_sheet is None:
                return
            cells = data_sheet.iter_rows(values_only=True)
            next(cells, None)
            for number, row in enumerate(cells, start=2):
                if any(c is not None and c != "" for c in row):
                    yield number, row
        finally:
            book.close()

    return Table(
        name,
        [h.strip() for h in header],
        rows(),
        sheet=data_sheet.title if data_sheet is not None else "",
        other_text=other,
        close=book.close,
    )


def text(cell: Cell) -> str:
    """A cell as text: whole numbers without ``.0`` (a code like 1235 read as a number)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()
