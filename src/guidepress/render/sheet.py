"""The role sheet's context: a recruiter one-pager of one role, at the content level and scale
fitting tries.

What fits is chosen before type shrinks (pdf/fit.py): the sheet's lists show fewer items level by
level, in the order of LEVELS (duties, skills and tools first; type at 95 % before pros and cons);
only after the last level does type scale on, down to the floor (body 9 pt, labels 7 pt). Lists
the role file picks itself (``sheet.responsibilities: [3, 1]``) are never shortened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from guidepress.content.audiences import DEFAULT, Audience
from guidepress.content.brands import BrandKit
from guidepress.content.ladder import own_tier
from guidepress.content.models import Role
from guidepress.content.models.config import Contact
from guidepress.i18n.labels import Labels
from guidepress.paper import PT_PER_MM, page_mm
from guidepress.render.citations import has_source_page
from guidepress.render.context import (
    ONE_PAGE_ROOT_PT,
    OnePage,
    OnePageContext,
    Options,
    Subject,
    one_page_logo_mm,
    page_context,
    shared,
)
from guidepress.render.figures import (
    Chart,
    chart_style,
    demand_chart,
    growth_chart,
    qr_chart,
    salary_chart,
    source_labels,
)
from guidepress.render.pay import growth_of_role, pay_of_role
from guidepress.render.regional import Regional, regional
from guidepress.render.translation import SHEET_GROUPS, foreign_groups, notice
from guidepress.render.typefaces import Face
from guidepress.theme.filters import first_sentence, plain_text
from guidepress.theme.lookup import Theme

#: How many items each list shows, level by level, and the type scale of each: what fitting
#: gives up, in order. Type comes down to 95 % before the third pro and con go.
LISTS = ("responsibilities", "tech_skills", "soft_skills", "tech_stack", "pros", "cons")
LEVELS: tuple[dict[str, int], ...] = tuple(
    dict(zip(LISTS, counts, strict=True))
    for counts in (
        (5, 4, 3, 5, 3, 3),
        (4, 4, 3, 5, 3, 3),
        (4, 3, 2, 4, 3, 3),
        (3, 3, 2, 4, 3, 3),
        (3, 3, 2, 4, 3, 3),  # the same items, type at 95 %
        (3, 3, 2, 4, 2, 2),
        (3, 2, 2, 3, 2, 2),
    )
)
SCALES = (1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 0.95)
#: The footer band: QR code (QR_MM square), the call to action, contact, brand and disclaimer.
QR_MM = 25.5
FOOTER_MM = 32.5
#: The standfirst's type size in rem (styles/sheet.css, .standfirst) and its lines.
STANDFIRST_REM, STANDFIRST_LINES = 1.16, 2
#: Width of the figures column beside the pay chart.
FACTS_MM = 66.0
GAP_MM = 6.0

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """A tier of the career ladder, and whether it is the role the sheet is about."""

    title: str
    years: str
    this_role: bool


@dataclass(frozen=True)
class Group:
    """A labelled group of chips: technical skills, soft skills or tools."""

    name: str  # the list's field name (and the fit marker's)
    label: str
    items: list[tuple[str, bool]]  # (text, in high demand)

    @property
    def hot(self) -> bool:
        return any(hot for _, hot in self.items)


@dataclass(frozen=True, kw_only=True)
class SheetContext(OnePageContext):
    """What sheet templates may use."""

    role: Role
    standfirst: str
    standfirst_rem: float  # its type size: smaller (down to the body's) to hold two lines
    pay_chart: Chart | None
    growth_chart: Chart | None
    demand_chart: Chart | None
    sources: str | None  # where the charts' figures come from, one line under them
    remote: str | None
    chart_mm: float
    facts_mm: float
    picks: dict[str, list[object]]
    groups: list[Group]
    steps: list[Step]
    qr: Chart | None
    qr_url: str | None  # printed beside the code, without its scheme
    call_to_action: str
    contact: Contact | None
    foreign: dict[str, str]  # part of the sheet (SHEET_GROUPS key) -> the language it is in
    regional: Regional | None = None  # a regional edition's official pay


def picked(items: list[T], positions: list[int] | None, default: int) -> list[T]:
    """The items a sheet shows: the chosen 1-based positions, else the first ``default``."""
    if positions is None:
        return items[:default]
    return [items[p - 1] for p in positions if 0 < p <= len(items)]


def levels(subject: Subject) -> list[dict[str, int]]:
    """How many items each list shows at each level, for this role."""
    role = subject.role
    return [
        {
            name: len(picked(getattr(role, name), getattr(role.sheet, name), count))
            for name, count in counts.items()
        }
        for counts in LEVELS
    ]


#: The band at the foot of the page and the fitting levels.
PAGE = OnePage(footer_mm=FOOTER_MM, levels=levels, scales=SCALES)


def sheet_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> SheetContext:
    role = subject.role
    page = page_context(brand, theme, options, role.salary.currency if role.salary else "USD")
    # A role without a source page never cites one; a role with one keeps the short words (its
    # name in every chart's source line costs the sheet a line, and with it an item).
    labels = page.L if has_source_page(role) else source_labels(page.L, role)
    fmt = page.fmt
    reader = options.audience
    counts = LEVELS[min(options.level, len(LEVELS) - 1)]
    picks = {
        name: picked(getattr(role, name), getattr(role.sheet, name), count)
        for name, count in counts.items()
    }
    paper = page_mm(options.paper)
    content = paper[0] - 2 * PAGE.margin_mm
    chart_mm = content - FACTS_MM - GAP_MM
    style = chart_style(brand, theme)
    benchmarks = options.config.benchmarks
    url, own = _qr_target(role, options, brand)
    local = None
    if subject.official:  # a regional edition: the area's official pay in place of the page's
        local = regional(subject.official[0], role, labels, options.locale, style, chart_mm)
        pay = local.chart
    else:
        pay = salary_chart(pay_of_role(role, benchmarks), labels, fmt, style, chart_mm)
    growth = growth_chart(growth_of_role(role, benchmarks), labels, fmt, style, FACTS_MM)
    demand = demand_chart(role, labels, style, FACTS_MM)
    return SheetContext(
        **shared(page, untranslated=notice(role, labels, SHEET_GROUPS)),
        level=options.level,
        scale=round(options.scale, 4),
        page_mm=paper,
        margin_mm=PAGE.margin_mm,
        footer_mm=PAGE.footer_mm,
        logo_mm=one_page_logo_mm(brand),
        role=role,
        standfirst=(opening := standfirst(role)),
        standfirst_rem=standfirst_rem(opening, style.face, content),
        pay_chart=pay,
        growth_chart=growth,
        demand_chart=demand,
        sources=_sources(labels, pay, growth, demand),
        remote=None
        if role.remote_friendly is None
        else labels.answer_yes
        if role.remote_friendly
        else labels.answer_no,
        chart_mm=chart_mm,
        facts_mm=FACTS_MM,
        picks=picks,
        groups=_groups(picks, labels),
        steps=_steps(role, labels),
        qr=qr_chart(url, brand.palette.text, labels, QR_MM) if url else None,
        qr_url=url.split("://", 1)[-1].rstrip("/") if url else None,
        call_to_action=call_to_action(reader, labels, options, own),
        contact=options.config.sheet.contact,
        foreign=foreign_groups(role, SHEET_GROUPS),
        regional=local,
    )


def standfirst(role: Role) -> str:
    """The sheet's opening: ``sheet.summary``, else the summary's first sentence, as written
    (never cut inside a sentence: a shortened sentence is no longer the author's)."""
    return role.sheet.summary or first_sentence(role.summary)


def standfirst_rem(text: str, face: Face, width_mm: float) -> float:
    """The standfirst's type size in rem: its own size when the text takes two lines (measured
    in the brand's face, at full size); else the largest size down to the body's at which it
    does; else the body's size, on three lines or more."""
    room = STANDFIRST_LINES * width_mm * PT_PER_MM * 0.97  # line ends lose part of a word
    plain = plain_text(text)
    rem = STANDFIRST_REM
    while rem > 1.0 and face.width(plain, ONE_PAGE_ROOT_PT * rem) > room:
        rem = round(rem - 0.04, 2)
    return max(rem, 1.0)


def _sources(
    labels: Labels, pay: Chart | None, growth: Chart | None, demand: Chart | None
) -> str | None:
    """One line under the figures saying where each chart's figures come from (growth and
    demand both from the role's source page, said once)."""
    parts = []
    if pay and pay.cited:
        parts.append(f"{labels.salary}: {pay.cited}")
    if growth and growth.cited:
        named = labels.growth_and_demand if demand else labels.growth_rate
        parts.append(f"{named}: {growth.cited}")
    elif demand and demand.cited:
        parts.append(f"{labels.market_demand}: {demand.cited}")
    return labels.format("sources_line", parts=". ".join(parts)) if parts else None


def call_to_action(reader: Audience | None, labels: Labels, options: Options, own: bool) -> str:
    """What the QR code invites to: the audience's own words, else a built-in audience's (the
    employer's), else the config's choice (``sheet.call_to_action``) for a page about the role,
    or the brand's address."""
    settings = reader.settings if reader else None
    if settings and settings.call_to_action:
        return settings.call_to_action
    if reader and reader.label_name != DEFAULT:
        return labels[f"cta_{reader.label_name}"]
    return labels["qr_cta_" + options.config.sheet.call_to_action] if own else labels.qr_cta_brand


def _qr_target(role: Role, options: Options, brand: BrandKit) -> tuple[str | None, bool]:
    """Where the QR code points: the role's own url, else the brand's pattern for role pages
    (each brand's site has its own), else the config's, else the brand's address; and whether
    that is a page about the role."""
    if role.url:
        return role.url, True
    pattern = brand.brand.role_url or options.config.sheet.role_url
    if pattern:
        return pattern.replace("{slug}", role.slug), True
    return brand.brand.url, False


def _groups(picks: dict[str, list[object]], labels: Labels) -> list[Group]:
    groups = [
        Group("tech_skills", labels.tech_skills, [(str(s), False) for s in picks["tech_skills"]]),
        Group("soft_skills", labels.soft_skills, [(str(s), False) for s in picks["soft_skills"]]),
        Group(
            "tech_stack",
            labels.tech_stack,
            [(t.name, t.hot) for t in picks["tech_stack"]],  # type: ignore[attr-defined]
        ),
    ]
    return [group for group in groups if group.items]


def _steps(role: Role, labels: Labels) -> list[Step]:
    mark = own_tier(role)
    steps = []
    for index, tier in enumerate(role.tiers):
        if tier.years_min is not None and tier.years_max is None:
            years = labels.format("years_plus", low=tier.years_min)
        elif tier.years_min is not None and tier.years_max != tier.years_min:
            years = labels.format("years_range", low=tier.years_min, high=tier.years_max)
        elif tier.years_min is not None:
            years = labels.format("years_exact", low=tier.years_min)
        else:
            years = tier.experience or ""
        steps.append(Step(tier.title, years, index == mark))
    return steps


def too_long(
    subject: Subject, excess: float, paper: str, heights: Mapping[str, float] | None = None
) -> str:
    """Say which of the sheet's texts to shorten, longest first, and roughly by how much."""
    role = subject.role
    fewest = levels(subject)[-1]
    sizes: dict[str, tuple[int, int]] = {}
    opening = role.sheet.summary or first_sentence(role.summary)
    sizes["sheet.summary" if role.sheet.summary else "summary"] = (len(opening), 1)
    for name, count in fewest.items():
        items = picked(getattr(role, name), getattr(role.sheet, name), count)
        texts = [getattr(item, "name", item) for item in items]
        sizes[f"sheet.{name}"] = (sum(len(str(t)) for t in texts), len(texts))
    sizes["tiers"] = (sum(len(t.title) for t in role.tiers), len(role.tiers))
    longest = sorted(sizes.items(), key=lambda kv: -kv[1][0])[:2]
    advice = " or ".join(
        f"{name} ({chars} characters)"
        if name.endswith("summary")
        else f"{name} ({count} items, {chars} characters)"
        for name, (chars, count) in longest
    )
    return (
        f"role '{role.slug}' does not fit on one page even with the fewest items and type at "
        f"{PAGE.floor:.0%} (about {max(excess, 0.01):.0%} too long): shorten {advice}"
    )
