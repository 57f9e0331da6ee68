"""Benchmark: a full CI rebuild of a 40-role catalogue (guides, sheets, comparisons).

(a) `guidepress build --force --jobs J` against plain WeasyPrint turning the same final HTML
    (`--format html`) into PDF in J processes, with the same PDF options;
(b) against headless Chromium printing the same HTML one file at a time (skipped when absent);
(c) a no-op rebuild (nothing changed) against the full build;
(d) the peak memory (RSS) of the largest process of the full build;
(e) what each worker's reuse across documents pays (parsed stylesheets, font configuration),
    measured in-process on a subset. (An image cache was measured too: it saved 0.01 s a
    document and grew a worker by 11 MB per guide, so guidepress does not keep one.)

Prints figures; not part of the test run.
Usage: .venv/bin/python bench/batch.py [--roles 40] [--jobs 2] [--no-chromium] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from guidepress.pdf.variants import DEFAULT_PDF_VARIANT

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEEDS = sorted(p for p in (ROOT / "content" / "roles").glob("*.yaml") if "." not in p.stem)
FIELDS = ("Healthcare", "Retail", "Energy", "Public Sector", "Logistics", "Education", "Finance",
          "Media", "Manufacturing", "Travel")  # fmt: skip
LISTS = ("responsibilities", "tech_skills", "soft_skills", "pros", "cons", "common_mistakes",
         "advice", "faqs", "case_studies")  # fmt: skip


def make_project(folder: Path, roles: int) -> Path:
    """A project of ``roles`` roles varied from the seed roles, and comparisons of 2 to 4."""
    rng = random.Random(7)
    shutil.copytree(ROOT / "content" / "brands", folder / "content" / "brands")
    (folder / "content" / "roles").mkdir(parents=True)
    (folder / "content" / "comparisons").mkdir(parents=True)
    (folder / "guidepress.yaml").write_text(
        "title: Benchmark catalogue\nkinds: [guide, sheet, compare]\nbuild_date: 2026-11-21\n"
    )
    slugs = []
    for i in range(roles):
        seed = SEEDS[i % len(SEEDS)]
        data = yaml.safe_load(seed.read_text("utf-8"))
        data["title"] = f"{data['title']}, {FIELDS[i // len(SEEDS) % len(FIELDS)]} {i}"
        factor = rng.uniform(0.8, 1.3)
        salary = data.get("salary") or {}
        for key in ("min", "max", "median"):
            if isinstance(salary.get(key), int | float):
                salary[key] = round(salary[key] * factor, -3)
        for key, value in (salary.get("levels") or {}).items():
            salary["levels"][key] = round(value * factor, -3)
        for key in LISTS:
            items = data.get(key)
            if isinstance(items, list) and len(items) > 2:
                keep = sorted(rng.sample(range(len(items)), k=max(2, round(len(items) * 0.8))))
                data[key] = [items[k] for k in keep]
        data.pop("sheet", None)
        slug = f"{seed.stem}-{i:02d}"
        slugs.append(slug)
        path = folder / "content" / "roles" / f"{slug}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    for c in range(roles // 4):
        size = 2 + c % 3
        chosen = [slugs[(c * 3 + k * 2) % roles] for k in range(size)]
        (folder / "content" / "comparisons" / f"set-{c:02d}.yaml").write_text(
            yaml.safe_dump({"title": f"Comparison {c}", "roles": chosen}), "utf-8"
        )
    return folder


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds of ``command`` and the peak RSS (MiB) of its largest process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
        " code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"failed: {' '.join(command)}")
    return float(out[0]), int(out[1]) // 1024


def _plain(args: tuple[str, str, str | None]) -> None:
    import weasyprint

    html, pdf, variant = args
    weasyprint.HTML(filename=html).write_pdf(pdf, pdf_tags=True, pdf_variant=variant)


def plain_weasyprint(htmls: list[Path], out: Path, jobs: int, variant: str | None) -> float:
    """Plain WeasyPrint, default settings, the same PDF options as guidepress (tagged, its
    default variant), ``jobs`` processes, largest first."""
    ordered = sorted(htmls, key=lambda p: -p.stat().st_size)
    tasks = [(str(h), str(out / f"{i}.pdf"), variant) for i, h in enumerate(ordered)]
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_plain, tasks))
    return time.perf_counter() - started


def chromium(htmls: list[Path], out: Path) -> float | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    started = time.perf_counter()
    for i, html in enumerate(htmls):
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={out / f'{i}.pdf'}", html.as_uri()],
            capture_output=True, check=True,
        )  # fmt: skip
    return time.perf_counter() - started


def reuse(project: Path, subset: int) -> dict[str, float]:
    """Serial in-process build of ``subset`` guides and sheets with each reuse switched off."""
    from guidepress.build.pipeline import build
    from guidepress.build.request import BuildRequest
    from guidepress.content.project import load_project
    from guidepress.pdf import engine as render_pdf

    loaded, _ = load_project(project)
    roles = tuple(sorted(loaded.roles))[:subset]
    cached_sheet, cached_font = render_pdf._stylesheet, render_pdf._font_config
    results = {}
    variants = {
        "everything reused": {},
        "stylesheets parsed per document": {"sheets": True},
        "nothing reused (new font configuration too)": {"sheets": True, "fonts": True},
    }
    for name, off in variants.items():

        def font_config(off: dict[str, bool] = off) -> Any:
            if off.get("fonts"):
                render_pdf._FONTS.clear()
            return cached_font()

        def stylesheet(path: Path, roots: Any, off: dict[str, bool] = off) -> Any:
            if off.get("sheets"):
                render_pdf._STYLESHEETS.clear()
            return cached_sheet(path, roots)

        render_pdf._font_config = font_config  # type: ignore[assignment]
        render_pdf._stylesheet = stylesheet  # type: ignore[assignment]
        render_pdf._FONTS.clear()
        render_pdf._STYLESHEETS.clear()
        request = BuildRequest(
            roles=roles, kinds=("guide", "sheet"), out=project / "reuse", jobs=1, force=True
        )
        build(project, request)  # warm: imports, first parse
        started = time.perf_counter()
        build(project, request)
        results[name] = time.perf_counter() - started
    render_pdf._font_config, render_pdf._stylesheet = cached_font, cached_sheet  # type: ignore[assignment]
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roles", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--no-chromium", action="store_true")
    parser.add_argument("--no-reuse", action="store_true", help="Skip (e).")
    parser.add_argument("--reuse-subset", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="Build the catalogue here and keep it.")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
        f"{platform.python_version()}, jobs {args.jobs}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        project = make_project(work / "catalogue", args.roles)
        gp = [str(BIN / "guidepress"), "--project", str(project), "build"]
        build_s, build_mb = timed([*gp, "--force", "--jobs", str(args.jobs)])
        manifest = json.loads((project / "output" / "manifest.json").read_text())
        outputs = manifest["outputs"]
        kinds = {k: sum(o["kind"] == k for o in outputs) for k in ("guide", "sheet", "compare")}
        pages = sum(o["pages"] for o in outputs)
        print(f"outputs: {len(outputs)} ({kinds}), {pages} pages")
        print(f"(a) full build: {build_s:.1f} s; peak RSS of the largest process {build_mb} MiB")
        noop_s, _ = timed(gp)
        print(f"(c) no-op rebuild: {noop_s:.2f} s = {noop_s / build_s:.1%} of the full build")
        timed([*gp, "--force", "--format", "html", "--out", str(work / "html")])
        htmls = sorted((work / "html").rglob("*.html"))
        (work / "plain").mkdir()
        plain_s = plain_weasyprint(htmls, work / "plain", args.jobs, DEFAULT_PDF_VARIANT)
        print(
            f"(a) plain WeasyPrint, same HTML, {args.jobs} processes: {plain_s:.1f} s; "
            f"guidepress / plain = {build_s / plain_s:.3f}"
        )
        if not args.no_chromium:
            (work / "chromium").mkdir()
            chrome_s = chromium(htmls, work / "chromium")
            if chrome_s is None:
                print("(b) chromium: not installed (apt-get install chromium); skipped")
            else:
                print(
                    f"(b) headless Chromium, one file at a time: {chrome_s:.1f} s; "
                    f"guidepress / chromium = {build_s / chrome_s:.3f}"
                )
        if args.no_reuse:
            return
        print(f"(e) reuse across documents, serial, {args.reuse_subset} guides + sheets:")
        for name, seconds in reuse(project, args.reuse_subset).items():
            print(f"    {name}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
