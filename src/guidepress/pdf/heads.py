"""No running head above a part's title: a page that opens with a part carries none.

Why: a guide's part opens a page by a forced break, and ``@page part:nth(1 of part)`` leaves the
running head off there. A booklet's chapter runs its parts on (styles/booklet.css), so a part
that comes to open a page does so without a forced break, in the page group of the part before:
it carried the section before's head ("Pros and cons" above "Part 5: Stories, questions and
sources", review 8), and CSS cannot select a page by what it opens with. The laid-out pages are
read instead: a page whose first box in the flow is a part's head loses its top margin boxes
(the heads and their hairline) before the PDF is written.
"""

from __future__ import annotations

from typing import Any

#: The margin boxes of the running head.
HEADS = frozenset({"@top-left", "@top-center", "@top-right"})
#: The class of a part's head (templates/partials/parts.html.j2).
PART_HEAD = "part-head"


def opens_with_part(page_box: Any) -> bool:
    """Whether the page's first box in the flow, going down first children, is a part's head."""
    box = next((c for c in page_box.children if not hasattr(c, "at_keyword")), None)
    while box is not None:
        element = getattr(box, "element", None)
        if element is not None and PART_HEAD in str(element.get("class") or "").split():
            return True
        kids = [
            c for c in getattr(box, "children", ())
            if not hasattr(c, "is_in_normal_flow") or c.is_in_normal_flow()
        ]  # fmt: skip
        box = kids[0] if kids else None
    return False


def drop_heads_above_parts(document: Any) -> list[int]:
    """Take the running head off every page of ``document`` (laid out) that opens with a part;
    the pages' numbers, from 1."""
    dropped = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        if opens_with_part(page_box):
            page_box.children = [
                c for c in page_box.children if getattr(c, "at_keyword", None) not in HEADS
            ]
            dropped.append(number)
    return dropped
