"""What every output kind renders from: the subject, the options, and the shared page context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from guidepress import __version__
from guidepress.content.audiences import Audience
from guidepress.content.brands import BrandKit
from guidepress.content.models import Comparison, Role
from guidepress.content.models.config import Config
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels, catalogue, same_language
from guidepress.paper import page_mm
from guidepress.paydata import OnetTitle, PayFigures
from guidepress.render.figures import logo_data_url, logo_min_height_mm
from guidepress.render.pieces import Piece
from guidepress.render.shelf import Shelf
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
    booklet: Piece | None = None  # a booklet's: the piece laid out (render/booklet.py)
    catalogue: Shelf | None = None  # the catalogue's: what it lists (build/catalogue.py)

    @property
    def role(self) -> Role:
        return self.roles[0]


@dataclass(frozen=True)
class Options:
    """How one output is rendered: its locale, paper and edition, the project's settings, and
    for fitting, the content level and type scale tried."""

    locale: str
    paper: str
    edition: date
    print_marks: bool = False
    audience: Audience | None = None  # who the document is for (content/audiences.py)
    config: Config = field(default_factory=Config)  # the project's: benchmarks, sheet settings
    level: int = 0  # one-page kinds: how much content is left out (0: none), tried by fitting
    scale: float = 1.0  # one-page kinds: type and spacing scale, tried by fitting


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
    footer: str  # the brand's footer (or name), in the output's language where it has one
    disclaimer: str  # the brand's disclaimer in the output's language, else the built-in one
    print_marks: bool = False
    generator: str = f"guidepress {__version__}"
    untranslated: str | None = None  # the notice naming content still in the source language
    #: A U.S. edition (regional: its pay is BLS's): its English is tagged en-US, which WeasyPrint
    #: hyphenates with pyphen's en_US; plain "en" is pyphen's British dictionary ("mitig-ate").
    us_edition: bool = False

    def tag(self, code: str) -> str:
        """The language tag printed for the locale ``code`` (``en``, ``de_DE``) in this edition."""
        tag = code.replace("_", "-")
        return "en-US" if self.us_edition and tag == "en" else tag

    @property
    def data_lang(self) -> Markup:
        """`` lang="en"`` (``en-US`` in a U.S. edition) in an edition in another language, for the
        official data's English words (the occupation's title as BLS publishes it, O*NET's
        licence notice); nothing in an English edition."""
        if same_language(self.locale, "en"):
            return Markup("")
        return Markup(f' lang="{self.tag("en")}"')


#: Page margins of one-page outputs, in mm (the footer band comes on top of the bottom one).
ONE_PAGE_MARGIN_MM = 10.0
#: One-page type: the root size every rem follows, at scale 1.0. Body text is 1 rem and the
#: smallest label 0.78 rem, so the floor scale 0.9 keeps body at 9 pt and labels above 7 pt.
ONE_PAGE_ROOT_PT = 10.0
#: One-page logos print this tall, or taller where the logo's own smallest text (an SVG logo's
#: subtitle) would print below LOGO_TEXT_PT.
LOGO_MM, LOGO_TEXT_PT = 8.5, 7.2


def one_page_logo_mm(brand: BrandKit) -> float:
    """How tall a one-page header prints the brand's logo."""
    return round(max(LOGO_MM, logo_min_height_mm(brand, LOGO_TEXT_PT)), 2)


@dataclass(frozen=True)
class OnePage:
    """How a one-page kind is fitted on its page: by leaving content out, level by level
    (``levels(subject)``: for each level, how many items each shortenable list shows, and
    ``scales``: the type scale of each), then by scaling type and spacing down to ``floor``; on
    a big sheet where everything fits, type grows up to its ceiling."""

    footer_mm: float  # the band at the foot of the page that the content must leave free
    levels: Callable[[Subject], list[dict[str, int]]]
    scales: tuple[float, ...]  # the type scale of each level
    floor: float = 0.90  # the smallest scale: body 9 pt, labels 7 pt
    #: How far type may grow on papers with room to spare (big sheets), by paper.
    ceilings: dict[str, float] = field(default_factory=dict)
    margin_mm: float = ONE_PAGE_MARGIN_MM

    def room_px(self, paper: str, landscape: bool = False) -> float:
        """Height of the page area the content may fill, in CSS px."""
        height = page_mm(paper, landscape)[1] - 2 * self.margin_mm - self.footer_mm
        return height * 96 / 25.4  # mm to CSS px


@dataclass(frozen=True, kw_only=True)
class OnePageContext(PageContext):
    """The fields of a one-page kind: the page box it is fitted into, and the level and scale
    tried."""

    level: int
    scale: float
    page_mm: tuple[float, float]
    margin_mm: float
    footer_mm: float
    logo_mm: float

    @property
    def content_mm(self) -> float:
        """Width of the page's content area."""
        return self.page_mm[0] - 2 * self.margin_mm


def page_context(brand: BrandKit, theme: Theme, options: Options, currency: str) -> PageContext:
    """The shared fields of an output: labels for its locale, a formatter for its currency, the
    brand's logo and words in its language, and the options."""
    labels = catalogue(options.locale, theme.project_root)
    return PageContext(
        brand=brand,
        L=labels,
        fmt=Formatter(options.locale, currency),
        locale=options.locale,
        paper=options.paper,
        edition=options.edition,
        logo=logo_data_url(brand),
        footer=brand.text("footer", options.locale) or brand.brand.footer or brand.brand.name,
        disclaimer=brand.text("disclaimer", options.locale) or labels.disclaimer,
        print_marks=options.print_marks,
    )


def shared(page: PageContext, **more: Any) -> dict[str, Any]:
    """``page``'s fields and ``more``: ``GuideContext(**shared(page, ...), role=...)``."""
    return {f.name: getattr(page, f.name) for f in fields(PageContext)} | more
