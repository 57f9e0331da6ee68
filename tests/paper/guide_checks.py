"""What a career guide must be on paper, read back from its PDF: the checks of issue 14.

``problems(...)`` returns one line per broken rule (an empty list: the guide passes), so that a
test can run every check on a guide it built and report them all at once.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from guidepress.content.brands import BrandKit
from guidepress.content.models import Role
from guidepress.i18n.labels import Labels, catalogue
from guidepress.pdf.paginate import SPLIT_ITEMS
from guidepress.render.sections import OUTLINE, PARTS, PROMPT_TOPICS
from tests.helpers import fonts_of
from tests.paper.measure import (
    MM,
    Char,
    Line,
    Page,
    body_size,
    full_lines,
    page_fill,
    read_pages,
    tiny_chars,
)

#: The theme's embedded fonts: WeasyPrint names them after the @font-face family.
THEME_FONTS = ("GP-Body", "GP-Serif")
#: The smallest type a guide may print, in pt (less 0.02 for rounding in the PDF).
TYPE_FLOOR_PT = 6.98
#: Running heads and feet sit this far into the top and bottom margins (mm).
HEAD_ZONE_MM, FOOT_ZONE_MM = 18.0, 17.0
#: How empty a part's last page may be (of its text area). Issue 14 exempts the page before a
#: part opens from the 15 % rule: a part, like a book's chapter, ends where its text ends. What
#: a designer does not let stand is a part that runs onto its last page by a few lines (a widow
#: page, read as left over): at least a quarter of the text area (about a dozen lines of body
#: text) must be set. The paginator sets a part tighter that ends on less (TAIL_EMPTY), and may
#: give a part's end more than half empty one write-in panel within the guide's two (END_EMPTY).
LAST_PAGE_EMPTY = 0.75
#: How empty a part's last page may be when the next part opens a page: from 40 % of its text
#: area left the next part runs on there under a smaller band (pdf/paginate.py::RUN_ON; the
#: sixth review found the physical therapist's p7 70 % empty); 5 % more for what boxes and ink
#: disagree on.
RUN_ON_EMPTY = 0.45
#: A run-on part's band stands in the upper part of its page: its title's first line at least
#: this much of the text area above the text area's foot (the band starts with 34 % or more of
#: the text area left, pdf/paginate.py::KEEP_RUN_ON), and its first section's heading and at
#: least RUN_ON_LINES lines follow it on the page.
RUN_ON_TITLE_ROOM = 0.2
#: Sections that open with a block kept whole (the day in the life's rail, the pay table, a
#: case study): a part that begins with one opens a page when that block does not fit below
#: the band where the part before ends (the band would stand apart from its first lines), and
#: that page may then end as short as LAST_PAGE_EMPTY.
WHOLE_FIRST = ("day_in_the_life", "pay", "case_studies")
RUN_ON_LINES = 2
#: The most write-in panels (notes, questions, an action plan) a guide may print: more read as
#: padding (third review, finding 1).
MOST_PANELS = 2


def panels(pages: tuple[Page, ...], labels: Labels) -> list[tuple[str, int]]:
    """The write-in panels printed in the text pages, read from their kickers (small capitals
    above a panel; a designed page's title is set large): (kind, page), in page order."""
    kinds = {
        _squash(labels[key].upper()): key for key in ("notes", "questions_title", "plan_title")
    }
    return [
        (kinds[_squash(line.text)], page.number)
        for page in pages
        for line in page.lines()
        if _squash(line.text) in kinds and line.size < 9
    ]


@dataclass(frozen=True)
class Outline:
    """The PDF's bookmarks: top-level entries with their page (1-based) and their children."""

    top: list[tuple[str, int]]
    children: dict[str, list[tuple[str, int]]]


def outline(path: Path) -> Outline:
    reader = PdfReader(path)
    top: list[tuple[str, int]] = []
    children: dict[str, list[tuple[str, int]]] = {}
    for item in reader.outline:
        if isinstance(item, list):
            children[top[-1][0]] = [
                (i.title, reader.get_destination_page_number(i) + 1)
                for i in item
                if not isinstance(i, list)
            ]
        else:
            top.append((item.title, reader.get_destination_page_number(item) + 1))
    return Outline(top, children)


@dataclass(frozen=True)
class Mark:
    """A bookmark: its title, page (1-based) and height on the page (PDF points from the foot)."""

    title: str
    page: int
    top: float


def chapters(path: Path) -> list[list[tuple[Mark, list[Mark]]]]:
    """The PDF's guides by their bookmarks: for a guide one, for a booklet one per chapter,
    each its parts in bookmark order, a part with its sections."""
    reader = PdfReader(path)

    def mark(item: Any) -> Mark:
        page = reader.get_destination_page_number(item) + 1
        return Mark(item.title, page, float(item.top or 0))

    found: list[list[tuple[Mark, list[Mark]]]] = []

    def visit(items: list[Any]) -> None:
        # A guide's (or chapter's) bookmarks: parts, each followed by its sections, which
        # hold nothing; a booklet's chapters and groups hold more bookmarks.
        parts = [
            (mark(item), [mark(kid) for kid in items[n + 1]])
            for n, item in enumerate(items[:-1])
            if not isinstance(item, list)
            and isinstance(items[n + 1], list)
            and not any(isinstance(kid, list) for kid in items[n + 1])
        ]
        if parts:
            found.append(parts)
            return
        for item in items:
            if isinstance(item, list):
                visit(item)

    visit(reader.outline)
    return found


def out_of_order(path: Path, labels: Labels) -> list[str]:
    """Where a guide's or a booklet chapter's sections do not print in the contents' order
    (render/sections.py's outline, then extra sections, then the sources: the order of the
    HTML's sections): their bookmarks, which follow the pages, in another order, or one below
    the next (sixth review, D: the paginator set "Work-life balance and stress" above "A day
    in the life"). The back cover's bookmarks, after the sources, are no sections."""
    rank = {labels[label]: n for n, (_, label, _) in enumerate(OUTLINE)}
    last = {labels.sources: len(rank) + 1}
    found = []
    for chapter in chapters(path):
        sections = [section for _, kids in chapter for section in kids]
        # The sources end the body; the back cover's bookmarks come after them.
        ends = [n for n, section in enumerate(sections) if section.title in last]
        sections = sections[: ends[0] + 1] if ends else sections
        ranks = [rank.get(s.title, last.get(s.title, len(rank))) for s in sections]
        for (one, first), (other, second) in pairwise(zip(sections, ranks, strict=True)):
            if first > second or (other.page, -other.top) < (one.page, -one.top):
                found.append(f"'{one.title}' (p{one.page}) prints before '{other.title}'")
    return found


def stranded_heads(path: Path, pages: tuple[Page, ...] | None = None) -> list[str]:
    """The parts whose head (a booklet's run-on band) ends its page: the part's first section
    begins on a later page, or its heading has fewer than two lines of text below it there
    (sixth review, C: "PART 4 / Day to day" alone at a page's foot). ``pages``: the PDF's,
    when read already."""
    pages = pages or read_pages(path)
    found = []
    for chapter in chapters(path):
        for part, kids in chapter:
            first = kids[0]
            below = [
                ln
                for ln in pages[first.page - 1].lines()
                if ln.size < 12 and FOOT_ZONE_MM * MM < ln.baseline < first.top
            ]
            if first.page != part.page or len(below) < 2:
                found.append(
                    f"p{part.page}: the head of '{part.title}' without the first lines of "
                    f"'{first.title}' (p{first.page}, {len(below)} lines)"
                )
    return found


#: The side column's labels (templates/partials/sides/, a case study's takeaway): each heads a
#: note, a figure or a chart that prints with it.
SIDE_LABELS = (
    "also_called", "remote", "projected_growth", "market_demand", "qf_entry_education",
    "qf_experience", "stress_level", "balance_rating", "takeaway",
)  # fmt: skip
#: What of a side note a label keeps below it on its page: a line of its value, chart or note
#: within this many mm.
SIDE_NOTE_MM = 40


def parted_side_labels(
    path: Path, labels: Labels, pages: tuple[Page, ...] | None = None
) -> list[str]:
    """The side labels (small capitals in the side column, the right 45 % of the page) with
    nothing of their note, figure or chart below them on their page (review 7: "MARKET DEMAND"
    at the foot of the electrician's p5, its scale on p6). A label may wrap; a source mark
    beside it stands a little higher. ``pages``: the PDF's, when read already."""
    pages = pages or read_pages(path)
    wanted = {_squash(labels[key].upper()) for key in SIDE_LABELS}
    found = []
    for page in pages:
        lines = [ln for ln in page.lines() if ln not in foot_lines(page)]
        side = [ln for ln in lines if ln.left > 0.55 * page.width]
        for at, first in enumerate(side):
            if first.size >= 8:
                continue
            text = ""
            for last in side[at : at + 3]:
                text += _squash(last.text)
                if text in wanted:
                    break
            else:
                continue
            below = [ln for ln in side if last.baseline - SIDE_NOTE_MM * MM
                     < ln.baseline < last.baseline - 1]  # fmt: skip
            if not below:
                found.append(f"p{page.number}: the side label '{first.text}' without its note")
    return found


#: The marks that open a list's items on paper (bullets, dashes; ticks and crosses for pros and
#: cons).
ITEM_MARKS = "•–✓✗"
#: Consecutive one-line items of a list stand at most this much further apart than the text's
#: line pitch (pt): the stylesheets' space between items (about 2.5 pt) and the 3 pt the
#: paginator may add to close a page's gap (pdf/paginate.py::ITEM_PX). Review 7 found 27 to 30
#: pt between one-line items against 17 elsewhere (the gap shared out evenly).
LIST_SLACK_PT = 6.0


def line_pitch(pages: tuple[Page, ...], size: float) -> float:
    """The most common distance between the baselines of consecutive lines of one paragraph set
    at ``size`` (same left edge, next line down): the text's leading, in pt."""
    found = [
        round(a.baseline - b.baseline, 1)
        for page in pages
        for a, b in pairwise(page.lines())
        if a.size == b.size == size
        and abs(a.left - b.left) < 1.5
        and a.text[:1] not in ITEM_MARKS
        and size < a.baseline - b.baseline < 2 * size
    ]
    return statistics.mode(found) if found else 1.45 * size


def spaced_lists(pages: tuple[Page, ...]) -> list[str]:
    """The lists whose one-line items stand further apart than the line pitch of their text
    allows (LIST_SLACK_PT): two items in a row, each opening with the same mark at the same left
    edge and size, the first on one line; one line a page."""
    found = []
    pitches: dict[float, float] = {}
    for page in pages:
        for a, b in pairwise(page.lines()):
            same = a.text[:1] == b.text[:1] and abs(a.left - b.left) < 1 and a.size == b.size
            if a.text[:1] not in ITEM_MARKS or not same:
                continue
            pitch = pitches.setdefault(a.size, line_pitch(pages, a.size))
            apart = a.baseline - b.baseline
            if apart > pitch + LIST_SLACK_PT:
                found.append(
                    f"p{page.number}: list items {apart:.1f} pt apart, lines {pitch:.1f} "
                    f"('{a.text[:30]}')"
                )
                break  # one line a page
    return found


def lone_items(pages: tuple[Page, ...], items: list[str], name: str) -> list[str]:
    """Where the list ``name`` of ``items`` (their texts, in order) splits with one whole item
    alone on a side: its first item alone at a page's foot (the second begins on the next page)
    or its last alone at a page's top (the one before it ends on the page before). A list may
    split with two items on each side at least (review 7: the registered nurse's fifth tier
    alone atop the booklet's p58)."""
    if len(items) < 3:
        return []
    starts = [_page_with(pages, item[:40]) for item in items]
    ends = [_page_with(pages, item[-40:]) for item in items]
    if not all(starts) or not all(ends):
        return []
    found = []
    if max(ends[0]) < min(starts[1]):
        found.append(f"p{max(ends[0])}: the first of the {name} alone at the page's foot")
    if max(ends[-2]) < min(starts[-1]):
        found.append(f"p{min(starts[-1])}: the last of the {name} alone at the page's top")
    return found


def role_lists(role: Role) -> dict[str, list[str]]:
    """A role's lists that may split across pages by name, each as its items' texts: the
    ladder's tiers in words and the lists of SPLIT_ITEMS items or more (shorter ones stay
    whole; up to ten split only where kept whole they would leave a gap)."""
    found = {"tiers": [t.description for t in role.tiers if t.description]}
    if len(found["tiers"]) < len(role.tiers):
        found = {}
    # Skills may print in two columns (a table, read across): not a list's order on paper.
    for name in ("responsibilities", "common_mistakes", "advice"):
        items = getattr(role, name)
        if len(items) >= SPLIT_ITEMS:
            found[name] = [str(item) for item in items]
    return found


def head_lines(page: Page) -> list[Line]:
    return [ln for ln in page.lines() if ln.baseline > page.height - HEAD_ZONE_MM * MM]


def foot_lines(page: Page) -> list[Line]:
    return [ln for ln in page.lines() if ln.baseline < FOOT_ZONE_MM * MM]


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    if len(color) == 3:
        color = "".join(c * 2 for c in color)
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _squash(text: str) -> str:
    """``text`` without white space and hyphens (hyphens: auto adds some at line ends; PDFium
    reads a plain one there as U+0002)."""
    text = "".join(text.split()).replace("-", "").replace("\u00ad", "").replace("\u2010", "")
    return text.replace("\x02", "")


def _page_with(pages: tuple[Page, ...], text: str) -> list[int]:
    wanted = _squash(text)
    return [p.number for p in pages if wanted in _squash("".join(c.text for c in p.chars))]


def _in_order_on(page: Page, texts: list[str]) -> bool:
    """Whether ``texts`` are all on ``page``, in this order from the top (a text may wrap)."""
    stream = "".join(_squash(line.text) for line in page.lines())
    at = 0
    for text in texts:
        found = stream.find(_squash(text)[:40], at)
        if found < 0:
            return False
        at = found + 1
    return True


def _top_of(page: Page, text: str) -> float:
    """The baseline of the first line on ``page`` that reads ``text``, else the page's top."""
    wanted = _squash(text)
    return next((ln.baseline for ln in page.lines() if _squash(ln.text) == wanted), page.height)


def _titled(page: Page, title: str) -> bool:
    """Whether a line of ``page`` reads ``title`` alone: a diagram set below its section's text
    carries its own title (pdf/paginate.py)."""
    return any(_squash(ln.text) == _squash(title) for ln in page.lines())


def _opens_with(page: Page, text: str) -> bool:
    """Whether the first line of ``page``'s text area (below its running head) reads ``text``
    (its first 14 characters, white space and hyphens left out)."""
    body = [ln for ln in page.lines() if ln not in head_lines(page) and ln not in foot_lines(page)]
    top = max(body, key=lambda ln: ln.baseline, default=None)
    return top is not None and _squash(top.text).startswith(_squash(text)[:14])


def _opens(page: Page, title: str) -> bool:
    """Whether ``page`` opens with the section headed ``title``: no line of the main column
    (left of the side column) stands above its heading."""
    wanted = _squash(title)
    heading = [
        ln for ln in page.lines()
        if ln.size >= 12 and len(_squash(ln.text)) > 2 and wanted.startswith(_squash(ln.text))
    ]  # fmt: skip
    if not heading:
        return False
    top = heading[0]
    body = [ln for ln in page.lines() if ln not in head_lines(page) and ln.size < top.size]
    return not any(ln.baseline > top.baseline + 1 and ln.left < top.left + 60 * MM for ln in body)


def _below_text(page: Page, baseline: float) -> bool:
    """Whether a line of the text area stands well above the part title whose first line is at
    ``baseline`` (more than the band's kicker does): the part runs on below another's end."""
    body = [ln for ln in page.lines() if ln not in head_lines(page) and ln not in foot_lines(page)]
    return any(ln.baseline > baseline + 15 * MM for ln in body)


def _run_on_problems(
    page: Page, top: float, title: str, sections: list[tuple[str, int]], number: int
) -> list[str]:
    """What is wrong with the band of the part ``title`` that runs on at ``top`` (its title's
    first baseline) on ``page`` (p``number``): a band low on the page, or apart from its first
    section's heading and lines (``sections``: the part's, from the bookmarks)."""
    found = []
    area = page.height - (22 + 20) * MM
    if top - 20 * MM < RUN_ON_TITLE_ROOM * area:
        found.append(f"p{number}: the run-on opener of '{title}' stands at the page's foot")
    if not sections or sections[0][1] != number:
        return [*found, f"p{number}: the run-on opener of '{title}' is apart from its section"]
    wanted = _squash(sections[0][0])
    lines = page.lines()
    heading = next((ln for ln in lines if ln.baseline < top and ln.size >= 12 and
                    _squash(ln.text) and wanted.startswith(_squash(ln.text))), None)  # fmt: skip
    below = [ln for ln in lines if heading is not None and ln.baseline < heading.baseline
             and ln.left < heading.left + 60 * MM and ln not in foot_lines(page)]  # fmt: skip
    if heading is None or len(below) < RUN_ON_LINES:
        found.append(
            f"p{number}: the run-on opener of '{title}' keeps {len(below)} lines of its first "
            "section on its page"
        )
    return found


def citation_lists(path: Path, heading: str) -> list[list[str]]:
    """Each page's list of numbered citations below a line reading ``heading`` (any case), each
    citation as one text (its wrapped lines joined): a line beginning "N. " opens one; the
    list ends at the first line of another size. Lines of a second column (a briefing sets its
    sources in two) are not the list's: they start more than 40 pt right of the heading; nor
    are lines left of it (the running head's "Sources", at the right, heads no list)."""
    lists = []
    for page in read_pages(path):
        lines = page.lines()
        for start, head in enumerate(lines):
            if _squash(head.text).casefold() != _squash(heading).casefold():
                continue
            found: list[str] = []
            size = 0.0
            for line in lines[start + 1 :]:
                if not head.left - 20 <= line.left <= head.left + 40:
                    continue
                if re.match(r"\d+\.\s", line.text):
                    found.append(line.text)
                elif found and abs(line.size - size) < 0.05:
                    found[-1] += " " + line.text
                elif found:
                    break
                size = line.size
            if found:  # a list, not the running head above it
                lists.append(found)
                break
    return lists


def _broken_entries(toc: list[Line], titles: list[str]) -> list[str]:
    """Those of ``titles`` the contents (its lines ``toc``) print that are not on one line
    followed by their page number (the next characters on the line, of any size)."""
    rows: dict[float, list[Char]] = {}  # the characters on each baseline, of every size
    for line in toc:
        for c in line.chars:
            if _squash(c.text):
                rows.setdefault(round(line.baseline), []).append(c)
    texts = []
    for row in rows.values():
        row.sort(key=lambda c: c.left)
        texts.append("".join(_squash(c.text) for c in row))
    broken = []
    for title in titles:
        wanted = _squash(title)
        if wanted not in "".join(texts):
            continue  # not in the contents (the role in brief, a ladder's next steps)
        if not any(re.search(re.escape(wanted) + r"\d", text) for text in texts):
            broken.append(title)
    return broken


def _body(pages: tuple[Page, ...]) -> list[tuple[int, Line]]:
    """The lines of the text pages (no covers, no running heads or feet) in reading order, with
    their page numbers."""
    return [
        (page.number, line)
        for page in pages[1:-1]
        for line in page.lines()
        if line not in head_lines(page) and line not in foot_lines(page)
    ]


def _heading_at(body: list[tuple[int, Line]], title: str, page: int) -> int | None:
    """Where in ``body`` the heading ``title`` (its first line, set at 12 pt or more) stands on
    ``page``."""
    wanted = _squash(title)
    return next(
        (
            n
            for n, (number, line) in enumerate(body)
            if number == page
            and line.size >= 12
            and len(_squash(line.text)) > 2
            and wanted.startswith(_squash(line.text))
        ),
        None,
    )


def _band_at(body: list[tuple[int, Line]], title: str, page: int) -> int | None:
    """Where in ``body`` the band of the part ``title`` begins on ``page``: its kicker, the line
    above its title."""
    at = _heading_at(body, title, page)
    while (
        at and body[at - 1][0] == page and body[at - 1][1].baseline < body[at][1].baseline + 15 * MM
    ):
        at -= 1
    return at


def _misplaced_panels(pages: tuple[Page, ...], marks: Outline, labels: Labels) -> list[str]:
    """A notes panel whose question asks about a section ("Which of these tasks...") stands
    after all of that section: below its heading, and no line of the section's text (nothing
    but the panel's own lines) between the panel and the heading that follows the section
    (the next section's, or the next part's opener)."""
    body = _body(pages)
    titles = {anchor: labels[key] for anchor, key, _ in OUTLINE}
    sections = [mark for title, _ in marks.top for mark in marks.children.get(title, [])]
    part_titles = {labels[key] for key, _ in PARTS}
    found = []
    for name, topic in PROMPT_TOPICS.items():
        prompt = _squash(labels[f"prompt_{name}"])
        start = next(
            (
                n
                for n, (_, line) in enumerate(body)
                if len(text := _squash(line.text)) >= min(24, len(prompt))
                and prompt.startswith(text)
            ),
            None,
        )
        at = [n for n, (title, _) in enumerate(sections) if title == titles[topic]]
        if start is None or not at:
            continue
        heading = _heading_at(body, *sections[at[0]])
        end = start
        while end + 1 < len(body) and _squash(body[end + 1][1].text) in prompt:
            end += 1
        # The section ends at the next section's heading, or where the next part opens: at its
        # title, which may run on below the section on the same page.
        page = sections[at[0]][1]
        following = sections[at[0] + 1] if at[0] + 1 < len(sections) else None
        opens = [_band_at(body, t, p) for t, p in marks.top if t in part_titles and p >= page]
        ends = [n for n in opens if n is not None and (heading is None or n > heading)]
        if following is not None and (n := _heading_at(body, *following)) is not None:
            ends.append(n)
        stop = min(ends, default=len(body))
        # Between the panel and what follows the section, only the side column's notes of the
        # next section (floated beside its heading, they may stand above it on a new page).
        left = body[heading][1].left if heading is not None else 0.0
        text = [ln for _, ln in body[end + 1 : stop] if ln.left < left + 60 * MM]
        if heading is None or start < heading or text:
            where = body[start][0]
            found.append(f"p{where}: the notes panel asking about {topic} is above or inside it")
    return found


#: The hyphens a line ends with where hyphenation broke a word: U+2010 (base.css), the ASCII
#: hyphen (a brand font without U+2010, tokens.html.j2), and what some fonts' text reads as.
BREAKS = "\u2010\x02-"
#: Letters a hyphenation break leaves on either side, at least (base.css hyphenate-limit-chars).
FRAGMENT = 3


def hyphen_breaks(pages: tuple[Page, ...], size: float) -> list[tuple[int, str, str, str]]:
    """Each word a line of body text (``size``) ends by breaking at a hyphen: (page, the letters
    before the break and the hyphen, those the next line of its column starts with, the next
    line's text)."""
    found = []
    for page in pages:
        lines = [line for line in page.lines() if abs(line.size - size) < 0.3]
        for line in lines:
            text = line.text.rstrip()
            head = re.search(r"([^\W\d_]+)[" + BREAKS + "]$", text)
            below = [
                n for n in lines
                if n.size == line.size and 0 < line.baseline - n.baseline <= 2 * line.size
                and abs(n.left - line.left) < 20
            ]  # fmt: skip
            if not head or not below:
                continue
            after = max(below, key=lambda n: n.baseline).text.strip()
            tail = re.match(r"[^\W\d_]+", after)
            if tail:
                found.append((page.number, head[1] + text[-1], tail[0], after))
    return found


def hyphenation_problems(pages: tuple[Page, ...], size: float, compounds: str) -> list[str]:
    """Words of body and list text (``size``) broken by hyphenation into a fragment of fewer
    than FRAGMENT letters at a line's end or the next line's start, or whose rest is alone on
    the next line ("insur-" / "ance.", review 7). ``compounds``: text holding the words
    hyphenated in their own right, whose own hyphen may end a line."""
    found = []
    for number, head, tail, after in hyphen_breaks(pages, size):
        head, hyphen = head[:-1], head[-1]
        if hyphen != "\u2010" and f"{head}-{tail}" in compounds:
            continue
        word = f"{head}-/{tail}"
        if min(len(head), len(tail)) < FRAGMENT:
            found.append(f"p{number}: a fragment of under {FRAGMENT} letters: {word}")
        elif len(after.split()) == 1:
            found.append(f"p{number}: a hyphenated word's rest alone on a line: {word}")
    return found


def early_breaks(pages: tuple[Page, ...], size: float) -> list[str]:
    """Lines of body text (``size``) of one word that a sentence goes on from, in lower case, on
    a full line below (a span at an item's end made WeasyPrint 70 break "Screen" / "for red
    flags ... care.")."""
    found = []
    for page in pages:
        lines = [line for line in page.lines() if abs(line.size - size) < 0.3]
        for line in lines:
            words = line.text.lstrip("•·–- ").split()  # its words, not its list marker
            below = [
                n for n in lines
                if n.size == line.size and 0 < line.baseline - n.baseline <= 2 * line.size
                and abs(n.left - line.left) < 10
            ]  # fmt: skip
            if len(words) != 1 or not below or not words[0][-1].isalpha():
                continue
            after = max(below, key=lambda n: n.baseline)
            if after.text.strip()[:1].islower() and after.right - after.left > 4 * (
                line.right - line.left
            ):
                found.append(f"p{page.number}: a line of its first word alone: {words[0]}")
    return found


def _words(line: Line) -> int:
    """How many words a line prints: runs of characters parted by a space or a gap of a fifth of
    an em (a no-break space is read as no character, only its gap)."""
    count, last = 0, None
    for char in line.chars:
        if char.text == " ":
            last = None
            continue
        if last is None or char.left - last.right > 0.2 * char.size:
            count += 1
        last = char
    return count


def short_chart_note_ends(pages: tuple[Page, ...], labels: Labels) -> list[str]:
    """Charts' notes (what a chart shows and its source, in fine print under it) whose last line
    is one or two words (review 8: "May 2025." alone under the physical therapist's pay chart,
    "role." under the demand scale). A note is read from its line with "Source:" down the lines
    of its size and left edge, a line apart."""
    found: list[str] = []
    word = _squash(labels.source_word)
    for page in pages:
        lines = page.lines()
        for line in lines:
            if line.size > 8.5 or word not in _squash(line.text):
                continue
            last = line
            while nxt := next(
                (
                    ln for ln in lines
                    if ln.size == last.size and abs(ln.left - line.left) < 3
                    and 0 < last.baseline - ln.baseline <= 1.6 * last.size
                ),
                None,
            ):  # fmt: skip
                last = nxt
            if last is not line and _words(last) <= 2:
                found.append(f"p{page.number}: a chart's note ends on '{last.text.strip()}'")
    return found


def demand_scale_problems(pages: tuple[Page, ...], labels: Labels) -> list[str]:
    """The market demand scale's labels each on one line (review 8: "Very High" wrapped onto
    two lines under the side column's scale). The scale's row: the small characters on one
    baseline (the value's label is larger than the others) that hold its first two labels."""
    steps = [_squash(labels[f"demand_{key}"]) for key in ("low", "moderate", "high", "very_high")]
    found: list[str] = []
    for page in pages:
        rows: dict[float, list[Char]] = {}
        for char in page.chars:
            if char.size <= 8.5 and char.text != " ":
                rows.setdefault(char.baseline, []).append(char)
        for row in rows.values():
            text = "".join(c.text for c in sorted(row, key=lambda c: c.left))
            if text.startswith(steps[0] + steps[1]) and text != "".join(steps):
                found.append(f"p{page.number}: the demand scale's row reads '{text}'")
    return found


def problems(
    path: Path, role: Role, brand: BrandKit, labels: Labels, audience: str | None = None
) -> list[str]:
    """Every rule of the guide at ``path`` that its pages break, one line each. ``audience``:
    the config's, else the labels' default."""
    audience = audience or labels.cover_student
    pages = read_pages(path)
    marks = outline(path)
    found: list[str] = []

    # The text page: body size, measure.
    size = body_size(pages)
    if not 10 <= size <= 10.5:
        found.append(f"body text is {size} pt, not 10 to 10.5")
    lengths = full_lines(pages[2:], size)
    mean, median = statistics.mean(lengths), statistics.median(lengths)
    if not (60 <= mean <= 75 and 60 <= median <= 75) or max(lengths) > 80:
        found.append(
            f"full lines hold {mean:.1f} characters on average (median {median}, longest "
            f"{max(lengths)}), not 60 to 75"
        )

    # Hyphenation leaves 3 letters or more on each side and never a fragment alone on a line.
    found += hyphenation_problems(pages, size, role.model_dump_json())
    found += early_breaks(pages, size)

    # The type floor: nothing printed below 7 pt (source marks, notes, badges, labels), words
    # for screen readers included (review 6: 0.75 pt "(in high demand)" beside the chips).
    for page in pages:
        small = tiny_chars(path, TYPE_FLOOR_PT + 0.01, page.number - 1)
        if small:
            text = "".join(c for c, _ in small)[:40]
            found.append(f"p{page.number}: type at {min(s for _, s in small):.2f} pt ('{text}')")

    # The cover: the title at 48 to 56 pt, who the guide is for, the key facts in the band.
    cover = pages[0]
    title_sizes = {ln.size for ln in cover.lines() if _squash(ln.text) in _squash(role.title)}
    if not title_sizes or not all(48 <= size <= 56 for size in title_sizes):
        found.append(f"the cover's title is set at {sorted(title_sizes)} pt, not 48 to 56")
    cover_text = _squash("".join(c.text for c in cover.chars))
    if _squash(audience) not in cover_text:
        found.append(f"the cover does not say who the guide is for ('{audience}')")
    band = [ln for ln in cover.lines() if ln.baseline < cover.height * 0.25]
    # The source's median, or a regional edition's ("Median pay, Ohio").
    medians = [_squash(m.upper()) for m in (labels.median_salary, labels.median_in_area[:-6])]
    texts = [_squash(ln.text.upper()) for ln in band]
    if role.salary and role.salary.median and not any(m in t for t in texts for m in medians):
        found.append("the cover's band lacks the median salary")

    # Sections in the contents' order; a part's head with its first section's first lines;
    # lists not set apart to fill a page.
    found += out_of_order(path, labels) + stranded_heads(path, pages) + spaced_lists(pages)
    # A side label with its note, figure or chart.
    found += parted_side_labels(path, labels, pages)
    # Charts: notes never end on a word or two; the demand scale's labels on one row.
    found += short_chart_note_ends(pages, labels) + demand_scale_problems(pages, labels)

    # The contents: every part with its sections, in half a page.
    intro = pages[1]
    toc = [
        ln
        for ln in intro.lines()
        if FOOT_ZONE_MM * MM < ln.baseline < _top_of(intro, labels.contents)
    ]
    if toc and (toc[0].baseline - toc[-1].baseline) > 0.5 * (intro.height - 37 * MM):
        found.append("the contents take more than half a page")
    found += [
        f"the contents entry '{title}' is not on one line with its page number"
        for title in _broken_entries(toc, [t for t, _ in marks.top] + [
            t for kids in marks.children.values() for t, _ in kids
        ])
    ]  # fmt: skip
    intro_text = _squash("".join(c.text for c in intro.chars))
    for part_key, _ in PARTS:
        if _squash(labels[part_key]) not in intro_text and any(
            t == labels[part_key] for t, _ in marks.top
        ):
            found.append(f"the contents lack the part '{labels[part_key]}'")

    # The contents' page numbers are the pages the bookmarks (the headings) are on.
    rows: dict[float, list[Char]] = {}
    for char in intro.chars:
        rows.setdefault(round(char.baseline), []).append(char)
    toc_text = "|".join(
        _squash("".join(c.text for c in sorted(row, key=lambda c: c.left)))
        for _, row in sorted(rows.items())
    )
    for kids in marks.children.values():
        for title, page in kids:
            printed = re.search(re.escape(_squash(title)) + r"(\d+)", toc_text)
            if printed and int(printed.group(1)) != page:
                found.append(
                    f"the contents put '{title}' on p{printed.group(1)}, its heading is on p{page}"
                )

    # A partial source says so in one plain sentence.
    if role.provenance.completeness == "partial":
        sentence = labels.partial_sentence.split("{")[0]
        if _squash(sentence) not in intro_text:
            found.append("the in-brief page does not say the source was partial")

    # At a glance: every figure cites its source (a superscript number beside it).
    glance = pages[2]
    cites = [c for c in glance.chars if c.text.isdigit() and c.size < 0.75 * size]
    figures = sum(1 for value in (role.salary, role.market_demand, role.remote_friendly,
                                  role.tiers) if value not in (None, []))  # fmt: skip
    if len(cites) < figures:
        found.append(f"at a glance: {len(cites)} source marks for {figures} figures")

    # Parts, their openers and their running heads.
    part_titles = [labels[key] for key, _ in PARTS]
    parts = [(title, page) for title, page in marks.top if title in part_titles]
    if not parts or any(title not in marks.children for title, _ in parts):
        found.append(f"the parts and their sections are not bookmarked: {marks.top}")
    ends = sorted({page for _, page in marks.top})
    muted = _rgb(brand.brand.colors.muted)
    section_marks = sorted(
        (kid for kids in marks.children.values() for kid in kids), key=lambda mark: mark[1]
    )
    opener_heights = set()
    run_on = set()  # the parts that run on below the part before them
    for title, first in parts:
        last = next((p for p in ends if p > first), len(pages)) - 1
        # The title's first line (the part's title is set between 20 and 40 pt).
        page = pages[first - 1]
        title_lines = [ln for ln in page.lines() if 20 <= ln.size <= 40
                       and _squash(ln.text) and _squash(ln.text) in _squash(title)]  # fmt: skip
        top = max((ln.baseline for ln in title_lines), default=None)
        if top is not None and _below_text(page, top):
            run_on.add(title)
            found += _run_on_problems(page, top, title, marks.children.get(title, []), first)
        elif top is not None:
            opener_heights.add(round(top))
        for number in range(first, last + 1):
            page = pages[number - 1]
            heads = head_lines(page)
            if number == first and title not in run_on:
                if heads:
                    found.append(f"p{number}: a running head above the opener of '{title}'")
                continue
            if not heads:
                found.append(f"p{number}: no running head")
                continue
            if any(not 7 <= ln.size <= 7.5 for ln in heads):
                found.append(f"p{number}: running head at {[ln.size for ln in heads]} pt")
            if any(ln.color != muted for ln in heads):
                found.append(f"p{number}: running head not in the brand's muted colour")
            # The section in force at the top of the page: the one the page opens with, else
            # the one going on from the pages before.
            starts = [t for t, p in section_marks if p == number]
            going_on = [t for t, p in section_marks if p < number]
            opens = starts and (not going_on or _opens(page, starts[0]))
            wanted = starts[0] if opens else going_on[-1]
            if not any(_squash(ln.text) == _squash(wanted) for ln in heads):
                found.append(
                    f"p{number}: the running head says {[ln.text for ln in heads]}, not '{wanted}'"
                )
    if len(opener_heights) > 1:
        found.append(f"part titles stand at different heights: {sorted(opener_heights)} pt")

    # Feet: small, on every page but the covers.
    for page in pages[1:-1]:
        feet = foot_lines(page)
        if not feet or any(not 7 <= ln.size <= 7.5 for ln in feet):
            found.append(f"p{page.number}: foot {[(ln.size, ln.text) for ln in feet]}")

    # Page fill: no page in a part more than 15 % empty; a part's last page before a part that
    # opens a page may end short, but not RUN_ON_EMPTY (the next part would have run on there);
    # the body's last page not on a few lines (LAST_PAGE_EMPTY).
    whole_first = {labels[key] for key in WHOLE_FIRST}
    for (title, first), after in itertools.zip_longest(parts, parts[1:]):
        last = next((p for p in ends if p > first), len(pages)) - 1
        # The next part opens a page although this one has room when its band would stand
        # apart from a first block that stays whole and does not fit here (WHOLE_FIRST).
        kids = marks.children.get(after[0], []) if after is not None else []
        apart = bool(kids) and kids[0][0] in whole_first
        for number in range(first, last + 1):
            fill = page_fill(path, number, 22, 20)
            # The body's last page opening with the sources is a references page of its own:
            # the issue exempts the body's last page, and a list of sources may be short.
            references = number == len(pages) - 1 and _opens(pages[number - 1], labels.sources)
            short = number == len(pages) - 1 or (apart and after[1] == number + 1)
            most = 1 - (LAST_PAGE_EMPTY if short else RUN_ON_EMPTY)
            if fill < (0.85 if number < last else 0 if references else most):
                found.append(f"p{number} ({title}): {100 - 100 * fill:.0f} % empty")

    # Diagrams that stay whole on one page, on the page of their heading.
    headed = {title: page for title, page in section_marks}
    if role.tiers:
        caption = labels.ladder_reading
        where = _page_with(pages, caption)
        # Each row: the step's number, then its title (which may wrap beside its bar).
        rows = [f"{n}{t.title}"[:14] for n, t in reversed(list(enumerate(role.tiers, 1)))]
        if len(where) != 1 or not _in_order_on(pages[where[0] - 1], [*rows, caption]):
            found.append(f"the career ladder is not whole on one page (caption on {where})")
        heading = headed.get(labels.career_ladder)
        if where and heading != where[0] and not _titled(pages[where[0] - 1], labels.career_ladder):
            found.append(f"the career ladder is on p{where[0]}, its heading on p{heading}")
    if role.skill_map and role.skill_map.groups:
        groups = role.skill_map.groups
        last = groups[-1].skills[-1] if groups[-1].skills else groups[-1].name
        first_pages = _page_with(pages, groups[0].name)
        on = [p for p in first_pages if _in_order_on(pages[p - 1], [g.name for g in groups])]
        if not on or _squash(last) not in _squash("".join(c.text for c in pages[on[0] - 1].chars)):
            found.append("the skill map is not whole on one page")
        heading = headed.get(labels.skills_tools)
        if on and heading != on[0] and not _titled(pages[on[0] - 1], labels.skill_map):
            found.append(f"the skill map is on p{on[0]}, its heading on p{heading}")
    if role.day_in_the_life:
        blocks = role.day_in_the_life
        texts = [b.label for b in blocks]
        last_item = blocks[-1].activities[-1] if blocks[-1].activities else blocks[-1].label
        label_pages = [set(_page_with(pages, t)) for t in texts]
        common = set.intersection(*label_pages)
        if not any(_squash(last_item)[:40] in _squash("".join(c.text for c in pages[p - 1].chars))
                   for p in common):  # fmt: skip
            found.append("the day in the life is not whole on one page")

    # Lists of up to ten items stay whole: their first and last item on one page; but a list of
    # six to ten (pdf/paginate.py SPLIT_ITEMS) may split rather than leave a gap for a panel
    # (review 8), with two items on each side (lone_items).
    for name in ("responsibilities", "tech_skills", "soft_skills", "common_mistakes", "advice"):
        items = getattr(role, name)
        if 1 < len(items) < SPLIT_ITEMS:
            first, last = set(_page_with(pages, items[0][:60])), _page_with(pages, items[-1][:60])
            if not first & set(last):
                found.append(f"the list {name} ({len(items)} items) is split across pages")

    # The ladder's tiers in words are a list: whole on one page.
    described = [t.description for t in role.tiers if t.description]
    if 1 < len(role.tiers) <= 10 and len(described) == len(role.tiers):
        first, last = _page_with(pages, described[0][:60]), _page_with(pages, described[-1][:60])
        # A run of tiers longer than a page cannot be whole (the paginator splits it after
        # all, pdf/paginate.py): it opens its page (no body line above its first tier) or goes
        # on from the ladder on its page, or from its heading when the ladder went below the
        # tiers, and runs on; kept whole it would leave a hole.
        ladder = _page_with(pages, labels.ladder_reading)
        deferred = bool(ladder) and ladder[0] != headed.get(labels.career_ladder)
        opens = bool(first) and (
            _opens_with(pages[first[0] - 1], f"1{role.tiers[0].title}")
            or first[:1] == ladder
            or (deferred and first[0] == headed.get(labels.career_ladder))
        )
        if first and last and not set(first) & set(last) and not opens:
            found.append(f"the tiers ({len(role.tiers)}) are split across pages {first}, {last}")

    # A list that splits keeps two items on each side.
    for name, items in role_lists(role).items():
        found += lone_items(pages, items, name)

    # Write-in panels: a last resort, MOST_PANELS at most, never a kind twice, and no action plan
    # beside the back cover's own "Next steps".
    printed = panels(pages, labels)
    kinds = [kind for kind, _ in printed]
    if len(printed) > MOST_PANELS or len(set(kinds)) < len(kinds):
        found.append(f"write-in panels {printed}: more than {MOST_PANELS}, or a kind twice")
    if "plan_title" in kinds and _squash(labels.next_steps) in _squash(
        "".join(c.text for c in pages[-1].chars)
    ):
        found.append("an action plan panel beside the back cover's next steps")

    # A panel that refers to a section ("Which of these tasks...") comes after it (fourth
    # review, finding 4).
    found += _misplaced_panels(pages, marks, labels)

    # Fonts: the theme's and the brand's only.
    allowed = list(THEME_FONTS)
    for slot in ("heading", "body"):
        font = getattr(brand.brand.fonts, slot)
        if font is not None and font.files:
            allowed.append(brand.font_family(slot).replace(" ", "-"))
    strays = sorted(f for f in fonts_of(path) if not f.startswith(tuple(allowed)))
    if strays:
        found.append(f"fonts other than the theme's and the brand's: {strays}")

    # The disclaimer once, with the sources the figures come from (review 8: the physical
    # therapist's "Figures are indicative..." on p11 and again in the back cover's colophon).
    disclaimer = _page_with(pages, brand.brand.disclaimer or labels.disclaimer)
    if len(disclaimer) != 1 or disclaimer[0] == len(pages):
        found.append(f"the disclaimer on pages {disclaimer}, not once with the sources")

    # The office, on the back cover.
    office = brand.brand.office
    back = _squash("".join(c.text for c in pages[-1].chars))
    for value in (office.email, office.phone, *(office.address[:1])):
        if value and _squash(value) not in back:
            found.append(f"the back cover lacks the office's '{value}'")
    if (
        brand.brand.contact
        and not (office.email or office.phone)
        and (_squash(brand.brand.contact) not in back)
    ):
        found.append("the back cover lacks the brand's contact")
    return found


def pay_note_points_to_the_chart(path: Path, locale: str) -> int:
    """The pay section's note names the at-a-glance page by its number and explains no bar
    (the bar is on that page, with its own note)."""
    labels = catalogue(locale)
    pages = [_squash(page.extract_text()) for page in PdfReader(path).pages]
    glance = next(n for n, text in enumerate(pages) if _squash(labels.quick_facts) in text)
    where = _squash(labels.format("pay_chart_where", page=glance + 1))
    [pay] = [number for number, text in enumerate(pages) if where in text]
    assert pay > glance
    assert _squash(labels.distribution_note) not in pages[pay]
    return glance
