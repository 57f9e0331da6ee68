"""Fit a document on exactly one page: first by leaving content out, level by level, then by
scaling type down to a floor, in as few layouts as the measurements allow.

Every trial is a full WeasyPrint layout (the sheet's costs about 0.15 s), so the next trial comes
from measuring the last one, not from trying levels one after another. The templates mark what
may be left out: the page's blocks are ``fit-row-*`` elements that stack without margins (so
their heights add up to the content's), side-by-side columns are ``fit-col-*``, and each
shortenable list's items are ``fit-item-NAME-1``, ``-2``... (and the list ``fit-list-NAME``, when
its items run in and its end is not the last item's) Leaving out a
list's last items shortens its column by exactly the height they took; a row of columns is as
tall as its tallest column. So one layout, even one that ran onto a second page, predicts the
content height of every level, and the level chosen from it fits on the next layout.

Typical content fits at level 0 and full size: 1 layout. Longer content: 2 (the predicted level,
at the largest type the measured height allows between the level's own size and full size, so
type is not grown back in a layout of its own). A third only when type can grow by at least
GROW_MIN, for content that needs type scaled below the last level, or a prediction a page break
upset: 3 at most. With a pre-layout estimate (render/estimate.py, compare_estimate.py), the
first layout is the level and scale it predicts: typical content that runs over at level 0 then
takes 1 layout too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

END = "gp-end"
START = "gp-start"
ROW, COL, LIST, ITEM = "fit-row-", "fit-col-", "fit-list-", "fit-item-"
MAX_LAYOUTS = 3
#: Aim a hair below the exact fit: a layout can round a line up.
SAFETY = 0.995
#: How content height follows the type scale, height ~ scale ** exponent: about 0.8 to 1.0 on
#: the one-pagers, whose charts, logo, QR code and rules keep their size in mm. A low exponent
#: picks a scale a little too small (it fits); a high one decides whether the floor can be
#: reached at all (content is refused only when surely too long).
CAUTIOUS, HOPEFUL = 0.7, 1.2
#: The same, for predicting which level fits at its own type size from the first layout: about
#: 0.95 measured on three-role comparisons from full size to the floor; a little below it, so
#: that the level chosen fits, not one that needed a third layout. (At 0.7 the fitter gave up
#: a pro and a con of each role for room it then left empty.)
LEVEL_EXPONENT = 0.9
#: The same, for type set between a level's own scale and full size, where the first layout
#: measured that level's height at full size: about 1 to 2.4 on the one-pagers of bench/batch.py's
#: catalogue between 95 % and full size (lines wrap sooner as type grows), so 1 errs small.
BETWEEN = 1.0
#: Type grown back by less than this is not worth a layout (0.1 pt on 10 pt body text).
GROW_MIN = 0.01
#: A pre-layout estimate's doubt: a fuller level estimated to run over by less than this (after
#: the error its first layout measured) is laid out to see, so that an estimate a little off
#: costs a layout, not an item.
DOUBT = 0.01
#: A pre-layout estimate's start: the fullest level estimated to take no more than this share
#: of the room is laid out first. Closer to the room than SAFETY: the estimates err by less
#: than 0.2 % on typical content (render/estimate.py, compare_estimate.py), and a level a
#: hair short of the room that started one level emptier took a second layout "to see".
TRUSTED = 0.998


class Layout(Protocol):
    """What fitting needs of a layout (pdf/engine.py's Layout): its pages and its boxes."""

    @property
    def pages(self) -> int: ...

    def boxes(self, prefix: str) -> dict[str, list[Box]]: ...


@dataclass(frozen=True)
class Box:
    """One fragment of an element's border box on a page, in CSS px."""

    page: int
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, other: Box) -> bool:
        middle = (other.top + other.bottom) / 2
        centre = (other.left + other.right) / 2
        return (
            self.page == other.page
            and self.top - 0.5 <= middle <= self.bottom + 0.5
            and self.left - 0.5 <= centre <= self.right + 0.5
        )


L = TypeVar("L", bound=Layout)


