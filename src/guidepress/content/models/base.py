"""Shared model base: unknown keys are refused, every field carries a description."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

#: Prose that accepts inline Markdown (emphasis, links); raw HTML is never rendered.
Markdown = Annotated[str, Field(description="Text; inline Markdown (emphasis, links) allowed.")]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def split_paragraphs(value: Any) -> Any:
    """A plain string where paragraphs are expected, as people write it (``answer: An
    associate degree...``, or a ``|`` block): split on blank lines, each paragraph's lines
    joined with spaces. A list, or anything else, is left to validation."""
    if not isinstance(value, str):
        return value
    paragraphs = (
        " ".join(line.strip() for line in part.splitlines()) for part in _BLANK_LINE.split(value)
    )
    return [text for text in paragraphs if text]


_PARAGRAPHS_DESCRIPTION = (
    "Paragraphs of text: a list, or one text whose paragraphs are separated by blank lines; "
    "inline Markdown allowed."
)
Paragraphs = Annotated[
    list[Markdown],
    BeforeValidator(split_paragraphs),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
            "description": _PARAGRAPHS_DESCRIPTION,
        }
    ),
    Field(description=_PARAGRAPHS_DESCRIPTION),
]
Items = Annotated[list[Markdown], Field(description="Bullet items; inline Markdown allowed.")]
#: A link printed in documents and QR codes: web addresses and mailto: only, like prose links.
WebUrl = Annotated[str, Field(pattern=r"(?i)^(?:https?://|mailto:)\S+$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
