"""Booklets: many roles in one publication (guidepress.yaml's ``booklets:``), their roles in order.

A booklet names its roles (or ``all``), or titled groups of roles, an order, and may fix the
audience, brand and locale it is printed for. A project that configures none has one booklet of
every role, ``all-roles``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from guidepress.content.load import Document
from guidepress.content.models import Config, Role
from guidepress.content.models.config import BookletSettings
from guidepress.content.models.role import DEMAND_LEVELS
from guidepress.content.names import did_you_mean
from guidepress.errors import Problem

#: The booklet a project has when its guidepress.yaml configures none.
DEFAULT_BOOKLET = "all-roles"


@dataclass(frozen=True)
class Group:
    """A run of chapters: a titled group, or (title None) the roles of an ungrouped booklet."""

    title: str | None
    roles: tuple[str, ...]


def booklets(config: Config) -> dict[str, BookletSettings]:
    """Every booklet of the project, by name."""
    return dict(config.booklets) or {DEFAULT_BOOKLET: BookletSettings()}


def groups(settings: BookletSettings, roles: dict[str, Role]) -> list[Group]:
    """The booklet's chapters in print order, in their groups (roles that are not in
    ``roles``, the valid roles, are left out: their files have problems)."""
    if settings.groups is not None:
        found = [Group(g.title, tuple(g.roles)) for g in settings.groups]
    elif settings.roles is None:
        found = [Group(None, tuple(sorted(roles)))]
    else:
        found = [Group(None, tuple(settings.roles))]
    return [Group(g.title, _ordered(g.roles, settings.order, roles)) for g in found]


def _ordered(slugs: tuple[str, ...], order: str, roles: dict[str, Role]) -> tuple[str, ...]:
    present = [slug for slug in slugs if slug in roles]
    if order == "title":
        return tuple(sorted(present, key=lambda s: roles[s].title.casefold()))
    if order == "listed":
        return tuple(present)

    def key(slug: str) -> float:
        role = roles[slug]
        if order == "salary":
            value = role.salary.median if role.salary else None
        elif order == "growth":
            value = role.outlook.growth_rate if role.outlook else None
            value = role.growth_rate if value is None else value
        else:
            demand = role.market_demand
            value = DEMAND_LEVELS.index(demand) if demand else None
        return -value if value is not None else float("inf")  # highest first, unknown last

    return tuple(sorted(present, key=key))  # stable: ties keep the listed order


def members(settings: BookletSettings, roles: Collection[str]) -> tuple[str, ...]:
    """Every role the booklet names (``all``: ``roles``), in the order written."""
    if settings.groups is not None:
        return tuple(slug for group in settings.groups for slug in group.roles)
    return tuple(sorted(roles)) if settings.roles is None else tuple(settings.roles)


def booklet_checks(
    config: Config,
    doc: Document,
    roles: Collection[str],
    brands: Collection[str],
    audiences: Collection[str],
) -> list[Problem]:
    """Each booklet names roles, a brand and an audience the project has, and roles or groups,
    not both."""
    problems = []
    for name, settings in config.booklets.items():
        at = ("booklets", name)
        if settings.groups is not None and "roles" in settings.model_fields_set:
            message = "give roles or groups, not both"
            problems.append(doc.problem((*at, "groups"), message))
        named: list[tuple[tuple[str | int, ...], str]] = []
        if settings.groups is not None:
            for g, group in enumerate(settings.groups):
                named += [((*at, "groups", g, "roles", i), s) for i, s in enumerate(group.roles)]
        elif settings.roles is not None:
            named = [((*at, "roles", i), slug) for i, slug in enumerate(settings.roles)]
        seen: set[str] = set()
        for loc, slug in named:
            if slug not in roles:
                hint = did_you_mean(slug, roles)
                problems.append(doc.problem(loc, f"no role '{slug}' in content/roles{hint}"))
            elif slug in seen:
                problems.append(doc.problem(loc, f"role '{slug}' is in this booklet already"))
            seen.add(slug)
        if settings.brand is not None and settings.brand not in brands:
            hint = did_you_mean(settings.brand, brands)
            message = f"no brand '{settings.brand}' in content/brands{hint}"
            problems.append(doc.problem((*at, "brand"), message))
        if settings.audience is not None and settings.audience not in audiences:
            hint = did_you_mean(settings.audience, audiences)
            hint = hint or f" (audiences: {', '.join(sorted(audiences))})"
            problems.append(
                doc.problem((*at, "audience"), f"no audience '{settings.audience}'{hint}")
            )
        if settings.impose and settings.pages_multiple % 4:
            got = settings.pages_multiple
            message = f"a saddle-stitched booklet needs a multiple of 4 pages (got {got})"
            problems.append(doc.problem((*at, "pages_multiple"), message))
    return problems