@dataclass(frozen=True)
class Fitted(Generic[L]):
    laid: L
    level: int
    scale: float
    layouts: int


class DoesNotFit(Exception):
    """Raised when even the last level at the floor scale overflows; ``excess`` is the share too
    long (0.2 = 20 %), predicted for the floor from the last layout; ``heights``: that layout's
    blocks and columns (``fit-row-*``, ``fit-col-*`` ids) and their heights in mm, so the
    message can name what takes the room."""

    def __init__(self, excess: float, layouts: int, heights: dict[str, float] | None = None):
        super().__init__(f"{excess:.0%} too long at the floor scale")
        self.excess = excess
        self.layouts = layouts
        self.heights = heights or {}


def measurements(laid: Layout) -> dict[str, float]:
    """Every fit row's and column's height in mm (ids as in the HTML)."""
    return {
        prefix + name: round(_height(frags) * 25.4 / 96, 2)
        for prefix in (ROW, COL)
        for name, frags in laid.boxes(prefix).items()
    }


def _height(fragments: list[Box]) -> float:
    return sum(box.bottom - box.top for box in fragments)


def content_height(laid: Layout) -> float:
    """Height the content takes: its blocks' heights added up, on as many pages as it ran to."""
    rows = laid.boxes(ROW)
    if not rows:
        raise ValueError("one-page templates mark their blocks with fit-row-* ids")
    return sum(_height(fragments) for fragments in rows.values())


def heights(
    laid: Layout, shown: Mapping[str, int], levels: Sequence[Mapping[str, int]]
) -> list[float]:
    """The content height at each of ``levels``, predicted from ``laid`` (laid out showing
    ``shown`` items of each list) at its scale."""
    rows = laid.boxes(ROW)
    cols = laid.boxes(COL)
    lists = laid.boxes(LIST)
    items = laid.boxes(ITEM)
    total = sum(_height(fragments) for fragments in rows.values())
    predicted = []
    for counts in levels:
        # How much each list shrinks, by the column and the row that hold it.
        shrink: dict[tuple[str, str | None], float] = {}
        for name, count in counts.items():
            had = shown.get(name, 0)
            listed = [items.get(f"{name}-{i}", []) for i in range(1, had + 1)]
            if count >= had or not all(listed):
                continue
            saved = _saved(listed, count, lists.get(name, []))
            box = listed[0][0]
            row = next((r for r, frags in rows.items() if any(f.holds(box) for f in frags)), None)
            col = next((c for c, frags in cols.items() if any(f.holds(box) for f in frags)), None)
            if row is not None:
                shrink[(row, col)] = shrink.get((row, col), 0.0) + saved
        saving = 0.0
        for row in {row for row, _ in shrink}:
            inside = [c for c, frags in cols.items() if any(f.holds(frags[0]) for f in rows[row])]
            if not inside or (row, None) in shrink:
                saving += sum(v for (r, _), v in shrink.items() if r == row)
                continue
            tallest = max(_height(cols[c]) for c in inside)
            after = max(_height(cols[c]) - shrink.get((row, c), 0.0) for c in inside)
            saving += tallest - after
        predicted.append(total - saving)
    return predicted


def _saved(items: list[list[Box]], keep: int, whole: list[Box]) -> float:
    """How much shorter a list gets showing its first ``keep`` items.

    On one page: the list then ends where its first left-out item begins, when that item starts
    a line of its own (block items; chips or run-in items at the start of a line); else with the
    line that item shares with the kept ones. A run-in item's box is its first line only, so an
    item further along a line than the list's left edge shares that line. Across pages: the
    left-out items' heights added up.
    """
    if not all(items) or keep >= len(items):
        return 0.0
    everything = [box for fragments in [*items, whole] for box in fragments]
    if len({box.page for box in everything}) > 1:
        return sum(_height(fragments) for fragments in items[keep:])
    end = max(box.bottom for box in everything)
    if keep == 0:
        return end - min(box.top for box in everything)
    first_out = items[keep][0]
    left = min(box.left for box in everything)
    kept_bottom = max(box.bottom for fragments in items[:keep] for box in fragments)
    if first_out.left <= left + 1 and first_out.top >= kept_bottom - 0.5:
        return max(0.0, end - first_out.top)
    return max(0.0, end - max(first_out.bottom, kept_bottom))


