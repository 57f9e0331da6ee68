"""Benchmark: how one-page outputs fit. For role sheets and comparisons of 2, 3 and 4 roles on
each paper: the WeasyPrint layouts each takes, the content level and type scale it fits at, the
time per layout, the render time, and, read back from the written PDF, the smallest character
and the smallest body character, the QR code's size, and the page fill.

Roles: the two seeds, the test fixtures (tests/paper/fixtures/roles: two full roles and one
imported from a partial page) and synthetic roles of growing length. Usage:
    .venv/bin/python bench/fit_sheets.py [--papers a4,letter]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.paper.measure import qr_codes, sizes_of, smallest  # noqa: E402
from tests.pdf.test_fit import long_role  # noqa: E402

from guidepress.content.models import Comparison  # noqa: E402
from guidepress.content.project import load_project  # noqa: E402
from guidepress.pdf.engine import Layout, layout, write_pdf  # noqa: E402
from guidepress.pdf.fit import DoesNotFit, content_height, fit_one_page  # noqa: E402
from guidepress.render.context import Options, Subject  # noqa: E402
from guidepress.render.kinds import KINDS  # noqa: E402
from guidepress.theme.lookup import Theme  # noqa: E402

COMPARISONS = {
    2: ["strategic-account-manager", "customer-success-manager"],
    3: ["data-analyst", "customer-success-manager", "sales-manager"],
    4: ["strategic-account-manager", "customer-success-manager", "sales-manager", "data-analyst"],
}


def project_dir(tmp: Path) -> Path:
    root = tmp / "proj"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "guidepress.yaml", root / "guidepress.yaml")
    for path in (ROOT / "tests/paper/fixtures/roles").glob("*.yaml"):
        shutil.copy(path, root / "content/roles" / path.name)
    for words in (40, 80, 120):
        for items in (4, 8):
            role = long_role(words, items)
            role["summary"] = "Coordinates delivery with partners. " + role["summary"]
            (root / f"content/roles/synthetic-{words}-{items}.yaml").write_text(
                yaml.safe_dump(role)
            )
    return root


def fit(kind: str, subject: Subject, root: Path, paper: str, out: Path) -> dict[str, Any]:
    project, _ = load_project(root)
    record = KINDS[kind]
    page = record.one_page
    assert page is not None
    theme = Theme(root)
    brand = project.brand("default")
    options = Options("en", paper, date(2026, 11, 21), config=project.config)
    timings: list[float] = []

    def lay_out(level: int, scale: float) -> Layout:
        html = record.render(subject, brand, theme, replace(options, level=level, scale=scale))
        started = time.process_time()
        laid = layout(html.html, html.stylesheets, allowed=[root / "content"])
        timings.append(time.process_time() - started)
        return laid

    room = page.room_px(paper, record.landscape(subject, paper))
    started = time.process_time()
    try:
        fitted = fit_one_page(
            lay_out,
            levels=page.levels(subject),
            room=room,
            floor=page.floor,
            scales=page.scales,
            ceiling=page.ceilings.get(paper, 1.0),
        )
    except DoesNotFit as exc:
        return {"layouts": exc.layouts, "refused": exc.excess, "layout_s": timings}
    pdf = write_pdf(fitted.laid, identifier="bench")
    total = time.process_time() - started
    path = out / f"{kind}-{subject.name}-{paper}.pdf"
    path.write_bytes(pdf)
    role = subject.roles[0]
    body = (role.responsibilities if kind == "sheet" else role.pros)[:1] or role.pros[:1]
    body_sizes = sizes_of(path, body[0][:40]) if body else []
    codes = qr_codes(path) if kind == "sheet" else []
    return {
        "layouts": fitted.layouts,
        "level": fitted.level,
        "scale": fitted.scale,
        "fill": content_height(fitted.laid) / room,
        "render_s": total,
        "layout_s": timings,
        "smallest": smallest(path).size,
        "body": min(body_sizes) if body_sizes else None,
        "qr_mm": codes[0].side_mm if codes else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", default="a4,letter")
    args = parser.parse_args()
    load = " ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load {load}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        root = project_dir(Path(tmp))
        out = Path(tmp) / "pdf"
        out.mkdir()
        project, problems = load_project(root)
        assert not problems, problems
        summary: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for paper in args.papers.split(","):
            for slug, role in sorted(project.roles.items()):
                result = fit("sheet", Subject(slug, (role,)), root, paper, out)
                summary["sheet", paper].append(result)
                report(f"sheet {slug}", paper, result)
            for count, slugs in COMPARISONS.items():
                subject = Subject(
                    f"compare-{count}",
                    tuple(project.roles[s] for s in slugs),
                    Comparison(roles=slugs),
                )
                for sheet_paper in (paper, {"a4": "a3", "letter": "tabloid"}[paper]):
                    if count < 4 and sheet_paper in ("a3", "tabloid"):
                        continue
                    result = fit("compare", subject, root, sheet_paper, out)
                    summary[f"compare {count}", sheet_paper].append(result)
                    report(f"compare {count} roles", sheet_paper, result)
        print()
        print("| outputs | paper | layouts (mean, max) | smallest char | smallest body | "
              "layout ms (median) | render ms (median) |")  # fmt: skip
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for (kind, paper), results in summary.items():
            fitted = [r for r in results if "refused" not in r]
            layouts = [r["layouts"] for r in results]
            each = [t for r in results for t in r["layout_s"]]
            small = min((r["smallest"] for r in fitted), default=float("nan"))
            body = min((r["body"] for r in fitted if r["body"]), default=float("nan"))
            render = statistics.median([r["render_s"] for r in fitted]) if fitted else float("nan")
            refused = len(results) - len(fitted)
            print(
                f"| {kind} ({len(results)}{f', {refused} refused' if refused else ''}) | {paper} "
                f"| {statistics.mean(layouts):.2f}, {max(layouts)} | {small:.2f} pt "
                f"| {body:.2f} pt | {statistics.median(each) * 1000:.0f} "
                f"| {render * 1000:.0f} |"
            )


def report(name: str, paper: str, result: dict[str, Any]) -> None:
    if "refused" in result:
        print(f"{name:<44} {paper:<8} refused ({result['refused']:.0%} over at the floor), "
              f"{result['layouts']} layouts")  # fmt: skip
        return
    qr = f", QR {result['qr_mm']:.1f} mm" if result["qr_mm"] else ""
    print(
        f"{name:<44} {paper:<8} level {result['level']}, scale {result['scale']:.3f}, "
        f"fill {result['fill']:.0%}, {result['layouts']} layouts, "
        f"{result['render_s'] * 1000:.0f} ms, smallest {result['smallest']:.2f} pt, "
        f"body {result['body'] or 0:.2f} pt{qr}"
    )


if __name__ == "__main__":
    main()
