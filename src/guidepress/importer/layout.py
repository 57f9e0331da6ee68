"""How a page's elements lay out as page text: blocks of lines, as the text path reads them.

Blocks (headings, paragraphs, lists, table rows, quotes, ``div`` and the like) are separated by
a blank line, as the text path expects between paragraphs; ``<br>`` ends a line within one.
List items become ``•`` lines (nested lists indented), a table row one line (a two-cell row
``label: value``), a short ``<dt>``/``<dd>`` pair ``term: description``. Inline markup keeps only
its text (emphasis and link targets are not page text, as in a copied page), and white space
collapses as a browser renders it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborNode

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_CELLS = frozenset({"td", "th"})
#: Elements a browser lays out as blocks (the rest are inline, their text runs on).
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
        "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "xmp", *_HEADINGS,
    }
)  # fmt: skip
_SPACE = re.compile(r"[ \t\n\r\f\xa0]+")
_FLOW, _ITEM, _INLINE = "flow", "item", "inline"
_LABEL_TERM = 60  # a longer <dt>, or one ending in "?", is a heading of its own
_LABEL_VALUE = 200

Leave = Callable[[], None]


def _label_list(node: LexborNode) -> bool:
    """Whether a <dl> is short ``term: value`` pairs (else its terms are headings)."""
    for child in node.traverse():
        tag = child.tag
        if tag == "dt":
            term = child.text(separator=" ").strip()
            if len(term) > _LABEL_TERM or term.endswith("?"):
                return False
        elif tag == "dd":
            value = child.text(separator=" ")
            if len(value) > _LABEL_VALUE or child.css_first("p, ul, ol, div, table, dl"):
                return False
    return True


def _row_separator(row: LexborNode) -> str:
    """``label: value`` for a two-cell row with a short first cell, else ``a | b | c``."""
    cells = [c for c in row.iter() if c.tag in _CELLS]
    first = cells[0].text(separator=" ").strip() if cells else ""
    if len(cells) != 2 or not first or len(first) > 40 or first[-1] in ".?!":
        return " | "
    return " " if first.endswith(":") else ": "


class Writer:
    """Turns enter / leave events of the page's elements into blocks of lines."""

    def __init__(self, title_id: int | None) -> None:
        self.blocks: list[list[str]] = []
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.prefix = ""  # the next line's bullet
        self.modes = [_FLOW]  # flow: blocks; item: one line per list item; inline: one line
        self.lists = 0
        self.pre = 0
        self.labels: list[bool] = []  # for each open <dl>: pairs as label lines?
        self.rows: list[list[str]] = []  # for each open <tr>: [separator, cells so far]
        self.title_block: int | None = None
        self.title_id = title_id  # the title's <h1> (node id): where the guide starts

    # --- output ------------------------------------------------------------------------------

    def text(self, data: str) -> None:
        if not self.pre:
            self.parts.append(data)
            return
        first, *rest = data.split("\n")
        self.parts.append(first)
        for line in rest:
            self.end_line()
            self.parts.append(line)

    def space(self) -> None:
        self.parts.append(" ")

    def end_line(self) -> None:
        line = _SPACE.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if line:
            self.lines.append(self.prefix + line)
            self.prefix = ""

    def end_block(self) -> None:
        self.end_line()
        if self.lines:
            self.blocks.append(self.lines)
        self.lines = []

    # --- elements ----------------------------------------------------------------------------

    def _then(self, action: Leave | None, mode: str) -> Leave:
        self.modes.append(mode)

        def leave() -> None:
            self.modes.pop()
            if action is not None:
                action()

        return leave

    def enter(self, node: LexborNode) -> Leave | None:
        """Start an element; returns what to do after its children (None: skip them)."""
        tag = node.tag or ""
        mode = self.modes[-1]
        if tag in ("br", "hr", "img", "wbr"):
            self._empty(tag, node, mode)
            return None
        if node.mem_id == self.title_id:
            self.end_block()
            self.title_block = len(self.blocks)
        if mode == _INLINE or (mode == _ITEM and tag not in _LISTS and tag != "li"):
            if tag in _BLOCKS:
                self.space()
                return self._then(self.space, mode)
            return self._then(None, mode)
        if tag in _HEADINGS or tag == "caption":
            self.end_block()
            return self._then(self.end_block, _INLINE)
        if tag in _LISTS:
            return self._list(mode)
        if tag == "li":
            self.end_line()
            self.prefix = "  " * max(self.lists, 1) + "• "
            return self._then(self._end_item, _ITEM)
        if tag in ("dl", "dt", "dd"):
            return self._definitions(tag, node)
        if tag == "tr" or (tag in _CELLS and self.rows):
            return self._row(tag, node)
        if tag == "pre":
            self.end_block()
            self.pre += 1
            return self._then(self._end_pre, _FLOW)
        if tag in _BLOCKS:
            self.end_block()
            return self._then(self.end_block, _FLOW)
        return self._then(None, mode)

    def _empty(self, tag: str, node: LexborNode, mode: str) -> None:
        if tag == "img":  # an emoji drawn as an image (WordPress, Twemoji) is text
            alt = (node.attributes.get("alt") or "").strip()
            if alt and len(alt) <= 8 and not any(c.isalnum() for c in alt):
                self.parts.append(alt)
        elif mode != _FLOW:
            self.space()
        elif tag == "br":
            self.end_line()
        elif tag == "hr":
            self.end_block()

    def _list(self, mode: str) -> Leave:
        nested = mode == _ITEM
        self.end_line() if nested else self.end_block()
        self.lists += 1

        def leave() -> None:
            self.lists -= 1
            self.end_line() if nested else self.end_block()

        return self._then(leave, _FLOW)

    def _end_item(self) -> None:
        self.end_line()
        self.prefix = ""

    def _end_pre(self) -> None:
        self.pre -= 1
        self.end_block()

    def _definitions(self, tag: str, node: LexborNode) -> Leave:
        if tag == "dl":
            self.end_block()
            self.labels.append(_label_list(node))

            def leave() -> None:
                self.labels.pop()
                self.end_block()

            return self._then(leave, _FLOW)
        labels = bool(self.labels and self.labels[-1])
        if not labels:  # terms are headings, descriptions are blocks
            self.end_block()
            return self._then(self.end_block, _INLINE if tag == "dt" else _FLOW)
        if tag == "dt":
            self.end_line()
            return self._then(self._end_term, _INLINE)
        previous = node.prev
        while previous is not None and previous.tag not in ("dt", "dd"):
            previous = previous.prev
        if previous is not None and previous.tag == "dd":
            self.parts.append("; ")
        return self._then(None, _INLINE)

    def _end_term(self) -> None:
        self.parts.append(" " if "".join(self.parts).rstrip().endswith(":") else ": ")

    def _row(self, tag: str, node: LexborNode) -> Leave:
        if tag == "tr":
            self.end_block()
            self.rows.append([_row_separator(node)])

            def leave() -> None:
                self.rows.pop()
                self.end_block()

            return self._then(leave, _FLOW)
        row = self.rows[-1]
        if len(row) > 1:
            self.parts.append(row[0])
        row.append(tag)
        return self._then(None, _INLINE)