def fit_one_page(
    lay_out: Callable[[int, float], L],
    *,
    levels: Sequence[Mapping[str, int]],
    room: float,
    floor: float,
    scales: Sequence[float] | None = None,
    ceiling: float = 1.0,
    estimate: Callable[[int, float], float] | None = None,
) -> Fitted[L]:
    """Fit on one page of ``room`` CSS px of content height: ``lay_out(level, scale)`` lays the
    document out showing ``levels[level]`` items of each list, type at ``scale``. ``scales``:
    the type scale of each level (1.0 unless a kind takes type down a little before it leaves
    more out: the least that level sets, larger when the room allows); below the last level,
    type scales on down to ``floor``. ``ceiling`` above 1.0: everything fits with room to spare
    (a big sheet), so type grows up to it, in one layout. ``estimate(level, scale)``: the
    content height predicted before any layout (render/estimate.py): the first layout is then
    the level and scale it predicts to fit, usually the last (``_from_estimate``)."""
    steps = list(scales) if scales is not None else [1.0] * len(levels)
    last = len(levels) - 1
    level, scale = 0, steps[0]
    start = _start(estimate, steps, room) if estimate and ceiling <= 1.0 else None
    if start is not None and estimate is not None:
        level, scale = start
    laid = lay_out(level, scale)
    if start is not None and estimate is not None and laid.pages == 1:
        return _from_estimate(lay_out, laid, level, scale, estimate, steps, room)
    # (A start that ran over is measured like a first layout: the loop goes on from it.)
    previous: tuple[float, float] | None = None  # (scale, height) of this level's items, larger
    first: tuple[float, list[float]] | None = None  # the first layout's scale, level heights
    for layouts in range(1, MAX_LAYOUTS + 1):
        if laid.pages == 1:
            if layouts == 1 and ceiling > scale:
                return _enlarged(lay_out, laid, scale, ceiling, room)
            if first is not None and layouts < MAX_LAYOUTS and level > 0:
                richer = _richer(lay_out, laid, level, scale, first, steps, room, layouts)
                if richer is not None:
                    return richer
            if ceiling > max(scale, 1.0) and level > 0 and layouts < MAX_LAYOUTS:
                # A big sheet that could not hold every item: the level that fits, type grown
                # into the room it leaves (four roles on A3 left 8 % of the page empty).
                return _enlarged(lay_out, laid, scale, ceiling, room, level, layouts)
            if layouts == MAX_LAYOUTS or previous is None:
                return Fitted(laid, level, scale, layouts)
            return _grown(lay_out, laid, level, scale, previous, room, layouts)
        measured = heights(laid, levels[level], levels)
        if first is None:
            first = (scale, measured)
        # Which level fits is predicted as before (type scaled cautiously to a level's own
        # size); then each level at the largest type that fits between its own size and this
        # layout's, from the height measured at this one: a level set at 95 % is laid out no
        # smaller than it must be, so its type need not grow back in a layout of its own.
        predicted = [
            height * (min(scale, steps[k]) / scale) ** LEVEL_EXPONENT
            for k, height in enumerate(measured)
        ]
        fitting = [k for k in range(level, len(levels)) if predicted[k] <= room * SAFETY]
        # (After the first layout the next is the last: cautiously.)
        between = BETWEEN if layouts == 1 else CAUTIOUS
        largest = [
            min(scale, scale * (room * SAFETY / height) ** (1 / between)) for height in measured
        ]
        if fitting and (fitting[0] > level or largest[level] < scale - 0.004):
            chosen = fitting[0]
        elif fitting and level < last:  # predicted to fit, yet a break spent room: one more
            chosen = level + 1
        else:
            # Every level overflows: the fewest items, and type scaled down towards the floor.
            at_floor = measured[last] * (floor / scale) ** HOPEFUL
            if scale <= floor or at_floor > room * 1.03:  # a near miss is worth a layout
                # What is left at the fewest items and the floor, measured for the message; a
                # prediction from far (full type, every item) can overshoot: laid out, it fits.
                final = laid if (level, scale) == (last, floor) else lay_out(last, floor)
                if final.pages == 1:
                    return Fitted(final, last, floor, layouts + (final is not laid))
                raise DoesNotFit(at_floor / room - 1, layouts, measurements(final))
            previous = (scale, measured[last])
            level = last
            wanted = scale * (room * SAFETY / measured[last]) ** (1 / CAUTIOUS)
            scale = round(max(floor, min(wanted, scale - 0.01, steps[last])), 4)
            chosen = -1
        if chosen >= 0:
            # A level's own type size is a design choice: its floor, when the room allows more.
            own = min(scale, steps[chosen])
            grown = max(own, round(largest[chosen], 4))
            previous = (scale, measured[chosen]) if own < scale else None
            scale = scale if grown >= scale - 0.005 else grown
            level = chosen
        if layouts == MAX_LAYOUTS:
            break
        laid = lay_out(level, scale)
    excess = content_height(laid) * (floor / scale) ** HOPEFUL / room - 1
    final = laid if (level, scale) == (last, floor) else lay_out(last, floor)
    raise DoesNotFit(max(excess, 0.01), MAX_LAYOUTS, measurements(final))


