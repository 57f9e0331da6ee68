"""Shared model base: unknown keys are refused, every field carries a description."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

#: Prose that accepts inline Markdown (emphasis, links); raw HTML is never rendered.
Markdown = Annotated[str, Field(description="Text; inline Markdown (emphasis, links) allowed.")]
Paragraphs = Annotated[
    list[Markdown], Field(description="Paragraphs of text; inline Markdown allowed.")
]
Items = Annotated[list[Markdown], Field(description="Bullet items; inline Markdown allowed.")]
#: A link printed in documents and QR codes: web addresses and mailto: only, like prose links.
WebUrl = Annotated[str, Field(pattern=r"(?i)^(?:https?://|mailto:)\S+$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
