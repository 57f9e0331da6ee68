"""Print production: 3 mm bleed, crop marks outside it, and the PDF boxes print shops read.

WeasyPrint makes the MediaBox the CSS bleed area, the TrimBox the page, and draws crop marks in
the outer half of the CSS bleed. So the CSS bleed is set to the artwork's bleed plus a slug for
the marks (the marks then stay clear of artwork that runs into the bleed), and the BleedBox is
set here to the real 3 mm, which WeasyPrint would put at min(CSS bleed, 10 pt).
"""

from __future__ import annotations

from typing import Any

from guidepress.paper import BLEED_MM, PT_PER_MM


def bleed_box_finisher(document: Any, pdf: Any) -> None:
    """A WeasyPrint ``finisher``: every page's BleedBox at BLEED_MM around its TrimBox."""
    pages = [obj for obj in pdf.objects if isinstance(obj, dict) and obj.get("Type") == "/Page"]
    bleed = BLEED_MM * PT_PER_MM
    for page in pages:
        left, top, right, bottom = page["TrimBox"]
        page["BleedBox"][:] = [left - bleed, top - bleed, right + bleed, bottom + bleed]
