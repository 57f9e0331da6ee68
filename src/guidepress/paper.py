"""Paper: the sheet sizes guidepress prints on, and the bleed print shops trim off."""

from __future__ import annotations

#: Sheet sizes in mm, portrait (width, height).
PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
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
