"""Pagination like an editor: after layout, a page that the next block left more than 15 %
empty has its own blocks set a little apart to close the gap, else gets a designed panel in it;
a part that ends more than half empty on its last page may get one below its end; and the page
count is rounded up with designed pages.

Blocks that must stay whole (a diagram, a short list, a side note) move to the next page when
they do not fit, and leave a gap. Where the next page does not open with a forced break (a new
part, the back cover), the gap is shared out between the blocks that begin on its page (a
little more space above each, SPREAD_PX at most), or filled with one of the document's own
fillers, sized to it: the page keeps its content and the next page starts as before, so one
more layout settles everything. Write-in panels are the last resort: ``data-gp-panels`` of them
at most (else MOST_PANELS), never a kind twice. The document says what it offers
(guide.html.j2): a hidden pool ``[data-gp-fillers]`` with ``data-gp-pages-multiple`` and
``data-gp-panels``, gap fillers ``[data-gp-fill=gap]`` (``data-gp-for``: the id of the part they
belong to; ``data-gp-after``: the id of the section their question asks about, which they may
only follow), a plain one ``[data-gp-fill=notes]``, panels with rows for a part's end
``[data-gp-fill=end]`` (``data-gp-kind``), and page fillers ``[data-gp-fill=page]``, inserted
before ``[data-gp-end]``. An element that must be one page (``[data-gp-one-page]``) and runs
over is marked ``data-gp-tight`` and laid out again. A document without a pool is left as it
is.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise, takewhile
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
PX_PER_MM = 96 / 25.4
_FORCED = {"page", "left", "right", "recto", "verso"}
#: A part's last page may be this much empty before a panel goes below the part's end: less
#: reads as the part ending (issue 14 exempts the page before a part opens from the 15 % rule),
#: more as a hole.
END_EMPTY = 0.50
#: A gap inside a part is shared out between the blocks that begin on its page when each takes
#: this much more space above it at most (CSS px): a page a little more open reads as set,
#: more as loose.
SPREAD_PX = 5 * PX_PER_MM
#: Between sections a little more (space there reads as structure), between a list's items a
#: little only (3 pt: more reads as a list set double-spaced), below a heading nothing.
SECTION_PX = 7 * PX_PER_MM
ITEM_PX = 4.0
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "header", "dt"}
#: The blocks that may take a little more space above them (never inside a table, a float, a
#: diagram or a box with a border or a background: their space would show inside).
_SPREAD = {"section", "p", "ul", "ol", "li", "h3", "h4", "div", "dl", "dt", "dd"}
#: The boxes a table (a list in two columns) is made of inside its wrapper, which takes the
#: table's space: they take none (a cell's would set it below the cells beside it).
_TABLE_PARTS = {"TableBox", "TableRowGroupBox", "TableRowBox", "TableCellBox"}
#: A diagram that takes its heading to the next page and leaves this one more than this empty
#: (a part's opener alone) goes below its section's text instead, under its own title; so does
#: one whose gap is still there when everything else was tried and its page's blocks cannot
#: take it (a panel before a diagram reads as padding, its section's own text does not).
HALF_EMPTY = 0.5
#: The most write-in panels a document takes when its pool does not say (data-gp-panels): more
#: read as padding.
MOST_PANELS = 2
#: A part whose last page is more than this empty ends on a few lines: it is set tighter; so is
#: a part with a gap of up to SMALL_GAP of a page, which a little less space may close.
TAIL_EMPTY = 0.75
SMALL_GAP = 0.22
#: A block kept whole whose ink misses the foot of its page by this much at most (CSS px) may
#: fit there when its part is set a step or two tighter (``_tighten_misses``), rather than leave a
#: gap for a write-in panel in the middle of a part (review 7: a 10-item list missed the
#: physical therapist's A4 p4 by 3.6 mm, the electrician's Letter p4 by 11 mm, and a notes
#: panel 110-120 mm high stood between two sections). A step takes about 7 mm out of a section
#: with a list of ten, two steps about 14 mm: a block that misses by more than MISS_STEP_PX
#: takes two.
MISS_PX = 12 * PX_PER_MM
MISS_STEP_PX = 6 * PX_PER_MM
#: A list kept whole (up to ten items) of this many items or more that still leaves a gap no
#: other step closed splits (``_split_lists``), two items on each side at least, rather than
#: leave the gap for a write-in panel in the middle of a part (review 8: a list of ten missed
#: the physical therapist's Letter p4 by 21 mm). A shorter one splits too few lines to matter.
SPLIT_ITEMS = 6
#: A part's head (its band, where parts run on) keeps this many lines of its first section on
#: its page (its heading and a line of text, or a diagram's first row), else it opens the next.
HEAD_LINES = 3
#: A part opens a page unless the part before it leaves at least this much of its last page's
#: text area empty: then it runs on there under a smaller band (``data-gp-run-on``; sixth
#: review: the physical therapist's p7 70 % empty). Less room would set the band low on the
#: page; a run-on band that starts lower than KEEP_RUN_ON from the foot (the pages above it
#: moved), or that its first section's heading and lines do not follow on its page, opens a
#: page again.
RUN_ON = 0.40
KEEP_RUN_ON = 0.34
#: A run-on band keeps with its first section's heading and at least this many lines.
RUN_ON_LINES = 2
#: Layouts the run-on step may take at most (each settles the parts that the last one moved).
RUN_ON_ROUNDS = 4
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
    # Every layout before the last only feeds the next step's measurements: it lays out only
    # the runs of pages (between forced breaks) that show what the step changed, and splices
    # their pages into the rest (``_lay_out``); the last layout is always the whole document
    # (running heads, contents page numbers, page X of Y).
    before = _state(root)
    one_page = _tighten(laid.document, root) + _split_long_runs(laid.document, root, parents)
    tight = _tighten_parts(laid.document, parts, parents)
    # A block kept whole that misses its page by a few mm sets its part a step or two tighter,
    # rather than leave a gap for a panel (review 7: the physical therapist's p4).
    tight += _tighten_misses(laid.document, parts, parents)
    document, stale = laid.document, False  # stale: ``laid`` is not the tree as it now is
    if one_page or tight:
        laid, document, stale = _lay_out(laid, document, before)
        before = _state(root)
    # A part runs on below the end of the part before it when that part's last page has room
    # for its band and first lines (RUN_ON), rather than leave the room empty (a part that
    # runs on is laid out with the run of pages before it, which it joins).
    laid, document = _run_on(laid, document, parts, parents)
    stale, before = document is not laid.document, _state(root)
    # One more layout for both: a figure that may wait for its section's text, and a part that
    # still ends on a few lines set tighter still.
    moved = sum(
        _defer(_opening(document, gap, parts), parents) for gap in gaps(document, HALF_EMPTY)
    )
    if moved + _tighten_more(document, parts):
        laid, document, stale = _lay_out(laid, document, before)
        before = _state(root)
    # Like an editor: a block that must stay whole and moved to the next page lets the text
    # that follows it fill the gap, and opens the next page itself (a figure floating to the
    # top of the next page).
    # A section whose side notes do not all fit beside its heading sends the rest down beside
    # its text (``_sink_sides``), rather than go to the next page whole.
    openings = [_opening(document, gap, parts) for gap in gaps(document)]
    if sum(_pull(document, gap, parents) or _sink_sides(document, gap) for gap in openings):
        laid, document, stale = _lay_out(laid, document, before)
        before = _state(root)
        # Text that ran on after the block it let first may end its part on a few lines: that
        # part is set tighter (or tighter still), as at first.
        if _tighten_tails(document, parts):
            laid, document, stale = _lay_out(laid, document, before)
            before = _state(root)
    # A diagram that still leaves a gap its page's blocks cannot take goes below its section's
    # text, which fills the page (the shorter skill lists of review 4 left the ladder's heading
    # and chart a quarter of a page too low).
    # A part's head that ends its page without its first lines goes to the next page with them
    # (one layout with the late diagrams: they do not move a page's last block).
    # A list kept whole that leaves such a gap splits (two items on each side at least), rather
    # than leave a hole for a panel in the middle of a part (``_split_lists``).
    stuck = [gap for gap in gaps(document) if not _spreadable(document, gap)]
    deferred = sum(_defer(gap, parents, True) for gap in stuck)
    deferred += _split_lists(document, stuck, parents)
    if deferred + _keep_heads(document, parts):
        laid, document, stale = _lay_out(laid, document, before)
    # The steps above may have moved a part's end up its page: the part after it runs on there
    # rather than take a panel below it.
    laid, document = _run_on(laid, document, parts, parents)
    stale, before = document is not laid.document, _state(root)
    # A part that ran on there may leave a small gap that its page's blocks cannot take (a case
    # study whose takeaway misses the page by a few points goes over whole): it is set a step
    # tighter, as a part with a gap was at first.
    if _tighten_gaps(document, parts, parents):
        laid, document, stale = _lay_out(laid, document, before)
        before = _state(root)
    # The steps since the first may leave a part ending on a few lines of a page of their own
    # (issue 14: a booklet chapter's occupation note below its sources, after the heads and
    # diagrams moved): that part is set tighter (or tighter still), as at first.
    if _tighten_tails(document, parts):
        laid, document, stale = _lay_out(laid, document, before)
    # Space first, panels last: a gap the page's own blocks can take, a little further apart
    # each, is closed so; what remains may take a panel.
    found = gaps(document)
    spread = [gap for gap in found if _spread(document, gap)]
    rest = [gap for gap in found if gap not in spread]
    chosen = _choose(rest, part_ends(document, parts), pool, parents)
    panels = _fill(chosen, parents)
    # A gap that takes no panel either takes what its blocks can under their caps.
    filled = {id(spot.gap) for spot in chosen}
    spread += [gap for gap in rest if id(gap) not in filled and _spread(document, gap, True)]
    ends = [(part, panel) for spot, (part, panel) in zip(chosen, panels, strict=True) if spot.end]
    pages = len(document.pages)
    pages += (rounded := _round(pages, root, pool, parents))
    if not (panels or rounded or spread):
        return relayout(laid) if stale else laid
    settled = relayout(laid)
    if ends and len(settled.document.pages) > pages:
        # A panel below a part's end ran onto a page of its own (the page showed less than it
        # held): that part ends short rather than on a panel alone (all of them, when which
        # one cannot be told).
        over = _ran_over(settled.document, ends) or ends
        for part, filler in over:
            part.remove(filler)
        settled = relayout(laid)
    # Space and panels set on a page may still push a run-on band down to a page's top (the
    # electrician's in German): that part opens its page after all.
    if _unmark_run_on(settled.document, parts):
        settled = relayout(laid)
    return settled


def _unmark_run_on(document: Any, parts: list[Element]) -> int:
    """Unmark each run-on part of ``document`` whose band does not run on well; how many."""
    pages = [page._page_box for page in document.pages]
    bad = [
        part
        for part in parts
        if part.get("data-gp-run-on") is not None and not _runs_on_at(pages, part)
    ]
    for part in bad:
        del part.attrib["data-gp-run-on"]
        # Space set above it mid-page (``_spread``) would lower its band at the page's top.
        kept = [rule for rule in (part.get("style") or "").split(";")
                if rule.strip() and not rule.strip().startswith("padding-top")]  # fmt: skip
        if kept:
            part.set("style", ";".join(kept))
        else:
            part.attrib.pop("style", None)
    return len(bad)


def _runs_on_at(pages: list[Any], part: Element) -> bool:
    """Whether run-on ``part`` runs on well (``_runs_on_well``) where it begins in ``pages``."""
    first = next((n for n, page in enumerate(pages) if id(part) in _elements(page)), None)
    if first is None:
        return True
    following = pages[first + 1] if first + 1 < len(pages) else None
    return _runs_on_well(pages[first], following, part)


def _run_on(
    laid: Layout, document: Any, parts: list[Element], parents: dict[Element, Element]
) -> tuple[Layout, Any]:
    """``laid`` and its pages ``document`` laid out again (``_lay_out``) with each part that
    opens a page below a last page of the part before it with RUN_ON of its text area left
    marked ``data-gp-run-on`` (its stylesheet lets it run on under a smaller band), and each
    marked part whose band then starts too low or stands apart from its first lines unmarked
    for good; as they were when no part was marked. Each layout may move the parts after a
    change: up to RUN_ON_ROUNDS rounds settle them, the last of which only unmarks."""
    refused: set[int] = set()
    deferred: dict[int, Callable[[], None]] = {}  # a part's figure moved, and how to move it back
    root = laid.source.etree_element
    for round_ in range(RUN_ON_ROUNDS):
        # The last round only takes marks back: its layout is not checked again.
        last = round_ == RUN_ON_ROUNDS - 1
        before = _state(root)
        changed = False
        pages = [page._page_box for page in document.pages]
        starts: dict[int, int] = {}  # the page each element begins on
        for number, page in reversed(list(enumerate(pages))):
            starts.update(dict.fromkeys(_elements(page), number))
        for part in parts:
            previous = _previous_part(part, parts, parents)
            first = starts.get(id(part))
            if previous is None or id(part) in refused or not first:
                continue
            if part.get("data-gp-run-on") is not None:
                if _runs_on_at(pages, part):
                    continue
                changed = True
                # A diagram that opens the first section and does not fit below the band goes
                # below its section's text (as where it would leave a page half empty), once.
                section = next((c for c in part if _is_section(c)), None)
                if not last and id(part) not in deferred and section is not None:
                    undo = _deferred_figure(section, parents)
                    if undo is not None:
                        deferred[id(part)] = undo
                        continue
                del part.attrib["data-gp-run-on"]
                refused.add(id(part))
                if id(part) in deferred:
                    deferred.pop(id(part))()
            elif not last and _room_after(pages[first - 1], pages[first], previous, part) >= RUN_ON:
                part.set("data-gp-run-on", "")
                changed = True
        if not changed:
            break
        laid, document, _ = _lay_out(laid, document, before)
    return laid, document


def _deferred_figure(
    section: Element, parents: dict[Element, Element]
) -> Callable[[], None] | None:
    """Set the diagram that opens ``section`` below its text (``_defer``) and return what puts
    it back; None when the section opens with no such diagram."""
    children = [c for c in section if c.tag != "aside"]
    figure = children[1] if len(children) > 1 else None
    if figure is None or figure.get("data-gp-deferred") is not None:
        return None
    parent = parents[figure]
    at = list(parent).index(figure)
    if not _defer(Gap(0, 0.0, section), parents):
        return None

    def undo() -> None:
        parent.remove(figure)
        parent.insert(at, figure)
        del figure.attrib["data-gp-deferred"]

    return undo


def _previous_part(
    part: Element, parts: list[Element], parents: dict[Element, Element]
) -> Element | None:
    """The part just before ``part`` in their common parent, else None (the first part, or a
    booklet chapter's first)."""
    parent = parents.get(part)
    siblings = [c for c in parent if c.get("data-gp-fill") is None] if parent is not None else []
    at = siblings.index(part) if part in siblings else 0
    offered = {id(p) for p in parts}
    return siblings[at - 1] if at and id(siblings[at - 1]) in offered else None


def _room_after(page: Any, following: Any, before: Element, part: Element) -> float:
    """The share of ``page``'s text area left below its content when ``page`` ends ``before``
    and the next page, ``following`` (of the same name), opens with ``part`` on a forced break;
    else 0."""
    if following.page_type.name != page.page_type.name or id(before) not in _elements(page):
        return 0.0
    start = _first_new(_root(following), _elements(page))
    if start is None or start.element is not part or not _forced(start):
        return 0.0
    top = page.content_box_y()
    return float((top + page.height - _content_bottom(page, top)) / page.height)


def _runs_on_well(page: Any, following: Any, part: Element) -> bool:
    """Whether ``part``'s band stands on ``page`` below other content (not opening the page),
    with KEEP_RUN_ON of the text area from its top down, and with its first section's heading
    and RUN_ON_LINES lines of the block after it (or all of it) on the same page; ``following``:
    the next page, or None."""
    boxes = list(_walk(_root(page)))
    own = next((b for b in boxes if b.element is part), None)
    head = next((c for c in part if c.tag == "header"), None)
    section = next((c for c in part if _is_section(c)), None)
    if own is None or head is None or section is None:
        return False
    band = next((b for b in boxes if b.element is head), None)
    top = page.content_box_y()
    if band is None or own.position_y <= top + 1:
        return False  # at the top of a page (its margin kept): an opener, but the wrong one
    if top + page.height - own.position_y < KEEP_RUN_ON * page.height:
        return False
    body = [c for c in section if c.tag != "aside"]
    if not body or not any(b.element is body[0] for b in boxes):
        return False
    if len(body) < 2:
        return True
    block = next((b for b in boxes if b.element is body[1]), None)
    if block is None:
        return False
    lines = sum(1 for b in _walk(block) if type(b).__name__ == "LineBox")
    whole = following is None or id(body[1]) not in _elements(following)
    return whole or lines >= RUN_ON_LINES


def _ran_over(document: Any, ends: list[tuple[Element, Element]]) -> list[tuple[Element, Element]]:
    """The (part, panel) pairs of ``ends`` whose panel starts a page of ``document``."""
    pages = [page._page_box for page in document.pages]
    starts = {
        id(start.element)
        for before, page in pairwise(pages)
        if (start := _first_new(_root(page), _elements(before))) is not None
    }
    return [(part, panel) for part, panel in ends if id(panel) in starts]


def end_panels(laid: Layout) -> tuple[str, ...]:
    """The kinds (``data-gp-kind``) of the panels the paginator set below a part's end in
    ``laid``'s tree, in order: a booklet's end leaves out a designed page of what a chapter
    printed (review 8: the questions to ask on a page of their own)."""
    root = laid.source.etree_element if laid.source is not None else None
    pool = root.find(".//*[@data-gp-fillers]") if root is not None else None
    if root is None or pool is None:
        return ()
    offered = {id(node) for node in pool.iter()}
    return tuple(
        node.get("data-gp-kind") or "rows"
        for node in root.iter()
        if node.get("data-gp-fill") == "end" and id(node) not in offered
    )


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


def _split_long_runs(document: Any, root: Element, parents: dict[Element, Element]) -> bool:
    """Mark ``data-gp-keep="split"`` each run of ``[data-gp-keep]`` siblings (a list kept whole)
    that runs over more than two pages, or over two from the top of one: longer than a page, it
    cannot be whole, and kept so it only leaves a hole before it; whether any was."""
    pages: dict[int, set[int]] = {}
    tops: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages):
        before = _elements(document.pages[number - 1]._page_box) if number else set()
        for box in _walk(_root(page._page_box)):
            if box.element is not None and box.element.get("data-gp-keep") is not None:
                pages.setdefault(id(box.element), set()).add(number)
                if id(box.element) not in before:
                    tops.setdefault(number, set()).add(id(box.element))
    runs: list[list[Element]] = []
    for element in root.iter():
        if element.get("data-gp-keep") is None:
            continue
        parent = parents.get(element)
        siblings = list(parent) if parent is not None else []
        at = siblings.index(element) if parent is not None else 0
        if at and siblings[at - 1].get("data-gp-keep") is not None and runs:
            runs[-1].append(element)
        else:
            runs.append([element])
    split = False
    for run in runs:
        spread = set().union(*(pages.get(id(e), set()) for e in run))
        first = min(spread) if spread else 0
        whole_page = id(run[0]) in tops.get(first, set()) and _opens_page(document, first, run[0])
        if len(spread) > 2 or (len(spread) == 2 and whole_page):
            for element in run[1:]:
                element.set("data-gp-keep", "split")
            split = True
    return split


