"""Pagination like an editor: after layout, a page that the next block left more than 15 %
empty gets a designed panel in the gap, a part that ends high on its last page gets one below
its end, and the page count is rounded up with designed pages.

Blocks that must stay whole (a diagram, a short list, a side note) move to the next page when
they do not fit, and leave a gap. Where the next page does not open with a forced break (a new
part, the back cover), the gap is filled with one of the document's own fillers, sized to it:
the page keeps its content and the next page starts as before, so one more layout settles
everything. The document says what it offers (guide.html.j2): a hidden pool
``[data-gp-fillers]`` with ``data-gp-pages-multiple``, gap fillers ``[data-gp-fill=gap]``
(``data-gp-for``: the id of the part they belong to), a plain one ``[data-gp-fill=notes]`` for
the end of a part that has its own filler already, and page fillers ``[data-gp-fill=page]``,
inserted before ``[data-gp-end]``. An element that must be one page (``[data-gp-one-page]``) and
runs over is marked ``data-gp-tight`` and laid out again. A document without a pool is left as
it is.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from guidepress.pdf.engine import Layout, relayout

#: A page may be this much empty (of its text area) without a filler: the rule is 15 %, less a
#: margin for what the layout's boxes and the printed ink disagree on (descenders, rules).
MOST_EMPTY = 0.13
#: Room left between a filler and the foot of its page, and the smallest filler worth setting,
#: in CSS px (96 a inch): margins that collapse into the gap and rounding stay inside this.
SAFETY_PX = 6 * 96 / 25.4
SMALLEST_PX = 24 * 96 / 25.4
_FORCED = {"page", "left", "right", "recto", "verso"}
#: A part's last page may be this much empty before a filler goes below the part's end: less
#: reads as the part ending, more as a hole.
END_EMPTY = 0.30
#: A part whose last page is more than this empty ends on a few lines: it is set tighter; so is
#: a part with a gap of up to SMALL_GAP of a page, which a little less space may close.
TAIL_EMPTY = 0.75
SMALL_GAP = 0.22
#: Where a filler may go: between blocks of these, never inside a list, table or definitions.
_FLOW = {"section", "main", "article", "div", "body", "header", "aside", "nav"}


@dataclass(frozen=True)
class Gap:
    """Page ``page`` (0-based) is left ``space`` CSS px empty by ``before`` starting the next."""

    page: int
    space: float
    before: Element


def paginate(laid: Layout) -> Layout:
    """``laid`` with its gaps closed and its page count rounded up as its pool asks; laid out
    again when anything changed, else returned as it is."""
    root = laid.source.etree_element if laid.source is not None else None
    pool = root.find(".//*[@data-gp-fillers]") if root is not None else None
    if root is None or pool is None:
        return laid
    parents = {child: parent for parent in root.iter() for child in parent}
    ids = {f.get("data-gp-for") for f in pool.findall("*[@data-gp-fill='gap']")}
    parts = [e for e in root.iter() if e.get("id") in ids and e.get("data-gp-fill") is None]
    one_page = _tighten(laid.document, root)
    tight = _tighten_parts(laid.document, parts, parents)
    found, part_gaps, pages = gaps(laid.document), part_ends(laid.document, parts), None
    stale = False  # whether ``laid`` shows the parts before they were tightened
    if one_page or tight:
        # Tighter parts are measured again; parts that a forced page break opens and closes are
        # laid out alone (the rest hidden), which gives the same pages for a fraction of a
        # whole layout. Anything else is measured in the document laid out again.
        alone = None if one_page else _measure_alone(laid, tight, parents)
        if alone is not None:
            inside = {id(e) for part in tight for e in part.iter()}
            found = [gap for gap in found if id(gap.before) not in inside] + alone.gaps
            part_gaps = [end for end in part_gaps if end.before not in tight]
            part_gaps += part_ends(alone.document, tight)
            pages, stale = alone.pages, True
        # A figure to defer needs the pages of the whole document (below).
        if alone is None or any(_deferrable(gap, parents) for gap in found):
            laid, stale = relayout(laid), False
            found, part_gaps, pages = gaps(laid.document), part_ends(laid.document, parts), None
    # A figure that may wait for the text after it moves below that text; what it moves
    # changes the pages after it, so their gaps are looked at again after one more layout.
    moved = [gap for gap in found if _defer(gap, parents)]
    if moved:
        first = moved[0].page
        _fill([gap for gap in found if gap.page < first], pool, parents)
        laid = relayout(laid)
        found, part_gaps, pages = gaps(laid.document), part_ends(laid.document, parts), None
    changed = _fill(found, pool, parents)
    ends = _fill_ends(part_gaps, pool)
    pages = len(laid.document.pages) if pages is None else pages
    pages += (rounded := _round(pages, root, pool, parents))
    if not (changed or ends or rounded):
        return relayout(laid) if stale else laid
    settled = relayout(laid)
    if ends and len(settled.document.pages) > pages:
        # A panel below a part's end ran onto a page of its own (the page showed less than it
        # held): the parts end short rather than on a panel alone.
        for part, filler in ends:
            part.remove(filler)
        settled = relayout(laid)
    return settled


def edited_html(laid: Layout) -> str:
    """The HTML of ``laid``'s tree as the paginator left it: what plain WeasyPrint lays out into
    the same pages (HTML output)."""
    root = laid.source.etree_element
    return "<!DOCTYPE html>\n" + ElementTree.tostring(root, encoding="unicode", method="html")


def _tighten(document: Any, root: Element) -> bool:
    """Mark ``[data-gp-one-page]`` elements that run onto a second page ``data-gp-tight`` (their
    stylesheet sets them tighter); whether any was."""
    wanted = {id(e): e for e in root.iter() if e.get("data-gp-one-page") is not None}
    pages: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages):
        for box in _walk(_root(page._page_box)):
            if id(box.element) in wanted:
                pages.setdefault(id(box.element), set()).add(number)
    over = [wanted[key] for key, found in pages.items() if len(found) > 1]
    for element in over:
        element.set("data-gp-tight", "")
    return bool(over)


def _tighten_parts(
    document: Any, parts: list[Element], parents: dict[Element, Element]
) -> list[Element]:
    """Mark ``data-gp-tight`` each part that runs onto a last page by a few lines only (more
    than TAIL_EMPTY of it empty, the part begun on an earlier page), or that leaves a small gap
    (up to SMALL_GAP of a page) before a block that would not fit: its stylesheet sets it a
    little tighter, which may take those lines back, or the block up; the parts marked."""
    pages = [page._page_box for page in document.pages]
    marked = [
        end.before
        for end in part_ends(document, parts, TAIL_EMPTY)
        if end.page > 0 and id(end.before) in _elements(pages[end.page - 1])
    ]
    owners = {id(part): part for part in parts}
    for gap in gaps(document):
        if gap.space <= SMALL_GAP * pages[gap.page].height:
            node: Element | None = gap.before
            while node is not None and id(node) not in owners:
                node = parents.get(node)
            if node is not None:
                marked.append(node)
    for part in marked:
        part.set("data-gp-tight", "")
    return list({id(part): part for part in marked}.values())


def _fill(found: list[Gap], pool: Element, parents: dict[Element, Element]) -> int:
    """Put a filler in each gap, sized to it: its part's own (with the part's question), or the
    plain one when the part holds its own already; the number put."""
    fillers = {f.get("data-gp-for"): f for f in pool.findall("*[@data-gp-fill='gap']")}
    plain = pool.find("*[@data-gp-fill='notes']")
    added = 0
    for gap in found:
        part = _part_of(gap.before, parents, fillers)
        height = gap.space - SAFETY_PX
        parent = parents.get(gap.before)
        if part is None or parent is None or parent.tag not in _FLOW or height < SMALLEST_PX:
            continue
        held = part.find(".//*[@data-gp-fill='gap']") is not None
        filler = plain if held and plain is not None else fillers[part.get("id")]
        clone = copy.deepcopy(filler)
        clone.set("style", f"height: {height:.1f}px")
        parent.insert(list(parent).index(gap.before), clone)
        parents[clone] = parent
        added += 1
    return added


def _fill_ends(ends: list[Gap], pool: Element) -> list[tuple[Element, Element]]:
    """Put a filler below the end of each part in ``ends`` (``before``: the part), sized to the
    space left: the part's own, or the plain one when the part holds its own already; the
    (part, filler) pairs put."""
    fillers = {f.get("data-gp-for"): f for f in pool.findall("*[@data-gp-fill='gap']")}
    plain = pool.find("*[@data-gp-fill='notes']")
    added = []
    for end in ends:
        own = fillers.get(end.before.get("id"))
        held = end.before.find(".//*[@data-gp-fill='gap']") is not None
        filler = plain if held or own is None else own
        height = end.space - SAFETY_PX
        if filler is None or height < SMALLEST_PX:
            continue
        clone = copy.deepcopy(filler)
        clone.set("style", f"height: {height:.1f}px")
        end.before.append(clone)
        added.append((end.before, clone))
    return added


def _round(pages: int, root: Element, pool: Element, parents: dict[Element, Element]) -> int:
    """Add the pool's pages before the end so the count is a multiple of what it asks."""
    extra = -pages % int(pool.get("data-gp-pages-multiple") or 1)
    end = root.find(".//*[@data-gp-end]")
    offered = pool.findall("*[@data-gp-fill='page']")
    if not extra or end is None or not offered:
        return 0
    parent = parents[end]
    for n in range(extra):
        clone = copy.deepcopy(offered[min(n, len(offered) - 1)])
        for node in clone.iter():  # ids stay unique when a page is used twice
            for name in ("id", "aria-labelledby"):
                if node.get(name):
                    node.set(name, f"{node.get(name)}-{n + 1}")
        parent.insert(list(parent).index(end), clone)
    return extra


