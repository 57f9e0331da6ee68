"""YAML syntax errors in plain words, at the place to fix, for the usual causes."""

from __future__ import annotations

import pytest

from guidepress.content.load import parse

INDENT = (
    "the indentation does not match the lines above: keys of one mapping, and items of one "
    "list, start in the same column"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: X\nsummary: Y\n  salary: 5\n",
            "3:3: this key is indented deeper than the key above it: keys of one mapping start "
            "in the same column",
        ),
        ("title: X\nsalary:\n  min: 1\n max: 2\n", f"4:2: {INDENT}"),
        ("pros:\n  - a\n - b\n", f"3:2: {INDENT}"),
        ("title: X\n- a\n", f"2:1: {INDENT}"),
        (
            "title: X\nsummary: Note: this is it\n",
            "2:14: ': ' inside text that is not in quotes: put the whole value in quotes",
        ),
        (
            "title: X\nsummary: Nurses care for patients\n  and families: they assess.\n",
            "3:15: ': ' inside text that continues the line above: put the whole value in quotes",
        ),
        (
            "pros:\n  - Meaningful work\n    Note: you help people\n",
            "3:5: this key is indented deeper than the key above it: keys of one mapping start "
            "in the same column",
        ),
        (
            "pros:\n  - Meaningful work\n    in a good team: you help people\n",
            "3:19: ': ' inside text that continues the line above: put the whole value in quotes",
        ),
        ("title: X\n\tsummary: y\n", "2:1: a tab character: indent with spaces only"),
        ('title: "X\nsummary: y\n', "1:8: this quote is never closed"),
        ("title: 'X\nsummary: y\n", "1:8: this quote is never closed"),
        (
            "title: X\npros: [a, b\ncons: [c]\n",
            "2:7: this [ is never closed with ] (or an item in it holds ': ' and needs quotes)",
        ),
        ("title: X\npros: [a, b\n", "2:7: this [ is never closed with ]"),
        ("title: X\nsalary: {min: 1\n", "2:9: this { is never closed with }"),
        (
            "title: X\nsummary\npros: [a]\n",
            "2:1: this line is not 'key: value': add the ':', or indent it under the key whose "
            "text it continues",
        ),
        (
            'title: "X" y\n',
            "1:12: text after the closing quote: put all of the value inside the quotes",
        ),
        ("title: @x\n", "1:8: a value cannot start with '@': put it in quotes"),
        (
            'title: "a\\qb"\n',
            "1:11: '\\q' in double quotes is not an escape: use single quotes, or write \\\\ "
            "for a backslash",
        ),
    ],
)
def test_syntax_errors_say_what_to_fix(text: str, expected: str) -> None:
    doc, problems = parse(text, "r.yaml")
    assert doc is None
    place, message = expected.split(": ", 1)
    assert [str(p) for p in problems] == [f"r.yaml:{place}: YAML syntax error: {message}"]
