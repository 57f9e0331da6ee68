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

from guidepress.content.models import Role
from guidepress.content.project import load_project
from guidepress.pdf.engine import Layout, layout
from guidepress.pdf.fit import DoesNotFit, fit_one_page
from guidepress.render.context import Options, Subject
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme

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
        sheet = KINDS["sheet"]
        page = sheet.one_page
        assert page is not None
        for slug, role in project.roles.items():

            def lay_out(scale: float, measure: bool, role: Role = role) -> Layout:
                html = sheet.render(
                    Subject(role.slug, (role,)),
                    project.brand("default"),
                    theme,
                    Options("en", "a4", project.build_date(), scale=scale, measure=measure),
                )
                return layout(html.html, html.stylesheets, allowed=[root / "content"])

            started = time.perf_counter()
            try:
                fitted = fit_one_page(lay_out, page.room_px("a4"), page.floor, page.first_scale)
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
