"""Imposition: a booklet's pages laid out for the printer, so a stack of sheets printed on both
sides (flipped on the short edge), folded in the middle and stapled reads in order.

Saddle stitching: with n pages (a multiple of 4), sheet side 2k carries pages n-2k and 2k+1
(left, right) and its back 2k+2 and n-2k-1: the outer sheet holds the covers, the inner one
the middle spread. Each page is placed whole, centred in its half of the sheet; on a sheet
twice its size (A4 pages on A3) it keeps its size, on a sheet of its own size (A4 on A4) it
is reduced to A5.
"""

from __future__ import annotations

import io

import pikepdf

from guidepress.errors import RenderError
from guidepress.paper import PT_PER_MM

#: Sheets the imposed file may use, in mm (portrait width, height).
SHEETS_MM = {"a3": (297.0, 420.0), "a4": (210.0, 297.0), "tabloid": (279.4, 431.8),
             "letter": (215.9, 279.4)}  # fmt: skip
#: The sheet twice a page's size, for each paper.
TWICE = {"a4": "a3", "letter": "tabloid"}


def saddle_order(pages: int) -> list[tuple[int, int]]:
    """(left, right) page numbers (from 1) of each side of the sheets, front then back."""
    if pages % 4:
        raise RenderError(f"a saddle-stitched booklet needs a multiple of 4 pages (it has {pages})")
    sides = []
    for k in range(pages // 4):
        sides.append((pages - 2 * k, 2 * k + 1))
        sides.append((2 * k + 2, pages - 2 * k - 1))
    return sides


def impose_saddle(pdf: bytes, sheet: str) -> bytes:
    """The pages of ``pdf`` two to a side of landscape ``sheet``s, in saddle-stitch order."""
    width, height = (side * PT_PER_MM for side in reversed(SHEETS_MM[sheet]))  # landscape
    with pikepdf.open(io.BytesIO(pdf)) as source, pikepdf.new() as imposed:
        pages = list(source.pages)
        for left, right in saddle_order(len(pages)):
            side = imposed.add_blank_page(page_size=(width, height))
            for half, number in ((0, left), (1, right)):
                page = pages[number - 1]
                form = imposed.copy_foreign(page.as_form_xobject())
                _, _, page_w, page_h = (float(v) for v in page.mediabox)
                scale = min(width / 2 / page_w, height / page_h)
                x = half * width / 2 + (width / 2 - page_w * scale) / 2
                y = (height - page_h * scale) / 2
                name = side.add_resource(form, pikepdf.Name.XObject, prefix="Pg")
                side.contents_add(
                    pikepdf.Stream(
                        imposed,
                        f"q {scale:.6f} 0 0 {scale:.6f} {x:.3f} {y:.3f} cm {name} Do Q\n".encode(),
                    )
                )
        imposed.docinfo["/Title"] = source.docinfo.get("/Title", "")
        imposed.docinfo["/Creator"] = "guidepress (saddle-stitch imposition)"
        out = io.BytesIO()
        imposed.save(
            out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate
        )
        return out.getvalue()
