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
import re
from dataclasses import dataclass, field

from guidepress.content.audiences import DEFAULT
from guidepress.content.brands import BrandKit
from guidepress.i18n.collation import initial
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.paper import page_mm
from guidepress.paydata import ONET_CREDIT
from guidepress.render.charts import PT_PER_MM
from guidepress.render.context import Options, PageContext, Subject, page_context, shared
from guidepress.render.cover import cover_art
from guidepress.render.figures import Chart, qr_chart
from guidepress.render.guide import QR_MM, GuideContext, guide_context
from guidepress.render.pieces import Piece, Term
from guidepress.render.typefaces import Face, face_of
from guidepress.theme.lookup import Theme

#: The designed pages that round a booklet's page count, in the order they are used.
PADS = ("shortlist", "questions", "notes")

#: The index's pages (styles/booklet.css, @page index and .index-*), in mm: three columns set
#: here, not by CSS columns (slow in WeasyPrint on a long list, docs/layout-costs.md). An
#: entry's lines are found as the browser breaks them, from the face's advance widths
#: (render/typefaces.py); the heights are those measured on a built booklet (the fourth review's
#: six roles: every entry of a two-page index as estimated, to 0.1 mm a line).
INDEX_COLUMNS = 3
INDEX_MARGINS_MM = (40.0, 36.0)  # top and bottom, left and right
INDEX_GAP_MM = 6.0
INDEX_HEAD_MM = 22.0  # the title and an introduction of one line, on the first page
INTRO_PT, INTRO_MM, INTRO_LINE_MM = 9.6, 150.0, 5.1  # the introduction: size, width, a line
INDEX_SLACK_MM = 2.0  # what the estimate may miss
INDEX_PT = 8.6
LINE_MM = INDEX_PT * 1.35 / PT_PER_MM  # a line: 8.6 pt at 1.35
ENTRY_MM = 0.6  # below an entry
INITIAL_MM = 1.6  # before an entry with a new initial: 2.2 mm, the entry's 0.6 mm within it
GROUP_MM = 14.0  # a group's heading ("Skills") with its rule and the space above it
PAGES_MM = 1.6  # between an entry and its pages
INDENT_MM = 3.0  # a run-over line's indent; a sub-entry's, once more
FIT_MM = 0.3  # a line is taken to hold a little less than its width, for rounding


@dataclass(frozen=True)
class IndexType:
    """How the index's entries are set (styles/booklet.css .index-page, .index-tight): size
    (pt), line height (mm), the space below an entry and the more before a new initial (mm)."""

    pt: float
    line_mm: float
    entry_mm: float
    initial_mm: float


INDEX_TYPE = IndexType(INDEX_PT, LINE_MM, ENTRY_MM, INITIAL_MM)
#: The index set tighter (.index-tight: 8.2 pt at 1.25, entries 0.3 mm apart, 1.6 mm before a
#: new initial) when that saves a last page it would hold a few lines on (fifth review,
#: finding 8: three lines on a page of their own, 93 % empty).
TIGHT_TYPE = IndexType(8.2, 8.2 * 1.25 / PT_PER_MM, 0.3, 1.3)
#: A last page filled less than this (its columns' room) is saved by setting the index tighter.
LAST_PAGE_LEAST = 0.3


