"""Readers of built PDFs that measure what a designer looks at: the printed size of every
character (type floors), where text sits (overlaps, what follows what), image sizes (the QR
code), which font prints which characters; whole pages as lines (characters per line, running
heads by size and colour) and how far down a page ink reaches (page fill). pypdfium2 reads the
pages. Positions are in PDF points from the page's bottom-left corner.

Printed size: PDFium's font size is the size in the text's own units; the text matrix and the
page's transformations scale it (WeasyPrint sets HTML text in CSS px, 0.75 pt each, and draws
SVG charts and logos scaled). The printed size is the font size times the matrix's scale.
"""

from __future__ import annotations

import ctypes
import math
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

PT_PER_MM = 72 / 25.4
MM = PT_PER_MM  # points per millimetre
#: The scale of HTML text's matrix: WeasyPrint sets it in CSS px, 0.75 pt each.
HTML_SCALE = 0.75


@dataclass(frozen=True)
class Char:
    """A printed character: its text, printed size in pt, font, and box in pt (PDF space, y up);
    for :func:`read_pages`, also its baseline and fill colour."""

    text: str
    size: float
    font: str
    left: float
    bottom: float
    right: float
    top: float
    baseline: float = 0.0  # y of the character's origin
    color: tuple[int, int, int] = (0, 0, 0)  # fill colour, 0-255
    scale: float = HTML_SCALE  # the text matrix's scale (for :func:`chars`)


#: Text below this size is for screen readers only (base.css .visually-hidden sets it at 1px).
HIDDEN_PT = 1.0


def _printed(path: Path, page: int) -> Iterator[tuple[Any, int, str, float, float]]:
    """(text page, index, text, matrix scale, printed size) of each character of a page that
    is not white space or a control character."""
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[page].get_textpage()
        for index in range(raw.FPDFText_CountChars(textpage)):
            text = chr(raw.FPDFText_GetUnicode(textpage, index))
            if text.isspace() or unicodedata.category(text) in ("Cc", "Cf"):
                continue
            matrix = raw.FS_MATRIX()
            raw.FPDFText_GetMatrix(textpage, index, matrix)
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            yield textpage, index, text, scale, raw.FPDFText_GetFontSize(textpage, index) * scale
    finally:
        document.close()


@cache
def chars(path: Path, page: int = 0) -> tuple[Char, ...]:
    """Every printed (not white space) character of a page, in reading order; words for screen
    readers only (clipped, set at 1px) are not printed and left out."""
    found = []
    for textpage, index, text, scale, size in _printed(path, page):
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
                scale=round(scale, 4),
            )
        )
    return tuple(found)


def drawn_chars(path: Path, page: int = 0) -> list[Char]:
    """The printed characters drawn inside an image (SVG charts, logos) rather than set as HTML
    text: their matrix's scale is not the HTML's 0.75. They are among :func:`chars`; this lets
    a test prove that a type floor measured them (review 4 read chart text as 5.6 pt by scaling
    every font size by 0.75, as for HTML: SVG text is drawn in pt, at the scale of its image)."""
    return [c for c in chars(path, page) if abs(c.scale - HTML_SCALE) > 0.005]


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


def bars(path: Path, page: int = 0) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each chart bar on a page, top to bottom: a filled and
    outlined shape at least 3 pt high and four times as wide (a pay range); a label's halo
    (filled only), rules and axes (outlined only or thinner) are left out."""
    document = pdfium.PdfDocument(str(path))
    try:
        found = []
        for shape in document[page].get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke))
            left, bottom, right, top = shape.get_bounds()
            if fill.value and stroke.value and right - left >= 4 * (top - bottom) >= 12:
                found.append((left, bottom, right, top))
        return sorted(found, key=lambda box: -box[3])
    finally:
        document.close()


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


# --- Whole pages: lines, body size, measure, fill (the guide's checks) ---------------------


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
    def left(self) -> float:
        return min(c.left for c in self.chars if c.text != " ")

    @property
    def right(self) -> float:
        return max(c.right for c in self.chars if c.text != " ")

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
        return group_lines(self.chars)


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


@cache
def read_pages(path: Path) -> tuple[Page, ...]:
    """Every page of the PDF at ``path`` with its characters (word spaces kept: they count in a
    line's length; line ends and words for screen readers only left out); read once."""
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
                if size < HIDDEN_PT and code != 32:
                    continue  # words for screen readers only
                box = (left.value, bottom.value, right.value, top.value)
                font, color = _font_name(raw_page, i), _color(raw_page, i)
                chars.append(Char(chr(code), size, font, *box, round(y.value, 1), color))
            pages.append(Page(number + 1, width, height, tuple(chars)))
    finally:
        pdf.close()
    return tuple(pages)


def group_lines(chars: tuple[Char, ...] | list[Char]) -> list[Line]:
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
        members.sort(key=lambda c: c.left)
        run: list[Char] = []
        last: Char | None = None
        for char in members:
            if char.text != " ":
                if last is not None and char.left - last.right > 1.5 * size:
                    found.append(Line(tuple(run)))
                    run = []
                last = char
            run.append(char)
        found.append(Line(tuple(run)))
    found.sort(key=lambda line: (-line.baseline, line.left))
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
        left = statistics.mode(round(line.left) for line in lines)
        column = [line for line in lines if abs(line.left - left) < 1.5]
        right = max(line.right for line in column)
        lengths += [len(line) for line in column if line.right > right - 2 * size]
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


def dashed_lines(path: Path) -> list[float]:
    """x of each tall vertical stroked line on the first page: the pay chart's benchmark, drawn
    in pieces around the labels it would cross (:func:`benchmark_pieces`)."""
    return sorted({x for x, _, _ in benchmark_pieces(path)})


def benchmark_pieces(path: Path) -> list[tuple[float, float, float]]:
    """(x, bottom, top) of each piece of the pay chart's benchmark line on the first page:
    thin dashed vertical strokes sharing an x that together run more than 11 pt (the legend's
    sample is shorter)."""
    document = pdfium.PdfDocument(str(path))
    try:
        pieces: dict[float, list[tuple[float, float, float]]] = {}
        for shape in document[0].get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke))
            left, bottom, right, top = shape.get_bounds()
            dashed = raw.FPDFPageObj_GetDashCount(shape.raw) > 0
            if dashed and stroke.value and right - left < 3 and top - bottom > 2.9:
                # A stroke's bounds reach half their width past its ends: the drawn piece.
                x, reach = round((left + right) / 2, 1), (right - left) / 2
                pieces.setdefault(x, []).append((x, bottom + reach, top - reach))
        return [
            piece
            for group in pieces.values()
            if sum(top - bottom for _, bottom, top in group) > 11  # the legend's sample: 10
            for piece in group
        ]
    finally:
        document.close()


