"""Benchmark: two versions of the OEWS reader (guidepress/paydata/oews.py) side by side on the
same 400,000-row files, interleaved, each import in a fresh child process.

``--make DIR`` writes the files from the shipped extract (bench/oews_import.py's repetition:
3,186 rows x 126, made-up metro codes after the first copy):

  all_kept.csv        every row cross-industry (all kept), as bench/oews_import.py's workbooks;
  half_industry.csv   every other row an industry-specific estimate (NAICS 541500), as most of
                      BLS's all-data file is: read, then skipped;
  half_industry.xlsx  the same as a workbook (openpyxl's writer: inline strings, no dimension).

Then ``BEFORE`` (a copy of an older oews.py, e.g. ``git show main:src/guidepress/paydata/oews.py``)
and the checkout's reader import each file ``--runs`` times, alternating which goes first; the
medians of wall time and CPU time and the peak RSS are printed. CPU time is the figure to trust
on a shared machine. Not part of the test run.

Usage: .venv/bin/python bench/oews_reader_ab.py --make DIR
       .venv/bin/python bench/oews_reader_ab.py BEFORE.py DIR/*.csv DIR/*.xlsx [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))


def make(folder: Path) -> None:
    from oews_import import copies_of, find_extract

    folder.mkdir(parents=True, exist_ok=True)
    header, rows = copies_of(find_extract(), 126)
    naics, title, group = (header.index(c) for c in ("NAICS", "NAICS_TITLE", "I_GROUP"))
    for name, industry in (("all_kept.csv", False), ("half_industry.csv", True)):
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for index, row in enumerate(rows()):
                if industry and index % 2:
                    row = list(row)
                    row[naics], row[title], row[group] = "541500", "Computer Systems", "4-digit"
                writer.writerow(row)
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("All May 2025 data")
    with (folder / "half_industry.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            sheet.append([cell or None for cell in row])
    book.save(folder / "half_industry.xlsx")


def child(before: str, path: str, store: str) -> None:
    import guidepress.paydata.store as store_module

    if before:
        spec = importlib.util.spec_from_file_location("oews_before", before)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["oews_before"] = module
        spec.loader.exec_module(module)
        store_module.oews = module  # type: ignore[assignment]
    wall, cpu = time.perf_counter(), time.process_time()
    done = store_module.import_oews([Path(path)], Path(store), release="May 2025")
    print(json.dumps({
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": done.sources[0].rows,
    }))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--make", type=Path, metavar="DIR")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3)
    parser.add_argument("files", nargs="*")
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return
    if options.make:
        make(options.make)
        return
    before, files = options.files[0], options.files[1:]
    scratch = tempfile.TemporaryDirectory(prefix="oews-ab-")
    store = Path(scratch.name) / "ab.sqlite"
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for run in range(options.runs):
        for path in files:
            for which in ("before", "after") if run % 2 == 0 else ("after", "before"):
                reader = before if which == "before" else ""
                args = [sys.executable, __file__, "--child", reader, path, str(store)]
                out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
                results.setdefault((path, which), []).append(json.loads(out))
    print("| file | reader | rows kept | wall (median) | CPU (median) | peak RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    for (path, which), runs in results.items():
        print(f"| {Path(path).name} | {which} | {runs[0]['rows']:,} | "
              f"{statistics.median(r['wall'] for r in runs):.1f} s | "
              f"{statistics.median(r['cpu'] for r in runs):.1f} s | "
              f"{max(r['rss'] for r in runs):.0f} MiB |")  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    scratch.cleanup()


if __name__ == "__main__":
    main()