@dataclass(frozen=True)
class IndexItem:
    """One item of an index column: a group heading (``pages`` empty) or an entry."""

    text: str
    pages: tuple[int, ...] = ()
    group: bool = False
    initial: bool = False  # an entry whose initial differs from the one before it
    sub: bool = False  # a sub-entry, set in under its head term
    head: bool = False  # a head term that its sub-entries follow

    def height(self, width_mm: float, top: bool, face: Face, kind: IndexType = INDEX_TYPE) -> float:
        """Its height in a column ``width_mm`` wide set as ``kind``; ``top``: it opens the
        column."""
        if self.group:
            return GROUP_MM - (6.0 if top else 0.0)
        lines = self.lines(width_mm, face, kind.pt)
        extra = kind.initial_mm if self.initial and not top else 0.0
        return lines * kind.line_mm + kind.entry_mm + extra

    def lines(self, width_mm: float, face: Face, pt: float = INDEX_PT) -> int:
        """How many lines it takes, broken as WeasyPrint breaks it: at spaces and after a
        hyphen inside a word, each line as full as it holds, its last word kept with its first
        page number (nothing between them to break at), the numbers in bold; run-over lines
        set in by INDENT_MM. (render/estimate.py::lines breaks one paragraph of one weight
        and width: an entry's first line is wider than the others and ends in bold.)"""

        def mm(text: str, weight: int = 400) -> float:
            return face.width(text, pt, weight) / PT_PER_MM

        space = mm(" ")
        tokens: list[tuple[float, float]] = []  # (the space before it, its width)
        for word in self.text.split():
            for n, part in enumerate(re.split(r"(?<=[-\u2010])(?=\w)", word)):
                tokens.append((space if n == 0 else 0.0, mm(part)))
        for n, page in enumerate(self.pages):
            text = f"{page}," if n < len(self.pages) - 1 else str(page)
            if n == 0 and tokens:  # joined to the last word
                tokens[-1] = (tokens[-1][0], tokens[-1][1] + PAGES_MM + mm(text, 700))
            else:
                tokens.append((space, mm(text, 700)))
        indent = INDENT_MM if self.sub else 0.0
        room = width_mm - indent - FIT_MM  # the first line; the others are set in once more
        count, used = 1, 0.0
        for gap, width in tokens:
            if used and used + gap + width > room:
                count, used, room = count + 1, 0.0, width_mm - indent - INDENT_MM - FIT_MM
            used += (gap if used else 0.0) + width
        return count


def index_pages(
    tools: tuple[Term, ...],
    skills: tuple[Term, ...],
    labels: Labels,
    paper: str,
    face: Face,
    locale: str = "en",
    kind: IndexType = INDEX_TYPE,
) -> list[list[list[IndexItem]]]:
    """The index's items in pages of INDEX_COLUMNS columns, read down each column then across:
    as few pages as hold them set as ``kind``, every column filled to its page's foot but the
    last page's, which share what is left about equally, a group's heading or a head term never
    last in a column, a head term's sub-entries in one column with it when they fit."""
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
    intro = face.width(labels["index_intro"], INTRO_PT) / PT_PER_MM
    head = INDEX_HEAD_MM + (math.ceil(intro / (INTRO_MM - FIT_MM)) - 1) * INTRO_LINE_MM
    pages = 1
    while True:
        rooms = [room - head] * INDEX_COLUMNS + [room] * INDEX_COLUMNS * (pages - 1)
        columns = _columns(items, rooms, column, face, kind)
        if _fit(columns, rooms, column, face, kind):
            break
        pages += 1
    # Every page's columns run to its foot; the last page's share what is left about equally
    # (not one full column beside two short ones).
    start = (pages - 1) * INDEX_COLUMNS
    rest = [item for found in columns[start:] for item in found]
    total = sum(item.height(column, False, face, kind) for item in rest)
    share = min(1.0, total / sum(rooms[start:]))
    even = _columns(rest, [r * share for r in rooms[start:]], column, face, kind)
    if _fit(even, rooms[start:], column, face, kind):
        columns = columns[:start] + even
    columns += [[] for _ in range(len(rooms) - len(columns))]
    return [columns[n : n + INDEX_COLUMNS] for n in range(0, len(columns), INDEX_COLUMNS)]


def index_set(
    tools: tuple[Term, ...],
    skills: tuple[Term, ...],
    labels: Labels,
    paper: str,
    face: Face,
    locale: str = "en",
) -> tuple[IndexType, list[list[list[IndexItem]]]]:
    """How the index is set and its pages (:func:`index_pages`): as usual, or tighter
    (TIGHT_TYPE) when that saves a last page that would be filled less than LAST_PAGE_LEAST."""
    pages = index_pages(tools, skills, labels, paper, face, locale)
    if len(pages) > 1:
        width, height = page_mm(paper)
        column = (width - INDEX_MARGINS_MM[1] - (INDEX_COLUMNS - 1) * INDEX_GAP_MM) / INDEX_COLUMNS
        room = height - INDEX_MARGINS_MM[0] - INDEX_SLACK_MM
        used = sum(column_height(found, column, face) for found in pages[-1])
        if used < LAST_PAGE_LEAST * room * INDEX_COLUMNS:
            tight = index_pages(tools, skills, labels, paper, face, locale, TIGHT_TYPE)
            if len(tight) < len(pages):
                return TIGHT_TYPE, tight
    return INDEX_TYPE, pages