def _deferrable(gap: Gap, parents: dict[Element, Element]) -> Element | None:
    """The deferrable figure that opens ``gap.before`` (a ``[data-gp-defer]`` right after its
    heading) when text follows it in its section, else None."""
    figure = gap.before if gap.before.get("data-gp-defer") is not None else None
    if figure is None:
        children = [c for c in gap.before if c.tag not in ("aside",)]
        if len(children) > 1 and children[1].get("data-gp-defer") is not None:
            figure = children[1]
    if figure is None or figure not in parents:
        return None
    parent = parents[figure]
    return figure if list(parent)[-1] is not figure else None


def _defer(gap: Gap, parents: dict[Element, Element]) -> bool:
    """Move the deferrable figure that opens ``gap.before`` to the end of its section, below the
    text that follows it: that text fills the gap, and the figure sums the section up rather
    than part its text; False when there is no such figure, or nothing follows it."""
    figure = _deferrable(gap, parents)
    if figure is None:
        return False
    parent = parents[figure]
    parent.remove(figure)
    parent.append(figure)
    return True


@dataclass(frozen=True)
class _Alone:
    """Parts laid out alone: that layout, its gaps, and the page count of the whole document
    with the parts as they are laid out here."""

    document: Any
    gaps: list[Gap]
    pages: int


