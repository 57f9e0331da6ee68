"""Sources: when a free-text source line names the same work as a reference."""

from __future__ import annotations

import pytest

from guidepress.render.citations import same_work

BLS = "U.S. Bureau of Labor Statistics"


@pytest.mark.parametrize(
    ("line", "title", "publisher"),
    [
        # Review 4's comparison listed each of these twice.
        (f"{BLS}, Occupational Outlook Handbook, Electricians",
         "Occupational Outlook Handbook, Electricians", BLS),
        ("BLS Occupational Outlook Handbook, Registered Nurses",
         "Occupational Outlook Handbook, Registered Nurses", BLS),
        ("O*NET OnLine: Électriciens", "O*NET Online électriciens", None),
        ("Handbook", "Handbook", "Someone"),
    ],
)  # fmt: skip
def test_a_source_naming_the_reference_after_its_publisher_is_the_same_work(
    line: str, title: str, publisher: str | None
) -> None:
    assert same_work(line, title, publisher)


@pytest.mark.parametrize(
    ("line", "title", "publisher"),
    [
        # Another page of the Handbook: a word more after the title.
        ("BLS Occupational Outlook Handbook, Operations Research Analysts and Data Scientists",
         "Occupational Outlook Handbook, Operations Research Analysts", BLS),
        ("BLS Occupational Outlook Handbook, Data Scientists, 2024-34",
         "Occupational Outlook Handbook, Data Scientists", BLS),
        # Another publisher's, or words before the title that are not its publisher.
        ("OECD Employment Outlook", "Employment Outlook", BLS),
        ("The Employment Outlook", "Employment Outlook", None),
        ("Guide to Nursing", "Nursing", "Royal College of Nursing"),
        ("LinkedIn Workforce Reports", "Customer Success Association", None),
    ],
)  # fmt: skip
def test_other_works_are_not_the_same(line: str, title: str, publisher: str | None) -> None:
    assert not same_work(line, title, publisher)
