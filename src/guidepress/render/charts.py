"""SVG charts: pay on a money axis (one role, or several on one shared axis), growth against a
benchmark, and a four-step scale. Pure functions: numbers and words in, SVG text out.

Every chart is drawn at its printed size: one SVG unit is one point, so a label set at 8 units
prints at 8 pt, whatever the page (the templates show the image at exactly ``width`` points).
Text is set in the brand's body face (``Face``) and coloured from the brand's palette; labels are
placed from their measured widths so that none collides with another or leaves the chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from guidepress.content.contrast import Palette
from guidepress.render.typefaces import Face

#: Type sizes in points. The smallest, 7.5 pt, stays above the one-pagers' 7 pt floor for labels.
BIG, VALUE, LABEL, SMALL = 12.0, 8.5, 8.0, 7.5
PT_PER_MM = 72 / 25.4

Money = Callable[[float], str]


@dataclass(frozen=True)
class Style:
    """How charts look: the brand's palette and body face."""

    palette: Palette
    face: Face


@dataclass(frozen=True)
class Mark:
    """A level on a pay chart (entry, mid, senior): ``label`` is None when its figure is shown
    elsewhere on the chart (a mid level equal to the median is drawn, not printed twice)."""

    name: str
    value: float
    estimated: bool
    label: str | None


@dataclass(frozen=True)
class PayWords:
    """The words a pay chart prints, from the label catalogue."""

    median: str  # "Median"
    range: str  # legend: what the bar is ("Usual range", "10th to 90th percentile")
    middle: str | None  # legend: the inner bar ("25th to 75th percentile"), percentiles only
    estimated: str | None  # legend: hollow marks ("Estimated from the range")
    benchmark: str | None  # what the dashed line is ("All occupations, United States")
    top: str | None  # "Top 10 % from"


@dataclass(frozen=True)
class PayRow:
    """One role's pay on a shared axis (comparison sheets)."""

    label: str
    low: float
    high: float
    median: float | None
    low_text: str
    high_text: str


def nice_step(span: float, ticks: int = 5) -> float:
    """A round axis step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` steps."""
    raw = span / max(ticks, 1)
    if raw <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return float(next(f * magnitude for f in (1, 2, 2.5, 5, 10) if raw <= f * magnitude))


def money_axis(values: Sequence[float], ticks: int = 5) -> tuple[float, float]:
    """The one axis rule of every pay chart: from zero to the first round step at or above the
    highest figure. Zero-based, so bar positions and lengths compare honestly on every sheet."""
    top = max(max(values), 1.0)
    step = nice_step(top, ticks)
    return step, math.ceil(top / step - 1e-9) * step


# --- Drawing primitives ---------------------------------------------------------------------


