"""What the catalogue shows (build/catalogue.py gathers it from the manifest, render/catalogue.py
prints it): a card per role with its facts, its first page and a link to each built output, and
the booklets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """One built output, as a link: where it is (relative to the catalogue page), what it is."""

    href: str
    kind: str  # the output kind's name
    #: What tells it from the others' (axis, value): its brand, locale, audience, ... where they
    #: are not the project's defaults.
    options: tuple[tuple[str, str], ...]
    format: str
    pages: int | None
    bytes: int | None
    title: str | None = None  # a comparison's or booklet's own title
    brand: str | None = None  # the brand kit it is printed under
    audience: str | None = None  # the audience it is for (the page's edition filter)
    imposed: str | None = None  # a booklet's imposed file for the printer


@dataclass(frozen=True)
class Card:
    """One role in the catalogue."""

    slug: str
    title: str
    summary: str
    alt_titles: tuple[str, ...]
    median: float | None  # for sorting: the median pay
    currency: str | None
    area: str | None  # where the median is official pay (a regional project's default region)
    growth: float | None
    demand: int | None  # 0 (Low) to 3 (Very High)
    remote: bool | None
    words: str  # everything the search box looks in, lower case
    thumbnail: str | None  # its guide's first page (relative to the catalogue page)
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Shelf:
    """Everything on the catalogue page."""

    cards: tuple[Card, ...]
    booklets: tuple[Link, ...] = ()
    fonts: tuple[tuple[str, str, int, str], ...] = ()  # (family, href, weight, style)
    brands: dict[str, str] = field(default_factory=dict)  # brand kit -> the organisation's name
    audiences: dict[str, str | None] = field(default_factory=dict)  # name -> its own title
