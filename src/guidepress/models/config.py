"""The project config: guidepress.yaml. Every key is optional."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from guidepress.labels import normalize_locale
from guidepress.models.base import Model

Kind = Literal["guide", "sheet", "compare"]
Paper = Literal["a4", "letter"]


def _locale(code: str) -> str:
    normal = normalize_locale(code)
    if normal is None:
        raise ValueError(f"'{code}' is not a locale code (e.g. en, es, fr, de, fr_CA)")
    return normal


LocaleCode = Annotated[str, AfterValidator(_locale)]


class CompareDefaults(Model):
    brand: str | None = Field(None, description="Brand for comparison sheets.")


class Config(Model):
    title: str = Field("Career guides", description="Name of this collection.")
    brands: list[str] = Field(["default"], min_length=1, description="Brands to build with.")
    locales: list[LocaleCode] = Field(
        ["en"], min_length=1, description="Locales to build in (Babel codes: en, es, fr_CA)."
    )
    content_locale: LocaleCode = Field(
        "en", description="Language the role files are written in; overlays translate them."
    )
    paper: Paper = Field("a4", description="Paper size.")
    kinds: list[Kind] = Field(["guide"], min_length=1, description="What to build.")
    output: str = Field("output", description="Output folder, relative to the project.")
    build_date: date | None = Field(
        None, description="Edition date printed in documents; SOURCE_DATE_EPOCH overrides it."
    )
    compare: CompareDefaults = Field(default_factory=CompareDefaults, description="Comparisons.")
