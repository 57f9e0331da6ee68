"""Role title and slug from a page's first line (naming.py)."""

from __future__ import annotations

import pytest

from guidepress.importer.naming import MAX_SLUG, role_title, slugify


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Nurse Career Path Guide", "Nurse"),
        ("Nurse – Career Guide", "Nurse"),
        ("Nurse: career path guide", "Nurse"),
        ("Guide Dog Trainer", "Guide Dog Trainer"),
    ],
)
def test_role_title(line: str, title: str) -> None:
    assert role_title(line) == title


def test_slugify() -> None:
    assert slugify("Registered Nurse (RN)") == "registered-nurse-rn"
    assert slugify("Café Owner & Chef") == "cafe-owner-and-chef"
    assert slugify("工程师") == ""
    long = slugify("word " * 40)
    assert len(long) <= MAX_SLUG and not long.endswith("-")
