"""Stage 2: turn loaded documents into models, every problem as a located, one-line message."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Collection
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from guidepress.content.load import Document, Loc
from guidepress.content.models import Role
from guidepress.errors import Problem

M = TypeVar("M", bound=BaseModel)


def to_model(doc: Document, model: type[M], **overrides: Any) -> tuple[M | None, list[Problem]]:
    """Validate ``doc`` against ``model``; on failure return every problem, located."""
    data = doc.data
    if doc.empty and any(info.is_required() for info in model.model_fields.values()):
        return None, [doc.problem((), "file is empty")]
    if not isinstance(data, dict):
        return None, [doc.problem((), f"must be a mapping of fields (got {_kind(data)})")]
    try:
        return model.model_validate({**data, **overrides}), []
    except ValidationError as exc:
        errors = [e for e in exc.errors() if not _reported(doc, tuple(e["loc"]))]
        return None, [_problem(doc, model, err) for err in errors]


def _reported(doc: Document, loc: Loc) -> bool:
    # A value the loader could not read is reported there; its type error here would repeat it.
    return any(loc[: len(broken)] == broken for broken in doc.broken)


def _problem(doc: Document, model: type[BaseModel], err: Any) -> Problem:
    loc: Loc = tuple(err["loc"])
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "extra_forbidden":
        message = "unknown field" + _did_you_mean(str(loc[-1]), _fields_at(model, loc[:-1]))
    elif kind == "missing":
        message = "required field is missing"
    elif kind in ("string_type", "str_type"):
        message = f"must be text (got {_kind(value)})"
    elif kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"):
        message = f"must be a number (got {_show(value)})"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"must be true or false (got {_show(value)})"
    elif kind == "list_type":
        message = f"must be a list (got {_kind(value)})"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"must be a mapping of fields (got {_kind(value)})"
    elif kind == "literal_error":
        message = f"must be one of {ctx.get('expected', '')} (got {_show(value)})"
    elif kind == "string_pattern_mismatch":
        message = f"{_pattern_hint(loc)} (got {_show(value)})"
    elif kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1:
        message = "must not be empty"
    elif kind in ("too_short", "too_long"):
        message = f"{err['msg'][0].lower()}{err['msg'][1:]}"
    elif kind in ("greater_than_equal", "greater_than"):
        message = f"must be {'at least' if kind.endswith('equal') else 'more than'} "
        message += f"{ctx.get('ge', ctx.get('gt'))} (got {_show(value)})"
    elif kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        message = f"must be a date like 2026-01-31 (got {_show(value)})"
    else:
        message = str(err["msg"]).removeprefix("Value error, ")
        message = message[0].lower() + message[1:] if message else kind
    return doc.problem(loc, message)


_PATTERN_HINTS = {
    "slug": "must be lowercase letters, digits and single hyphens, like 'chef-de-partie'",
    "currency": "must be a three-letter ISO 4217 code like USD",
    "url": "must be a web address (http:// or https://) or a mailto: address",
    "soc": "must be a SOC code like 41-4011",
    "onet": "must be an O*NET-SOC code like 41-4011.00",
    "code": "must be an occupation code: letters, digits, dots and hyphens, like 2433",
}


def _pattern_hint(loc: Loc) -> str:
    name = str(loc[-1]) if loc else ""
    if name in _PATTERN_HINTS:
        return _PATTERN_HINTS[name]
    if len(loc) >= 2 and loc[-2] == "colors":
        return "must be a hex colour like #0b4f6c"
    if len(loc) >= 2 and loc[-2] == "locales":
        return "must be a locale code like en or pt-BR"
    if len(loc) >= 2 and loc[-2] == "regions":
        return "must be a region code like US, OH or 18140"
    return "has the wrong form"


def _did_you_mean(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Names of the fields of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, str):
        return f"text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 40 else text[:37] + "..."


def _money(value: float) -> str:
    return f"{value:,.0f}".replace(",", "")


def role_checks(role: Role, doc: Document) -> list[Problem]:
    """Cross-field rules the models cannot express field by field."""
    problems = _pick_checks(role, doc)
    codes = role.occupation
    if codes is not None and codes.soc and codes.onet and not codes.onet.startswith(codes.soc):
        problems.append(
            doc.problem(
                ("occupation", "onet"),
                f"{codes.onet} is not in SOC {codes.soc} (an O*NET-SOC code starts with its "
                "SOC code)",
            )
        )
    salary = role.salary
    if salary is None:
        return problems
    low, high = salary.min, salary.max
    if low is not None and high is not None and high < low:
        problems.append(
            doc.problem(
                ("salary", "max"),
                f"must be greater than salary.min (got {_money(high)} < {_money(low)})",
            )
        )
        return problems
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


def _pick_checks(role: Role, doc: Document) -> list[Problem]:
    problems = []
    for name in ("responsibilities", "tech_skills", "soft_skills", "tech_stack", "pros", "cons"):
        picks = getattr(role.sheet, name)
        count = len(getattr(role, name))
        for index, position in enumerate(picks or []):
            if position > count:
                problems.append(
                    doc.problem(
                        ("sheet", name, index),
                        f"there is no item {position} in {name} (it has {count})",
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
    slugs: list[str], roles: dict[str, Role], doc: Document, broken: Collection[str] = ()
) -> list[Problem]:
    """Why a comparison file's roles cannot share one sheet, located at its ``roles`` entries.

    A role in ``broken`` exists but has problems of its own, reported at its file, not here.
    """
    problems = [
        doc.problem(("roles", i), f"no role '{slug}' in content/roles")
        for i, slug in enumerate(slugs)
        if slug not in roles and slug not in broken
    ]
    if not problems and all(slug in roles for slug in slugs):
        mismatch = salary_mismatch([roles[s] for s in slugs])
        if mismatch is not None:
            problems.append(doc.problem(("roles", mismatch[0]), mismatch[2]))
    return problems
