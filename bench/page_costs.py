"""Benchmark: what each page of a guide costs to lay out and to draw, and, for the pages that cost
most, where in WeasyPrint the time goes (tables, lines of text, SVG, margin boxes, ...).

The demo project's guide (its final HTML from ``guidepress build --format html``), one font
configuration for the process; WeasyPrint's ``make_page`` (a page's layout, counted again each
time WeasyPrint makes the page again, as it does for pages whose ``target-counter()`` values
change), the page's margin boxes and ``Page.paint`` (drawing) timed in CPU per page, medians of
the rounds. Then each of the ``--top`` dearest pages and the median text page profiled
(cProfile inside those pages' layout only): the time inside each kind of box's layout.
Prints figures; not part of the test run.
Usage: .venv/bin/python bench/page_costs.py [--rounds 3] [--top 4] [--slug customer-success-manager]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pypdfium2
import weasyprint
from layout_lab import build_html, machine
from weasyprint import layout as layout_package
from weasyprint.document import Page
from weasyprint.layout import page as page_layout
from weasyprint.text.fonts import FontConfiguration

#: WeasyPrint functions whose cumulative time is a kind of construct's layout (or drawing).
CONSTRUCTS = {
    "all": ("layout/page.py", "make_page"),
    "tables (layout/table.py)": ("layout/table.py", "table_layout"),
    "lines of text (layout/inline.py: split_inline_box)": ("layout/inline.py", "split_inline_box"),
    "line breaking (text/line_break.py: split_first_line)": (
        "text/line_break.py",
        "split_first_line",
    ),
    "floats (layout/float.py: float_layout)": ("layout/float.py", "float_layout"),
    "absolute boxes (layout/absolute.py: absolute_layout)": (
        "layout/absolute.py",
        "absolute_layout",
    ),
    "SVG charts and images (layout/replaced.py)": (
        "layout/replaced.py",
        "inline_replaced_box_layout",
    ),
    "flex (layout/flex.py)": ("layout/flex.py", "flex_layout"),
    "page-break search (layout/block.py: find_earlier_page_break)": (
        "layout/block.py",
        "find_earlier_page_break",
    ),
}


class Clock:
    """CPU per page: layout (every make_page of it), margin boxes, drawing."""

    def __init__(self) -> None:
        self.layout: dict[int, float] = defaultdict(float)
        self.made: dict[int, int] = defaultdict(int)
        self.margins: dict[int, float] = defaultdict(float)
        self.draw: dict[int, float] = {}
        self.profile_pages: set[int] = set()
        self.profiles: dict[int, cProfile.Profile] = {}

    def install(self) -> None:
        make_page, margins, paint = (
            page_layout.make_page,
            page_layout.make_margin_boxes,
            Page.paint,
        )
        clock = self

        def timed_make_page(context: Any, root: Any, page_type: Any, resume: Any, number: int,
                            *args: Any) -> Any:  # fmt: skip
            profile = None
            if number in clock.profile_pages:
                profile = clock.profiles.setdefault(number, cProfile.Profile())
                profile.enable()
            started = time.process_time()
            try:
                return make_page(context, root, page_type, resume, number, *args)
            finally:
                clock.layout[number] += time.process_time() - started
                clock.made[number] += 1
                if profile:
                    profile.disable()

        def timed_margins(context: Any, page: Any, state: Any) -> Any:
            started = time.process_time()
            try:
                yield from margins(context, page, state)
            finally:
                number = page.page_type.index + 1
                clock.margins[number] += time.process_time() - started

        def timed_paint(self: Page, stream: Any, scale: float = 1) -> None:
            started = time.process_time()
            paint(self, stream, scale)
            number = len(clock.draw) + 1
            clock.draw[number] = time.process_time() - started

        page_layout.make_page = timed_make_page
        layout_package.make_margin_boxes = timed_margins  # imported by name there
        Page.paint = timed_paint  # type: ignore[method-assign]


def first_words(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    words = []
    for page in document:
        text = " ".join(page.get_textpage().get_text_range().split())
        words.append(text[:48])
    return words


def constructs(profile: cProfile.Profile) -> dict[str, float]:
    """CPU ms of each construct's layout inside ``profile`` (cumulative, outermost calls)."""
    stats = pstats.Stats(profile, stream=io.StringIO())
    found = {}
    for name, (file, function) in CONSTRUCTS.items():
        total = 0.0
        for (path, _, func), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
            if func == function and path.endswith(file):
                total += cumulative
        found[name] = total * 1000
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=4)
    parser.add_argument("--slug", default="customer-success-manager")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        html = next(p for p in build_html(Path(tmp))["guide"] if p.stem.startswith(args.slug))
        fonts = FontConfiguration()
        clock = Clock()
        clock.install()
        rounds: list[Clock] = []
        pdf = b""
        for _ in range(args.rounds):
            fresh = Clock()
            clock.__dict__.update(fresh.__dict__)
            document = weasyprint.HTML(filename=str(html)).render(font_config=fonts)
            pdf = document.write_pdf(pdf_tags=True)
            rounds.append(Clock())
            rounds[-1].__dict__.update({k: dict(v) for k, v in clock.__dict__.items()
                                        if isinstance(v, dict)})  # fmt: skip
        words = first_words(pdf)
        pages = len(words)

        def med(field: str, n: int) -> float:
            return statistics.median(getattr(r, field).get(n, 0.0) for r in rounds) * 1000

        print(f"{html.name}: {pages} pages, {args.rounds} rounds, CPU ms (medians)")
        print("| page | begins | layout ms | times laid out | margin boxes ms | draw ms | total |")
        print("|---|---|---|---|---|---|---|")
        totals = {}
        for n in range(1, pages + 1):
            lay, margins, draw = med("layout", n), med("margins", n), med("draw", n)
            totals[n] = lay + margins + draw
            made = rounds[0].made.get(n, 0)
            print(f"| {n} | {words[n - 1]} | {lay:.0f} | {made} | {margins:.0f} | {draw:.0f} "
                  f"| {totals[n]:.0f} |")  # fmt: skip
        dearest = sorted(totals, key=lambda n: -totals[n])[: args.top]
        text_page = sorted(totals, key=lambda n: totals[n])[pages // 2]
        clock.__dict__.update(Clock().__dict__)
        clock.profile_pages = {*dearest, text_page}
        document = weasyprint.HTML(filename=str(html)).render(font_config=fonts)
        print()
        print("Inside the layout of the dearest pages and a median one (cProfile, cumulative "
              "ms, larger than above: profiled; constructs nest: lines in tables)")  # fmt: skip
        chosen = [*dearest, text_page]
        print("| construct | " + " | ".join(f"p{n}" for n in chosen) + " |")
        print("|---|" + "---|" * len(chosen))
        found = {n: constructs(clock.profiles[n]) for n in chosen}
        total = {n: found[n].pop("all") for n in chosen}
        print("| the page's layout, every time | " + " | ".join(f"{total[n]:.0f}" for n in chosen)
              + " |")  # fmt: skip
        for name in CONSTRUCTS:
            if name != "all":
                print(f"| {name} | " + " | ".join(
                    f"{found[n][name]:.0f} ({found[n][name] / total[n]:.0%})" for n in chosen)
                    + " |")  # fmt: skip


if __name__ == "__main__":
    main()
