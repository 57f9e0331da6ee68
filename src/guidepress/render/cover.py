"""The cover's graphic: the role's career ladder as a rising staircase, drawn in the brand's
colours (no photographs, nothing fetched). The step this role is on is in the accent colour."""

from __future__ import annotations

from guidepress.content.contrast import tint
from guidepress.render.figures import data_url

WIDTH, HEIGHT = 1000, 400


def cover_art(
    steps: int,
    mark: int | None,
    primary: str,
    accent: str,
    background: str,
    centered: bool = False,
) -> str:
    """An SVG data URL: ``steps`` bars rising left to right (3 to 7 drawn), bar ``mark`` in the
    accent colour, a dotted line climbing their tops; at the right of the drawing, or in its
    middle for a centred cover."""
    count = min(7, max(3, steps))
    if mark is not None and mark >= count:
        mark = None
    left, right, gap = (180.0, 180.0, 14.0) if centered else (360.0, 0.0, 14.0)
    width = (WIDTH - left - right) / count
    align = "xMidYMax" if centered else "xMaxYMax"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" preserveAspectRatio="{align} meet">'
    ]
    tops = []
    for i in range(count):
        height = 70 + (HEIGHT - 110) * (i + 1) / count
        x, y = left + i * width, HEIGHT - height
        share = i / max(1, count - 1)
        fill = accent if i == mark else tint(primary, 0.82 - 0.62 * share)
        parts.append(
            f'<rect x="{x + gap / 2:.1f}" y="{y:.1f}" width="{width - gap:.1f}" '
            f'height="{height + 1:.1f}" rx="6" fill="{fill}"/>'
        )
        tops.append((x + width / 2, y - 26))
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in tops)
    parts.append(
        f'<polyline points="{path}" fill="none" stroke="{primary}" stroke-width="3" '
        'stroke-dasharray="2 9" stroke-linecap="round"/>'
    )
    for i, (x, y) in enumerate(tops):
        ring = accent if i == mark else primary
        radius = 11 if i == mark else 6
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{background}" '
            f'stroke="{ring}" stroke-width="4"/>'
        )
    parts.append("</svg>")
    return data_url("".join(parts))