def runs(path: Path) -> list[tuple[str, float, float, float]]:
    """(text, left, right, baseline) of each run of characters on the first page without a
    gap wider than 3.5 pt (a word space is less): a figure in a chart, not the whole baseline
    it shares."""
    found: list[tuple[str, float, float, float]] = []
    for line in read_pages(path)[0].lines():
        run: list[Char] = []
        for char in sorted(line.chars, key=lambda c: c.left):
            if run and char.left - run[-1].right > 3.5:
                found.append(("".join(c.text for c in run), run[0].left, run[-1].right,
                              line.baseline))  # fmt: skip
                run = []
            run.append(char)
        if run:
            found.append(("".join(c.text for c in run), run[0].left, run[-1].right, line.baseline))
    return found


def run_boxes(path: Path) -> list[tuple[str, float, float, float, float]]:
    """(text, left, bottom, right, top) of each run of :func:`runs`, its glyphs' ink box."""
    found = []
    for line in read_pages(path)[0].lines():
        run: list[Char] = []
        for char in [*sorted(line.chars, key=lambda c: c.left), None]:
            if run and (char is None or char.left - run[-1].right > 3.5):
                found.append(("".join(c.text for c in run), run[0].left,
                              min(c.bottom for c in run), run[-1].right,
                              max(c.top for c in run)))  # fmt: skip
                run = []
            if char is not None:
                run.append(char)
    return found


def median_ticks(path: Path) -> list[tuple[float, float, float]]:
    """(x, bottom, top) of each pay chart's median tick on the first page: a stroked vertical
    line 2.5 pt wide (its bounds 4 to 6 pt with the stroke's joins) and 10 to 25 pt tall."""
    document = pdfium.PdfDocument(str(path))
    try:
        found = []
        for shape in document[0].get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke))
            left, bottom, right, top = shape.get_bounds()
            solid = raw.FPDFPageObj_GetDashCount(shape.raw) <= 0
            if solid and stroke.value and 4 <= right - left <= 6 and 10 <= top - bottom <= 25:
                reach = (right - left) / 2  # the bounds' reach past the line's ends
                found.append(((left + right) / 2, bottom + reach, top - reach))
        return found
    finally:
        document.close()


def low_ends(path: Path, count: int) -> list[tuple[str, float, float, str]]:
    """(text, left, right, place) of the low-end figure of each of the first page's ``count``
    pay bars, top to bottom: the leftmost figure by the bar; its place "beside" (ending left of
    the bar), "inside" (its baseline within the bar) or "under" (below the bar)."""
    figures = [w for w in runs(path) if any(ch.isdigit() for ch in w[0])]
    found = []
    for left, bottom, right, top in bars(path)[:count]:
        row = [w for w in figures if bottom - 12 <= w[3] <= top and w[1] < right]
        assert row, (path, (left, bottom, right, top))
        text, lo, hi, base = min(row, key=lambda w: w[1])
        place = "beside" if hi <= left + 1 else "inside" if base >= bottom else "under"
        found.append((text, lo, hi, place))
    return found


def tiny_chars(path: Path, below: float, page: int = 0) -> list[tuple[str, float]]:
    """(text, printed size) of every character of a page printed below ``below`` pt, words for
    screen readers only included (:func:`chars` leaves out text under 1 pt): a printed page
    carries no microtext."""
    return [
        (text, round(size, 3)) for *_, text, _, size in _printed(path, page) if size < below - 0.01
    ]
