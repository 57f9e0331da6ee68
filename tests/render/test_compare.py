"""The comparison sheet's context: the headline, education as one line, the skills matrix, the
growth scale, the orientation and what to do when it does not fit."""

from __future__ import annotations

from typing import Any

import pytest

from guidepress.content.models import Comparison, Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import catalogue
from guidepress.render.compare import (
    _growth_bars,
    _matrix,
    education_line,
    headline,
    is_landscape,
    too_long,
)
from guidepress.render.context import Subject
from guidepress.render.pay import Benchmark, Growth

EN = catalogue("en")


def role(title: str, **fields: Any) -> Role:
    return Role.model_validate({"title": title, "summary": "s", **fields})


def subject(count: int, **comparison: Any) -> Subject:
    roles = tuple(role(f"Role {n}", slug=f"role-{n}") for n in range(count))
    return Subject("pick", roles, Comparison(roles=[r.slug for r in roles], **comparison))


def test_without_a_title_the_headline_asks_which_role_in_the_locale() -> None:
    assert headline(subject(2), EN, "en") == "Role 0 or Role 1?"
    assert headline(subject(3), EN, "en") == "Role 0, Role 1, or Role 2?"
    assert headline(subject(2), catalogue("de"), "de") == "Role 0 oder Role 1?"
    assert headline(subject(2, title="Which way?"), EN, "en") == "Which way?"


def test_education_is_one_line_a_line_never_starts_with_its_dot() -> None:
    nurse = role(
        "Nurse",
        required_education=[
            "A bachelor's degree in nursing or health sciences is typical.",
            "Certification as a registered nurse is required.",
        ],
    )
    assert education_line(nurse, EN) == (
        "Bachelor's degree\u00a0· nursing, health sciences\u00a0· certifications valued"
    )
    # Words it cannot read (another language) are printed as their first sentence.
    chef = role("Koch", required_education=["Eine Ausbildung zum Koch. Danach Praxis."])
    assert education_line(chef, EN) == "Eine Ausbildung zum Koch."
    assert education_line(role("None"), EN) == "—"


def test_the_matrix_puts_shared_skills_first_and_keeps_each_roles_top_skills() -> None:
    lists = [["SQL", "Excel", "Statistics"], ["Excel", "Negotiation"], ["Python", "SQL", "Excel"]]
    rows = _matrix(lists, 5)
    assert [(r.name, r.has) for r in rows] == [
        ("Excel", [True, True, True]),  # the most shared first
        ("SQL", [True, False, True]),
        ("Python", [False, False, True]),  # then each role's own, by their place in its list
        ("Negotiation", [False, True, False]),
        ("Statistics", [True, False, False]),
    ]
    assert [r.name for r in _matrix(lists, 3)] == ["Excel", "SQL", "Python"]


def test_growth_bars_share_one_scale_with_the_benchmark() -> None:
    fmt = Formatter("en", "USD")
    bars, benchmark = _growth_bars([Growth(8.0, benchmark=Benchmark(3.0)), None, Growth(-4.0)], fmt)
    # From -4 % to 8 %: zero at a third of the width.
    assert bars[0] is not None and bars[2] is not None and benchmark is not None
    assert (bars[0].left, bars[0].width) == pytest.approx((100 / 3, 200 / 3))
    assert (bars[2].left, bars[2].width) == pytest.approx((0, 100 / 3))
    assert bars[1] is None and bars[0].text == "8%"
    assert benchmark.left + benchmark.width == pytest.approx(100 * 7 / 12)


def test_four_roles_turn_sideways_on_small_paper_only() -> None:
    assert [is_landscape(subject(n), "a4") for n in (2, 3, 4)] == [False, False, True]
    assert not is_landscape(subject(4), "a3") and not is_landscape(subject(4), "tabloid")
    assert is_landscape(subject(2, orientation="landscape"), "a4")


def test_too_long_offers_the_bigger_sheet_for_three_or_four_roles() -> None:
    assert too_long(subject(4), 0.26, "letter") == (
        "comparison 'pick' of 4 roles does not fit on one Letter page at the smallest readable "
        "type (body 9 pt) even with the fewest items (about 26% too long): print it on Tabloid "
        "(--paper tabloid) or compare fewer roles or shorten their pros and cons"
    )
    assert too_long(subject(2), 0.004, "a4").endswith(
        "(about 1% too long): compare fewer roles or shorten their pros, cons and skills"
    )