def _columns(
    items: list[IndexItem],
    targets: list[float],
    width: float,
    face: Face,
    kind: IndexType = INDEX_TYPE,
) -> list[list[IndexItem]]:
    """``items`` in columns of about ``targets`` height each (the last takes what is left):
    a head term goes to the next column with its sub-entries rather than leave them."""
    columns: list[list[IndexItem]] = [[]]
    for n, item in enumerate(items):
        current = columns[-1]
        full = current and len(columns) < len(targets)
        block = [item]
        if item.head:
            block += list(itertools.takewhile(lambda i: i.sub, items[n + 1 :]))
        height = column_height([*current, *block], width, face, kind)
        if full and height > targets[len(columns) - 1]:
            if current[-1].group or current[-1].head:  # a heading goes with what it heads
                columns[-1] = current[:-1]
                columns.append([current[-1]])
            else:
                columns.append([])
        columns[-1].append(item)
    return columns


def _fit(
    columns: list[list[IndexItem]],
    rooms: list[float],
    width: float,
    face: Face,
    kind: IndexType = INDEX_TYPE,
) -> bool:
    """Whether ``columns`` are as many as ``rooms`` at most, each within its room."""
    return len(columns) <= len(rooms) and all(
        column_height(c, width, face, kind) <= r for c, r in zip(columns, rooms, strict=False)
    )


def column_height(
    column: list[IndexItem], width: float, face: Face, kind: IndexType = INDEX_TYPE
) -> float:
    """The height of an index column ``width`` mm wide, set as ``kind``."""
    return sum(item.height(width, n == 0, face, kind) for n, item in enumerate(column))


@dataclass(frozen=True, kw_only=True)
class FrontContext(PageContext):
    """The cover and the contents."""

    piece: Piece
    audience: str  # the cover's line saying who the booklet is for
    cover_art: str
    pay_range: str | None = None  # the lowest and highest median pay of its roles
    intro: str = ""  # the contents' introduction (booklet_intro)


@dataclass(frozen=True, kw_only=True)
class BackContext(PageContext):
    """The index; or the designed pages and the back cover (partials/back_cover.html.j2)."""

    piece: Piece
    pads: list[str]  # names of PADS, one per page
    index: list[list[list[IndexItem]]] = field(default_factory=list)  # pages of columns
    index_tight: bool = False  # set as TIGHT_TYPE
    related: list[object] = field(default_factory=list)  # the guide's back cover has some
    booking: Chart | None = None
    next_steps: bool = True
    onet_credit: str | None = None  # O*NET's licence notice, once for the booklet


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


def booklet_intro(piece: Piece, labels: Labels) -> str:
    """The contents' introduction: the config's (its ``{count}`` the number of roles in words),
    else the catalogue's for one, two or more roles (review 6: the demo's "Two careers ...
    across both" printed over seven chapters)."""
    count = len(piece.chapters)
    words = labels.count_words.split()
    spelled = words[count - 1] if 0 < count <= len(words) else str(count)
    if piece.intro:
        return piece.intro.replace("{count}", spelled)
    key = {1: "booklet_intro_one", 2: "booklet_intro_two"}.get(count, "booklet_intro_many")
    return labels.format(key, count=spelled)


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
            intro=booklet_intro(piece, page.L),
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
    kind, index = (
        index_set(
            piece.tools, piece.skills, page.L, options.paper, face_of(brand, theme), options.locale
        )
        if piece.part == "index"
        else (INDEX_TYPE, [])
    )
    names = [pad for pad in PADS if not (piece.asked and pad == "questions")]
    return BackContext(
        **shared(page),
        piece=piece,
        pads=[names[min(n, len(names) - 1)] for n in range(piece.pads)],
        booking=(
            qr_chart(office.booking_url, brand.brand.colors.text, page.L, QR_MM)
            if office.booking_url
            else None
        ),
        next_steps=reader is None or reader.prints("back-cover"),
        index=index,
        index_tight=kind is TIGHT_TYPE,
        onet_credit=ONET_CREDIT if piece.onet else None,
    )
