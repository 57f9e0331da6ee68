"""Brand kits: content/brands/<name>/ with brand.yaml, its logo and font files, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidepress.content.contrast import Palette, contrast_checks, palette
from guidepress.content.load import Document
from guidepress.content.models import Brand
from guidepress.content.models.brand import Colors, Font, Fonts
from guidepress.content.svg_checks import svg_problems
from guidepress.content.validate import valid_parts
from guidepress.errors import Problem


@dataclass(frozen=True)
class BrandKit:
    """A brand and the folder its logo and font paths are relative to (None: built-in)."""

    name: str
    brand: Brand
    folder: Path | None

    def font_family(self, slot: str) -> str:
        """CSS family of the brand's ``slot`` font: its family and the brand's name, since one
        process lays out many brands and WeasyPrint keeps every @font-face it has met. PDFs
        name embedded fonts after it."""
        font = getattr(self.brand.fonts, slot)
        return re.sub(r"[^\w -]+", "", f"{font.family if font else slot} {self.name}")

    def font_families(self) -> tuple[str, ...]:
        """The CSS families of the brand's own fonts (the ones with files)."""
        fonts = self.brand.fonts
        slots = [s for s in ("heading", "body") if (f := getattr(fonts, s)) and f.files]
        return tuple(dict.fromkeys(self.font_family(slot) for slot in slots))

    def font_faces(self) -> list[tuple[str, Path, int, str]]:
        """(CSS family, file, weight, style) of every @font-face the brand needs: per family,
        the files of every slot that names it (heading and body often share one), and the
        nearest file for each weight and style the theme sets text in."""
        if self.folder is None:
            return []
        files: dict[str, list[str]] = {}
        for slot in ("heading", "body"):
            font = getattr(self.brand.fonts, slot)
            if font is not None and font.files:
                family = self.font_family(slot)
                files.setdefault(family, [])
                files[family] += [f for f in font.files if f not in files[family]]
        return [
            (family, self.folder / file, weight, style)
            for family, names in files.items()
            for file, weight, style in Font(family=family, files=names).faces()
        ]

    @property
    def palette(self) -> Palette:
        """Every colour the theme prints with, the readable accent included."""
        return palette(self.brand.colors)

    def text(self, name: str, locale: str) -> str | None:
        """The brand's ``footer`` or ``disclaimer`` for ``locale``: its translation for the
        locale or its language; else the brand's own when the locale is in the brand's language;
        else None (the template prints the built-in text of the locale)."""
        brand = self.brand
        language = locale.split("_")[0]
        for code in (locale, language):
            translated = brand.translations.get(code)
            if translated is not None and getattr(translated, name) is not None:
                return str(getattr(translated, name))
        if brand.language.split("_")[0] == language:
            value: str | None = getattr(brand, name)
            return value
        return None


def brand_checks(root: Path, rel: Path, doc: Document) -> list[Problem]:
    """The brand's files (logo, fonts) exist inside its folder, its logo is a safe SVG, its
    colours have enough contrast; every problem located in brand.yaml.

    Run on the file's fields that are valid on their own, so a bad colour does not hide a
    missing logo, nor the contrast of the other colours.
    """
    parts = valid_parts(Brand, doc.data)
    folder = (root / rel.parent).resolve()
    problems: list[Problem] = []
    files: list[tuple[tuple[str | int, ...], str]] = []
    logo = parts.get("logo")
    if logo:
        files.append((("logo",), logo))
        alt_written = "logo_alt" in _mapping(doc.data)
        if not parts.get("logo_alt") and ("logo_alt" in parts or not alt_written):
            problems.append(doc.problem(("logo",), "a logo needs logo_alt (its alternative text)"))
    fonts = valid_parts(Fonts, _mapping(doc.data).get("fonts"))
    for slot in ("heading", "body"):
        font = fonts.get(slot)
        if isinstance(font, Font):
            files += [(("fonts", slot, "files", i), f) for i, f in enumerate(font.files)]
    for loc, name in files:
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            problems.append(doc.problem(loc, f"path leaves the brand folder: {name}"))
        elif not target.is_file():
            problems.append(doc.problem(loc, f"file not found: {name}"))
        elif loc == ("logo",) and target.suffix.lower() == ".svg":
            problems += [doc.problem(loc, f"{name}: {message}") for message in svg_problems(target)]
    if parts.get("allow_low_contrast") is not True:
        written = _mapping(_mapping(doc.data).get("colors"))
        valid = valid_parts(Colors, written)
        colors = {
            name: valid.get(name, info.default) if name in valid or name not in written else None
            for name, info in Colors.model_fields.items()
        }
        problems += contrast_checks(colors, doc)
    return problems


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
