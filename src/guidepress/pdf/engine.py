"""The engine: HTML in, laid-out pages and PDF bytes out (WeasyPrint), fetching only what the
allow-list serves. With the fetcher and the preflight, the only code that imports WeasyPrint or
pikepdf: nothing outside guidepress.pdf does.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from guidepress.errors import RenderError
from guidepress.pdf import langtags  # noqa: F401  (tags each element's language: see there)
from guidepress.pdf.fetcher import AllowListFetcher, refusal, short_url
from guidepress.pdf.fit import Box
from guidepress.pdf.heads import drop_heads_above_parts
from guidepress.pdf.print_marks import bleed_box_finisher
from guidepress.pdf.variants import DEFAULT_PDF_VARIANT

#: The layout engine and its version: a new one may lay the same HTML out differently.
ENGINE = f"WeasyPrint {weasyprint.__version__}"


class _Collect(logging.Handler):
    """WeasyPrint's log: errors (``messages``) and warnings (CSS it ignored) apart."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = self.messages if record.levelno >= logging.ERROR else self.warnings
        found.append(record.getMessage())


@dataclass(frozen=True)
class _Parsed:
    """A parsed stylesheet and what its parse said: kept with it, so that every output using
    it has them, not only the first."""

    css: weasyprint.CSS
    refusals: list[str]  # what its @import and @font-face were refused
    messages: list[str]  # WeasyPrint's errors (a font file that failed to load)
    warnings: list[str]  # CSS it ignored


_STYLESHEETS: dict[tuple[Path, float, tuple[Path, ...]], _Parsed] = {}
_FONTS: list[FontConfiguration] = []
_OWNER: list[int] = []  # the process the caches above belong to


def _font_config() -> FontConfiguration:
    # One font configuration per process: @font-face files are loaded once, not per document.
    if [os.getpid()] != _OWNER:
        _OWNER[:] = [os.getpid()]
        if _FONTS:  # a forked worker: keep what the parent prepared (prepare())
            _own_folder(_FONTS[0])
    if not _FONTS:
        _FONTS.append(FontConfiguration())
        _own_folder(_FONTS[0])
    return _FONTS[0]


def _own_folder(config: FontConfiguration) -> None:
    """Give ``config`` a font folder of this process's own, removed when the process ends.

    WeasyPrint writes each @font-face file into the configuration's temporary folder and skips
    registering any face whose file is already there. A forked worker sharing its parent's folder
    would therefore skip a brand font another worker wrote, and never register it: each process
    gets its own folder, holding links to the faces the parent registered before the fork (the
    configuration it inherited knows those). WeasyPrint removes the folder only when the
    configuration is collected, which a pool's worker never does: removed at exit instead.
    """
    inherited: Path | None = getattr(config, "_folder", None)
    own = Path(tempfile.mkdtemp(prefix="weasyprint-"))
    if inherited is not None and inherited.is_dir():
        for face in inherited.iterdir():
            (own / face.name).symlink_to(face)
    config._folder = own
    # multiprocessing runs these at the exit of its workers (which skip atexit) and, through
    # atexit, of the main process; a fork starts with none of its parent's.
    Finalize(None, shutil.rmtree, args=(own,), kwargs={"ignore_errors": True}, exitpriority=0)


def prepare(stylesheets: Sequence[Path], *, allowed: Sequence[Path]) -> None:
    """Make this process's font configuration and parse ``stylesheets`` (with their
    @font-face files) for documents laid out with ``allowed``, as layout() would: a parent
    does it once before forking its workers, who then start with them."""
    roots = _outermost([*allowed, *(p.parent for p in stylesheets)])
    _font_config()
    for path in stylesheets:
        _stylesheet(path, roots)


def _stylesheet(path: Path, roots: Sequence[Path]) -> _Parsed:
    """A stylesheet parsed, with what its parse said."""
    # Parsing a stylesheet costs more than most documents' text; reuse it across outputs.
    key = (path, path.stat().st_mtime, tuple(roots))
    if key not in _STYLESHEETS:
        fetcher = AllowListFetcher(roots)
        collect = _Collect()
        logger = logging.getLogger("weasyprint")
        logger.addHandler(collect)
        try:
            css = weasyprint.CSS(
                filename=str(path), url_fetcher=fetcher, font_config=_font_config()
            )
        finally:
            logger.removeHandler(collect)
        where = f"{path.parent.name}/{path.name}"
        refused = zip(fetcher.refused, fetcher.reasons, strict=True)
        _STYLESHEETS[key] = _Parsed(
            css,
            [refusal(url, why, f" in {where}") for url, why in refused],
            collect.messages,
            [f"{where}: {message}" for message in collect.warnings],
        )
    return _STYLESHEETS[key]


@dataclass
class Layout:
    """A laid-out document, kept so it can be measured before it is written, and its source
    (the parsed HTML and stylesheets), so it can be changed and laid out again."""

    document: Any
    fetcher: AllowListFetcher
    messages: list[str]
    stylesheet_refusals: list[str] = field(default_factory=list)
    #: WeasyPrint's warnings: CSS it ignored, in the stylesheets (on every layout that uses
    #: them, parsed once or not) and in the document.
    warnings: list[str] = field(default_factory=list)
    source: Any = None  # the weasyprint.HTML, its tree editable before a relayout
    css: list[Any] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    def boxes(self, prefix: str) -> dict[str, list[Box]]:
        """The border boxes of the elements whose id starts with ``prefix``, by id without the
        prefix: one per page an element is on, in page order."""
        found: dict[str, list[Box]] = {}
        for index, page in enumerate(self.document.pages):
            for name, rect in page.anchors.items():
                if name.startswith(prefix):
                    box = Box(index, *(float(v) for v in rect[:4]))
                    found.setdefault(name.removeprefix(prefix), []).append(box)
        return found


