"""Stage 4: HTML in, PDF bytes out (WeasyPrint), fetching only from allowed folders."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from guidepress.errors import RenderError

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
#: Tagged PDF/UA-1 unless the user asks for another variant (``--pdf-variant``).
DEFAULT_PDF_VARIANT = "pdf/ua-1"


class AllowListFetcher(URLFetcher):  # type: ignore[misc]
    """Serves data: URLs and files under the allowed folders; everything else is refused."""

    def __init__(self, roots: Sequence[Path]) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes())
        self.refused.append(url)
        raise ValueError(f"guidepress refuses to fetch {url}")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_STYLESHEETS: dict[tuple[Path, float], weasyprint.CSS] = {}
_FONTS: list[FontConfiguration] = []


def _font_config() -> FontConfiguration:
    # One font configuration per process: @font-face files are loaded once, not per document.
    if not _FONTS:
        _FONTS.append(FontConfiguration())
    return _FONTS[0]


def _stylesheet(path: Path, fetcher: AllowListFetcher) -> weasyprint.CSS:
    # Parsing a stylesheet costs more than most documents' text; reuse it across outputs.
    key = (path, path.stat().st_mtime)
    if key not in _STYLESHEETS:
        _STYLESHEETS[key] = weasyprint.CSS(
            filename=str(path), url_fetcher=fetcher, font_config=_font_config()
        )
    return _STYLESHEETS[key]


@dataclass
class Layout:
    """A laid-out document, kept so it can be measured before it is written."""

    document: Any
    fetcher: AllowListFetcher
    messages: list[str]

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    def anchor_bottom(self, name: str) -> tuple[int, float] | None:
        """(page index, bottom edge in CSS px) of the element with id ``name``."""
        for index, page in enumerate(self.document.pages):
            if name in page.anchors:
                rect = page.anchors[name]
                return index, float(rect[3] if len(rect) > 3 else rect[1])
        return None


def layout(html: str, stylesheets: Sequence[Path], *, allowed: Sequence[Path]) -> Layout:
    """Lay out ``html``; resources outside ``allowed`` and the stylesheets' folders are refused."""
    fetcher = AllowListFetcher([*allowed, *(p.parent for p in stylesheets)])
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html, base_url=str(allowed[0]), url_fetcher=fetcher)
        css = [_stylesheet(path, fetcher) for path in stylesheets]
        rendered = document.render(stylesheets=css, font_config=_font_config())
    finally:
        logger.removeHandler(collect)
    return Layout(rendered, fetcher, collect.messages)


def pdf_variants() -> list[str]:
    """The variants ``--pdf-variant`` accepts: WeasyPrint's PDF/A, PDF/UA and PDF/X ones."""
    from weasyprint.pdf import VARIANTS

    return sorted(name for name in VARIANTS if name.startswith("pdf/"))


def write_pdf(laid: Layout, *, identifier: str, pdf_variant: str | None = None) -> bytes:
    """The PDF bytes of a layout; fails when any resource was blocked or missing."""
    if laid.fetcher.refused:
        raise RenderError(f"blocked resource: {laid.fetcher.refused[0]}")
    missing = [m for m in laid.messages if "Failed to load" in m]
    if missing:
        raise RenderError(missing[0])
    pdf: bytes = laid.document.write_pdf(
        pdf_identifier=hashlib.sha256(identifier.encode()).hexdigest()[:32].encode(),
        pdf_variant=pdf_variant or DEFAULT_PDF_VARIANT,
        pdf_tags=True,
    )
    return pdf


def render_pdf(
    html: str,
    stylesheets: Sequence[Path],
    *,
    allowed: Sequence[Path],
    identifier: str,
    pdf_variant: str | None = None,
) -> tuple[bytes, int]:
    """Lay out ``html`` and return the PDF bytes and the page count."""
    laid = layout(html, stylesheets, allowed=allowed)
    return write_pdf(laid, identifier=identifier, pdf_variant=pdf_variant), laid.pages