def _opens_page(document: Any, number: int, element: Element) -> bool:
    """Whether ``element`` is the first new block of page ``number``."""
    if not number:
        return False
    before = _elements(document.pages[number - 1]._page_box)
    start = _first_new(_root(document.pages[number]._page_box), before)
    while start is not None and start.element is not element:
        children = [c for c in getattr(start, "children", ()) if c.is_in_normal_flow()]
        start = children[0] if children and type(children[0]).__name__ != "LineBox" else None
    return start is not None


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
    marked += _small_gaps(document, parts, parents)
    for part in marked:
        part.set("data-gp-tight", "")
    return list({id(part): part for part in marked}.values())


def _small_gaps(
    document: Any,
    parts: list[Element],
    parents: dict[Element, Element],
    closes: Callable[[Gap], bool] = lambda gap: False,
) -> list[Element]:
    """The parts of ``parts`` with a gap of up to SMALL_GAP of a page, once each; ``closes``:
    the gaps that need not count (closed by other means)."""
    pages = [page._page_box for page in document.pages]
    owners = {id(part): part for part in parts}
    found: dict[int, Element] = {}
    for gap in gaps(document):
        if gap.space <= SMALL_GAP * pages[gap.page].height and not closes(gap):
            node: Element | None = gap.before
            while node is not None and id(node) not in owners:
                node = parents.get(node)
            if node is not None:
                found[id(node)] = node
    return list(found.values())