def _measure_alone(
    laid: Layout, tight: list[Element], parents: dict[Element, Element]
) -> _Alone | None:
    """Lay out the ``tight`` parts alone, everything else hidden, when each one is a run of whole
    pages of ``laid`` (a forced break before it and after it): such a part's pages do not depend
    on what comes before or after it. None when one is not."""
    pages = [page._page_box for page in laid.document.pages]
    spans = []
    for part in tight:
        own = {id(node) for node in part.iter()} | {id(node) for node in _ancestors(part, parents)}
        span = [n for n, page in enumerate(pages) if id(part) in _elements(page)]
        if not span or span != list(range(span[0], span[-1] + 1)):
            return None
        first, last = span[0], span[-1]
        if any(_elements(pages[n]) - own for n in span):
            return None  # the part shares a page
        if first:  # a page break not forced would have dropped its margin above
            start = _first_new(_root(pages[first]), _elements(pages[first - 1]))
            if start is None or start.element is not part or not _forced(start):
                return None
        if last + 1 < len(pages):
            following = pages[last + 1]
            after = _first_new(_root(following), _elements(pages[last]))
            same = following.page_type.name == pages[last].page_type.name
            if same and (after is None or not _forced(after)):
                return None
        spans.append(len(span))
    keep = {id(node): node for part in tight for node in _ancestors(part, parents)}
    inside = {id(part) for part in tight}
    hidden = []
    for node in keep.values():
        for child in node:
            # <head> keeps its stylesheets; nothing inside a part is hidden.
            if id(child) not in keep and id(node) not in inside and child.tag != "head":
                hidden.append((child, child.get("style")))
                child.set("style", "display: none !important")
    try:
        measured = relayout(laid)
    finally:
        for child, style in hidden:
            if style is None:
                del child.attrib["style"]
            else:
                child.set("style", style)
    document = measured.document
    whole = len(pages) - sum(spans) + len(document.pages)
    return _Alone(document, gaps(document), whole)


def _ancestors(element: Element, parents: dict[Element, Element]) -> list[Element]:
    found = []
    node: Element | None = element
    while node is not None:
        found.append(node)
        node = parents.get(node)
    return found


