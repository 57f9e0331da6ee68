"""Benchmark: what the chapter cache saves a booklet build.

A scratch project holds the demo's two seed roles three times over (six roles, each with its
own title), in one booklet. Each round, in fresh processes (``python -m guidepress build --kind
booklet --force``, so every round builds the booklet and only the chapter cache differs):

- cold: the chapter cache emptied first: every chapter is laid out;
- warm: nothing changed: every chapter comes from the cache;
- one role edited: one role's summary changed (its page count stays): one chapter is laid out.

The scenarios run interleaved, round after round, so they share the machine's load; medians of
wall and CPU time (the build process's own, from its rusage). Prints figures; not part of the
test run. Usage: .venv/bin/python bench/booklet_cache.py [ROUNDS]
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("strategic-account-manager", "customer-success-manager")
COPIES = ("", "Regional ", "Senior ")  # a title prefix per copy
CONFIG = """title: Benchmark booklet
kinds: [booklet]
booklets:
  all:
    title: Six roles
    roles: all
    pages_multiple: 4
build_date: 2026-11-21
"""


def project(folder: Path) -> Path:
    """The scratch project: the theme from the repository, six roles, one booklet."""
    (folder / "content" / "roles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "brands", folder / "content" / "brands")
    (folder / "guidepress.yaml").write_text(CONFIG, encoding="utf-8")
    for seed in SEEDS:
        text = (ROOT / "content" / "roles" / f"{seed}.yaml").read_text(encoding="utf-8")
        for n, prefix in enumerate(COPIES):
            copy = text.replace("title: ", f"title: {prefix}", 1)
            (folder / "content" / "roles" / f"{seed}-{n}.yaml").write_text(copy, encoding="utf-8")
    return folder


def timed(folder: Path) -> tuple[float, float, str]:
    """One booklet build in a fresh process: wall seconds, CPU seconds, its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "guidepress", "--project", str(folder), "build", "--force",
         "--jobs", "1"],
        capture_output=True, text=True, check=True, env={**os.environ, "CI": "true"},
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.strip().splitlines()[0]


def main(rounds: int) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, python {platform.python_version()}"
    )
    print(f"load average at the start: {os.getloadavg()}")
    results: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": [], "one edited": []}
    with tempfile.TemporaryDirectory() as scratch:
        folder = project(Path(scratch) / "proj")
        cache = folder / "output" / ".cache" / "chapters"
        role = folder / "content" / "roles" / f"{SEEDS[1]}-1.yaml"
        print("first build (not counted):", timed(folder)[2])
        for n in range(rounds):
            shutil.rmtree(cache, ignore_errors=True)
            wall, cpu, line = timed(folder)
            results["cold"].append((wall, cpu))
            wall, cpu, _ = timed(folder)
            results["warm"].append((wall, cpu))
            text = role.read_text(encoding="utf-8")
            role.write_text(text.replace("summary: ", f"summary: (Edition {n}) ", 1), "utf-8")
            wall, cpu, _ = timed(folder)
            results["one edited"].append((wall, cpu))
            print(f"round {n + 1}: {line}")
    print(f"load average at the end: {os.getloadavg()}")
    print(f"\nbooklet of {len(SEEDS) * len(COPIES)} roles, median of {rounds} rounds:")
    print("| scenario | wall s | CPU s |")
    print("|---|---|---|")
    for name, figures in results.items():
        wall = statistics.median(f[0] for f in figures)
        cpu = statistics.median(f[1] for f in figures)
        print(f"| {name} | {wall:.1f} ({min(f[0] for f in figures):.1f}-"
              f"{max(f[0] for f in figures):.1f}) | {cpu:.1f} |")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
