"""Benchmark: the memory of one build process, and what it pays for it (issue 19).

Each output is built alone in a fresh process (`guidepress build NAME --kind K --force
--jobs 1`: the same document path as a pool's worker, garbage collector paused per document):
its peak RSS, its CPU seconds, the RSS after each WeasyPrint layout and after the PDF is drawn,
and the layouts it took. Versions are checkouts of guidepress (``--against NAME=CHECKOUT``, each
its ``src/`` first on the path, run by this interpreter) and, on this checkout, garbage collector
policies for the document (``--policy``: ``enabled``, the collector left on; ``threshold``, on
with a first threshold of 50,000 objects instead of paused). Every version builds every output
in each round, in a rotating order; medians of the rounds. ``--serial`` builds all the outputs of
the kind in one process instead (a pool's worker builds many): the peak then includes what each
document leaves behind.

Prints figures; not part of the test run.
Usage: .venv/bin/python bench/memory.py PROJECT --kind guide [NAME ...] [--rounds 3]
       [--against NAME=CHECKOUT ...] [--policy enabled] [--serial]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from batch import RUN_CLI  # bench/batch.py (scripts run from bench/, on the path)

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import gc, json, os, resource, sys, time
from contextlib import contextmanager
import weasyprint
from weasyprint.document import Document
from guidepress.build import workers

trace = []

def rss():
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS", "VmHWM")):
                name, value = line.split(":")
                found[name] = int(value.split()[0]) // 1024
    return found

render, write = weasyprint.HTML.render, Document.write_pdf

def traced_render(self, *args, **kwargs):
    document = render(self, *args, **kwargs)
    trace.append(["layout", len(document.pages), rss()["VmRSS"]])
    return document

def traced_write(self, *args, **kwargs):
    pdf = write(self, *args, **kwargs)
    trace.append(["written", len(self.pages), rss()["VmRSS"]])
    return pdf

weasyprint.HTML.render, Document.write_pdf = traced_render, traced_write
policy = os.environ["MEMORY_POLICY"]

@contextmanager
def one_document():
    if policy == "threshold":
        before = gc.get_threshold()
        gc.set_threshold(50_000, 20, 10)
    try:
        yield
    finally:
        if policy == "threshold":
            gc.set_threshold(*before)
        gc.collect()

if policy != "paused":
    workers._one_document = one_document

from guidepress.cli import main

def usage():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": used.ru_utime + used.ru_stime, "peak": used.ru_maxrss // 1024, "trace": trace}
""" + RUN_CLI.format(env="MEMORY_OUT", result="usage()")


def build(src: Path, policy: str, project: Path, args: list[str], out: Path) -> dict[str, Any]:
    """One build in a fresh process: CPU seconds, peak RSS (MiB), the RSS after each layout."""
    shutil.rmtree(out, ignore_errors=True)  # a booklet's chapter cache would skip layouts
    record = out.with_suffix(".json")
    env = {**os.environ, "PYTHONPATH": str(src), "MEMORY_POLICY": policy,
           "MEMORY_OUT": str(record)}  # fmt: skip
    command = [sys.executable, "-c", PROBE, "--project", str(project), "build", *args,
               "--force", "--jobs", "1", "--out", str(out)]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stdout}{done.stderr}")
    found: dict[str, Any] = json.loads(record.read_text())
    return found


def outputs(trace: list[list[Any]]) -> list[tuple[int, list[int]]]:
    """Each written PDF's layouts and the RSS (MiB) after each of them and after the write."""
    found, layouts, sizes = [], 0, []
    for what, _pages, size in trace:
        sizes.append(size)
        if what == "layout":
            layouts += 1
        else:
            found.append((layouts, sizes))
            layouts, sizes = 0, []
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("names", nargs="*", help="Roles or comparisons (default: every one).")
    parser.add_argument("--kind", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", action="append", default=[], metavar="NAME=CHECKOUT")
    parser.add_argument("--policy", action="append", default=[],
                        choices=["enabled", "threshold"])  # fmt: skip
    parser.add_argument("--serial", action="store_true", help="All outputs in one process.")
    args = parser.parse_args()
    versions = {"this": (ROOT / "src", "paused")}
    versions.update({f"this, gc {p}": (ROOT / "src", p) for p in args.policy})
    for spec in args.against:
        name, _, checkout = spec.partition("=")
        versions[name] = (Path(checkout) / "src", "paused")
    if args.serial or not args.names:
        jobs = [("all" if not args.names else " ".join(args.names), args.names)]
    else:
        jobs = [(name, [name]) for name in args.names]
    if args.serial is False and not args.names:
        raise SystemExit("name the outputs to build one by one, or pass --serial")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
          f"{platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")  # fmt: skip
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            names = list(versions)
            names = names[round_ % len(names) :] + names[: round_ % len(names)]
            for label, selected in jobs:
                for name in names:
                    src, policy = versions[name]
                    out = Path(folder) / f"{name.replace(' ', '-').replace(',', '')}-out"
                    got = build(src, policy, args.project, [*selected, "--kind", args.kind], out)
                    results.setdefault((label, name), []).append(got)
                    print(f"  round {round_ + 1} {label} {name}: {got['cpu']:.2f} s CPU, "
                          f"peak {got['peak']} MiB", flush=True)  # fmt: skip
    print(f"end: load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print("| output | version | CPU s, median (min-max) | peak RSS MiB, median (min-max) | "
          "layouts | RSS MiB after each layout and the write (first round) |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- |")
    for (label, name), got in results.items():
        cpu = [g["cpu"] for g in got]
        peak = [g["peak"] for g in got]
        made = outputs(got[0]["trace"])
        layouts = (
            "/".join(str(n) for n, _ in made)
            if len(made) < 6
            else (f"{statistics.mean(n for n, _ in made):.2f} mean, {max(n for n, _ in made)} max")
        )
        sizes = (
            " | ".join(" ".join(map(str, s)) for _, s in made)
            if len(made) < 4
            else (f"after each output: {' '.join(str(s[-1]) for _, s in made)}")
        )
        print(
            f"| {label} | {name} | {statistics.median(cpu):.2f} ({min(cpu):.2f}-{max(cpu):.2f})"
            f" | {statistics.median(peak):.0f} ({min(peak)}-{max(peak)}) | {layouts} | {sizes} |"
        )


if __name__ == "__main__":
    main()