def _collect_discarded() -> None:
    """Free the layouts a document discarded, when the collector is paused (build/workers.py
    pauses it while a document is made): a laid-out document is garbage in reference cycles
    (WeasyPrint's computed styles, which hold its Pango layouts), so each layout the paginator
    or a booklet's pieces left would stay, 15-20 MB of a guide's, until the document is done.
    Little else is collectable then: the collection costs 10-50 ms."""
    if not gc.isenabled():
        gc.collect()


def layout(html: str, stylesheets: Sequence[Path], *, allowed: Sequence[Path]) -> Layout:
    """Lay out ``html``; resources outside ``allowed`` and the stylesheets' folders are refused."""
    _collect_discarded()
    roots = _outermost([*allowed, *(p.parent for p in stylesheets)])
    fetcher = AllowListFetcher(roots)
    font_config = _font_config()
    parsed = [_stylesheet(path, roots) for path in stylesheets]
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html, base_url=str(allowed[0]), url_fetcher=fetcher)
        css = [sheet.css for sheet in parsed]
        rendered = document.render(stylesheets=css, font_config=font_config)
    finally:
        logger.removeHandler(collect)
    return Layout(
        rendered,
        fetcher,
        [m for sheet in parsed for m in sheet.messages] + collect.messages,
        [r for sheet in parsed for r in sheet.refusals],
        [w for sheet in parsed for w in sheet.warnings] + collect.warnings,
        document,
        css,
    )


def relayout(laid: Layout) -> Layout:
    """Lay ``laid``'s source out again, after its tree was changed (pdf/paginate.py)."""
    _collect_discarded()
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        rendered = laid.source.render(stylesheets=laid.css, font_config=_font_config())
    finally:
        logger.removeHandler(collect)
    return replace(
        laid,
        document=rendered,
        messages=laid.messages + collect.messages,
        warnings=laid.warnings + collect.warnings,
    )


def write_pdf(
    laid: Layout, *, identifier: str, pdf_variant: str | None = None, print_marks: bool = False
) -> bytes:
    """The PDF bytes of a layout; fails when any resource was blocked or missing.
    ``print_marks``: the layout has bleed and crop marks; set its BleedBox for print shops."""
    _check(laid)
    _collect_discarded()
    attached = _attachments(laid.document)
    if attached:
        raise RenderError(f"file attachments are not allowed ({attached[0]})")
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)

    def finish(document: Any, pdf: Any) -> None:
        _custom_info(document, pdf)
        if print_marks:
            bleed_box_finisher(document, pdf)

    drop_heads_above_parts(laid.document)  # no running head above a part's title
    try:
        pdf: bytes = laid.document.write_pdf(
            pdf_identifier=hashlib.sha256(identifier.encode()).hexdigest()[:32].encode(),
            pdf_variant=pdf_variant or DEFAULT_PDF_VARIANT,
            pdf_tags=True,
            finisher=finish,
        )
    finally:
        logger.removeHandler(collect)
    # Drawing can fetch too (an <image> inside an SVG): whatever it was refused fails the output.
    laid.messages += collect.messages
    _check(laid)
    return pdf


def _custom_info(document: Any, pdf: Any) -> None:
    """The document's own ``<meta name="...">`` (a guide's source file, completeness, repairs) as
    document information entries, named in the PDF's manner: ``source-file`` -> ``/SourceFile``.
    (WeasyPrint's own option would keep the HTML's lower-case names.)"""
    for name, value in document.metadata.custom.items():
        key = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name))
        if key:
            pdf.info[key] = pydyf.String(value)


def _outermost(folders: Sequence[Path]) -> list[Path]:
    # A brand folder lies inside content/: dropping it keeps the stylesheet cache key (and so one
    # parsed stylesheet) the same for every brand.
    resolved = sorted({folder.resolve() for folder in folders})
    return [f for f in resolved if not any(f != o and f.is_relative_to(o) for o in resolved)]


def _check(laid: Layout) -> None:
    if laid.stylesheet_refusals:
        raise RenderError(laid.stylesheet_refusals[0])
    if laid.fetcher.refused:
        raise RenderError(refusal(laid.fetcher.refused[0], laid.fetcher.reasons[0]))
    failed = [m for m in laid.messages if "Failed to load" in m]
    if failed:
        raise RenderError(_shorten_urls(failed[0]))


def _attachments(document: Any) -> list[str]:
    """What ``<link rel=attachment>`` and ``<a rel=attachment>`` would embed in the PDF."""
    found = [
        f"<a rel=attachment href={short_url(target)}>"
        for page in document.pages
        for kind, target, *_ in page.links
        if kind == "attachment"
    ]
    found += ["<link rel=attachment>"] * len(document.metadata.attachments)
    return found


def _shorten_urls(message: str) -> str:
    return re.sub(r"data:[^\s'\"]+", lambda m: short_url(m.group()), message)


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
