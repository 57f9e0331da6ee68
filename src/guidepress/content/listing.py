"""Rows for ``guidepress list``: each role's key facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guidepress.content.project import load_project
from guidepress.errors import ContentError


def role_rows(root: Path) -> list[dict[str, Any]]:
    project, problems = load_project(root)
    role_problems = [p for p in problems if p.file.startswith("content/roles/")]
    if role_problems:
        raise ContentError(role_problems)
    rows = []
    for slug, role in project.roles.items():
        salary = role.salary
        rows.append(
            {
                "slug": slug,
                "title": role.title,
                "median_salary": salary.median if salary else None,
                "currency": salary.currency if salary else None,
                "salary_min": salary.min if salary else None,
                "salary_max": salary.max if salary else None,
                "growth_rate": role.growth_rate,
                "market_demand": role.market_demand,
                "remote_friendly": role.remote_friendly,
                "completeness": role.provenance.completeness,
                "tiers": len(role.tiers),
                "path": str(project.role_files[slug].relative_to(root)),
            }
        )
    return rows
