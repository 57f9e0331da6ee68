"""What every output kind renders from: the subject, the options, and the shared page context."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from guidepress import __version__
from guidepress.content.brands import BrandKit
from guidepress.content.models import Comparison, Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels, catalogue
from guidepress.paper import page_mm
from guidepress.paydata import OnetTitle, PayFigures
from guidepress.render.figures import logo_data_url
from guidepress.theme.lookup import Theme


@dataclass(frozen=True)
class Official:
    """A role's official pay in a regional edition, as the build looked it up (the renderer
    never opens the store): the figures, and the O*NET occupation when the role names one."""

    figures: PayFigures
    onet: OnetTitle | None = None


@dataclass(frozen=True)
class Subject:
    """What one output is about: one role, or a comparison of roles (as printed in its locale).
    A regional edition carries each role's official pay, in the order of ``roles``."""

    name: str  # the role's slug, or the comparison's name
    roles: tuple[Role, ...]
    comparison: Comparison | None = None
    official: tuple[Official, ...] = ()

    @property
    def role(self) -> Role:
        return self.roles[0]


@dataclass(frozen=True)
class Options:
    """How one output is rendered: its locale, paper and edition, and for fitting, its scale."""

    locale: str
    paper: str
    edition: date
    print_marks: bool = False
    scale: float = 1.0  # one-page kinds: type and spacing scale, tried by fitting
    measure: bool = False  # one-page kinds: lay out on one tall page to measure the content


@dataclass(frozen=True)
class RenderedHtml:
    """The HTML of one output and the stylesheets that lay it out (in cascade order)."""

    html: str
    stylesheets: list[Path]


@dataclass(frozen=True, kw_only=True)
class PageContext:
    """The fields every kind's templates use, as ``ctx.<name>``; each kind adds its own."""

    brand: BrandKit
    L: Labels
    fmt: Formatter
    locale: str
    paper: str
    edition: date
    logo: str | None
    print_marks: bool = False
    generator: str = f"guidepress {__version__}"
    untranslated: str | None = None  # the notice naming content still in the source language


#: Page margins of one-page outputs, in mm (the footer band comes on top of the bottom one).
ONE_PAGE_MARGIN_MM = 12.0


@dataclass(frozen=True)
class OnePage:
    """How a one-page kind is fitted on its page."""

    footer_mm: float  # the band at the foot of the page that the content must leave free
    first_scale: float  # the typical scale, tried first (typical content fits at about this)
    floor: float = 0.80  # the smallest scale allowed: 80 % of the designed type size
    margin_mm: float = ONE_PAGE_MARGIN_MM

    def room_px(self, paper: str, landscape: bool = False) -> float:
        """Height of the page area the content may fill, in CSS px."""
        height = page_mm(paper, landscape)[1] - 2 * self.margin_mm - self.footer_mm
        return height * 96 / 25.4  # mm to CSS px


@dataclass(frozen=True, kw_only=True)
class OnePageContext(PageContext):
    """The fields of a one-page kind: the page box it is fitted into and the scale tried."""

    scale: float
    measure: bool
    page_mm: tuple[float, float]
    margin_mm: float
    footer_mm: float


def page_context(brand: BrandKit, theme: Theme, options: Options, currency: str) -> PageContext:
    """The shared fields of an output: labels for its locale, a formatter for its currency, the
    brand's logo, and the options."""
    return PageContext(
        brand=brand,
        L=catalogue(options.locale, theme.project_root),
        fmt=Formatter(options.locale, currency),
        locale=options.locale,
        paper=options.paper,
        edition=options.edition,
        logo=logo_data_url(brand),
        print_marks=options.print_marks,
    )


def shared(page: PageContext, **more: Any) -> dict[str, Any]:
    """``page``'s fields and ``more``: ``GuideContext(**shared(page, ...), role=...)``."""
    return {f.name: getattr(page, f.name) for f in fields(PageContext)} | more
