"""Shared model base: unknown keys are refused, every field carries a description."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)

#: Prose that accepts inline Markdown (emphasis, links); raw HTML is never rendered.
Markdown = Annotated[str, Field(description="Text; inline Markdown (emphasis, links) allowed.")]
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: A name that becomes part of output paths (content/names.py's rule).
Slug = Annotated[str, Field(pattern=_SLUG)]
AudienceName = Annotated[str, Field(pattern=_SLUG)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Audiences(Model):
    """A record of a list (a tool, a tier, a FAQ, ...) that may be printed for some audiences."""

    audiences: list[AudienceName] | None = Field(
        None, description="Print this only for these audiences (default: for every audience)."
    )


class TaggedText(Model):
    """A bullet or paragraph printed only for some audiences."""

    text: Markdown = Field(description="The text; inline Markdown allowed.")
    audiences: list[AudienceName] = Field(
        min_length=1, description="The audiences it is printed for, e.g. [student]."
    )


class Tagged(str):
    """The text of a ``{text, audiences}`` item: a string that knows its audiences, so that every
    renderer prints it as text and only content/audiences.py looks at the tags."""

    audiences: tuple[str, ...]

    def __new__(cls, text: str, audiences: tuple[str, ...]) -> Tagged:
        tagged = super().__new__(cls, text)
        tagged.audiences = audiences
        return tagged

    def __reduce__(self) -> tuple[type[Tagged], tuple[str, tuple[str, ...]]]:
        return (Tagged, (str(self), self.audiences))


def tagged_text(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A ``{text, audiences}`` item as :class:`Tagged` text; anything else validated as text."""
    if isinstance(value, dict):
        item = TaggedText.model_validate(value)
        return Tagged(item.text, tuple(item.audiences))
    return handler(value)


#: One bullet or paragraph: text, or ``{text: ..., audiences: [...]}`` for some audiences only.
Text = Annotated[
    str,
    WrapValidator(tagged_text),
    WithJsonSchema({"anyOf": [{"type": "string"}, TaggedText.model_json_schema()]}),
]

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


_TAGGED_SCHEMA = TaggedText.model_json_schema()
_PARAGRAPHS_DESCRIPTION = (
    "Paragraphs of text: a list, or one text whose paragraphs are separated by blank lines; "
    "inline Markdown allowed; a paragraph of the list may be {text, audiences}."
)
Paragraphs = Annotated[
    list[Text],
    BeforeValidator(split_paragraphs),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"anyOf": [{"type": "string"}, _TAGGED_SCHEMA]}},
            ],
            "description": _PARAGRAPHS_DESCRIPTION,
        }
    ),
    Field(description=_PARAGRAPHS_DESCRIPTION),
]
Items = Annotated[
    list[Text],
    Field(
        description="Bullet items; inline Markdown allowed; an item may be {text, audiences} "
        "to be printed for those audiences only."
    ),
]
#: A link printed in documents and QR codes: web addresses and mailto: only, like prose links.
WebUrl = Annotated[str, Field(pattern=r"(?i)^(?:https?://|mailto:)\S+$")]
