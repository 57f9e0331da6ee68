"""guidepress import, end to end: page text in, role data and YAML out (page.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidepress.content.models import Role
from guidepress.errors import ContentError
from guidepress.importer import import_text
from guidepress.importer.page import EXPECTED
from guidepress.importer.repair import mis_decode, repair

from .conftest import (
    CASES,
    ROLES,
    SEED_FILES,
    SEEDS,
    body_of,
    check_round_trip,
    fast,
    needs_seeds,
    section,
    seed_bytes,
    seed_text,
    texts,
    without_provenance,
)


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_seed_imports_every_section(name: str) -> None:
    result = import_text(seed_bytes(name), str(SEEDS / name))
    role = check_round_trip(result)
    assert result.slug == SEED_FILES[name]
    assert result.source == name
    assert result.warnings == []
    derived = {"entry_education"}  # read from the education text, not a section of the page
    printed = [k for k in Role.model_fields if k in result.role and k not in derived][1:-1]
    assert result.sections == printed
    assert result.role["entry_education"] == "bachelor"
    assert set(EXPECTED) <= set(result.sections)
    assert role.provenance.completeness == "full"
    assert role.provenance.missing_sections == []
    assert role.provenance.encoding_repaired is name.startswith("004")
    assert role.provenance.source == name
    assert role.remote_friendly is True
    assert role.market_demand == "High"
    assert role.salary is not None
    assert (role.salary.region, role.salary.currency, role.salary.period) == ("US", "USD", "annual")
    assert role.salary.levels_estimated is True
    assert [t.experience for t in role.tiers][:3] == ["0-2 years", "2-5 years", "5-8 years"]
    assert [b.label for b in role.day_in_the_life] == ["Morning", "Afternoon", "Late Afternoon"]
    assert role.day_in_the_life[0].time == "9:00 AM - 12:00 PM"
    assert all(c.takeaway and not c.takeaway.startswith("Key") for c in role.case_studies)
    assert role.extra_sections == []


@needs_seeds
def test_seed_figures() -> None:
    sam = import_text(seed_bytes("000_d44a76b2e4663afc.txt"), "000.txt").role
    csm = import_text(seed_bytes("004_e941a6e8a69fed1f.txt"), "004.txt").role
    assert sam["title"] == "Strategic Account Manager"
    assert sam["growth_rate"] == 8 and csm["growth_rate"] == 11
    assert sam["salary"] == {
        "region": "US",
        "currency": "USD",
        "period": "annual",
        "min": 70000,
        "max": 140000,
        "median": 105000,
        "levels": {"entry": 80500, "mid": 105000, "senior": 129500},
        "levels_estimated": True,
        "top_10_percent": 140000,
    }
    assert csm["salary"]["median"] == 90000 and csm["salary"]["top_10_percent"] == 120000
    assert (sam["stress_level"], sam["balance_rating"]) == ("Moderate to High", "Challenging")
    assert sam["outlook"] == {
        "growth_rate": 8,
        "status": "Growing faster than average",
        "sources": ["U.S. Bureau of Labor Statistics"],
    }
    assert csm["outlook"]["sources"] == [
        "LinkedIn Workforce Reports",
        "Customer Success Association",
    ]
    assert [len(r["skill_map"]["groups"]) for r in (sam, csm)] == [4, 3]
    assert csm["skill_map"]["groups"][1]["name"] == "Specialization Paths"
    assert [len(r["case_studies"]) for r in (sam, csm)] == [3, 4]
    assert [len(r["faqs"]) for r in (sam, csm)] == [9, 10]
    assert [len(r["tiers"]) for r in (sam, csm)] == [5, 5]
    assert csm["pros"][0].startswith("Direct impact") and csm["cons"][0].startswith("Managing")
    assert (
        sam["faqs"][-1]["question"] == "What mistakes should new Strategic Account Managers avoid?"
    )
    assert "—" in csm["case_studies"][3]["body"][0]  # repaired from β€”


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_committed_role_files_are_what_import_produces(name: str) -> None:
    """Byte for byte, but for what a page's text does not give and the demo's role files add by
    hand: the citation's publisher and address (as a saved web page gives them) and the
    occupation codes (a page names no SOC code)."""
    committed = (ROLES / f"{SEED_FILES[name]}.yaml").read_text("utf-8")
    mapped = re.compile(r"# Occupation for official pay.*?\noccupation:\n(?:  [^\n]*\n)+", re.S)
    assert len(mapped.findall(committed)) == 1
    completed = re.sub(r"\n  (?:publisher|url): [^\n]*", "", mapped.sub("", committed))
    result = import_text(seed_bytes(name), str(SEEDS / name))
    assert completed == result.yaml_text


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_every_paragraph_and_bullet_of_a_seed_lands_in_the_yaml(name: str) -> None:
    """Lines of the page (repaired, before the boilerplate) are all in the YAML texts, except
    headings (one-line blocks without final punctuation) and the stats / salary figures, which
    are checked as numbers."""
    result = import_text(seed_bytes(name), name)
    role, found = result.role, set(texts(result.role))
    page = body_of(repair(seed_text(name))[0])
    opening, body = page.split("\nCore Functions of", 1)
    blocks = [b.splitlines() for b in re.split(r"\n\s*\n", opening.strip())]
    assert role["summary"] == blocks[1][0] and role["demand_note"] in opening
    top = (
        "Top 10% of earners in this field can expect salaries starting from "
        f"${role['salary']['top_10_percent']:,}+ per year, especially with specialized skills "
        "in high-demand areas."
    )
    assert top in opening  # the site's fixed sentence, rebuilt from the number
    checked = 0
    for block in re.split(r"\n\s*\n", body):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if len(lines) == 1 and not re.search(r"[.?!]$|^[\w ]+: ", lines[0]):
            continue  # a heading
        for line in lines:
            text = re.sub(r"^[•*-]\s+", "", line)
            label = re.match(
                r"^(Growth Rate|Source|Status|Experience|Focus|Key Takeaway|"
                r"Stress Level|Balance Rating): (.*)$",
                text,
            )
            if label and label[1] == "Growth Rate":
                assert f"{role['outlook']['growth_rate']}%" == label[2]
            elif label and label[1] == "Source":
                assert ", ".join(role["outlook"]["sources"]) == label[2]
            elif label:
                assert label[2] in found, line
            else:
                assert text in found, line
            checked += 1
    assert checked > 150


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda p: p.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda p: p.replace("\n", "\r"), id="cr"),
        pytest.param(lambda p: "\ufeff" + p, id="bom"),
        pytest.param(lambda p: p.replace("  • ", "- "), id="hyphen-bullets"),
        pytest.param(lambda p: p.replace("  • ", "* "), id="star-bullets"),
        pytest.param(lambda p: p.replace("\n", "\n\n"), id="blank-lines-everywhere"),
        pytest.param(lambda p: p.replace("\n\n", "\n \n\t\n"), id="whitespace-lines"),
        pytest.param(lambda p: p.replace("\n\n  •", "\n  •"), id="heading-glued-to-bullets"),
        pytest.param(lambda p: p.replace("Work Setting\n\n", "Work Setting\n"), id="glued-para"),
        pytest.param(lambda p: mis_decode(p, "cp1253"), id="mojibake-cp1253"),
        pytest.param(lambda p: mis_decode(p, "cp1252"), id="mojibake-cp1252"),
        pytest.param(lambda p: p + "\n\n\n", id="trailing-blank-lines"),
    ],
)
def test_page_variants_give_the_same_role(
    sam_page: str, sam_role: dict[str, Any], variant: Any
) -> None:
    result = import_text(variant(sam_page).encode("utf-8"), "variant.txt")
    check_round_trip(result)
    assert without_provenance(result) == sam_role
    assert result.warnings == []
    assert result.role["provenance"]["completeness"] == "full"


def test_mojibake_variant_records_the_repair(sam_page: str) -> None:
    assert import_text(mis_decode(sam_page), "x.txt").role["provenance"]["encoding_repaired"]
    assert not import_text(sam_page, "x.txt").role["provenance"]["encoding_repaired"]


def test_missing_sections_make_a_partial_role(sam_page: str, sam_role: dict[str, Any]) -> None:
    page = sam_page.replace(section(sam_page, "Tech Stack", "Skills and Qualifications"), "")
    page = page.replace(section(page, "Career Path Tiers", "Global Outlook"), "")
    result = import_text(page, "x.txt")
    check_round_trip(result)
    assert result.role["provenance"]["completeness"] == "partial"
    assert result.role["provenance"]["missing_sections"] == ["tech_stack", "tiers"]
    assert without_provenance(result) == {
        k: v for k, v in sam_role.items() if k not in ("tech_stack", "tiers")
    }


def test_hand_written_page_with_hyphen_bullets_and_links() -> None:
    result = import_text((CASES / "registered-nurse.txt").read_bytes(), "registered-nurse.txt")
    role = check_round_trip(result)
    assert result.slug == "registered-nurse-rn" and role.title == "Registered Nurse (RN)"
    assert role.market_demand == "Very High" and role.growth_rate == 6.5
    assert role.salary and (role.salary.min, role.salary.max) == (61000, 129000)
    assert role.salary.levels_estimated is False
    assert (
        role.responsibilities[1]
        == "Give medication and treatments as ordered, and watch for side effects."
    )
    assert [r.title for r in role.related_roles] == [
        "Licensed Practical Nurse",
        "Nurse Practitioner",
    ]
    assert role.references[0].url == "https://www.bls.gov/ooh/healthcare/registered-nurses.htm"
    assert role.references[0].title == "Bureau of Labor Statistics"
    assert [e.title for e in role.extra_sections] == ["Licensing Boards"]
    assert "Subscribe" not in result.yaml_text
    assert role.provenance.completeness == "partial"


@fast
@given(st.one_of(st.text(), st.binary()))
def test_arbitrary_input_imports_or_reports_problems(data: str | bytes) -> None:
    try:
        result = import_text(data, "any.txt")
    except ContentError as exc:
        assert exc.problems and all(p.file == "any.txt" for p in exc.problems)
        return
    check_round_trip(result)


@fast
@given(st.text())
def test_arbitrary_text_after_an_opening_imports(body: str) -> None:
    page = "Any Role Career Path Guide\n\nA summary.\n\n" + body
    try:
        result = import_text(page, "any.txt")
    except ContentError as exc:  # e.g. text that is not a page at all (NUL characters)
        assert exc.problems
        return
    check_round_trip(result)
    assert result.role["title"] == "Any Role"


def test_only_the_share_line_starts_the_boilerplate() -> None:
    page = "Chef Career Path Guide\n\nShare this guide with cooks.\n\nShare career guide\n\nPlans"
    result = import_text(page, "chef.txt")
    assert result.role["summary"] == "Share this guide with cooks."
    assert "Plans" not in result.yaml_text


_HEADINGS = st.sampled_from(
    [
        "Key Responsibilities",
        "Tech Stack",
        "Soft Abilities",
        "Career Path Tiers",
        "A Day in the Life",
        "Skill Map",
        "Pros",
        "❌ Cons",
        "Examples and Case Studies",
        "Frequently Asked Questions",
        "Work-Life Balance & Stress",
        "Job Outlook",
        "Volunteer Work",
        "Related Roles",
        "Odd *title*",
    ]
)


_LINES = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1),
    st.sampled_from(
        [
            "Experience: 2-5 years",
            "Focus: Planning",
            "Key Takeaway: Listen.",
            "Stress Level: High",
            "Growth Rate: 8%",
            "Source: A, B",
            "Why?",
            "8%",
            "$90,000",
            "Low",
            "Median: $1",
            "Top 10% earn $5+.",
            "- item",
            "* x *",
        ]
    ),
)


@fast
@given(st.lists(st.one_of(_HEADINGS, _LINES, st.just("")), max_size=40))
def test_generated_pages_import_or_report_problems(lines: list[str]) -> None:
    page = "\n".join(["Generated Role Career Path Guide", "", "A summary.", "", *lines])
    try:
        result = import_text(page, "gen.txt")
    except ContentError as exc:
        assert exc.problems
        return
    check_round_trip(result)
    found = set(texts(result.role))
    for line in lines:  # every bullet lands somewhere
        if re.match(r"^\s*[•*-]\s+\S", line) and "\n" not in line and "\r" not in line:
            item = re.sub(r"^\s*[•*-]\s+", "", line).strip()
            assert any(item in t for t in found), item
