"""Escape page text for prose fields, which are rendered as inline Markdown.

Only characters that would be misread get a backslash: emphasis markers that could pair up,
code-span backticks, link brackets before a ``](``, autolinks, entities, strikethrough, a
backslash before punctuation, and block markers at the start of a line (``- ``, ``1. ``, ``# ``,
``>``: harmless for inline rendering, and safe should a renderer ever parse blocks).
``unescape`` undoes it exactly: ``unescape(escape(text)) == text``.
"""

from __future__ import annotations

import re
import string

_PUNCT = frozenset(string.punctuation)
#: ``<https://...>`` and ``<name@host>`` autolinks (raw HTML is never rendered, so other ``<``
#: are shown as they are).
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
#: Block markers at the start of a line: list bullet, quote, heading; ordered list number;
#: thematic break or setext underline.
_BLOCK = re.compile(
    r"^( {0,3})(?:([-+*>]|#{1,6})(?=\s|$)|(\d{1,9})([.)])(?=\s|$)|([-*_=])(?=[\s\-*_=]*$))",
    re.MULTILINE,
)


def _flanking(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and after.isspace():
        return False
    return not (text[i] == "_" and before.isalnum() and after.isalnum())


def _marks(text: str) -> set[int]:
    """Indexes of the characters that need a backslash."""
    marks: set[int] = set()
    for char in "*_":
        spots = [i for i, c in enumerate(text) if c == char and _flanking(text, i)]
        if len(spots) >= 2:
            marks.update(spots)
    if text.count("`") >= 2:
        marks.update(i for i, c in enumerate(text) if c == "`")
    if "~~" in text:
        marks.update(i for i, c in enumerate(text) if c == "~")
    link_end = text.rfind("](")
    marks.update(i for i, c in enumerate(text[:link_end]) if c == "[")
    marks.update(m.start() for m in _AUTOLINK.finditer(text))
    marks.update(m.start() for m in _ENTITY.finditer(text))
    for m in _BLOCK.finditer(text):
        group = 2 if m.group(2) else 4 if m.group(4) else 5
        marks.add(m.start(group))
    return marks


def escape(text: str) -> str:
    marks = _marks(text)
    out: list[str] = []
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        if i in marks or (char == "\\" and (following in _PUNCT or following == "\n")):
            out.append("\\")
        out.append(char)
    return "".join(out)


def unescape(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
