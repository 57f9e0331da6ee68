"""Role sheets on paper: the seeds on one page, the QR code decodes, picks choose the items."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from guidepress.i18n.labels import catalogue
from tests.helpers import (
    REPO,
    build_sheets,
    decode_qr,
    demo_copy,
    dollars,
    manifest,
    oews_row,
    outputs_by_role,
    run,
    run_build,
    squash,
    validate_lines,
    write,
)
from tests.paper.measure import MM, bars, read_pages, text

pytestmark = pytest.mark.pdf


def test_seed_sheets_are_one_page_with_title_and_median(
    seed_sheets: tuple[Path, list[dict[str, Any]]],
) -> None:
    out, entries = seed_sheets
    assert len(entries) == 2
    for entry in entries:
        reader = PdfReader(out / entry["path"])
        assert len(reader.pages) == entry["pages"] == 1
        text = reader.pages[0].extract_text()
        data = yaml.safe_load((REPO / "content/roles" / f"{entry['roles'][0]}.yaml").read_text())
        assert data["title"] in text
        # The demo builds the national edition: BLS's median in the chart, the page's range
        # printed beside it.
        row = oews_row("99", data["occupation"]["soc"])
        assert entry["region"] == "US" and dollars(row["A_MEDIAN"]) in text
        salary = data["salary"]
        assert squash(f"{dollars(salary['min'])}–{dollars(salary['max'])} a year") in squash(text)
        assert "Scan for the full career guide" in text and "careers@guidepress.example" in text


def test_qr_code_decodes_to_the_role_url_else_the_brand_url(project: Path) -> None:
    write(
        project, "content/roles/a.yaml", "title: A\nsummary: s\nurl: https://jobs.example.org/a\n"
    )
    write(project, "content/roles/b.yaml", "title: B\nsummary: s\n")
    code, output = build_sheets(project)
    assert code == 0, output
    found = outputs_by_role(project)
    assert decode_qr(project / "output" / found["a"]["path"]) == ["https://jobs.example.org/a"]
    assert decode_qr(project / "output" / found["b"]["path"]) == [
        "https://guidepress.example/careers"
    ]
    # Pointing at the brand's address, the code does not claim to be about the role.
    assert (
        "Scan for more careers"
        in PdfReader(project / "output" / found["b"]["path"]).pages[0].extract_text()
    )


def test_a_url_pattern_points_the_code_at_the_role_page_and_says_what_to_do(
    project: Path,
) -> None:
    write(
        project,
        "guidepress.yaml",
        """
        sheet:
          role_url: https://jobs.example.org/roles/{slug}
          call_to_action: apply
          contact: {name: Dana Whitfield, phone: +1 555 0142, email: dana@jobs.example.org}
        """,
    )
    write(project, "content/roles/pastry-chef.yaml", "title: Pastry Chef\nsummary: Bakes.\n")
    assert build_sheets(project)[0] == 0
    path = project / "output" / outputs_by_role(project)["pastry-chef"]["path"]
    assert decode_qr(path) == ["https://jobs.example.org/roles/pastry-chef"]
    text = PdfReader(path).pages[0].extract_text()
    assert "Scan to apply" in text and "jobs.example.org/roles/pastry-chef" in text
    assert "YOUR CONTACT" in text and "Dana Whitfield" in text and "+1 555 0142" in text
    # --contact replaces the config's recruiter, on this build only.
    code, output = build_sheets(project, "--contact", "Sam Okafor, sam@jobs.example.org")
    assert code == 0, output
    text = PdfReader(path).pages[0].extract_text()
    assert "Sam Okafor" in text and "sam@jobs.example.org" in text and "Dana" not in text
    # The next build without it prints the config's again: the override is not kept as current.
    assert build_sheets(project)[0] == 0
    assert "Dana Whitfield" in PdfReader(path).pages[0].extract_text()


def test_a_brands_role_url_comes_before_the_projects(project: Path) -> None:
    """Each brand's site has its own role pages: its ``role_url`` is the code's target for a
    role without url, before the project's ``sheet.role_url`` (which the other brand uses);
    the role's own url stays first."""
    write(project, "guidepress.yaml", """
        brands: [default, campus]
        sheet: {role_url: "https://jobs.example.org/roles/{slug}", call_to_action: apply}
        """)  # fmt: skip
    brand = (REPO / "content/brands/default/brand.yaml").read_text("utf-8")
    write(project, "content/brands/campus/brand.yaml",
          brand + "\nrole_url: https://careers.campus.example/r/{slug}?src=sheet\n")  # fmt: skip
    shutil.copy(REPO / "content/brands/default/logo.svg", project / "content/brands/campus")
    write(project, "content/roles/pastry-chef.yaml", "title: Pastry Chef\nsummary: Bakes.\n")
    write(project, "content/roles/own.yaml",
          "title: Own\nsummary: s\nurl: https://jobs.example.org/own\n")  # fmt: skip
    code, output = build_sheets(project)
    assert code == 0, output
    found = {(e["roles"][0], e["brand"]): project / "output" / e["path"]
             for e in manifest(project / "output")["outputs"]}  # fmt: skip
    assert decode_qr(found["pastry-chef", "campus"]) == [
        "https://careers.campus.example/r/pastry-chef?src=sheet"
    ]
    assert decode_qr(found["pastry-chef", "default"]) == [
        "https://jobs.example.org/roles/pastry-chef"
    ]
    assert decode_qr(found["own", "campus"]) == ["https://jobs.example.org/own"]
    text = PdfReader(found["pastry-chef", "campus"]).pages[0].extract_text()
    assert "Scan to apply" in text  # a page about the role: the config's call to action
    assert "careers.campus.example/r/pastry-chef?src=sheet" in squash(text)


