"""How tall a comparison's content will be at each content level and type scale, before any
layout (render/estimate.py does the same for the role sheet; pdf/fit.py lays out first what it
predicts).

The comparison is mostly a table with fixed column widths (templates/compare.html.j2's colgroup:
the label column ``label_mm``, the roles sharing the rest): each row is as tall as its tallest
cell, and a cell is its lines (words broken at the cell's width in the brand's faces, as
estimate.lines does) times its line height plus its paddings. Above the table the headline band
and the pay chart (its height known in mm), below it the legend and sources line. Three or four
roles that share skills get the dot matrix until the last level folds it into the columns; four
roles on A4 or Letter turn the page sideways: the context says both, level by level, and the
estimate reads them from it. The stylesheets' sizes are repeated here as constants (styles/
compare.css and one-page.css, "The comparison's boxes"): tests/render/test_compare_estimate.py
lays real comparisons out and fails when an estimate is off by more than COMPARE_ERROR of the
room, which is what tells a stylesheet change to update them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from guidepress.content.brands import BrandKit
from guidepress.render import compare
from guidepress.render.context import Options, Subject
from guidepress.render.estimate import (
    KERNED,
    PX_PER_MM,
    Estimator,
    advance,
    heading_face,
    lines,
    logo_width_mm,
    rem_mm,
)
from guidepress.render.typefaces import Face, face_of
from guidepress.theme.filters import no_widow, plain_text
from guidepress.theme.lookup import Theme

#: How far off a comparison's estimate may be, as a share of the page's room, in the
#: calibration tests (a table row is as tall as its tallest cell: a line more or less in one
#: cell moves the whole row).
COMPARE_ERROR = 0.03

# The comparison's boxes (styles/compare.css and one-page.css), in rem unless named _MM; pairs
# are (two roles, three or four).
LEADING = (1.32, 1.26)  # table cells' line height (.compare; .roles-N td)
LABEL_SIZE, LABEL_LEADING = 0.86, 1.3  # row labels (th[scope=row])
CELL_PAD = (0.27, 0.21)  # cells' top and bottom padding
CELL_SIDES = (0.6, 0.45)  # td left and right padding
LABEL_RIGHT = 0.6  # th[scope=row] right padding
CELL_RULE_MM = 0.8  # td's left border (collapsed: half of it in the cell before)
ROW_RULE_MM = 0.25  # the rule under each row
ROLE_SIZE, ROLE_LEADING = 1.06, 1.2  # the role names heading the columns
ROLE_PAD = (0.45, 0.32)
H1_SIZE = (1.75, 1.45)
H1_LEADING = 1.08
EYEBROW = 0.8 * 1.2 + 0.25
INTRO_SIZE, INTRO_LEADING, INTRO_ABOVE = 0.95, 1.3, 0.3
HEAD_TEXT_MM = (3.4 + 3.6, 2.2 + 2.4)  # .head-text top and bottom padding
HEAD_LOGO_MM = (4.0 + 4.0, 2.2 + 2.2)  # .head-logo top and bottom padding
LOGO_SIDES_MM = 5.0 + 2.0 + 5.0 + 5.0  # .head-logo's sides and .head-text's
HEAD_RULE_MM = 1.1  # .sheet-head bottom border
CENTRED_MM = 3.4 + 3.8 + 1.6  # .logo-center .sheet-head's padding, the logo's bottom margin
HEAD_AFTER = (0.8, 0.4)  # .row-head bottom padding
ROW_PAD = 0.9  # .fit-row bottom padding
PAY_AFTER = (0.9, 0.4)  # #fit-row-pay's bottom padding
FIG_TITLE = 0.8 * 1.25 + 0.3
NOTE_SIZE, NOTE_LEADING, NOTE_ABOVE = 0.78, 1.3, 0.78 * 0.3  # the chart's caption
GROWTH = 1.223  # the growth figure's line (1.05 rem at 1.2) and its bar, as measured
NOTE_LINE_SIZE = 0.78  # .row-note under a label
ROW_NOTE = 0.78 * 1.3 + 0.12
LIST_INDENT = (1.1, 0.95)  # .marked li left padding
LIST_AFTER = (0.22, 0.12)  # .marked li bottom margin
FITS_MM = (23.4, 11.0)  # the "Fits me?" row's cells
GROUP = 0.3 + 0.05 + 0.86 * 1.3 + 0.19  # the matrix's heading row (and measured: 0.19)
#: The matrix's rows: their rules are 0.2 mm, but a collapsed border takes the wider of the
#: table rows' 0.25 mm.
MATRIX_SIZE, MATRIX_PAD, MATRIX_RULE_MM = 0.9, 0.06, 0.25
LEGEND_ABOVE = (0.35, 0.25)
LEGEND_SIZE, LEGEND_LEADING, LEGEND_AFTER = 0.8, 1.35, 0.1
NOTES_SIZE = 0.9
UNTRANSLATED = 0.8 * 1.35  # .untranslated-note's lines (two roles: a row of its own)


def compare_estimate(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> Estimator:
    """The comparison's content height in CSS px at each (level, scale)."""
    rows = compare_rows(subject, brand, theme, options)
    return lambda level, scale: sum(rows(level, scale).values()) * PX_PER_MM


