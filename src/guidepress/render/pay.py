"""Pay and growth figures as charts show them: one type each, whether the figures come from the
role's source page (an advertised range, levels often estimated from it; a growth rate the page
states) or from official statistics by region (percentiles of a real distribution, with the
area's all-occupations median as a benchmark).

Every pay chart draws from a :class:`Pay`, every growth chart from a :class:`Growth`;
``pay_of_role`` and ``growth_of_role`` make them from a role's own figures, with the benchmarks
the project's config holds (content/models/config.py::Benchmarks); ``pay_of_figures`` makes a
``Pay`` from a region's official figures (a data release's percentiles), its benchmark the
area's all-occupations median.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from guidepress.content.models import Role
from guidepress.content.models.config import Benchmarks
from guidepress.paydata import PayFigures

LEVELS = ("entry", "mid", "senior")


@dataclass(frozen=True)
class Level:
    """Pay at one career level: ``name`` is one of LEVELS."""

    name: str
    value: float
    estimated: bool  # computed from the range, not surveyed: drawn and labelled as an estimate


@dataclass(frozen=True)
class Benchmark:
    """What a figure is set against: all occupations in ``area``, with its citation. Pay and
    growth benchmarks are the same type, whether the config or a data release supplies them."""

    value: float  # pay in the chart's currency and period, or growth in percent
    area: str | None = None  # "United States", "Ohio"
    source: str | None = None  # "U.S. Bureau of Labor Statistics, OEWS, May 2025"
    period: str | None = None  # growth only: the projection period ("2024–34")


@dataclass(frozen=True)
class Pay:
    """What one pay chart shows, in ``currency`` per ``period``."""

    currency: str
    period: Literal["annual", "monthly", "hourly"]
    #: What the ends are: the source's usual range ("range"), or the 10th and 90th percentiles
    #: of a real distribution ("percentiles").
    ends: Literal["range", "percentiles"]
    low: float
    high: float
    median: float | None = None
    p25: float | None = None  # percentiles only
    p75: float | None = None
    levels: tuple[Level, ...] = ()
    top_10_percent: float | None = None  # where the top 10 % of earners start, if the source says
    #: Fields at or above the data's top code: printed as "$239,200 or more".
    top_coded: frozenset[str] = frozenset()
    benchmark: Benchmark | None = None  # all occupations' median, same currency and period
    area: str | None = None  # where the figures apply ("Ohio"; the source's region)
    source: str | None = None  # the citation; None: the role's own source page
    retrieved: date | None = None  # when the role's source page was read, if known


@dataclass(frozen=True)
class Growth:
    """Projected employment growth of a role, in percent, and what it is set against."""

    rate: float
    period: str | None = None  # "2024–34"; None when the source does not say
    sources: tuple[str, ...] = ()  # whom the source page cites for it
    benchmark: Benchmark | None = None


def pay_of_role(role: Role, benchmarks: Benchmarks | None = None) -> Pay | None:
    """The role's own figures (its source page's), when they give a range, set against the
    configured all-occupations median of the same currency and period."""
    salary = role.salary
    if salary is None or salary.min is None or salary.max is None:
        return None
    levels = tuple(
        Level(name, value, salary.levels_estimated)
        for name in LEVELS
        if salary.levels is not None and (value := getattr(salary.levels, name)) is not None
    )
    benchmark = None
    for candidate in benchmarks.pay if benchmarks else []:
        if (candidate.currency, candidate.period) == (salary.currency, salary.period):
            benchmark = Benchmark(candidate.median, candidate.area, candidate.source)
            break
    return Pay(
        currency=salary.currency,
        period=salary.period,
        ends="range",
        low=salary.min,
        high=salary.max,
        median=salary.median,
        levels=levels,
        top_10_percent=salary.top_10_percent,
        benchmark=benchmark,
        area=salary.region,
        retrieved=role.provenance.retrieved,
    )


def growth_of_role(role: Role, benchmarks: Benchmarks | None = None) -> Growth | None:
    """The role's projected growth as its source states it, against the configured benchmark
    when both are projections over the same period.

    Why: "8 %" over an unstated period beside "3 %, 2024–34" invites a comparison the figures do
    not support (growth over ten years is not growth over five); so a benchmark of another
    period, or a role's growth with no period, is left out, never drawn beside it."""
    outlook = role.outlook
    rate = role.growth_rate
    if rate is None and outlook is not None:
        rate = outlook.growth_rate
    if rate is None:
        return None
    given = growth_benchmark(benchmarks)
    period = outlook.period if outlook else None
    if given is not None and not same_period(period, given.period):
        given = None
    return Growth(
        rate=rate,
        period=unbroken_period(period),
        sources=tuple(outlook.sources) if outlook else (),
        benchmark=given,
    )


def growth_benchmark(benchmarks: Benchmarks | None) -> Benchmark | None:
    """The configured growth benchmark (all occupations' projected growth), its period never
    broken across lines; whether it may be drawn beside a figure is growth_of_role's call."""
    given = benchmarks.growth if benchmarks else None
    if given is None:
        return None
    return Benchmark(given.rate, given.area, given.source, unbroken_period(given.period))


def unbroken_period(period: str | None) -> str | None:
    """A period ("2024–34") that never breaks across lines: a line may break after an en dash,
    which left "2024–" on one line and "34" on the next; a word joiner after each dash (and
    no-break spaces) keeps it whole. Printed text is the same."""
    if not period:
        return period
    return re.sub("([\u2013\u2014-])(?!\u2060)", "\\1\u2060", period).replace(" ", "\u00a0")


def same_period(one: str | None, other: str | None) -> bool:
    """Whether two projection periods are the same ("2024-34" and "2024–34" are): never when
    either is unknown."""
    if not one or not other:
        return False

    def key(text: str) -> str:
        return (
            "".join(text.split())
            .replace("\u2060", "")
            .replace("\u2013", "-")
            .replace("\u2014", "-")
            .casefold()
        )

    return key(one) == key(other)


def pay_of_figures(figures: PayFigures, area: str | None = None) -> Pay | None:
    """A region's official figures: the 10th to 90th percentiles of a real distribution, the
    median, and the area's all-occupations median as the benchmark. Where an end is not
    published, the nearest published percentile stands in; None when no wage is published.
    ``area``: the area's name in the edition's language (regional.py::area_of; "USA" in
    German), else the store's ("U.S.")."""
    area = area or figures.area_name
    published = [value for _, value in figures.percentiles if value is not None]
    if not published:
        return None
    low = figures.p10 if figures.p10 is not None else min(published)
    high = figures.p90 if figures.p90 is not None else max(published)
    names = {"p10": "low", "p90": "high", "median": "median", "p25": "p25", "p75": "p75"}
    top_coded = frozenset(names[n] for n in figures.top_coded if n in names)
    if "benchmark_median" in figures.top_coded:
        top_coded |= {"benchmark"}
    benchmark = None
    if figures.benchmark_median is not None:
        benchmark = Benchmark(figures.benchmark_median, area, figures.citation)
    return Pay(
        currency=figures.currency,
        period=cast(Literal["annual", "monthly", "hourly"], figures.period),
        ends="percentiles",
        low=low,
        high=high,
        median=figures.median,
        p25=figures.p25,
        p75=figures.p75,
        top_coded=top_coded,
        benchmark=benchmark,
        area=area,
        source=figures.citation,
    )