def _tighten_gaps(document: Any, parts: list[Element], parents: dict[Element, Element]) -> int:
    """Set each part with a small gap (up to SMALL_GAP of a page) a step tighter than it is
    (``data-gp-tight``, then ``"more"``): a part that runs on below another may leave one that
    its first layout did not (a case study whose takeaway misses the page's foot by a few
    points); the number marked. Only a part that a forced break ends (the next part opens a
    page, or none follows): one that the next part runs on below would move every part after
    it, which the run-on step has settled (a very long role's part 2, set tighter, left the
    pros and cons breaking 17 + 3 rows onto a page 82 % empty)."""
    found = _small_gaps(document, parts, parents, lambda gap: _spreadable(document, gap))
    runs_on = {id(a) for a, b in pairwise(parts) if b.get("data-gp-run-on") is not None}
    marked = [
        part for part in found if part.get("data-gp-tight") != "more" and id(part) not in runs_on
    ]
    for part in marked:
        part.set("data-gp-tight", "more" if part.get("data-gp-tight") is not None else "")
    return len(marked)


def _tighten_misses(
    document: Any, parts: list[Element], parents: dict[Element, Element]
) -> list[Element]:
    """Mark each part with a gap that its page's blocks cannot take, left by a block kept whole
    whose ink misses the page by MISS_PX at most, a step tighter (``data-gp-tight``), or two
    (``"more"``) when it misses by more than MISS_STEP_PX: the block may fit then, and only a
    gap it still leaves takes a panel; the parts marked."""
    owners = {id(part): part for part in parts}
    marked: dict[int, Element] = {}
    for gap in gaps(document):
        miss = _miss(document, gap)
        if miss is None or not 0 < miss <= MISS_PX or _spreadable(document, gap):
            continue
        part: Element | None = gap.before
        while part is not None and id(part) not in owners:
            part = parents.get(part)
        if part is None or part.get("data-gp-tight") == "more":
            continue
        more = miss > MISS_STEP_PX or part.get("data-gp-tight") is not None
        part.set("data-gp-tight", "more" if more else "")
        marked[id(part)] = part
    return list(marked.values())


