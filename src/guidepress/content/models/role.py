"""The role file: content/roles/<slug>.yaml. Sections follow the career path guides in the seeds."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from guidepress.content.models.base import Audiences, Items, Markdown, Model, Paragraphs, WebUrl

Demand = Literal["Low", "Moderate", "High", "Very High"]
#: Typical education to enter an occupation, in the U.S. Bureau of Labor Statistics' categories.
EDUCATION_LEVELS: tuple[str, ...] = (
    "none", "high_school", "postsecondary", "associate", "bachelor", "master", "doctoral",
)  # fmt: skip
EducationLevel = Literal[
    "none", "high_school", "postsecondary", "associate", "bachelor", "master", "doctoral"
]
DEMAND_LEVELS: tuple[str, ...] = ("Low", "Moderate", "High", "Very High")

_YEARS = re.compile(r"(\d+)\s*(?:(\+)|[-–—to ]+\s*(\d+))?")


class SalaryLevels(Model):
    entry: float | None = Field(None, description="Typical entry-level pay.")
    mid: float | None = Field(None, description="Typical mid-level pay.")
    senior: float | None = Field(None, description="Typical senior-level pay.")


class Salary(Model):
    region: str | None = Field(None, description="Where the figures apply, e.g. US.")
    currency: str = Field(
        "USD", pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code, e.g. USD, EUR, GBP."
    )
    period: Literal["annual", "monthly", "hourly"] = Field(
        "annual", description="What one figure pays for."
    )
    min: float | None = Field(None, ge=0, description="Low end of the usual range.")
    max: float | None = Field(None, ge=0, description="High end of the usual range.")
    median: float | None = Field(None, ge=0, description="Median pay.")
    levels: SalaryLevels | None = Field(None, description="Pay by career level.")
    levels_estimated: bool = Field(
        False,
        description="True when the levels are computed from the range, not surveyed.",
    )
    top_10_percent: float | None = Field(
        None, ge=0, description="Pay from which the top 10 % of earners start."
    )


class OccupationCodes(Model):
    """The occupation whose official statistics a regional edition prints for the role."""

    soc: str | None = Field(
        None,
        pattern=r"^\d\d-\d{4}$",
        description="SOC code (BLS OEWS), e.g. 41-4011; find one with 'guidepress data find'.",
    )
    onet: str | None = Field(
        None,
        pattern=r"^\d\d-\d{4}\.\d\d$",
        description="O*NET-SOC code, e.g. 41-4011.00; its first seven characters are the SOC code.",
    )
    code: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$",
        description="The occupation's code in a generic pay table (e.g. ISCO-08 2433), if not SOC.",
    )

    @model_validator(mode="after")
    def _one_code(self) -> OccupationCodes:
        if self.soc is None and self.onet is None and self.code is None:
            raise ValueError("give soc (a SOC code like 41-4011), onet or code")
        return self

    @property
    def soc_code(self) -> str | None:
        """The SOC code, given or taken from the O*NET-SOC code."""
        return self.soc or (self.onet[:7] if self.onet else None)


class TechItem(Audiences):
    name: str = Field(description="Tool or technology name.")
    hot: bool = Field(False, description="Marks a tool in particularly high demand.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Tier(Audiences):
    title: str = Field(description="Job title at this tier.")
    experience: str | None = Field(None, description="Experience as written, e.g. '2-5 years'.")
    years_min: int | None = Field(None, ge=0, description="Parsed from experience when omitted.")
    years_max: int | None = Field(None, ge=0, description="Parsed from experience; none for 'N+'.")
    description: Markdown = Field("", description="What the tier involves.")

    @model_validator(mode="before")
    @classmethod
    def _parse_years(cls, value: Any) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("experience"), str):
            return value
        match = _YEARS.search(value["experience"])
        if match is None:
            return value
        low, plus, high = match.groups()
        value = dict(value)
        value.setdefault("years_min", int(low))
        if not plus:
            value.setdefault("years_max", int(high) if high else int(low))
        return value


class DayBlock(Audiences):
    label: str = Field(description="Part of the day, e.g. Morning.")
    time: str | None = Field(None, description="Time span, e.g. 9:00 AM - 12:00 PM.")
    focus: str | None = Field(None, description="What this part of the day is about.")
    activities: Items = Field(default_factory=list)


class SkillGroup(Audiences):
    name: str = Field(description="Group heading, e.g. Foundational Skills.")
    description: Markdown | None = Field(None, description="One line on the group.")
    skills: Items = Field(default_factory=list)


class SkillMap(Model):
    intro: Markdown | None = Field(None, description="Sentence introducing the map.")
    groups: list[SkillGroup] = Field(default_factory=list, description="Skill groups.")


class CaseStudy(Audiences):
    title: str = Field(description="Case study heading.")
    body: Paragraphs = Field(default_factory=list)
    takeaway: Markdown | None = Field(None, description="The key takeaway.")


class Outlook(Model):
    growth_rate: float | None = Field(None, description="Projected growth in percent.")
    period: str | None = Field(
        None, description="The period the growth is projected over, as printed: 2024–34."
    )
    status: str | None = Field(None, description="E.g. Growing faster than average.")
    sources: list[str] = Field(default_factory=list, description="Where the outlook comes from.")


class RelatedRole(Model):
    title: str = Field(description="Related role title.")
    slug: str | None = Field(None, description="Slug of the role when it is in this project.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"title": value} if isinstance(value, str) else value


class Faq(Audiences):
    question: str = Field(description="The question.")
    answer: Paragraphs = Field(default_factory=list)


class Reference(Model):
    title: str = Field(description="Title of the source.")
    publisher: str | None = Field(None, description="Who published it (organisation or author).")
    year: int | None = Field(None, ge=1000, le=9999, description="Year of publication.")
    url: WebUrl | None = Field(None, description="Link to the source.")
    visited: date | None = Field(None, description="When the link was last visited.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"title": value} if isinstance(value, str) else value


class ExtraSection(Audiences):
    title: str = Field(description="Heading of a section the standard outline has no place for.")
    body: Paragraphs = Field(default_factory=list)
    items: Items = Field(default_factory=list)


class Provenance(Model):
    source: str | None = Field(
        None, description="The file the content was imported from (PDF metadata and manifest)."
    )
    title: str | None = Field(None, description="Title of the source page, for its citation.")
    publisher: str | None = Field(None, description="Who published the source page.")
    url: WebUrl | None = Field(None, description="Address of the source page.")
    retrieved: date | None = Field(None, description="When the source was retrieved.")
    completeness: Literal["full", "partial"] = Field(
        "full", description="'partial' when the source lacked sections; the guide says so."
    )
    missing_sections: list[str] = Field(default_factory=list, description="What the source lacked.")
    encoding_repaired: bool = Field(False, description="True when mis-decoded text was repaired.")
    notes: Markdown | None = Field(None, description="Anything else about the source.")


Picks = list[Annotated[int, Field(ge=1)]]


class SheetPicks(Model):
    """What the one-page role sheet shows; positions are 1-based places in the role's lists."""

    summary: Markdown | None = Field(None, description="A shorter summary for the sheet.")
    responsibilities: Picks | None = Field(None, description="Default: the first 5.")
    tech_skills: Picks | None = Field(None, description="Default: the first 5.")
    soft_skills: Picks | None = Field(None, description="Default: the first 4.")
    tech_stack: Picks | None = Field(None, description="Default: the first 8.")
    pros: Picks | None = Field(None, description="Default: the first 3.")
    cons: Picks | None = Field(None, description="Default: the first 3.")


