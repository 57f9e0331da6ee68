"""A booklet's contexts: its front (cover and contents), each chapter (one role's guide for the
booklet's audience, numbered on from the pages before it), its index of skills and tools, and
its end (designed pages that round the page count, the back cover).

Each piece is laid out as a document of its own (build/booklet.py), so a chapter that did not
change is not laid out again; the piece says which it is and what it needs to know of the
others (render/pieces.py): page numbers, the chapters for the contents, the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guidepress.content.audiences import DEFAULT
from guidepress.content.brands import BrandKit
from guidepress.render.context import Options, PageContext, Subject, page_context, shared
from guidepress.render.cover import cover_art
from guidepress.render.figures import Chart, qr_chart
from guidepress.render.guide import QR_MM, GuideContext, guide_context
from guidepress.render.pieces import Piece
from guidepress.theme.lookup import Theme

#: The designed pages that round a booklet's page count, in the order they are used.
PADS = ("shortlist", "questions", "notes")


@dataclass(frozen=True, kw_only=True)
class FrontContext(PageContext):
    """The cover and the contents."""

    piece: Piece
    audience: str  # the cover's line saying who the booklet is for
    cover_art: str


@dataclass(frozen=True, kw_only=True)
class BackContext(PageContext):
    """The index; or the designed pages and the back cover (partials/back_cover.html.j2)."""

    piece: Piece
    pads: list[str]  # names of PADS, one per page
    related: list[object] = field(default_factory=list)  # the guide's back cover has some
    booking: Chart | None = None
    next_steps: bool = True


@dataclass(frozen=True, kw_only=True)
class ChapterContext(GuideContext):
    """One role's guide as a chapter."""

    piece: Piece


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
    )
