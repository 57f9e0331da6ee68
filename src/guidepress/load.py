"""Stage 1: read YAML files into plain data plus a map from field paths to line and column.

PyYAML's composer gives every node its position; we build the Python values ourselves from the
node tree so that each key and item keeps where it came from, duplicate keys are refused, and the
work an alias can cause is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guidepress.errors import Problem

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 100

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded YAML file: its data and where each field path starts (1-based line, column)."""

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, loc: Loc, message: str) -> Problem:
        line, col = self.where(loc)
        return Problem(self.path, line, col, dotted(loc), message)


def dotted(loc: Loc) -> str:
    """``("salary", "levels", "entry")`` -> ``salary.levels.entry``; indices as ``[2]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Budget(Exception):
    pass


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.nodes = 0
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _Budget(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                self.positions[(*loc, index)] = _pos(item)
                out.append(self.build(item, (*loc, index), depth + 1))
            return out
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _pos(key_node)
                self.problems.append(
                    Problem(self.path, line, col, dotted(loc), "merge keys (<<) are not supported")
                )
                continue
            key = self.build(key_node, loc, depth + 1)
            if not isinstance(key, str | int) or isinstance(key, bool):
                key = str(key)
            child = (*loc, key)
            line, col = _pos(key_node)
            if key in out:
                first = self.positions[child]
                self.problems.append(
                    Problem(
                        self.path,
                        line,
                        col,
                        dotted(child),
                        f"duplicate key (first defined on line {first[0]})",
                    )
                )
                continue
            self.positions[child] = (line, col)
            out[key] = self.build(value_node, child, depth + 1)
        return out


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text; returns the document (None when unreadable) and the problems found."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (exc.problem or exc.context or "invalid YAML").strip()
        return None, [Problem(path, line, col, "", f"YAML syntax error: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, "", f"YAML error: {exc}")]
    if node is None:
        return Document(path, {}, {(): (1, 1)}), []
    builder = _Builder(path)
    builder.positions[()] = _pos(node)
    try:
        data = builder.build(node, (), 0)
    except _Budget as exc:
        line, col = _pos(exc.args[0])
        return None, [
            Problem(path, line, col, "", "document too large or too deeply nested (aliases?)")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, "", f"YAML error: {exc}")]
    return Document(path, data, builder.positions), builder.problems


def read(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file; ``display`` is the name used in messages."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    name, 1, 1, "", f"file is too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})"
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 0, 0, "", f"cannot read file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(name, line, col, "", "not valid UTF-8 text")]
    if "\x00" in text:
        return None, [Problem(name, 1, 1, "", "binary file, not YAML text")]
    return parse(text, name)
