"""Reading YAML with locations: positions, every way a file can be unreadable, limits on
size, nesting and aliases, and fuzzing."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from guidepress.content import load
from guidepress.content.checks import role_checks
from guidepress.content.load import parse, read
from guidepress.content.models import Role
from guidepress.content.validate import to_model
from guidepress.errors import Problem
from tests.helpers import REPO, run_err, write


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
    assert str(problems[0]) == "r.yaml:2:10: YAML syntax error: this [ is never closed with ]"


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


def test_empty_file_is_an_empty_mapping_marked_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n")
    doc, problems = read(path)
    assert problems == [] and doc is not None and doc.data == {} and doc.empty


# --- Limits and fuzzing -------------------------------------------------------------------------


fast = settings(max_examples=200, deadline=None)

_YAMLISH = st.text(
    alphabet=st.sampled_from(
        [*"ab1 :-[]{},&*!|>'\"#?%@`\n\t\\.e0x", "\x1b", "\x00", "\u202e", "é"]
    ),
    max_size=80,
)
_NAMES = st.sampled_from(["title", "summary", "salary", "min", "tiers", "experience", "pros", "x"])
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.dates()
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_NAMES, inner, max_size=4)
    ),
    max_leaves=20,
)


def _clean(problems: list[Problem]) -> bool:
    return all(str(p).isprintable() and p.file for p in problems)


def test_control_character_escapes_are_located_and_stripped() -> None:
    doc, problems = parse('title: "a\\e[31mb"\n', "r.yaml")
    assert [str(p) for p in problems] == [
        "r.yaml:1:8: title: control character U+001B is not allowed in text"
    ]
    assert doc is not None and doc.data == {"title": "a[31mb"}


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    doc, problems = parse("x: " + "[" * 10_000 + "]" * 10_000, "d.yaml")
    assert doc is None
    assert [str(p) for p in problems] == ["d.yaml:1:103: too deeply nested (more than 100 levels)"]


def test_aliases_cannot_multiply_text() -> None:
    text = "a: &a " + "y" * 500_000 + "\nb: [*a, *a, *a, *a, *a]\n"
    assert [str(p) for p in parse(text, "t.yaml")[1]] == [
        "t.yaml:1:4: too large: more than 2,000,000 characters with aliases expanded"
    ]


def test_values_the_yaml_types_cannot_hold_are_located() -> None:
    text = "a: 2026-02-30\nb: !!int x\nc: " + "9" * 5000 + "\nd: !!binary 'zz'\n"
    doc, problems = parse(text, "v.yaml")
    assert [str(p) for p in problems] == [
        "v.yaml:1:4: a: not a valid date (got '2026-02-30')",
        "v.yaml:2:4: b: not a valid whole number (got 'x')",
        "v.yaml:3:4: c: not a valid whole number (got '9999999999999999999999999999999999999...')",
        "v.yaml:4:4: d: not a valid base64 value (got 'zz')",
    ]
    assert doc is not None and doc.broken == {("a",), ("b",), ("c",), ("d",)}


def test_a_folder_is_not_read_as_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    assert [str(p) for p in read(tmp_path / "dir.yaml", "dir.yaml")[1]] == [
        "dir.yaml: not a regular file"
    ]


@fast
@given(st.one_of(st.text(), _YAMLISH))
def test_any_text_parses_or_gives_located_problems(text: str) -> None:
    doc, problems = parse(text, "f.yaml")
    assert doc is not None or problems
    assert _clean(problems)
    assert all(p.line >= 1 for p in problems)


@fast
@given(st.binary(max_size=200))
def test_any_bytes_read_or_give_problems(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(data)
    doc, problems = read(path, "f.yaml")
    assert doc is not None or problems
    assert _clean(problems)


@fast
@given(
    st.one_of(
        _YAMLISH,
        _TREES.map(
            lambda tree: yaml.safe_dump(
                {"title": "T", **(tree if isinstance(tree, dict) else {"x": tree})}
            )
        ),
    )
)
def test_any_document_becomes_a_role_or_located_problems(text: str) -> None:
    doc, problems = parse(text, "r.yaml")
    if doc is not None:
        role, found = to_model(doc, Role)
        if role is not None:
            found += role_checks(role, doc)
        assert role is not None or found or problems
        problems += found
    assert _clean(problems)


def _read_both_ways(text: str) -> tuple[Any, Any]:
    """What parse() makes of ``text`` through LibYAML, and through PyYAML's own parser."""

    def seen(found: tuple[Any, list[Problem]]) -> Any:
        doc, problems = found
        kept = doc and (repr(doc.data), doc.positions, doc.empty, sorted(map(str, doc.broken)))
        return kept, [str(p) for p in problems]

    if not load._FAST:
        pytest.skip("this PyYAML has no LibYAML: its own parser reads everything")
    fast = seen(parse(text, "f.yaml"))
    with mock.patch.object(load, "_FAST", False):
        return fast, seen(parse(text, "f.yaml"))


