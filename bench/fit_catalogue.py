"""Benchmark: how the one-pagers of bench/batch.py's 40-role catalogue fit, checkout against
checkout. For every role sheet and comparison: the layouts the fitter made (level, type scale,
pages, content height against the room), the level and scale it kept, and the CPU seconds of the
output (render, fit, write, preflight: ``produce.run``); then the pages of two checkouts compared
as images (PDFium at 50 dpi, pixels that differ) with the level and scale of each side.

Each version builds ``--kind sheet --kind compare --jobs 1 --force`` in a process of its own,
its ``src/`` first on the path; the versions alternate round by round (rotating order), CPU
figures are medians over the rounds. Prints figures; not part of the test run.
Usage: .venv/bin/python bench/fit_catalogue.py [--roles 40] [--rounds 3]
       [--against NAME=CHECKOUT ...] [--keep DIR] [--show N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import RUN_CLI, Version, make_project, rotate

ROOT = Path(__file__).resolve().parents[1]

TRACE = """
import json, os, sys, time
from guidepress.build import produce
from guidepress.pdf import fit
from guidepress.cli import main

trace, current = {}, []
fit_one_page, run = produce.fit_one_page, produce.run

def traced_fit(lay_out, **kwargs):
    room = kwargs["room"]
    def traced(level, scale):
        started = time.process_time()
        laid = lay_out(level, scale)
        height = fit.content_height(laid)
        current.append([level, scale, laid.pages, height / room, time.process_time() - started])
        return laid
    fitted = fit_one_page(traced, **kwargs)
    current.append({"level": fitted.level, "scale": fitted.scale, "layouts": fitted.layouts})
    return fitted

def traced_run(project, theme, output, *args, **kwargs):
    current.clear()
    started = time.process_time()
    entry = run(project, theme, output, *args, **kwargs)
    trace[output.path] = {"cpu": time.process_time() - started, "kind": output.kind,
                          "steps": list(current), "status": entry.status}
    return entry

produce.fit_one_page, produce.run = traced_fit, traced_run
""" + RUN_CLI.format(env="TRACE_OUT", result="trace")


def traced(version: Version, project: Path, out: Path, record: Path) -> dict[str, Any]:
    """One serial build of the catalogue's sheets and comparisons by ``version``, traced."""
    command = version.command(project, "--force", "--jobs", "1", "--kind", "sheet", "--kind",
                              "compare", "--out", str(out))  # fmt: skip
    env = {**version.env(), "TRACE_OUT": str(record)}
    subprocess.run([version.python, "-c", TRACE, *command[3:]], env=env, check=True,
                   capture_output=True)  # fmt: skip
    result: dict[str, Any] = json.loads(record.read_text())
    return result


def pixels(a: Path, b: Path, dpi: int = 50) -> int:
    """Pixels that differ between the first pages of two PDFs drawn at ``dpi``."""
    import pypdfium2

    drawn = []
    for path in (a, b):
        pdf = pypdfium2.PdfDocument(str(path))
        drawn.append(pdf[0].render(scale=dpi / 72).to_pil().convert("RGB"))
        pdf.close()
    if drawn[0].size != drawn[1].size:
        return drawn[0].size[0] * drawn[0].size[1]
    first, second = (image.tobytes() for image in drawn)
    return sum(first[i : i + 3] != second[i : i + 3] for i in range(0, len(first), 3))


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def describe(steps: list[Any]) -> str:
    """``L0@1.00 2p 1.08 -> L3@1.00 1p 0.96``: each layout's level, scale, pages and fill."""
    tried = [s for s in steps if isinstance(s, list)]
    return " -> ".join(f"L{lv}@{sc:.3f} {p}p {fill:.2f}" for lv, sc, p, fill, _ in tried)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roles", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", action="append", default=[], metavar="NAME=CHECKOUT")
    parser.add_argument("--keep", type=Path, help="Build here and keep the PDFs.")
    parser.add_argument("--show", type=int, default=0, help="Print every output's path (N=1).")
    args = parser.parse_args()
    versions = [Version("this", ROOT)]
    for spec in args.against:
        name, _, checkout = spec.partition("=")
        versions.append(Version(name, Path(checkout).resolve()))
    stamp = time.strftime("%Y-%m-%d %H:%M")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
          f"{platform.python_version()}; {stamp}; load {load()}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        project = make_project(work / "catalogue", args.roles)
        traces: dict[str, list[dict[str, Any]]] = {v.name: [] for v in versions}
        for round_ in range(args.rounds):
            for version in rotate(versions, round_):
                out = work / f"out-{version.name}"
                record = work / f"trace-{version.name}-{round_}.json"
                traces[version.name].append(traced(version, project, out, record))
            print(f"  round {round_ + 1} done; load {load()}")
        print(f"end: load {load()}")
        print()
        print("| version | kind | outputs | layouts mean | max | distribution | CPU s per output"
              " (median of rounds, then of outputs) | CPU s all |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|")
        for version in versions:
            first = traces[version.name][0]
            for kind in ("sheet", "compare"):
                paths = sorted(p for p, t in first.items() if t["kind"] == kind)
                counts = [_layouts(first[p]["steps"]) for p in paths]
                cpu = [statistics.median(r[p]["cpu"] for r in traces[version.name]) for p in paths]
                spread = ", ".join(f"{n}: {c}" for n, c in sorted(Counter(counts).items()))
                print(f"| {version.name} | {kind} | {len(paths)} | {statistics.mean(counts):.2f} "
                      f"| {max(counts)} | {spread} | {statistics.median(cpu):.3f} "
                      f"| {sum(cpu):.1f} |")  # fmt: skip
        if args.show:
            print()
            for version in versions:
                for path, t in sorted(traces[version.name][0].items()):
                    print(f"{version.name:>8} {path:<48} {describe(t['steps'])}")
        for other in versions[1:]:
            print()
            mine, theirs = traces["this"][0], traces[other.name][0]
            same, differ = 0, []
            for path in sorted(set(mine) & set(theirs)):
                a, b = work / "out-this" / path, work / f"out-{other.name}" / path
                if not (a.exists() and b.exists()):
                    continue
                n = 0 if a.read_bytes() == b.read_bytes() else pixels(a, b)
                if n == 0:
                    same += 1
                else:
                    differ.append((path, n))
            print(f"this against {other.name}: {same} pages pixel-identical at 50 dpi, "
                  f"{len(differ)} differ")  # fmt: skip
            for path, n in differ:
                kept = [_kept(t[path]["steps"]) for t in (mine, theirs)]
                print(f"  {path}: {n} px; this {kept[0]}, {other.name} {kept[1]}")


def _layouts(steps: list[Any]) -> int:
    return sum(isinstance(s, list) for s in steps)


def _kept(steps: list[Any]) -> str:
    done = [s for s in steps if isinstance(s, dict)]
    if not done:
        return "refused"
    return f"level {done[-1]['level']} at {done[-1]['scale']:.3f}"


if __name__ == "__main__":
    main()