@dataclass
class Canvas:
    """SVG parts and the boxes of the labels placed so far (to keep new ones clear of them)."""

    width: float
    style: Style
    parts: list[str] = field(default_factory=list)
    taken: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: The printed labels' boxes: the benchmark line is drawn around them (benchmark_line).
    labels: list[tuple[float, float, float, float]] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        body: str,
        *,
        size: float = LABEL,
        anchor: str = "middle",
        weight: int = 400,
        fill: str | None = None,
    ) -> None:
        self.parts.append(
            f'<text x="{x:.2f}" y="{y:.2f}" font-family="{self.style.face.svg_family}" '
            f'font-size="{size:g}" font-weight="{weight}" text-anchor="{anchor}" '
            f'fill="{fill or self.style.palette.text}">{escape(body)}</text>'
        )

    def box(
        self, x: float, y: float, body: str, size: float, anchor: str, weight: int = 400
    ) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of a label whose baseline starts at y."""
        w = self.style.face.width(body, size, weight)
        left = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
        return left, y - size * 0.78, left + w, y + size * 0.22

    def free(self, box: tuple[float, float, float, float], pad: float = 2.5) -> bool:
        left, top, right, bottom = box
        if left < 0 or right > self.width:
            return False
        return all(
            right + pad <= o[0] or left - pad >= o[2] or bottom <= o[1] or top >= o[3]
            for o in self.taken
        )

    def place(
        self,
        options: Sequence[tuple[float, float, str]],
        lines: Sequence[tuple[str, float, int, str | None]],
        leading: float,
        *,
        force: bool = False,
        halo: bool = False,
    ) -> int | None:
        """Set a block of ``lines`` (text, size, weight, fill) at the first of ``options``
        ((x, baseline of the first line, anchor)) where it collides with nothing already placed;
        the option's index, None when none is free. ``force``: a figure that must be printed
        goes to the first option that stays inside the chart even if it touches another label.
        ``halo``: a patch of background behind the text, so guide lines pass under it."""
        chosen = None
        for index, (x, y, anchor) in enumerate(options):
            boxes = self._boxes(x, y, anchor, lines, leading)
            if all(self.free(b) for b in boxes):
                chosen = index
                break
        if chosen is None and force:
            inside = [
                i
                for i, (x, y, anchor) in enumerate(options)
                if all(
                    b[0] >= 0 and b[2] <= self.width
                    for b in self._boxes(x, y, anchor, lines, leading)
                )
            ]
            chosen = inside[0] if inside else 0
        if chosen is None:
            return None
        x, y, anchor = options[chosen]
        boxes = self._boxes(x, y, anchor, lines, leading)
        for box in boxes if halo else ():
            left, top, right, bottom = box
            self.parts.append(
                f'<rect x="{left - 1.5:.2f}" y="{top - 0.5:.2f}" width="{right - left + 3:.2f}" '
                f'height="{bottom - top + 1:.2f}" fill="{self.style.palette.background}"/>'
            )
        for i, (text, size, weight, fill) in enumerate(lines):
            self.text(x, y + i * leading, text, size=size, anchor=anchor, weight=weight, fill=fill)
        self.taken.extend(boxes)
        self.labels.extend(boxes)
        return chosen

    def _boxes(
        self,
        x: float,
        y: float,
        anchor: str,
        lines: Sequence[tuple[str, float, int, str | None]],
        leading: float,
    ) -> list[tuple[float, float, float, float]]:
        return [
            self.box(x, y + i * leading, text, size, anchor, weight)
            for i, (text, size, weight, _) in enumerate(lines)
        ]

    def shape(self, svg: str) -> None:
        self.parts.append(svg)

    def keep_clear(self, x: float, top: float, bottom: float) -> None:
        """A vertical line at ``x`` (the benchmark's) that labels keep clear of."""
        self.taken.append((x - 0.6, top, x + 0.6, bottom))

    def benchmark_line(
        self,
        x: float,
        top: float,
        bottom: float,
        gaps: Sequence[tuple[float, float, float, float]] = (),
        behind: int | None = None,
    ) -> None:
        """The dashed benchmark line from ``top`` to ``bottom``, broken where it would cross a
        label or one of ``gaps`` (a low end and the room up to its bar): drawn last, it never
        runs through a figure (review 5: the all-occupations line through "$47,880").
        ``behind``: the index of the first part it is drawn under (the bars)."""
        at = len(self.parts) if behind is None else behind
        drawn: list[str] = []
        cuts = sorted(
            (upper - 3, lower + 3)  # a visible break, not a line that just misses
            for left, upper, right, lower in (*self.labels, *gaps)
            if left - 1.5 <= x <= right + 1.5 and lower > top and upper < bottom
        )
        y = top
        for upper, lower in (*cuts, (bottom, bottom)):
            if upper - y >= 3:  # a stub shorter than a dash reads as a speck
                drawn.append(_dashed(x, y, upper, self.style.palette.muted))
            y = max(y, lower)
        self.parts[at:at] = drawn

    def svg(self, height: float, title: str) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width:.2f}pt" '
            f'height="{height:.2f}pt" viewBox="0 0 {self.width:.2f} {height:.2f}">'
            f"<title>{escape(title)}</title>{''.join(self.parts)}</svg>"
        )


def _band(x1: float, x2: float, y: float, h: float, palette: Palette, inner: bool = False) -> str:
    fill, opacity = (palette.primary, 0.55) if inner else (palette.primary, 0.2)
    return (
        f'<rect x="{x1:.2f}" y="{y:.2f}" width="{max(x2 - x1, h):.2f}" height="{h:.2f}" '
        f'rx="{h / 2:.2f}" fill="{fill}" fill-opacity="{opacity}" '
        + (f'stroke="{palette.primary}" stroke-width="1"/>' if not inner else "/>")
    )


def _tick(x: float, y1: float, y2: float, color: str, width: float = 2.5) -> str:
    return (
        f'<line x1="{x:.2f}" y1="{y1:.2f}" x2="{x:.2f}" y2="{y2:.2f}" stroke="{color}" '
        f'stroke-width="{width}"/>'
    )


