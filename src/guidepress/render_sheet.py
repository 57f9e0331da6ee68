"""Stage 3 for the role sheet: a recruiter one-pager, rendered at a given scale for fitting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import segno

from guidepress import __version__, overlays
from guidepress.formatting import Formatter
from guidepress.labels import Labels, catalogue
from guidepress.models import Role
from guidepress.project import BrandKit
from guidepress.render_html import (
    Chart,
    RenderedHtml,
    key_facts,
    logo_data_url,
    render_template,
    salary_chart,
)
from guidepress.theme import Theme

SHEET_STYLES = ("base.css", "one-page.css", "sheet.css")
PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
#: Page margins of one-page outputs, in mm; the bottom one holds the footer with the QR code.
MARGIN_MM = 12.0
FOOTER_MM = 30.0
DEFAULT_PICKS = {
    "responsibilities": 5, "tech_skills": 5, "soft_skills": 4, "tech_stack": 8, "pros": 3,
    "cons": 3,
}  # fmt: skip

T = TypeVar("T")


@dataclass(frozen=True)
class SheetContext:
    """What sheet templates may use."""

    role: Role
    brand: BrandKit
    L: Labels
    fmt: Formatter
    locale: str
    paper: str
    edition: date
    scale: float
    measure: bool
    page_mm: tuple[float, float]
    margin_mm: float
    footer_mm: float
    logo: str | None
    summary: str
    facts: list[tuple[str, str]]
    salary_chart: Chart | None
    picks: dict[str, list[object]]
    qr: Chart | None
    qr_url: str | None
    print_marks: bool = False
    generator: str = f"guidepress {__version__}"
    untranslated: str | None = None  # the notice naming content still in the source language


def page_mm(paper: str, landscape: bool = False) -> tuple[float, float]:
    width, height = PAPER_MM[paper]
    return (height, width) if landscape else (width, height)


def usable_height_px(paper: str, landscape: bool = False, footer_mm: float = FOOTER_MM) -> float:
    """Height of the page area of a one-page output, in CSS px."""
    height = page_mm(paper, landscape)[1] - 2 * MARGIN_MM - footer_mm
    return height * 96 / 25.4


def picked(items: list[T], positions: list[int] | None, default: int) -> list[T]:
    """The items a sheet shows: the chosen 1-based positions, else the first ``default``."""
    if positions is None:
        return items[:default]
    return [items[p - 1] for p in positions if 0 < p <= len(items)]


def qr_chart(url: str, color: str, labels: Labels) -> Chart:
    """A vector QR code (segno) as an image whose alternative text names its target."""
    code = segno.make(url, error="m", micro=False)
    src = code.svg_data_uri(scale=4, border=0, dark=color, light=None, xmldecl=False)
    return Chart(src, labels.format("qr_alt", url=url))


def render_sheet(
    role: Role,
    brand: BrandKit,
    theme: Theme,
    *,
    locale: str,
    paper: str,
    edition: date,
    scale: float = 1.0,
    measure: bool = False,
    print_marks: bool = False,
) -> RenderedHtml:
    labels = catalogue(locale, theme.project_root)
    fmt = Formatter(locale, role.salary.currency if role.salary else "USD")
    url = role.url or brand.brand.url
    context = SheetContext(
        role=role,
        brand=brand,
        L=labels,
        fmt=fmt,
        locale=locale,
        paper=paper,
        edition=edition,
        scale=round(scale, 4),
        measure=measure,
        page_mm=page_mm(paper),
        margin_mm=MARGIN_MM,
        footer_mm=FOOTER_MM,
        logo=logo_data_url(brand),
        summary=role.sheet.summary or role.summary,
        facts=key_facts(role, labels, fmt),
        salary_chart=salary_chart(role, labels, fmt, brand, width=440),
        picks={
            name: picked(getattr(role, name), getattr(role.sheet, name), count)
            for name, count in DEFAULT_PICKS.items()
        },
        qr=qr_chart(url, brand.brand.colors.text, labels) if url else None,
        qr_url=url,
        print_marks=print_marks,
        untranslated=overlays.notice(role, labels, "sheet"),
    )
    html = render_template(theme, "sheet.html.j2", context)
    return RenderedHtml(html, [theme.style(name) for name in SHEET_STYLES])
