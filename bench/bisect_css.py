"""Benchmark: what each CSS construct of the guide and the sheet costs in WeasyPrint 70, and
whether a cheaper equivalent keeps the pages pixel-identical.

Each variant is the final HTML of the demo project (``guidepress build --format html``) with one
change: usually a stylesheet appended at the end of the head (it wins every tie), sometimes an
edit of the HTML. Every round lays out the baseline and every variant in a rotating order; the
figures are medians. Pages are compared as images: both PDFs rendered by PDFium at 50 dpi, and the
pixels that differ counted (0 = the same look).

"Same look" variants are equivalents meant to replace a construct; "cost" variants drop or blank
something to show what it costs (their pixels differ by design).

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


def facts_in_rows(source: str) -> str:
    """The sheet's fact tiles two to a row (``<div class="gp-row">``), so that a table can give the
    tiles of a row one height as the grid does."""

    def rows(match: re.Match[str]) -> str:
        tiles = re.findall(r'<div class="fact">.*?</dd></div>', match.group(2))
        pairs = ["".join(tiles[i : i + 2]) for i in range(0, len(tiles), 2)]
        body = "".join(f'<div class="gp-row">{pair}</div>' for pair in pairs)
        return match.group(1) + body + match.group(3)

    changed, count = re.subn(r'(<dl class="facts sheet-facts">)(.*?)(</dl>)', rows, source,
                             flags=re.S)  # fmt: skip
    assert count == 1
    return changed


def logo_in_cell(source: str) -> str:
    """The header's logo inside a ``<div class="gp-logo">`` that can be a middle-aligned cell."""
    changed, count = re.subn(r'(<img class="sheet-logo"[^>]*>)', r'<div class="gp-logo">\1</div>',
                             source)  # fmt: skip
    assert count == 1
    return changed


UNTAGGED = {"pdf_tags": False, "pdf_variant": None}

# --- the guide -------------------------------------------------------------------------------

