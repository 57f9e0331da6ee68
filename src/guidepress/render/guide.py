"""The career guide's context: every part and section of one role, its at-a-glance figures with
their sources, the cover and back cover, and the text type its brand's body font calls for."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from markupsafe import Markup

from guidepress.content.audiences import DEFAULT, Audience
from guidepress.content.brands import BrandKit
from guidepress.content.ladder import own_tier
from guidepress.content.models import Role
from guidepress.content.models.role import Tier
from guidepress.content.overlays import LocalizedRole
from guidepress.errors import TemplateProblem
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels, same_language
from guidepress.paper import page_mm
from guidepress.render.charts import Style
from guidepress.render.citations import Sources, sources
from guidepress.render.context import Options, PageContext, Subject, page_context, shared
from guidepress.render.cover import cover_art
from guidepress.render.figures import (
    Chart,
    Rating,
    chart_style,
    demand_chart,
    growth_chart,
    key_facts,
    qr_chart,
    rating,
    salary_chart,
    source_labels,
)
from guidepress.render.glance import (
    Related,
    Rung,
    education_steps,
    entry_education,
    ladder,
    related_roles,
)
from guidepress.render.pay import (
    Growth,
    Pay,
    growth_of_role,
    pay_of_figures,
    pay_of_role,
    unbroken_period,
)
from guidepress.render.regional import Regional, regional
from guidepress.render.regional import key_facts as regional_facts
from guidepress.render.sections import Part, Section, guide_parts
from guidepress.render.translation import foreign_sections, guide_groups, notice
from guidepress.render.typeset import BodyType, body_type, display_size, text_width_mm
from guidepress.theme.lookup import Theme

#: A role with less text than this (characters of its file's data) is a short guide: its parts
#: run on rather than each open a page, which would leave most pages nearly empty.
SHORT_GUIDE_CHARS = 8000
#: The cover title's sizes (pt), largest first tried; it may take three lines.
TITLE_SIZES = (52.0, 50.0, 48.0, 44.0, 40.0)
TITLE_WIDTH_MM = 160.0
#: The guide's side margins (styles/guide.css @page) and the gap before the side column: the
#: charts print as wide as the text, or as the side column.
SIDE_MARGIN_MM = 20.0
SIDE_GAP_MM = 8.0
#: The booking QR code on the back cover.
QR_MM = 30.0
#: The ladder chart's name column (styles/guide.css .ladder-name-col): its bars share the rest
#: of the text width. A bar's years are set at 0.74 em, semibold (about 8 % wider than the
#: regular face measured), with 1.6 mm of padding before them and a little after.
LADDER_NAME_MM = 62.0
YEARS_EM = 0.74
YEARS_PAD_MM = 2.8


@dataclass(frozen=True, kw_only=True)
class GuideContext(PageContext):
    """Everything guide templates may use; templates and code agree on these names."""

    role: Role
    parts: list[Part]
    sections: list[Section]
    pay: Pay | None
    salary_chart: Chart | None  # on the at-a-glance page, whose quick facts print the median
    growth_chart: Chart | None
    demand_chart: Chart | None
    sources: Sources
    education: str | None  # the typical entry education, a key of EDUCATION_LEVELS
    education_steps: list[tuple[str, bool]]
    mark: int | None  # the ladder tier this role is
    reach: str | None  # experience to reach it: "from about 1 year" (its tier's lower bound)
    rungs: list[Rung]  # the ladder chart's bars
    years_at: dict[int, str]  # rung number -> where its years go: "in", "after", "before" its bar
    ladder_ticks: list[int]  # its axis, in years
    related: list[Related]
    cover_art: str
    title_size: float
    audience: str  # the cover's line saying who the guide is for
    whose: str = DEFAULT  # whose built-in words the guide takes (an audience's label_name)
    body: BodyType
    booking: Chart | None  # QR code of the office's booking link
    stress: Rating | None
    #: The outlook in words, and their language tag when not the edition's (outlook_words).
    outlook_words: tuple[str, str | None] | None
    #: The outlook's projection period, never broken at its dash ("2024–34").
    outlook_period: str | None
    balance: Rating | None
    pages_multiple: int = 1
    short: bool = False  # one part, run on (SHORT_GUIDE_CHARS, or the audience says so)
    #: The pages around the parts its audience reads (content/audiences.py's FRONT and BACK).
    compact: bool = False  # sections in their short form (the audience says so)
    in_brief: bool = True
    glance: bool = True
    back_cover: bool = True
    next_steps: bool = True  # the back cover's checklist (a booklet for employers has none)
    facts: list[tuple[str, str]] = field(default_factory=list)
    foreign: dict[str, str] = field(default_factory=dict)  # section anchor -> its language tag
    #: Where the content came from, for the PDF's metadata (never printed).
    metadata: list[tuple[str, str]] = field(default_factory=list)
    regional: Regional | None = None  # a regional edition's official pay

    def lang(self, path: str) -> Markup:
        """`` lang="en"`` for the element printing the role's text at ``path`` (a field, dotted)
        when that text is in the role file's language, not the edition's: it is hyphenated and
        read aloud in its own language, while the labels around it stay in the edition's."""
        tag = source_language(self.role, path)
        return Markup(f' lang="{self.tag(tag)}"') if tag else Markup("")