def _split_lists(document: Any, found: list[Gap], parents: dict[Element, Element]) -> int:
    """Let each list of SPLIT_ITEMS items or more kept whole (class ``keep``) that opens the
    page after one of ``found`` (itself, or its first block below its section's headings) split
    (the class taken off: its stylesheet keeps two items on each side of a break, ``.section >
    ul:not(.keep)``): it fills its gap rather than leave it for a write-in panel in the middle
    of a part (review 8: the physical therapist's Letter p4, a list of ten that missed the
    page by 21 mm, more than ``_tighten_misses`` takes); the number unmarked."""
    unmarked = 0
    for gap in found:
        opening = _kept_below(document, gap)
        if opening is None or opening[1].element_tag != "ul":
            continue
        element = opening[1].element
        classes = (element.get("class") or "").split()
        items = [c for c in element if c.tag == "li"]
        parent = parents.get(element)
        if "keep" not in classes or len(items) < SPLIT_ITEMS or parent is None:
            continue
        if not _is_section(parent):
            continue  # its two items on each side are kept only in a section's own list
        classes.remove("keep")
        if classes:
            element.set("class", " ".join(classes))
        else:
            del element.attrib["class"]
        unmarked += 1
    return unmarked


def _kept_below(document: Any, gap: Gap) -> tuple[Any, Any] | None:
    """The box of the block that opens the page after ``gap``, and the block kept whole that it
    opens with: itself, else its first block below its headings (a section's heading and its
    list of ten); None when it opens with text that may run over."""
    page = document.pages[gap.page + 1]._page_box
    box = next((b for b in _walk(_root(page)) if b.element is gap.before), None)
    kept = box
    while kept is not None and not _kept(kept):
        children = [c for c in getattr(kept, "children", ()) if c.is_in_normal_flow()]
        below = [c for c in children if c.element_tag not in ("h3", "h4")]  # its headings'
        kept = below[0] if below and type(below[0]).__name__ != "LineBox" else None
    return (box, kept) if kept is not None else None


def _miss(document: Any, gap: Gap) -> float | None:
    """By how much (CSS px) the ink of the block that opens the page after ``gap`` misses the
    gap: the block itself when it stays whole, else its first block kept whole below its
    headings (a section's heading and its list of ten), with the rows held to it (a short
    table's, ``break-before: avoid``); None when it opens with text that may run over."""
    opening = _kept_below(document, gap)
    if opening is None:
        return None
    box, kept = opening
    above = box.style["margin_top"].value if box.style["margin_top"].unit == "px" else 0.0
    last = kept
    if type(kept).__name__ == "TableRowBox":
        # A table's rows in order: a header row goes with the first row, and each row held to
        # the one above it with that one.
        group = next(b for b in _walk(box) if kept in getattr(b, "children", ()))
        table = next(b for b in _walk(box) if group in getattr(b, "children", ()))
        rows = [row for g in table.children if g.element_tag in ("thead", "tbody")
                for row in g.children]  # fmt: skip
        held = rows[rows.index(kept) + 1 :]
        if group.element_tag == "thead" and held:
            last, held = held[0], held[1:]
        for row in held:
            if row.style["break_before"] != "avoid":
                break
            last = row
    # Its own space below may fall into the page's foot.
    return float(above + last.border_box_y() + last.border_height() - box.position_y - gap.space)


def _tighten_tails(document: Any, parts: list[Element]) -> int:
    """Mark each part that runs onto a last page by a few lines (more than TAIL_EMPTY of it
    empty) ``data-gp-tight``, or ``"more"`` when it is already; the number marked (a part
    already ``"more"`` is not: its tree, and so its layout, would be the same)."""
    pages = [page._page_box for page in document.pages]
    marked = [
        end.before
        for end in part_ends(document, parts, TAIL_EMPTY)
        if end.page > 0
        and id(end.before) in _elements(pages[end.page - 1])
        and end.before.get("data-gp-tight") != "more"
    ]
    for part in marked:
        part.set("data-gp-tight", "more" if part.get("data-gp-tight") is not None else "")
    return len(marked)


def _tighten_more(document: Any, parts: list[Element]) -> int:
    """Mark ``data-gp-tight="more"`` each part set tighter that still runs onto a last page by a
    few lines (the sources' credit notes alone on a page): its stylesheet takes a little more
    space out between blocks; the number marked."""
    pages = [page._page_box for page in document.pages]
    tight = [part for part in parts if part.get("data-gp-tight") == ""]
    marked = [
        end.before
        for end in part_ends(document, tight, TAIL_EMPTY)
        if end.page > 0 and id(end.before) in _elements(pages[end.page - 1])
    ]
    for part in marked:
        part.set("data-gp-tight", "more")
    return len(marked)


@dataclass(frozen=True)
class _Spot:
    """Where a panel goes: before ``gap.before`` (a gap inside a part), or below the end of the
    part ``gap.before`` (``end``); ``filler``: the panel from the pool, ``kind``: what it is
    (``notes``, or its data-gp-kind)."""

    gap: Gap
    end: bool
    filler: Element
    kind: str


def _choose(
    found: list[Gap], ends: list[Gap], pool: Element, parents: dict[Element, Element]
) -> list[_Spot]:
    """A panel for the gaps inside parts (``found``) and the parts that end more than half empty
    (``ends``, ``before``: the part), within the pool's budget (``data-gp-panels``, else
    MOST_PANELS) and never a kind twice: a write-in panel is the last resort, and more than one
    or two in a guide read as padding (a pool marked ``data-gp-ends-only``, a booklet's chapter,
    offers panels below a part's end only). Gaps first, the largest first (a hole inside a part
    reads as a mistake, a part that ends short as its end), then part ends, the emptiest first.
    A gap takes notes (its part's, with its question, where it comes after the section the
    question asks about; else the plain ones), or a panel with rows that fits whole; a part's
    end only a panel with rows that fits whole, set at its own height (a notes panel stretched
    to the page's foot is padding). A space nothing may take stays as it is."""
    budget = int(pool.get("data-gp-panels") or MOST_PANELS)
    own = {f.get("data-gp-for"): f for f in pool.findall("*[@data-gp-fill='gap']")}
    plain = pool.find("*[@data-gp-fill='notes']")
    rows = pool.findall("*[@data-gp-fill='end']")
    inside = pool.get("data-gp-ends-only") is None  # a booklet's chapter: a part's end only
    spots = [(gap, False) for gap in found if inside and _fillable(gap, parents, own)]
    spots += [(end, True) for end in ends if end.space - SAFETY_PX >= SMALLEST_PX]
    used: set[str] = set()
    chosen: list[_Spot] = []
    for gap, end in sorted(spots, key=lambda spot: (spot[1], -spot[0].space)):
        if len(chosen) >= budget:
            break
        height = gap.space - SAFETY_PX
        with_rows = [(f, f.get("data-gp-kind") or "rows") for f in rows if _rows(f, height)]
        offered = with_rows
        if not end:
            part = _part_of(gap.before, parents, own)
            mine = own.get(part.get("id")) if part is not None else None
            if mine is not None and not _after_topic(gap.before, mine, parents):
                mine = None  # its question asks about a section still to come, or this one
            notes = [mine, plain]
            offered = [(f, "notes") for f in notes if f is not None] + with_rows
        for filler, kind in offered:
            if kind not in used:
                used.add(kind)
                chosen.append(_Spot(gap, end, filler, kind))
                break
    return sorted(chosen, key=lambda spot: spot.gap.page)


