"""The project config: guidepress.yaml. Every key is optional."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from guidepress.content.models.base import Model
from guidepress.i18n.labels import normalize_locale

#: The output kinds a config may ask for: the names of render/kinds.py's records (checked there).
KindName = Literal["guide", "sheet", "compare"]
Paper = Literal["a4", "letter"]
_CODE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def _locale(code: str) -> str:
    # A locale code names a catalogue file and is part of output names: letters, digits, - and _.
    normal = normalize_locale(code) if _CODE.fullmatch(code) else None
    if normal is None:
        raise ValueError(f"'{code}' is not a locale code (e.g. en, es, fr, de, fr_CA)")
    return normal


LocaleCode = Annotated[str, AfterValidator(_locale)]
#: A region of official pay data: US, a state or territory (OH, PR), a BLS metro area (18140),
#: or a generic pay table's own code (DE-BY). Whether the data has it is checked at build time.
RegionCode = Annotated[
    str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,15}$"), AfterValidator(str.upper)
]


class CompareDefaults(Model):
    brand: str | None = Field(None, description="Brand for comparison sheets.")


class DataFiles(Model):
    store: str = Field(
        "data/pay.sqlite",
        description="The pay data store ('guidepress data import' writes it), in the project.",
    )
    onet: str | None = Field(
        None,
        description="O*NET's 'Occupation Data.txt' (CC BY 4.0), for data find and O*NET titles.",
    )


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
    kinds: list[KindName] = Field(["guide"], min_length=1, description="What to build.")
    output: str = Field("output", description="Output folder, relative to the project.")
    build_date: date | None = Field(
        None, description="Edition date printed in documents; SOURCE_DATE_EPOCH overrides it."
    )
    render_timeout: float = Field(
        300,
        gt=0,
        description="Seconds one output may take to render; a slower one fails, the rest build.",
    )
    compare: CompareDefaults = Field(default_factory=CompareDefaults, description="Comparisons.")
    regions: list[RegionCode] = Field(
        default_factory=list,
        description="Regional editions to build with official pay data (US, OH, 18140); none: "
        "the role files' own figures.",
    )
    data: DataFiles = Field(default_factory=DataFiles, description="Official pay data files.")
