"""Paper: the sheet sizes guidepress prints on, and the bleed print shops trim off."""

from __future__ import annotations

#: Sheet sizes in mm, portrait (width, height). A3 and Tabloid (11 x 17 in) are for comparison
#: sheets of four roles, which do not fit A4 or Letter at a readable type size.
PAPER_MM = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
    "a3": (297.0, 420.0),
    "tabloid": (279.4, 431.8),
}
#: What each paper is called on paper and in messages.
PAPER_NAMES = {"a4": "A4", "letter": "Letter", "a3": "A3", "tabloid": "Tabloid"}
#: How far artwork runs past the trim, and how far the sheet extends for the crop marks.
BLEED_MM = 3.0
SLUG_MM = 8.0
PT_PER_MM = 72 / 25.4
#: Page images: 96 dpi draws one CSS pixel as one image pixel.
DEFAULT_DPI = 96


def page_mm(paper: str, landscape: bool = False) -> tuple[float, float]:
    """(width, height) of ``paper`` in mm."""
    width, height = PAPER_MM[paper]
    return (height, width) if landscape else (width, height)


def css_size(paper: str, landscape: bool = False) -> str:
    """``paper`` as a CSS page size: ``210mm 297mm``."""
    width, height = page_mm(paper, landscape)
    return f"{width:g}mm {height:g}mm"
