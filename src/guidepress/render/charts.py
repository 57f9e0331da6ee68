"""SVG charts: the salary band and the demand gauge. Pure functions, numbers in, SVG text out.

Text inside the SVG names the theme's font families explicitly: WeasyPrint resolves them against
the document's @font-face rules, and an unnamed family would fall back to a system font.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

FONT = "GP Body, sans-serif"


@dataclass(frozen=True)
class Palette:
    """A brand's colours as the charts use them (render/figures.py::palette_of makes it)."""

    primary: str
    accent: str
    text: str
    muted: str
    track: str = "#e5e7eb"


@dataclass(frozen=True)
class Mark:
    label: str
    value: float


def _nice_step(span: float, target_ticks: int = 5) -> float:
    raw = span / max(target_ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def axis_bounds(values: Sequence[float]) -> tuple[float, float, float]:
    """A rounded axis (low, high, step) that holds every value with some air at both ends."""
    low, high = min(values), max(values)
    if high <= low:
        high = low + max(abs(low) * 0.2, 1)
    step = _nice_step(high - low)
    return math.floor(low / step - 0.5) * step, math.ceil(high / step + 0.5) * step, step


def _width(text: str, size: float) -> float:
    """About how wide ``text`` is at ``size`` (the theme's sans-serif averages 0.58 em)."""
    return len(text) * size * 0.58


def _lines(text: str, room: float, size: float) -> tuple[list[str], float]:
    """``text`` on one line at ``size``, else on two lines, as large as ``room`` allows."""
    if _width(text, size) <= room:
        return [text], size
    words = text.split()
    lines = [text]
    if len(words) > 1:
        cut = min(
            range(1, len(words)),
            key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))),
        )
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    widest = max(_width(line, size) for line in lines)
    return lines, round(max(7.0, min(size - 1, size * room / widest)), 1)


def _text(
    x: float,
    y: float,
    body: str,
    *,
    size: float = 11,
    anchor: str = "middle",
    weight: int = 400,
    fill: str = "#1d1d1d",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" text-anchor="{anchor}" fill="{fill}">{escape(body)}</text>'
    )


def _inside(x: float, text: str, size: float, width: float) -> float:
    """``x`` moved just enough for a centred label to stay inside the chart (long money formats,
    like German "160.000 US$", would be cut at the edges)."""
    half = _width(text, size) / 2
    return min(max(x, half + 1), width - half - 1)


def _svg_open(width: float, height: float) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    )


def _grid(
    lo: float,
    hi: float,
    step: float,
    x: Callable[[float], float],
    top: float,
    bottom: float,
    label_y: float,
    short: Callable[[float], str],
    palette: Palette,
    width: float,
) -> list[str]:
    """Vertical grid lines at every axis step, labelled at ``label_y``: every one, or every
    second or third when the locale's labels are too wide for that (German "160.000 US$")."""
    ticks = [lo + i * step for i in range(round((hi - lo) / step) + 1)]
    labels = [short(tick) for tick in ticks]
    room = x(lo + step) - x(lo)
    widest = max(_width(label, 10) for label in labels) * 1.25
    every = next((n for n in (1, 2, 3) if widest <= room * n), 4)
    parts = []
    for index, (tick, label) in enumerate(zip(ticks, labels, strict=True)):
        tx = x(tick)
        parts.append(
            f'<line x1="{tx:.1f}" y1="{top}" x2="{tx:.1f}" y2="{bottom}" '
            f'stroke="{palette.track}" stroke-width="1"/>'
        )
        if index % every == 0:
            at = _inside(tx, label, 10, width)
            parts.append(_text(at, label_y, label, size=10, fill=palette.muted))
    return parts


def salary_band(
    low: float,
    high: float,
    median: float | None,
    marks: Sequence[Mark],
    money: Callable[[float], str],
    short: Callable[[float], str],
    median_label: str,
    top: tuple[str, float] | None,
    palette: Palette,
    width: int = 640,
) -> str:
    """A band from ``low`` to ``high`` on a money axis, with the median and level marks."""
    values = [low, high, *(m.value for m in marks)]
    if median is not None:
        values.append(median)
    if top is not None:
        values.append(top[1])
    lo, hi, step = axis_bounds(values)
    left, right = 24, width - 24
    height, band_y, band_h = 196, 74, 26

    def x(value: float) -> float:
        return left + (value - lo) / (hi - lo) * (right - left)

    parts = [_svg_open(width, height)]
    parts += _grid(
        lo, hi, step, x, band_y - 8, band_y + band_h + 56, height - 4, short, palette, width
    )
    parts.append(
        f'<rect x="{x(lo):.1f}" y="{band_y}" width="{x(hi) - x(lo):.1f}" height="{band_h}" '
        f'rx="{band_h / 2}" fill="{palette.track}"/>'
    )
    parts.append(
        f'<rect x="{x(low):.1f}" y="{band_y}" width="{max(x(high) - x(low), band_h):.1f}" '
        f'height="{band_h}" rx="{band_h / 2}" fill="{palette.primary}" fill-opacity="0.22" '
        f'stroke="{palette.primary}" stroke-width="1.5"/>'
    )
    parts.append(_text(x(low), band_y + band_h + 18, money(low), size=11, weight=600))
    parts.append(_text(x(high), band_y + band_h + 18, money(high), size=11, weight=600))
    if top is not None:
        tx = x(top[1])
        parts.append(
            f'<path d="M{tx - 5:.1f},{band_y + band_h / 2 - 6} l8,6 l-8,6 z" '
            f'fill="{palette.muted}"/>'
        )
        parts.append(_text(tx, band_y - 14, top[0], size=10, fill=palette.muted))
    for mark in marks:
        mx = x(mark.value)
        parts.append(
            f'<circle cx="{mx:.1f}" cy="{band_y + band_h / 2}" r="6" fill="{palette.accent}" '
            f'stroke="#ffffff" stroke-width="2"/>'
        )
        parts.append(_text(mx, band_y + band_h + 36, mark.label, size=10, fill=palette.muted))
        parts.append(_text(mx, band_y + band_h + 50, money(mark.value), size=10.5, weight=600))
    if median is not None:
        mx = x(median)
        parts.append(
            f'<line x1="{mx:.1f}" y1="{band_y - 10}" x2="{mx:.1f}" y2="{band_y + band_h + 4}" '
            f'stroke="{palette.primary}" stroke-width="3"/>'
        )
        parts.append(_text(mx, band_y - 38, median_label, size=10, fill=palette.muted))
        parts.append(
            _text(mx, band_y - 20, money(median), size=15, weight=700, fill=palette.primary)
        )
    parts.append("</svg>")
    return "".join(parts)