def _dashed(x: float, y1: float, y2: float, color: str) -> str:
    return (
        f'<line x1="{x:.2f}" y1="{y1:.2f}" x2="{x:.2f}" y2="{y2:.2f}" stroke="{color}" '
        f'stroke-width="1.1" stroke-dasharray="2.5 2"/>'
    )


def _dot(x: float, y: float, palette: Palette, hollow: bool, r: float = 3.8) -> str:
    if hollow:  # an estimate: drawn as an outline, never like a surveyed figure
        return (
            f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r}" fill="{palette.background}" '
            f'stroke="{palette.accent_text}" stroke-width="1.4"/>'
        )
    return (
        f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r}" fill="{palette.accent_text}" '
        f'stroke="{palette.background}" stroke-width="1"/>'
    )


def _axis(
    canvas: Canvas, x: Callable[[float], float], step: float, top: float, y: float, short: Money
) -> float:
    """A baseline from zero to ``top`` with a labelled tick at every step; returns the bottom."""
    palette = canvas.style.palette
    canvas.shape(
        f'<line x1="{x(0):.2f}" y1="{y:.2f}" x2="{x(top):.2f}" y2="{y:.2f}" '
        f'stroke="{palette.muted}" stroke-width="0.6"/>'
    )
    count = round(top / step)
    for i in range(count + 1):
        value = i * step
        canvas.shape(_tick(x(value), y, y + 2.5, palette.muted, 0.6))
        label = short(value)
        half = canvas.style.face.width(label, SMALL) / 2
        at = min(max(x(value), half), canvas.width - half)
        box = canvas.box(at, y + 10.5, label, SMALL, "middle")
        if canvas.free(box, pad=3):  # long locale formats: every second label, never a clash
            canvas.text(at, y + 10.5, label, size=SMALL, fill=palette.muted)
            canvas.taken.append(box)
    return y + 13


def _legend(canvas: Canvas, y: float, items: Sequence[tuple[str, str]]) -> float:
    """Symbols (SVG snippets drawn at the origin, 12 wide) with their words, in rows from ``y``;
    returns the bottom."""
    x, row = 0.0, y
    for symbol, words in items:
        w = 15 + canvas.style.face.width(words, SMALL) + 10
        if x > 0 and x + w - 10 > canvas.width:
            x, row = 0.0, row + 11
        canvas.shape(f'<g transform="translate({x:.2f} {row - 3:.2f})">{symbol}</g>')
        canvas.text(x + 15, row, words, size=SMALL, anchor="start", fill=canvas.style.palette.muted)
        x += w
    return row + 3


def _legend_symbols(palette: Palette) -> dict[str, str]:
    return {
        "range": f'<rect x="0" y="-3.5" width="12" height="7" rx="3.5" fill="{palette.primary}" '
        f'fill-opacity="0.2" stroke="{palette.primary}" stroke-width="1"/>',
        "middle": f'<rect x="0" y="-3.5" width="12" height="7" rx="3.5" '
        f'fill="{palette.primary}" fill-opacity="0.55"/>',
        "median": _tick(6, -5, 5, palette.primary),
        "estimated": _dot(6, 0, palette, hollow=True, r=3.3),
        "benchmark": _dashed(6, -5, 5, palette.muted),
    }


# --- Pay of one role ------------------------------------------------------------------------


