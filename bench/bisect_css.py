"""Benchmark: what each CSS construct of the guide and the sheet costs in WeasyPrint 70.

Each variant is the final HTML of the demo project (``guidepress build --format html``) with one
change: usually a stylesheet appended at the end of the head (it wins every tie), sometimes an
edit of the HTML. Every round lays out the baseline and every variant in a rotating order; the
figures are medians. Pages are compared as images: both PDFs rendered by PDFium at 50 dpi, and the
pixels that differ counted (0 = the same look).

Each variant drops or blanks something to show what it costs (its pixels differ by design). The
first version of this script also measured same-look equivalents of the guide's flexbox and
multi-column constructs (docs/layout-costs.md); the redesigned guide and sheet are built from them.

Usage: .venv/bin/python bench/bisect_css.py [--rounds 5] [--only guide|sheet] [--variant NAME]
"""

from __future__ import annotations

import argparse
import base64
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from layout_lab import add_css, build_html, load, machine, median, render
from weasyprint.text.fonts import FontConfiguration

SLUG = "customer-success-manager"


@dataclass
class Variant:
    name: str
    kind: str  # "same" (an equivalent) or "cost" (drops something; pixels differ by design)
    css: str = ""
    edit: Callable[[str], str] | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def apply(self, source: str) -> str:
        if self.edit:
            source = self.edit(source)
        return add_css(source, self.css) if self.css else source


def blank_svgs(source: str) -> str:
    """Every SVG image replaced by an empty SVG of the same size: the charts' layout stays, their
    drawing goes."""

    def blank(match: re.Match[str]) -> str:
        svg = base64.b64decode(match.group(1)).decode()
        root = re.match(r"<svg[^>]*>", svg)
        assert root is not None
        empty = root.group(0) + "</svg>"
        return "data:image/svg+xml;base64," + base64.b64encode(empty.encode()).decode()

    return re.sub(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", blank, source)


UNTAGGED = {"pdf_tags": False, "pdf_variant": None}

# --- the guide (issue 14's design: block, table and float layout throughout) ----------------------
# The old guide's flexbox and multi-column equivalents (docs/layout-costs.md) are its design now;
# what is left to measure is what each remaining construct costs.

GUIDE_COST = [
    Variant(
        "contents page numbers (target-counter) dropped",
        "cost",
        ".toc-part > a::after, .toc-sections a::after { content: none !important; }",
    ),
    Variant(
        "margin boxes dropped (running heads, page X of Y)",
        "cost",
        "@page { @bottom-left { content: none !important }"
        " @bottom-right { content: none !important } }"
        " @page part { @top-left { content: none !important }"
        " @top-right { content: none !important } }",
    ),
    Variant("side column not floated", "cost", ".side { float: none !important; }"),
    Variant(
        "diagrams hidden (ladder, timeline, pros and cons, skill map, strip, glance tables)",
        "cost",
        ".ladder, .timeline, .pros-cons, .skill-map, .strip, .glance-top, .related"
        " { display: none !important; }",
    ),
    Variant("hyphenation off", "cost", "* { hyphens: manual !important; }"),
    Variant("border-radius dropped", "cost", "* { border-radius: 0 !important; }"),
    Variant(
        "gradients dropped (open-ended ladder bars)",
        "cost",
        ".rung-open, .rung-mark .rung-open { background: none !important; }",
    ),
    Variant(
        "letter-spacing and upper case dropped",
        "cost",
        "* { letter-spacing: normal !important; text-transform: none !important; }",
    ),
    Variant("images and cover art hidden", "cost", "img, .cover-art { display: none !important; }"),
    Variant("measure (max-width) dropped", "cost", "* { max-width: none !important; }"),
    Variant("orphans and widows 1", "cost", "* { orphans: 1 !important; widows: 1 !important; }"),
    Variant("break-inside: avoid dropped", "cost", "* { break-inside: auto !important; }"),
    Variant("fillers in the gaps hidden", "cost", ".filler { display: none !important; }"),
    Variant("SVG charts and logo blanked (same size)", "cost", edit=blank_svgs),
    Variant("not tagged (pdf_tags off, no variant)", "cost", options=UNTAGGED),
]

# --- the sheet (issue 15's design: tables and blocks) -------------------------------------------

SHEET_COST = [
    Variant("SVG chart, logo and QR blanked (same size)", "cost", edit=blank_svgs),
    Variant(
        "list marks dropped",
        "cost",
        ".checklist li::before, .marked li::before, .marked-pro li::after { content: none; }",
    ),
    Variant("chips inline-block -> inline", "cost", ".chips li { display: inline; }"),
    Variant("not tagged (pdf_tags off, no variant)", "cost", options=UNTAGGED),
]


def variants(kind: str) -> list[Variant]:
    return list(GUIDE_COST if kind == "guide" else SHEET_COST)


def bisect(kind: str, path: Path, rounds: int, only: str | None) -> None:
    source = path.read_text("utf-8")
    base, found = Variant("baseline (today's CSS)", "base"), variants(kind)
    chosen = [v for v in found if only is None or only in v.name]
    fonts = FontConfiguration()
    everything = [base, *chosen]
    sources = {v.name: v.apply(source) for v in everything}
    layout_s: dict[str, list[float]] = defaultdict(list)
    total_s: dict[str, list[float]] = defaultdict(list)
    pdfs: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    for round_ in range(rounds + 1):  # round 0 warms up
        shift = round_ % len(everything)
        for variant in everything[shift:] + everything[:shift]:
            timing, pdf, _ = render(
                sources[variant.name], str(path), fonts, options=variant.options,
                preflight_pdf=False,
            )  # fmt: skip
            assert pdf is not None
            pdfs[variant.name], pages[variant.name] = pdf, timing.pages
            if round_:
                layout_s[variant.name].append(
                    timing.phases["style"] + timing.phases["boxes"] + timing.phases["layout"]
                )
                total_s[variant.name].append(timing.total)
    from layout_lab import differing_pixels

    base_layout, base_total = median(layout_s[base.name]), median(total_s[base.name])
    print()
    print(f"{kind}: {path.name}, {pages[base.name]} pages; medians of {rounds}; {load()}")
    print("| variant | kind | layout ms | saved | of render | total ms | pages | pixels differ |")
    print("|---|---|---|---|---|---|---|---|")
    for variant in everything:
        lay, tot = median(layout_s[variant.name]), median(total_s[variant.name])
        _, _, differ = differing_pixels(pdfs[base.name], pdfs[variant.name])
        saved = base_total - tot
        cells = [
            variant.name, variant.kind, f"{lay * 1000:.0f}",
            f"{(base_layout - lay) * 1000:+.0f}" if variant is not base else "",
            f"{saved / base_total:+.1%}" if variant is not base else "",
            f"{tot * 1000:.0f}", str(pages[variant.name]),
            "" if variant is base else f"{differ:,}",
        ]  # fmt: skip
        print("| " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=("guide", "sheet"))
    parser.add_argument("--variant", help="Only the variants whose name contains this.")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}")
    print("CPU ms (the machine is shared); layout = style + boxes + layout; total adds draw and")
    print("write (tagged PDF/UA-1); saved = the total saved, as a share of the baseline's total")
    with tempfile.TemporaryDirectory() as tmp:
        found = build_html(Path(tmp) / "html")
        for kind in ("guide", "sheet"):
            if args.only in (None, kind):
                path = next(p for p in found[kind] if p.stem == SLUG)
                bisect(kind, path, args.rounds, args.variant)


if __name__ == "__main__":
    main()