def _after_topic(element: Element, filler: Element, parents: dict[Element, Element]) -> bool:
    """Whether a panel set before ``element`` follows the whole section ``filler``'s question
    asks about (``data-gp-after``, an id): "which of these tasks" under the tasks, never above
    them or among them. True for a filler that names none; False when that section is missing."""
    topic = filler.get("data-gp-after")
    if topic is None:
        return True
    root = element
    while root in parents:
        root = parents[root]
    order = {id(node): n for n, node in enumerate(root.iter())}
    section = next((node for node in root.iter() if node.get("id") == topic), None)
    if section is None:
        return False
    return order[id(element)] > max(order[id(node)] for node in section.iter())


def _kept(box: Any) -> bool:
    """Whether ``box`` must stay whole (a diagram, a list of up to ten, a case, a side note)."""
    return bool(box.style["break_inside"] in ("avoid", "avoid-page"))


def _flexible(element: Element) -> bool:
    """Whether ``element`` is text that may run over a page or sit anywhere in its section: a
    paragraph, a list that may split."""
    kept = "keep" in (element.get("class") or "").split() or element.get("data-gp-keep") is not None
    return element.tag in ("p", "ul", "ol") and not kept and element.get("data-gp-figure") is None


def _pull(document: Any, gap: Gap, parents: dict[Element, Element]) -> bool:
    """Close ``gap`` left by a block that must stay whole (with its heading, or a run of
    ``[data-gp-keep]`` blocks) by moving the text that follows it in its section (paragraphs,
    lists that may split) before it: the text fills the gap and the block opens the next page.
    Only as much text as fills the gap, and only where the block then still fits on the next
    page; never a section (sections print in the contents' order); False (nothing moved)
    otherwise."""
    pages = [page._page_box for page in document.pages]
    boxes: dict[int, list[tuple[int, Any]]] = {}
    for number, page in enumerate(pages[gap.page + 1 : gap.page + 5]):
        for box in _walk(_root(page)):
            if box.element is not None:
                boxes.setdefault(id(box.element), []).append((number, box))
    where = {key: {number for number, _ in found} for key, found in boxes.items()}
    parent = parents.get(gap.before)
    if parent is None or parent.tag not in _FLOW:
        return False
    siblings = list(parent)
    at = siblings.index(gap.before)
    unit = [gap.before]
    if gap.before.tag in ("h3", "h4") and at + 1 < len(siblings):
        unit.append(siblings[at + 1])
    while (
        unit[-1].get("data-gp-keep") is not None
        and at + len(unit) < len(siblings)
        and siblings[at + len(unit)].get("data-gp-keep") is not None
    ):
        unit.append(siblings[at + len(unit)])
    if _is_section(gap.before):
        # A section that opens with a block that must stay whole (its heading with a diagram,
        # a table, a short list) keeps its place: sections print in the contents' order, and a
        # later one set before it would read out of order (sixth review, D). Its own diagram
        # may go below its text (``_defer``, later), else its page's blocks take the gap; a
        # diagram whose section goes on with a run of blocks (the ladder's tiers) and is
        # followed by plain text floats below that text instead (``_float``).
        return _float(document, gap, parents, boxes)
    if (
        unit[0].get("data-gp-keep") is not None
        and at
        and siblings[at - 1].get("data-gp-figure") is not None
        and id(siblings[at - 1]) in _elements(pages[gap.page])
    ):
        # The ladder's tiers, which followed their ladder onto its page and do not fit below
        # it whole: they go on from it there, a tier at a time (each may part after two
        # lines, the first too: a long first tier kept whole left the hole), rather than leave
        # a hole between the ladder and its words.
        changed = [e for e in unit if e.get("data-gp-keep") != "split"]
        for element in changed:
            element.set("data-gp-keep", "split")
        return bool(changed)
    first = boxes.get(id(unit[-1]))
    if not first or not _kept(first[0][1]) or len(where.get(id(unit[0]), ())) > 1:
        return False
    following = siblings[at + len(unit) :]
    unit_height = sum(_outer(boxes[id(e)]) for e in unit if id(e) in boxes)
    height = pages[gap.page].height
    need = gap.space - SAFETY_PX
    if need <= 0:
        return False  # no room for a line: the block and its heading went over together
    taken: list[Element] = []
    total = 0.0
    for element in following:
        # The text of the block's own section only: a section never comes before an earlier.
        if not _flexible(element) or id(element) not in boxes:
            break
        size = _outer(boxes[id(element)])
        if total + size > need:
            # Text that runs over the page: its rest goes above the block on the next page,
            # which must still hold the block.
            if total + size - need + unit_height <= height * (1 - MOST_EMPTY):
                taken.append(element)
                total += size
            break
        taken.append(element)
        total += size
    if not taken or need - min(total, need) > MOST_EMPTY * height:
        return False
    for element in taken:
        parent.remove(element)
    for offset, element in enumerate(taken):
        parent.insert(at + offset, element)
    return True


def _sink_sides(document: Any, gap: Gap) -> bool:
    """Close ``gap`` left before a section whose side notes (the floats it opens with, beside
    its heading) do not all fit below the page's content: those that fit stay beside the
    heading, the rest (all of them, if need be) go down the section before its first block
    that then begins on the next page (its heading, when one ends the page), so that the
    section's heading and first lines fill the page and the notes stand beside its text
    there. A side chart and its label are one block (review 7: they
    parted at a page's foot; kept as one they took their section to the next page and left a
    notes panel in its place). False when it does not apply."""
    section = gap.before
    if not _is_section(section):
        return False
    children = list(section)
    sides = list(takewhile(lambda child: child.tag == "aside", children))
    body = children[len(sides) :]
    # The notes it keeps on this page (a section that begins here with floats only, whose rest
    # went over) and the section's boxes on the next.
    boxes: dict[int, Any] = {}
    for page in (gap.page + 1, gap.page):
        for box in _walk(_root(document.pages[page]._page_box)):
            if box.element is not None:
                boxes.setdefault(id(box.element), box)
    own = boxes.get(id(section))
    if not sides or not body or own is None:
        return False
    # The notes stack from the top of the section's content, below its own space and padding
    # (the top of a page drops the one, a page that goes on with it the other).
    style = own.style
    space = sum(style[name].value for name in ("margin_top", "padding_top")
                if style[name].unit == "px")  # fmt: skip
    room = gap.space - SAFETY_PX - space
    fit, stacked = 0, 0.0
    for side in sides:
        stacked += boxes[id(side)].margin_height() if id(side) in boxes else room
        if stacked > room:
            break
        fit += 1
    # The first block of the section's text that begins below the room (or on a later page).
    start = own.content_box_y()
    later = next(
        (
            n
            for n, child in enumerate(body)
            if id(child) not in boxes or boxes[id(child)].position_y - start >= room
        ),
        None,
    )
    if fit == len(sides) or later is None or later < 2:
        return False  # the notes fit, or no line of its text would
    if later > 1 and body[later - 1].tag in ("h3", "h4"):
        later -= 1  # a heading goes over with its text: the notes go before it
    for side in sides[fit:]:
        section.remove(side)
    at = list(section).index(body[later])
    for offset, side in enumerate(sides[fit:]):
        section.insert(at + offset, side)
    return True