def source_language(role: Role, path: str) -> str | None:
    """The language tag of ``role``'s text at ``path`` when it is not the output's language."""
    if not isinstance(role, LocalizedRole) or same_language(role.locale, role.source_locale):
        return None
    left = role.untranslated
    if left is None or any(
        u == path or u.startswith(path + ".") or path.startswith(u + ".") for u in left
    ):
        return role.source_locale.replace("_", "-")
    return None


def guide_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> GuideContext:
    role = subject.role
    page = page_context(brand, theme, options, role.salary.currency if role.salary else "USD")
    labels, fmt = page.L, page.fmt
    reader = options.audience
    settings = reader.settings if reader else None
    style = chart_style(brand, theme)
    named = source_labels(labels, role)  # the charts' words: the source named, or honest
    benchmarks = options.config.benchmarks
    text_mm = page_mm(options.paper)[0] - 2 * SIDE_MARGIN_MM
    body = body_type(font_file(brand, theme, "body"), _body_text(role))
    side_mm = text_mm - body.measure_mm - SIDE_GAP_MM  # the side column, for small charts
    local = None
    if subject.official:
        local = regional(subject.official[0], role, labels, options.locale, style, text_mm)
    # Every pay figure of a regional edition is the area's official one.
    pay = pay_of_figures(local.figures, local.area) if local else pay_of_role(role, benchmarks)
    facts = key_facts(role, labels, fmt)
    mark = own_tier(role)
    education = entry_education(role)
    colors = brand.brand.colors
    office = brand.brand.office
    present = frozenset({"salary"} if local else ())
    growth = growth_of_role(role, benchmarks)
    run_on = (
        settings.run_on
        if settings and settings.run_on is not None
        else len(role.model_dump_json(exclude={"provenance", "sheet"})) < SHORT_GUIDE_CHARS
    )
    return GuideContext(
        **shared(
            page, untranslated=notice(role, labels, guide_groups()), us_edition=local is not None
        ),
        role=role,
        parts=(parts := guide_parts(role, labels, reader, present, run_on)),
        sections=[section for part in parts for section in part.sections],
        pay=pay,
        salary_chart=_spread_chart(pay, local, named, fmt, style, text_mm),
        growth_chart=growth_chart(growth, named, fmt, style, side_mm),
        outlook_words=outlook_words(role, growth, labels),
        outlook_period=unbroken_period(role.outlook.period if role.outlook else None),
        demand_chart=demand_chart(role, named, style, side_mm),
        stress=rating(role.stress_level, "stress", labels),
        balance=rating(role.balance_rating, "balance", labels),
        sources=sources(role, pay),
        education=education,
        education_steps=education_steps(education),
        mark=mark,
        reach=reach_text(role.tiers[mark], labels) if mark is not None else None,
        rungs=(chart := ladder(role, mark))[0],
        ladder_ticks=chart[1],
        years_at=years_places(
            chart[0], labels, font_file(brand, theme, "body"), body.size_pt, text_mm
        ),
        related=related_roles(
            role, mark, role_url=brand.brand.role_url or options.config.sheet.role_url
        ),
        cover_art=cover_art(
            len(role.tiers) or 5,
            mark,
            colors.primary,
            colors.accent,
            colors.background,
            centered=brand.brand.logo_position == "center",
        ),
        title_size=display_size(
            font_file(brand, theme, "heading"), role.title, TITLE_WIDTH_MM, TITLE_SIZES
        ),
        audience=(settings and settings.cover) or labels[f"cover_{_whose(reader)}"],
        whose=_whose(reader),
        body=body,
        booking=qr_chart(office.booking_url, colors.text, labels, QR_MM)
        if office.booking_url
        else None,
        pages_multiple=options.config.guide.pages_multiple,
        short=run_on,
        compact=bool(settings and settings.compact),
        in_brief=reader is None or reader.prints("in-brief"),
        glance=reader is None or reader.prints("at-a-glance"),
        back_cover=reader is None or reader.prints("back-cover"),
        facts=regional_facts(facts, local, labels) if local else facts,
        foreign=foreign_sections(role),
        metadata=provenance_metadata(role),
        regional=local,
    )


