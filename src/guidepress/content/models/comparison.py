"""A named comparison set: content/comparisons/<slug>.yaml."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from guidepress.content.models.base import Markdown, Model


class Comparison(Model):
    title: str | None = Field(
        None,
        min_length=1,
        description="Headline of the comparison sheet; when unset, the role titles in the "
        'catalogue\'s pattern ("A or B?").',
    )
    roles: list[str] = Field(min_length=2, max_length=4, description="2 to 4 role slugs.")
    intro: Markdown | None = Field(None, description="A sentence under the heading.")
    brand: str | None = Field(None, description="Brand for this sheet.")
    notes: Markdown | None = Field(None, description="Notes printed under the table.")
    orientation: Literal["portrait", "landscape"] | None = Field(
        None, description="Page orientation; chosen from the role count when unset."
    )
