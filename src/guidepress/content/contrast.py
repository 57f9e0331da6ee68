"""A brand's colours as the theme prints them, and their contrast by WCAG 2.x, as located problems.

The theme sets text in a handful of colours on a handful of backgrounds: body text, secondary
text and headings on the page, text on primary-coloured bands (cover, one-page headers, table
heads), and text on the pale tints of fact tiles, ladder steps and chips. :func:`palette` derives
every colour the theme uses from the brand's six, including the accent as text: brand accents are
usually chosen for rules and markers and fail AA as small text (the example brands' 2.8 to 3.5:1),
so the accent is darkened (on the page) or lightened (on primary bands) just enough to pass, and
that colour is used wherever the accent would be read; secondary text on tinted panels likewise.
:data:`PAIRS` lists every (text, background) pair the theme prints; :func:`contrast_checks`
holds each to AA.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from guidepress.content.load import Document
from guidepress.content.models.brand import Colors
from guidepress.errors import Problem

#: WCAG 2.x level AA for normal-size text.
AA_TEXT = 4.5
#: The theme's own colours for the marks and headings of pros and cons (readable on their tints).
PRO, CON = "#2c7548", "#b03f2a"


def channels(color: str) -> tuple[int, int, int]:
    """``#0b4f6c`` or ``#fff`` -> (11, 79, 108)."""
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour, from 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown(ratio: float) -> str:
    # Rounded down: WCAG thresholds are not rounded, so 4.49 must never print as 4.5.
    return f"{math.floor(ratio * 10) / 10:.1f}"


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0 to 1) of the way to ``other``, as #rrggbb."""
    pairs = zip(channels(color), channels(other), strict=True)
    return "#" + "".join(f"{round(a + (b - a) * amount):02x}" for a, b in pairs)


def tint(color: str, amount: float) -> str:
    """Mix a colour with white; ``amount`` 0 keeps it, 1 gives white."""
    return mix(color, "#ffffff", amount)


def readable(color: str, background: str, ratio: float = AA_TEXT) -> str:
    """``color``, or the nearest shade of it (towards black on a light background, towards white
    on a dark one) that reaches ``ratio`` against ``background``."""
    if contrast_ratio(color, background) >= ratio:
        return mix(color, color, 0)  # normalised to #rrggbb
    target = (
        "#000000"
        if contrast_ratio("#000000", background) >= contrast_ratio("#ffffff", background)
        else "#ffffff"
    )
    low, high = 0.0, 1.0
    for _ in range(20):  # bisection on the mix: 1e-6 of the way, far below one channel step
        middle = (low + high) / 2
        if contrast_ratio(mix(color, target, middle), background) >= ratio:
            high = middle
        else:
            low = middle
    shade = mix(color, target, high)
    # Rounding to whole channels can land a hair below the ratio: step on until it passes.
    while contrast_ratio(shade, background) < ratio and shade != target:
        high = min(1.0, high + 1 / 255)
        shade = mix(color, target, high)
    return shade


@dataclass(frozen=True)
class Palette:
    """Every colour the theme prints with, derived from a brand's six (design tokens)."""

    primary: str
    accent: str
    text: str
    muted: str
    background: str
    on_primary: str
    accent_text: str  # the accent where it is read on the page: eyebrows, numerals, years
    accent_on_primary: str  # the accent where it is read on primary bands
    muted_on_tint: str  # secondary text on tinted panels (labels of fact tiles, ladder years)
    primary_tint: str  # fact tiles, ladder steps, table stripes
    primary_soft: str  # rules and outlines
    accent_tint: str  # chips of tools in high demand
    rule: str  # hairlines and chart grids
    track: str  # the empty part of scales and bars
    pro: str
    con: str
    pro_tint: str
    con_tint: str


def _same(color: str) -> str:
    return color


