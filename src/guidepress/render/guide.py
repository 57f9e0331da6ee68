"""The career guide's context: every part and section of one role, its at-a-glance figures with
their sources, the cover and back cover, and the text type its brand's body font calls for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guidepress.content.audiences import DEFAULT, Audience
from guidepress.content.brands import BrandKit
from guidepress.content.models import Role
from guidepress.errors import TemplateProblem
from guidepress.paper import page_mm
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
)
from guidepress.render.glance import (
    Related,
    Rung,
    education_steps,
    entry_education,
    ladder,
    related_roles,
    this_tier,
)
from guidepress.render.pay import Pay, growth_of_role, pay_of_figures, pay_of_role
from guidepress.render.regional import Regional, regional
from guidepress.render.regional import key_facts as regional_facts
from guidepress.render.sections import Part, Section, guide_parts
from guidepress.render.translation import foreign_sections, guide_groups, notice
from guidepress.render.typeset import BodyType, body_type, display_size
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


@dataclass(frozen=True, kw_only=True)
class GuideContext(PageContext):
    """Everything guide templates may use; templates and code agree on these names."""

    role: Role
    parts: list[Part]
    sections: list[Section]
    pay: Pay | None
    salary_chart: Chart | None
    growth_chart: Chart | None
    demand_chart: Chart | None
    sources: Sources
    education: str | None  # the typical entry education, a key of EDUCATION_LEVELS
    education_steps: list[tuple[str, bool]]
    mark: int | None  # the ladder tier this role is
    rungs: list[Rung]  # the ladder chart's bars
    ladder_ticks: list[int]  # its axis, in years
    related: list[Related]
    cover_art: str
    title_size: float
    audience: str  # the cover's line saying who the guide is for
    body: BodyType
    booking: Chart | None  # QR code of the office's booking link
    stress: Rating | None
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


def guide_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> GuideContext:
    role = subject.role
    page = page_context(brand, theme, options, role.salary.currency if role.salary else "USD")
    labels, fmt = page.L, page.fmt
    reader = options.audience
    settings = reader.settings if reader else None
    style = chart_style(brand, theme)
    benchmarks = options.config.benchmarks
    text_mm = page_mm(options.paper)[0] - 2 * SIDE_MARGIN_MM
    body = body_type(font_file(brand, theme, "body"), _body_text(role))
    side_mm = text_mm - body.measure_mm - SIDE_GAP_MM  # the side column, for small charts
    local = None
    if subject.official:
        local = regional(subject.official[0], role, labels, options.locale, style, text_mm)
    # Every pay figure of a regional edition is the area's official one.
    pay = pay_of_figures(local.figures) if local else pay_of_role(role, benchmarks)
    facts = key_facts(role, labels, fmt)
    mark = this_tier(role)
    education = entry_education(role)
    colors = brand.brand.colors
    office = brand.brand.office
    present = frozenset({"salary"} if local else ())
    run_on = (
        settings.run_on
        if settings and settings.run_on is not None
        else len(role.model_dump_json(exclude={"provenance", "sheet"})) < SHORT_GUIDE_CHARS
    )
    return GuideContext(
        **shared(page, untranslated=notice(role, labels, guide_groups())),
        role=role,
        parts=(parts := guide_parts(role, labels, reader, present, run_on)),
        sections=[section for part in parts for section in part.sections],
        pay=pay,
        salary_chart=local.chart if local else salary_chart(pay, labels, fmt, style, text_mm),
        growth_chart=growth_chart(growth_of_role(role, benchmarks), labels, fmt, style, side_mm),
        demand_chart=demand_chart(role, labels, style, side_mm),
        stress=rating(role.stress_level, "stress", labels),
        balance=rating(role.balance_rating, "balance", labels),
        sources=sources(role, pay),
        education=education,
        education_steps=education_steps(education),
        mark=mark,
        rungs=(chart := ladder(role, mark))[0],
        ladder_ticks=chart[1],
        related=related_roles(role, mark),
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
