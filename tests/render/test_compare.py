"""The comparison sheet's context: the headline, education as one line, the skills matrix, the
growth scale, the orientation and what to do when it does not fit."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from guidepress.content.models import Comparison, Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import catalogue
from guidepress.render.compare import (
    _growth_bars,
    _growth_note,
    _sources,
    education_line,
    headline,
    is_landscape,
    levels,
    senior_years,
    too_long,
)
from guidepress.render.context import Subject
from guidepress.render.pay import Benchmark, Growth
from tests.helpers import REPO, SEED_ROLES

EN = catalogue("en")


def role(title: str, **fields: Any) -> Role:
    return Role.model_validate({"title": title, "summary": "s", **fields})


def subject(count: int, **comparison: Any) -> Subject:
    roles = tuple(role(f"Role {n}", slug=f"role-{n}") for n in range(count))
    return Subject("pick", roles, Comparison(roles=[r.slug for r in roles], **comparison))


def test_without_a_title_the_headline_asks_which_role_in_the_locale() -> None:
    assert headline(subject(2), EN, "en") == "Role\u00a00 or Role\u00a01?"
    assert headline(subject(3), EN, "en") == "Role\u00a00, Role\u00a01, or Role\u00a02?"
    assert headline(subject(2), catalogue("de"), "de") == "Role\u00a00 oder Role\u00a01?"
    assert headline(subject(2, title="Which way?"), EN, "en") == "Which way?"


def test_a_headline_breaks_between_roles_never_inside_a_short_title() -> None:
    """Review 4: "Electrician, Registered Nurse, or Customer / Success Manager?" broke a role's
    name over two lines. Short titles keep their words together; a long one may still wrap."""
    roles = tuple(
        role(title, slug=f"r{n}")
        for n, title in enumerate(("Electrician", "Customer Success Manager",
                                   "Business Intelligence Data Analyst"))
    )  # fmt: skip
    assert headline(Subject("pick", roles[:2], None), EN, "en") == (
        "Electrician or Customer\u00a0Success\u00a0Manager?"
    )
    assert headline(Subject("pick", roles[::2], None), EN, "en") == (
        "Electrician or Business Intelligence Data Analyst?"
    )


def test_a_long_list_of_titles_gives_a_one_line_headline_that_counts_the_roles() -> None:
    """Three long titles made a three-line headline (review 3): the columns name the roles."""
    roles = tuple(
        role(title, slug=f"r{n}")
        for n, title in enumerate(
            ("Registered Nurse", "Business Intelligence and Reporting Data Analyst",
             "Customer Success Manager")
        )
    )  # fmt: skip
    three = Subject("pick", roles, None)
    assert headline(three, EN, "en") == "3 careers side by side"
    assert headline(three, catalogue("de"), "de") == "3 Berufe im Vergleich"


NURSE = {
    "education": [
        "There are three ways to become an RN in the U.S. – an associate degree in nursing (ADN, "
        "two to three years at a community college), a bachelor of science in nursing (BSN, four "
        "years), or a diploma from a hospital programme (now rare). All graduates take the same "
        "licensing exam, the NCLEX-RN.",
    ],
    "required_education": [
        "A state licence is required, granted after an approved nursing programme and the NCLEX-RN."
    ],
    "entry_education": "bachelor",
    "tiers": [
        {"title": "New Graduate Nurse", "experience": "0-1 years"},
        {"title": "Registered Nurse", "experience": "1-5 years"},
        {"title": "Charge Nurse / Specialty RN", "experience": "5-10 years"},
        {"title": "Nurse Manager", "experience": "8+ years"},
        {"title": "Nurse Practitioner or Director of Nursing", "experience": "10+ years"},
    ],
}


def test_education_is_the_entry_level_with_a_licence_as_a_suffix_for_every_role() -> None:
    """The review's nurse printed its licence sentence where the others printed a structured
    line; her bachelor's never appeared."""
    nurse = role("Registered Nurse", **NURSE)
    assert education_line(nurse, EN) == "Bachelor's degree\u00a0· nursing\u00a0· licence required"
    assert education_line(nurse, catalogue("de")).endswith("· Zulassung erforderlich")
    # The role file's level wins over what the text names first.
    master = role("Analyst", entry_education="master", education=["A bachelor's degree is usual."])
    assert education_line(master, EN) == "Master's degree"