#: Growth against all occupations' over the same period, in words, as the BLS Occupational Outlook
#: Handbook bands it (all occupations 3 %: 7 % or more "much faster than average", 5-6 %
#: "faster", 3-4 % "as fast", 1-2 % "slower"), here counted from the benchmark's rate: (points
#: above it at least, label key), first match.
OUTLOOK_BANDS = (
    (4.0, "outlook_much_faster"),
    (2.0, "outlook_faster"),
    (0.0, "outlook_average"),
    (-2.0, "outlook_slower"),
)
#: Without a benchmark of the same period (or below the bands), the rate in words on its own:
#: (at least, label key), else declining.
OUTLOOK_TRENDS = ((1.0, "outlook_growing"), (-1.0, "outlook_stable"))


def outlook_words(
    role: Role, growth: Growth | None, labels: Labels
) -> tuple[str, str | None] | None:
    """The outlook in words: the role's own when they are in the edition's language, else the
    catalogue's built from the figures (so a German page reads German), else the role's own,
    marked with their language. A rate is set against the benchmark only over the same period."""
    status = role.outlook.status if role.outlook else None
    if status and source_language(role, "outlook.status") is None:
        return status, None
    if growth is not None:
        bench = growth.benchmark  # set only over the same period (pay.py::growth_of_role)
        key = None
        if bench is not None:
            above = growth.rate - bench.value
            key = next((k for low, k in OUTLOOK_BANDS if above >= low), None)
        key = key or next(
            (k for low, k in OUTLOOK_TRENDS if growth.rate >= low), "outlook_declining"
        )
        return labels[key], None
    return (status, source_language(role, "outlook.status")) if status else None


def _spread_chart(
    pay: Pay | None,
    local: Regional | None,
    labels: Labels,
    fmt: Formatter,
    style: Style,
    width_mm: float,
) -> Chart | None:
    """The glance page's pay chart: the spread with the median marked and named but not printed,
    which the quick facts above it print (each figure once on the page; review 7: the band had
    no median mark); a regional edition's source line as its own."""
    # A level equal to the median (an estimated mid level) would print it again.
    spread = pay and replace(pay, levels=tuple(v for v in pay.levels if v.value != pay.median))
    chart = salary_chart(spread, labels, fmt, style, width_mm, median_figure=False)
    if chart is not None and local is not None and local.chart is not None:
        chart = replace(chart, cited=local.chart.cited)
    return chart


