"""Print marks: trim and bleed boxes on every kind, outputs named and hashed apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest

from guidepress.build.request import BuildRequest
from tests.helpers import boxes, brand_project, built_entries, write

pytestmark = pytest.mark.pdf


PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """The harbour pilot's guide and sheet, and a comparison sheet, with print marks."""
    root = brand_project(tmp_path_factory.mktemp("marks"), "kinds: [guide, sheet, compare]\n")
    write(root, "content/roles/deckhand.yaml", "title: Deckhand\nsummary: Works the deck.\n")
    write(root, "content/comparisons/sea.yaml", "title: Sea\nroles: [harbour-pilot, deckhand]\n")
    return root / "output", built_entries(root, BuildRequest(print_marks=True))


@pytest.mark.parametrize(
    "rel",
    [
        "guides/harbour-pilot.print.pdf",
        "sheets/harbour-pilot.print.pdf",
        "comparisons/sea.print.pdf",
    ],
)
def test_print_marks_set_trim_and_bleed_boxes(
    marked: tuple[Path, dict[str, dict[str, Any]]], rel: str
) -> None:
    out, entries = marked
    assert entries[rel]["status"] == "built"
    if not rel.startswith("guides"):
        assert entries[rel]["pages"] == 1  # bleed adds paper outside the page, not inside
    with pikepdf.open(out / rel) as pdf:
        for page in pdf.pages:
            media, trim, bleed = boxes(page.obj)
            assert trim == pytest.approx([0, 0, 595.2756, 841.8898], abs=0.01)  # A4 is the trim
            three_mm = 3 * PT_PER_MM
            assert bleed == pytest.approx(
                [-three_mm, -three_mm, trim[2] + three_mm, trim[3] + three_mm], abs=0.01
            )
            assert media[0] < bleed[0] and media[2] > bleed[2]  # the crop marks' slug


def test_print_marks_outputs_are_named_apart_and_hashed_apart(
    marked: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    _, entries = marked
    assert all(path.endswith(".print.pdf") for path in entries)
    root = brand_project(tmp_path / "p", "kinds: [sheet]\n")
    plain = built_entries(root, BuildRequest())["sheets/harbour-pilot.pdf"]
    assert plain["inputs_hash"] != entries["sheets/harbour-pilot.print.pdf"]["inputs_hash"]
    with pikepdf.open(root / "output/sheets/harbour-pilot.pdf") as pdf:
        media, trim, _ = boxes(pdf.pages[0].obj)
        assert media == trim
