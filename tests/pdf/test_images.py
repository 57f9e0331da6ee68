"""Page images are drawn from the PDF itself: one PNG per page, at the asked resolution, the
same bytes every time; a thumbnail is the first page, 240 px wide."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from guidepress.errors import RenderError
from guidepress.pdf.images import page_images, thumbnail

pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def sheet_pdf(seed_sheets: tuple[Path, list[dict[str, Any]]]) -> bytes:
    out, entries = seed_sheets
    return (out / entries[0]["path"]).read_bytes()


def test_a_page_at_96_dpi_has_one_pixel_per_css_pixel(sheet_pdf: bytes) -> None:
    (png,) = page_images(sheet_pdf)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (794, 1123)  # A4: 210 x 297 mm at 96 px per inch
    # Drawn, not blank: the page has dark type on a light ground.
    low, high = image.convert("L").getextrema()
    assert low < 60 and high > 240


def test_the_resolution_scales_the_image_and_the_bytes_repeat(sheet_pdf: bytes) -> None:
    (png,) = page_images(sheet_pdf, dpi=48)
    assert Image.open(io.BytesIO(png)).size == (397, 562)  # 396.9 x 561.3, rounded up by PDFium
    assert page_images(sheet_pdf, dpi=48) == [png]


def test_one_image_per_page(seed_guides: Path) -> None:
    pdf = next(seed_guides.glob("guides/*.pdf")).read_bytes()
    from pypdf import PdfReader

    assert len(page_images(pdf, dpi=20)) == len(PdfReader(io.BytesIO(pdf)).pages)


def test_a_thumbnail_is_the_first_page_240_px_wide(sheet_pdf: bytes) -> None:
    image = Image.open(io.BytesIO(thumbnail(sheet_pdf)))
    assert image.size == (240, 340)


def test_an_unreadable_pdf_and_a_huge_resolution_are_refused(sheet_pdf: bytes) -> None:
    with pytest.raises(RenderError, match=r"^cannot read the PDF to draw its pages \("):
        page_images(b"%PDF-1.7 not really")
    with pytest.raises(RenderError) as caught:
        page_images(sheet_pdf, dpi=6000)
    assert str(caught.value) == (
        "page image would be 49606 x 70157 px, more than 20000 px a side: use a lower --dpi"
    )
