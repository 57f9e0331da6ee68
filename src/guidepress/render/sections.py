"""The guide's reading order: five parts, the sections in each, their anchors and headings.

A section is printed when the role has any of its fields; a part is printed when it has a
section. Material the source repeats under several headings (skills and tools; demand, growth
and trends; education and required education) is one section here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guidepress.content.audiences import PART_NAMES, SECTION_NAMES, Audience
from guidepress.content.models.role import Role
from guidepress.i18n.labels import Labels


@dataclass(frozen=True)
class Section:
    """One section of the guide: ``template`` is partials/sections/<template>.html.j2."""

    id: str
    title: str
    template: str
    index: int | None = None  # position in role.extra_sections, for the "extra" template


@dataclass(frozen=True)
class Part:
    """One part of the guide: it opens a page, its sections run on."""

    id: str  # anchor, "part-1"
    key: str  # label key of its title; "prompt_" + the part's name is its notes prompt
    number: int
    title: str
    sections: list[Section] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.key.removeprefix("part_")

    @property
    def topic(self) -> str | None:
        """The anchor of the section its notes question asks about ("which of these tasks"): a
        panel with the question may only follow that section. Its first section when that one
        is not printed; None for the run-on part's question, about the whole role."""
        if self.key == RUN_ON_PART or not self.sections:
            return None
        wanted = PROMPT_TOPICS.get(self.name)
        ids = [section.id for section in self.sections]
        return wanted if wanted in ids else ids[0]


#: (anchor and template name, label key, the role fields that make the section worth printing)
SectionOutline = tuple[str, str, tuple[str, ...]]

#: The parts in reading order: (label key, their sections). Extra sections and the sources end
#: the last part.
PARTS: tuple[tuple[str, tuple[SectionOutline, ...]], ...] = (
    ("part_role", (
        ("core-functions", "core_functions", ("core_functions",)),
        ("responsibilities", "responsibilities", ("responsibilities",)),
        ("work-setting", "work_setting", ("work_setting",)),
    )),
    ("part_pay", (
        ("pay", "pay", ("salary",)),
        ("outlook", "demand_outlook", (
            "market_demand", "demand_note", "growth_rate", "outlook", "growth_paths", "trends",
            "challenges",
        )),
        ("global-outlook", "global_outlook", ("global_outlook",)),
    )),
    ("part_path", (
        # The skill map opens the part: a whole-page diagram is best at the top of a page.
        ("skills", "skills_tools", ("skill_map", "tech_skills", "soft_skills", "tech_stack")),
        ("education", "education_training", ("education", "required_education")),
        ("path", "path", ("path",)),
        ("career-ladder", "career_ladder", ("tiers",)),
        ("portfolio", "portfolio_tips", ("portfolio_tips",)),
        ("mistakes", "common_mistakes", ("common_mistakes",)),
        ("advice", "advice", ("advice",)),
    )),
    ("part_daily", (
        ("day-in-the-life", "day_in_the_life", ("day_in_the_life",)),
        ("work-life", "work_life", ("stress_level", "balance_rating", "work_life_note")),
        ("pros-cons", "pros_cons", ("pros", "cons")),
    )),
    ("part_more", (
        ("case-studies", "case_studies", ("case_studies",)),
        ("faqs", "faqs", ("faqs",)),
    )),
)  # fmt: skip

#: The section each part's notes question asks about (the prompt_<part> labels): the tasks, the
#: pay, the skills, the rhythm of the day, the questions answered.
PROMPT_TOPICS = {
    "role": "responsibilities",
    "pay": "pay",
    "path": "skills",
    "daily": "day-in-the-life",
    "more": "faqs",
}

#: Every section of every part, in reading order.
OUTLINE: tuple[SectionOutline, ...] = tuple(s for _, sections in PARTS for s in sections)

# Audiences choose parts and sections by name (content/audiences.py): the names there are these.
if (
    tuple(key.removeprefix("part_") for key, _ in PARTS) != PART_NAMES
    or tuple(anchor for anchor, _, _ in OUTLINE) != SECTION_NAMES
):
    raise RuntimeError(
        "render.sections.PARTS differ from content.audiences' part and section names"
    )


def _printed(role: Role, fields: tuple[str, ...], present: frozenset[str]) -> bool:
    for name in fields:
        if name in present:
            return True
        value = getattr(role, name)
        if name == "skill_map" and value is not None:
            value = value.groups
        if value or (value is not None and not isinstance(value, (list, str, bool))):
            return True
    return False


#: The one part of a guide whose parts run on: its sections under one opener.
RUN_ON_PART = "part_all"


def guide_parts(
    role: Role,
    labels: Labels,
    audience: Audience | None = None,
    present: frozenset[str] = frozenset(),
    run_on: bool = False,
) -> list[Part]:
    """The parts of ``role``'s guide with their sections (those ``audience`` reads); empty ones
    are left out. The last part always ends with the sources; a part that would hold only them
    is folded into the part before it (a part is named by what it holds). ``present``: fields
    given from elsewhere than the role file (``salary`` for a regional edition's official pay).
    ``run_on``: the sections run on under one opener (RUN_ON_PART), as a short briefing does:
    several part openers on one page would read as a jumble."""
    parts = _parts(role, labels, audience, present)
    if len(parts) > 1 and [s.id for s in parts[-1].sections] == ["sources"]:
        last = parts.pop()
        parts[-1].sections.extend(last.sections)
    if run_on and len(parts) > 1:
        sections = [section for part in parts for section in part.sections]
        return [Part("part-1", RUN_ON_PART, 1, labels[RUN_ON_PART], sections)]
    return parts


def _parts(
    role: Role, labels: Labels, audience: Audience | None, present: frozenset[str]
) -> list[Part]:
    parts: list[Part] = []
    for key, outline in PARTS:
        name = key.removeprefix("part_")
        sections = [
            Section(anchor, labels[label], anchor)
            for anchor, label, fields in outline
            if _printed(role, fields, present)
            and (audience is None or audience.prints(anchor, name))
        ]
        if key == PARTS[-1][0]:
            # Extra sections belong to the last part: printed when it is.
            sections += [
                Section(f"extra-{i + 1}", extra.title, "extra", i)
                for i, extra in enumerate(role.extra_sections)
                if audience is None or audience.prints("", name)
            ]
            sections.append(Section("sources", labels.sources, "sources"))
        if sections:
            parts.append(Part(f"part-{len(parts) + 1}", key, len(parts) + 1, labels[key], sections))
    return parts


def guide_sections(
    role: Role,
    labels: Labels,
    audience: Audience | None = None,
    present: frozenset[str] = frozenset(),
) -> list[Section]:
    """Every section of ``role``'s guide in reading order."""
    found = guide_parts(role, labels, audience, present)
    return [section for part in found for section in part.sections]
