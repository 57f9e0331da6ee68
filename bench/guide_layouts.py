"""Benchmark: the paginator's layouts of one guide, and what they cost (issue 19).

Each guide is built alone in a fresh process (`guidepress build NAME --kind guide --force
--jobs 1`, plus the options given after ``--``: paper, locale, brand): its CPU seconds, its peak
RSS, and every WeasyPrint layout it took, named by the paginator's step that asked for it (the
line of ``paginate()`` it came from, or ``first``) and whether it laid out the whole document or
only some of its pages (everything else hidden: ``_alone`` / ``_partial``), with the pages it
laid out. Versions are checkouts of guidepress (``--against NAME=CHECKOUT``, each its ``src/``
first on the path, run by this interpreter); every version builds every guide in each round, in
a rotating order; medians of the rounds.

Prints figures; not part of the test run.
Usage: .venv/bin/python bench/guide_layouts.py PROJECT [NAME ...] [--kind booklet] [--rounds 3]
       [--against NAME=CHECKOUT ...] [-- --paper letter --locale de ...]
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
import json, os, resource, sys, time, traceback
import weasyprint

trace = []
render = weasyprint.HTML.render
PARTIAL = {"_alone", "_partial", "_lay_out_pages"}

def traced_render(self, *args, **kwargs):
    started = time.process_time()
    document = render(self, *args, **kwargs)
    took = time.process_time() - started
    frames = traceback.extract_stack()
    mine = [f for f in frames if f.filename.endswith("paginate.py")]
    step = next((f"paginate:{f.lineno}" for f in mine if f.name == "paginate"), "first")
    partial = any(f.name in PARTIAL for f in mine)
    trace.append([step, "partial" if partial else "whole", len(document.pages), took])
    return document

weasyprint.HTML.render = traced_render
from guidepress.cli import main

def usage():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": used.ru_utime + used.ru_stime, "peak": used.ru_maxrss // 1024, "trace": trace}
""" + RUN_CLI.format(env="LAYOUTS_OUT", result="usage()")


def build(src: Path, project: Path, args: list[str], out: Path, kind: str) -> dict[str, Any]:
    """One build in a fresh process: CPU seconds, peak RSS (MiB), its layouts."""
    shutil.rmtree(out, ignore_errors=True)
    record = out.with_suffix(".json")
    env = {**os.environ, "PYTHONPATH": str(src), "LAYOUTS_OUT": str(record)}
    command = [sys.executable, "-c", PROBE, "--project", str(project), "build", *args,
               "--kind", kind, "--force", "--jobs", "1", "--out", str(out)]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stdout}{done.stderr}")
    found: dict[str, Any] = json.loads(record.read_text())
    pdfs = sorted(p for p in out.rglob("*.pdf") if ".saddle." not in p.name)
    found["pdf"] = str(pdfs[0]) if pdfs else ""
    return found


def summary(trace: list[list[Any]]) -> str:
    """The layouts in order: step, w(hole) or p(artial), pages laid out, CPU seconds."""
    return " ".join(
        f"{step.split(':')[-1]}{kind[0]}{pages}/{took:.2f}" for step, kind, pages, took in trace
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("names", nargs="*", help="Roles to build one by one (default: all).")
    parser.add_argument("--kind", default="guide", help="guide, or booklet (chapters paginate).")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", action="append", default=[], metavar="NAME=CHECKOUT")
    parser.add_argument("--keep", type=Path, help="Copy each version's PDFs here (first round).")
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    versions = {"this": ROOT / "src"}
    for spec in args.against:
        name, _, checkout = spec.partition("=")
        versions[name] = Path(checkout) / "src"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
          f"{platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; "
          f"load {' '.join(f'{v:.2f}' for v in os.getloadavg())}; options {extra}")  # fmt: skip
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            names = list(versions)
            names = names[round_ % len(names) :] + names[: round_ % len(names)]
            for role in args.names or [""]:
                for name in names:
                    out = Path(folder) / f"{name}-out"
                    selected = [role] if role else []
                    got = build(versions[name], args.project, [*selected, *extra], out, args.kind)
                    results.setdefault((role, name), []).append(got)
                    if args.keep and round_ == 0 and got["pdf"]:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        shutil.copy(got["pdf"], args.keep / f"{role or args.kind}-{name}.pdf")
                    print(f"  round {round_ + 1} {role} {name}: {got['cpu']:.2f} s CPU, peak "
                          f"{got['peak']} MiB, {summary(got['trace'])}", flush=True)  # fmt: skip
    print(f"end: load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print("| guide | version | CPU s, median (min-max) | peak RSS MiB | layouts: whole + partial"
          " | pages laid out (whole = 1) | layout CPU s | step, w/p, pages/CPU s |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (role, name), got in results.items():
        cpu = [g["cpu"] for g in got]
        trace = got[0]["trace"]
        whole = sum(1 for _, kind, _, _ in trace if kind == "whole")
        partial = len(trace) - whole
        size = max((pages for _, kind, pages, _ in trace if kind == "whole"), default=1)
        share = sum(pages for _, _, pages, _ in trace) / size
        spent = statistics.median(sum(t[3] for t in g["trace"]) for g in got)
        print(
            f"| {role} | {name} | {statistics.median(cpu):.2f} ({min(cpu):.2f}-{max(cpu):.2f})"
            f" | {statistics.median(g['peak'] for g in got):.0f} | {whole} + {partial}"
            f" | {share:.2f} | {spent:.2f} | {summary(trace)} |"
        )


if __name__ == "__main__":
    main()
