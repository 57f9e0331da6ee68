"""Measuring the paper: characters with their sizes and positions, the lines they make, how full
a page is, read from a built PDF with PDFium. Both paper issues' checks use these readers.

Positions are in PDF points from the page's bottom-left corner (1 pt = 1/72 in = 0.3528 mm).
"""

from __future__ import annotations

import ctypes
import functools
import statistics
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Char:
    text: str
    size: float  # font size in pt, as drawn
    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float  # y of the character's origin
    font: str  # the embedded font's name, subset prefix removed
    color: tuple[int, int, int]  # fill colour, 0-255


@dataclass(frozen=True)
class Line:
    """Characters of one size on one baseline, left to right (one line of one text block)."""

    chars: tuple[Char, ...]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @property
    def size(self) -> float:
        return self.chars[0].size

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars if c.text != " ")

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars if c.text != " ")

    def __len__(self) -> int:
        """Characters, word spaces included, leading and trailing ones not."""
        return len(self.text.strip())

    @property
    def font(self) -> str:
        return self.chars[0].font

    @property
    def color(self) -> tuple[int, int, int]:
        return self.chars[0].color


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]

    def lines(self) -> list[Line]:
        return lines_of(self.chars)


def _font_name(text_page: object, index: int) -> str:
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(text_page, index, buffer, 128, ctypes.byref(flags))
    return buffer.value.decode("latin-1").split("+", 1)[-1]


def _color(text_page: object, index: int) -> tuple[int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    raw.FPDFText_GetFillColor(
        text_page, index, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
    )
    return r.value, g.value, b.value


@functools.cache
def read_pages(path: Path) -> tuple[Page, ...]:
    """Every page of the PDF at ``path`` with its characters (white space left out); read once."""
    pdf = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            width, height = page.get_size()
            text_page = page.get_textpage()
            raw_page = text_page.raw
            chars = []
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            x, y = ctypes.c_double(), ctypes.c_double()
            matrix = raw.FS_MATRIX()
            for i in range(raw.FPDFText_CountChars(raw_page)):
                code = raw.FPDFText_GetUnicode(raw_page, i)
                # Word spaces are kept (they count in a line's length); line ends are not.
                if code in (0, 0xFFFE, 0xFFFF) or (chr(code).isspace() and chr(code) != " "):
                    continue
                raw.FPDFText_GetCharBox(
                    raw_page, i, ctypes.byref(left), ctypes.byref(right),
                    ctypes.byref(bottom), ctypes.byref(top),
                )  # fmt: skip
                raw.FPDFText_GetCharOrigin(raw_page, i, ctypes.byref(x), ctypes.byref(y))
                # The font size is in text space; the matrix scales it to points (WeasyPrint
                # draws in CSS px, 0.75 pt each).
                raw.FPDFText_GetMatrix(raw_page, i, ctypes.byref(matrix))
                scale = (matrix.a**2 + matrix.b**2) ** 0.5
                size = round(raw.FPDFText_GetFontSize(raw_page, i) * scale, 2)
                box = (left.value, bottom.value, right.value, top.value)
                font, color = _font_name(raw_page, i), _color(raw_page, i)
                chars.append(Char(chr(code), size, *box, round(y.value, 1), font, color))
            pages.append(Page(number + 1, width, height, tuple(chars)))
    finally:
        pdf.close()
    return tuple(pages)


def lines_of(chars: tuple[Char, ...] | list[Char]) -> list[Line]:
    """Characters grouped into lines: same size, same baseline, left to right, parted where a
    gap wider than 1.5 em lies between them (the gutter between two columns or table cells
    that share a baseline; word spaces are a third of an em). Top to bottom."""
    groups: dict[tuple[float, float], list[Char]] = {}
    for char in chars:
        groups.setdefault((char.baseline, char.size), []).append(char)
    found: list[Line] = []
    for (_, size), members in groups.items():
        if all(c.text == " " for c in members):
            continue
        members.sort(key=lambda c: c.x0)
        run: list[Char] = []
        last: Char | None = None
        for char in members:
            if char.text != " ":
                if last is not None and char.x0 - last.x1 > 1.5 * size:
                    found.append(Line(tuple(run)))
                    run = []
                last = char
            run.append(char)
        found.append(Line(tuple(run)))
    found.sort(key=lambda line: (-line.baseline, line.x0))
    return found


def body_size(pages: tuple[Page, ...]) -> float:
    """The size most characters of the document are set in: its body text."""
    sizes = [c.size for page in pages for c in page.chars if c.text != " "]
    return statistics.mode(sizes)


def full_lines(pages: tuple[Page, ...], size: float) -> list[int]:
    """Characters per line of running text at ``size``: lines that start at the text's left edge
    (where most lines at that size start on the page: list items and table cells are indented
    or elsewhere) and run to the measure (end near the right edge of the longest such line;
    last lines of paragraphs say nothing about the measure)."""
    lengths = []
    for page in pages:
        lines = [line for line in page.lines() if abs(line.size - size) < 0.05]
        if len(lines) < 5:
            continue
        left = statistics.mode(round(line.x0) for line in lines)
        column = [line for line in lines if abs(line.x0 - left) < 1.5]
        right = max(line.x1 for line in column)
        lengths += [len(line) for line in column if line.x1 > right - 2 * size]
    return lengths


def page_fill(path: Path, number: int, top_mm: float, bottom_mm: float, dpi: int = 60) -> float:
    """How far down the page's text area ink reaches, from 0 (nothing) to 1 (its foot):
    the text area is the page less ``top_mm`` and ``bottom_mm`` (the running head and foot
    live outside it). Backgrounds, rules and drawings count as ink."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    height = image.size[1]
    px_per_mm = dpi / 25.4
    top, bottom = int(top_mm * px_per_mm), height - int(bottom_mm * px_per_mm)
    area = image.crop((0, top, image.size[0], bottom)).point(lambda v: 255 if v < 248 else 0)
    box = area.getbbox()
    return 0.0 if box is None else box[3] / max(1, bottom - top)
