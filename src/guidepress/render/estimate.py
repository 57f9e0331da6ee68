"""How tall a one-pager's content will be at each content level and type scale, before any
layout: so that fitting (pdf/fit.py) lays out the level and scale that fit first, instead of
laying everything out at full size only to measure it.

The estimate follows the templates' structure (templates/sheet.html.j2, styles/sheet.css and
one-page.css): each block's lines, counted by breaking its words (hyphenated as WeasyPrint does,
with pyphen's dictionary and ``hyphenate-limit-chars: 7 3 3``) at its column's width in the
brand's own face (the font files' advance widths, render/typefaces.py), times its line height,
plus the block's paddings, margins and fixed-size charts. The stylesheets' sizes are repeated
here (the constants under "The role sheet's boxes"): tests/render/test_estimate.py lays real
sheets out and fails when an estimate is off by more than ESTIMATE_ERROR of the page, which is
what tells a template or stylesheet change to update them. An estimate never decides what a page
shows on its own: the fitter lays out what it predicts and keeps the first-level-that-fits rule
by measurement (pdf/fit.py, DOUBT).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from xml.etree import ElementTree

import pyphen

from guidepress.content.brands import BrandKit
from guidepress.paper import PT_PER_MM
from guidepress.render import sheet
from guidepress.render.context import ONE_PAGE_ROOT_PT, Options, Subject
from guidepress.render.typefaces import SERIF_FILES, Face, face_of
from guidepress.theme.filters import no_widow, plain_text
from guidepress.theme.lookup import Theme

#: A content height in CSS px for (level, scale).
Estimator = Callable[[int, float], float]
PX_PER_MM = 96 / 25.4
#: How far off an estimate may be, as a share of the page's room, in the calibration tests.
ESTIMATE_ERROR = 0.02
#: WeasyPrint's hyphenation limits as base.css sets them: words of 7 letters or more, 3 at
#: least on either side of the break.
HYPHEN_WORD, HYPHEN_LEFT, HYPHEN_RIGHT = 7, 3, 3
_SPACE = re.compile(r"[ \t\n]+")


def rem_mm(scale: float) -> float:
    """One rem of a one-pager at ``scale``, in mm."""
    return ONE_PAGE_ROOT_PT * scale / PT_PER_MM


@cache
def advance(face: Face, text: str, weight: int = 400) -> float:
    """The width of ``text`` at size 1 in ``face``: widths grow with the size, and an estimate
    measures the same words at many sizes (fitting bisects the type scale)."""
    return face.width(text, 1.0, weight)


@cache
def _dictionary(locale: str) -> pyphen.Pyphen | None:
    language = {"en": "en_US", "es": "es", "fr": "fr", "de": "de_DE"}.get(locale, locale)
    return pyphen.Pyphen(lang=language) if language in pyphen.LANGUAGES else None


def lines(
    text: str,
    width_mm: float,
    size_mm: float,
    face: Face,
    *,
    weight: int = 400,
    locale: str | None = None,
) -> int:
    """How many lines ``text`` breaks into at ``width_mm``, set at ``size_mm`` in ``face``:
    words placed greedily (a no-break space joins two words; a hyphen inside a word is a break
    opportunity); with ``locale``, a word that does not fit is hyphenated where WeasyPrint
    could. No kerning: widths err a hair wide, so lines err towards one more."""
    if not text.strip():
        return 0
    space = advance(face, " ", weight) * size_mm
    words: list[tuple[str, bool]] = []  # (a word or a part of one, whether a space precedes)
    for word in _SPACE.split(text.strip()):
        parts = re.split(r"(?<=[-\u2010])(?=\w)", word)
        words.extend((part, i == 0) for i, part in enumerate(parts))
    count, used = 1, 0.0
    dictionary = _dictionary(locale) if locale else None
    for word, spaced in words:
        width = advance(face, word, weight) * size_mm
        gap = space if used and spaced else 0.0
        if used + gap + width <= width_mm:
            used += gap + width
            continue
        if dictionary is not None and used and len(word) >= HYPHEN_WORD:
            head = _hyphenated(dictionary, word, width_mm - used - gap, size_mm, face, weight)
            if head:
                count += 1
                used = advance(face, word[len(head) :], weight) * size_mm
                continue
        if used:
            count += 1
        used = width
        while used > width_mm:  # a word longer than the line: broken anywhere (overflow-wrap)
            count += 1
            used -= width_mm
    return count


def _hyphenated(
    dictionary: pyphen.Pyphen, word: str, room: float, size: float, face: Face, weight: int
) -> str | None:
    """The longest head of ``word`` (with its hyphen) that fits ``room``, within the limits."""
    best = None
    for position in dictionary.positions(word):
        head = word[:position]
        if len(head) < HYPHEN_LEFT or len(word) - position < HYPHEN_RIGHT:
            continue
        if not head[-1].isalpha():
            continue
        if face.width(head + "\u2010", size, weight) <= room:
            best = head
    return best


def heading_face(brand: BrandKit, theme: Theme, body: Face) -> Face:
    """The face headings and role names are set in (``--gp-font-heading``): the brand's heading
    font, else the theme's serif; the body's files behind either, for glyphs they lack."""
    font = brand.brand.fonts.heading
    if font is not None and font.files and brand.folder is not None:
        own = tuple(brand.folder / f for f in font.files if font.face(f)[1] != "italic")
        return Face(body.families, tuple((w, own + files) for w, files in body.files))
    serif = {weight: theme.style(name) for weight, name in SERIF_FILES.items()}
    return Face(
        body.families,
        tuple(
            (w, (serif[min(serif, key=lambda s: abs(s - w))], *files)) for w, files in body.files
        ),
    )


def logo_width_mm(brand: BrandKit, height_mm: float) -> float:
    """How wide the brand's logo prints at ``height_mm`` (an SVG's viewBox; else square)."""
    if brand.brand.logo is None or brand.folder is None:
        return 0.0
    path = brand.folder / brand.brand.logo
    if path.suffix.lower() == ".svg":
        try:
            root = ElementTree.fromstring(path.read_bytes())
            box = [float(v) for v in (root.get("viewBox") or "").replace(",", " ").split()]
            if len(box) == 4 and box[3] > 0:
                return height_mm * box[2] / box[3]
        except (ElementTree.ParseError, ValueError, OSError):
            pass
    return height_mm


# The role sheet's boxes (styles/one-page.css and sheet.css), in rem unless named _MM.
ROW_PAD = 0.9  # .fit-row bottom padding
HEAD_PAD = 0.85  # .row-head bottom padding
HEAD_CELL_MM = 4.2 + 4.4  # .head-text top and bottom padding
LOGO_CELL_MM = 8.0  # .head-logo top and bottom padding
LOGO_SIDES_MM = 5.0 + 2.0 + 5.0 + 5.0  # .head-logo's sides and .head-text's
HEAD_RULE_MM = 1.1  # .sheet-head bottom border
CENTRED_MM = 3.4 + 3.8 + 1.6  # .logo-center .sheet-head's padding, the logo's bottom margin
KERNED = 0.99
P_AFTER = 0.5  # .sheet p bottom margin
EYEBROW = 0.8 * 1.2 + P_AFTER
H1_SIZE, H1_LEADING = 2.3, 1.08
ALT_SIZE, LEADING = 0.86, 1.4
STANDFIRST_LEADING = 1.38
H2 = 1.12 * 1.2 + 0.45 + 0.18  # plus its 0.25 mm rule
H2_RULE_MM = 0.25
FIG_TITLE = 0.8 * 1.25 + 0.2
NOTE_SIZE = 0.78
CAPTION_LEADING, CAPTION_GAP = 1.3, 0.8 * 0.3  # .chart-note: 1.3 leading, 0.3em above
BULLET_INDENT, BULLET_AFTER = 1.1, 0.32
GROUP_LABEL = 0.8 * 1.2 + 0.25
RUN_IN_AFTER = 0.4
LEGEND = 0.8 * 1.35
COLS_GAP_MM = 6.0
DUTIES_SHARE = 0.49  # of the duties-and-skills table, whose width is the content's and the gaps
STEP_PAD, STEP_RULE_MM, STEP_GAP_MM = 0.45 + 0.5, 0.8, 1.5
STEP_SIDES = 0.55 * 2
STEP_LABEL = 0.78 * LEADING + 0.1
STEP_TITLE_SIZE, STEP_TITLE_LEADING = 0.9, 1.25
STEP_YEARS = 0.15 + 0.8 * 1.4
PC_PAD, PC_SIDES = 0.55 + 0.3, 0.8 * 2
PC_H2 = 1.12 * 1.2 + 0.3
PC_INDENT, PC_AFTER = 1.15, 0.3
REMOTE = 1.3 * 1.0 + P_AFTER


def sheet_estimate(subject: Subject, brand: BrandKit, theme: Theme, options: Options) -> Estimator:
    """The role sheet's content height in CSS px at each (level, scale)."""
    rows = sheet_rows(subject, brand, theme, options)
    return lambda level, scale: sum(rows(level, scale).values()) * PX_PER_MM


