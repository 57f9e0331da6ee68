"""The comparison sheet's context: 2 to 4 roles side by side on one page, on shared scales."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
from guidepress.render.regional import Regional, money_format, regional
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
    regional: Regional | None = None  # a regional edition's official pay for this role


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
    #: A regional edition: the chart's caption (area, what the bars are) and the benchmark.
    official_caption: str | None = None
    benchmark: str | None = None
    official_notes: list[str] = field(default_factory=list)  # hourly only, top code, ...


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
    local = (
        [
            regional(item, role, labels, options.locale, brand, chart_width=None)
            for item, role in zip(subject.official, roles, strict=True)
        ]
        if subject.official
        else []
    )
    columns = [
        _column(role, labels, fmt, skills[i], tools[i], local[i] if local else None)
        for i, role in enumerate(roles)
    ]
    money = fmt
    if local:
        money = money_format(local[0].figures, options.locale)
        bands = [
            charts.Band(r.title, pay.p10 or pay.median or 0, pay.p90 or pay.median or 0, pay.median)
            for r, pay in ((role, view.figures) for role, view in zip(roles, local, strict=True))
        ]
    else:
        bands = [
            charts.Band(r.title, r.salary.min, r.salary.max, r.salary.median)
            for r in roles
            if r.salary and r.salary.min is not None and r.salary.max is not None
        ]
    chart = None
    if bands:
        svg = charts.salary_ranges(
            bands,
            money.money,
            money.money_short,
            palette_of(brand),
            width=640,
            row_height=20 if landscape else 26,
        )
        alt = "; ".join(
            f"{b.label}: "
            + labels.format("range_short", low=money.money(b.low), high=money.money(b.high))
            for b in bands
        )
        chart = Chart(data_url(svg), labels.format("compare_chart_alt", ranges=alt))
    sources = sorted(
        {s for r in roles if r.outlook for s in r.outlook.sources}
        | {ref.title for r in roles for ref in r.references}
    )
    if local:
        sources = [local[0].figures.citation, *sources]
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
        official_caption=labels.format("official_compare", area=local[0].area) if local else None,
        benchmark=local[0].benchmark if local else None,
        official_notes=list(dict.fromkeys(note for view in local for note in view.notes)),
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
    local: Regional | None = None,
) -> Column:
    salary = role.salary
    education = (role.required_education or role.education or [""])[0]
    if local is not None:
        median, span = local.median, _percentile_span(local, labels)
    else:
        median = fmt.money(salary.median) if salary and salary.median is not None else "—"
        span = (
            labels.format("range_short", low=fmt.money(salary.min), high=fmt.money(salary.max))
            if salary and salary.min is not None and salary.max is not None
            else ""
        )
    return Column(
        role=role,
        median=median,
        range=span,
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
        regional=local,
    )


def _percentile_span(local: Regional, labels: Labels) -> str:
    """ "10th–90th percentile" values as the rows print them (with "or more" where top-coded)."""
    rows = dict(local.rows)
    low, high = rows.get(labels.percentile_10), rows.get(labels.percentile_90)
    return labels.format("range_short", low=low, high=high) if low and high else ""
