"""Benchmark: where a guide, a sheet and a comparison spend their time, against their floor and
against Chromium, on the same final HTML, in one run.

For one guide, one sheet and one comparison of the demo project (their final HTML from
``guidepress build --format html``, which is what the PDF is laid out from):

- WeasyPrint 70 phase by phase: parse, style, boxes, layout, draw, write, preflight, and the time
  the garbage collector ran inside them; one font configuration for the whole process, as a
  guidepress worker keeps; ``guide~`` and ``floor~`` are laid out as a worker lays a document
  out (build/workers.py): their stylesheet (the theme's; the floor's fonts and page) parsed once
  for the process instead of inline in the file, the garbage collector paused during the
  document and run once after it (that collection counted as the document's "collect" phase);
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
import gc
import re
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
    Timing,
    WarmChromium,
    build_html,
    children_cpu,
    chromium_binary,
    chromium_cold,
    floor_html,
    load,
    machine,
    median,
    render,
)
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

SLUG = "customer-success-manager"
DOCS = ("guide", "sheet", "compare", "floor")
#: The guide and the floor as a worker lays them out: the theme stylesheet parsed once for the
#: process, the garbage collector paused during the document and run after it.
WORKER, FLOOR_WORKER = "guide~", "floor~"
SHOWN = (*PHASES, "collect")

PLAIN = """
import sys, weasyprint
from weasyprint import CSS
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
        theme = re.search(r"<style>(.*?)</style>", sources["guide"], flags=re.S)
        assert theme is not None
        files[WORKER], sources[WORKER] = (
            files["guide"],
            sources["guide"].replace(theme.group(0), "", 1),
        )
        floor_style = re.search(r"<style>(.*?)</style>", sources["floor"], flags=re.S)
        assert floor_style is not None
        files[FLOOR_WORKER] = files["floor"]
        sources[FLOOR_WORKER] = sources["floor"].replace(floor_style.group(0), "", 1)
        docs = [*DOCS, WORKER, FLOOR_WORKER]
        for kind in DOCS:
            print(f"  {kind}: {files[kind].relative_to(work / 'html')}")
        print(
            f"  {WORKER}, {FLOOR_WORKER}: laid out as a worker does (theme parsed once, gc paused)"
        )

        chromium = None if args.no_chromium else chromium_binary()
        if not args.no_chromium and chromium is None:
            print("chromium: not installed (apt-get install chromium); Chromium skipped")
        warm = WarmChromium() if chromium else None

        fonts = FontConfiguration()  # one per process, as in a guidepress worker
        # The document's own <style> elements still come after the theme in the cascade.
        parsed = {
            WORKER: [CSS(string=theme.group(1), base_url=str(files["guide"]), font_config=fonts)],
            FLOOR_WORKER: [
                CSS(string=floor_style.group(1), base_url=str(files["floor"]), font_config=fonts)
            ],
        }
        timings: dict[str, list[Timing]] = defaultdict(list)
        # (engine, document, "wall" or "cpu") -> seconds of each round
        engines: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        pages: dict[tuple[str, str], int] = {}

        def run(task: str, record: bool) -> None:
            engine, kind = task.split(":")
            if engine == "weasyprint":
                sheets = parsed.get(kind)
                worker = kind in (WORKER, FLOOR_WORKER)
                if worker:
                    gc.disable()
                try:
                    timing, _, _ = render(
                        sources[kind], str(files[kind]), fonts, stylesheets=sheets
                    )
                finally:
                    gc.enable()
                if worker:
                    started = time.process_time()
                    wall = time.perf_counter()
                    gc.collect()
                    timing.phases["collect"] = time.process_time() - started
                    timing.wall += time.perf_counter() - wall
                pages[engine, kind] = timing.pages
                wall, cpu = timing.wall, timing.total
                if record:
                    timings[kind].append(timing)
            elif engine == "warm":
                assert warm is not None
                wall, cpu, pdf = warm.print_pdf(files[kind])
                pages[engine, kind] = len(pypdfium2.PdfDocument(pdf))
            else:
                wall, cpu = chromium_cold(files[kind], work / f"cold-{kind}.pdf")
            if record:
                engines[engine, kind, "wall"].append(wall)
                engines[engine, kind, "cpu"].append(cpu)

        tasks = [f"weasyprint:{kind}" for kind in docs]
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
        print("WeasyPrint 70 phases, CPU ms (median); one font configuration for the process;")
        print("gc = CPU time of the garbage collector inside those phases")
        header = ["document", "pages", *SHOWN, "total", "ms/page", "gc"]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for kind in docs:
            runs = timings[kind]
            phase = [median([t.phases.get(p, 0.0) for t in runs]) * 1000 for p in SHOWN]
            total = median([t.total for t in runs]) * 1000
            gc_ms = median([t.gc for t in runs]) * 1000
            n = runs[0].pages
            cells = [kind, str(n), *(f"{v:.0f}" for v in phase), f"{total:.0f}",
                     f"{total / n:.0f}", f"{gc_ms:.0f} ({gc_ms / total:.0%})"]  # fmt: skip
            print("| " + " | ".join(cells) + " |")

        def value(engine: str, kind: str, metric: str) -> float:
            return median(engines[engine, kind, metric])

        print()
        print("Engines on the same HTML, seconds (median), wall / CPU; WeasyPrint = every phase")
        print("above; Chromium CPU = every process of the browser")
        names = ["weasyprint", *(["warm", "cold"] if warm else [])]
        ratio_names = ["WeasyPrint / warm", "WeasyPrint / cold"] if warm else []
        print("| document | " + " | ".join(names + ratio_names) + " |")
        print("|---|" + "---|" * (len(names) + len(ratio_names)))
        for kind in docs:
            if not warm and kind not in DOCS:
                continue
            cells = [
                f"{value(n, kind, 'wall'):.3f} / {value(n, kind, 'cpu'):.3f}"
                if (n, kind, "wall") in engines
                else ""
                for n in names
            ]
            if warm:
                base = kind.rstrip("~")
                for other in ("warm", "cold"):
                    wall = value("weasyprint", kind, "wall") / value(other, base, "wall")
                    cpu = value("weasyprint", kind, "cpu") / value(other, base, "cpu")
                    cells.append(f"{wall:.2f} / {cpu:.2f}")
            print(f"| {kind} | " + " | ".join(cells) + " |")
        if warm:
            counts = ", ".join(f"{k} {pages.get(('warm', k), '?')}" for k in DOCS)
            print(f"(Chromium pages: {counts})")

        print()
        for metric in ("wall", "cpu"):
            wp = {kind: value("weasyprint", kind, metric) for kind in docs}
            line = (
                f"{metric}: guide / floor {wp['guide'] / wp['floor']:.2f}, as a worker lays it"
                f" out {wp[WORKER] / wp[FLOOR_WORKER]:.2f} (target <= 1.6)"
            )
            if warm:
                warm_guide = value("warm", "guide", metric)
                line += (
                    f"; guide / warm Chromium {wp['guide'] / warm_guide:.2f}, as a worker"
                    f" {wp[WORKER] / warm_guide:.2f} (target <= 2);"
                    f" floor / warm Chromium {wp['floor'] / value('warm', 'floor', metric):.2f}"
                )
            print(line)

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
    cpu: dict[str, list[float]] = defaultdict(list)
    for round_ in range(rounds):
        for name in rotate(list(commands), round_):
            started, used = time.perf_counter(), children_cpu()
            subprocess.run(commands[name], check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
            cpu[name].append(children_cpu() - used)
    print()
    print(f"Pipeline, the demo project's {len(htmls)} outputs, seconds wall / CPU (median of"
          f" {rounds})")  # fmt: skip
    for name in times:
        print(f"  {name}: {median(times[name]):.2f} / {median(cpu[name]):.2f}")
    first, second = list(commands)
    print(f"  guidepress / plain WeasyPrint: {median(times[first]) / median(times[second]):.3f}"
          f" / {median(cpu[first]) / median(cpu[second]):.3f}")  # fmt: skip
    print(f"  {load()}")


if __name__ == "__main__":
    main()
