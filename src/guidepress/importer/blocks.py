"""Split page text into blocks (runs of lines between blank lines) and classify lines.

A block's lines are bullets (``•``, ``-``, ``*`` and a few lookalikes), ``Label: value`` lines
or plain text; consecutive plain lines form one paragraph, as in Markdown. A heading is a block
of one short line without final punctuation (a question mark is allowed: FAQ questions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

BULLET = re.compile(r"^[•\-*·▪◦‣●]\s+(?=\S)")
LABEL = re.compile(r"^([A-Z][\w&/'’ -]{0,40}?):\s+(\S.*)$")
_MAX_HEADING_CHARS = 150


@dataclass(frozen=True)
class Line:
    text: str  # stripped, without the bullet marker
    number: int  # 1-based line number in the page
    bullet: bool = False
    indent: int = 0


@dataclass
class Piece:
    """One paragraph, bullet item or label line of a section body."""

    kind: str  # "para" | "item" | "label"
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def number(self) -> int:
        return self.lines[0].number

    @property
    def label(self) -> tuple[str, str] | None:
        match = LABEL.match(self.text) if self.kind == "label" else None
        return (match.group(1), match.group(2).strip()) if match else None


def to_line(raw: str, number: int) -> Line:
    stripped = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    match = BULLET.match(stripped)
    if match:
        return Line(stripped[match.end() :].strip(), number, True, indent)
    return Line(stripped, number, False, indent)


def blocks(lines: list[Line | None]) -> list[list[Line]]:
    """Group lines into blocks; ``None`` stands for a blank line."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line is None or not line.text:
            if current:
                out.append(current)
            current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


def next_line(lines: list[Line | None], i: int) -> int:
    """Index of the first non-blank line from ``i`` on (``len(lines)`` when none is left)."""
    while i < len(lines) and lines[i] is None:
        i += 1
    return i


def text_at(lines: list[Line | None], i: int) -> str:
    line = lines[i] if i < len(lines) else None
    return line.text if line is not None else ""


def has_letter(text: str) -> bool:
    return any(unicodedata.category(c).startswith(("L", "N")) for c in text)


def heading_like(line: Line) -> bool:
    text = line.text
    if line.bullet or not text or len(text) > _MAX_HEADING_CHARS or not has_letter(text):
        return False
    if text.endswith("?"):
        return len(text.split()) <= 30
    if text[-1] in ".!,;:…" or LABEL.match(text):
        return False
    return len(text.split()) <= 14


def split_headings(block: list[Line]) -> list[list[Line]]:
    """Split a heading off the top of a block when no blank line follows it."""
    if len(block) < 2 or not heading_like(block[0]):
        return [block]
    first, second = block[0], block[1]
    if (
        second.bullet
        or LABEL.match(second.text)
        or first.text.endswith("?")
        or (len(first.text) <= 60 and len(second.text) > 80)
    ):
        return [[first], *split_headings(block[1:])]
    return [block]


def is_heading(block: list[Line]) -> bool:
    return len(block) == 1 and heading_like(block[0])


def pieces(block: list[Line]) -> list[Piece]:
    """Paragraphs, items and label lines of one block."""
    out: list[Piece] = []
    for line in block:
        last = out[-1] if out else None
        if line.bullet:
            out.append(Piece("item", [line]))
        elif LABEL.match(line.text):
            out.append(Piece("label", [line]))
        elif last and last.kind == "item" and line.indent > last.lines[0].indent:
            last.lines.append(line)  # continuation of a wrapped bullet
        elif last and last.kind == "para":
            last.lines.append(line)
        else:
            out.append(Piece("para", [line]))
    return out
