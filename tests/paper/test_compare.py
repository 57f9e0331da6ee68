"""Comparison sheets of 2, 3 and 4 roles: one page, shared axis, every role's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.helpers import COMPARED, run, slug_of, write

pytestmark = pytest.mark.pdf


@pytest.mark.parametrize(("count", "paper"), [(2, "a4"), (3, "letter"), (4, "a3")])
def test_comparisons_of_2_3_and_4_roles_are_one_page(
    compared_roles: Path, count: int, paper: str
) -> None:
    chosen = COMPARED[:count]
    write(
        compared_roles,
        "content/comparisons/set.yaml",
        yaml.safe_dump({"title": "Which path?", "roles": [slug_of(t) for t in chosen]}),
    )
    code, output = run(compared_roles, "build", "--kind", "compare", "--paper", paper)
    assert code == 0, output
    manifest = json.loads((compared_roles / "output" / "manifest.json").read_text())
    [entry] = manifest["outputs"]
    assert entry["path"] == f"comparisons/set{'' if paper == 'a4' else '.' + paper}.pdf"
    assert entry["roles"] == [slug_of(t) for t in chosen]
    reader = PdfReader(compared_roles / "output" / entry["path"])
    assert len(reader.pages) == entry["pages"] == 1
    box = reader.pages[0].mediabox
    assert float(box.width) < float(box.height)  # upright: four roles only go sideways on A4
    text = reader.pages[0].extract_text()
    for i, title in enumerate(chosen):
        assert title in text
        assert f"${60000 + 15000 * i:,}" in text
    assert "FITS ME?" in text.upper() and "Labour Statistics Office" in text
    # Two roles mark what both list; three and four share it in a dot matrix, its key instead.
    assert ("shared by two or more" if count == 2 else "the role lists this skill or tool") in text
    assert "Skills and tools in common" in text or count == 2
    assert "Which path?" in text and "COMPARISON SHEET" in text
