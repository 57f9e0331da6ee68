"""Stage 2: turn loaded documents into models, every problem as a located, one-line message.

The rules that span fields (pay within its range, tiers, sheet picks, comparisons) are in
content/checks.py; they run on a file's valid parts even when other fields have problems.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Annotated, Any, TypeVar, Union

from pydantic import BaseModel, TypeAdapter, ValidationError

from guidepress.content.load import Document, Loc
from guidepress.content.models.base import TaggedText, split_paragraphs, tagged_text
from guidepress.content.names import SLUG_HINT, did_you_mean
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
    key = bool(loc) and loc[-1] == "[key]"
    if key:  # a mapping's key (an audience or booklet name)
        loc = loc[:-1]
    if kind == "extra_forbidden":
        message = "unknown field" + did_you_mean(str(loc[-1]), _fields_at(model, loc[:-1]))
    elif kind == "missing":
        message = "required field is missing"
    elif kind in ("string_type", "str_type"):
        message = f"must be text (got {_kind(value)})"
    elif kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"):
        message = f"must be a number (got {_show(value)})"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"must be true or false (got {_show(value)})"
    elif kind == "list_type" and _is_paragraphs(model, loc):
        message = f"must be text or a list of paragraphs (got {_kind(value)})"
    elif kind == "list_type":
        message = f"must be a list (got {_kind(value)})"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"must be a mapping of fields (got {_kind(value)})"
    elif kind == "literal_error":
        message = f"must be one of {ctx.get('expected', '')} (got {_show(value)})"
    elif kind == "string_pattern_mismatch":
        hint = f"name must be {SLUG_HINT}" if key else _pattern_hint(loc)
        message = f"{hint} (got {_show(value)})"
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
    "booking_url": "must be a web address (http:// or https://) or a mailto: address",
    "soc": "must be a SOC code like 41-4011",
    "onet": "must be an O*NET-SOC code like 41-4011.00",
    "code": "must be an occupation code: letters, digits, dots and hyphens, like 2433",
    "role_url": "must be a web address (http:// or https://) with {slug} where the role goes, "
    "like https://careers.example/roles/{slug}",
}


def _pattern_hint(loc: Loc) -> str:
    name = str(loc[-1]) if loc else ""
    if name in _PATTERN_HINTS:
        return _PATTERN_HINTS[name]
    if len(loc) >= 2 and loc[-2] == "colors":
        return "must be a hex colour like #0b4f6c"
    if len(loc) >= 2 and loc[-2] == "locales":
        return "must be a locale code like en or pt-BR"
    named = [part for part in loc if isinstance(part, str)]
    if named and named[-1] in ("audience", "audiences", "roles"):
        return f"must be {SLUG_HINT}"
    if len(loc) >= 2 and loc[-2] == "regions":
        return "must be a region code like US, OH or 18140"
    return "has the wrong form"


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Names of the fields of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if isinstance(current, _Named):  # a mapping of names to records: ``part`` is a name
            current = current.model
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


def _is_paragraphs(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the field at ``loc`` is prose paragraphs (which take a plain text too)."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return False
    owner: type[BaseModel] = model
    for name in names[:-1]:
        inner = owner.model_fields.get(name)
        found = _inner_model(inner.annotation) if inner else None
        if not (isinstance(found, type) and issubclass(found, BaseModel)):
            return False
        owner = found
    info = owner.model_fields.get(names[-1])
    return info is not None and any(
        getattr(item, "func", None) is split_paragraphs for item in info.metadata
    )


@dataclasses.dataclass(frozen=True)
class _Named:
    """A mapping of names to records of ``model`` (guidepress.yaml's audiences, booklets)."""

    model: type[BaseModel]


def _inner_model(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is dict:
        found = _inner_model(typing.get_args(annotation)[1])
        return _Named(found) if isinstance(found, type) else None
    if origin is typing.Annotated and any(
        getattr(item, "func", None) is tagged_text for item in annotation.__metadata__
    ):
        return TaggedText  # a bullet or paragraph written as {text, audiences}
    if origin in (Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, _Named) or (
                isinstance(found, type) and issubclass(found, BaseModel)
            ):
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


def valid_parts(model: type[BaseModel], data: Any) -> dict[str, Any]:
    """The fields of ``data`` (a file's mapping) that are valid on their own, validated: what
    the cross-field checks can still look at when other fields of the file have problems."""
    if not isinstance(data, dict):
        return {}
    found = {}
    for name, value in data.items():
        adapter = _field_adapter(model, name) if isinstance(name, str) else None
        if adapter is None:
            continue
        try:
            found[name] = adapter.validate_python(value)
        except ValidationError:
            continue
    return found


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any] | None:
    info = model.model_fields.get(name)
    if info is None:
        return None
    annotation: Any = info.annotation
    if info.metadata:  # constraints such as a pattern or a minimum
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)
