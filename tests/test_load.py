from __future__ import annotations

from pathlib import Path

from guidepress.load import parse, read


def test_positions_are_one_based_line_and_column() -> None:
    doc, problems = parse("title: Chef\nsalary:\n  min: 1\n  max: 2\n", "x.yaml")
    assert problems == [] and doc is not None
    assert doc.where(("salary", "max")) == (4, 3)
    assert doc.where(("salary", "max", "deeper")) == (4, 3)


def test_list_items_have_positions() -> None:
    doc, _ = parse("pros:\n  - a\n  - b\n", "x.yaml")
    assert doc is not None and doc.where(("pros", 1)) == (3, 5)


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    _, problems = parse("title: A\nsummary: s\ntitle: B\n", "r.yaml")
    assert [str(p) for p in problems] == [
        "r.yaml:3:1: title: duplicate key (first defined on line 1)"
    ]


def test_syntax_error_is_located() -> None:
    doc, problems = parse("title: A\nsummary: [unclosed\n", "r.yaml")
    assert doc is None
    assert len(problems) == 1
    assert str(problems[0]).startswith("r.yaml:3:1: YAML syntax error: ")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    doc, problems = parse("\n".join(lines) + "\n", "bomb.yaml")
    assert doc is None
    assert [str(p) for p in problems] == [
        "bomb.yaml:1:18: too large: more than 200,000 values with aliases expanded"
    ]


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"title: ok\nsummary: caf\xe9\n")
    _, problems = read(path, "bad.yaml")
    assert [str(p) for p in problems] == ["bad.yaml:2:13: not valid UTF-8 text"]


def test_empty_file_is_an_empty_mapping(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("")
    doc, problems = read(path)
    assert problems == [] and doc is not None and doc.data == {}