#: Pieces of YAML text, joined at random: what LibYAML and PyYAML might disagree on.
_PIECES = st.lists(
    st.sampled_from(
        ["a", "1", " ", "  ", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "|",
         ">", "|-", ">+", "|2", "'", '"', "#", " #c", "? ", "%YAML 1.1", "%TAG ! tag:x,2000:",
         "!", "!!str ", "\t", "\ufeff", "---", "...", "\n", "\r\n", "\r", "\x85", "\u2028",
         "\\", "\\n", "\\x41", "é", "😀", "0x1F", "1e3", ".inf", "~", "yes", "2026-01-02",
         "<<", "`", "\x1b", "\u00a0", "x: |\n  a\n  b\n", "k:\n  - a\n  -  b\n"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@fast
@given(
    st.one_of(
        st.text(),
        _YAMLISH,
        _PIECES,
        _TREES.map(lambda tree: yaml.safe_dump({"x": tree}, allow_unicode=True)),
        _TREES.map(lambda tree: yaml.safe_dump([tree], default_flow_style=True, width=20)),
    )
)
def test_libyaml_reads_any_text_as_pyyaml_does(text: str) -> None:
    fast, slow = _read_both_ways(text)
    assert fast == slow


@pytest.mark.parametrize(
    "path",
    sorted(p for p in REPO.rglob("*.yaml") if not {".venv", "output"} & set(p.parts)),
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_libyaml_reads_the_shipped_files_as_pyyaml_does(path: Path) -> None:
    fast, slow = _read_both_ways(path.read_text("utf-8-sig"))
    assert fast == slow and fast[0]


def test_aliases_cannot_nest_deeper_than_written() -> None:
    inner = "[" * 90 + "1" + "]" * 90
    text = f"a: &a {inner}\nb: {'[' * 20}*a{']' * 20}\n"
    assert [str(p) for p in parse(text, "n.yaml")[1]] == [
        "n.yaml:1:87: too deeply nested with aliases expanded (more than 100 levels)"
    ]


def test_a_key_yaml_cannot_read_is_reported_and_its_entry_skipped() -> None:
    doc, problems = parse("a:\n  !!int x: 1\n  b: 2\n", "k.yaml")
    assert [str(p) for p in problems] == ["k.yaml:2:3: a: not a valid whole number (got 'x')"]
    assert doc is not None and doc.data == {"a": {"b": 2}} and doc.broken == set()


# --- Hostile files, through guidepress validate -----------------------------------------------


# Each refusal's message is the proof that the guard stopped it before the work (unguarded,
# the bomb expands to billions of values and the nesting overflows the parser's stack): no
# wall-clock bound here, which a busy machine breaks; pytest-timeout ends a hang.
def validate_project(root: Path) -> tuple[int, str]:
    return run_err(root, "validate")


def test_alias_bomb_is_refused_fast(project: Path) -> None:
    lines = ["title: Bomb", "summary: s", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    write(project, "content/roles/bomb.yaml", "\n".join(lines) + "\n")
    code, err = validate_project(project)
    assert (code, err) == (
        1,
        "content/roles/bomb.yaml:3:46: too large: more than 200,000 values with aliases expanded\n",
    )


def test_ten_thousand_levels_of_nesting_are_refused_fast(project: Path) -> None:
    write(project, "content/roles/deep.yaml", "title: D\nsummary: " + "[" * 10_000 + "]" * 10_000)
    code, err = validate_project(project)
    assert (code, err) == (
        1,
        "content/roles/deep.yaml:2:109: too deeply nested (more than 100 levels)\n",
    )


def test_sixty_megabyte_file_is_refused_without_reading_it(project: Path) -> None:
    with (project / "content/roles/huge.yaml").open("wb") as handle:
        handle.truncate(60_000_000)  # sparse: costs no disk, and reads as 60 MB of NUL
    code, err = validate_project(project)
    assert (code, err) == (
        1,
        "content/roles/huge.yaml:1:1: file is too large (60,000,000 bytes; limit 1,000,000)\n",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "3:1: binary file, not YAML text"),
        (b"", "1:1: file is empty"),
        (b"# only a comment\n", "1:1: file is empty"),
        (b"title: A\nsummary: caf\xe9\n", "2:13: not valid UTF-8 text"),
        ("\ufefftitle: A".encode("utf-16"), "1:1: UTF-16 text: save the file as UTF-8"),
        (
            b"title: A\nsummary: s\ntitle: B\n",
            "3:1: title: duplicate key (first defined on line 1)",
        ),
        (
            b'title: A\nsummary: "\\e[2J\\e[31mred"\n',
            "2:10: summary: control character U+001B is not allowed in text",
        ),
        (b"title: A\nsummary: a\x1bb\n", "2:11: control character U+001B is not allowed"),
        (
            b"title: A\nsummary: s\nsalary: {min: 2026-13-45}\n",
            "3:15: salary.min: not a valid date (got '2026-13-45')",
        ),
        (
            b"title: A\nsummary: !!python/object:os.system ls\n",
            "2:10: summary: YAML tag !!python/object:os.system is not supported",
        ),
    ],
    ids=[
        "binary",
        "empty",
        "comment",
        "utf8",
        "utf16",
        "duplicate",
        "escape",
        "raw-esc",
        "date",
        "python-tag",
    ],
)
def test_unreadable_role_files_get_one_located_line(
    project: Path, data: bytes, message: str
) -> None:
    (project / "content/roles/r.yaml").write_bytes(data)
    assert run_err(project, "validate") == (1, f"content/roles/r.yaml:{message}\n")


def test_control_characters_are_never_echoed_raw(project: Path) -> None:
    # An unknown key and a wrong value full of terminal escapes: the message quotes them escaped.
    write(project, "content/roles/r.yaml", 'title: A\nsummary: s\n"sumary\\e[2J": 1\n')
    write(project, "content/roles/s.yaml", 'title: B\nsummary: s\ngrowth_rate: "\\u202e9"\n')
    code, err = run_err(project, "validate")
    assert "\x1b" not in err and "\u202e" not in err
    assert (code, err) == (
        1,
        "content/roles/r.yaml:3:1: control character U+001B is not allowed in text\n"
        "content/roles/r.yaml:3:1: sumary[2J: unknown field (did you mean 'summary'?)\n"
        "content/roles/s.yaml:3:1: growth_rate: must be a number (got '\\u202e9')\n",
    )


def test_empty_config_is_fine_but_empty_brand_is_not(project: Path) -> None:
    write(project, "guidepress.yaml", "")
    write(project, "content/brands/blank/brand.yaml", "")
    assert run_err(project, "validate") == (
        1,
        "content/brands/blank/brand.yaml:1:1: file is empty\n",
    )