def _richer(
    lay_out: Callable[[int, float], L],
    laid: L,
    level: int,
    scale: float,
    first: tuple[float, list[float]],
    steps: Sequence[float],
    room: float,
    layouts: int,
) -> Fitted[L] | None:
    """Content before type: the level predicted from the first layout fits with room to spare
    (its prediction from full size is cautious: lines that wrapped at full size do not at the
    floor, a folded matrix gives back its heading), so the two layouts give the real exponent,
    and one more layout tries the fullest level it predicts to fit at its own type size (no
    larger than this one's: more content comes before larger type). None when none is, or it
    did not fit."""
    first_scale, first_heights = first
    height = content_height(laid)
    if first_scale <= scale or height >= room * 0.97:
        return None
    exponent = math.log(first_heights[level] / height) / math.log(first_scale / scale)
    exponent = min(max(exponent, LEVEL_EXPONENT), 2.5)
    fits = [
        k
        for k in range(level)
        if steps[k] <= scale + 0.004
        and first_heights[k] * (min(scale, steps[k]) / first_scale) ** exponent <= room * SAFETY
    ]
    if not fits:
        return None
    own = min(scale, steps[fits[0]])  # at its own type size: more content before larger type
    fuller = lay_out(fits[0], own)
    if fuller.pages == 1:
        return Fitted(fuller, fits[0], own, layouts + 1)
    return None


def _grown(
    lay_out: Callable[[int, float], L],
    laid: L,
    level: int,
    scale: float,
    previous: tuple[float, float],
    room: float,
    layouts: int,
) -> Fitted[L]:
    """A page scaled down cautiously fits with room to spare: with the two heights measured,
    the exponent is known, and one more layout takes the type as large as the page allows (the
    first is kept when that one does not fit)."""
    height = content_height(laid)
    if height >= room * 0.97 or previous[0] <= scale:
        return Fitted(laid, level, scale, layouts)
    exponent = math.log(previous[1] / height) / math.log(previous[0] / scale)
    exponent = min(max(exponent, CAUTIOUS), 2.5)
    wanted = scale * (room * 0.975 / height) ** (1 / exponent)
    grown = round(min(previous[0], wanted), 4)
    return _larger(lay_out, laid, level, scale, grown, layouts)


def _larger(
    lay_out: Callable[[int, float], L],
    laid: L,
    level: int,
    scale: float,
    grown: float,
    layouts: int,
) -> Fitted[L]:
    """``laid`` at type ``grown`` when that is worth a layout (GROW_MIN larger or more) and
    still fits one page; else ``laid`` as it is."""
    if grown < scale + GROW_MIN:
        return Fitted(laid, level, scale, layouts)
    bigger = lay_out(level, grown)
    if bigger.pages == 1:
        return Fitted(bigger, level, grown, layouts + 1)
    return Fitted(laid, level, scale, layouts + 1)


