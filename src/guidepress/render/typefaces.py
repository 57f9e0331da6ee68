"""The face chart text is set in, and how wide a label is in it.

Charts are SVG drawn by WeasyPrint. Their text is set in the brand's body face (the page's), with
the theme's bundled face for any glyph the brand's lacks; the SVG names both families, which
WeasyPrint resolves against the document's @font-face rules. Labels are placed so they neither
collide nor leave the chart, which takes their real widths: read from the font files' advance
widths (fontTools), not guessed from an average.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from guidepress.content.brands import BrandKit
from guidepress.theme.lookup import Theme

#: The theme's bundled sans (styles/base.css declares it as "GP Body").
THEME_FAMILY = "GP Body"
THEME_FILES = {400: "fonts/Inter-Regular.otf", 700: "fonts/Inter-Bold.otf"}
#: The theme's serif, its headings' face (base.css: ``--gp-font-heading: "GP Serif"``).
SERIF_FILES = {400: "fonts/NotoSerif-Regular.ttf", 700: "fonts/NotoSerif-Bold.ttf"}
#: Used when no font file can be read: about the average advance of a sans, in em.
AVERAGE_EM = 0.56


@dataclass(frozen=True)
class Face:
    """The families chart text names and the files whose widths it measures (by weight)."""

    families: tuple[str, ...]
    files: tuple[tuple[int, tuple[Path, ...]], ...] = ()  # (weight, files in fallback order)

    @property
    def svg_family(self) -> str:
        # WeasyPrint splits an SVG font-family on commas and strips quotes from each end, so
        # names go unquoted and without spaces after the commas.
        return ",".join(self.families)

    def width(self, text: str, size: float, weight: int = 400) -> float:
        """Advance width of ``text`` at ``size`` (in the chart's units) and ``weight``."""
        chosen = min(self.files, key=lambda item: abs(item[0] - weight), default=None)
        if chosen is None:
            return len(text) * size * AVERAGE_EM
        total = 0.0
        for char in text:
            total += next(
                (em for path in chosen[1] if (em := _advance(path, char)) is not None),
                AVERAGE_EM,
            )
        return total * size


def face_of(brand: BrandKit, theme: Theme) -> Face:
    """The face of a brand's body text, with the theme's bundled face behind it."""
    theme_files = {w: theme.style(name) for w, name in THEME_FILES.items()}
    font = brand.brand.fonts.body
    if font is None or not font.files or brand.folder is None:
        return Face((THEME_FAMILY,), tuple((w, (p,)) for w, p in theme_files.items()))
    upright = [
        (font.face(f)[0], brand.folder / f) for f in font.files if font.face(f)[1] != "italic"
    ]
    files = []
    for weight, fallback in theme_files.items():
        own = min(upright, key=lambda item: abs(item[0] - weight), default=None)
        files.append((weight, ((own[1],) if own else ()) + (fallback,)))
    return Face((brand.font_family("body"), THEME_FAMILY), tuple(files))


@cache
def _metrics(path: Path) -> tuple[dict[int, str], dict[str, int], int] | None:
    try:
        font = TTFont(str(path), lazy=True)
        cmap = font.getBestCmap() or {}
        widths = {name: advance for name, (advance, _) in font["hmtx"].metrics.items()}
        return cmap, widths, int(font["head"].unitsPerEm)
    except Exception:  # an unreadable file: the brand check reports it; measure by estimate
        return None


def _advance(path: Path, char: str) -> float | None:
    """The advance of ``char`` in em, None when the font has no glyph for it."""
    metrics = _metrics(path)
    if metrics is None:
        return None
    cmap, widths, units = metrics
    glyph = cmap.get(ord(char))
    return None if glyph is None else widths.get(glyph, 0) / units
