"""The booklet's index, as build/book_index.py gathers it from the chapters: one entry for the
ways a term is written, skills in sentence case, tools as named; entries that begin with
another's term as its sub-entries; the locale's alphabetical order."""

from __future__ import annotations

from guidepress.build.book_index import index
from guidepress.build.chapters import Made
from guidepress.content.models import Role
from guidepress.render.pieces import Chapter, Term


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
        ("Design", (24,)),  # with "Design systems" under it (below)
        # A tool's name keeps its capitals.
        ("Microsoft Excel modelling", (9,)),
    ]
    assert [(t.text, t.pages) for t in skills[4].subs] == [("systems", (9,))]


def chapter_of(
    items: list[tuple[str, int]], tools: list[str]
) -> tuple[list[Chapter], list[Made], dict[str, Role]]:
    """One chapter from page 1 listing ``items`` (text, page), its role with ``tools``."""
    made = [Made(b"", 10, tuple((text, page - 1) for text, page in items))]
    return [Chapter("r", 1, "R", "", page=1)], made, {"r": role("r", tools)}


def show(terms: tuple[Term, ...]) -> list[str]:
    """The entries as printed, a sub-entry indented under its head."""
    lines = []
    for term in terms:
        lines.append(f"{term.text} {term.pages}".rstrip())
        lines += [f"  {sub.text} {sub.pages}" for sub in term.subs]
    return lines


def test_entries_that_begin_with_another_s_term_are_its_sub_entries() -> None:
    items = [
        ("SQL querying", 3), ("SQL querying and joins", 4), ("Time management", 3),
        ("Time management and organization", 5), ("Time management and prioritization", 6),
        ("Data modelling (star schemas)", 7), ("Data modelling", 7),
        ("Accessibility (WCAG 2.2)", 8), ("Accessibility basics", 9),
        # One first word in common is not a term: these stay apart.
        ("Clear and persuasive communication", 3), ("Clear written summaries", 4),
        ("Data validation", 5), ("Data cleaning and validation", 5),
        ("Customer-centric mindset", 6), ("Customer", 6),
    ]  # fmt: skip
    _, skills = index(*chapter_of(items, []))
    assert show(skills) == [
        "Accessibility ()",
        "  basics (9,)",
        "  WCAG 2.2 (8,)",
        "Clear and persuasive communication (3,)",
        "Clear written summaries (4,)",
        "Customer (6,)",
        "Customer-centric mindset (6,)",
        "Data cleaning and validation (5,)",
        "Data modelling (7,)",
        "  star schemas (7,)",
        "Data validation (5,)",
        "SQL querying (3,)",
        "  and joins (4,)",
        "Time management (3,)",
        "  and organization (5,)",
        "  and prioritization (6,)",
    ]


def test_a_maker_s_name_is_no_part_of_the_term() -> None:
    # "Microsoft" names two tools' makers, so "Microsoft Excel" is filed under Excel with the
    # four ways the roles write Excel skills; two that say the same are one sub-entry.
    tools = ["Microsoft Excel (Power Query)", "Microsoft Power BI", "Power BI", "Google Sheets"]
    items = [
        ("Excel and Power Query", 3), ("Excel data manipulation and reporting", 4),
        ("Microsoft Excel (data manipulation and reporting)", 6),
        ("Microsoft Excel (PivotTables & Data Analysis)", 5),
        ("Microsoft Power BI", 7), ("Power BI", 8),
        ("Microsoft Office Suite (Excel, PowerPoint, Word)", 3),
        ("Microsoft Office Suite (Outlook, Excel, PowerPoint)", 4),
    ]  # fmt: skip
    tools_found, skills = index(*chapter_of(items, [*tools, "Microsoft Office Suite"]))
    assert show(skills) == [
        "Excel ()",
        "  and Power Query (3,)",
        "  data manipulation and reporting (4, 6)",
        "  PivotTables & data analysis (5,)",
        # Every member names the maker: the head keeps it.
        "Microsoft Office Suite ()",
        "  Excel, PowerPoint, Word (3,)",
        "  Outlook, Excel, PowerPoint (4,)",
    ]
    assert show(tools_found) == ["Power BI (7, 8)"]


def test_a_variant_whose_examples_another_lists_is_one_with_it() -> None:
    items = [
        ("Collaboration", 3), ("Collaboration and teamwork", 4),
        ("Collaboration tools (e.g., Slack)", 5), ("Collaboration tools (Slack, Zoom)", 6),
        ("Customer Relationship Management (CRM) software expertise", 7),
        ("Customer Relationship Management (CRM) software proficiency", 8),
    ]  # fmt: skip
    _, skills = index(*chapter_of(items, []))
    assert show(skills) == [
        "Collaboration (3,)",
        "  and teamwork (4,)",
        "  tools (Slack, Zoom) (5, 6)",
        # The words every variant shares, bracket and all, are the head's.
        "Customer Relationship Management (CRM) software ()",
        "  expertise (7,)",
        "  proficiency (8,)",
    ]


def test_entries_sort_the_way_the_locale_sorts() -> None:
    items = [("Zoom", 3), ("ágil", 3), ("Nube", 4), ("Ñandú", 5), ("Oso", 6), ("Écoute", 7)]
    _, skills = index(*chapter_of(items, []), "es")
    assert [t.text for t in skills] == ["ágil", "Écoute", "Nube", "Ñandú", "Oso", "Zoom"]
    _, skills = index(*chapter_of([("Ñandú", 5), ("Nz", 4), ("Oso", 6)], []), "de")
    assert [t.text for t in skills] == ["Ñandú", "Nz", "Oso"]  # ñ is n but in Spanish