def pay_chart(
    *,
    low: float,
    high: float,
    median: float | None,
    middle: tuple[float, float] | None,
    marks: Sequence[Mark],
    top: float | None,
    benchmark: float | None,
    money: Money,
    short: Money,
    words: PayWords,
    style: Style,
    width: float,
    title: str,
    median_figure: bool = True,
) -> tuple[str, float]:
    """A role's pay: its range (or 10th to 90th percentiles, ``middle`` the 25th to 75th) as a bar
    on a zero-based axis, the median marked and printed (named only, without ``median_figure``:
    a page that prints it elsewhere), levels as dots (hollow when estimated), the top decile and
    the all-occupations benchmark. Returns the SVG and its height in pt."""
    palette = style.palette
    canvas = Canvas(width, style)
    values = [low, high, *(m.value for m in marks)]
    values += [v for v in (median, top, benchmark) if v is not None]
    step, axis_top = money_axis(values)
    # The bar's ends are printed beside it: the axis gives up to a sixth of its length so that
    # the high end's figure fits on the bar's line rather than under it.
    plot = width - 6
    beside = style.face.width(money(high), VALUE, 700) + 6
    if top is None:
        plot = max(plot * 5 / 6, min(plot, (width - 3 - beside) * axis_top / high))
    # The low end prints left of the bar on every chart (review 5: "77.140 US$" under its bar,
    # on the axis rule): a bar starting too near zero for it moves the axis's zero inwards.
    inset = _inset(style.face.width(money(low), VALUE, 700) + 4 - 3, low / axis_top, plot)
    plot -= inset

    def x(value: float) -> float:
        return 3 + inset + value / axis_top * plot

    band_y, band_h = 25.0, 11.0
    centre = band_y + band_h / 2
    lowest = band_y + band_h + 4  # the bottom of what is drawn so far
    bx = x(benchmark) if benchmark is not None else None
    behind = len(canvas.parts)  # the benchmark line, drawn last, goes under the bar
    canvas.shape(_band(x(low), x(high), band_y, band_h, palette))
    if middle is not None:
        canvas.shape(_band(x(middle[0]), x(middle[1]), band_y + 2, band_h - 4, palette, True))
    if top is not None and words.top is not None:
        tx = x(top)
        canvas.shape(
            f'<path d="M{x(high) + 1:.2f},{centre:.2f} H{tx - 3:.2f}" stroke="{palette.primary}" '
            f'stroke-width="1" stroke-dasharray="1.5 1.5"/>'
            f'<path d="M{tx - 4:.2f},{centre - 4:.2f} l5,4 l-5,4 z" fill="{palette.primary}"/>'
        )
        # The extension is in the way of the bar's end figure, which goes under the bar.
        canvas.taken.append((x(high), centre - 4, tx + 2, centre + 4))
        canvas.place(
            [(tx, 8, "middle"), (tx, 8, "end")],
            [(words.top, SMALL, 400, palette.muted), (money(top), VALUE, 700, palette.text)],
            10.5,
            force=True,
        )
    canvas.taken.append((x(low), band_y - 1, x(high), band_y + band_h + 1))
    if median is not None:  # labels keep clear of its tick
        canvas.taken.append((x(median) - 1.25, band_y - 2.5, x(median) + 1.25, band_y + band_h + 4))
    # The low end left of the bar, on its centre line, always: the benchmark line breaks
    # around it (and the room up to the bar) rather than moving it.
    canvas.place([(x(low) - 4, centre + 3, "end")], [(money(low), VALUE, 700, palette.text)],
                 0, force=True)  # fmt: skip
    gap = (canvas.labels[-1][0], canvas.labels[-1][1], x(low), canvas.labels[-1][3])
    if bx is not None:  # down to the axis, where its value reads; labels keep clear of it
        canvas.keep_clear(bx, band_y - 5, 10_000)
        line_box = canvas.taken[-1]
    # The high end beside the bar's right end; else under it, from its end inwards, when the
    # benchmark's line runs close by or the chart ends there: below the median tick's end,
    # and the axis below it.
    under = band_y + band_h + 11.5
    if canvas.place(
        [(x(high) + 4, centre + 3, "start"), (x(high), under, "end"), (x(high), under, "middle")],
        [(money(high), VALUE, 700, palette.text)],
        0,
        force=True,
        halo=True,
    ):
        lowest = under + 2
    if median is not None:
        canvas.shape(_tick(x(median), band_y - 2.5, band_y + band_h + 4, palette.primary))
        figure = [(money(median), BIG, 700, palette.primary)] if median_figure else []
        y = 8 if figure else 19.5  # the name alone just above the tick
        canvas.place(
            [(x(median), y, "middle"), (x(median) + 4, y, "start"), (x(median) - 4, y, "end")],
            [(words.median, SMALL, 400, palette.muted), *figure],
            11.5,
            force=True,
        )
    below = band_y + band_h + 11
    crowded = []  # levels whose labels find no free place: printed in a line of their own
    for mark in marks:
        canvas.shape(_dot(x(mark.value), centre, palette, mark.estimated))
        lines = [(mark.name, SMALL, 400, palette.muted)]
        if mark.label is not None:
            lines.append((mark.label, VALUE, 600, palette.text))
        rows = [
            (x(mark.value) + shift, below + r * 20, anchor)
            for r in range(3)
            for shift, anchor in ((0, "middle"), (-3, "end"), (3, "start"))
        ]
        placed = canvas.place(rows, lines, 9.5)
        if placed is not None:
            lowest = max(lowest, below + placed // 3 * 20 + 9.5 * (len(lines) - 1) + 2)
        elif mark.label is not None:
            crowded.append(f"{mark.name} {mark.label}")
    if crowded:
        lowest += 11
        line = "   ".join(crowded)
        canvas.text(0, lowest, line, size=SMALL, anchor="start", fill=palette.text)
        canvas.labels.append(canvas.box(0, lowest, line, SMALL, "start"))  # the line breaks here
    if bx is not None:  # it stops above the axis: the axis's figures need not avoid it
        canvas.benchmark_line(bx, band_y - 5, lowest + 5, [gap], behind)
        canvas.taken.remove(line_box)
    bottom = _axis(canvas, x, step, axis_top, lowest + 6, short)
    symbols = _legend_symbols(palette)
    legend = [(symbols["range"], words.range)]
    if middle is not None and words.middle:
        legend.append((symbols["middle"], words.middle))
    if median is not None:
        legend.append((symbols["median"], words.median))
    if any(m.estimated for m in marks) and words.estimated:
        legend.append((symbols["estimated"], words.estimated))
    if benchmark is not None and words.benchmark:
        # Named below the axis, in the legend: above the bar it ran into the figures there.
        legend.append((symbols["benchmark"], f"{words.benchmark}: {money(benchmark)}"))
    bottom = _legend(canvas, bottom + 9, legend)
    return canvas.svg(bottom + 2, title), bottom + 2


# --- Pay of several roles on one axis -------------------------------------------------------


def pay_rows(
    rows: Sequence[PayRow],
    *,
    benchmark: float | None,
    money: Money,
    short: Money,
    words: PayWords,
    style: Style,
    width: float,
    label_width: float,
    title: str,
) -> tuple[str, float]:
    """Each role's range as a bar on one shared zero-based axis, its median marked and printed
    above the mark, the ends printed beside the bar, the benchmark as a dashed line across all
    rows. ``label_width``: the column of role names on the left (the table's label column, so
    the chart lines up with the table below it). Returns the SVG and its height in pt."""
    palette = style.palette
    canvas = Canvas(width, style)
    values = [v for r in rows for v in (r.low, r.high, r.median) if v is not None]
    if benchmark is not None:
        values.append(benchmark)
    step, axis_top = money_axis(values)
    left = label_width
    # The axis ends short of the chart's right edge by the widest range end, which prints
    # beside its bar: a margin for labels, so the axis keeps its rule (zero to a round step).
    room = max(style.face.width(row.high_text, SMALL) for row in rows) + 5
    plot = width - left - room
    # Every low end prints left of its bar (review 5: inside the bars, the benchmark line ran
    # through "$47,880"); a bar starting too near zero for its figure moves the axis's zero
    # right, off the label column, by what the widest such figure needs. The figure may reach
    # 4 pt into the gap before the role names.
    inset = max(
        _inset(style.face.width(row.low_text, SMALL) + 3 - 4, row.low / axis_top, plot)
        for row in rows
    )
    plot -= inset

    def x(value: float) -> float:
        return left + inset + value / axis_top * plot

    names = [name_lines(row.label, style.face, left - NAME_GAP) for row in rows]
    band_h = 8.0
    bx = x(benchmark) if benchmark is not None else None
    # Each role's row band holds its median figure above its bar (the bar 11 pt down) and its
    # two-line name: at least 10 mm a row, more where a wide page (A3) has the room.
    row_h = max(28.5, min(36.0, width / 22))
    axis_y = row_h * (len(rows) - 1) + 11 + band_h + 7
    if bx is not None:  # medians and high ends keep clear of the line where they can
        canvas.keep_clear(bx, 4, axis_y - 2)
    gaps = []
    for i, row in enumerate(rows):
        band_y = row_h * i + 11
        centre = band_y + band_h / 2
        first = centre + 3 - (len(names[i]) - 1) * 4.6
        for n, line in enumerate(names[i]):
            canvas.text(left - NAME_GAP, first + n * 9.2, line, size=LABEL, anchor="end",
                        weight=700)  # fmt: skip
        canvas.shape(_band(x(row.low), x(row.high), band_y, band_h, palette))
        if row.median is not None:  # labels keep clear of the tick (drawn over the bar)
            canvas.taken.append(
                (x(row.median) - 1.25, band_y - 2, x(row.median) + 1.25, band_y + band_h + 2)
            )
        canvas.place([(x(row.low) - 3, centre + 2.7, "end")], [(row.low_text, SMALL, 400, None)],
                     0, force=True)  # fmt: skip
        low_box = canvas.labels[-1]
        gaps.append((low_box[0], low_box[1], x(row.low), low_box[3]))
        canvas.place(
            [(x(row.high) + 3, centre + 2.7, "start"), (x(row.high) - 3, centre + 2.7, "end")],
            [(row.high_text, SMALL, 400, None)],
            0,
            force=True,
        )
        canvas.taken.append((x(row.low), band_y, x(row.high), band_y + band_h))
        if row.median is not None:
            mx = x(row.median)
            canvas.shape(_tick(mx, band_y - 2, band_y + band_h + 2, palette.primary))
            canvas.place(
                [(mx, band_y - 4, "middle"), (mx + 3, band_y - 4, "start"),
                 (mx - 3, band_y - 4, "end")],
                [(money(row.median), VALUE, 700, palette.primary)],
                0,
                force=True,
                halo=True,
            )  # fmt: skip
    if bx is not None:  # under the bars, broken around every figure it would cross
        canvas.benchmark_line(bx, 4, axis_y - 2, gaps, behind=0)
    bottom = _axis(canvas, x, step, axis_top, axis_y, short)
    symbols = _legend_symbols(palette)
    legend = [(symbols["range"], words.range), (symbols["median"], words.median)]
    if benchmark is not None and words.benchmark:
        legend.append((symbols["benchmark"], f"{words.benchmark}: {money(benchmark)}"))
    sub = Canvas(width - left, style)
    end = _legend(sub, bottom + 8, legend)
    canvas.shape(f'<g transform="translate({left:.2f} 0)">{"".join(sub.parts)}</g>')
    return canvas.svg(end + 2, title), end + 2


def _inset(need: float, share: float, plot: float) -> float:
    """How far the axis's zero moves right so that a figure ``need`` pt wide (with its gap)
    fits left of a bar starting ``share`` of the way along a ``plot`` pt axis: none when it
    fits. The axis keeps its rule (zero-based), only shorter."""
    return max(0.0, (need - share * plot) / max(1 - share, 0.05))


#: The gap between a pay row's role name and the axis, in pt.
NAME_GAP = 8.0


def name_lines(title: str, face: Face, room: float) -> list[str]:
    """A role's name beside its pay bar: one line within ``room`` pt, else two."""
    return _wrap(title, face, room, LABEL, 700)


def _wrap(text: str, face: Face, room: float, size: float, weight: int) -> list[str]:
    """``text`` in at most two lines of ``room`` points, split between words as evenly as the
    words allow (a role title beside its bar)."""
    if face.width(text, size, weight) <= room:
        return [text]
    words = text.split()
    if len(words) == 1:
        return [text]
    cut = min(
        range(1, len(words)),
        key=lambda i: max(
            face.width(" ".join(words[:i]), size, weight),
            face.width(" ".join(words[i:]), size, weight),
        ),
    )
    return [" ".join(words[:cut]), " ".join(words[cut:])]


# --- Growth against a benchmark -------------------------------------------------------------


def growth_bars(
    bars: Sequence[tuple[str, float, str, bool]],
    *,
    style: Style,
    width: float,
    title: str,
) -> tuple[str, float]:
    """Horizontal bars from a zero line, one per (label, value, value text, is the benchmark);
    the benchmark's bar is grey. Negative values run left of the zero line."""
    palette = style.palette
    canvas = Canvas(width, style)
    label_w = max(style.face.width(label, LABEL) for label, *_ in bars) + 6
    value_w = max(style.face.width(text, VALUE, 700) for _, _, text, _ in bars) + 5
    low = min(0.0, *(v for _, v, _, _ in bars))
    high = max(0.0, *(v for _, v, _, _ in bars))
    span = (high - low) or 1.0
    room = width - label_w - value_w - (value_w if low < 0 else 0)
    zero = label_w + (value_w if low < 0 else 0) + (-low / span) * room

    def x(v: float) -> float:
        return zero + v / span * room

    row_h = 15.0
    for i, (label, value, text, benchmark) in enumerate(bars):
        y = 3 + i * row_h
        canvas.text(0, y + 8, label, size=LABEL, anchor="start",
                    fill=palette.muted if benchmark else palette.text)  # fmt: skip
        x1, x2 = sorted((zero, x(value)))
        color = palette.track if benchmark else palette.primary
        canvas.shape(
            f'<rect x="{x1:.2f}" y="{y + 1:.2f}" width="{max(x2 - x1, 1):.2f}" height="9" '
            f'fill="{color}"/>'
        )
        anchor, at = ("start", x2 + 4) if value >= 0 else ("end", x1 - 4)
        canvas.text(at, y + 8.6, text, size=VALUE, anchor=anchor, weight=700,
                    fill=palette.muted if benchmark else palette.primary)  # fmt: skip
    height = 3 + row_h * len(bars) + 1
    canvas.shape(_tick(zero, 1, height - 1, palette.muted, 0.8))
    return canvas.svg(height, title), height


# --- A four-step scale ----------------------------------------------------------------------


#: The least space between two labels of a scale, in pt: two word spaces at 7.5 pt, so that two
#: labels never read as one ("High Very High").
SCALE_LABEL_GAP = 5.0


def _spread(want: Sequence[float], widths: Sequence[float], width: float) -> list[float] | None:
    """Left edges for labels of ``widths`` as near the left edges they ``want`` as a row of
    ``width`` allows, in order, within it and SCALE_LABEL_GAP apart: pushed right, then back
    left from the row's end. None when they cannot all fit."""
    if sum(widths) + SCALE_LABEL_GAP * (len(widths) - 1) > width + 0.01:
        return None
    x: list[float] = []
    for i, at in enumerate(want):
        x.append(max(at, 0.0, x[-1] + widths[i - 1] + SCALE_LABEL_GAP if x else 0.0))
    for i in reversed(range(len(x))):
        end = width if i == len(x) - 1 else x[i + 1] - SCALE_LABEL_GAP
        x[i] = min(x[i], end - widths[i])
    return x


def step_scale(
    steps: Sequence[str], value: int, *, style: Style, width: float, title: str
) -> tuple[str, float]:
    """``steps`` as equal segments in a row, filled up to ``value`` (0-based), every step
    labelled under its segment and the value's label in bold: a scale, not a dial.

    Why: a segment of the side column is about 29 pt, narrower than "Very High" (35 pt at
    7.5 pt), which wrapped onto two lines (review 8). Each label is centred under its segment
    where the row has room, else moved along (the end ones flush with the scale's ends) as
    little as keeps the labels apart; only labels that cannot all stand on one line wrap.
    Each is measured at the size it is printed in (the value's is larger)."""
    palette = style.palette
    canvas = Canvas(width, style)
    gap = 2.0
    seg = (width - gap * (len(steps) - 1)) / len(steps)
    sizes = [(LABEL, 700) if i == value else (SMALL, 400) for i in range(len(steps))]
    centres = [i * (seg + gap) + seg / 2 for i in range(len(steps))]
    labels = [[step] for step in steps]
    widths = [style.face.width(step, *sizes[i]) for i, step in enumerate(steps)]
    lefts = _spread([c - w / 2 for c, w in zip(centres, widths, strict=True)], widths, width)
    if lefts is None:  # too long for one line: each wraps within its segment, centred under it
        labels = [_wrap(step, style.face, seg - 1, *sizes[i]) for i, step in enumerate(steps)]
        widths = [
            max(style.face.width(line, *sizes[i]) for line in lines)
            for i, lines in enumerate(labels)
        ]
        lefts = [c - w / 2 for c, w in zip(centres, widths, strict=True)]
    for i in range(len(steps)):
        x0 = i * (seg + gap)
        filled = i <= value
        opacity = 0.35 + 0.65 * (i + 1) / (value + 1) if filled else 1
        color = palette.primary if filled else palette.track
        canvas.shape(
            f'<rect x="{x0:.2f}" y="2" width="{seg:.2f}" height="7" rx="1.5" fill="{color}" '
            f'fill-opacity="{opacity:.2f}"/>'
        )
        for n, line in enumerate(labels[i]):
            canvas.text(
                lefts[i] + widths[i] / 2, 19 + n * 8.5, line, size=sizes[i][0],
                weight=sizes[i][1], fill=palette.text if i == value else palette.muted,
            )  # fmt: skip
    height = 19 + (max(len(lines) for lines in labels) - 1) * 8.5 + 3
    return canvas.svg(height, title), height
