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

from guidepress.content.load import Document, Loc, dotted
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
        problems: list[Problem] = []
        colons: set[Loc] = set()
        for err in errors:
            found = _colon_in_text(doc, model, tuple(err["loc"]), err["type"])
            if found is None:
                problems.append(_problem(doc, model, err))
            elif found[0] not in colons:  # one line for the text, not one per field it lacks
                colons.add(found[0])
                problems.append(found[1])
        return None, problems


#: What to do about text that YAML read as a key and a value.
QUOTE = "contains ': ', so YAML reads a key and a value: put the text in quotes"


def _colon_in_text(
    doc: Document, model: type[BaseModel], loc: Loc, kind: str
) -> tuple[Loc, Problem] | None:
    """The problem to report when the error at ``loc`` comes from text with ': ' in it that was
    not quoted (``- Note: check the dose``, ``summary:`` with such a line below it): YAML made
    it a mapping of one key, or a key of the mapping around it, so the field's own messages
    ("text: required field is missing") would mislead. Returns the place of the text and the
    problem; None for any other error."""
    if loc and loc[-1] == "[key]":
        return None
    place = _one_key_text(doc, model, loc, kind)
    if place is not None:
        [(key, value)] = _at(doc.data, place).items()
        line, col = doc.where((*place, key))
        return place, Problem(doc.path, line, col, dotted(place), _quote(key, value))
    # A key that is prose: no field's name has a space in it.
    if kind == "extra_forbidden" and loc and isinstance(loc[-1], str) and " " in loc[-1]:
        value = _at(doc.data, loc)
        if _scalar(value):
            line, col = doc.where(loc)
            return loc, Problem(doc.path, line, col, dotted(loc[:-1]), _quote(loc[-1], value))
    return None


def _one_key_text(doc: Document, model: type[BaseModel], loc: Loc, kind: str) -> Loc | None:
    """Where, at ``loc`` or around it, text was expected and a mapping of one key that is no
    field there, with a plain value, was found; None if nowhere."""
    for end in range(len(loc), 0, -1):
        place = loc[:end]
        value = _at(doc.data, place)
        if not (isinstance(value, dict) and len(value) == 1):
            continue
        [(key, inner)] = value.items()
        fields = _fields_at(model, place)
        # Plain text was expected, or a bullet that may be {text, audiences}.
        text = kind in ("string_type", "str_type") and end == len(loc)
        text = text or set(fields) == set(TaggedText.model_fields)
        known = not isinstance(key, str) or key in fields or bool(did_you_mean(key, fields))
        return place if text and not known and _scalar(inner) else None
    return None


def _quote(key: str, value: Any) -> str:
    text = f"{key}: {value}"
    if len(text) > 40:  # enough to find it by, cut at a word
        text = text[:38].rsplit(" ", 1)[0].rstrip(",;:") + "..."
    return f"'{text}' {QUOTE}"


def _at(data: Any, loc: Loc) -> Any:
    """The value at ``loc`` in ``data``; None when there is none."""
    for part in loc:
        if isinstance(data, list):
            found = isinstance(part, int) and 0 <= part < len(data)
        else:
            found = isinstance(data, dict) and part in data
        if not found:
            return None
        data = data[part]
    return data


def _scalar(value: Any) -> bool:
    """Plain text, a number, a date: what the words after ': ' read as (not nothing)."""
    return value is not None and not isinstance(value, dict | list)


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
