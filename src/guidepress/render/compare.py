"""The comparison sheet's context: 2 to 4 roles side by side on one page, on shared scales."""

from __future__ import annotations

import re
from dataclasses import dataclass

from guidepress.content.brands import BrandKit
from guidepress.content.models import Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.paper import page_mm
from guidepress.render import charts
from guidepress.render.context import (
    OnePage,
    OnePageContext,
    Options,
    Subject,
    page_context,
    shared,
)
from guidepress.render.figures import Chart, data_url, label_key, palette_of
from guidepress.render.translation import compare_notice
from guidepress.theme.filters import first_sentence
from guidepress.theme.lookup import Theme

#: Comparison footers carry sources and the brand, no QR code: they need less room.
PAGE = OnePage(footer_mm=16.0, first_scale=0.90)
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


@dataclass(frozen=True, kw_only=True)
class CompareContext(OnePageContext):
    """What comparison templates may use."""

    title: str
    intro: str | None
    notes: str | None
    columns: list[Column]
    chart: Chart | None
    landscape: bool
    sources: list[str]


def is_landscape(subject: Subject) -> bool:
    """Portrait for two roles, landscape for three or four, unless the comparison says."""
    orientation = subject.comparison.orientation if subject.comparison else None
    return orientation == "landscape" if orientation else len(subject.roles) > 2


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


def compare_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> CompareContext:
    comparison = subject.comparison
    assert comparison is not None, "a comparison sheet's subject is a comparison"
    roles = list(subject.roles)
    currency = next((r.salary.currency for r in roles if r.salary), "USD")
    page = page_context(brand, theme, options, currency)
    labels, fmt = page.L, page.fmt
    landscape = is_landscape(subject)
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
    return CompareContext(
        **shared(page, untranslated=compare_notice(roles, labels)),
        scale=round(options.scale, 4),
        measure=options.measure,
        page_mm=page_mm(options.paper, landscape),
        margin_mm=PAGE.margin_mm,
        footer_mm=PAGE.footer_mm,
        title=comparison.title,
        intro=comparison.intro,
        notes=comparison.notes,
        columns=columns,
        chart=chart,
        landscape=landscape,
        sources=sources,
    )


def too_long(subject: Subject, excess: float, floor: float) -> str:
    return (
        f"comparison '{subject.name}' does not fit on one page even at {floor:.0%} type size "
        f"(about {excess:.0%} too long): compare fewer roles or shorten their pros and cons"
    )


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