def test_years_to_senior_stop_at_the_tier_before_management() -> None:
    """Not the nurse manager's 8+ (review 3): the charge nurse's 5+; a tier called senior wins;
    a manager in the role's own title (an account manager's ladder) is no management tier."""
    assert senior_years(role("Registered Nurse", **NURSE), EN) == "5+ years"
    called = [{"title": "Analyst", "experience": "0-2 years"},
              {"title": "Senior Analyst", "experience": "3-6 years"},
              {"title": "Analytics Manager", "experience": "6+ years"}]  # fmt: skip
    assert senior_years(role("Analyst", tiers=called), EN) == "3+ years"
    own = [{"title": "Associate Account Manager", "experience": "0-2 years"},
           {"title": "Account Manager", "experience": "2-5 years"},
           {"title": "Key Account Manager", "experience": "5-8 years"},
           {"title": "Sales Director", "experience": "10+ years"}]  # fmt: skip
    assert senior_years(role("Account Manager", tiers=own), EN) == "5+ years"
    # The role's own step, named by its other title, manages no one it answers to.
    lead = [{"title": "Trainee Technician", "experience": "0-2 years"},
            {"title": "Technician", "experience": "2-5 years"},
            {"title": "Site Supervisor", "experience": "5-8 years"},
            {"title": "Lead Technician", "experience": "8+ years"},
            {"title": "Operations Manager", "experience": "12+ years"}]  # fmt: skip
    assert senior_years(role("Site Lead", tiers=lead), EN) == "2+ years"
    assert senior_years(role("Site Lead", alt_titles=["Site Supervisor"], tiers=lead), EN) == (
        "8+ years"
    )


def test_three_roles_keep_two_of_each_list_at_every_level() -> None:
    """Two pros, two cons, two skills and two tools at every level (a big sheet's first level
    has a third pro and con); skills and tools went down to one each before (review 3)."""
    roles = tuple(
        role(f"Role {n}", slug=f"r{n}", pros=["a", "b", "c"], cons=["d", "e", "f"],
             tech_skills=[f"skill {n}{x}" for x in "ghi"],
             tech_stack=[f"tool {n}{x}" for x in "jkl"])
        for n in range(3)
    )  # fmt: skip
    found = levels(Subject("pick", roles, None))
    kinds = ("pros", "cons", "skills", "tools")
    for shown in found:
        assert all(shown[f"{kind}-{i}"] >= 2 for kind in kinds for i in (1, 2, 3)), shown
    assert all(found[-1][f"{kind}-{i}"] == 2 for kind in kinds for i in (1, 2, 3))


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


#: The reviewers' roles and the seeds, with the line each prints in two roles' wide columns.
#: Review 5: "Doctoral degree · physiology · licence required" (the physical therapist's
#: bachelor's "in any subject with prerequisite courses in anatomy, physiology"), "Bachelor's
#: degree · human-computer interaction can · certifications valued" (the UX master's degree).
REAL_LINES = {
    "physical-therapist": "Doctoral degree · licence required",
    "ux-designer-researcher": "Bachelor's degree · certifications valued",
    "registered-nurse": "Bachelor's degree · nursing · licence required",
    "electrician": "High school diploma · licence required",
    "business-intelligence-data-analyst": (
        "Bachelor's degree · statistics, economics · certifications valued"
    ),
    "strategic-account-manager": (
        "Bachelor's degree · business administration, marketing · certifications valued"
    ),
    "customer-success-manager": (
        "Bachelor's degree · business administration, marketing · certifications valued"
    ),
}


def real_role(slug: str) -> Role:
    folder = REPO / "content" / "roles" if slug in SEED_ROLES else REPO / "tests/paper/roles"
    path = folder / f"{slug}.yaml"
    return Role.model_validate(yaml.safe_load(path.read_text("utf-8")))