class Role(Model):
    """One career role: everything its guide, sheet and comparisons print."""

    title: str = Field(min_length=1, description="Role title.")
    slug: str = Field(
        "", pattern=r"^$|^[a-z0-9]+(-[a-z0-9]+)*$", description="Defaults to the file name."
    )
    summary: Markdown = Field(min_length=1, description="One-paragraph summary of the role.")
    alt_titles: list[str] = Field(default_factory=list, description="Other titles for the role.")

    salary: Salary | None = Field(None, description="Pay figures.")
    growth_rate: float | None = Field(None, description="Projected job growth in percent.")
    market_demand: Demand | None = Field(None, description="Current demand for the role.")
    demand_note: Markdown | None = Field(None, description="Why demand is where it is.")
    remote_friendly: bool | None = Field(None, description="Whether the role suits remote work.")
    stress_level: str | None = Field(None, description="E.g. Moderate to High.")
    balance_rating: str | None = Field(None, description="Work-life balance, e.g. Good.")
    work_life_note: Paragraphs = Field(default_factory=list)

    core_functions: Paragraphs = Field(default_factory=list)
    responsibilities: Items = Field(default_factory=list)
    work_setting: Paragraphs = Field(default_factory=list)
    tech_stack: list[TechItem] = Field(default_factory=list, description="Tools of the trade.")
    education: Paragraphs = Field(default_factory=list)
    entry_education: EducationLevel | None = Field(
        None,
        description="Typical education to enter the role: none, high_school, postsecondary "
        "(a non-degree award), associate, bachelor, master or doctoral. When unset, the guide "
        "reads it from the education text where it can.",
    )
    education_fields: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list,
        max_length=4,
        description="The usual fields of study of the entry degree, e.g. [nursing]; comparisons "
        "print the first one or two after the level. When unset, they are read from a sentence "
        "of the education texts that names the entry level.",
    )
    tech_skills: Items = Field(default_factory=list)
    soft_skills: Items = Field(default_factory=list)
    path: Paragraphs = Field(default_factory=list)
    required_education: Paragraphs = Field(default_factory=list)
    tiers: list[Tier] = Field(default_factory=list, description="The career ladder, junior first.")
    global_outlook: Paragraphs = Field(default_factory=list)
    challenges: Paragraphs = Field(default_factory=list)
    growth_paths: Paragraphs = Field(default_factory=list)
    trends: Paragraphs = Field(default_factory=list)
    day_in_the_life: list[DayBlock] = Field(default_factory=list, description="A working day.")
    skill_map: SkillMap | None = Field(None, description="Skills grouped by stage.")
    pros: Items = Field(default_factory=list)
    cons: Items = Field(default_factory=list)
    common_mistakes: Items = Field(default_factory=list)
    advice: Items = Field(default_factory=list)
    case_studies: list[CaseStudy] = Field(default_factory=list, description="Examples.")
    portfolio_tips: Paragraphs = Field(default_factory=list)
    outlook: Outlook | None = Field(None, description="Job outlook.")
    related_roles: list[RelatedRole] = Field(default_factory=list, description="Related roles.")
    faqs: list[Faq] = Field(default_factory=list, description="Frequently asked questions.")
    references: list[Reference] = Field(default_factory=list, description="Sources.")
    extra_sections: list[ExtraSection] = Field(
        default_factory=list, description="Sections beyond the standard outline, printed last."
    )
    sheet: SheetPicks = Field(
        default_factory=SheetPicks, description="What the one-page role sheet shows."
    )
    url: WebUrl | None = Field(None, description="Read-more or apply link (QR code on sheets).")
    occupation: OccupationCodes | None = Field(
        None, description="Occupation codes that bind the role to official pay data by region."
    )
    provenance: Provenance = Field(default_factory=Provenance, description="Where this came from.")
