"""The guide's reading order: which sections a role has, their anchors and headings."""

from __future__ import annotations

from dataclasses import dataclass

from guidepress.content.models.role import Role
from guidepress.i18n.labels import Labels


@dataclass(frozen=True)
class Section:
    """One top-level section of the guide: ``template`` is partials/sections/<template>.html.j2."""

    id: str
    title: str
    template: str
    index: int | None = None  # position in role.extra_sections, for the "extra" template


# (anchor and template name, label key, the role fields that make the section worth printing)
OUTLINE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("at-a-glance", "at_a_glance", ()),
    ("core-functions", "core_functions", ("core_functions",)),
    ("responsibilities", "responsibilities", ("responsibilities",)),
    ("work-setting", "work_setting", ("work_setting",)),
    ("tech-stack", "tech_stack", ("tech_stack",)),
    ("skills", "skills", ("education", "tech_skills", "soft_skills")),
    ("path", "path", ("path", "required_education")),
    ("career-ladder", "career_ladder", ("tiers",)),
    ("global-outlook", "global_outlook", ("global_outlook",)),
    ("job-market", "job_market", ("challenges", "growth_paths", "trends")),
    ("day-in-the-life", "day_in_the_life", ("day_in_the_life",)),
    ("work-life", "work_life", ("stress_level", "balance_rating", "work_life_note")),
    ("skill-map", "skill_map", ("skill_map",)),
    ("pros-cons", "pros_cons", ("pros", "cons")),
    ("mistakes", "common_mistakes", ("common_mistakes",)),
    ("advice", "advice", ("advice",)),
    ("case-studies", "case_studies", ("case_studies",)),
    ("portfolio", "portfolio_tips", ("portfolio_tips",)),
    ("outlook", "outlook", ("outlook", "related_roles")),
    ("faqs", "faqs", ("faqs",)),
)


def guide_sections(role: Role, labels: Labels) -> list[Section]:
    """The sections of ``role`` in reading order; empty ones are left out, sources always end it."""
    found = [
        Section(anchor, labels[key], anchor)
        for anchor, key, fields in OUTLINE
        if not fields or any(getattr(role, name) for name in fields)
    ]
    found += [
        Section(f"extra-{i + 1}", extra.title, "extra", i)
        for i, extra in enumerate(role.extra_sections)
    ]
    found.append(Section("sources", labels.sources, "sources"))
    return found
