"""The body of a page: headings and what follows them, mapped to the role model's fields.

Each heading starts a segment. A known heading (see ``headings``) fills its field; a heading
inside a structured section (career tiers, day blocks, skill groups, case studies, FAQs) whose
segment has that section's shape becomes one more entry of it; anything else is kept as an
extra section with a warning, so nothing on the page is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guidepress.importer import structured
from guidepress.importer.blocks import Line, Piece, blocks, is_heading, pieces, split_headings
from guidepress.importer.body import Body
from guidepress.importer.headings import PARENT, WORK_LIFE, match

PARAGRAPHS = frozenset(
    {
        "core_functions",
        "work_setting",
        "education",
        "path",
        "required_education",
        "global_outlook",
        "challenges",
        "growth_paths",
        "trends",
        "portfolio_tips",
    }
)
ITEMS = frozenset(
    {
        "responsibilities",
        "tech_stack",
        "tech_skills",
        "soft_skills",
        "pros",
        "cons",
        "common_mistakes",
        "advice",
    }
)
#: Sections that are dropped when their heading has nothing under it (the links were lost).
EMPTY_BOILERPLATE = frozenset({"related_roles", "references"})


@dataclass
class Segment:
    heading: Line | None
    pieces: list[Piece] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""


def segments(lines: list[Line | None]) -> list[Segment]:
    out: list[Segment] = []
    for raw in blocks(lines):
        for block in split_headings(raw):
            if is_heading(block):
                out.append(Segment(block[0]))
                continue
            if not out:
                out.append(Segment(None))
            out[-1].pieces.extend(pieces(block))
    return out


def read_body(lines: list[Line | None], body: Body) -> None:
    container: str | None = None
    for seg in segments(lines):
        if seg.heading is None:
            body.keep(
                "Introduction",
                seg.pieces,
                "text before the first section heading kept as an extra section",
            )
            continue
        if container and structured.ACCEPTS[container](seg.title, seg.pieces, body.role_title):
            structured.ADD[container](body, seg.title, seg.pieces)
            continue
        container = None
        key = match(seg.title, body.role_title)
        if key == PARENT or (key in EMPTY_BOILERPLATE and not seg.pieces):
            body.keep(
                seg.title, seg.pieces, f"text under heading '{seg.title}' kept as an extra section"
            )
        elif key is None and not seg.pieces:
            body.warnings.append(f"heading '{seg.title}' has nothing under it; left out")
        elif key is None:
            body.keep(
                seg.title,
                seg.pieces,
                f"unrecognised section '{seg.title}' kept as an extra section",
            )
        elif _seen(body, key):
            body.keep(
                seg.title,
                seg.pieces,
                f"second '{seg.title}' section ({key}) kept as an extra section",
            )
        else:
            _fill(body, key, seg)
            container = key if key in structured.ACCEPTS else None


def _seen(body: Body, key: str) -> bool:
    if key == WORK_LIFE:
        return any(k in body.fields for k in ("stress_level", "balance_rating", "work_life_note"))
    return key in body.fields


def _fill(body: Body, key: str, seg: Segment) -> None:
    title, parts = seg.title, seg.pieces
    if key in PARAGRAPHS:
        body.fields[key] = [p.text for p in parts if p.kind != "item"]
        _rest(body, title, [p for p in parts if p.kind == "item"], key)
    elif key in ITEMS:
        body.fields[key] = lines_of(parts)
    elif key == WORK_LIFE:
        structured.work_life(body, title, parts)
    elif key == "outlook":
        structured.outlook(body, title, parts)
    elif key == "related_roles":
        body.fields[key] = lines_of(parts)
    elif key == "references":
        body.fields[key] = [structured.reference(text) for text in lines_of(parts)]
    else:
        structured.start(body, key, title, parts)


def lines_of(parts: list[Piece]) -> list[str]:
    """One entry per bullet, and per line of plain text (lists printed without bullets)."""
    out: list[str] = []
    for part in parts:
        if part.kind == "item":
            out.append(part.text)
        else:
            out.extend(line.text for line in part.lines)
    return out


def _rest(body: Body, title: str, parts: list[Piece], key: str) -> None:
    body.keep(
        title, parts, f"bullets under '{title}' kept as an extra section ({key} takes paragraphs)"
    )
