"""Benchmark: time each pipeline stage for every guide of the demo project, and the whole build.

Prints figures; not part of the test run. Usage: .venv/bin/python bench/build_guides.py [ROUNDS]
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
from guidepress.content.project import load_project
from guidepress.pdf.engine import render_pdf
from guidepress.render.context import Options, Subject
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme

ROOT = Path(__file__).resolve().parents[1]


def main(rounds: int) -> None:
    print(
        f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}"
    )
    started = time.perf_counter()
    project, _ = load_project(ROOT)
    print(f"load + validate: {time.perf_counter() - started:.3f} s ({len(project.roles)} roles)")
    theme = Theme(ROOT)
    for slug, role in project.roles.items():
        html_times, pdf_times, pages = [], [], 0
        for _ in range(rounds):
            t0 = time.perf_counter()
            rendered = KINDS["guide"].render(
                Subject(slug, (role,)),
                project.brand("default"),
                theme,
                Options(locale="en", paper="a4", edition=project.build_date()),
            )
            t1 = time.perf_counter()
            _, pages = render_pdf(
                rendered.html,
                rendered.stylesheets,
                allowed=[ROOT / "content"],
                identifier=slug,
            )
            t2 = time.perf_counter()
            html_times.append(t1 - t0)
            pdf_times.append(t2 - t1)
        print(
            f"{slug}: {pages} pages; html {statistics.median(html_times) * 1000:.0f} ms, "
            f"pdf {statistics.median(pdf_times):.2f} s (median of {rounds}; first pdf "
            f"{pdf_times[0]:.2f} s)"
        )
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        report = build(ROOT, BuildRequest(kinds=("guide",), out=Path(out)))
        print(
            f"full build (fresh process state reused): {time.perf_counter() - t0:.2f} s, "
            f"{len(report.entries)} outputs"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
