"""Paper sizes: letter pages are 612 by 792 points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import SMALL_ROLE, run, write

pytestmark = pytest.mark.pdf


def test_letter_pages_are_612_by_792_points(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    out, entries = letter
    assert len(entries) == 6
    for rel, entry in entries.items():
        assert entry["status"] == "built" and entry["paper"] == "letter"
        for page in PdfReader(out / rel).pages:
            assert [float(v) for v in page.mediabox] == [0, 0, 612, 792]


def test_letter_paper_is_612_by_792_points(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--paper", "letter")
    assert code == 0, output
    box = PdfReader(project / "output" / "guides" / "pastry-chef.letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
