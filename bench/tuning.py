"""Benchmark: per-process tuning of WeasyPrint 70, measured on the demo project's final HTML.

(a) garbage collection: the default, paused during each document with a collection between
    documents, the same after ``gc.freeze()`` of what the process holds after its warm-up, and
    higher thresholds; a "batch" is what a worker builds: every guide, sheet and comparison of the
    demo project, one after the other (layout, draw, write), the collections between documents
    included;
(b) one font configuration for the process against a new one for each document;
(c) the theme stylesheet parsed once and passed as a ``weasyprint.CSS`` against the same
    stylesheet inline in each document's HTML (as ``--format html`` writes it);
(d) what a worker pays for its first document: a fresh process (imports, font configuration, first
    layout) against a warm one, i.e. what preparing WeasyPrint in the parent before forking saves.

Every alternative runs in each round, in a rotating order; figures are medians of CPU time
(``time.process_time``: the machine is shared, and wall time varies by 2x under load).
Usage: .venv/bin/python bench/tuning.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from layout_lab import build_html, load, machine, median, render
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

COLD = """
import sys, time
t0 = time.process_time()
import weasyprint
from weasyprint.text.fonts import FontConfiguration
t1 = time.process_time()
fonts = FontConfiguration()
times = []
for path in sys.argv[1:]:
    t = time.process_time()
    weasyprint.HTML(filename=path).write_pdf(
        font_config=fonts, pdf_variant="pdf/ua-1", pdf_tags=True)
    times.append(time.process_time() - t)
print(t1 - t0, *times)
"""


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


class Batch:
    """The demo project's documents rendered one after the other, as a worker does."""

    def __init__(self, docs: list[tuple[str, str]]) -> None:
        self.docs = docs
        self.fonts = FontConfiguration()
        self.peak_rss = 0.0

    def run(self, before: Callable[[], None], after: Callable[[], None]) -> float:
        started = time.process_time()
        for source, base in self.docs:
            before()
            render(source, base, self.fonts)
            self.peak_rss = max(self.peak_rss, rss_mib())
            after()
        return time.process_time() - started


def nothing() -> None:
    pass


def collect() -> None:
    gc.enable()
    gc.collect()


