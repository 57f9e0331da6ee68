"""Pay figures as charts show them: one type whether they come from the role's source page
(an advertised range, levels often estimated from it) or from official statistics by region
(percentiles of a real distribution, with the area's all-occupations median as a benchmark).

Every pay chart draws from a :class:`Pay`; ``pay_of_role`` makes one from a role's own salary
block, ``pay_of_figures`` from a region's official figures (a data release's percentiles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from guidepress.content.models import Role
from guidepress.paydata import PayFigures

LEVELS = ("entry", "mid", "senior")


@dataclass(frozen=True)
class Level:
    """Pay at one career level: ``name`` is one of LEVELS."""

    name: str
    value: float
    estimated: bool  # computed from the range, not surveyed: drawn and labelled as an estimate


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
    benchmark: float | None = None  # all occupations' median, same area and period
    area: str | None = None  # where the figures apply ("Ohio"; the source's region)
    source: str | None = None  # the citation ("U.S. Bureau of Labor Statistics, ..., May 2025")


def pay_of_role(role: Role) -> Pay | None:
    """The role's own figures (its source page's), when they give a range."""
    salary = role.salary
    if salary is None or salary.min is None or salary.max is None:
        return None
    levels = tuple(
        Level(name, value, salary.levels_estimated)
        for name in LEVELS
        if salary.levels is not None and (value := getattr(salary.levels, name)) is not None
    )
    return Pay(
        currency=salary.currency,
        period=salary.period,
        ends="range",
        low=salary.min,
        high=salary.max,
        median=salary.median,
        levels=levels,
        top_10_percent=salary.top_10_percent,
        area=salary.region,
    )


def pay_of_figures(figures: PayFigures) -> Pay | None:
    """A region's official figures: the 10th to 90th percentiles of a real distribution, the
    median, and the area's all-occupations median as the benchmark. Where an end is not
    published, the nearest published percentile stands in; None when no wage is published."""
    published = [value for _, value in figures.percentiles if value is not None]
    if not published:
        return None
    low = figures.p10 if figures.p10 is not None else min(published)
    high = figures.p90 if figures.p90 is not None else max(published)
    names = {"p10": "low", "p90": "high", "median": "median", "p25": "p25", "p75": "p75"}
    top_coded = frozenset(names[n] for n in figures.top_coded if n in names)
    if "benchmark_median" in figures.top_coded:
        top_coded |= {"benchmark"}
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
        benchmark=figures.benchmark_median,
        area=figures.area_name,
        source=figures.citation,
    )
