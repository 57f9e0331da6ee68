"""Lines, blocks, headings and pieces of page text (blocks.py)."""

from __future__ import annotations

import pytest

from guidepress.importer.blocks import Line, blocks, heading_like, pieces, split_headings, to_line


@pytest.mark.parametrize(
    ("raw", "text", "bullet", "indent"),
    [
        ("  • Plan menus ", "Plan menus", True, 2),
        ("- item", "item", True, 0),
        ("* item", "item", True, 0),
        ("-5% growth", "-5% growth", False, 0),
        ("    wrapped", "wrapped", False, 4),
    ],
)
def test_to_line(raw: str, text: str, bullet: bool, indent: int) -> None:
    assert to_line(raw, 7) == Line(text, 7, bullet, indent)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Key Responsibilities", True),
        ("What does a chef do?", True),
        ("Chefs cook.", False),
        ("Stress Level: High", False),
        ("8%", True),
        ("---", False),
        ("word " * 15, False),
    ],
)
def test_heading_like(text: str, heading: bool) -> None:
    assert heading_like(Line(text.strip(), 1)) is heading


def test_blocks_split_on_blank_lines_and_headings_split_off() -> None:
    lines = [to_line(t, n) if t.strip() else None for n, t in enumerate(["A", "", "B", "C"], 1)]
    assert [[x.text for x in b] for b in blocks(lines)] == [["A"], ["B", "C"]]
    glued = [Line("Tech Stack", 1), Line("Salesforce", 2, bullet=True)]
    assert split_headings(glued) == [[glued[0]], [glued[1]]]


def test_pieces_join_paragraph_lines_and_wrapped_bullets() -> None:
    block = [
        Line("One", 1),
        Line("two", 2),
        Line("item", 3, True, 2),
        Line("more", 4, False, 4),
        Line("Focus: x", 5),
    ]
    found = [(p.kind, p.text) for p in pieces(block)]
    assert found == [("para", "One two"), ("item", "item more"), ("label", "Focus: x")]
