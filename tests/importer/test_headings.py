"""Section headings matched to role fields (headings.py)."""

from __future__ import annotations

from typing import Any

from guidepress.importer import import_text

from .conftest import (
    without_provenance,
)


def test_heading_synonyms(sam_page: str, sam_role: dict[str, Any]) -> None:
    page = (
        sam_page.replace("Soft Abilities", "Soft Skills")
        .replace("Key Responsibilities", "Responsibilities")
        .replace("Core Functions of the Strategic Account Manager Role", "Core Functions")
        .replace("Tech Stack", "Tools of the Trade")
        .replace("Contextual Advice", "Advice for Newcomers")
        .replace("Frequently Asked Questions", "FAQ")
    )
    assert without_provenance(import_text(page, "x.txt")) == sam_role
