"""Readers of built PDFs that measure what a designer looks at: the printed size of every
character (type floors), where text sits (overlaps, what follows what), image sizes (the QR
code), and which font prints which characters. pypdfium2 reads the pages.

Printed size: PDFium's font size is the size in the text's own units; the text matrix and the
page's transformations scale it (WeasyPrint sets HTML text in CSS px, 0.75 pt each, and draws
SVG charts and logos scaled). The printed size is the font size times the matrix's scale.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Char:
    """A printed character: its text, printed size in pt, font, and box in pt (PDF space, y up)."""

    text: str
    size: float
    font: str
    left: float
    bottom: float
    right: float
    top: float


#: Text below this size is for screen readers only (base.css .visually-hidden sets it at 1px).
HIDDEN_PT = 1.0


@cache
def chars(path: Path, page: int = 0) -> tuple[Char, ...]:
    """Every printed (not white space) character of a page, in reading order; words for screen
    readers only (clipped, set at 1px) are not printed and left out."""
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[page].get_textpage()
        found = []
        for index in range(raw.FPDFText_CountChars(textpage)):
            text = chr(raw.FPDFText_GetUnicode(textpage, index))
            if text.isspace() or unicodedata.category(text) in ("Cc", "Cf"):
                continue
            matrix = raw.FS_MATRIX()
            raw.FPDFText_GetMatrix(textpage, index, matrix)
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            size = raw.FPDFText_GetFontSize(textpage, index) * scale
            if size < HIDDEN_PT:
                continue
            name = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            raw.FPDFText_GetFontInfo(textpage, index, name, 256, ctypes.byref(flags))
            # The glyph's own box: ink, not line height, so tight leading is no overlap.
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            raw.FPDFText_GetCharBox(
                textpage, index, *(ctypes.byref(v) for v in (left, right, bottom, top))
            )
            found.append(
                Char(
                    text,
                    round(size, 3),
                    name.value.decode("latin-1").split("+", 1)[-1],
                    left.value,
                    bottom.value,
                    right.value,
                    top.value,
                )
            )
        return tuple(found)
    finally:
        document.close()


def text(path: Path, page: int = 0) -> str:
    """The page's printed characters run together (no white space)."""
    return "".join(c.text for c in chars(path, page))


def line_starts(path: Path, page: int = 0) -> list[Char]:
    """The first printed character of every line: a character starts a line when it sits on
    another baseline than the one before it, or left of it (a new column or cell)."""
    found: list[Char] = []
    before: Char | None = None
    for char in chars(path, page):
        other_line = before is None or abs(char.bottom - before.bottom) > char.size * 0.5
        if other_line or (before is not None and char.left < before.left - char.size):
            found.append(char)
        before = char
    return found


def smallest(path: Path, page: int = 0) -> Char:
    """The smallest printed character of a page."""
    return min(chars(path, page), key=lambda c: c.size)


def chars_of(path: Path, wanted: str, page: int = 0) -> list[Char]:
    """The printed characters of the first occurrence of ``wanted`` (white space and hyphens at
    line ends ignored); empty when it is not on the page."""
    squashed = "".join(ch for ch in wanted if not ch.isspace())
    found = chars(path, page)
    joined, owners = "", []
    for index, char in enumerate(found):
        if char.text in "-\u00ad\u2010" and not squashed.count(char.text):
            continue
        joined += char.text
        owners.append(index)
    at = joined.find(squashed)
    if at < 0:
        return []
    return [found[owners[i]] for i in range(at, at + len(squashed))]


def sizes_of(path: Path, wanted: str, page: int = 0) -> list[float]:
    """The printed sizes of the characters of the first occurrence of ``wanted``."""
    return [char.size for char in chars_of(path, wanted, page)]


def lines_of(path: Path, wanted: str, page: int = 0) -> int:
    """How many lines the first occurrence of ``wanted`` is printed on (0: not printed)."""
    found = chars_of(path, wanted, page)
    return len(found) and 1 + sum(
        abs(b.bottom - a.bottom) > a.size * 0.6 for a, b in pairwise(found)
    )


def collisions(path: Path, page: int = 0, overlap: float = 0.35) -> list[tuple[Char, Char]]:
    """Pairs of characters that are not neighbours in the text yet print over each other (their
    boxes overlap by more than ``overlap`` of the smaller one's area): labels set on top of
    labels, a footer over the content. Characters a few apart on one baseline are neighbours
    too: a ligature (ffi) prints its letters in one box."""
    found = chars(path, page)
    cells: dict[tuple[int, int], list[int]] = {}
    for index, char in enumerate(found):
        for x in range(int(char.left // 20), int(char.right // 20) + 1):
            for y in range(int(char.bottom // 20), int(char.top // 20) + 1):
                cells.setdefault((x, y), []).append(index)
    bad: set[tuple[int, int]] = set()
    for members in cells.values():
        for a_index, i in enumerate(members):
            for j in members[a_index + 1 :]:
                a, b = found[i], found[j]
                if (i, j) in bad or abs(i - j) <= 1:
                    continue
                if abs(i - j) <= 3 and abs(a.bottom - b.bottom) < 0.5:
                    continue
                width = min(a.right, b.right) - max(a.left, b.left)
                height = min(a.top, b.top) - max(a.bottom, b.bottom)
                if width <= 0 or height <= 0:
                    continue
                area = min(
                    (a.right - a.left) * (a.top - a.bottom), (b.right - b.left) * (b.top - b.bottom)
                )
                if area > 0 and width * height > overlap * area:
                    bad.add((i, j))
    return [(found[i], found[j]) for i, j in sorted(bad)]


@dataclass(frozen=True)
class Code:
    """A QR code found on a page: what it says and its printed side in mm."""

    text: str
    side_mm: float


def qr_codes(path: Path, page: int = 0, dpi: int = 300) -> list[Code]:
    """The QR codes on a page, decoded from a rendering at ``dpi``, with their printed size."""
    import zxingcpp

    document = pdfium.PdfDocument(str(path))
    try:
        image = document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    found = []
    for code in zxingcpp.read_barcodes(image):
        corners = code.position
        side = math.dist(
            (corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y)
        )
        found.append(Code(code.text, side / dpi * 25.4))
    return found


def anchors(path: Path) -> dict[str, float]:
    """The top of every element with an id, in pt from the page's foot (WeasyPrint writes each
    id as a named destination): where blocks the templates mark begin."""
    from pypdf import PdfReader

    return {
        str(name): float(dest.top)
        for name, dest in PdfReader(path).named_destinations.items()
        if dest.top is not None
    }


def page_size_mm(path: Path, page: int = 0) -> tuple[float, float]:
    document = pdfium.PdfDocument(str(path))
    try:
        width, height = document[page].get_size()
        return width / PT_PER_MM, height / PT_PER_MM
    finally:
        document.close()