NO_COLUMNS = ".contents ol, .checklist { columns: auto; }"
# Flexbox components as block, float or table layout. A row of equal tiles is a fixed table whose
# border-spacing is the gap (the outer spacing taken back by negative margins).
COVER_FACTS = """
.cover-facts { display: table; table-layout: fixed; width: calc(100% - 30mm);
               margin: 16mm 15mm 0; border-spacing: 5mm 0; }
.cover-facts .fact { display: table-cell; vertical-align: top; }"""
COVER_FOOT = """
.cover-foot { display: flow-root; }
.cover-foot .cover-edition { float: left; }
.cover-foot .cover-org { float: right; }"""
FACTS = """
.facts { display: table; table-layout: fixed; width: calc(100% + 6mm); margin-left: -3mm;
         margin-right: -3mm; border-spacing: 3mm 0; }
.facts .fact { display: table-cell; vertical-align: top; }
.facts { break-inside: avoid; }
.facts .fact-wide { width: calc(68.4733% - 11.11mm); }"""
GLANCE_ROW = """
.glance-row { display: flow-root; }
.demand-chart { float: left; }
.glance-text { margin-left: 65mm; }"""
RATINGS = """
.ratings { display: table; table-layout: fixed; width: calc(100% + 8mm); margin-left: -4mm;
           margin-right: -4mm; border-spacing: 4mm 0; }
.ratings div { display: table-cell; vertical-align: top; }"""
TWO_COL = """
.two-col { display: table; table-layout: fixed; width: calc(100% + 16mm); margin-left: -8mm;
           margin-right: -8mm; border-spacing: 8mm 0; }
.two-col .col { display: table-cell; vertical-align: top; }"""
TIER = """
.tier { display: flow-root; }
.tier-step { float: left; width: 9mm; }
.tier-body { margin-left: 13mm; }"""
TIMELINE = """
.timeline-block { display: flow-root; }
.timeline-when { float: left; width: 36mm; }
.timeline-what { margin-left: 42mm; }"""
PROS_CONS = """
.pros-cons { display: table; table-layout: fixed; width: calc(100% + 10mm); margin-left: -5mm;
             margin-right: -5mm; border-spacing: 5mm 0; }
.pc { display: table-cell; vertical-align: top; }"""
PROVENANCE = """
.provenance div { display: flow-root; }
.provenance dt { float: left; width: 52mm; }
.provenance dd { margin-left: 52mm; }"""
SKILL_GRID = """
.skill-grid { display: flow-root; }
.skill-card { float: left; width: calc(50% - 2mm); margin-bottom: 4mm; box-sizing: border-box; }
.skill-card:nth-child(2n) { float: right; }
.skill-card:nth-child(2n+1) { clear: left; }"""
GUIDE_SAME = {
    "columns: 1 -> none (contents, checklist)": NO_COLUMNS,
    "flex -> table: .cover-facts": COVER_FACTS,
    "flex -> floats: .cover-foot": COVER_FOOT,
    "flex -> table: .facts": FACTS,
    "flex -> float: .glance-row": GLANCE_ROW,
    "flex -> table: .ratings": RATINGS,
    "flex -> table: .two-col": TWO_COL,
    "flex -> float: .tier": TIER,
    "flex -> float: .timeline-block": TIMELINE,
    "flex -> table: .pros-cons": PROS_CONS,
    "flex -> float: .provenance div": PROVENANCE,
}
GUIDE_COST = [
    Variant("grid -> floats: .skill-grid (cards of a row no longer equal)", "cost", SKILL_GRID),
    Variant(
        "target-counter (contents page numbers) dropped",
        "cost",
        ".contents a::after { content: none; }",
    ),
    Variant(
        "string-set (running section title) dropped",
        "cost",
        ".section h2 { string-set: none; }",
    ),
    Variant(
        "margin boxes dropped (running heads, page X of Y)",
        "cost",
        "@page main { @top-left { content: none } @top-right { content: none }"
        " @bottom-left { content: none } @bottom-right { content: none } }",
    ),
    Variant("SVG charts and logo blanked (same size)", "cost", edit=blank_svgs),
    Variant(
        "list marks (absolute, rotated ::before/::after) dropped",
        "cost",
        ".checklist li::before, .marked li::before, .marked-con li::after, .arrows li::before,"
        " .arrows li::after, .warnings li::before { content: none; }",
    ),
    Variant(
        "chips inline-block -> inline",
        "cost",
        ".chips li, .skill-list li { display: inline; }",
    ),
    Variant(
        "break-inside: avoid dropped everywhere",
        "cost",
        "* { break-inside: auto !important; }",
    ),
    Variant("not tagged (pdf_tags off, no variant)", "cost", options=UNTAGGED),
]

# --- the sheet -------------------------------------------------------------------------------

SHEET_HEAD = """
.sheet-head { display: table; width: 100%; box-sizing: border-box; }
.gp-logo { display: table-cell; vertical-align: middle; }
.sheet-logo { display: block; }
.sheet-head-text { display: table-cell; vertical-align: middle; width: 100%;
                   padding-left: 1rem; }"""
