"""Standalone reproduction for docs/upstream.md: WeasyPrint's multi-column balancing lays the whole
column out again for every CSS pixel of bottom padding or border of its last child.

Needs nothing but WeasyPrint. For a list of N items in a box with ``columns: 1`` (or 2), against
the same list without columns, it prints the layout time and how many times columns_layout laid
the column content out, for items without and with bottom padding, and the page-break case behind
it: a block whose own lines end within its padding-bottom of the page bottom is pushed to the next
page although its border box fits.

Usage: python bench/upstream_columns.py
"""

from __future__ import annotations

import sys
import time

import weasyprint
from weasyprint.layout import block

_real_block_box_layout = block.block_box_layout
_column_passes = [0]


def _counting(*args: object, **kwargs: object) -> object:
    if sys._getframe(1).f_code.co_name == "columns_layout":
        _column_passes[0] += 1
    return _real_block_box_layout(*args, **kwargs)


block.block_box_layout = _counting  # count the passes columns_layout makes


def document(items: int, li_css: str, columns: str) -> str:
    lis = "".join(f"<li>Item number {i} of the list</li>" for i in range(items))
    return (
        "<style>@page { size: A4; margin: 20mm } body { font: 10pt sans-serif }"
        f" ul {{ margin: 0; padding: 0; list-style: none; {columns} }} li {{ {li_css} }}"
        f"</style><ul>{lis}</ul>"
    )


def layout(html: str, rounds: int = 5) -> tuple[float, int, int]:
    """(median CPU seconds of the layout, column passes, pages)."""
    times, passes, pages = [], 0, 0
    for _ in range(rounds):
        _column_passes[0] = 0
        parsed = weasyprint.HTML(string=html)
        started = time.process_time()
        pages = len(parsed.render().pages)
        times.append(time.process_time() - started)
        passes = _column_passes[0]
    return sorted(times)[rounds // 2], passes, pages


def main() -> None:
    print(f"WeasyPrint {weasyprint.__version__}, Python {sys.version.split()[0]}")
    print()
    print("1. A list in `columns: 1` against the same list without columns (median of 5)")
    print("| items | li | no columns, CPU ms | columns: 1, CPU ms | ratio | column passes |")
    print("|---|---|---|---|---|---|")
    for li_css in ("", "padding-bottom: 2px", "padding-bottom: 10px", "padding-bottom: 20px",
                   "border-bottom: 1px solid; padding: 8.7px 0"):  # fmt: skip
        for items in (10, 20, 40):
            plain, _, _ = layout(document(items, li_css, ""))
            cols, passes, _ = layout(document(items, li_css, "columns: 1;"))
            print(f"| {items} | `{li_css or 'none'}` | {plain * 1000:.1f} | {cols * 1000:.1f} |"
                  f" {cols / plain:.1f} | {passes} |")  # fmt: skip
    print()
    print("2. The same with `columns: 2` (20 items)")
    for li_css in ("", "padding-bottom: 10px", "padding-bottom: 20px"):
        plain, _, _ = layout(document(20, li_css, ""))
        cols, passes, _ = layout(document(20, li_css, "columns: 2;"))
        print(f"   li `{li_css or 'none'}`: {plain * 1000:.1f} ms without columns, "
              f"{cols * 1000:.1f} ms with, {passes} column passes")  # fmt: skip
    print()
    print("3. Page break: 5 mm of content, then one line (10 mm) in a div with padding-bottom P,")
    print("   on a 30 mm page: the div's border box ends at 15 mm + P")
    for padding in (5, 8, 11, 14):
        html = (
            "<style>@page { size: 100mm 30mm; margin: 0 } body { margin: 0; font: 8mm/10mm"
            f" sans-serif }} div {{ padding-bottom: {padding}mm; background: #ccc }}"
            " section { height: 5mm }</style><section></section><div>One line</div>"
        )
        pages = len(weasyprint.HTML(string=html).render().pages)
        print(f"   P = {padding} mm: border box ends at {15 + padding} mm of 30 -> {pages} page(s)"
              f" (expected 1)")  # fmt: skip


if __name__ == "__main__":
    main()
