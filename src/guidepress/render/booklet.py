"""A booklet's contexts: its front (cover and contents), each chapter (one role's guide for the
booklet's audience, numbered on from the pages before it), its index of skills and tools, and
its end (designed pages that round the page count, the back cover).

Each piece is laid out as a document of its own (build/booklet.py), so a chapter that did not
change is not laid out again; the piece says which it is and what it needs to know of the
others (render/pieces.py): page numbers, the chapters for the contents, the index.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from guidepress.content.audiences import DEFAULT
from guidepress.content.brands import BrandKit
from guidepress.i18n.collation import initial
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.paper import page_mm
from guidepress.render.context import Options, PageContext, Subject, page_context, shared
from guidepress.render.cover import cover_art
from guidepress.render.figures import Chart, qr_chart
from guidepress.render.guide import QR_MM, GuideContext, guide_context
from guidepress.render.pieces import Piece, Term
from guidepress.theme.lookup import Theme

#: The designed pages that round a booklet's page count, in the order they are used.
PADS = ("shortlist", "questions", "notes")

#: The index's pages (styles/booklet.css, @page index and .index-*), in mm: three columns set
#: here, not by CSS columns (slow in WeasyPrint on a long list, docs/layout-costs.md). An
#: entry's height is estimated from its length, generously, so that a column never runs over.
INDEX_COLUMNS = 3
INDEX_MARGINS_MM = (40.0, 36.0)  # top and bottom, left and right
INDEX_GAP_MM = 6.0
INDEX_HEAD_MM = 32.0  # the title and the introduction on the first page
INDEX_SLACK_MM = 8.0  # the foot, and what the estimate may miss
LINE_MM = 4.1  # 8.6 pt at 1.35
ENTRY_MM = 0.6
INITIAL_MM = 2.2  # before an entry with a new initial
GROUP_MM = 14.0  # a group's heading ("Skills") with its rule
CHAR_MM = 1.5  # a character at 8.6 pt, a little wider than the mean
INDENT_MM = 3.0


@dataclass(frozen=True)
class IndexItem:
    """One item of an index column: a group heading (``pages`` empty) or an entry."""

    text: str
    pages: tuple[int, ...] = ()
    group: bool = False
    initial: bool = False  # an entry whose initial differs from the one before it
    sub: bool = False  # a sub-entry, set in under its head term
    head: bool = False  # a head term that its sub-entries follow

    def height(self, width_mm: float, top: bool) -> float:
        """Its estimated height in a column ``width_mm`` wide; ``top``: it opens the column."""
        if self.group:
            return GROUP_MM - (6.0 if top else 0.0)
        chars = len(self.text) + sum(len(str(p)) + 2 for p in self.pages) + 1
        indent = INDENT_MM if self.sub else 0.0
        first = int((width_mm - indent) / CHAR_MM)
        rest = int((width_mm - indent - INDENT_MM) / CHAR_MM)
        lines = 1 + math.ceil(max(0, chars - first) / rest)
        return lines * LINE_MM + ENTRY_MM + (INITIAL_MM if self.initial and not top else 0.0)


def index_pages(
    tools: tuple[Term, ...],
    skills: tuple[Term, ...],
    labels: Labels,
    paper: str,
    locale: str = "en",
) -> list[list[list[IndexItem]]]:
    """The index's items in pages of INDEX_COLUMNS columns, read down each column then across:
    as few pages as hold them, every column filled to its page's foot but the last page's,
    which share what is left about equally, a group's heading or a head term never last in a
    column, a head term's sub-entries in one column with it when they fit."""
    items: list[IndexItem] = []
    for key, terms in (("index_tools", tools), ("index_skills", skills)):
        if not terms:
            continue
        items.append(IndexItem(labels[key], group=True))
        letter = ""
        for term in terms:
            first = initial(term.text, locale)
            items.append(
                IndexItem(term.text, term.pages, initial=first != letter, head=bool(term.subs))
            )
            items += [IndexItem(sub.text, sub.pages, sub=True) for sub in term.subs]
            letter = first
    if not items:
        return []
    width, height = page_mm(paper)
    column = (width - INDEX_MARGINS_MM[1] - (INDEX_COLUMNS - 1) * INDEX_GAP_MM) / INDEX_COLUMNS
    room = height - INDEX_MARGINS_MM[0] - INDEX_SLACK_MM
    pages = 1
    while True:
        rooms = [room - INDEX_HEAD_MM] * INDEX_COLUMNS + [room] * INDEX_COLUMNS * (pages - 1)
        columns = _columns(items, rooms, column)
        if _fit(columns, rooms, column):
            break
        pages += 1
    # Every page's columns run to its foot; the last page's share what is left about equally
    # (not one full column beside two short ones).
    start = (pages - 1) * INDEX_COLUMNS
    rest = [item for found in columns[start:] for item in found]
    total = sum(item.height(column, False) for item in rest)
    share = min(1.0, total / sum(rooms[start:]))
    even = _columns(rest, [r * share for r in rooms[start:]], column)
    if _fit(even, rooms[start:], column):
        columns = columns[:start] + even
    columns += [[] for _ in range(len(rooms) - len(columns))]
    return [columns[n : n + INDEX_COLUMNS] for n in range(0, len(columns), INDEX_COLUMNS)]


