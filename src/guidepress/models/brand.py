"""The brand kit: content/brands/<name>/brand.yaml; paths are relative to that folder."""

from __future__ import annotations

from pydantic import Field

from guidepress.models.base import Model, WebUrl

_COLOR = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"


class Colors(Model):
    primary: str = Field("#0b4f6c", pattern=_COLOR, description="Headings, rules, chart bars.")
    accent: str = Field("#f4a259", pattern=_COLOR, description="Highlights and markers.")
    text: str = Field("#1d1d1d", pattern=_COLOR, description="Body text.")
    muted: str = Field("#6b7280", pattern=_COLOR, description="Secondary text.")
    background: str = Field("#ffffff", pattern=_COLOR, description="Page background.")


class Font(Model):
    family: str = Field(description="CSS font family name.")
    files: list[str] = Field(default_factory=list, description="Font files in the brand folder.")


class Fonts(Model):
    heading: Font | None = Field(None, description="Font for headings; theme default if unset.")
    body: Font | None = Field(None, description="Font for body text; theme default if unset.")


class Brand(Model):
    name: str = Field(min_length=1, description="Organisation name, shown on the cover.")
    logo: str | None = Field(None, description="SVG or PNG file in the brand folder.")
    logo_alt: str | None = Field(None, description="Alternative text for the logo.")
    colors: Colors = Field(default_factory=Colors, description="Brand colours.")
    fonts: Fonts = Field(default_factory=Fonts, description="Brand fonts.")
    contact: str | None = Field(None, description="Contact line for footers.")
    url: WebUrl | None = Field(None, description="Organisation web address.")
    footer: str | None = Field(None, description="Footer text; the name when unset.")
    disclaimer: str | None = Field(None, description="Printed with the sources.")