def gc_strategies(docs: list[tuple[str, str]], rounds: int) -> None:
    batch = Batch(docs)
    batch.run(nothing, nothing)  # warm-up: fonts, caches
    defaults = gc.get_threshold()
    strategies: dict[str, tuple[Callable[[], None], Callable[[], None], Callable[[], None]]] = {
        # name: (set-up, before each document, after each document)
        "default (gc on)": (lambda: gc.set_threshold(*defaults), nothing, nothing),
        "gc paused per document, gc.collect() between": (
            lambda: gc.set_threshold(*defaults), gc.disable, collect),
        "gc.freeze() after warm-up, then paused + collect between": (
            lambda: (gc.set_threshold(*defaults), gc.freeze()), gc.disable, collect),
        "thresholds 50000/50/100 (gc on)": (
            lambda: gc.set_threshold(50_000, 50, 100), nothing, nothing),
    }  # fmt: skip
    times: dict[str, list[float]] = defaultdict(list)
    peaks: dict[str, float] = {}
    names = list(strategies)
    for round_ in range(rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            setup, before, after = strategies[name]
            gc.unfreeze()
            gc.enable()
            gc.collect()
            setup()
            batch.peak_rss = 0.0
            times[name].append(batch.run(before, after))
            peaks[name] = max(peaks.get(name, 0.0), batch.peak_rss)
    gc.unfreeze()
    gc.enable()
    gc.set_threshold(*defaults)
    base = median(times[names[0]])
    print()
    print(f"(a) garbage collection, a batch of {len(docs)} documents (s, median of {rounds});"
          f" {load()}")  # fmt: skip
    print("| strategy | batch s | saved | highest RSS after a document |")
    print("|---|---|---|---|")
    for name in names:
        value = median(times[name])
        print(f"| {name} | {value:.2f} | {(base - value) / base:+.1%} | {peaks[name]:.0f} MiB |")


def font_reuse(docs: list[tuple[str, str]], rounds: int) -> None:
    shared = FontConfiguration()
    for source, base in docs:
        render(source, base, shared)
    times: dict[str, list[float]] = defaultdict(list)
    for round_ in range(rounds):
        order = ["shared", "new"] if round_ % 2 == 0 else ["new", "shared"]
        for name in order:
            started = time.process_time()
            for source, base in docs:
                render(source, base, shared if name == "shared" else FontConfiguration())
            times[name].append(time.process_time() - started)
    shared_s, new_s = median(times["shared"]), median(times["new"])
    print()
    print(f"(b) font configuration, the same batch (s, median of {rounds}); {load()}")
    print(f"    one for the process: {shared_s:.2f}; a new one per document: {new_s:.2f}"
          f" ({(new_s - shared_s) / len(docs) * 1000:+.0f} ms a document)")  # fmt: skip


def stylesheet_reuse(docs: list[tuple[str, str]], rounds: int) -> None:
    """The first <style> of each document (the theme: base.css and the kind's CSS) parsed once
    per kind and passed as a CSS object, against inline."""
    fonts = FontConfiguration()
    parsed: dict[str, CSS] = {}
    variants = []
    for source, base in docs:
        theme = re.search(r"<style>(.*?)</style>", source, flags=re.S)
        assert theme is not None
        if theme.group(1) not in parsed:
            parsed[theme.group(1)] = CSS(string=theme.group(1), base_url=base, font_config=fonts)
        stripped = source.replace(theme.group(0), "", 1)
        variants.append((source, stripped, parsed[theme.group(1)], base))
    times: dict[str, list[float]] = defaultdict(list)
    style: dict[str, list[float]] = defaultdict(list)
    for round_ in range(rounds + 1):
        order = ["inline", "parsed once"] if round_ % 2 == 0 else ["parsed once", "inline"]
        for name in order:
            total = styled = 0.0
            for source, stripped, css, base in variants:
                if name == "inline":
                    timing, _, _ = render(source, base, fonts)
                else:
                    # The document's own <style> elements still come after the theme in the
                    # cascade as before: the theme moves from an author sheet to a user one.
                    timing, _, _ = render(stripped, base, fonts, stylesheets=[css])
                total += timing.total
                styled += timing.phases["style"]
            if round_:
                times[name].append(total)
                style[name].append(styled)
    print()
    print(f"(c) theme stylesheet, the same batch (s, median of {rounds}); {load()}")
    for name in ("inline", "parsed once"):
        print(f"    {name}: batch {median(times[name]):.2f}, style phase "
              f"{median(style[name]) * 1000:.0f} ms")  # fmt: skip


def cold_start(paths: list[Path], rounds: int) -> None:
    """A fresh process rendering a sheet then a guide, twice each."""
    sheet = next(p for p in paths if p.parent.name == "sheets")
    guide = next(p for p in paths if p.parent.name == "guides")
    runs = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", COLD, str(sheet), str(sheet), str(guide), str(guide)],
            capture_output=True, text=True, check=True,
        ).stdout.split()  # fmt: skip
        runs.append([float(v) for v in out])
    imp, s1, s2, g1, g2 = (median([r[i] for r in runs]) for i in range(5))
    print()
    print(f"(d) a fresh process (s, median of {rounds}); {load()}")
    print(f"    import weasyprint {imp:.2f}; first sheet {s1:.2f}, second {s2:.2f};"
          f" then first guide {g1:.2f}, second {g2:.2f}")  # fmt: skip
    print(
        f"    the first document pays {s1 - s2:.2f} s more, plus the import: "
        f"{imp + s1 - s2:.2f} s a worker saves when WeasyPrint is warmed in the parent"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}")
    with tempfile.TemporaryDirectory() as tmp:
        found = build_html(Path(tmp) / "html")
        paths = [p for kind in ("guide", "sheet", "compare") for p in found[kind]]
        docs = [(p.read_text("utf-8"), str(p)) for p in paths]
        gc_strategies(docs, args.rounds)
        font_reuse(docs, args.rounds)
        stylesheet_reuse(docs, args.rounds)
        cold_start(paths, args.rounds)


if __name__ == "__main__":
    main()