def compare_rows(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> Callable[[int, float], dict[str, float]]:
    """The comparison's rows (their ``fit-row-*`` names) and their heights in mm at each
    (level, scale)."""
    face = face_of(brand, theme)
    heading = heading_face(brand, theme, face)
    locale = options.locale
    count = len(subject.roles)
    many = int(count > 2)
    centred = brand.brand.logo_position == "center"

    @cache
    def context(level: int) -> compare.CompareContext:
        # The texts do not depend on the type scale below 100 % (the fitter grows type past it
        # only on a big sheet, without an estimate).
        return compare.compare_context(subject, brand, theme, replace(options, level=level,
                                                                      scale=1.0))  # fmt: skip

    def text_lines(
        text: str, width_mm: float, size: float, *, weight: int = 400, lang: str | None = None,
        hyph: bool = True, using: Face = face,
    ) -> int:  # fmt: skip
        language = (lang or locale) if hyph else None
        return lines(_plain(text), width_mm, size, using, weight=weight, locale=language)

    def rows(level: int, scale: float) -> dict[str, float]:
        ctx = context(level)
        r = rem_mm(scale)
        width = ctx.content_mm
        label_w = ctx.label_mm
        # Each column loses half of the rule on either side of it; the last has none after it.
        column = (width - label_w) / count - 2 * CELL_SIDES[many] * r
        cell_ws = [column - CELL_RULE_MM * (0.5 if last else 1.0)
                   for last in (i == count - 1 for i in range(count))]  # fmt: skip
        label_text_w = label_w - LABEL_RIGHT * r - CELL_RULE_MM / 2
        leading = LEADING[many] * r
        pad = 2 * CELL_PAD[many] * r

        def label(text: str, note: bool = False) -> float:
            # A label's soft hyphens (German) are where it may break; measured whole, a word
            # that fits takes one line, as printed.
            n = text_lines(text.replace("\u00ad", ""), label_text_w, LABEL_SIZE * r, weight=700)
            return n * LABEL_SIZE * LABEL_LEADING * r + (ROW_NOTE * r if note else 0.0)

        def row(label_h: float, cells: list[float]) -> float:
            return max(label_h, *cells) + pad + ROW_RULE_MM

        found: dict[str, float] = {"head": _head(ctx, r)}
        if ctx.untranslated and count < 3:
            n = text_lines(ctx.untranslated, width - 0.5 * 2 * r, UNTRANSLATED / 1.35 * r)
            found["note"] = n * UNTRANSLATED * r + ROW_PAD * r
        if ctx.chart:
            chart = ctx.chart
            pay = FIG_TITLE * r + chart.height_mm
            caption = " ".join(t for t in (chart.caption, chart.source) if t)
            if caption:
                n = text_lines(no_widow(caption), chart.width_mm, NOTE_SIZE * r)
                pay += NOTE_ABOVE * r + n * NOTE_SIZE * NOTE_LEADING * r
            found["pay"] = pay + PAY_AFTER[many] * r
        names = [  # (the names' side padding is the cells')
            text_lines(
                c.role.title, cell_w / KERNED, ROLE_SIZE * r, weight=700, hyph=False, using=heading
            )
            for c, cell_w in zip(ctx.columns, cell_ws, strict=True)
        ]
        found["roles"] = max(names) * ROLE_SIZE * ROLE_LEADING * r + 2 * ROLE_PAD[many] * r
        L = ctx.L
        one = leading
        found["growth"] = row(label(L.growth_rate), [GROWTH * r])
        for key, name in (("market_demand", "demand"), ("stress_level", "stress"),
                          ("balance_rating", "balance"), ("remote", "remote")):  # fmt: skip
            found[name] = row(label(L[key]), [one])
        education = [
            text_lines(c.education, cell_w, r, lang=c.foreign.get("row_education")) * leading
            for c, cell_w in zip(ctx.columns, cell_ws, strict=True)
        ]
        found["education"] = row(label(L.row_education), education)
        found["senior"] = row(label(L.row_senior), [one])
        if ctx.matrix and ctx.skills:
            matrix = GROUP * r + ROW_RULE_MM
            name_w = label_w - 2 * LABEL_RIGHT * r - CELL_RULE_MM / 2
            for item in ctx.skills:
                n = text_lines(item.name, name_w, MATRIX_SIZE * r, hyph=False)
                tall = max(n * MATRIX_SIZE * LABEL_LEADING * r, leading)
                matrix += tall + 2 * MATRIX_PAD * r + MATRIX_RULE_MM
            found["common"] = matrix
        for name, words in (("skills", L.tech_skills), ("tools", L.tech_stack)):
            cells = []
            for c, cell_w in zip(ctx.columns, cell_ws, strict=True):
                items = c.skills if name == "skills" else c.tools
                cells.append(_run_in(items, cell_w, r, face) * leading)
            found[name] = row(label(words, note=ctx.matrix), cells)
        for name, words in (("pros", L.pros), ("cons", L.cons)):
            cells = []
            for c, cell_w in zip(ctx.columns, cell_ws, strict=True):
                texts = c.pros if name == "pros" else c.cons
                lang = c.foreign.get(name)
                item_w = cell_w - LIST_INDENT[many] * r
                n = sum(text_lines(no_widow(str(t)), item_w, r, lang=lang) for t in texts)
                cells.append(n * leading + len(texts) * LIST_AFTER[many] * r)
            found[name] = row(label(words), cells)
        hint = count < 3
        fits = label(L.row_fits_me, note=False)
        if hint:
            n = text_lines(L.fits_me_hint, label_text_w, NOTE_LINE_SIZE * r)
            fits += n * NOTE_LINE_SIZE * LABEL_LEADING * r + 0.12 * r
        found["fits"] = max(fits, FITS_MM[many]) + pad + ROW_RULE_MM
        found["legend"] = _legend(ctx, r, width, text_lines)
        if ctx.notes:
            n = text_lines(ctx.notes, width, NOTES_SIZE * r)
            found["notes"] = n * NOTES_SIZE * LEADING[0] * r + ROW_PAD * r
        return found

    def _head(ctx: compare.CompareContext, r: float) -> float:
        width = ctx.content_mm
        logo = ctx.logo_mm if ctx.logo else 0.0
        logo_w = logo_width_mm(brand, ctx.logo_mm) if ctx.logo else 0.0
        title_w = width - logo_w - LOGO_SIDES_MM if logo_w and not centred else width - 10.0
        size = H1_SIZE[many] * r
        title = lines(plain_text(no_widow(ctx.headline)), title_w / KERNED, size, heading,
                      weight=700)  # fmt: skip
        text = EYEBROW * r + title * size * H1_LEADING
        if ctx.intro:
            n = text_lines(ctx.intro, title_w, INTRO_SIZE * r)
            text += (INTRO_ABOVE + n * INTRO_SIZE * INTRO_LEADING) * r
        if centred:  # (the logo keeps the band's padding for three or four: compare.css)
            above = HEAD_LOGO_MM[1] if many and logo else 0.0
            return CENTRED_MM + above + logo + text + HEAD_RULE_MM + HEAD_AFTER[many] * r
        inside = max(text + HEAD_TEXT_MM[many], logo + HEAD_LOGO_MM[many] * bool(logo))
        return inside + HEAD_RULE_MM + HEAD_AFTER[many] * r

    return rows


@cache
def _plain(text: str) -> str:
    """The text of a field as printed (its Markdown rendered, tags dropped), once per text."""
    return plain_text(text)


def _run_in(items: list[tuple[str, bool]], width_mm: float, size: float, face: Face) -> int:
    """How many lines a run-in list takes (one-page.css ``.run-in``): items joined by a regular
    bullet after a no-break space (the next item's ``::before``), the shared ones bold with a dot
    (their ``::after``); broken at spaces, never hyphenated; each piece in its own weight."""
    words: list[tuple[float, float]] = []  # (a word's width, the width of the space after it)
    bullet = advance(face, "\u00a0\u2022", 400) * size
    for i, (text, shared) in enumerate(items):
        weight = 700 if shared else 400
        parts = _plain(text).split()
        if not parts:
            continue
        if i and words:  # the bullet and the space after it: regular, on the word before
            words[-1] = (words[-1][0] + bullet, advance(face, " ", 400) * size)
        space = advance(face, " ", weight) * size
        if shared:
            parts[-1] += "\u00a0\u25cf"
        words.extend((advance(face, part, weight) * size, space) for part in parts)
    if not words:
        return 0
    count, used, gap = 1, 0.0, 0.0
    for width, space in words:
        if used and used + gap + width > width_mm:
            count += 1
            used = width
        else:
            used += gap + width
        gap = space
    return count


def _legend(
    ctx: compare.CompareContext, r: float, width: float, text_lines: Callable[..., int]
) -> float:
    """The legend under the table: its keys on one paragraph, then the notes and sources."""
    L = ctx.L
    keys = []
    if ctx.growth_note:
        keys.append(f"1 {ctx.growth_note}")
    if ctx.matrix and ctx.skills:
        keys.append(f"\u25cf {L.matrix_legend}.")
    if ctx.marked:
        keys.append(f"\u25cf\u00a0{L.shared_legend}.")
    if len(ctx.columns) >= 3:
        keys.append(f"{L.row_fits_me} {L.fits_me_hint}")
    paragraphs = ["   ".join(keys)] if keys else []
    if ctx.untranslated and len(ctx.columns) >= 3:
        paragraphs.append(ctx.untranslated)
    if ctx.occupations:
        paragraphs.append(f"{L.occupations_counted}: " + " ".join(ctx.occupations))
    paragraphs.extend(ctx.official_notes)
    if ctx.sources:
        paragraphs.append(f"{L.sources_short}: " + " ".join(
            s + ("." if i == len(ctx.sources) - 1 else ";") for i, s in enumerate(ctx.sources)
        ))  # fmt: skip
    size = LEGEND_SIZE * r
    height = LEGEND_ABOVE[len(ctx.columns) > 2] * r
    for text in paragraphs:
        n = text_lines(text, width, size)
        height += n * size * LEGEND_LEADING + LEGEND_AFTER * r
    # The last paragraph's margin collapses through the row's foot (it has no padding there).
    return height - LEGEND_AFTER * r if paragraphs else height