def gaps(document: Any, most_empty: float = MOST_EMPTY) -> list[Gap]:
    """Pages more than ``most_empty`` empty whose next page starts without a forced break."""
    pages = [page._page_box for page in document.pages]
    seen = [_elements(page) for page in pages]
    found = []
    for index in range(len(pages) - 1):
        page = pages[index]
        top = page.content_box_y()
        bottom = top + page.height
        # A block that begins here with nothing but a float (a side note before its heading)
        # goes on over the page: it starts the gap, and its float is part of it.
        stranded = _stranded(page, seen[index + 1])
        space = bottom - _content_bottom(page, top, stranded)
        if space <= most_empty * page.height:
            continue
        if pages[index + 1].page_type.name != page.page_type.name:
            continue  # a named page begins (a part, the back cover): a forced break
        start = stranded or _first_new(_root(pages[index + 1]), seen[index])
        if start is None or _forced(start):
            continue
        found.append(Gap(index, space, start.element))
    return found


def _stranded(page: Any, following: set[int]) -> Any:
    """The last block on ``page`` that holds only floats here and goes on on the next page (whose
    elements are ``following``), else None."""
    found = None
    for box in _walk(_root(page)):
        children = getattr(box, "children", None)
        if (
            children
            and box.element is not None
            and type(box).__name__ == "BlockBox"
            and box.is_in_normal_flow()
            and all(not child.is_in_normal_flow() for child in children)
            and id(box.element) in following
        ):
            found = box
    return found


def part_ends(document: Any, parts: list[Element], most_empty: float = END_EMPTY) -> list[Gap]:
    """The pages where one of ``parts`` ends more than ``most_empty`` empty: a part page that
    a forced break (a part, the back matter) or nothing follows. ``before`` is the part."""
    pages = [page._page_box for page in document.pages]
    offered = {id(part) for part in parts}
    found = []
    for index, page in enumerate(pages):
        following = pages[index + 1] if index + 1 < len(pages) else None
        if following is not None and following.page_type.name == page.page_type.name:
            start = _first_new(_root(following), _elements(page))
            if start is None or not _forced(start):
                continue  # the part goes on over the page
        top = page.content_box_y()
        space = top + page.height - _content_bottom(page, top)
        if space <= most_empty * page.height:
            continue
        ends = [box.element for box in _walk(_root(page)) if id(box.element) in offered]
        if ends:
            found.append(Gap(index, space, ends[-1]))
    return found


def _root(page: Any) -> Any:
    return next(c for c in page.children if type(c).__name__ != "MarginBox")


def _walk(box: Any) -> Any:
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def _elements(page: Any) -> set[int]:
    return {id(box.element) for box in _walk(_root(page)) if box.element is not None}


def _content_bottom(page: Any, top: float, leave: Any = None) -> float:
    """The lowest edge of what the page shows: text lines, images, boxes with no children
    (rules, bars, empty cells), boxes with a bottom border or a background (a panel, a table
    cell), floats included; ``leave``: a box whose content does not count."""
    lowest = top
    left = {id(box) for box in _walk(leave)} if leave is not None else set()
    for box in _walk(_root(page)):
        if id(box) in left:
            continue
        leaf = not getattr(box, "children", None) or type(box).__name__ == "LineBox"
        if not leaf and box is not page and box.element_tag not in ("html", "body"):
            leaf = box.border_bottom_width > 0 or box.style["background_color"].alpha > 0
        if leaf and box.height and not box.is_absolutely_positioned():
            lowest = max(lowest, box.border_box_y() + box.border_height())
    return lowest


def _first_new(box: Any, before: set[int]) -> Any:
    """The outermost box that starts on this page: going down the first children of boxes that
    carry on from the page before; None when the page starts inside a paragraph."""
    while True:
        children = getattr(box, "children", None)
        if not children:
            return None
        child = children[0]
        if type(child).__name__ == "LineBox" or not child.is_in_normal_flow():
            return None
        if child.element is box.element or id(child.element) in before:
            box = child
            continue
        return child


def _forced(box: Any) -> bool:
    """Whether ``box`` or the boxes it starts with begin with a forced page break."""
    while box is not None:
        if box.style["break_before"] in _FORCED:
            return True
        children = getattr(box, "children", None)
        box = children[0] if children and type(children[0]).__name__ != "LineBox" else None
    return False


def _part_of(
    element: Element, parents: dict[Element, Element], fillers: dict[str | None, Element]
) -> Element | None:
    """The nearest enclosing element that has a filler of its own (its part)."""
    node: Element | None = element
    while node is not None:
        if node.get("id") in fillers:
            return node
        node = parents.get(node)
    return None