def _keep_heads(document: Any, parts: list[Element]) -> int:
    """Open the next page with each part of ``parts`` whose head (its band, ``header``) is on a
    page that shows fewer than HEAD_LINES lines of its first section after it: a band alone at
    a page's foot reads as a stray. WeasyPrint keeps the head with a section that opens with
    text (break-after: avoid), not always with one that opens with a side note (a float: a
    break between a float and the block after it is allowed, WeasyPrint issue 1751), and a
    section pulled or deferred after the layout may not fit. The part is marked to break
    before it (``style``); the number marked. A part that opens its page already is left."""
    pages = [page._page_box for page in document.pages]
    marked = 0
    for part in parts:
        head = next((c for c in part if c.tag == "header"), None)
        first = next((c for c in part if _is_section(c)), None)
        if head is None or first is None or "break-before: page" in (part.get("style") or ""):
            continue
        number = next((n for n, page in enumerate(pages) if id(head) in _elements(page)), None)
        if number is None or _opens_page(document, number, part):
            continue
        shown = [box for box in _walk(_root(pages[number])) if box.element is first]
        if sum(_lines(box) for box in shown) >= HEAD_LINES:
            continue
        style = part.get("style")
        own = "break-before: page; margin-top: 0"
        part.set("style", f"{style}; {own}" if style else own)
        marked += 1
    return marked


def _lines(box: Any) -> int:
    """The lines of text ``box`` shows in normal flow (a float's are beside it, not below)."""
    if type(box).__name__ == "LineBox":
        return 1
    children = getattr(box, "children", ())
    return sum(_lines(child) for child in children if child.is_in_normal_flow())


def _float(document: Any, gap: Gap, parents: dict[Element, Element], boxes: dict[int, Any]) -> bool:
    """Close ``gap`` before a section that opens with its heading and a diagram
    (``[data-gp-figure]``) followed by its own blocks kept whole (the ladder's tiers) and by
    sections of plain text, as an editor floats a figure: the section's heading and blocks stay
    (a block at a time, ``data-gp-keep="split"``), the diagram goes below the plain text of
    the next section under its own title (``data-gp-deferred``), and the headings keep the
    contents' order. Only when the next section's text would not fill the page's gap alone
    nor run on for more than a page. False when it does not apply."""
    section = gap.before
    head = [c for c in section if c.tag != "aside"]
    parent = parents.get(section)
    if len(head) < 3 or head[1].get("data-gp-figure") is None or parent is None:
        return False
    figure, rest = head[1], head[2:]
    if not all(e.get("data-gp-keep") is not None for e in rest):
        return False
    siblings = list(parent)
    after = siblings[siblings.index(section) + 1 :]
    if not after or not _is_section(after[0]) or id(after[0]) not in boxes:
        return False
    text = after[0]
    if not all(_flexible(c) or c.tag in ("h3", "aside") for c in text):
        return False
    height = document.pages[gap.page]._page_box.height
    if _outer(boxes[id(text)]) > height:
        return False
    section.remove(figure)
    parent.insert(siblings.index(text) + 1, figure)
    parents[figure] = parent
    figure.set("data-gp-deferred", "")
    for element in rest:
        element.set("data-gp-keep", "split")
    return True


def _opening(document: Any, gap: Gap, parts: list[Element]) -> Gap:
    """``gap``, or, when it is left before a part that runs on (a booklet's chapter, where parts
    open no page) because its first section opens with a block that must stay whole, the gap
    below the part's head before that section: the head goes wherever its section's first lines
    go, and a diagram may wait for the text after it (``_defer``, ``_pull``) as in a guide."""
    if not any(gap.before is part for part in parts):
        return gap
    head = next((c for c in gap.before if c.tag == "header"), None)
    first = next((c for c in gap.before if _is_section(c)), None)
    on_next = list(_walk(_root(document.pages[gap.page + 1]._page_box)))
    box = next((b for b in on_next if head is not None and b.element is head), None)
    part = next((b for b in on_next if b.element is gap.before), None)
    if first is None or box is None or part is None:
        return gap
    # The part's own space above it, which the top of a page drops and this page would show.
    above = part.style["margin_top"].value if part.style["margin_top"].unit == "px" else 0.0
    return Gap(gap.page, gap.space - box.margin_height() - above, first)


def _is_section(element: Element) -> bool:
    return element.tag == "section" and "section" in (element.get("class") or "").split()


def _outer(boxes: list[tuple[int, Any]]) -> float:
    """The height one element's ``boxes`` (page number, box) take with their margins: the
    outermost of each page's (a table's wrapper and the table are one element's)."""
    tallest: dict[int, float] = {}
    for page, box in boxes:
        tallest[page] = max(tallest.get(page, 0.0), box.margin_height())
    return float(sum(tallest.values()))


def _spread(document: Any, gap: Gap, partly: bool = False) -> bool:
    """Close ``gap`` by setting the blocks that begin on its page a little apart (padding above
    each, its share of the gap up to its cap, ``_shares``): the page then reaches its foot, or
    leaves at most MOST_EMPTY of it there, and the next page starts as before; False (nothing
    changed) when its blocks cannot take that much. ``partly``: as much as they can take (a gap
    nothing else fills), the rest left at the foot."""
    shares = _shares(document, gap, partly)
    if shares is None:
        return False
    for box, more in shares:
        if more <= 0:
            continue
        style = box.element.get("style")
        own = f"padding-top: {box.padding_top + more:.2f}px"
        box.element.set("style", f"{style}; {own}" if style else own)
    return True


def _spreadable(document: Any, gap: Gap) -> bool:
    """Whether ``_spread`` would close ``gap``."""
    return _shares(document, gap) is not None


def _shares(document: Any, gap: Gap, partly: bool = False) -> list[tuple[Any, float]] | None:
    """The space each block that begins on ``gap``'s page takes above it to close the gap: the
    gap shared in proportion to their caps (``_cap``: a list's item ITEM_PX, a block SPREAD_PX,
    a section SECTION_PX, nothing below a heading; with ``partly``, blocks and sections twice
    that where the gap needs it), none above its cap; what they cannot take stays at the page's
    foot. None when that leaves more than MOST_EMPTY of the page there (or there are no such
    blocks), unless ``partly``. Review 7 found lists double-spaced (27 to 30 pt between one-line
    items against 17) where an even share went to every block."""
    boundaries = [(box, _cap(box, above)) for box, above in _boundaries(document, gap)]
    room = sum(cap for _, cap in boundaries)
    need = gap.space - SAFETY_PX
    most = MOST_EMPTY * document.pages[gap.page]._page_box.height
    if partly and gap.space - room > most:
        # A gap that no panel takes: what the items cannot take goes between the page's blocks
        # and sections, up to twice their caps, rather than leave the page's foot empty (a page
        # of long lists). Not before: paragraphs 10 mm apart read looser than a panel.
        boundaries = [(box, cap * (1 if cap <= ITEM_PX else 2)) for box, cap in boundaries]
        room = sum(cap for _, cap in boundaries)
    if not room or (gap.space - room > most and not partly):
        return None
    if gap.space - room > most:
        # A page its blocks cannot close under their caps: shared evenly as before the caps
        # (SPREAD_PX each at most), which the page-fill rule needs more than the pitch.
        even = need / len(boundaries)
        if even <= SPREAD_PX:
            return [(box, even) for box, _ in boundaries]
    share = min(1.0, need / room)
    return [(box, cap * share) for box, cap in boundaries]