#: How each palette colour is made: (the brand colours it comes from, the first being the one
#: to change when it fails; how).
_MADE: dict[str, tuple[tuple[str, ...], Callable[..., str]]] = {
    **{name: ((name,), _same) for name in Colors.model_fields},
    # Read on the page and on tinted panels (ladder years): readable on both, the page first.
    "accent_text": (
        ("accent", "background", "primary"),
        lambda a, b, p: readable(readable(a, tint(p, 0.92)), b),
    ),
    "accent_on_primary": (("accent", "primary"), readable),
    "muted_on_tint": (("muted", "primary"), lambda m, p: readable(m, tint(p, 0.92))),
    "primary_tint": (("primary",), lambda p: tint(p, 0.92)),
    "primary_soft": (("primary",), lambda p: tint(p, 0.72)),
    "accent_tint": (("accent",), lambda a: tint(a, 0.85)),
    "rule": (("background", "text"), lambda b, t: mix(b, t, 0.13)),
    "track": (("background", "text"), lambda b, t: mix(b, t, 0.1)),
    "pro": ((), lambda: PRO),
    "con": ((), lambda: CON),
    "pro_tint": ((), lambda: tint(PRO, 0.9)),
    "con_tint": ((), lambda: tint(CON, 0.92)),
}
if set(_MADE) != {f.name for f in fields(Palette)}:
    raise RuntimeError("content.contrast: every Palette colour needs a way it is made (_MADE)")


def shades(colors: Mapping[str, str | None]) -> dict[str, str | None]:
    """Every palette colour made from the brand colours ``colors``; None where a colour it is
    made from is None (not a colour)."""
    made: dict[str, str | None] = {}
    for name, (sources, make) in _MADE.items():
        values = [colors.get(source) for source in sources]
        made[name] = None if None in values else make(*values)
    return made


def palette(colors: Colors) -> Palette:
    """The theme's colours for a brand's ``colors``."""
    return Palette(**{name: str(value) for name, value in shades(colors.model_dump()).items()})


#: (text colour, background, what it is used for): every pair the built-in theme prints.
PAIRS = (
    ("text", "background", "body text"),
    ("muted", "background", "secondary text"),
    ("primary", "background", "headings"),
    ("accent_text", "background", "accent text"),
    ("accent_text", "primary_tint", "accent text on tinted panels"),
    ("on_primary", "primary", "text on primary bands"),
    ("accent_on_primary", "primary", "accent text on primary bands"),
    ("text", "primary_tint", "text on tinted panels"),
    ("muted_on_tint", "primary_tint", "labels on tinted panels"),
    ("primary", "primary_tint", "figures on tinted panels"),
    ("text", "accent_tint", "text on accent chips"),
)
#: The names derived colours are reported under.
_SPOKEN = {
    "primary_tint": "the primary tint",
    "accent_tint": "the accent tint",
    "accent_text": "the accent as text",
    "accent_on_primary": "the accent as text on primary",
    "muted_on_tint": "secondary text on the primary tint",
}


def contrast_checks(colors: Mapping[str, str | None], doc: Document) -> list[Problem]:
    """Every pair the theme prints that falls below AA, one problem per colour to change: located
    on the colour the file sets (the foreground when both or neither are set; a derived colour is
    blamed on the brand colour it comes from), naming its first failing pair and the others.
    ``colors``: each brand colour's value, None for one that is not a colour (reported as such
    already; the pairs it, or a colour made from it, is in are not judged)."""
    made = shades(colors)
    failing: dict[str, list[tuple[str, str]]] = {}  # colour -> (ratio against what, use)
    for fore, back, use in PAIRS:
        fore_value, back_value = made[fore], made[back]
        if fore_value is None or back_value is None:
            continue
        ratio = contrast_ratio(fore_value, back_value)
        if ratio >= AA_TEXT:
            continue
        sources = (_source(fore), _source(back))
        written = [name for name in sources if ("colors", name) in doc.positions]
        blamed = fore if len(written) != 1 or written[0] == sources[0] else back
        other = back if blamed == fore else fore
        against = f"{shown(ratio)}:1 against {_SPOKEN.get(other, other)} {made[other]}"
        failing.setdefault(_source(blamed), []).append((against, use))
    problems = []
    for name, ((first, use), *more) in failing.items():
        also = ", ".join(f"{against} ({why})" for against, why in more)
        message = f"contrast {first} is below WCAG AA {AA_TEXT}:1 ({use})"
        problems.append(doc.problem(("colors", name), message + (f"; also {also}" if also else "")))
    return problems


def _source(name: str) -> str:
    """The brand colour a theme colour is made from (the one to change)."""
    sources = _MADE[name][0]
    return sources[0] if sources else name
