"""Benchmark: a full CI rebuild of a 40-role catalogue (guides, sheets, comparisons).

(a) `guidepress build --force --jobs J`: wall and CPU seconds of the whole command (Python
    start-up included), against plain WeasyPrint turning the same final HTML (`--format html`)
    into PDF in J processes with the same PDF options; with ``--against NAME=CHECKOUT``, the
    same build by other checkouts of guidepress too (each its ``src/``, run by its own
    ``.venv`` when it has one), every one in each round, in a rotating order, medians;
(b) against headless Chromium printing the same HTML one file at a time (skipped when absent);
(c) a no-op rebuild (nothing changed) against the full build, in the same round;
(d) the peak memory (RSS) of the largest process of the full build;
(e) what each worker's reuse across documents pays (parsed stylesheets, font configuration),
    measured in-process on a subset. (An image cache was measured too: it saved 0.01 s a
    document and grew a worker by 11 MB per guide, so guidepress does not keep one.)
(f) WeasyPrint layouts per output: every guide, sheet and comparison of the catalogue, each
    version (a serial build, counting ``HTML.render`` calls between
    written PDFs).

Prints figures; not part of the test run.
Usage: .venv/bin/python bench/batch.py [--roles 40] [--jobs 2] [--rounds 1]
       [--against NAME=CHECKOUT ...] [--no-chromium] [--no-plain] [--no-reuse] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guidepress.pdf.variants import DEFAULT_PDF_VARIANT

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(p for p in (ROOT / "content" / "roles").glob("*.yaml") if "." not in p.stem)
FIELDS = ("Healthcare", "Retail", "Energy", "Public Sector", "Logistics", "Education", "Finance",
          "Media", "Manufacturing", "Travel")  # fmt: skip
LISTS = ("responsibilities", "tech_skills", "soft_skills", "pros", "cons", "common_mistakes",
         "advice", "faqs", "case_studies")  # fmt: skip


def make_project(folder: Path, roles: int) -> Path:
    """A project of ``roles`` roles varied from the seed roles, and comparisons of 2 or 3."""
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
        data.pop("occupation", None)  # regional pay (issue 16): older checkouts refuse the field
        slug = f"{seed.stem}-{i:02d}"
        slugs.append(slug)
        path = folder / "content" / "roles" / f"{slug}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    for c in range(roles // 4):
        size = 2 + c % 2  # four of these roles do not fit on one A4 page (issue 15): A3
        chosen = [slugs[(c * 3 + k * 2) % roles] for k in range(size)]
        (folder / "content" / "comparisons" / f"set-{c:02d}.yaml").write_text(
            yaml.safe_dump({"title": f"Comparison {c}", "roles": chosen}), "utf-8"
        )
    return folder


@dataclass(frozen=True)
class Version:
    """A checkout of guidepress to build with: its ``src/`` first on the path, run by its own
    ``.venv`` when it has one (this checkout's interpreter otherwise)."""

    name: str
    checkout: Path

    @property
    def python(self) -> str:
        own = self.checkout / ".venv" / "bin" / "python"
        return str(own) if own.exists() else sys.executable

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.checkout / "src")}

    def command(self, project: Path, *args: str) -> list[str]:
        return [self.python, "-m", "guidepress", "--project", str(project), "build", *args]


