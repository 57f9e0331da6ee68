"""The language of each tagged element in the PDF's structure tree, as its HTML says.

Why: WeasyPrint 70 writes the document's language (the catalogue's /Lang) and no element's, so
a screen reader reads a German edition's English content (a role with no translation, printed
under German headings) with a German voice (review 8). Each structure element made from an
element with a ``lang`` attribute gets that language as its /Lang; its descendants inherit it
(PDF 1.7, 14.9.2). WeasyPrint builds the tree with one recursive function,
``weasyprint.pdf.tags._build_box_tree``, which yields the structure element of the box it is
given (of its children for the html and body elements and the page); it is wrapped once, here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.pdf import tags

_BUILD = tags._build_box_tree
#: The boxes whose structure elements WeasyPrint leaves out: their language is the document's.
_NOT_TAGGED = ("html", "body")


def _language(box: Any) -> str | None:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in _NOT_TAGGED:
        return None
    lang = element.attrib.get("lang") if hasattr(element, "attrib") else None
    return str(lang) if lang else None


def _build_box_tree(box: Any, *args: Any) -> Iterator[Any]:
    """WeasyPrint's ``_build_box_tree``, with /Lang on the element built for a box whose HTML
    element says its language."""
    lang = _language(box)
    for element in _BUILD(box, *args):
        if lang and "Lang" not in element:
            element["Lang"] = pydyf.String(lang)
        yield element


tags._build_box_tree = _build_box_tree  # the recursion inside calls it through the module
