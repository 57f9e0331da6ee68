"""Stage 1: read YAML files into plain data plus a map from field paths to line and column.

PyYAML's composer gives every node its position; we build the Python values ourselves from the
node tree so that each key and item keeps where it came from, duplicate keys are refused, and the
work an alias can cause is bounded.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

try:
    from yaml._yaml import CParser

    _FAST = True
except ImportError:  # a PyYAML built without LibYAML: PyYAML's own parser only
    CParser = object  # type: ignore[assignment,misc]
    _FAST = False

from guidepress.content.syntax import explain
from guidepress.errors import Problem

#: Limits that keep a hostile file cheap to refuse; docs/security.md lists them for users.
MAX_FILE_BYTES = 1_000_000  # bytes on disk
MAX_DEPTH = 100  # levels of nesting (mappings and lists)
MAX_NODES = 200_000  # values, counting every use of an alias again
MAX_TEXT = 2_000_000  # characters of text, counting every use of an alias again

# C0 and C1 control characters other than tab and line breaks: they can drive a terminal (ESC,
# CSI) and mean nothing on paper. Raw ones are refused by PyYAML already; these come from escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_WHAT = {
    "tag:yaml.org,2002:int": "whole number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:binary": "base64 value",
    "tag:yaml.org,2002:bool": "true/false value",
}

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded YAML file: its data and where each field path starts (1-based line, column)."""

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    #: True when the file holds no document at all (empty, or only comments).
    empty: bool = False
    #: Field paths whose values could not be read; their problems are reported already.
    broken: set[Loc] = field(default_factory=set)

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
    """Raised (with the node and a message) when a document exceeds a limit."""


class _Nesting(Composer):
    # PyYAML composes recursively, one Python frame pair per level: 10,000 nested brackets would
    # end in RecursionError. Counting levels here refuses them after the 101st.
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[attr-defined]
                raise _Budget(event, f"too deeply nested (more than {MAX_DEPTH} levels)")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Nesting, yaml.SafeLoader):
    """PyYAML's own reader, scanner and parser: slow, but its messages are the ones
    content/syntax.py explains."""


class _FastLoader(_Nesting, CParser, SafeConstructor, Resolver):
    """LibYAML's scanner and parser (C) under the same composer: the same nodes, positions and
    limits, ten times faster (reading 40 roles: 0.09 s of CPU instead of 0.9). Text it finds
    any fault in is read again by _Loader, for the message."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)


#: What LibYAML reads otherwise than PyYAML (found by fuzzing both, tests/content/test_load.py):
#: tags, tabs, byte order marks and comments right after a block scalar's indicator in the
#: text; empty values (null) in the nodes, placed elsewhere. Such text is read by PyYAML alone.
_PYYAML_ONLY = re.compile(r"[!\t\ufeff]|[|>][0-9+-]*#")


def _compose(text: str) -> yaml.Node | None:
    if _FAST and not _PYYAML_ONLY.search(text):
        fast = _FastLoader(text)
        try:
            node = fast.get_single_node()
        except Exception:  # any fault at all: PyYAML's own parser says what it is
            node = None
        finally:
            fast.dispose()
        if node is not None and not _has_empty(node):
            return node
    return yaml.compose(text, Loader=_Loader)


def _has_empty(node: yaml.Node) -> bool:
    todo, seen = [node], set()
    while todo:
        node = todo.pop()
        if id(node) in seen:  # an alias: its node is walked once, not once per use
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.value == "":
                return True
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
        else:
            for key, value in node.value:
                todo += (key, value)
    return False


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.broken: set[Loc] = set()
        self.nodes = 0
        self.chars = 0
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Budget(node, f"too large: more than {MAX_NODES:,} values with aliases expanded")
        if depth > MAX_DEPTH:  # an alias can place a nested value deeper than it was written
            message = f"too deeply nested with aliases expanded (more than {MAX_DEPTH} levels)"
            raise _Budget(node, message)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                self.positions[(*loc, index)] = _pos(item)
                out.append(self.build(item, (*loc, index), depth + 1))
            return out
        return self._scalar(node, loc)

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.MarkedYAMLError) as exc:
            what = _WHAT.get(node.tag)
            if what is None and isinstance(exc, yaml.MarkedYAMLError):
                tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
                message = f"YAML tag {tag} is not supported"
            else:
                message = f"not a valid {what or 'value'} (got {_quote(str(node.value))})"
            self._report(node, loc, message)
            self.broken.add(loc)
            return None
        if isinstance(value, str):
            self.chars += len(value)
            if self.chars > MAX_TEXT:
                raise _Budget(
                    node, f"too large: more than {MAX_TEXT:,} characters with aliases expanded"
                )
            found = _CONTROL.search(value)
            if found:
                code = f"U+{ord(found.group()):04X}"
                self._report(node, loc, f"control character {code} is not allowed in text")
                value = _CONTROL.sub("", value)
        return value

    def _report(self, node: yaml.Node, loc: Loc, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(Problem(self.path, line, col, dotted(loc), message))

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
            if loc in self.broken:  # the key itself could not be read (reported); skip its entry
                self.broken.discard(loc)
                continue
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


def _quote(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _at(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _at_byte(raw: bytes, index: int) -> tuple[int, int]:
    """Line and column (in characters, as editors count them) of byte ``raw[index]``."""
    before = raw[:index].decode("utf-8", "replace")
    return _at(before, len(before))


def parse(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text; returns the document (None when unreadable) and the problems found."""
    builder = _Builder(path)
    try:
        node = _compose(text)
        if node is None:
            return Document(path, {}, {(): (1, 1)}, empty=True), []
        builder.positions[()] = _pos(node)
        data = builder.build(node, (), 0)
    except _Budget as exc:
        mark = exc.args[0].start_mark
        return None, [Problem(path, mark.line + 1, mark.column + 1, "", exc.args[1])]
    except yaml.reader.ReaderError as exc:
        line, col = _at(text, exc.position)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
        return None, [Problem(path, line, col, "", f"control character {code} is not allowed")]
    except yaml.MarkedYAMLError as exc:
        line, col, message = explain(exc, text)
        return None, [Problem(path, line, col, "", f"YAML syntax error: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, "", f"YAML error: {str(exc).splitlines()[0]}")]
    return Document(path, data, builder.positions, broken=builder.broken), builder.problems


def read(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file; ``display`` is the name used in messages."""
    name = display or str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(name, 0, 0, "", "not a regular file")]
        raw = b""
        # The size is checked before reading: a 60 MB file costs one stat, not 60 MB of memory;
        # reading stops one byte past the limit in case the file grows meanwhile.
        if info.st_size <= MAX_FILE_BYTES:
            with path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [Problem(name, 0, 0, "", f"cannot read file: {exc.strerror}")]
    size = max(info.st_size, len(raw))
    if size > MAX_FILE_BYTES:
        message = f"file is too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})"
        return None, [Problem(name, 1, 1, "", message)]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(name, 1, 1, "", "UTF-16 text: save the file as UTF-8")]
    if b"\x00" in raw:
        line, col = _at_byte(raw, raw.index(b"\x00"))
        return None, [Problem(name, line, col, "", "binary file, not YAML text")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _at_byte(raw, exc.start)
        return None, [Problem(name, line, col, "", "not valid UTF-8 text")]
    return parse(text, name)
