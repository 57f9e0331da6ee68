"""Where list items landed (pdf/locate.py::items_on_pages): the page each starts on, its text as
a reader sees it, and no item that screen readers are told to skip (a key to the list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.pdf.engine import layout
from guidepress.pdf.locate import items_on_pages

pytestmark = pytest.mark.pdf


def test_items_with_their_pages_and_no_key() -> None:
    html = """<html><body><section id="skills"><ul>
      <li>Sourdough <span class="visually-hidden">(in high demand)</span>baking</li>
      <li style="break-before: page">Deck oven</li>
      <li aria-hidden="true">Tinted chip: in high demand</li>
    </ul></section><ul><li>Elsewhere</li></ul></body></html>"""
    laid = layout(html, [], allowed=[Path.cwd()])
    assert items_on_pages(laid, "skills") == [("Sourdough baking", 0), ("Deck oven", 1)]
    assert items_on_pages(laid, "tools") == []


def test_an_items_last_word_in_a_span_keeps_its_space() -> None:
    """The item's last word in its span, the space before it inside (theme/filters.py::md_end):
    "Milk texturing", not "Milktexturing" (each part was trimmed on its own)."""
    html = """<html><body><section id="skills"><ul>
      <li>Milk<span class="last-word"> texturing</span></li></ul></section></body></html>"""
    laid = layout(html, [], allowed=[Path.cwd()])
    assert items_on_pages(laid, "skills") == [("Milk texturing", 0)]
