"""What the guide's at-a-glance page and back cover read from a role beyond its fields: the
typical entry education, where this role sits on its ladder, and the roles related to it."""

from __future__ import annotations

from dataclasses import dataclass

from guidepress.content.education import education_level
from guidepress.content.models.role import EDUCATION_LEVELS, Role, Tier


def entry_education(role: Role) -> str | None:
    """The typical education to enter the role: its ``entry_education``, else the level its
    education text names first (English text only), else None."""
    if role.entry_education is not None:
        return role.entry_education
    return education_level([*role.required_education, *role.education, *role.path])


def education_steps(level: str | None) -> list[tuple[str, bool]]:
    """The education levels a reader sees on the scale (no formal credential is left out unless
    it is the level), each with whether it is this role's."""
    return [(key, key == level) for key in EDUCATION_LEVELS if key != "none" or level == "none"]


@dataclass(frozen=True)
class Related:
    title: str
    on_ladder: bool  # a step of this role's career ladder, not one the source named as related
    url: str | None = None  # the related role's page, when it is a role of the project


def related_roles(
    role: Role, mark: int | None, most: int = 4, role_url: str | None = None
) -> list[Related]:
    """Up to ``most`` roles to look at next: those the role names, then the steps above it on
    its ladder (the next one up first; a step down is no next step). ``role_url``: the pattern
    of role pages (``{slug}``), for the named roles that are the project's."""
    found = [
        Related(r.title, False, role_url.replace("{slug}", r.slug) if role_url and r.slug else None)
        for r in role.related_roles[:most]
    ]
    seen = {r.title.casefold() for r in found} | {role.title.casefold()}
    if mark is not None:
        for tier in role.tiers[mark + 1 :]:
            if len(found) >= most:
                break
            if tier.title.casefold() not in seen:
                found.append(Related(tier.title, True))
                seen.add(tier.title.casefold())
    return found


@dataclass(frozen=True)
class Rung:
    """One tier on the ladder chart: where its bar of typical years of experience starts and
    how long it is, in percent of the chart's axis (None: the source gives no years)."""

    number: int
    tier: Tier
    start: float | None
    width: float | None
    open_end: bool  # "8+ years": the bar runs to the end of the axis
    mark: bool  # this role


def ladder(role: Role, mark: int | None) -> tuple[list[Rung], list[int]]:
    """The tiers as bars on a years-of-experience axis, and the axis' tick years (0 first)."""
    ends = [
        t.years_max if t.years_max is not None else t.years_min + 4
        for t in role.tiers
        if t.years_min is not None
    ]
    span = max(10, -(-max(ends, default=10) // 5) * 5)
    step = 5 if span > 10 else 2
    rungs = []
    for index, tier in enumerate(role.tiers):
        start = width = None
        if tier.years_min is not None:
            end = tier.years_max if tier.years_max is not None else span
            start = round(100 * tier.years_min / span, 2)
            width = round(100 * max(end - tier.years_min, 0.6) / span, 2)
        open_end = tier.years_min is not None and tier.years_max is None
        rungs.append(Rung(index + 1, tier, start, width, open_end, index == mark))
    return rungs, list(range(0, span + 1, step))
