"""Brand kits on paper: fonts embedded and kept apart, colours, logo, footer and contact."""

from __future__ import annotations

import ctypes
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from guidepress.build.request import BuildRequest
from guidepress.content.contrast import contrast_ratio
from guidepress.content.project import load_project
from guidepress.theme.lookup import Theme
from tests.helpers import (
    HARBOUR_PILOT,
    REPO,
    brand_project,
    built_entries,
    figure_alts,
    fill_colors,
    fonts_of,
    render_html,
    text_of,
    write,
)

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


def logo_word_lines(path: Path, color: tuple[int, int, int]) -> list[float]:
    """The ink height in pt of each line of outlined words a logo draws in ``color`` on the
    first page: filled paths at least five times as wide as tall."""
    document = pdfium.PdfDocument(str(path))
    try:
        found = []
        for shape in document[0].get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            rgba = [ctypes.c_uint() for _ in range(4)]
            raw.FPDFPageObj_GetFillColor(shape.raw, *(ctypes.byref(c) for c in rgba))
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke))
            left, bottom, right, top = shape.get_bounds()
            drawn = tuple(c.value for c in rgba[:3])
            if fill.value and drawn == color and right - left >= 5 * (top - bottom):
                found.append(top - bottom)
        return found
    finally:
        document.close()


def ink_per_em(font: Path, words: str) -> float:
    """How tall ``words`` are in ink (highest ascender to lowest descender), per point of type."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    face = TTFont(font)
    glyphs, cmap = face.getGlyphSet(), face.getBestCmap()
    low, high = 0.0, 0.0
    for char in words.replace(" ", ""):
        pen = BoundsPen(glyphs)
        glyphs[cmap[ord(char)]].draw(pen)
        low, high = min(low, pen.bounds[1]), max(high, pen.bounds[3])
    return (high - low) / face["head"].unitsPerEm


def test_the_logos_smallest_words_print_at_7_pt_on_one_pagers(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    """northfield's subtitle, "University Career Center", outlined in its gold under the name:
    the second review measured about 4 pt on the sheet. Its size, read back from its ink
    height on the page and the font's, is 7 pt or more."""
    out, _ = letter
    brand = REPO / "content/brands/northfield"
    per_pt = ink_per_em(brand / "fonts/BaskervaldADFStd.otf", "University Career Center")
    [ink] = logo_word_lines(out / "sheets/northfield/harbour-pilot.pdf", (0xC9, 0xA1, 0x3B))
    assert ink / per_pt >= 7.0, ink / per_pt


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide of a harbour pilot whose ladder has the role's own tier, under the three
    example brands (the default first: its guide has no brand folder); the output folder."""
    root = brand_project(
        tmp_path_factory.mktemp("marked"),
        "brands: [default, brightpath, northfield]\nkinds: [guide]\n",
    )
    role = HARBOUR_PILOT.replace(
        "  - {title: Senior Pilot",
        "  - {title: Harbour Pilot, experience: 2-8 years}\n  - {title: Senior Pilot",
    )
    write(root, "content/roles/harbour-pilot.yaml", role)
    built_entries(root, BuildRequest())
    return root / "output"


@pytest.mark.parametrize("brand", ["default", "brightpath", "northfield"])
def test_white_type_on_this_role_s_fills_passes_aa(marked: Path, brand: str) -> None:
    """The ladder's "THIS ROLE" badge is white on a fill: the accent's readable shade, 4.5:1
    with white (the bright accents themselves give about 3:1). The fill is read from the
    rendered page, just left of the badge's text."""
    path = marked / "guides" / ("" if brand == "default" else brand) / "harbour-pilot.pdf"
    pdf = pdfium.PdfDocument(str(path))
    scale = 4.0
    fills = []
    try:
        for page in pdf:
            text = page.get_textpage()
            searcher = text.search("THIS ROLE", match_case=True)
            found = searcher.get_next()
            while found:
                left, bottom, _, top = text.get_charbox(found[0])
                image = page.render(scale=scale).to_pil().convert("RGB")
                x = (left - 0.6 * 72 / 25.4) * scale  # inside the badge's padding
                y = (page.get_height() - (bottom + top) / 2) * scale
                fills.append("#{:02x}{:02x}{:02x}".format(*image.getpixel((x, y))))
                found = searcher.get_next()
    finally:
        pdf.close()
    assert fills, path  # the ladder's badge
    assert all(contrast_ratio(fill, "#ffffff") >= 4.5 for fill in fills), fills
