"""Brand kits on paper: fonts embedded and kept apart, colours, logo, footer and contact."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from guidepress.content.project import load_project
from guidepress.theme.lookup import Theme
from tests.helpers import figure_alts, fill_colors, fonts_of, render_html, text_of

pytestmark = pytest.mark.pdf


@pytest.mark.parametrize(
    ("brand", "own", "other"),
    [
        ("brightpath", {"League-Spartan-brightpath-Bold", "Karla-brightpath"}, "Baskervald"),
        ("northfield", {"Baskervald-ADF-northfield-Bold", "Baskervald-ADF-northfield"}, "Karla"),
    ],
)
def test_brand_fonts_are_embedded_and_only_in_their_brand(
    letter: tuple[Path, dict[str, dict[str, Any]]], brand: str, own: set[str], other: str
) -> None:
    out, _ = letter
    for kind in ("guides", "sheets"):
        names = fonts_of(out / kind / brand / "harbour-pilot.pdf")
        assert own <= names
        # Brands built in one process keep apart: no font of another brand leaks in.
        assert not any(other in name for name in names)
        # Whatever the brand font lacks comes from the bundled theme fonts, never the system's.
        prefixes = (*(name.rsplit("-", 1)[0] for name in own), "GP-Body", "GP-Serif")
        assert all(name.startswith(prefixes) for name in names), names


def test_primary_colour_reaches_the_tokens_and_the_paper(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    out, _ = letter
    root = out.parent
    project, _ = load_project(root)
    html = render_html(
        "guide",
        project.roles["harbour-pilot"],
        project.brand("mark"),
        Theme(root),
        locale="en",
        paper="letter",
        edition=date(2026, 11, 21),
    ).html
    assert "--gp-primary: #7a2e0e;" in html
    assert "#7a2e0e" in fill_colors(out / "guides/harbour-pilot.pdf")
    assert "#7a2e0e" in fill_colors(out / "sheets/harbour-pilot.pdf")
    assert "#7a2e0e" not in fill_colors(out / "sheets/brightpath/harbour-pilot.pdf")


def test_logo_footer_and_contact_are_printed(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    out, _ = letter
    for kind in ("guides", "sheets"):
        path = out / kind / "harbour-pilot.pdf"
        assert "Mark Careers crest" in figure_alts(path)
        assert "#13a57b" in fill_colors(path)  # the logo's own colour: it is drawn
    assert "Mark Careers Office" in text_of(out / "guides/harbour-pilot.pdf")
    sheet = text_of(out / "sheets/harbour-pilot.pdf")
    assert "Mark Careers Office" in sheet
    assert "desk@mark.example" in sheet
