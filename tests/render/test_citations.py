"""Sources: when a free-text source line names the same work as a reference."""

from __future__ import annotations

import pytest

from guidepress.content.models import Role
from guidepress.render.citations import same_work, sources
from guidepress.render.pay import Pay

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


def _role(**fields: object) -> Role:
    return Role.model_validate({"title": "Electrician", "summary": "S.", **fields})


OOH = {
    "title": "Occupational Outlook Handbook, Electricians", "publisher": BLS, "year": 2025,
    "url": "https://www.bls.gov/ooh/construction-and-extraction/electricians.htm",
}  # fmt: skip


def test_a_guide_cites_a_work_its_outlook_source_and_references_both_name_once() -> None:
    # Review 4: the electrician's guide listed the Handbook as the outlook's source and again
    # as a reference; it is cited once, with the reference's publisher, year and address.
    lines = [f"{BLS}, Occupational Outlook Handbook, Electricians", "NECA Careers"]
    found = sources(_role(
        outlook={"sources": lines},
        references=[{"title": "Apprenticeships", "publisher": "IBEW"}, OOH],
    ), None)  # fmt: skip
    assert [(c.number, c.title, c.publisher, c.year, c.role) for c in found.citations] == [
        (1, "Occupational Outlook Handbook, Electricians", BLS, 2025, "outlook"),
        (2, "NECA Careers", None, None, "outlook"),
        (3, "Apprenticeships", "IBEW", None, None),
    ]
    assert found.citations[0].url == OOH["url"]
    assert found.of("outlook") == [1, 2]


def test_a_work_named_twice_among_the_sources_is_cited_once() -> None:
    page = {"source": "e.txt", "title": "Electrician Career Guide", "publisher": "Jobs",
            "url": "https://jobs.example/electrician"}  # fmt: skip
    found = sources(_role(
        provenance=page,
        outlook={"sources": ["BLS Occupational Outlook Handbook, Electricians",
                             "Occupational Outlook Handbook, Electricians",
                             "Jobs Electrician Career Guide"]},
        references=[
            OOH,
            {**OOH, "url": "http://bls.gov/ooh/construction-and-extraction/electricians.htm/",
             "title": "OOH: Electricians"},  # the same address
            {"title": "occupational outlook handbook: electricians"},  # the same title
            {"title": "Electrician career guide", "url": "https://jobs.example/electrician"},
            {"title": "Occupational Outlook Handbook, Electricians", "publisher": "Someone else"},
        ],
    ), None)  # fmt: skip
    assert [(c.title, c.publisher, c.role) for c in found.citations] == [
        ("Electrician Career Guide", "Jobs", None),
        ("Occupational Outlook Handbook, Electricians", BLS, "outlook"),
        ("Occupational Outlook Handbook, Electricians", "Someone else", None),
    ]
    assert found.of("outlook") == [2, 1]


def test_the_pay_source_cites_the_reference_it_names() -> None:
    # Official pay (a regional edition) cites its release: the reference naming it is that
    # citation, in the pay's place, or the outlook's where an outlook source names it too.
    oews = {"title": "Occupational Employment and Wage Statistics", "publisher": BLS}
    pay = Pay("USD", "annual", "percentiles", 40000, 90000, 61000,
              source="BLS Occupational Employment and Wage Statistics")  # fmt: skip
    both = _role(
        outlook={"sources": ["Occupational Employment and Wage Statistics", "NECA"]},
        references=[OOH, oews],
    )
    found = sources(both, pay)
    assert [(c.title, c.role) for c in found.citations] == [
        ("Occupational Employment and Wage Statistics", "outlook"),
        ("NECA", "outlook"),
        ("Occupational Outlook Handbook, Electricians", None),
    ]
    assert (found.of("outlook"), found.of("pay")) == ([1, 2], [1])
    found = sources(_role(references=[oews, OOH]), pay)
    assert [(c.title, c.publisher, c.role) for c in found.citations] == [
        ("Occupational Outlook Handbook, Electricians", BLS, None),
        ("Occupational Employment and Wage Statistics", BLS, "pay"),
    ]
    assert found.of("pay") == [2]


def test_a_pay_release_is_cited_by_its_publisher_year_and_title() -> None:
    """Review 8: the OEWS release (a regional edition's pay, no reference naming it) was cited
    as one title, all in italics and with no author, beside citations of a publisher (roman),
    a year and a title (italics). Its line opens with its publisher: that is its author."""
    pay = Pay("USD", "annual", "percentiles", 40000, 90000, 61000,
              source=f"{BLS}, Occupational Employment and Wage Statistics, May 2025")  # fmt: skip
    found = sources(_role(references=[OOH]), pay)
    assert [(c.publisher, c.year, c.title, c.role) for c in found.citations] == [
        (BLS, 2025, "Occupational Outlook Handbook, Electricians", None),
        (BLS, 2025, "Occupational Employment and Wage Statistics, May 2025", "pay"),
    ]
    # A line that opens with no publisher the guide knows stays a title whole.
    line = "Statistisches Bundesamt, Verdiensterhebung 2024"
    found = sources(_role(), Pay("EUR", "annual", "range", 40000, 90000, None, source=line))
    assert [(c.publisher, c.title) for c in found.citations] == [(None, line)]
