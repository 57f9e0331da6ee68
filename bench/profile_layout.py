"""Benchmark: where a guide, a sheet and a comparison spend their time, against their floor and
against Chromium, on the same final HTML, in one run.

For one guide, one sheet and one comparison of the demo project (their final HTML from
``guidepress build --format html``, which is what the PDF is laid out from):

- WeasyPrint 70 phase by phase: parse, style, boxes, layout, draw, write, preflight, and the time
  the garbage collector ran inside them; one font configuration for the whole process, as a
  guidepress worker keeps;
- the floor: the guide's words as plain h1/h2/p/ul with the theme's fonts, the guide's page size
  and margins, tagged PDF/UA-1, the same preflight;
- headless Chromium (when installed) on the same files: cold (one process per file,
  ``--print-to-pdf``) and warm (one browser kept running, DevTools ``Page.printToPDF``);
- the pipeline: ``guidepress build --force --jobs 1`` of the demo project against plain
  WeasyPrint writing the same final HTML in one fresh process (both wall time, start-up included).

Every alternative runs in each round, in a rotating order; figures are medians of the rounds.

Usage: .venv/bin/python bench/profile_layout.py [--rounds 5] [--no-chromium] [--no-pipeline]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pypdfium2
from layout_lab import (
    BIN,
    PHASES,
    ROOT,
    WarmChromium,
    build_html,
    chromium_binary,
    chromium_cold,
    floor_html,
    load,
    machine,
    median,
    render,
)
from weasyprint.text.fonts import FontConfiguration

SLUG = "customer-success-manager"
DOCS = ("guide", "sheet", "compare", "floor")

PLAIN = """
import sys, weasyprint
from weasyprint.text.fonts import FontConfiguration
fonts = FontConfiguration()
for i, path in enumerate(sys.argv[2:]):
    weasyprint.HTML(filename=path).write_pdf(
        f"{sys.argv[1]}/{i}.pdf", font_config=fonts, pdf_variant="pdf/ua-1", pdf_tags=True)
