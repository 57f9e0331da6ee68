"""The brand kit: content/brands/<name>/brand.yaml; paths are relative to that folder."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from guidepress.content.models.base import Model, WebUrl
from guidepress.content.models.config import ROLE_URL, LocaleCode

_COLOR = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"


class Colors(Model):
    primary: str = Field(
        "#0b4f6c", pattern=_COLOR, description="Headings, bands, rules and chart bars."
    )
    accent: str = Field(
        "#f4a259",
        pattern=_COLOR,
        description="Highlights, markers, numerals. Where the accent is read as text it is "
        "darkened (or lightened on primary bands) just enough to pass WCAG AA.",
    )
    text: str = Field("#1d1d1d", pattern=_COLOR, description="Body text.")
    muted: str = Field("#6b7280", pattern=_COLOR, description="Secondary text.")
    background: str = Field("#ffffff", pattern=_COLOR, description="Page background.")
    on_primary: str = Field(
        "#ffffff",
        pattern=_COLOR,
        description="Text on primary-coloured bands (cover, sheet header, table head).",
    )


#: Weight words in font file names, longest first so "SemiBold" is not read as "Bold".
_WEIGHTS = (
    ("extralight", 200), ("ultralight", 200), ("semibold", 600), ("demibold", 600),
    ("extrabold", 800), ("ultrabold", 800), ("thin", 100), ("light", 300), ("medium", 500),
    ("bold", 700), ("black", 900), ("heavy", 900),
)  # fmt: skip


#: The weights the built-in theme sets text in.
THEME_WEIGHTS = (400, 500, 600, 700)


class Font(Model):
    family: str = Field(description="CSS font family name.")
    files: list[str] = Field(
        default_factory=list,
        description="Font files in the brand folder; the weight and style come from the file "
        "name (Regular, Medium, SemiBold, Bold, Italic, ...).",
    )

    def faces(self) -> list[tuple[str, int, str]]:
        """(file, CSS weight, style) for every weight and style the theme sets text in: the
        brand's own files, and for a weight or style it has no file for, its nearest file. So
        text the theme sets semi-bold or italic stays in the brand's face instead of falling to
        another family that has that weight."""
        own = [(file, *self.face(file)) for file in self.files]
        found = {(weight, style): file for file, weight, style in own}
        for weight in THEME_WEIGHTS:
            for style in ("normal", "italic"):
                if (weight, style) in found or not own:
                    continue
                same = [f for f in own if f[2] == style] or [f for f in own if f[2] == "normal"]
                nearest = min(same or own, key=lambda f: (abs(f[1] - weight), -f[1]))
                found[weight, style] = nearest[0]
        return [(file, weight, style) for (weight, style), file in sorted(found.items())]

    @staticmethod
    def face(file: str) -> tuple[int, str]:
        """(CSS font-weight, font-style) of a font file, read from its name."""
        name = file.rsplit("/", 1)[-1].lower().replace("-", "").replace("_", "")
        weight = next((w for word, w in _WEIGHTS if word in name), 400)
        return weight, "italic" if "italic" in name or "oblique" in name else "normal"


class Fonts(Model):
    heading: Font | None = Field(None, description="Font for headings; theme default if unset.")
    body: Font | None = Field(None, description="Font for body text; theme default if unset.")


class Office(Model):
    """Where readers find the office: printed on the guide's back cover."""

    address: list[str] = Field(
        default_factory=list, description="Postal address, one line per item."
    )
    hours: list[str] = Field(
        default_factory=list, description="Opening hours, one line per item, e.g. 'Mon-Fri 9-5'."
    )
    phone: str | None = Field(None, description="Telephone number as it should be printed.")
    email: str | None = Field(None, description="Email address.")
    booking_url: WebUrl | None = Field(
        None, description="Where readers book an appointment (QR code on the back cover)."
    )


class BrandText(Model):
    """A brand's printed words in one language."""

    footer: str | None = Field(None, description="Footer text in this language.")
    disclaimer: str | None = Field(None, description="Disclaimer in this language.")


class Brand(Model):
    name: str = Field(min_length=1, description="Organisation name, shown on the cover.")
    logo: str | None = Field(None, description="SVG or PNG file in the brand folder.")
    logo_alt: str | None = Field(None, description="Alternative text for the logo.")
    logo_position: Literal["left", "center", "right"] = Field(
        "left",
        description="Where the logo sits on the cover and in one-page headers: left (top left, "
        "text below), center (large and centred, centred cover), right (top right).",
    )
    colors: Colors = Field(default_factory=Colors, description="Brand colours.")
    allow_low_contrast: bool = Field(
        False,
        description="Accept colour pairs below WCAG AA 4.5:1 (text, muted and primary on the "
        "background and on tinted panels, on_primary on primary), which are otherwise an error.",
    )
    fonts: Fonts = Field(default_factory=Fonts, description="Brand fonts.")
    contact: str | None = Field(None, description="Contact line for footers.")
    office: Office = Field(
        default_factory=Office,
        description="The office's address, hours, phone, email and booking link (guide back "
        "cover); every field optional.",
    )
    url: WebUrl | None = Field(None, description="Organisation web address.")
    role_url: str | None = Field(
        None,
        pattern=ROLE_URL,
        description="Address of a role's page on this brand's site, with {slug}: the sheets' "
        "QR code target for roles without url, before the project's sheet.role_url: "
        "https://careers.example/roles/{slug}",
    )
    footer: str | None = Field(None, description="Footer text; the name when unset.")
    disclaimer: str | None = Field(None, description="Printed with the sources.")
    language: LocaleCode = Field(
        "en",
        description="Language of footer and disclaimer; outputs in another language print the "
        "translation from translations, else the built-in disclaimer of their language.",
    )
    translations: dict[LocaleCode, BrandText] = Field(
        default_factory=dict,
        description="Footer and disclaimer per locale (de, es, fr_CA, ...).",
    )