def _columns(items: list[IndexItem], targets: list[float], width: float) -> list[list[IndexItem]]:
    """``items`` in columns of about ``targets`` height each (the last takes what is left):
    a head term goes to the next column with its sub-entries rather than leave them."""
    columns: list[list[IndexItem]] = [[]]
    for n, item in enumerate(items):
        current = columns[-1]
        full = current and len(columns) < len(targets)
        block = [item]
        if item.head:
            block += list(itertools.takewhile(lambda i: i.sub, items[n + 1 :]))
        if full and _height([*current, *block], width) > targets[len(columns) - 1]:
            if current[-1].group or current[-1].head:  # a heading goes with what it heads
                columns[-1] = current[:-1]
                columns.append([current[-1]])
            else:
                columns.append([])
        columns[-1].append(item)
    return columns


def _fit(columns: list[list[IndexItem]], rooms: list[float], width: float) -> bool:
    """Whether ``columns`` are as many as ``rooms`` at most, each within its room."""
    return len(columns) <= len(rooms) and all(
        _height(c, width) <= r for c, r in zip(columns, rooms, strict=False)
    )


def _height(column: list[IndexItem], width: float) -> float:
    return sum(item.height(width, n == 0) for n, item in enumerate(column))


@dataclass(frozen=True, kw_only=True)
class FrontContext(PageContext):
    """The cover and the contents."""

    piece: Piece
    audience: str  # the cover's line saying who the booklet is for
    cover_art: str
    pay_range: str | None = None  # the lowest and highest median pay of its roles


@dataclass(frozen=True, kw_only=True)
class BackContext(PageContext):
    """The index; or the designed pages and the back cover (partials/back_cover.html.j2)."""

    piece: Piece
    pads: list[str]  # names of PADS, one per page
    index: list[list[list[IndexItem]]] = field(default_factory=list)  # pages of columns
    related: list[object] = field(default_factory=list)  # the guide's back cover has some
    booking: Chart | None = None
    next_steps: bool = True


@dataclass(frozen=True, kw_only=True)
class ChapterContext(GuideContext):
    """One role's guide as a chapter."""

    piece: Piece


def pay_range(piece: Piece, labels: Labels, locale: str) -> str | None:
    """The range of the roles' median pay ("$58,000–$104,920"), in the currency most of them
    are paid in; None when fewer than two roles give one."""
    medians = [
        (c.currency, c.median) for c in piece.chapters if c.median is not None and c.currency
    ]
    if len(medians) < 2:
        return None
    currencies = [currency for currency, _ in medians if currency]
    currency = max(sorted(set(currencies)), key=currencies.count)
    values = sorted(value for cur, value in medians if cur == currency and value is not None)
    money = Formatter(locale, currency).money
    low, high = money(values[0]), money(values[-1])
    return low if low == high else labels.format("range_short", low=low, high=high)


def booklet_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> PageContext:
    """The context of the piece ``subject.booklet`` says."""
    piece = subject.booklet
    if piece is None:
        raise ValueError("a booklet is laid out piece by piece: the subject names the piece")
    reader = options.audience
    if piece.part == "chapter":
        guide = guide_context(subject, brand, theme, options)
        return ChapterContext(**vars(guide), piece=piece)
    page = page_context(brand, theme, options, "USD")
    if piece.part == "front":
        colors = brand.brand.colors
        settings = reader.settings if reader else None
        whose = reader.label_name if reader else DEFAULT
        return FrontContext(
            **shared(page),
            piece=piece,
            audience=(settings and settings.cover) or page.L[f"cover_{whose}"],
            pay_range=pay_range(piece, page.L, options.locale),
            cover_art=cover_art(
                5,
                None,
                colors.primary,
                colors.accent,
                colors.background,
                centered=brand.brand.logo_position == "center",
            ),
        )
    office = brand.brand.office
    return BackContext(
        **shared(page),
        piece=piece,
        pads=[PADS[min(n, len(PADS) - 1)] for n in range(piece.pads)],
        booking=(
            qr_chart(office.booking_url, brand.brand.colors.text, page.L, QR_MM)
            if office.booking_url
            else None
        ),
        next_steps=reader is None or reader.prints("back-cover"),
        index=index_pages(piece.tools, piece.skills, page.L, options.paper, options.locale)
        if piece.part == "index"
        else [],
    )