"""


def pick(found: dict[str, list[Path]]) -> dict[str, Path]:
    chosen = {}
    for kind, paths in found.items():
        named = [p for p in paths if p.stem == SLUG]
        chosen[kind] = (named or paths)[0]
    return chosen


def rotate(items: list[str], by: int) -> list[str]:
    by %= len(items)
    return items[by:] + items[:by]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-chromium", action="store_true")
    parser.add_argument("--no-pipeline", action="store_true")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}; {args.rounds} rounds, medians")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        found = build_html(work / "html")
        files = pick(found)
        sources = {kind: path.read_text("utf-8") for kind, path in files.items()}
        files["floor"] = work / "html" / "floor.html"
        sources["floor"] = floor_html(sources["guide"], title=f"{SLUG} floor")
        files["floor"].write_text(sources["floor"], "utf-8")
        for kind in DOCS:
            print(f"  {kind}: {files[kind].relative_to(work / 'html')}")

        chromium = None if args.no_chromium else chromium_binary()
        if not args.no_chromium and chromium is None:
            print("chromium: not installed (apt-get install chromium); Chromium skipped")
        warm = WarmChromium() if chromium else None

        fonts = FontConfiguration()  # one per process, as in a guidepress worker
        timings: dict[str, list] = defaultdict(list)
        engines: dict[tuple[str, str], list[float]] = defaultdict(list)
        pages: dict[tuple[str, str], int] = {}

        def run(task: str, record: bool) -> None:
            engine, kind = task.split(":")
            if engine == "weasyprint":
                timing, _, _ = render(sources[kind], str(files[kind]), fonts)
                pages[engine, kind] = timing.pages
                if record:
                    timings[kind].append(timing)
                    engines[engine, kind].append(timing.total)
            elif engine == "warm":
                assert warm is not None
                seconds, pdf = warm.print_pdf(files[kind])
                pages[engine, kind] = len(pypdfium2.PdfDocument(pdf))
                if record:
                    engines[engine, kind].append(seconds)
            else:
                seconds = chromium_cold(files[kind], work / f"cold-{kind}.pdf")
                if record:
                    engines[engine, kind].append(seconds)

        tasks = [f"weasyprint:{kind}" for kind in DOCS]
        if warm:
            tasks += [f"{engine}:{kind}" for engine in ("warm", "cold") for kind in DOCS]
        for task in tasks:  # warm-up: imports, fonts, the browser's first page
            run(task, record=False)
        print(f"start: {load()}")
        for round_ in range(args.rounds):
            for task in rotate(tasks, round_ * 3):
                run(task, record=True)
        print(f"end:   {load()}")
        if warm:
            warm.close()

        print()
        print("WeasyPrint 70 phases, ms (median); one font configuration for the process")
        header = ["document", "pages", *PHASES, "total", "ms/page", "gc"]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for kind in DOCS:
            runs = timings[kind]
            phase = [median([t.phases[p] for t in runs]) * 1000 for p in PHASES]
            total = median([t.total for t in runs]) * 1000
            gc_ms = median([t.gc for t in runs]) * 1000
            n = runs[0].pages
            cells = [kind, str(n), *(f"{v:.0f}" for v in phase), f"{total:.0f}",
                     f"{total / n:.0f}", f"{gc_ms:.0f} ({gc_ms / total:.0%})"]  # fmt: skip
            print("| " + " | ".join(cells) + " |")

        print()
        print("Engines on the same HTML, seconds (median): WeasyPrint = all phases above")
        names = ["weasyprint", *(["warm", "cold"] if warm else [])]
        print("| document | " + " | ".join(names) + " | WeasyPrint / warm | WeasyPrint / cold |")
        print("|---|" + "---|" * (len(names) + 2))
        for kind in DOCS:
            values = {name: median(engines[name, kind]) for name in names}
            ratios = (
                [f"{values['weasyprint'] / values[n]:.2f}" for n in ("warm", "cold")]
                if warm
                else ["", ""]
            )
            cells = [f"{values[n]:.3f}" for n in names]
            print(f"| {kind} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
        if warm:
            counts = ", ".join(f"{k} {pages.get(('warm', k), '?')}" for k in DOCS)
            print(f"(Chromium pages: {counts})")

        wp = {kind: median(engines["weasyprint", kind]) for kind in DOCS}
        print()
        print(f"guide / floor (WeasyPrint): {wp['guide'] / wp['floor']:.2f}  (target <= 1.6)")
        if warm:
            warm_guide = median(engines["warm", "guide"])
            print(f"guide WeasyPrint / warm Chromium: {wp['guide'] / warm_guide:.2f} (target <= 2)")
            floor_warm = median(engines["warm", "floor"])
            print(f"floor WeasyPrint / warm Chromium: {wp['floor'] / floor_warm:.2f}")

        if not args.no_pipeline:
            pipeline(work, args.rounds)


def pipeline(work: Path, rounds: int) -> None:
    """``guidepress build --force --jobs 1`` of the demo project against plain WeasyPrint on the
    same final HTML in one fresh process; both wall seconds, Python start-up included."""
    out = work / "pipeline"
    htmls = sorted(str(p) for p in (work / "html").rglob("*.html") if p.name != "floor.html")
    (work / "plain").mkdir()
    commands = {
        "guidepress build --force --jobs 1": [
            str(BIN / "guidepress"), "--project", str(ROOT), "build", "--force", "--jobs", "1",
            "--kind", "guide", "--kind", "sheet", "--kind", "compare", "--out", str(out),
        ],
        "plain WeasyPrint, same HTML, 1 process": [
            sys.executable, "-c", PLAIN, str(work / "plain"), *htmls,
        ],
    }  # fmt: skip
    times: dict[str, list[float]] = defaultdict(list)
    for round_ in range(rounds):
        for name in rotate(list(commands), round_):
            started = time.perf_counter()
            subprocess.run(commands[name], check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
    print()
    print(f"Pipeline, the demo project's {len(htmls)} outputs, wall seconds (median of {rounds})")
    for name, values in times.items():
        print(f"  {name}: {median(values):.2f}")
    first, second = (median(v) for v in times.values())
    print(f"  guidepress / plain WeasyPrint: {first / second:.3f}")
    print(f"  {load()}")


if __name__ == "__main__":
    main()