def _enlarged(
    lay_out: Callable[[int, float], L],
    laid: L,
    scale: float,
    ceiling: float,
    room: float,
    level: int = 0,
    layouts: int = 1,
) -> Fitted[L]:
    """Everything fits at the first layout with room to spare: one more layout with type as
    large as the room allows, up to ``ceiling``. Growing, text wraps into more lines: height
    grows about with the square of the type size (measured 1.9 on four roles on A3), so the
    square is assumed; when that grew too far, the two heights give the real exponent and a
    third layout takes the size between (else the first is kept)."""
    height = content_height(laid)
    wanted = round(min(ceiling, scale * (room * SAFETY / height) ** (1 / 2.0)), 4)
    if height >= room * 0.95 or wanted <= scale + 0.01:
        return Fitted(laid, level, scale, layouts)
    bigger = lay_out(level, wanted)
    if bigger.pages == 1:
        return Fitted(bigger, level, wanted, layouts + 1)
    if layouts + 1 >= MAX_LAYOUTS:
        return Fitted(laid, level, scale, layouts + 1)
    exponent = math.log(content_height(bigger) / height) / math.log(wanted / scale)
    exponent = min(max(exponent, 2.0), 4.0)
    between = round(scale * (room * 0.975 / height) ** (1 / exponent), 4)
    if between <= scale + 0.01:
        return Fitted(laid, level, scale, layouts + 1)
    third = lay_out(level, between)
    if third.pages == 1:
        return Fitted(third, level, between, layouts + 2)
    return Fitted(laid, level, scale, layouts + 2)


def _start(
    estimate: Callable[[int, float], float], steps: Sequence[float], room: float
) -> tuple[int, float] | None:
    """The fullest level predicted to fit at its own type, with type as large as predicted to
    fit between that and full size; None when no level is (type must go below the last)."""
    for level, own in enumerate(steps):
        if estimate(level, own) <= room * TRUSTED:
            return level, _largest(estimate, level, own, 1.0, room)
    return None


def _largest(
    estimate: Callable[[int, float], float],
    level: int,
    low: float,
    high: float,
    room: float,
    error: float = 1.0,
) -> float:
    """The largest scale between ``low`` (taken to fit) and ``high`` at which ``level``'s
    estimate, times ``error`` (measured over estimated), fits: by bisection, to 0.1 %."""
    if low >= high or estimate(level, high) * error <= room * SAFETY:
        return high if estimate(level, high) * error <= room * SAFETY else low
    while high - low > 0.001:
        middle = (low + high) / 2
        if estimate(level, middle) * error <= room * SAFETY:
            low = middle
        else:
            high = middle
    return round(low, 4)


def _from_estimate(
    lay_out: Callable[[int, float], L],
    laid: L,
    level: int,
    scale: float,
    estimate: Callable[[int, float], float],
    steps: Sequence[float],
    room: float,
) -> Fitted[L]:
    """The estimated level fits. Content first still holds by measurement: the estimate, with
    the error this layout measured (its height over its estimate), says whether the next
    fuller level might fit at its own type; if so, it is laid out (and kept when it fits).
    Else type grows when the corrected estimate allows GROW_MIN or more (one more layout)."""
    error = content_height(laid) / estimate(level, scale)
    fuller = level - 1
    if fuller < 0:
        return Fitted(laid, level, scale, 1)
    if estimate(fuller, steps[fuller]) * error <= room * SAFETY * (1 + DOUBT):
        grown = _largest(estimate, fuller, steps[fuller], 1.0, room, error)
        tried = lay_out(fuller, grown)
        if tried.pages == 1:
            return Fitted(tried, fuller, grown, 2)
        return Fitted(laid, level, scale, 2)
    if scale < 1.0:
        grown = _largest(estimate, level, scale, 1.0, room, error)
        return _larger(lay_out, laid, level, scale, grown, 1)
    return Fitted(laid, level, scale, 1)