def _cap(box: Any, above: Any) -> float:
    """The most space ``_spread`` sets above ``box`` (CSS px), ``above``: the block before it in
    its parent, or None. Space reads as structure: most between sections, less between a
    section's blocks, little between a list's items (one-line items would read double-spaced),
    none between a heading and what it heads (it would stand apart from its text)."""
    if above is not None and above.element is not None and above.element.tag in _HEADINGS:
        return 0.0
    if box.element.tag in ("li", "dd"):
        return ITEM_PX
    if _is_section(box.element):
        return SECTION_PX
    return SPREAD_PX


def _boundaries(document: Any, gap: Gap) -> list[tuple[Any, Any]]:
    """The boxes of the blocks that begin on ``gap``'s page which may take more space above
    them: not the page's first, nor one that opens its parent (it shares its parent's), nor a
    table's cell or the first block in one (cells stand side by side: a list's two columns);
    each with the block in normal flow before it in its parent (None: the first)."""
    pages = [page._page_box for page in document.pages]
    before = _elements(pages[gap.page - 1]) if gap.page else set()
    found: list[tuple[Any, Any]] = []

    def visit(box: Any, top: bool) -> None:
        above = None
        for child in getattr(box, "children", ()):
            if type(child).__name__ == "LineBox" or not child.is_in_normal_flow():
                continue
            child_above, above = above, child
            # The page's first block (nothing in flow above it here) keeps the page's top.
            first = top and child_above is None
            element = child.element
            boxed = (
                child.border_top_width > 0
                or child.border_bottom_width > 0
                or child.style["background_color"].alpha > 0
            )
            if element is None or boxed:
                continue
            if element.tag in _SPREAD and id(element) not in before and not first:
                found.append((child, child_above))
            if element.tag in _FLOW | {"ul", "ol"}:
                visit(child, first)

    visit(_root(pages[gap.page]), True)
    # A block that opens its parent shares its parent's boundary. A cell's own space would set
    # it below the cells beside it. (The page's first block is the first box in flow, which
    # need not be one that may take space: a figure that went over, a paragraph that runs on;
    # review 7's CSM Letter p15 opened with its ladder and lost its one section boundary.)
    parents = {id(first.element) for box, _ in found if (first := _first_block(box)) is not None}
    return [
        (box, above)
        for box, above in found
        if id(box.element) not in parents and type(box).__name__ not in _TABLE_PARTS
    ]


def _first_block(box: Any) -> Any:
    """The first child of ``box`` in normal flow when it is a block of its own, else None."""
    for child in getattr(box, "children", ()):
        if child.is_in_normal_flow():
            named = type(child).__name__ != "LineBox" and child.element is not box.element
            return child if named else None
    return None


def _fillable(gap: Gap, parents: dict[Element, Element], own: dict[str | None, Element]) -> bool:
    """Whether a panel can go into ``gap``: between blocks of a part that has one, and big
    enough to be worth setting."""
    parent = parents.get(gap.before)
    return (
        gap.space - SAFETY_PX >= SMALLEST_PX
        and parent is not None
        and parent.tag in _FLOW
        and _part_of(gap.before, parents, own) is not None
    )


def _rows(filler: Element, height: float) -> int:
    """How many rows (``[data-gp-unit]``, each data-gp-unit-mm high below a heading of
    data-gp-head-mm) ``filler`` sets in ``height`` CSS px: all of them (the number its heading
    asks for: five steps, five questions), or 0 when they do not all fit. A filler without rows
    fits any height (1)."""
    units = filler.findall(".//*[@data-gp-unit]")
    if not units:
        return 1
    return len(units) if len(units) * _unit(filler) <= _room(filler, height) else 0


def _room(filler: Element, height: float) -> float:
    """The CSS px ``filler``'s rows have in a panel ``height`` px high."""
    return height - float(filler.get("data-gp-head-mm") or 0) * PX_PER_MM


def _unit(filler: Element) -> float:
    return float(filler.get("data-gp-unit-mm") or 1) * PX_PER_MM


def _fill(spots: list[_Spot], parents: dict[Element, Element]) -> list[tuple[Element, Element]]:
    """Put each chosen panel in its gap or below its part's end: notes sized to the space, a
    panel with rows at its own height (its rows as many and as high as it declares, never
    stretched to the page's foot); the (parent, panel) pairs put."""
    added = []
    for spot in spots:
        clone = copy.deepcopy(spot.filler)
        if not clone.findall(".//*[@data-gp-unit]"):
            clone.set("style", f"height: {spot.gap.space - SAFETY_PX:.1f}px")
        parent = spot.gap.before if spot.end else parents[spot.gap.before]
        if spot.end:
            parent.append(clone)
        else:
            parent.insert(list(parent).index(spot.gap.before), clone)
        parents[clone] = parent
        added.append((parent, clone))
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


def _defer(gap: Gap, parents: dict[Element, Element], split: bool = False) -> bool:
    """Move the diagram (``[data-gp-figure]``) that opens the section ``gap.before`` with its
    heading to the end of the section, marked ``data-gp-deferred`` (its stylesheet shows its
    own title then): the section's text fills the page; False when there is no such diagram
    or no text after it. ``split``: a run of blocks kept whole after it (the ladder's tiers)
    may go on from the heading a block at a time, else it would leave the gap as it was."""
    children = [c for c in gap.before if c.tag != "aside"]
    if len(children) < 2 or children[1].get("data-gp-figure") is None:
        return False
    figure = children[1]
    parent = parents[figure]
    if not list(parent)[list(parent).index(figure) + 1 :]:
        return False
    parent.remove(figure)
    parent.append(figure)
    figure.set("data-gp-deferred", "")
    if split:
        for element in parent:
            if element.get("data-gp-keep") is not None:
                element.set("data-gp-keep", "split")
    return True


@dataclass(frozen=True)
class _Pages:
    """A document's pages, some of them from another layout (``_partial``)."""

    pages: list[Any]


#: An intermediate layout of this share of the document's pages or more lays the whole document
#: out: hiding the rest would save too little (a partial layout still cascades the whole tree's
#: styles: about 0.15 s for a guide plus its pages' share of a whole layout, docs/benchmarks.md).
MOST_PARTIAL = 0.8

#: Each element of a tree by its id: the element, its attributes, its children's ids.
_State = dict[int, tuple[Element, tuple[tuple[str, str], ...], tuple[int, ...]]]


def _state(root: Element) -> _State:
    """What a paginator's step may change in ``root``'s tree (a mark, a block moved within its
    parent), to tell which elements it changed."""
    return {
        id(node): (node, tuple(sorted(node.attrib.items())), tuple(id(c) for c in node))
        for node in root.iter()
    }


def _lay_out(laid: Layout, document: Any, before: _State) -> tuple[Layout, Any, bool]:
    """The pages of ``laid``'s tree after a step changed it from ``before``, for the next step
    to measure: (the layout, its pages, whether they are spliced from a partial layout, so that
    the last layout must be a whole one). Only the runs of pages between forced breaks that
    show a changed element are laid out again (``_partial``) where it can; nothing when nothing
    changed."""
    root = laid.source.etree_element
    changed = [entry[0] for key, entry in _state(root).items() if before.get(key) != entry]
    if not changed:
        return laid, document, document is not laid.document
    parents = {child: parent for parent in root.iter() for child in parent}
    spliced = _partial(laid, document, changed, parents)
    if spliced is not None:
        return laid, spliced, True
    laid = relayout(laid)
    return laid, laid.document, False


def _segments(document: Any) -> list[tuple[int, int]]:
    """The runs of ``document``'s pages between forced breaks, as (first, after the last): what
    comes before or after a run does not change its pages."""
    pages = [page._page_box for page in document.pages]
    seen = [_elements(page) for page in pages]
    starts = [0]
    for number in range(1, len(pages)):
        start = _first_new(_root(pages[number]), seen[number - 1])
        if start is not None and _forced(start):
            starts.append(number)
    return list(pairwise([*starts, len(pages)]))