def readable_by(version: Version, project: Path, folder: Path) -> Path:
    """A copy of ``project`` in ``folder`` without the fields ``version`` does not know (an older
    checkout refuses the fields added since: each role's entry education and source), found by
    its own ``validate``; ``project`` itself when it reads it as it is."""
    shutil.copytree(project, folder)
    unknown = re.compile(r"^(content/[^:]+\.yaml):\d+:\d+: ([\w.]+): unknown field", re.M)
    for _ in range(3):
        said = subprocess.run([*version.command(folder)[:-1], "validate"], env=version.env(),
                              capture_output=True, text=True)  # fmt: skip
        found = unknown.findall(said.stdout + said.stderr)
        if not found:
            break
        for file, dotted in set(found):
            path = folder / file
            data = yaml.safe_load(path.read_text("utf-8"))
            *parents, last = dotted.split(".")
            node = data
            for key in parents:
                node = node[key]
            node.pop(last, None)
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    if not any(folder.rglob("*.yaml")) or said.returncode:
        raise SystemExit(f"{version.name} cannot read the catalogue:\n{said.stdout}{said.stderr}")
    return folder


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of every process of the command
    rss: int  # MiB, the largest process


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall and CPU seconds of ``command`` and the peak RSS (MiB) of its largest process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss, code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True,
        env=env,
    ).stdout.split()  # fmt: skip
    if out[3] != "0":
        raise SystemExit(f"failed: {' '.join(command)}")
    return Run(float(out[0]), float(out[1]), int(out[2]) // 1024)


#: The end of a script run as ``python -c``: guidepress's command line with the script's own
#: arguments, then ``result`` written as JSON to the file the ``env`` variable names.
RUN_CLI = """
sys.argv = ["guidepress", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    if exc.code:
        raise
with open(os.environ["{env}"], "w") as f:
    json.dump({result}, f)
"""

COUNT_LAYOUTS = """
import json, os, sys
import weasyprint
from weasyprint.document import Document
from guidepress.cli import main

since, laid, counts = [0], [0], []
render, write = weasyprint.HTML.render, Document.write_pdf

def counted_render(self, *args, **kwargs):
    since[0] += 1
    document = render(self, *args, **kwargs)
    laid[0] += len(document.pages)
    return document

def counted_write(self, *args, **kwargs):
    counts.append([since[0], laid[0] / len(self.pages)])
    since[0] = laid[0] = 0
    return write(self, *args, **kwargs)

weasyprint.HTML.render, Document.write_pdf = counted_render, counted_write
""" + RUN_CLI.format(env="LAYOUTS_OUT", result="counts")


def layouts(version: Version, project: Path, kind: str, out: Path) -> list[tuple[int, float]]:
    """WeasyPrint layouts of each written PDF of ``kind`` in a serial build by ``version``: how
    many, and the pages they laid out in all as a multiple of the PDF's pages (a layout of part
    of the document counts its share)."""
    record = out / f"layouts-{version.name}-{kind}.json"
    command = version.command(project, "--force", "--jobs", "1", "--kind", kind, "--out",
                              str(out / f"layouts-{version.name}"))  # fmt: skip
    env = {**version.env(), "LAYOUTS_OUT": str(record)}
    subprocess.run([version.python, "-c", COUNT_LAYOUTS, *command[3:]], env=env, check=True,
                   capture_output=True)  # fmt: skip
    return [(n, share) for n, share in json.loads(record.read_text())]


def rotate(items: list[Any], by: int) -> list[Any]:
    by %= len(items)
    return items[by:] + items[:by]


PLAIN = """
import sys
from concurrent.futures import ProcessPoolExecutor
import weasyprint

def one(args):
    html, pdf, variant = args
    weasyprint.HTML(filename=html).write_pdf(pdf, pdf_tags=True, pdf_variant=variant)

if __name__ == "__main__":
    out, jobs, variant, *htmls = sys.argv[1:]
    tasks = [(html, f"{out}/{i}.pdf", variant) for i, html in enumerate(htmls)]
    with ProcessPoolExecutor(int(jobs)) as pool:
        list(pool.map(one, tasks))
"""


def plain_command(htmls: list[Path], out: Path, jobs: int, variant: str) -> list[str]:
    """Plain WeasyPrint, default settings, the same PDF options as guidepress (tagged, its
    default variant), ``jobs`` processes, largest first."""
    ordered = sorted(htmls, key=lambda p: -p.stat().st_size)
    return [sys.executable, "-c", PLAIN, str(out), str(jobs), variant, *map(str, ordered)]


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


def digests(out: Path) -> dict[str, str]:
    manifest = json.loads((out / "manifest.json").read_text())
    return {o["path"]: o["sha256"] for o in manifest["outputs"]}


def spread(values: list[float], digits: int = 1) -> str:
    """The median, and the range when there is more than one value."""
    mid = f"{statistics.median(values):.{digits}f}"
    if len(values) < 2:
        return mid
    return f"{mid} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roles", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--against", action="append", default=[], metavar="NAME=CHECKOUT",
        help="Build with another checkout of guidepress too, interleaved (repeatable).",
    )  # fmt: skip
    parser.add_argument("--no-chromium", action="store_true")
    parser.add_argument("--no-plain", action="store_true", help="Skip plain WeasyPrint.")
    parser.add_argument("--no-layouts", action="store_true", help="Skip (f).")
    parser.add_argument("--no-reuse", action="store_true", help="Skip (e).")
    parser.add_argument("--reuse-subset", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="Build the catalogue here and keep it.")
    args = parser.parse_args()
    versions = [Version("this", ROOT)]
    for spec in args.against:
        name, _, checkout = spec.partition("=")
        versions.append(Version(name, Path(checkout).resolve()))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
        f"{platform.python_version()}, jobs {args.jobs}, {args.rounds} round(s)"
    )
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}; start: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        project = make_project(work / "catalogue", args.roles)
        projects = {versions[0].name: project}
        for version in versions[1:]:
            projects[version.name] = readable_by(
                version, project, work / f"catalogue-{version.name}"
            )
        this = versions[0]
        html = work / "html"
        timed(this.command(project, "--force", "--format", "html", "--out", str(html)),
              this.env())  # fmt: skip
        htmls = sorted(html.rglob("*.html"))
        jobs = ["--jobs", str(args.jobs)]
        runs: dict[str, list[Run]] = defaultdict(list)
        noops: dict[str, list[Run]] = defaultdict(list)
        names = [v.name for v in versions] + ([] if args.no_plain else ["plain"])
        by_name = {v.name: v for v in versions}
        for round_ in range(args.rounds):
            for name in rotate(names, round_):
                if name == "plain":
                    out = work / "plain"
                    shutil.rmtree(out, ignore_errors=True)
                    out.mkdir()
                    runs[name].append(timed(plain_command(htmls, out, args.jobs,
                                                          DEFAULT_PDF_VARIANT)))  # fmt: skip
                    continue
                version, out = by_name[name], work / f"out-{name}"
                own = projects[name]
                command = version.command(own, "--force", *jobs, "--out", str(out))
                runs[name].append(timed(command, version.env()))
                noops[name].append(timed(version.command(own, *jobs, "--out", str(out)),
                                         version.env()))  # fmt: skip
            print(f"  round {round_ + 1}: " + ", ".join(
                f"{n} {runs[n][-1].wall:.1f} s / {runs[n][-1].cpu:.1f} s CPU" for n in names)
                + f"; {load()}", flush=True)  # fmt: skip
        print(f"end: {load()}")
        manifest = json.loads((work / "out-this" / "manifest.json").read_text())
        outputs = manifest["outputs"]
        kinds = Counter(o["kind"] for o in outputs)
        pages = sum(o["pages"] for o in outputs)
        print(f"outputs: {len(outputs)} ({dict(kinds)}), {pages} pages")
        mine = digests(work / "out-this")
        print()
        print(f"(a, c, d) full build `build --force --jobs {args.jobs}` and no-op rebuild, median"
              f" (min-max) of {args.rounds}")  # fmt: skip
        print("| version | full build, wall s | CPU s | peak RSS MiB | no-op s | no-op / full "
              "| files identical to this |")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        for name in names:
            full = runs[name]
            walls = [r.wall for r in full]
            cells = [name, spread(walls), spread([r.cpu for r in full]),
                     str(max(r.rss for r in full))]  # fmt: skip
            if name == "plain":
                cells += ["", "", ""]
            else:
                noop = [r.wall for r in noops[name]]
                ratio = [n / f for n, f in zip(noop, walls, strict=True)]
                theirs = digests(work / f"out-{name}")
                same = sum(theirs.get(path) == digest for path, digest in mine.items())
                cells += [spread(noop, 2), f"{statistics.median(ratio):.1%}",
                          f"{same} of {len(mine)}"]  # fmt: skip
            print("| " + " | ".join(cells) + " |")
        base = statistics.median(r.wall for r in runs["this"])
        print("Each against this, the same round (median of the rounds' ratios; range):")
        for name in names[1:]:
            pairs = list(zip(runs[name], runs["this"], strict=True))
            wall = [other.wall / mine.wall for other, mine in pairs]
            cpu = [other.cpu / mine.cpu for other, mine in pairs]
            print(f"  {name} / this: {spread(wall, 2)} wall, {spread(cpu, 2)} CPU")
        if not args.no_layouts:
            print()
            print("(f) WeasyPrint layouts per written PDF (serial build)")
            for version in versions:
                counts = {
                    "sheet": layouts(version, projects[version.name], "sheet", work),
                    "compare": layouts(version, projects[version.name], "compare", work),
                    "guide": layouts(version, projects[version.name], "guide", work),
                }
                for kind, found in counts.items():
                    numbers = [n for n, _ in found]
                    histogram = ", ".join(
                        f"{n} layouts: {c}" for n, c in sorted(Counter(numbers).items())
                    )
                    pages = statistics.mean(share for _, share in found)
                    print(f"  {version.name}, {kind}: mean {statistics.mean(numbers):.2f}, max"
                          f" {max(numbers)} ({histogram}); pages laid out per page printed"
                          f" {pages:.2f}")  # fmt: skip
        if not args.no_chromium:
            (work / "chromium").mkdir()
            chrome_s = chromium(htmls, work / "chromium")
            if chrome_s is None:
                print("(b) chromium: not installed (apt-get install chromium); skipped")
            else:
                print(
                    f"(b) headless Chromium, one file at a time: {chrome_s:.1f} s; "
                    f"guidepress / chromium = {base / chrome_s:.3f}"
                )
        if args.no_reuse:
            return
        print(f"(e) reuse across documents, serial, {args.reuse_subset} guides + sheets:")
        for name, seconds in reuse(project, args.reuse_subset).items():
            print(f"    {name}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
