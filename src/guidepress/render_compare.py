"""Stage 3 for comparison sheets: 2 to 4 roles side by side on one page, shared scales."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from guidepress import __version__, charts, overlays
from guidepress.formatting import Formatter
from guidepress.labels import Labels, catalogue
from guidepress.models import Role
from guidepress.project import BrandKit
from guidepress.render_html import (
    Chart,
    RenderedHtml,
    data_url,
    first_sentence,
    label_key,
    logo_data_url,
    palette_of,
    render_template,
)
from guidepress.render_sheet import MARGIN_MM, page_mm
from guidepress.theme import Theme

COMPARE_STYLES = ("base.css", "one-page.css", "compare.css")
#: Comparison footers carry sources and the brand, no QR code: they need less room.
COMPARE_FOOTER_MM = 16.0
#: Items per cell: fewer when more roles share the page (4 seed-sized roles need it to fit).
TOP_ITEMS = {2: 5, 3: 3, 4: 3}
TOP_PROS = 2


@dataclass(frozen=True)
class Column:
    """One role's column: every value already formatted for the locale."""

    role: Role
    median: str
    range: str
    growth: str
    demand: str
    remote: str
    stress: str
    balance: str
    education: str
    senior_years: str
    skills: list[tuple[str, bool]]  # (name, shared with another role)
    tools: list[tuple[str, bool]]
    pros: list[str]
    cons: list[str]


@dataclass(frozen=True)
class CompareContext:
    title: str
    intro: str | None
    notes: str | None
    columns: list[Column]
    chart: Chart | None
    brand: BrandKit
    L: Labels
    fmt: Formatter
    locale: str
    paper: str
    landscape: bool
    edition: date
    scale: float
    measure: bool
    page_mm: tuple[float, float]
    logo: str | None
    sources: list[str]
    print_marks: bool = False
    margin_mm: float = MARGIN_MM
    footer_mm: float = COMPARE_FOOTER_MM
    generator: str = f"guidepress {__version__}"
    untranslated: str | None = None  # the notice naming content still in the source language


def is_landscape(orientation: str | None, count: int) -> bool:
    """Portrait for two roles, landscape for three or four, unless the comparison says."""
    return orientation == "landscape" if orientation else count > 2


def senior_years(role: Role, labels: Labels) -> str:
    """Years to the first tier called senior; else to the tier above the middle of the ladder."""
    if not role.tiers:
        return "—"
    tier = next(
        (t for t in role.tiers if re.search(r"\bs[eé]nior\b", t.title, re.I)),
        role.tiers[min(len(role.tiers) - 1, len(role.tiers) // 2 + 1)],
    )
    if tier.years_min is None:
        return tier.experience or "—"
    return labels.format("years_plus", low=tier.years_min)


def _marked(lists: list[list[str]]) -> list[list[tuple[str, bool]]]:
    counts: dict[str, int] = {}
    for items in lists:
        for key in {item.casefold() for item in items}:
            counts[key] = counts.get(key, 0) + 1
    return [[(item, counts[item.casefold()] > 1) for item in items] for items in lists]


def render_comparison(
    title: str,
    roles: list[Role],
    brand: BrandKit,
    theme: Theme,
    *,
    locale: str,
    paper: str,
    edition: date,
    intro: str | None = None,
    notes: str | None = None,
    orientation: str | None = None,
    scale: float = 1.0,
    measure: bool = False,
    print_marks: bool = False,
) -> RenderedHtml:
    labels = catalogue(locale, theme.project_root)
    currency = next((r.salary.currency for r in roles if r.salary), "USD")
    fmt = Formatter(locale, currency)
    landscape = is_landscape(orientation, len(roles))
    top = TOP_ITEMS.get(len(roles), 3)
    skills = _marked([r.tech_skills[:top] for r in roles])
    tools = _marked([[t.name for t in r.tech_stack[:top]] for r in roles])
    columns = [_column(role, labels, fmt, skills[i], tools[i]) for i, role in enumerate(roles)]
    bands = [
        charts.Band(r.title, r.salary.min, r.salary.max, r.salary.median)
        for r in roles
        if r.salary and r.salary.min is not None and r.salary.max is not None
    ]
    chart = None
    if bands:
        svg = charts.salary_ranges(
            bands,
            fmt.money,
            fmt.money_short,
            palette_of(brand),
            width=640,
            row_height=20 if landscape else 26,
        )
        alt = "; ".join(
            f"{b.label}: "
            + labels.format("range_short", low=fmt.money(b.low), high=fmt.money(b.high))
            for b in bands
        )
        chart = Chart(data_url(svg), labels.format("compare_chart_alt", ranges=alt))
    sources = sorted(
        {s for r in roles if r.outlook for s in r.outlook.sources}
        | {ref.title for r in roles for ref in r.references}
    )
    context = CompareContext(
        title=title, intro=intro, notes=notes, columns=columns, chart=chart, brand=brand,
        L=labels, fmt=fmt, locale=locale, paper=paper, landscape=landscape, edition=edition,
        scale=round(scale, 4), measure=measure, page_mm=page_mm(paper, landscape),
        logo=logo_data_url(brand), sources=sources, print_marks=print_marks,
        untranslated=overlays.compare_notice(roles, labels),
    )  # fmt: skip
    html = render_template(theme, "compare.html.j2", context)
    return RenderedHtml(html, [theme.style(name) for name in COMPARE_STYLES])


def _column(
    role: Role,
    labels: Labels,
    fmt: Formatter,
    skills: list[tuple[str, bool]],
    tools: list[tuple[str, bool]],
) -> Column:
    salary = role.salary
    education = (role.required_education or role.education or [""])[0]
    return Column(
        role=role,
        median=fmt.money(salary.median) if salary and salary.median is not None else "—",
        range=labels.format("range_short", low=fmt.money(salary.min), high=fmt.money(salary.max))
        if salary and salary.min is not None and salary.max is not None
        else "",
        growth=fmt.percent(role.growth_rate) if role.growth_rate is not None else "—",
        demand=labels["demand_" + label_key(role.market_demand)] if role.market_demand else "—",
        remote=(labels.answer_yes if role.remote_friendly else labels.answer_no)
        if role.remote_friendly is not None
        else "—",
        stress=role.stress_level or "—",
        balance=role.balance_rating or "—",
        education=first_sentence(education) if education else "—",
        senior_years=senior_years(role, labels),
        skills=skills,
        tools=tools,
        pros=role.pros[:TOP_PROS],
        cons=role.cons[:TOP_PROS],
    )
