"""Benchmark: importing a full-size (about 400,000 rows) BLS OEWS workbook into the pay store.

Makes the workbook from the shipped extract by repetition (3,186 rows x 126; every copy after
the first gets its own made-up metro area codes, so no row repeats), in a temporary folder, in
two cell layouts:

  extract-style  as the extract is written (openpyxl's writer: every value a string, inline
                 strings): the slow case for a reader;
  excel-style    as Excel writes a workbook (xlsxwriter: shared strings, numbers as numbers;
                 skipped when xlsxwriter is not installed).

Each import runs in a fresh child process and reports its wall time and peak RSS (ru_maxrss);
``--tracemalloc`` adds a second run per case for the peak of Python's own allocations. Two row
readers side by side on the same files: openpyxl's read-only mode (what guidepress uses) and
python-calamine (skipped when not installed), through the same import code.

Prints figures; not part of the test run. Making the files takes a few minutes.
Usage: .venv/bin/python bench/oews_import.py [--copies 126] [--keep DIR] [--tracemalloc]
       [--readers openpyxl,calamine]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = "oews_m2025_extract.csv"


def find_extract() -> Path:
    for folder in ROOT.parents:
        candidate = folder / "shared" / "data" / "oews" / EXTRACT
        if candidate.is_file():
            return candidate
    sys.exit(f"{EXTRACT} not found in shared/data/oews beside the repository")


def copies_of(extract: Path, copies: int) -> tuple[list[str], Callable[[], Iterator[list[str]]]]:
    """The extract's header and its rows ``copies`` times (as a generator, to keep the parent
    small), each copy after the first with made-up metro codes 50000+ (the extract's real metro
    codes are below 48000)."""
    with extract.open(newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    area, title, kind = header.index("AREA"), header.index("AREA_TITLE"), header.index("AREA_TYPE")
    number = {code: i for i, code in enumerate(sorted({r[area] for r in rows}))}

    def generate() -> Iterator[list[str]]:
        yield from rows
        for copy in range(1, copies):
            for row in rows:
                new = list(row)
                new[area] = str(50000 + (copy - 1) * len(number) + number[row[area]])
                new[title] = f"{row[title]} (copy {copy})"
                new[kind] = "4"
                yield new

    return header, generate


def write_extract_style(path: Path, header: list[str], rows: Iterator[list[str]]) -> int:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("All May 2025 data")
    sheet.append(header)
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007
        sheet.append([cell or None for cell in row])
    book.save(path)
    return count


def write_excel_style(path: Path, header: list[str], rows: Iterator[list[str]]) -> int:
    import xlsxwriter  # type: ignore[import-untyped, import-not-found, unused-ignore]

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("All May 2025 data")
    sheet.write_row(0, 0, header)
    codes = {"AREA", "PRIM_STATE", "NAICS", "OCC_CODE"}  # stay text, as BLS writes them
    text_at = {i for i, h in enumerate(header) if h in codes or h.endswith(("TITLE", "GROUP"))}
    number = 0
    for number, row in enumerate(rows, start=1):
        for col, cell in enumerate(row):
            if not cell:
                continue
            if col not in text_at:
                try:
                    sheet.write_number(number, col, float(cell))
                    continue
                except ValueError:
                    pass
            sheet.write_string(number, col, cell)
    book.close()
    return number


def child(engine: str, workbook: Path, store: Path, trace: bool) -> None:
    """Runs in the child process: one import, figures as JSON on stdout."""
    if trace:
        import tracemalloc

        tracemalloc.start()
    if engine == "calamine":
        _use_calamine()
    from guidepress.paydata import import_oews

    start = time.perf_counter()
    release = import_oews([workbook], store)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures: dict[str, Any] = {
        "seconds": seconds,
        # CPU time is the figure to compare on a shared machine; wall time grows with the load.
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "rows": release.sources[0].rows,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "store_mib": store.stat().st_size / 2**20,
    }
    if trace:
        figures["traced_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(figures))


def _use_calamine() -> None:
    """Swap the xlsx row source for python-calamine's, keeping everything else."""

    import python_calamine

    from guidepress.paydata import tables

    def open_xlsx(path: Path, name: str, wanted: frozenset[str]) -> tables.Table:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)  # calamine reads the whole sheet here
        rows = sheet.iter_rows()
        header = [tables.text(c) for c in next(rows)]

        def data() -> Iterator[tuple[int, tuple[object, ...]]]:
            for number, row in enumerate(rows, start=2):
                yield number, tuple(None if c == "" else c for c in row)

        return tables.Table(name, header, data(), sheet=sheet.name)

    tables._open_xlsx = open_xlsx


def measure(engine: str, workbook: Path, folder: Path, trace: bool) -> dict[str, Any]:
    store = folder / f"{engine}-{workbook.stem}.sqlite"
    args = [sys.executable, __file__, "--child", engine, str(workbook), str(store)]
    if trace:
        args.append("--tracemalloc")
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout)
    result["process_seconds"] = time.perf_counter() - started
    store.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=126)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the workbooks in DIR")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--readers", default="openpyxl,calamine", help="comma-separated")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "XLSX", "STORE"))
    options = parser.parse_args()
    if options.child:
        engine, workbook, store = options.child
        child(engine, Path(workbook), Path(store), options.tracemalloc)
        return

    import openpyxl

    print(f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, openpyxl {openpyxl.__version__}, SQLite "
          f"{__import__('sqlite3').sqlite_version}")  # fmt: skip
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    scratch = tempfile.TemporaryDirectory(prefix="oews-bench-")
    folder = options.keep or Path(scratch.name)
    folder.mkdir(parents=True, exist_ok=True)
    header, rows = copies_of(find_extract(), options.copies)
    writers = {"extract-style": write_extract_style, "excel-style": write_excel_style}
    workbooks = {}
    for style, write in writers.items():
        path = folder / f"all_data_M_2025_{style}.xlsx"
        if not path.exists():
            start = time.perf_counter()
            try:
                count = write(path, header, rows())
            except ImportError as exc:
                print(f"{style}: skipped ({exc.name} not installed)")
                continue
            print(f"made {path.name}: {count:,} rows, {path.stat().st_size / 2**20:.1f} MiB "
                  f"in {time.perf_counter() - start:.0f} s")  # fmt: skip
        workbooks[style] = path
    engines = options.readers.split(",")
    if "calamine" in engines:
        try:
            import python_calamine  # noqa: F401
        except ImportError:
            print("calamine: skipped (python-calamine not installed)")
            engines.remove("calamine")
    print()
    print("| workbook | reader | rows kept | CPU time | wall time | peak RSS | store |"
          + (" Python peak (tracemalloc) |" if options.tracemalloc else ""))  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- |" + (" --- |" if options.tracemalloc else ""))
    for style, workbook in workbooks.items():
        for engine in engines:
            r = measure(engine, workbook, folder, trace=False)
            line = (f"| {style} ({workbook.stat().st_size / 2**20:.0f} MiB) | {engine} | "
                    f"{r['rows']:,} | {r['cpu_seconds']:.1f} s | {r['seconds']:.1f} s | "
                    f"{r['maxrss_mib']:.0f} MiB | "
                    f"{r['store_mib']:.1f} MiB |")  # fmt: skip
            if options.tracemalloc:
                traced = measure(engine, workbook, folder, trace=True)
                line += f" {traced['traced_peak_mib']:.1f} MiB |"
            print(line, flush=True)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    scratch.cleanup()


if __name__ == "__main__":
    main()