def _partial(
    laid: Layout, document: Any, changed: list[Element], parents: dict[Element, Element]
) -> _Pages | None:
    """``document``'s pages with the runs between forced breaks that show one of ``changed``
    (or the block after it) laid out again alone, everything else hidden, in place of theirs:
    the same pages as the whole tree laid out again, for a share of its time. A run opened by
    a part now marked to run on is laid out with the run before it, which it joins (and a run
    may split where a part no longer runs on): each stretch of adjacent runs is spliced in
    whole, from the page its opener begins. None when a changed element shows on no page (it
    may be new), when those runs are MOST_PARTIAL of the document or more, or when the layout
    does not open the stretches where the document did."""
    pages = [page._page_box for page in document.pages]
    seen = [_elements(page) for page in pages]
    runs = _segments(document)
    starts = {first for first, _ in runs}
    wanted: set[int] = set()
    for element in changed:
        where = [n for n, found in enumerate(seen) if id(element) in found]
        if not where:
            return None
        # The block after it, which a sibling selector may restyle, unless a forced break
        # opens it (the stylesheets restyle no such block by its sibling's marks).
        parent = parents.get(element)
        after = list(parent)[list(parent).index(element) + 1 :][:1] if parent is not None else []
        for node in after:
            found = [n for n, elements in enumerate(seen) if id(node) in elements]
            if found and found[0] not in starts:
                where += found
        wanted |= {k for k, (a, b) in enumerate(runs) if a <= max(where) and b > min(where)}
    joins = {id(e) for e in changed if e.get("data-gp-run-on") is not None}
    for k in range(len(runs) - 1, 0, -1):  # downwards: a run joined may join the one before
        if k in wanted and joins & _openers(pages[runs[k][0]], seen[runs[k][0] - 1]):
            wanted.add(k - 1)
    stretches: list[tuple[int, int]] = []  # adjacent runs wanted, as (first, after the last)
    for first, end in (runs[k] for k in sorted(wanted)):
        if stretches and stretches[-1][1] == first:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((first, end))
    numbers = {n for first, end in stretches for n in range(first, end)}
    if len(numbers) >= MOST_PARTIAL * len(pages):
        return None
    refs = _page_refs(laid, document, numbers, stretches[0][0])
    if refs is None:
        return None
    inside: set[int] = set().union(*(seen[n] for n in numbers))
    outside: set[int] = set().union(*(seen[n] for n in range(len(pages)) if n not in numbers))
    hidden: list[tuple[Element, str | None]] = []

    def hide(node: Element) -> None:
        for child in node:
            key = id(child)
            if child.tag == "head" or (key in inside and key not in outside):
                continue  # <head> keeps its stylesheets; what shows only here stays whole
            if key in inside or any(id(n) in inside for n in child.iter()):
                hide(child)  # shows here and elsewhere (body, main), or shows no box itself
            else:
                hidden.append((child, child.get("style")))
                child.set("style", "display: none !important")

    hide(laid.source.etree_element)
    # A hidden element's page number prints as nothing: the reference prints it as its own text.
    printed = [(element, element.text) for element in refs]
    for element, number in refs.items():
        element.text = (element.text or "") + number
    try:
        measured = relayout(laid).document
    finally:
        for child, style in hidden:
            if style is None:
                del child.attrib["style"]
            else:
                child.set("style", style)
        for element, text in printed:
            element.text = text
    # Each stretch begins where its opener first shows, on a page a forced break opens (the
    # first on the first page): else the layout ran it on below another, and is not the
    # whole document's.
    laid_out = [page._page_box for page in measured.pages]
    opened = {first for first, _ in _segments(measured)}
    begins: list[int] = []
    for first, _ in stretches:
        opener = _first_new(_root(pages[first]), seen[first - 1]) if first else None
        if opener is None:
            begins.append(0)
            continue
        at = next(
            (n for n, page in enumerate(laid_out) if id(opener.element) in _elements(page)), None
        )
        if at is None or at not in opened:
            return None
        begins.append(at)
    if begins[0] != 0 or any(a >= b for a, b in pairwise(begins)):
        return None
    result: list[Any] = []
    at = 0
    for (first, end), new_first, new_end in zip(
        stretches, begins, [*begins[1:], len(laid_out)], strict=True
    ):
        result += document.pages[at:first] + measured.pages[new_first:new_end]
        at = end
    return _Pages(result + document.pages[at:])


#: The ``content`` functions that print what another element shows (its page, its text).
_TARGETS = {"target-counter()", "target-counters()", "target-text()"}


def _page_refs(
    laid: Layout, document: Any, numbers: set[int], first: int
) -> dict[Element, str] | None:
    """The elements on pages ``numbers`` of ``document`` whose ``::after`` prints the page of
    an element that a layout of those pages alone hides (``target-counter(attr(href), page)``,
    as ``.page-ref``), each with the number it prints in ``laid``, the last whole layout; None
    when one cannot be told: its target is on a page from ``first`` on (whose number the layout
    may change) or on one of ``numbers`` (numbered otherwise alone), the element holds children,
    or a reference prints anything else."""
    pages = [page._page_box for page in document.pages]
    refs: dict[Element, str] = {}
    for number in sorted(numbers):
        for box in _walk(_root(pages[number])):
            tag = box.element_tag or ""
            if not tag.endswith(("::before", "::after")) or type(box).__name__ == "TextBox":
                continue
            used = [item for item in box.style["content"] or () if item[0] in _TARGETS]
            if not used:
                continue
            element = box.element
            if not tag.endswith("::after") or len(box.style["content"]) > 1 or len(element):
                return None
            if used[0][0] != "target-counter()" or used[0][1][1] != "page":
                return None
            refs[element] = ""
    if not refs:
        return refs
    root = laid.source.etree_element
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    old = [page._page_box for page in laid.document.pages]
    for element in refs:
        target = ids.get((element.get("href") or "").removeprefix("#"))
        if target is None:
            return None
        at = next((n for n, page in enumerate(pages) if id(target) in _elements(page)), None)
        was = next((n for n, page in enumerate(old) if id(target) in _elements(page)), None)
        if at is None or at != was or at >= first:
            return None
        # What the last whole layout printed there (its page counter may not start at 1).
        printed = next(
            (
                "".join(getattr(leaf, "text", "") or "" for leaf in _walk(box))
                for page in old
                for box in _walk(_root(page))
                if box.element is element and (box.element_tag or "").endswith("::after")
            ),
            None,
        )
        if not printed:
            return None
        refs[element] = printed
    return refs


def _openers(page: Any, before: set[int]) -> set[int]:
    """The elements whose boxes open ``page`` (``_first_new`` and the boxes it starts with),
    ``before``: the elements of the page before."""
    box = _first_new(_root(page), before)
    found = set()
    while box is not None:
        found.add(id(box.element))
        children = getattr(box, "children", None)
        box = children[0] if children and type(children[0]).__name__ != "LineBox" else None
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
        # A block that begins here with nothing but a float (a side note before its heading),
        # or with nothing (its float went over), goes on over the page: it starts the gap, and
        # its float or its bare rule is part of it.
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
    """The last block on ``page`` that holds only floats here, or nothing, and goes on on the next
    page (whose elements are ``following``), else None. Nothing: WeasyPrint sends a block whose
    first child, a float, does not fit to the next page with all that follows it, and leaves the
    block's border and padding at the foot, stretched to it (a case study's rule), where
    ``_content_bottom`` would count it as content."""
    found = None
    for box in _walk(_root(page)):
        children = getattr(box, "children", None) or ()
        if (
            box.element is not None
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