def sheet_rows(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> Callable[[int, float], dict[str, float]]:
    """The role sheet's rows (their ``fit-row-*`` names) and their heights in mm at each
    (level, scale)."""
    context = sheet.sheet_context(subject, brand, theme, replace(options, level=0, scale=1.0))
    face = face_of(brand, theme)
    heading = heading_face(brand, theme, face)
    role = subject.role
    counts = sheet.levels(subject)
    full = {name: list(items) for name, items in context.picks.items()}
    width = context.content_mm
    locale = options.locale
    logo_w = logo_width_mm(brand, context.logo_mm) if context.logo else 0.0
    groups = [(g.name, g.items) for g in context.groups]
    hot = any(g.hot for g in context.groups)

    def text_lines(
        text: str, width_mm: float, size: float, weight: int = 400, hyph: bool = True
    ) -> int:
        return lines(plain_text(text), width_mm, size, face, weight=weight,
                     locale=locale if hyph else None)  # fmt: skip

    centred = brand.brand.logo_position == "center"  # logo above the title, not beside it

    def head(r: float) -> float:
        title_w = width - logo_w - LOGO_SIDES_MM if logo_w and not centred else width - 10.0
        # Kerning, which the advance widths leave out, narrows display type by about 1 %.
        title = lines(plain_text(no_widow(role.title)), title_w / KERNED, H1_SIZE * r, heading,
                      weight=700)  # fmt: skip
        text = HEAD_CELL_MM + EYEBROW * r + title * H1_SIZE * H1_LEADING * r
        if role.alt_titles:
            alt = f"{context.L.also_called} " + " · ".join(role.alt_titles)
            text += (text_lines(alt, title_w, ALT_SIZE * r) * ALT_SIZE * LEADING + P_AFTER) * r
        logo = context.logo_mm if context.logo else 0.0
        if centred:
            return CENTRED_MM + logo + text - HEAD_CELL_MM + HEAD_RULE_MM + HEAD_PAD * r
        return max(text, logo + LOGO_CELL_MM * bool(logo)) + HEAD_RULE_MM + HEAD_PAD * r

    def standfirst(r: float) -> float:
        size = context.standfirst_rem * r
        n = text_lines(no_widow(context.standfirst), width, size)
        return n * size * STANDFIRST_LEADING + (P_AFTER + ROW_PAD) * r

    def figures(r: float) -> float:
        charts = (context.pay_chart, context.growth_chart, context.demand_chart)
        if not any(charts) and not context.remote:
            return 0.0
        pay = 0.0
        if context.pay_chart:
            pay = FIG_TITLE * r + _chart(context.pay_chart, context.chart_mm, r, text_lines)
        facts = 0.0
        for chart in charts[1:]:
            if chart:
                facts += FIG_TITLE * r + _chart(chart, context.facts_mm, r, text_lines)
                facts += P_AFTER * r
        if context.remote:
            facts += REMOTE * r
        row = max(pay, facts)
        if context.sources:
            n = text_lines(context.sources, width, NOTE_SIZE * r)
            row += (n * NOTE_SIZE * CAPTION_LEADING + P_AFTER) * r
        return row + ROW_PAD * r

    def main(level: int, r: float) -> float:
        shown = counts[level]
        duties_w = (width + 2 * COLS_GAP_MM) * DUTIES_SHARE
        skills_w = width - duties_w - COLS_GAP_MM
        duties = full["responsibilities"][: shown["responsibilities"]]
        left = 0.0
        if duties:
            n = sum(text_lines(no_widow(str(d)), duties_w - BULLET_INDENT * r, r) for d in duties)
            left = (H2 + n * LEADING + len(duties) * BULLET_AFTER) * r + H2_RULE_MM
        right = 0.0
        kept = [(name, items[: shown[name]]) for name, items in groups]
        kept = [(name, items) for name, items in kept if items]
        if kept:
            right = H2 * r + H2_RULE_MM
            for _, items in kept:
                run = "\u00a0\u2022 ".join(
                    plain_text(text) + ("\u00a0\u25cf" if is_hot else "") for text, is_hot in items
                )
                n = lines(run, skills_w, r, face, locale=None)
                right += (GROUP_LABEL + n * LEADING + RUN_IN_AFTER) * r
            if hot:
                right += LEGEND * r
        if not left and not right:
            return 0.0
        return max(left, right) + ROW_PAD * r

    def ladder(r: float) -> float:
        steps = context.steps
        if not steps:
            return 0.0
        cell_w = (width + 2 * STEP_GAP_MM - STEP_GAP_MM * (len(steps) + 1)) / len(steps)
        cell_w -= STEP_SIDES * r
        tallest = 0.0
        for step in steps:
            size = STEP_TITLE_SIZE * r
            n = text_lines(step.title, cell_w, size, 600, hyph=False)
            cell = STEP_PAD * r + n * size * STEP_TITLE_LEADING + STEP_RULE_MM
            cell += (STEP_YEARS * r) if step.years else 0.0
            cell += (STEP_LABEL * r) if step.this_role else 0.0
            tallest = max(tallest, cell)
        return H2 * r + H2_RULE_MM + tallest + ROW_PAD * r

    def pros_cons(level: int, r: float) -> float:
        shown = counts[level]
        both = [full["pros"][: shown["pros"]], full["cons"][: shown["cons"]]]
        both = [items for items in both if items]
        if not both:
            return 0.0
        cell_w = (width + 2 * COLS_GAP_MM - 3 * COLS_GAP_MM) / 2 - (PC_SIDES + PC_INDENT) * r
        tallest = 0.0
        for items in both:
            n = sum(text_lines(no_widow(str(t)), cell_w, r, hyph=False) for t in items)
            tallest = max(tallest, (PC_PAD + PC_H2 + n * LEADING + len(items) * PC_AFTER) * r)
        return tallest + ROW_PAD * r

    note = 0.0
    if context.untranslated:
        note = text_lines(context.untranslated, width - 5.0, 0.8) * 0.8 * 1.35 + P_AFTER + ROW_PAD

    def rows(level: int, scale: float) -> dict[str, float]:
        r = rem_mm(scale)
        found = {
            "head": head(r),
            "note": note * r,
            "standfirst": standfirst(r),
            "figures": figures(r),
            "main": main(level, r),
            "ladder": ladder(r),
            "pc": pros_cons(level, r),
        }
        return {name: height for name, height in found.items() if height}

    return rows


def _chart(chart: object, width_mm: float, r: float, text_lines: Callable[..., int]) -> float:
    """A chart figure: the image at its size in mm, and its caption under it."""
    height = float(getattr(chart, "height_mm", 0.0))
    caption = getattr(chart, "caption", None)
    if caption:
        n = text_lines(caption, width_mm, NOTE_SIZE * r)
        height += (CAPTION_GAP + n * NOTE_SIZE * CAPTION_LEADING) * r
    return height
