"""Saddle-stitch imposition: the sheets' sides carry the right pages, left and right, whole."""

from __future__ import annotations

import io

import pikepdf
import pytest

from guidepress.errors import RenderError
from guidepress.paper import PT_PER_MM
from guidepress.pdf.impose import impose_saddle, saddle_order


def test_the_saddle_stitch_order() -> None:
    assert saddle_order(4) == [(4, 1), (2, 3)]
    assert saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    # Every page once; each sheet's two sides carry pages that face each other when folded.
    sides = saddle_order(16)
    assert sorted(page for side in sides for page in side) == list(range(1, 17))
    assert all(left + right == 17 for left, right in sides)
    with pytest.raises(RenderError, match="multiple of 4 pages \\(it has 6\\)"):
        saddle_order(6)


def _numbered(pages: int, size: tuple[float, float]) -> bytes:
    """A PDF whose page n shows "Page n" (a content stream one can read back)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                           BaseFont=pikepdf.Name.Helvetica)
    )  # fmt: skip
    for number in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=size)
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(f"BT /F1 24 Tf 72 72 Td (Page {number}) Tj ET".encode())
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _sides(imposed: bytes) -> list[tuple[float, float, list[tuple[float, int]]]]:
    """Each side: its width, height and (x, page number) of the pages drawn on it."""
    found = []
    with pikepdf.open(io.BytesIO(imposed)) as pdf:
        for page in pdf.pages:
            placed, matrix = [], None
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "cm":
                    matrix = [float(v) for v in operands]
                elif str(operator) == "Do":
                    form = page.obj.Resources.XObject[str(operands[0])]
                    text = form.read_bytes().decode()
                    number = int(text.split("(Page ")[1].split(")")[0])
                    assert matrix is not None
                    placed.append((matrix[4], number, matrix[0]))
            box = [float(v) for v in page.mediabox]
            found.append((box[2], box[3], [(x, n) for x, n, _ in sorted(placed)]))
            assert {round(scale, 4) for *_, scale in placed} == {round(placed[0][2], 4)}
    return found


def test_a4_pages_on_a3_sheets_in_booklet_order() -> None:
    a4 = (210 * PT_PER_MM, 297 * PT_PER_MM)
    sides = _sides(impose_saddle(_numbered(8, a4), "a3"))
    assert len(sides) == 4  # 8 pages: 2 sheets, both sides
    assert [[number for _, number in side[2]] for side in sides] == [[8, 1], [2, 7], [6, 3], [4, 5]]
    width, height, placed = sides[0]
    assert (round(width / PT_PER_MM), round(height / PT_PER_MM)) == (420, 297)  # A3 landscape
    assert [round(x / PT_PER_MM) for x, _ in placed] == [0, 210]  # full size, side by side


def test_a4_pages_reduced_two_to_an_a4_sheet() -> None:
    a4 = (210 * PT_PER_MM, 297 * PT_PER_MM)
    with pikepdf.open(io.BytesIO(impose_saddle(_numbered(4, a4), "a4"))) as pdf:
        assert len(pdf.pages) == 2
        first = pdf.pages[0]
        assert [round(float(v) / PT_PER_MM) for v in first.mediabox] == [0, 0, 297, 210]
        scales = [
            float(operands[0])
            for operands, operator in pikepdf.parse_content_stream(first)
            if str(operator) == "cm"
        ]
        assert [round(s, 3) for s in scales] == [0.707, 0.707]  # A4 to A5
