"""Role sheets on paper: the seeds on one page, the QR code decodes, picks choose the items."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from tests.helpers import (
    REPO,
    build_sheets,
    decode_qr,
    dollars,
    oews_row,
    outputs_by_role,
    squash,
    write,
)

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
