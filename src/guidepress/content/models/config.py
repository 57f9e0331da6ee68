"""The project config: guidepress.yaml. Every key is optional."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from guidepress.content.models.base import AudienceName, Markdown, Model, Slug
from guidepress.i18n.labels import normalize_locale

#: The output kinds a config may ask for: the names of render/kinds.py's records (checked there).
KindName = Literal["guide", "sheet", "compare", "booklet", "catalogue"]
#: A3 and Tabloid are for comparison sheets of four roles (render/kinds.py says which kinds
#: print on which paper).
Paper = Literal["a4", "letter", "a3", "tabloid"]
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


class PayBenchmark(Model):
    """All occupations' median pay in an area: what a role's pay chart is set against."""

    median: float = Field(gt=0, description="Median pay of all occupations.")
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code.")
    period: Literal["annual", "monthly", "hourly"] = Field("annual", description="Pay period.")
    area: str = Field(
        description="Where it applies: a country code (US, named in each output's language) or "
        "a name as printed (Ohio)."
    )
    source: str = Field(description="Where the figure comes from, with its release or year.")


class GrowthBenchmark(Model):
    """All occupations' projected employment growth: what a role's growth is set against."""

    rate: float = Field(description="Projected growth in percent.")
    period: str = Field(description="The projection period, as printed: 2024–34.")
    area: str = Field(description="Where it applies: a country code (US) or a name (Ohio).")
    source: str = Field(description="Where the figure comes from.")


class Benchmarks(Model):
    """Figures for all occupations that charts set a role's figures against, until regional
    data supplies them; a pay benchmark applies to roles paid in its currency and period."""

    pay: list[PayBenchmark] = Field(default_factory=list, description="Median pay benchmarks.")
    growth: GrowthBenchmark | None = Field(None, description="Growth benchmark.")


class Contact(Model):
    """Who a reader of a role sheet calls or writes to."""

    name: str | None = Field(None, description="Name, e.g. Dana Whitfield, Talent Partner.")
    phone: str | None = Field(None, description="Phone number as printed.")
    email: str | None = Field(
        None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="Email address."
    )


#: A role page's address pattern (the project's sheet.role_url, a brand's role_url).
ROLE_URL = r"(?i)^https?://\S*\{slug\}\S*$"


class SheetSettings(Model):
    """The role sheet's QR code and contact slot."""

    role_url: str | None = Field(
        None,
        pattern=ROLE_URL,
        description="Address of a role's page when its file has no url, with {slug}: "
        "https://careers.example/roles/{slug}",
    )
    call_to_action: Literal["read", "guide", "apply"] = Field(
        "read",
        description="What the QR code's caption asks: read (more about the role), guide (the "
        "full career guide), apply. Printed in the output's language.",
    )
    contact: Contact | None = Field(None, description="Recruiter contact printed on sheets.")


class CompareDefaults(Model):
    brand: str | None = Field(None, description="Brand for comparison sheets.")


class GuideSettings(Model):
    pages_multiple: int = Field(
        1,
        ge=1,
        le=16,
        description="Round each guide's page count up to a multiple of this (4 for saddle "
        "stitching); the extra pages are notes and planning pages, never blank ones.",
    )


class AudienceSettings(Model):
    """Who a guide or sheet is for: what the guide prints and what its sheet and cover say."""

    title: str | None = Field(
        None, description="The audience's name for readers, e.g. Employers (catalogue filters)."
    )
    cover: str | None = Field(
        None, description="The guide cover's line saying who it is for (default: the locale's)."
    )
    call_to_action: str | None = Field(
        None, description="What the role sheet's QR code invites to, e.g. 'Scan to apply'."
    )
    parts: list[str] | None = Field(
        None,
        description="Guide parts printed whole: role, pay, path, daily, more (with sections: "
        "both; neither: everything).",
    )
    sections: list[str] | None = Field(
        None,
        description="Guide pieces printed: in-brief, at-a-glance, a section's name (e.g. "
        "responsibilities, pay, skills, career-ladder) or back-cover.",
    )
    run_on: bool | None = Field(
        None,
        description="Parts run on instead of each opening a page (default: for short guides).",
    )
    compact: bool | None = Field(
        None,
        description="Sections in their short form: skills and tools as tags without the skill "
        "map, the career ladder as its chart, no notes panels.",
    )


