"""The body of a page: sections in any order, unknown ones kept (sections.py)."""

from __future__ import annotations

from typing import Any

from guidepress.importer import import_text

from .conftest import (
    check_round_trip,
    section,
    without_provenance,
)


def test_reordered_sections_give_the_same_role(sam_page: str, sam_role: dict[str, Any]) -> None:
    advice = section(sam_page, "Contextual Advice", "Examples and Case Studies")
    tiers = section(sam_page, "Career Path Tiers", "Global Outlook")
    page = sam_page.replace(advice, "").replace(tiers, "")
    page = page.replace("Key Responsibilities\n", advice + "Key Responsibilities\n")
    page = page.replace("Frequently Asked Questions\n", tiers + "Frequently Asked Questions\n")
    result = import_text(page, "x.txt")
    assert without_provenance(result) == sam_role
    assert result.warnings == []


def test_unknown_section_is_kept_with_a_warning(sam_page: str, sam_role: dict[str, Any]) -> None:
    extra = (
        "Volunteer Work\n\nMany SAMs mentor students through industry associations.\n\n"
        "  • Sales clubs\n  • Chamber of commerce events\n\n"
    )
    page = sam_page.replace(
        "Job Outlook & Related Roles\n", extra + "Job Outlook & Related Roles\n"
    )
    result = import_text(page, "x.txt")
    check_round_trip(result)
    assert result.role["extra_sections"] == [
        {
            "title": "Volunteer Work",
            "body": ["Many SAMs mentor students through industry associations."],
            "items": ["Sales clubs", "Chamber of commerce events"],
        }
    ]
    assert result.warnings == ["unrecognised section 'Volunteer Work' kept as an extra section"]
    rest = {k: v for k, v in without_provenance(result).items() if k != "extra_sections"}
    assert rest == sam_role
