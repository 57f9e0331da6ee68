"""Colour contrast of a brand kit, by WCAG 2.x relative luminance, as located problems.

Only the pairs the built-in theme actually prints as text are checked: body text, secondary
text and headings on the page background, and the text set on primary-coloured bands (cover,
sheet header, comparison table head). The accent colour draws rules, markers and numerals and
is not held to the text threshold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from guidepress.content.load import Document
from guidepress.errors import Problem

#: WCAG 2.x level AA for normal-size text.
AA_TEXT = 4.5

#: (foreground, background, what it is used for) as drawn by the built-in theme.
PAIRS = (
    ("text", "background", "body text"),
    ("muted", "background", "secondary text"),
    ("primary", "background", "headings"),
    ("on_primary", "primary", "text on primary bands"),
)


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


def contrast_checks(colors: Mapping[str, str | None], doc: Document) -> list[Problem]:
    """Every checked colour pair below AA, located on the colour the file sets (the foreground
    when both or neither are set). ``colors``: each colour's value, None for one that is not
    a colour (reported as such already; the pairs it is in are not judged)."""
    problems = []
    for fore, back, use in PAIRS:
        fore_value, back_value = colors.get(fore), colors.get(back)
        if fore_value is None or back_value is None:
            continue
        ratio = contrast_ratio(fore_value, back_value)
        if ratio >= AA_TEXT:
            continue
        written = [name for name in (fore, back) if ("colors", name) in doc.positions]
        where = written[0] if len(written) == 1 else fore
        other = back if where == fore else fore
        problems.append(
            doc.problem(
                ("colors", where),
                f"contrast {shown(ratio)}:1 against {other} {colors[other]} is below "
                f"WCAG AA {AA_TEXT}:1 ({use})",
            )
        )
    return problems
