"""The guide's parts and sections: what a role prints, grouped and in reading order."""

from __future__ import annotations

from guidepress.content.models import Role
from guidepress.i18n.labels import catalogue
from guidepress.render.sections import OUTLINE, guide_parts, guide_sections


def role(**fields: object) -> Role:
    return Role.model_validate({"title": "Chef", "summary": "Cooks.", "slug": "chef", **fields})


def test_a_bare_role_has_one_part_holding_its_sources() -> None:
    [part] = guide_parts(role(), catalogue("en"))
    assert (part.id, part.number, part.title, part.name) == (
        "part-1",
        1,
        "Stories, questions and sources",
        "more",
    )
    assert [s.id for s in part.sections] == ["sources"]


def test_material_the_source_repeats_is_one_section() -> None:
    chef = role(
        tech_skills=["Knife work"], soft_skills=["Calm"], tech_stack=["Combi oven"],
        skill_map={"groups": [{"name": "Basics", "skills": ["Mise en place"]}]},
        education=["A diploma helps."], required_education=["Food safety certificate."],
        market_demand="High", trends=["More plant-based menus."], challenges=["Long hours."],
        stress_level="High", work_life_note=["Evenings and weekends."],
    )  # fmt: skip
    parts = guide_parts(chef, catalogue("en"))
    assert [(p.number, p.name) for p in parts] == [(1, "pay"), (2, "path"), (3, "daily")]
    # The sources alone would be a part of their own: they end the part before.
    assert [[s.id for s in p.sections] for p in parts] == [
        ["outlook"],
        ["skills", "education"],
        ["work-life", "sources"],
    ]
    assert [s.title for s in guide_sections(chef, catalogue("de"))][:3] == [
        "Nachfrage und Aussichten", "Kompetenzen und Tools", "Ausbildung und Weiterbildung",
    ]  # fmt: skip


def test_extra_sections_come_before_the_sources() -> None:
    chef = role(extra_sections=[{"title": "Unions", "body": ["Most kitchens have one."]}],
                faqs=[{"question": "Hours?", "answer": ["Long."]}])  # fmt: skip
    [part] = guide_parts(chef, catalogue("en"))
    assert [(s.id, s.title, s.index) for s in part.sections] == [
        ("faqs", "Frequently asked questions", None), ("extra-1", "Unions", 0),
        ("sources", "Sources", None),
    ]  # fmt: skip


def test_every_role_field_with_text_has_a_section() -> None:
    covered = {name for _, _, fields in OUTLINE for name in fields}
    # The cover, the at-a-glance page, the back cover, the metadata; the occupation names the
    # official pay of a regional edition (its pay section); the fields of study, the
    # comparison's education row.
    printed_elsewhere = {
        "title", "slug", "summary", "alt_titles", "remote_friendly", "entry_education",
        "education_fields",
        "extra_sections", "sheet", "url", "provenance", "related_roles", "references", "occupation",
    }  # fmt: skip
    assert set(Role.model_fields) - covered - printed_elsewhere == set()


def test_a_part_that_would_hold_only_the_sources_is_folded_into_the_one_before() -> None:
    chef = role(responsibilities=["Cook."], market_demand="High")
    parts = guide_parts(chef, catalogue("en"))
    assert [(p.name, [s.id for s in p.sections]) for p in parts] == [
        ("role", ["responsibilities"]),
        ("pay", ["outlook", "sources"]),
    ]


def test_sections_that_run_on_are_one_part() -> None:
    chef = role(responsibilities=["Cook."], market_demand="High", faqs=[
        {"question": "Hours?", "answer": ["Long."]}])  # fmt: skip
    [part] = guide_parts(chef, catalogue("de"), run_on=True)
    assert (part.id, part.number, part.title, part.name) == (
        "part-1", 1, "Die Rolle im Detail", "all",
    )  # fmt: skip
    assert [s.id for s in part.sections] == ["responsibilities", "outlook", "faqs", "sources"]
