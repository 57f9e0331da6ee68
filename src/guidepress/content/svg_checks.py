"""Checks of an SVG brand logo: no DTD or entities, no reference to anything outside the file.

A logo is printed on every document of its brand, and it comes from whoever committed the brand
folder. It is parsed here with expat, refusing a DOCTYPE before any entity is read (so neither
external entities, XXE, nor entity expansion, "billion laughs", can happen), and every reference
in it must stay inside the file: ``#id`` fragments and ``data:`` URLs only.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.parsers import expat

MAX_SVG_BYTES = 1_000_000

_URL = re.compile(r"""url\(\s*['"]?([^'")\s]*)""", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
_ALLOWED = ("#", "data:")


class _Refused(Exception):
    pass


def _check_reference(value: str) -> None:
    target = value.strip()
    if not target.lower().startswith(_ALLOWED):
        shown = target if len(target) <= 200 else target[:197] + "..."
        raise _Refused(f"external reference {shown!r} (only #id and data: references are allowed)")


def _check_css(text: str) -> None:
    if _IMPORT.search(text):
        raise _Refused("@import in a stylesheet (only #id and data: references are allowed)")
    for match in _URL.finditer(text):
        _check_reference(match.group(1))


def svg_problems(path: Path) -> list[str]:
    """What is wrong with the SVG file at ``path`` as a logo; empty when nothing is."""
    try:
        if path.stat().st_size > MAX_SVG_BYTES:
            return [f"SVG file is too large (limit {MAX_SVG_BYTES:,} bytes)"]
        data = path.read_bytes()
    except OSError as exc:
        return [f"cannot read file: {exc.strerror}"]
    parser = expat.ParserCreate()
    # Parameter entities are never read, even if a DOCTYPE slipped past the handler below.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root: list[str] = []
    # Text of the open elements; a <style>'s is checked whole at its end, since comments and
    # CDATA sections can split a url( across chunks.
    texts: list[list[str]] = []

    def doctype(*_: object) -> None:
        raise _Refused("has a DOCTYPE declaration (DTDs and entities are not allowed)")

    def entity(*_: object) -> None:
        raise _Refused("declares an entity (DTDs and entities are not allowed)")

    def external_entity(*_: object) -> int:
        raise _Refused("refers to an external entity (DTDs and entities are not allowed)")

    def instruction(target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            raise _Refused("links a stylesheet (<?xml-stylesheet?> is not allowed)")

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1]
        if not root:
            root.append(local)
            if local != "svg":
                raise _Refused(f"is not an SVG file (its root element is <{name}>)")
        texts.append([])
        for key, value in attributes.items():
            if key.rsplit(":", 1)[-1] in ("href", "src"):
                _check_reference(value)
            _check_css(value)

    def end(name: str) -> None:
        content = "".join(texts.pop())
        if name.rsplit(":", 1)[-1] == "style":
            _check_css(content)

    def text(data: str) -> None:
        if texts:
            texts[-1].append(data)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external_entity
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        return [f"line {parser.CurrentLineNumber}: {exc}"]
    except expat.ExpatError as exc:
        return [f"not a well-formed SVG file (line {exc.lineno}: {expat.ErrorString(exc.code)})"]
    return []
