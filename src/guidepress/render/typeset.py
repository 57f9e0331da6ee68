"""The guide's text type: body size and measure, read from the body font itself.

Why from the font file: a measure in millimetres holds 66 characters of Inter but 77 of a narrow
serif, and a serif with a small x-height looks a size smaller than Inter at the same point size.
So the body size follows the font's x-height (10 pt for large x-heights, up to 10.5 pt for small
ones) and the measure is what holds about 71 characters of the guide's own text in that font at
that size: full lines then average 60 to 75 characters (about 66) whatever the brand's font.
The lines keep one pitch (PITCH_PT) whatever the size, so a brand's guide has as many pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

MM_PER_PT = 25.4 / 72
#: Characters a line holds; ragged lines that reach the measure average four or five fewer.
CHARACTERS = 71
SIZES = (10.0, 10.5)  # the body size stays within these (pt)
MEASURE_MM = (92.0, 124.0)  # and the measure within these, whatever the font says
#: Baseline to baseline (pt): 10 pt Inter on 1.45. A body set larger for a small x-height keeps
#: this pitch, on less leading (its lowercase is smaller, so its lines look as far apart): the
#: brand's font changes how the guide reads, not how many pages it takes (sixth review: Karla
#: at 10.25 pt on 1.45 took the electrician's guide from 12 pages to 14).
PITCH_PT = 14.5
#: Text of ordinary English prose, for a font's average character width when a role has little.
SAMPLE = (
    "The role involves planning work with colleagues, meeting clients and keeping records "
    "of what was agreed. Most people start with a degree in business or a related field, "
    "then learn on the job; with a few years of experience they take on larger accounts."
)


@dataclass(frozen=True)
class BodyType:
    size_pt: float
    measure_mm: float
    leading: float = 1.45


@dataclass(frozen=True)
class _Metrics:
    x_height: float  # in em
    widths: dict[str, float]  # advance width of each character the font maps, in em
    fallback: float  # for characters it does not map


@cache
def _metrics(path: Path, mtime: float) -> _Metrics | None:
    try:
        font = TTFont(str(path), lazy=True, fontNumber=0)
        units = font["head"].unitsPerEm
        cmap = font.getBestCmap() or {}
        advances = font["hmtx"].metrics
        widths = {chr(code): advances[name][0] / units for code, name in cmap.items()}
        x_height = getattr(font["OS/2"], "sxHeight", 0) / units
    except (OSError, KeyError, AttributeError, TTLibError):
        return None
    fallback = widths.get("n", 0.5)
    return _Metrics(x_height or 0.5, widths, fallback)


def body_type(font: Path | None, text: str) -> BodyType:
    """Size and measure for body text in ``font`` (the regular face's file), ``text`` being what
    will be set (its letters weigh the average character width)."""
    metrics = _metrics(font, font.stat().st_mtime) if font is not None and font.is_file() else None
    if metrics is None:
        return BodyType(10.25, 112.0, _leading(10.25))
    low, high = SIZES
    # Inter (x-height 0.55 em) reads well at 10 pt; a Baskerville (0.41 em) needs 10.5.
    size = min(high, max(low, round((10 + (0.53 - metrics.x_height) * 4) * 4) / 4))
    sample = text if len(text) >= 400 else SAMPLE
    width = sum(metrics.widths.get(ch, metrics.fallback) for ch in sample) / len(sample)
    measure = CHARACTERS * width * size * MM_PER_PT
    return BodyType(size, round(min(MEASURE_MM[1], max(MEASURE_MM[0], measure)), 1), _leading(size))


def _leading(size: float) -> float:
    """The line height, as a multiple of ``size`` (pt), that keeps the body's PITCH_PT."""
    return round(PITCH_PT / size, 3)


def text_width_mm(font: Path | None, text: str, size_pt: float) -> float:
    """Width of ``text`` set in ``font`` at ``size_pt`` (no kerning); an estimate of 0.6 em a
    character when the font cannot be read."""
    metrics = _metrics(font, font.stat().st_mtime) if font is not None and font.is_file() else None
    if metrics is None:
        return len(text) * 0.6 * size_pt * MM_PER_PT
    return sum(metrics.widths.get(ch, metrics.fallback) for ch in text) * size_pt * MM_PER_PT


def display_size(
    font: Path | None, text: str, width_mm: float, sizes: tuple[float, ...], lines: int = 3
) -> float:
    """The largest of ``sizes`` at which ``text`` breaks into at most ``lines`` lines of
    ``width_mm`` without splitting a word; the smallest when none does."""
    for size in sorted(sizes, reverse=True):
        space = text_width_mm(font, " ", size)
        count, used = 1, 0.0
        for word in text.split():
            width = text_width_mm(font, word, size)
            if width > width_mm:
                count = lines + 1
                break
            if used and used + space + width > width_mm:
                count, used = count + 1, width
            else:
                used += (space if used else 0.0) + width
        if count <= lines:
            return size
    return min(sizes)