def demand_gauge(
    levels: Sequence[str],
    value: str,
    palette: Palette,
    width: int = 220,
) -> str:
    """A half-circle gauge split into one arc per level, the needle on ``value``."""
    cx, cy, radius, thick = width / 2, 104.0, 84.0, 20.0
    count = len(levels)
    gap = 0.035
    parts = [_svg_open(width, 150)]
    index = levels.index(value) if value in levels else -1
    for i in range(count):
        start = math.pi - i * math.pi / count - (gap if i else 0)
        end = math.pi - (i + 1) * math.pi / count + (gap if i < count - 1 else 0)
        x1, y1 = cx + radius * math.cos(start), cy - radius * math.sin(start)
        x2, y2 = cx + radius * math.cos(end), cy - radius * math.sin(end)
        active = i <= index
        parts.append(
            f'<path d="M{x1:.1f},{y1:.1f} A{radius},{radius} 0 0 1 {x2:.1f},{y2:.1f}" '
            f'fill="none" stroke="{palette.primary if active else palette.track}" '
            f'stroke-opacity="{0.35 + 0.65 * (i + 1) / count if active else 1:.2f}" '
            f'stroke-width="{thick}"/>'
        )
    if index >= 0:
        angle = math.pi - (index + 0.5) * math.pi / count
        nx, ny = cx + (radius - 30) * math.cos(angle), cy - (radius - 30) * math.sin(angle)
        parts.append(
            f'<line x1="{cx}" y1="{cy}" x2="{nx:.1f}" y2="{ny:.1f}" stroke="{palette.text}" '
            f'stroke-width="4" stroke-linecap="round"/>'
        )
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="7" fill="{palette.text}"/>')
    parts.append(_text(cx - radius, cy + 22, levels[0], size=10, fill=palette.muted))
    parts.append(_text(cx + radius, cy + 22, levels[-1], size=10, fill=palette.muted))
    parts.append(_text(cx, cy + 40, value, size=15, weight=700, fill=palette.primary))
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Band:
    label: str
    low: float
    high: float
    median: float | None


def salary_ranges(
    bands: Sequence[Band],
    money: Callable[[float], str],
    short: Callable[[float], str],
    palette: Palette,
    width: int = 640,
    row_height: int = 26,
) -> str:
    """One row per role, every range on one shared money axis, medians marked."""
    values = [v for b in bands for v in (b.low, b.high, b.median) if v is not None]
    lo, hi, step = axis_bounds(values)
    label_w, right = 190, width - 16
    row_h, top = row_height, 6
    height = top + row_h * len(bands) + 26

    def x(value: float) -> float:
        return label_w + (value - lo) / (hi - lo) * (right - label_w)

    parts = [_svg_open(width, height)]
    parts += _grid(lo, hi, step, x, top, height - 20, height - 6, short, palette, width)
    for i, band in enumerate(bands):
        cy = top + row_h * i + row_h / 2
        lines, size = _lines(band.label, label_w - 14, 11)
        for n, line in enumerate(lines):
            y = cy + 4 + (n - (len(lines) - 1) / 2) * size * 1.1
            parts.append(_text(label_w - 10, y, line, size=size, anchor="end", weight=600))
        parts.append(
            f'<rect x="{x(band.low):.1f}" y="{cy - 7}" '
            f'width="{max(x(band.high) - x(band.low), 14):.1f}" '
            f'height="14" rx="7" fill="{palette.primary}" fill-opacity="0.22" '
            f'stroke="{palette.primary}" stroke-width="1.2"/>'
        )
        if band.median is not None:
            mx = x(band.median)
            parts.append(
                f'<line x1="{mx:.1f}" y1="{cy - 9}" x2="{mx:.1f}" y2="{cy + 9}" '
                f'stroke="{palette.primary}" stroke-width="3"/>'
            )
    parts.append("</svg>")
    return "".join(parts)
