"""The opening of a page: title, summary, stats and salary (opening.py)."""

from __future__ import annotations

import pytest

from guidepress.errors import ContentError
from guidepress.importer import import_text
from guidepress.importer.page import EXPECTED

from .conftest import (
    check_round_trip,
)


def test_page_cut_after_its_opening(sam_page: str) -> None:
    cut = sam_page.index("Strategic Account Managers act as trusted advisors")
    result = import_text(sam_page[:cut], "cut.txt")
    role = check_round_trip(result)
    assert role.provenance.completeness == "partial"
    assert role.provenance.missing_sections == [
        k
        for k in EXPECTED
        if k not in ("salary", "growth_rate", "market_demand", "demand_note", "core_functions")
    ]
    assert len(role.core_functions) == 1
    assert role.salary and role.salary.median == 105000 and role.growth_rate == 8
    assert result.sections == [
        "summary",
        "salary",
        "growth_rate",
        "market_demand",
        "demand_note",
        "remote_friendly",
        "core_functions",
    ]


def test_page_cut_before_the_stats(sam_page: str) -> None:
    result = import_text(sam_page[: sam_page.index("8%")], "cut.txt")
    assert result.sections == ["summary"]
    assert result.role["provenance"]["missing_sections"] == list(EXPECTED)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Nurse Career Path Guide\n", "x.txt:2:1: summary: no summary paragraph after the title"),
        (
            b"Nurse\n\n8%\n\ngrowth rate\n",
            "x.txt:2:1: summary: no summary paragraph after the title",
        ),
        (b"Career Path Guide\n\nText.\n", "x.txt:1:1: title: the first line is not a role title"),
        (
            "工程师\n\nText.\n".encode(),
            "x.txt:1:1: title: the title gives no file name (no letters or digits)",
        ),
    ],
)
def test_unusable_input_is_a_located_problem(data: bytes, message: str) -> None:
    with pytest.raises(ContentError) as err:
        import_text(data, "x.txt")
    assert err.value.lines() == [message]