def years_places(
    rungs: list[Rung], labels: Labels, font: Path | None, size_pt: float, text_mm: float
) -> dict[int, str]:
    """Where each ladder bar's years are printed: in the bar when they fit, else just after it
    (before it when the axis ends first). Beside its bar the label takes no room of its own
    (styles/guide.css sets it out of the flow), so no row grows and the ladder keeps its height."""
    track_mm = text_mm - LADDER_NAME_MM
    places = {}
    for rung in rungs:
        if rung.start is None or rung.width is None:
            continue
        need = 1.08 * text_width_mm(font, years_text(rung.tier, labels), YEARS_EM * size_pt)
        need += YEARS_PAD_MM
        if rung.width * track_mm / 100 >= need:
            places[rung.number] = "in"
        elif (100 - rung.start - rung.width) * track_mm / 100 >= need:
            places[rung.number] = "after"
        else:
            places[rung.number] = "before"
    return places


def reach_text(tier: Tier, labels: Labels) -> str | None:
    """The experience it takes to reach a tier: the lower bound of its range ("from about
    1 year"), since its upper bound is how long people stay, not what it takes to get there;
    the words as written when they give no years."""
    low = tier.years_min
    if low is None:
        return tier.experience
    if low == 0:
        return labels.reach_none
    return labels.reach_one_year if low == 1 else labels.format("reach_years", low=low)


def years_text(tier: Tier, labels: Labels) -> str:
    """A tier's years as the ladder prints them (partials/macros.html.j2's ``years``)."""
    low, high = tier.years_min, tier.years_max
    if low is None:
        return tier.experience or ""
    if high is None:
        return labels.format("years_plus", low=low)
    if high != low:
        return labels.format("years_range", low=low, high=high)
    return labels.format("years_exact", low=low)


def _whose(reader: Audience | None) -> str:
    """Whose built-in texts an audience takes when it sets none of its own."""
    return reader.label_name if reader else DEFAULT


def _body_text(role: Role) -> str:
    return " ".join([role.summary, *role.core_functions, *role.path, *role.work_setting])[:4000]


#: The theme's own faces (styles/base.css), read when a brand sets no font of its own.
_THEME_FONTS = {"body": "fonts/Inter-Regular.otf", "heading": "fonts/NotoSerif-Bold.ttf"}


def font_file(brand: BrandKit, theme: Theme, slot: str) -> Path | None:
    """The file of the face text of ``slot`` is mostly set in: the brand's regular body face or
    bold heading face, else the theme's."""
    font = getattr(brand.brand.fonts, slot)
    if font is not None and font.files and brand.folder is not None:
        wanted = (400, "normal") if slot == "body" else (700, "normal")
        files = sorted(font.files, key=lambda f: font.face(f) != wanted)
        path: Path = brand.folder / files[0]
        return path
    try:
        return theme.style(_THEME_FONTS[slot])
    except TemplateProblem:
        return None


def provenance_metadata(role: Role) -> list[tuple[str, str]]:
    """The source file, its completeness, what it lacked and whether its encoding was repaired:
    production details for the PDF's document information, not for readers."""
    p = role.provenance
    found: list[tuple[str, str]] = [("source-completeness", p.completeness)]
    if p.source:
        found.insert(0, ("source-file", p.source))
    if p.retrieved:
        found.append(("source-retrieved", p.retrieved.isoformat()))
    if p.missing_sections:
        found.append(("source-missing-sections", ", ".join(p.missing_sections)))
    found.append(("source-encoding-repaired", "yes" if p.encoding_repaired else "no"))
    if p.notes:
        found.append(("source-notes", p.notes))
    return found
