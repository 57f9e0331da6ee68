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
        # The demo builds the national edition: BLS's median, the page's range kept beside it.
        row = oews_row("99", data["occupation"]["soc"])
        assert entry["region"] == "US" and f"MEDIAN PAY, U.S.\n{dollars(row['A_MEDIAN'])}" in text
        salary = data["salary"]
        assert squash(f"{dollars(salary['min'])}–{dollars(salary['max'])} a year") in squash(text)
        assert "Scan to read more" in text and "careers@guidepress.example" in text


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
