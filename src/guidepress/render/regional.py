"""What a regional edition prints about a role's pay: the area's official figures (percentiles,
median, employment, location quotient), the area's all-occupations median as the benchmark,
the occupation they count, the source's citation, and the source page's own range as the
"advertised range". Every text is formatted here, for the output's locale."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from guidepress.content.models import Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.paydata import ONET_CREDIT, PayFigures
from guidepress.paydata.areas import NATIONAL
from guidepress.render import charts
from guidepress.render.citations import has_source_page
from guidepress.render.context import Official
from guidepress.render.figures import Chart, salary_chart
from guidepress.render.pay import pay_of_figures

_SOC = re.compile(r"\d\d-\d{4}")
_ROWS = (
    ("p10", "percentile_10"),
    ("p25", "percentile_25"),
    ("median", "median"),
    ("p75", "percentile_75"),
    ("p90", "percentile_90"),
)


@dataclass(frozen=True)
class Regional:
    """One role's official pay in one area, every text ready for the templates."""

    figures: PayFigures
    area: str  # "Ohio"
    edition: str  # "Ohio edition"
    heading: str  # "Pay in Ohio"
    occupation: str  # "Sales Representatives, ... (SOC 41-4011)"
    period: str  # "Annual salary, USD"
    citation: str  # "Source: U.S. Bureau of Labor Statistics, ..., May 2025."
    median_label: str  # "Median pay, Ohio"
    median: str  # "$108,370" (or "$239,200 or more")
    rows: list[tuple[str, str]]  # (label, value): percentiles, employment, location quotient
    #: The rows a chart does not show (25th, 75th percentile, employment, location quotient),
    #: as one line: "25th percentile $65,060 · 75th percentile $162,080 · Employment 9,870".
    beside_chart: str
    benchmark: str | None  # "All occupations in Ohio: median $49,380"
    advertised: str | None  # "Advertised range on the source page: $70,000–$140,000 a year"
    notes: list[str] = field(default_factory=list)  # hourly only, top code, not published
    onet: str | None = None  # "O*NET-SOC 41-4011.00: title. description"
    onet_credit: str | None = None
    chart: Chart | None = None


def regional(
    official: Official,
    role: Role,
    labels: Labels,
    locale: str,
    style: charts.Style | None = None,
    width_mm: float | None = None,
) -> Regional:
    """The regional texts of ``role``, and its pay chart ``width_mm`` wide in ``style`` (the
    brand's: figures.chart_style) when both are given."""
    figures = official.figures
    fmt = money_format(figures, locale)
    national = figures.area_code == NATIONAL
    # The nation by the catalogue's name for it ("USA" in German), its heading with the article
    # English wants ("Pay in the U.S.").
    area = labels.area_us if national else figures.area_name
    rows = [
        (labels[key], _money(figures, name, fmt, labels))
        for name, key in _ROWS
        if getattr(figures, name) is not None
    ]
    number = Formatter(locale)
    if figures.employment is not None:
        rows.append((labels.employment, number.number(figures.employment)))
    if figures.location_quotient is not None:
        rows.append((labels.location_quotient, number.number(figures.location_quotient, 2)))
    benchmark = None
    if figures.benchmark_median is not None:
        amount = _money(figures, "benchmark_median", fmt, labels)
        benchmark = labels.format("benchmark", area=area, amount=amount)
    pay = pay_of_figures(figures, area)
    release = figures.release
    chart = None
    if pay is not None and style is not None and width_mm is not None:
        chart = salary_chart(pay, labels, fmt, style, width_mm)
        if (
            chart is not None and chart.cited
        ):  # its source line names the release, a date: never broken
            chart = replace(chart, cited=chart.cited.replace(release, unbroken(release)))
    onet = official.onet
    return Regional(
        figures=figures,
        area=area,
        edition=labels.format("regional_edition", area=area),
        heading=labels.pay_in_us if national else labels.format("pay_in_area", area=area),
        occupation=occupation_line(figures, labels),
        period=labels.format(
            "salary_no_region",
            period=labels["salary_period_" + figures.period],
            currency=figures.currency,
        ),
        citation=labels.format(
            "official_source",
            citation=figures.citation.replace(release, unbroken(release)),
        ),
        median_label=labels.format("median_in_area", area=area),
        median=_money(figures, "median", fmt, labels) if figures.median is not None else "—",
        rows=rows,
        beside_chart=" · ".join(
            f"{label} {value}"
            for label, value in rows
            if label not in {labels.percentile_10, labels.median, labels.percentile_90}
        ),
        benchmark=benchmark,
        advertised=advertised(role, labels, locale),
        notes=_notes(figures, fmt, labels),
        onet=f"O*NET-SOC {onet.code}: {onet.title}. {onet.description}".strip() if onet else None,
        onet_credit=ONET_CREDIT if onet else None,
        chart=chart,
    )


def unbroken(text: str) -> str:
    """``text`` ("May 2025") with no-break spaces: a date never breaks across lines."""
    return text.replace(" ", "\u00a0")


def money_format(figures: PayFigures, locale: str) -> Formatter:
    """Hourly wages keep their cents; yearly and monthly pay is shown in whole units."""
    return Formatter(locale, figures.currency, cents=figures.period == "hourly")


def occupation_line(figures: PayFigures, labels: Labels) -> str:
    """The occupation the figures count: "Title (SOC 41-4011)", or "Title (2433)" for another
    classification."""
    key = "occupation_soc" if _SOC.fullmatch(figures.occupation_code) else "occupation_other"
    return labels.format(key, title=figures.occupation_title, code=figures.occupation_code)


def advertised(role: Role, labels: Labels, locale: str) -> str | None:
    """The role's own range (its source page's, else its profile's), kept beside the official
    figures."""
    salary = role.salary
    if salary is None or salary.min is None or salary.max is None:
        return None
    fmt = Formatter(locale, salary.currency)
    span = labels.format("range_short", low=fmt.money(salary.min), high=fmt.money(salary.max))
    key = "advertised_range" if has_source_page(role) else "profile_range"
    return labels.format(key, range=span, per=labels["per_" + salary.period])


def key_facts(
    facts: list[tuple[str, str]], regional: Regional, labels: Labels
) -> list[tuple[str, str]]:
    """The role's key facts with the area's official median first, in place of the source's."""
    rest = [fact for fact in facts if fact[0] != labels.median_salary]
    return [(regional.median_label, regional.median), *rest]


def _money(figures: PayFigures, name: str, fmt: Formatter, labels: Labels) -> str:
    text = fmt.money(getattr(figures, name))
    return labels.format("or_more", amount=text) if name in figures.top_coded else text


def _notes(figures: PayFigures, fmt: Formatter, labels: Labels) -> list[str]:
    notes = []
    if figures.hourly_only:
        notes.append(labels.hourly_only_note)
    if figures.top_coded & {name for name, _ in _ROWS}:
        coded = min(getattr(figures, n) for n in figures.top_coded if n in dict(_ROWS))
        notes.append(labels.format("top_coded_note", amount=fmt.money(coded)))
    names = dict(_ROWS) | {"employment": "employment", "location_quotient": "location_quotient"}
    # A location quotient compares an area with the nation: the nation's own is never published.
    national = figures.area_type == "national"
    missing = [
        labels[names[name]]
        for name, _ in figures.not_published
        if name in names and not (national and name == "location_quotient")
    ]
    if missing:
        notes.append(labels.format("not_published", fields=", ".join(missing)))
    return notes
