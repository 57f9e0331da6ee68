"""Where things landed: the page each list item of a part of a laid-out document starts on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guidepress.pdf.engine import Layout


def items_on_pages(laid: Layout, section: str) -> list[tuple[str, int]]:
    """(text, page index) of every list item inside the element with id ``section``, in
    document order: the text as a reader sees it (text hidden from view left out). An item
    hidden from screen readers (a key to the list's colours) is no item of the list."""
    root = laid.source.etree_element
    holder = next((e for e in root.iter() if e.get("id") == section), None)
    if holder is None:
        return []
    items = {
        id(element): element
        for element in holder.iter("li")
        if element.get("aria-hidden") != "true"
    }
    pages: dict[int, int] = {}
    for number, page in enumerate(laid.document.pages):
        for box in _walk(page._page_box):
            element = getattr(box, "element", None)
            if element is not None and id(element) in items and id(element) not in pages:
                pages[id(element)] = number
    return [(_text(items[key]), pages[key]) for key in items if key in pages]


def _walk(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def _text(element: Any) -> str:
    return " ".join(_words(element).split())


def _words(element: Any) -> str:
    # White space kept as it is until the whole item is read: a child's leading space (the
    # item's last word, theme/filters.py::md_end) separates it from the word before.
    parts = [element.text or ""]
    for child in element:
        if "visually-hidden" not in (child.get("class") or "").split():
            parts.append(_words(child))
        parts.append(child.tail or "")
    return "".join(parts)