SHEET_COLS = """
.sheet-cols { display: table; table-layout: fixed; width: calc(100% + 2.4rem);
              margin-left: -1.2rem; margin-right: -1.2rem; border-spacing: 1.2rem 0; }
.sheet-block { display: table-cell; vertical-align: top; }"""
STEPS = """
.steps { display: table; table-layout: fixed; width: calc(100% + 0.7rem); margin-left: -0.35rem;
         margin-right: -0.35rem; border-spacing: 0.35rem 0; }
.steps li { display: table-cell; vertical-align: top; }"""
SHEET_PROS_CONS = """
.sheet .pros-cons { display: table; table-layout: fixed; width: calc(100% + 1.6rem);
                    margin-left: -0.8rem; margin-right: -0.8rem; border-spacing: 0.8rem 0; }
.sheet .pc { display: table-cell; vertical-align: top; }"""
SHEET_FIGURES = """
.sheet-figures { display: table; width: 100%; table-layout: fixed; }
.sheet-facts { display: table-cell; width: 40%; vertical-align: middle; }
.gp-row { display: table; table-layout: fixed; width: calc(100% + 0.9rem); margin: 0 -0.45rem;
          border-spacing: 0.45rem 0; }
.gp-row + .gp-row { margin-top: 0.45rem; }
.sheet-facts .fact { display: table-cell; vertical-align: top; }
.sheet-chart { display: table-cell; vertical-align: middle; padding-left: 1rem; }"""
SHEET_SAME = {
    "flex -> table: .sheet-head": SHEET_HEAD,
    "flex -> table: .sheet-figures (grid .sheet-facts)": SHEET_FIGURES,
    "flex -> table: .sheet-cols": SHEET_COLS,
    "flex -> table: .steps": STEPS,
    "flex -> table: .sheet .pros-cons": SHEET_PROS_CONS,
}
SHEET_COST = [
    Variant(
        "every flex and grid -> block",
        "cost",
        ".sheet-head, .sheet-figures, .sheet-facts, .sheet-cols, .steps, .sheet .pros-cons"
        " { display: block; }",
    ),
    Variant("SVG chart, logo and QR blanked (same size)", "cost", edit=blank_svgs),
    Variant(
        "list marks dropped",
        "cost",
        ".checklist li::before, .marked li::before, .marked-con li::after { content: none; }",
    ),
    Variant("chips inline-block -> inline", "cost", ".chips li { display: inline; }"),
    Variant("not tagged (pdf_tags off, no variant)", "cost", options=UNTAGGED),
]


#: HTML edits a CSS equivalent needs (a template change in a redesign).
SHEET_EDITS = {"flex -> table: .sheet-head": logo_in_cell}
SHEET_EDITS["flex -> table: .sheet-figures (grid .sheet-facts)"] = facts_in_rows


def both(*edits: Callable[[str], str]) -> Callable[[str], str]:
    def edit(source: str) -> str:
        for one in edits:
            source = one(source)
        return source

    return edit


def variants(kind: str) -> list[Variant]:
    same = GUIDE_SAME if kind == "guide" else SHEET_SAME
    edits = {} if kind == "guide" else SHEET_EDITS
    found = [Variant(name, "same", css, edits.get(name)) for name, css in same.items()]
    everything = "\n".join(same.values())
    found.append(Variant("all of the above together", "same", everything, both(*edits.values())))
    return found + (GUIDE_COST if kind == "guide" else SHEET_COST)


def after_equivalents(kind: str) -> tuple[Variant, list[Variant]]:
    """The CSS with every same-look equivalent, and each cost variant on top of it: what each
    remaining construct costs once the equivalents are in."""
    found = variants(kind)
    whole = next(v for v in found if v.name == "all of the above together")
    costs = [v for v in found if v.kind == "cost"]
    if kind == "guide":
        costs[:0] = [
            Variant("columns: 1 back on .contents ol", "cost", ".contents ol { columns: 1; }"),
            Variant("columns: 1 back on .checklist", "cost", ".checklist { columns: 1; }"),
        ]
    on_top = []
    for v in costs:
        edits = [e for e in (whole.edit, v.edit) if e]
        on_top.append(Variant(v.name, v.kind, f"{whole.css}\n{v.css}", both(*edits), v.options))
    return Variant("the equivalents (same look)", "base", whole.css, whole.edit), on_top


def bisect(kind: str, path: Path, rounds: int, only: str | None, after: bool = False) -> None:
    source = path.read_text("utf-8")
    if after:
        base, found = after_equivalents(kind)
    else:
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
    title = f"{kind}, on top of the equivalents" if after else kind
    print(f"{title}: {path.name}, {pages[base.name]} pages; medians of {rounds}; {load()}")
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
    parser.add_argument(
        "--no-after", action="store_true", help="Skip the costs on top of the equivalents."
    )
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
                if not args.no_after:
                    bisect(kind, path, args.rounds, args.variant, after=True)


if __name__ == "__main__":
    main()