@pytest.mark.parametrize("slug", sorted(REAL_LINES))
def test_education_fields_come_from_a_sentence_naming_the_entry_level(slug: str) -> None:
    line = education_line(real_role(slug), EN)
    assert line.replace("\u00a0", " ") == REAL_LINES[slug]


def test_a_field_list_ends_at_a_modal_and_a_list_of_no_field_is_dropped() -> None:
    def line(*texts: str, level: str = "bachelor") -> str:
        return education_line(role("R", education=list(texts), entry_education=level), EN)

    assert line("A bachelor's degree in design can help.") == "Bachelor's degree\u00a0· design"
    assert line("A bachelor's degree in psychology, with courses in statistics.") == (
        "Bachelor's degree\u00a0· psychology"
    )
    # "any subject" names no field: the examples after it are of something else.
    assert line("A bachelor's degree in any subject or in biology.") == "Bachelor's degree"
    assert line("A bachelor's degree in a related field or in biology.") == "Bachelor's degree"
    # A sentence naming another level says nothing of this one's fields.
    assert line("A master's degree in data science may help.") == "Bachelor's degree"
    assert line("Then a PhD in chemistry.", level="master") == "Master's degree"
    assert line("A Doctor of Physical Therapy in physiotherapy.", level="doctoral") == (
        "Doctoral degree"
    )


def test_the_role_files_education_fields_win_and_are_validated() -> None:
    therapist = real_role("physical-therapist").model_copy(
        update={"education_fields": ["physical therapy", "kinesiology", "sport science"]}
    )
    assert education_line(therapist, EN, 1) == (
        "Doctoral degree\u00a0· physical therapy\u00a0· licence required"
    )
    assert education_line(therapist, EN, 2).split("\u00a0· ")[1] == (
        "physical therapy, kinesiology"
    )
    # The field is the role file's words: not printed on a page in another language.
    assert "physical" not in education_line(therapist, EN, translated=False)
    with pytest.raises(ValidationError, match=r"education_fields\.0"):
        role("R", education_fields=["x" * 41])
    with pytest.raises(ValidationError, match="education_fields"):
        role("R", education_fields=["a", "b", "c", "d", "e"])


def test_growth_bars_share_one_scale_with_the_benchmark() -> None:
    fmt = Formatter("en", "USD")
    three = Benchmark(3.0, period="2024–34")
    bars, benchmark = _growth_bars(
        [Growth(8.0, "2024–34", benchmark=three), None, Growth(-4.0, "2024–34", benchmark=three)],
        fmt,
    )
    # From -4 % to 8 %: zero at a third of the width.
    assert bars[0] is not None and bars[2] is not None and benchmark is not None
    assert (bars[0].left, bars[0].width) == pytest.approx((100 / 3, 200 / 3))
    assert (bars[2].left, bars[2].width) == pytest.approx((0, 100 / 3))
    assert bars[1] is None and bars[0].text == "8%"
    assert benchmark.left + benchmark.width == pytest.approx(100 * 7 / 12)
    # A role whose growth is not set against it (another or no period): no line for anyone,
    # and the note says why, with the benchmark's figure and period.
    mixed = [Growth(8.0, "2024–34", benchmark=three), Growth(5.0)]
    assert _growth_bars(mixed, fmt)[1] is None
    assert _growth_note(mixed, EN, fmt, three) == (
        "All occupations: 3%, 2024–\u206034; not drawn, as the periods differ."
    )


def test_four_roles_turn_sideways_on_small_paper_only() -> None:
    assert [is_landscape(subject(n), "a4") for n in (2, 3, 4)] == [False, False, True]
    assert not is_landscape(subject(4), "a3") and not is_landscape(subject(4), "tabloid")
    assert is_landscape(subject(2, orientation="landscape"), "a4")