def test_a_brands_role_url_without_slug_is_located(project: Path) -> None:
    brand = (REPO / "content/brands/default/brand.yaml").read_text("utf-8")
    write(project, "content/brands/default/brand.yaml", brand + "\nrole_url: careers/{slug}\n")
    code, lines = validate_lines(project)
    line_no = len(brand.splitlines()) + 2
    assert code == 1
    assert (
        f"content/brands/default/brand.yaml:{line_no}:1: role_url: must be a web address "
        "(http:// or https://) with {slug} where the role goes, like "
        "https://careers.example/roles/{slug} (got 'careers/{slug}')"
    ) in lines


def test_growth_is_never_drawn_beside_a_benchmark_of_another_period(project: Path) -> None:
    """ "23 %" over no stated period is not set against "3 %, 2024–34": the bar is left out; a
    role whose growth covers the benchmark's period gets it."""
    write(project, "guidepress.yaml", """
        benchmarks:
          growth: {rate: 3, period: 2024–34, area: US, source: BLS Employment Projections}
        """)  # fmt: skip
    role = "summary: s\noutlook: {growth_rate: 23%s}\nmarket_demand: High\n"
    write(project, "content/roles/no-period.yaml", "title: No Period\n" + role % "")
    write(project, "content/roles/same.yaml", "title: Same\n" + role % ", period: 2024-34")
    write(project, "content/roles/other.yaml", "title: Other\n" + role % ", period: 2023-33")
    code, output = build_sheets(project)
    assert code == 0, output
    found = outputs_by_role(project)
    page = {slug: text(project / "output" / found[slug]["path"]) for slug in found}
    assert "Thisrole23%Alloccupations3%" in page["same"]
    for slug in ("no-period", "other"):
        assert "Thisrole23%" in page[slug] and "Alloccupations3%" not in page[slug], slug


def test_a_contact_that_cannot_be_read_is_a_usage_error(project: Path) -> None:
    code, output = build_sheets(project, "--contact", "a@example.org, b@example.org")
    assert code == 2
    assert output.splitlines()[-1] == (
        "Error: Invalid value for '--contact': expected 'NAME, PHONE, EMAIL' (any of them, in "
        "any order; got 'a@example.org, b@example.org')"
    )


