"""Benchmark: how many WeasyPrint layouts a one-page role sheet takes, and at what scale.

Runs the seed roles plus synthetic roles of growing length. Usage:
    .venv/bin/python bench/fit_sheets.py
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from guidepress.fit import FIRST, DoesNotFit, fit_one_page
from guidepress.project import load_project
from guidepress.render_pdf import Layout, layout
from guidepress.render_sheet import render_sheet, usable_height_px
from guidepress.theme import Theme

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.test_sheet import long_role  # noqa: E402


def main() -> None:
    print(f"machine: {platform.machine()}, {platform.python_version()}, paper a4")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "guidepress.yaml").write_text("title: Bench\n")
        roles = root / "content" / "roles"
        roles.mkdir(parents=True)
        for seed in (ROOT / "content" / "roles").glob("*.yaml"):
            (roles / seed.name).write_text(seed.read_text())
        for words in (40, 60, 80, 100, 120, 140):
            for items in (4, 6, 8):
                (roles / f"synthetic-{words}-{items}.yaml").write_text(
                    yaml.safe_dump(long_role(words, items))
                )
        project, problems = load_project(root)
        assert not problems, problems
        theme = Theme(root)
        counts: list[int] = []
        for slug, role in project.roles.items():

            def lay_out(scale: float, measure: bool, role: object = role) -> Layout:
                html = render_sheet(
                    role,
                    project.brand("default"),
                    theme,
                    locale="en",
                    paper="a4",  # type: ignore[arg-type]
                    edition=project.build_date(),
                    scale=scale,
                    measure=measure,
                )
                return layout(html.html, html.stylesheets, allowed=[root / "content"])

            started = time.perf_counter()
            try:
                fitted = fit_one_page(lay_out, usable_height_px("a4"), first=FIRST["sheet"])
                outcome = f"scale {fitted.scale:.3f}, {fitted.layouts} layouts"
                counts.append(fitted.layouts)
            except DoesNotFit as exc:
                outcome = f"too long ({exc.excess:.0%} over at the floor), {exc.layouts} layouts"
                counts.append(exc.layouts)
            print(f"{slug:<28} {outcome} ({time.perf_counter() - started:.2f} s)")
        print(
            f"layouts per sheet: mean {statistics.mean(counts):.2f}, max {max(counts)}, "
            f"over {len(counts)} sheets"
        )


if __name__ == "__main__":
    main()