def test_too_long_names_the_cells_that_stand_out_then_the_bigger_sheet() -> None:
    three = subject(3)
    # Role 1's pros take 22 mm where the others' take 8: that cell is what has to go.
    heights = {"fit-col-pros-1": 8.0, "fit-col-pros-2": 22.0, "fit-col-pros-3": 8.0,
               "fit-col-cons-1": 8.0, "fit-col-cons-2": 12.5, "fit-col-cons-3": 4.0}  # fmt: skip
    assert too_long(three, 0.04, "letter", heights) == (
        "comparison 'pick' of 3 roles does not fit on one Letter page at the smallest readable "
        "type (body 9 pt) even with the fewest items (two skills, tools, pros and cons each; "
        "about 4% too long, 10 mm): shorten Role 1's pros (14 mm taller than the next column's), "
        "or print it on Tabloid (--paper tabloid) or compare fewer roles"
    )
    # More than one cell is needed: each is named, the biggest gain first.
    assert too_long(three, 0.08, "a4", heights).endswith(
        "about 8% too long, 21 mm): shorten Role 1's pros (14 mm taller than the next "
        "column's), Role 1's cons (4 mm taller than the next column's) and the other roles' pros "
        "and cons, or print it on A3 (--paper a3) or compare fewer roles"
    )
    # Nothing stands out, and one line each would not make the room: a bigger sheet.
    even = {f"fit-col-{row}-{i}": 8.0 for row in ("pros", "cons") for i in (1, 2, 3, 4)}
    assert too_long(subject(4), 0.26, "letter", even).endswith(
        "about 26% too long, 48 mm): shortening the roles' own texts cannot make that room: "
        "print it on Tabloid (--paper tabloid) or compare fewer roles"
    )
    assert too_long(subject(2), 0.004, "a4", even).endswith(
        "about 1% too long, 1 mm): shorten every role's pros and cons, or compare fewer roles"
    )


def test_a_reference_an_outlook_source_names_is_listed_once() -> None:
    """Review 4: the four-role sheet listed the Handbook's electricians page as the outlook's
    source and again as a reference (the publisher before its title, or "BLS")."""
    bls = "U.S. Bureau of Labor Statistics"
    electrician = role(
        "Electrician",
        outlook={"sources": [f"{bls}, Occupational Outlook Handbook, Electricians"]},
        references=[{"title": "Occupational Outlook Handbook, Electricians", "publisher": bls},
                    {"title": "NECA Careers", "publisher": "NECA"}],
    )  # fmt: skip
    nurse = role(
        "Registered Nurse",
        outlook={"sources": ["BLS Occupational Outlook Handbook, Registered Nurses"]},
        references=[
            {"title": "Occupational Outlook Handbook, Registered Nurses", "publisher": bls},
            {"title": "Occupational Outlook Handbook, Electricians", "publisher": bls},
            {"title": "NCLEX Pass Rates", "publisher": "NCSBN"},
        ],
    )
    # Review 5: one form per publisher, one entry per work, and no reading list ("NCLEX Pass
    # Rates" is the source of no figure the sheet prints).
    assert _sources([electrician, nurse]) == [
        f"{bls}, Occupational Outlook Handbook (Electricians; Registered Nurses)"
    ]


def test_the_sources_line_names_each_publisher_in_one_form() -> None:
    """The reviewers' roles: "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook,
    Physical Therapists" beside "BLS Occupational Outlook Handbook, Registered Nurses"; the
    account manager's bare "U.S. Bureau of Labor Statistics" beside the Handbook's pages."""
    slugs = ("physical-therapist", "registered-nurse", "electrician", "strategic-account-manager",
             "business-intelligence-data-analyst", "customer-success-manager")  # fmt: skip
    found = _sources([real_role(slug) for slug in slugs])
    assert found == [
        "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook (Physical Therapists; "
        "Registered Nurses; Electricians; Operations Research Analysts and Data Scientists, "
        "2024-34)",
        "LinkedIn Workforce Reports",
        "Customer Success Association",
    ]
    assert not any(line.startswith("BLS") for line in found)
    alone = role("Sales", outlook={"sources": ["BLS", "Trade body survey"]})
    assert _sources([alone]) == ["U.S. Bureau of Labor Statistics", "Trade body survey"]
