"""Page images: PNG pictures of a PDF's pages, rasterised from the PDF itself with pypdfium2.

Why pypdfium2: it is PDFium (the PDF engine of Chromium) in one self-contained wheel with no
dependencies, so the pictures show what a reader's viewer shows of the very bytes that are
printed, not a second rendering of the HTML. Pillow (a WeasyPrint dependency) writes the PNGs.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2

from guidepress.errors import RenderError
from guidepress.paper import DEFAULT_DPI

THUMBNAIL_WIDTH = 240  # px: a catalogue card or a README table cell
#: The largest bitmap side allowed, so that a typo like --dpi 30000 fails instead of eating RAM.
MAX_SIDE = 20_000


def page_images(pdf: bytes, dpi: float = DEFAULT_DPI) -> list[bytes]:
    """One PNG per page of ``pdf``, at ``dpi`` (96: one CSS pixel per image pixel)."""
    with _document(pdf) as document:
        return [_png(page, dpi / 72) for page in document]


def thumbnail(pdf: bytes, width: int = THUMBNAIL_WIDTH) -> bytes:
    """A PNG of the first page of ``pdf``, ``width`` pixels wide."""
    with _document(pdf) as document:
        page = document[0]
        return _png(page, width / page.get_width())


@contextmanager
def _document(pdf: bytes) -> Iterator[Any]:
    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        raise RenderError(f"cannot read the PDF to draw its pages ({exc})") from None
    try:
        yield document
    finally:
        document.close()


def _png(page: Any, scale: float) -> bytes:
    width, height = page.get_size()
    if max(width, height) * scale > MAX_SIDE:
        raise RenderError(
            f"page image would be {round(width * scale)} x {round(height * scale)} px, "
            f"more than {MAX_SIDE} px a side: use a lower --dpi"
        )
    bitmap = page.render(scale=scale, may_draw_forms=False)
    try:
        image = bitmap.to_pil()
        out = io.BytesIO()
        # No metadata and a fixed compression level: the same page gives the same bytes.
        image.save(out, format="PNG", optimize=False, compress_level=6)
        return out.getvalue()
    finally:
        bitmap.close()
        page.close()
