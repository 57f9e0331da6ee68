"""Rows for ``guidepress list``: each role's key facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guidepress.content.project import ROLES_DIR, load_project
from guidepress.errors import Problem


def role_rows(root: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    """A row for every valid role, and the problems of the role files that are not."""
    project, problems = load_project(root)
    rows = []
    for slug, role in project.roles.items():
        salary = role.salary
        rows.append(
            {
                "slug": slug,
                "title": role.title,
                "median_salary": number(salary.median if salary else None),
                "currency": salary.currency if salary else None,
                "salary_min": number(salary.min if salary else None),
                "salary_max": number(salary.max if salary else None),
                "growth_rate": number(role.growth_rate),
                "market_demand": role.market_demand,
                "remote_friendly": role.remote_friendly,
                "completeness": role.provenance.completeness,
                "tiers": len(role.tiers),
                "path": str(project.role_files[slug].relative_to(root)),
            }
        )
    return rows, [p for p in problems if Path(p.file).parent == ROLES_DIR]


def number(value: float | None) -> float | int | None:
    """A whole number as an int (JSON ``90000``, not ``90000.0``); others unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