def _named_list(value: object) -> object:
    # ``audiences: [student, employer]`` names built-in audiences without settings.
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return {item: {} for item in value}
    return value


def _all_roles(value: object) -> object:
    # ``roles: all`` is every role (None); a list is validated name by name.
    if value == "all" or value is None:
        return None
    if not isinstance(value, list):
        shown = repr(value) if isinstance(value, str) else type(value).__name__
        raise ValueError(f"must be 'all' or a list of role names (got {shown})")
    return value


class BookletGroup(Model):
    title: str = Field(min_length=1, description="The group's heading in the contents.")
    roles: list[Slug] = Field(min_length=1, description="Role slugs, in the order printed.")


class BookletSettings(Model):
    """One booklet: a cover, contents, a chapter per role, an index."""

    title: str | None = Field(None, description="The cover's title (default: the project's).")
    subtitle: str | None = Field(None, description="A line under the title, e.g. the event.")
    intro: Markdown | None = Field(
        None,
        description=(
            "A paragraph above the contents; {count} is the number of roles in words. "
            "Default: one that counts the roles, in the booklet's language."
        ),
    )
    roles: Annotated[
        list[Slug] | None,
        BeforeValidator(_all_roles),
        WithJsonSchema(
            {
                "anyOf": [{"const": "all"}, {"type": "array", "items": {"type": "string"}}],
                "description": "Role slugs, or 'all' (every role of the project).",
            }
        ),
    ] = Field(None, description="Role slugs, or 'all' (every role of the project).")
    groups: list[BookletGroup] | None = Field(
        None, description="Roles in titled groups, instead of roles: [...]."
    )
    order: Literal["listed", "title", "salary", "growth", "demand"] = Field(
        "listed",
        description="Order of the roles (in each group): as listed (by file name for 'all'), "
        "by title, or by median salary, growth or demand, highest first.",
    )
    audience: AudienceName | None = Field(None, description="Audience (default: the build's).")
    brand: str | None = Field(None, description="Brand (default: the build's).")
    locale: LocaleCode | None = Field(None, description="Locale (default: the build's).")
    region: RegionCode | None = Field(
        None, description="Region of its official pay, e.g. US or OH (default: the build's)."
    )
    pages_multiple: int = Field(
        4,
        ge=1,
        le=16,
        description="Round the page count up to a multiple of this with designed pages (4 for "
        "a folded, saddle-stitched booklet).",
    )
    impose: Literal["saddle"] | None = Field(
        None, description="Also write the imposed file for the printer (like --impose)."
    )
    press_sheet: Literal["a3", "a4", "tabloid", "letter"] | None = Field(
        None,
        description="The imposed file's sheet (default: twice the page: A3 for A4, tabloid for "
        "letter; a4 or letter prints the pages reduced, two on a sheet of their own size).",
    )


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
    audiences: Annotated[dict[AudienceName, AudienceSettings], BeforeValidator(_named_list)] = (
        Field(
            default_factory=dict,
            description="Audiences to build for, the first the default (none: student); the "
            "built-in student and employer may be listed by name or given settings.",
        )
    )
    booklets: dict[Slug, BookletSettings] = Field(
        default_factory=dict,
        description="Booklets of many roles (--kind booklet); none: one booklet of every role.",
    )
    guide: GuideSettings = Field(default_factory=GuideSettings, description="Career guides.")
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
    sheet: SheetSettings = Field(default_factory=SheetSettings, description="Role sheets.")
    benchmarks: Benchmarks = Field(
        default_factory=Benchmarks,
        description="All-occupations figures the charts compare a role's pay and growth with.",
    )
