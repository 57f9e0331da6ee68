"""Fit a document on exactly one page: lay out, measure the overflow, scale down, lay out again.

Every trial is a full WeasyPrint layout, so the next scale comes from the measured overflow, not
from blind halving. Type and spacing scale together (templates size everything in rem), so the
content height falls roughly with the square of the scale for text and linearly for fixed boxes;
the exponent is re-estimated from each pair of measurements.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

END = "gp-end"
START = "gp-start"
MAX_LAYOUTS = 6
#: A first real layout at a typical scale is kept when its content fills this share of the page.
ACCEPT = 0.92
_SAFETY = 0.97  # aim a little below the exact fit: layout is not perfectly continuous


class Layout(Protocol):
    """What fitting needs of a layout (pdf/engine.py's Layout): its pages and its anchors."""

    @property
    def pages(self) -> int: ...

    def anchor_bottom(self, name: str) -> tuple[int, float] | None: ...


L = TypeVar("L", bound=Layout)


@dataclass(frozen=True)
class Fitted(Generic[L]):
    laid: L
    scale: float
    layouts: int


class DoesNotFit(Exception):
    """Raised when even the floor scale overflows; ``excess`` is the share too long (0.2 = 20 %),
    measured at the floor or predicted for it from the measured trend."""

    def __init__(self, excess: float, layouts: int) -> None:
        super().__init__(f"{excess:.0%} too long at the floor scale")
        self.excess = excess
        self.layouts = layouts


def content_height(laid: Layout) -> float:
    """Height the content takes on a measuring layout (one tall page), in CSS px."""
    start = laid.anchor_bottom(START)
    end = laid.anchor_bottom(END)
    if start is None or end is None:
        raise ValueError("one-page templates must hold #gp-start and #gp-end markers")
    return end[1] - start[1]


def fit_one_page(
    lay_out: Callable[[float, bool], L],
    room: float,
    floor: float,
    first: float = 1.0,
) -> Fitted[L]:
    """Fit on one page of ``room`` CSS px of content height.

    ``lay_out(scale, measure)`` lays the document out at ``scale``; with ``measure`` on a page
    too tall to break, whose content height is exact (page breaks waste space that a real
    layout's overflow would count). With ``first`` below 1.0, a real layout at that typical scale
    comes first and is kept when it fills at least ACCEPT of the page: typical content takes 1
    layout. Otherwise measuring and real layouts alternate from there: 2 or 3 in all, usually.
    """
    # Measured exponents run from about 1.4 (roles heavy in lists) to 1.7 (prose); starting low
    # errs towards a slightly smaller scale instead of a wasted layout.
    scale, exponent, layouts = first, 1.35, 0
    previous: tuple[float, float] | None = None
    overflowed = False  # a real layout at ``scale`` ran onto a second page
    best: Fitted[L] | None = None  # the largest scale seen on one page
    if first < 1.0:
        laid = lay_out(first, False)
        layouts = 1
        if laid.pages == 1:
            best = Fitted(laid, first, layouts)
            if content_height(laid) >= room * ACCEPT:
                return best
        overflowed = laid.pages > 1
    while layouts < MAX_LAYOUTS:
        needed = content_height(lay_out(scale, True))
        layouts += 1
        if previous is not None and previous[0] != scale and previous[1] != needed:
            estimate = math.log(previous[1] / needed) / math.log(previous[0] / scale)
            exponent = min(max(estimate, 0.8), 2.5)
        previous = (scale, needed)
        if needed > room:
            at_floor = needed * (floor / scale) ** exponent
            if scale <= floor or at_floor > room * 1.03:
                if best is not None:
                    return Fitted(best.laid, best.scale, layouts)
                raise DoesNotFit(at_floor / room - 1, layouts)
            scale = scale * (room / needed) ** (1 / exponent) * _SAFETY
        elif overflowed:
            scale -= 0.02  # fits by height, yet the real layout broke a block onto a second page
        elif best is not None and best.scale == scale:
            # One page already, with room to spare: grow towards the fill, at most to 100 %.
            grown = min(1.0, scale * (room / needed) ** (1 / exponent) * _SAFETY)
            if grown <= scale:
                return Fitted(best.laid, best.scale, layouts)
            scale = grown
        scale = max(floor, scale)
        laid = lay_out(scale, False)
        layouts += 1
        if laid.pages == 1:
            return Fitted(laid, scale, layouts)
        overflowed = True
        if best is not None and best.scale < scale:  # grew too far: the smaller one stands
            return Fitted(best.laid, best.scale, layouts)
    if best is not None:
        return Fitted(best.laid, best.scale, layouts)
    raise DoesNotFit(0.01, layouts)
