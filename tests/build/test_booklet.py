"""The booklet's index, as build/booklet.py gathers it from the chapters: one entry for the
ways a term is written, skills in sentence case, tools as named."""

from __future__ import annotations

from guidepress.build.booklet import index
from guidepress.build.chapters import Made
from guidepress.content.models import Role
from guidepress.render.pieces import Chapter


def role(slug: str, tools: list[str]) -> Role:
    return Role.model_validate(
        {"title": slug.title(), "summary": "Works.", "slug": slug, "tech_stack": tools}
    )


def test_terms_written_differently_are_one_entry_in_sentence_case() -> None:
    roles = {
        "analyst": role("analyst", ["Power BI", "Microsoft Excel"]),
        "manager": role("manager", ["Salesforce CRM"]),
    }
    chapters = [Chapter("analyst", 1, "Analyst", "", page=3),
                Chapter("manager", 2, "Manager", "", page=20)]  # fmt: skip
    made = [
        Made(b"", 17, (("Business intelligence software (Tableau, Power BI)", 5),
                       ("Basic Financial Acumen", 6), ("Power BI", 7),
                       ("Communication platforms (e.g., Zoom, Microsoft Teams)", 6),
                       ("Microsoft Excel Modelling", 6), ("Design systems", 6))),
        Made(b"", 12, (("Business intelligence tools (e.g., Tableau, Power BI)", 4),
                       ("Communication Tools (Zoom, Microsoft Teams)", 4),
                       ("CRM Utilization", 4), ("Design", 4), ("Salesforce CRM", 5))),
    ]  # fmt: skip
    tools, skills = index(chapters, made, roles)
    assert [(t.text, t.pages) for t in tools] == [("Power BI", (10,)), ("Salesforce CRM", (25,))]
    assert [(t.text, t.pages) for t in skills] == [
        ("Basic financial acumen", (9,)),
        ("Business intelligence software (Tableau, Power BI)", (8, 24)),
        ("Communication tools (Zoom, Microsoft Teams)", (9, 24)),
        ("CRM utilization", (24,)),
        ("Design", (24,)),
        ("Design systems", (9,)),
        # A tool's name keeps its capitals.
        ("Microsoft Excel modelling", (9,)),
    ]
