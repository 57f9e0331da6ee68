"""Rules that span fields, which the models cannot express field by field: pay inside its range,
a tier's years in order, sheet picks that exist, comparisons whose roles can share a sheet.

Each rule looks at the parts it needs. When a file has other problems (an unknown key, a wrong
type elsewhere), the rules still run on the parts that are valid on their own
(:func:`partial_role_checks`), so one run of ``validate`` says everything.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from pydantic import ValidationError

from guidepress.content.load import Document, Loc
from guidepress.content.models import Role
from guidepress.content.models.role import OccupationCodes, Salary, SheetPicks, Tier
from guidepress.content.names import did_you_mean
from guidepress.content.validate import valid_parts
from guidepress.errors import Problem

#: The role lists the one-page sheet picks from (``sheet.<name>``: 1-based positions).
PICKED = ("responsibilities", "tech_skills", "soft_skills", "tech_stack", "pros", "cons")


def role_checks(role: Role, doc: Document) -> list[Problem]:
    """Every cross-field rule of a valid role."""
    counts = {name: len(getattr(role, name)) for name in PICKED}
    return (
        pick_checks(role.sheet, counts, doc)
        + salary_checks(role.salary, doc)
        + tier_checks(list(enumerate(role.tiers)), doc)
        + occupation_checks(role.occupation, doc)
    )


def partial_role_checks(doc: Document) -> list[Problem]:
    """The cross-field rules of a role file that does not validate as a whole, run on its
    parts that do (the salary block, each tier, the sheet picks and the lists they count)."""
    parts = valid_parts(Role, doc.data)
    data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    raw_tiers = data.get("tiers")
    tiers = []
    for index, raw in enumerate(raw_tiers if isinstance(raw_tiers, list) else []):
        try:
            tiers.append((index, Tier.model_validate(raw)))
        except ValidationError:
            continue
    problems = salary_checks(parts.get("salary"), doc) + tier_checks(tiers, doc)
    problems += occupation_checks(parts.get("occupation"), doc)
    sheet = parts.get("sheet")
    if isinstance(sheet, SheetPicks):
        # A list with problems of its own is not counted: its picks cannot be judged.
        counts = {
            name: len(parts.get(name, [])) for name in PICKED if name in parts or name not in data
        }
        problems += pick_checks(sheet, counts, doc)
    return problems


def occupation_checks(codes: OccupationCodes | None, doc: Document) -> list[Problem]:
    """An O*NET-SOC code extends the SOC code given beside it. (Whether the codes are in the
    loaded pay data is the build's check: build/regional.py.)"""
    if codes is None or not codes.soc or not codes.onet or codes.onet.startswith(codes.soc):
        return []
    message = f"{codes.onet} is not in SOC {codes.soc} (an O*NET-SOC code starts with its SOC code)"
    return [doc.problem(("occupation", "onet"), message)]


def _money(value: float) -> str:
    return f"{value:,.0f}".replace(",", "")


def salary_checks(salary: Salary | None, doc: Document) -> list[Problem]:
    """The range is in order, and the median and the levels are inside it."""
    if salary is None:
        return []
    low, high = salary.min, salary.max
    if low is not None and high is not None and high < low:
        message = f"must be greater than salary.min (got {_money(high)} < {_money(low)})"
        return [doc.problem(("salary", "max"), message)]
    problems = []
    checks: list[tuple[Loc, float | None]] = [(("salary", "median"), salary.median)]
    if salary.levels is not None:
        checks += [
            (("salary", "levels", name), getattr(salary.levels, name))
            for name in ("entry", "mid", "senior")
        ]
    for loc, value in checks:
        if value is None:
            continue
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{_money(low) if low is not None else '…'}–"
            span += _money(high) if high is not None else "…"
            problems.append(
                doc.problem(
                    loc,
                    f"must be within salary.min and salary.max (got {_money(value)}, range {span})",
                )
            )
    levels = salary.levels
    entry, senior = (levels.entry, levels.senior) if levels else (None, None)
    if entry is not None and senior is not None and entry > senior:
        problems.append(
            doc.problem(
                ("salary", "levels", "senior"),
                f"must not be below salary.levels.entry (got {_money(senior)} < {_money(entry)})",
            )
        )
    return problems


def tier_checks(tiers: Sequence[tuple[int, Tier]], doc: Document) -> list[Problem]:
    """Each tier's years run from low to high (``experience: 5-2 years`` is a slip)."""
    problems = []
    for index, tier in tiers:
        low, high = tier.years_min, tier.years_max
        if low is None or high is None or high >= low:
            continue
        written = ("tiers", index, "years_max")
        loc = written if written in doc.positions else ("tiers", index, "experience")
        problems.append(
            doc.problem(loc, f"the most years must not be below the fewest (got {high} < {low})")
        )
    return problems


def pick_checks(sheet: SheetPicks, counts: dict[str, int], doc: Document) -> list[Problem]:
    """Every position the sheet picks is an item of its list (``counts``: the lists' lengths;
    a list missing from ``counts`` is not judged)."""
    problems = []
    for name in PICKED:
        if name not in counts:
            continue
        for index, position in enumerate(getattr(sheet, name) or []):
            if position > counts[name]:
                problems.append(
                    doc.problem(
                        ("sheet", name, index),
                        f"there is no item {position} in {name} (it has {counts[name]})",
                    )
                )
    return problems


def salary_mismatch(roles: list[Role]) -> tuple[int, str, str] | None:
    """(index, field, message) for the first role whose pay cannot share the first one's axis."""
    first = next((r for r in roles if r.salary), None)
    if first is None or first.salary is None:
        return None
    for index, role in enumerate(roles):
        if role.salary is None:
            continue
        for name in ("currency", "period"):
            mine, theirs = getattr(role.salary, name), getattr(first.salary, name)
            if mine != theirs:
                return (
                    index,
                    f"salary.{name}",
                    (
                        f"{role.slug} pays in {mine}, {first.slug} in {theirs}: "
                        "roles on one comparison sheet must share currency and period"
                    ),
                )
    return None


def comparison_checks(
    doc: Document,
    roles: dict[str, Role],
    broken: Collection[str] = (),
    brands: Collection[str] | None = None,
) -> list[Problem]:
    """Why a comparison file's roles cannot share one sheet (unknown roles, pay that cannot share
    an axis) and whether its brand exists; run on the file's ``roles`` and ``brand`` as written,
    whether or not the rest of the file is valid.

    A role in ``broken`` exists but has problems of its own, reported at its file, not here.
    """
    data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    slugs = data.get("roles")
    problems = []
    if isinstance(slugs, list):
        known = set(roles) | set(broken)
        problems += [
            doc.problem(
                ("roles", i), f"no role '{slug}' in content/roles" + did_you_mean(slug, known)
            )
            for i, slug in enumerate(slugs)
            if isinstance(slug, str) and slug not in known
        ]
        if not problems and all(isinstance(s, str) and s in roles for s in slugs):
            mismatch = salary_mismatch([roles[s] for s in slugs])
            if mismatch is not None:
                problems.append(doc.problem(("roles", mismatch[0]), mismatch[2]))
    brand = data.get("brand")
    if brands is not None and isinstance(brand, str) and brand not in brands:
        message = f"no brand '{brand}' in content/brands" + did_you_mean(brand, brands)
        problems.append(doc.problem(("brand",), message))
    return problems