def test_sheet_picks_choose_the_items(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        """
        title: A
        summary: s
        responsibilities: [First duty., Second duty., Third duty.]
        sheet:
          responsibilities: [3, 1]
        """,
    )
    assert build_sheets(project)[0] == 0
    text = (
        PdfReader(project / "output" / outputs_by_role(project)["a"]["path"])
        .pages[0]
        .extract_text()
    )
    assert "Third duty." in text and "First duty." in text and "Second duty." not in text
    assert text.index("Third duty.") < text.index("First duty.")


REALISTIC = Path(__file__).parent / "fixtures" / "realistic"


def test_the_pay_charts_low_end_sits_by_its_own_bar_never_beyond_the_benchmark(
    tmp_path: Path, demo_store: Path
) -> None:
    """Review 3: on the nurse's German sheet "68.940 US$" stood just left of the dashed
    all-occupations line at 50,980, far from its bar, and read as that line's value. The low end
    is printed beside its bar's left end (within 2 mm) or under it; the benchmark's area is
    named in German ("USA", not "U.S.")."""
    root = demo_copy(tmp_path / "proj")
    shutil.copy(REALISTIC / "registered-nurse.yaml", root / "content" / "roles")
    pdf = tmp_path / "rn.pdf"
    code, output = run(root, "build", "registered-nurse", "--kind", "sheet", "--locale", "de",
                       "-o", str(pdf))  # fmt: skip
    assert code == 0, output
    [bar, *_] = bars(pdf)  # the pay range first, from the top
    near = [
        line
        for line in read_pages(pdf)[0].lines()
        if "68.940" in line.text and bar[1] - 15 < line.baseline < bar[3] + 5
    ]
    assert len(near) == 1, [line.text for line in read_pages(pdf)[0].lines()]
    [low] = near
    beside = 0 <= bar[0] - low.right <= 2 * MM and bar[1] < low.baseline < bar[3]
    under = low.baseline < bar[1] and low.left - 2 * MM <= bar[0] <= low.right
    assert beside or under, (bar, low.left, low.right, low.baseline)
    page = text(pdf)
    assert "AlleBerufe,USA:" in page and "Berufe,U.S." not in page


#: An electrician whose other title names a tier that shares its one word with the first tier.
ELECTRICIAN = """
title: Electrician
alt_titles: [Journeyman Electrician, Wireman]
summary: Installs, maintains and repairs electrical wiring in buildings.
responsibilities: [Read drawings., Pull wire and install boxes., Test circuits.]
tiers:
  - {title: Apprentice Electrician, experience: 0-4 years}
  - {title: Journeyman Electrician, experience: 4-8 years}
  - {title: Foreman, experience: 8+ years}
  - {title: Master Electrician, experience: 10+ years}
"""


def test_guide_and_sheet_mark_the_same_tier_the_other_title_names(project: Path) -> None:
    """Review 4: the guide marked the apprentice (the first tier sharing "Electrician"), the
    sheet the journeyman (the role's other title). Both mark the journeyman: the guide's
    at-a-glance strip (step 2 of 4) and its ladder, the sheet's ladder."""
    write(project, "content/roles/electrician.yaml", ELECTRICIAN)
    code, output = run_build(project, "--kind", "guide", "--kind", "sheet")
    assert code == 0, output
    label = catalogue("en").this_role.upper().replace(" ", "")
    guide = project / "output" / "guides" / "electrician.pdf"
    pages = [squash(text(guide, n)) for n in range(len(PdfReader(guide).pages))]
    marks = [page[: m.start()] for page in pages for m in re.finditer(label, page)]
    marks = [before for before in marks if not before.endswith("TOREACH")]  # "to reach this role"
    assert len(marks) >= 2, pages  # the strip and the ladder chart
    assert all(before.endswith("JourneymanElectrician") for before in marks), marks
    assert any("Step2of4" in page for page in pages)
    sheet = squash(text(project / "output" / "sheets" / "electrician.pdf"))
    assert sheet.count(label) == 1 and label + "JourneymanElectrician" in sheet, sheet
