"""A booklet of three roles in two groups, read back: the contents' page numbers are the pages
where each chapter begins, bookmarks nest group > role > part > section, the index's pages hold
its terms, the page count is a multiple of 4 with designed pages, the imposed file has its
sheets in saddle-stitch order, running heads name the role, the folio counts on, and a changed
role lays out its own chapter only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
import yaml
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from guidepress.content.project import load_project
from guidepress.i18n.labels import catalogue
from guidepress.paydata import ONET_CREDIT
from guidepress.pdf.impose import saddle_order
from tests.helpers import (
    REPO,
    SEED_ROLES,
    built_entries,
    demo_copy,
    new_project,
    outline_tree,
    pinned_date,
    squash,
    write,
)
from tests.paper.guide_checks import (
    LAST_PAGE_EMPTY,
    WHOLE_FIRST,
    citation_lists,
    foot_lines,
    head_lines,
    lone_items,
    out_of_order,
    panels,
    parted_side_labels,
    role_lists,
    spaced_lists,
    stranded_heads,
)
from tests.paper.measure import MM, chars_of, page_fill, read_pages, tiny_chars

pytestmark = pytest.mark.pdf

ROLE = """
title: {title}
summary: {title}s {what}. The work suits people who like a craft with a rhythm to it.
salary: {{currency: USD, min: 30000, max: 60000, median: {median}}}
growth_rate: 5
market_demand: Moderate
remote_friendly: false
core_functions:
  - {title}s {what}, from the first batch of the morning to the last clean-down.
  - They plan the day's production with the team and keep records of what they make.
responsibilities: [Plan the production run., Check stock and order supplies., Keep the bench clean.]
tech_skills: [{skill}, Food safety and hygiene]
soft_skills: [Time management, Teamwork{extra}]
tech_stack: [{tool}, {{name: Stand mixer, hot: true}}, Digital scale]
tiers:
  - {{title: Junior {title}, experience: 0-2 years}}
  - {{title: {title}, experience: 2-5 years}}
  - {{title: Head {title}, experience: 5+ years}}
pros: [Creative work., Visible results.]
cons: [Early starts., Long hours on your feet.]
"""
ROLES = {
    "pastry-chef": ("Pastry Chef", "make desserts and pastries", 45000, "Tempering chocolate",
                    "Blast chiller"),
    "baker": ("Baker", "bake bread and rolls", 38000, "Sourdough fermentation", "Deck oven"),
    "barista": ("Barista", "prepare coffee and serve customers", 32000, "Milk texturing",
                "Espresso machine"),
}  # fmt: skip
FOOT = "guidepress Career Library"  # the default brand's footer
CONFIG = """
title: Food careers
booklets:
  food:
    title: Food careers
    subtitle: Careers fair 2026
    groups:
      - {title: Sweet, roles: [pastry-chef]}
      - {title: Bread and coffee, roles: [barista, baker]}
    order: title
    pages_multiple: 4
"""


@pytest.fixture(scope="module")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The booklet and its imposed file, built once; the project and the booklet's entry."""
    root = new_project(tmp_path_factory.mktemp("booklet") / "proj")
    write(root, "guidepress.yaml", CONFIG)
    for slug, (title, what, median, skill, tool) in ROLES.items():
        # The baker's own way of writing a skill the others share: a sub-entry of the index.
        extra = ", Time management and planning" if slug == "baker" else ""
        text = ROLE.format(
            title=title, what=what, median=median, skill=skill, tool=tool, extra=extra
        )
        write(root, f"content/roles/{slug}.yaml", text)
    entries = built_entries(root, BuildRequest(kinds=("booklet",), impose="saddle"))
    return root, entries["booklets/food.pdf"]


def _text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _contents(path: Path) -> list[tuple[int, str, int, int]]:
    """Each entry of the contents page: (chapter number, title, page printed, page linked)."""
    reader = PdfReader(path)
    pdf = pdfium.PdfDocument(str(path))
    found = []
    try:
        text_page = pdf[1].get_textpage()
        for annot in reader.pages[1].get("/Annots", []):
            annot = annot.get_object()
            left, bottom, right, top = (float(v) for v in annot["/Rect"])
            printed = " ".join(text_page.get_text_bounded(left, bottom, right, top).split())
            linked = reader.get_page_number(annot["/Dest"][0].get_object()) + 1
            match = re.fullmatch(r"(\d+) (.+) (\d+)", printed)  # number, title, page
            if match:
                number, title, page = match.groups()
                found.append((int(number), title, int(page), linked))
    finally:
        pdf.close()
    return sorted(set(found))


def test_the_contents_say_where_each_chapter_begins(booklet: tuple[Path, dict[str, Any]]) -> None:
    root, entry = booklet
    path = root / "output" / entry["path"]
    contents = _contents(path)
    # In their groups, by title within each: Sweet, then Bread and coffee.
    assert [(n, title) for n, title, _, _ in contents] == [
        (1, "Pastry Chef"), (2, "Baker"), (3, "Barista"),
    ]  # fmt: skip
    pages = read_pages(path)
    for number, title, printed, linked in contents:
        assert printed == linked  # the number printed is the page the entry leads to
        opener = pages[printed - 1]
        largest = max(opener.lines(), key=lambda line: line.size)
        assert largest.text == title, (printed, largest.text)  # the chapter's title is there
        assert squash(f"CHAPTER {number}") in squash(" ".join(line.text for line in opener.lines()))
    starts = [printed for _, _, printed, _ in contents]
    assert starts[0] == 3 and starts == sorted(starts)  # after the cover and the contents
    # Review 7: each number on its title's line (it took a line of its own), the numbers in one
    # column, the page at the right on the same baseline.
    chars = [c for c in pages[1].chars if c.text.strip()]
    entries = [c for c in chars if 12 < c.size < 13]  # the titles' 12.5 pt
    letters = "".join(c.text for c in entries)
    lefts = []
    for number, title, printed, _ in contents:
        first = entries[letters.index(title.replace(" ", ""))]
        row = [c for c in chars if abs(c.baseline - first.baseline) < 0.3]
        digits = [c for c in row if c.text.isdigit()]
        assert [c.text for c in digits] == list(f"{number}{printed}"), (title, row)
        assert digits[0].right < first.left and digits[-1].left > first.right
        lefts.append(digits[0].left)
    assert max(lefts) - min(lefts) < 0.5, lefts


def test_bookmarks_nest_group_role_part_and_section(
    booklet: tuple[Path, dict[str, Any]],
) -> None:
    root, entry = booklet
    reader = PdfReader(root / "output" / entry["path"])

    outline = outline_tree(reader)
    titles = [item[0] for item in outline if isinstance(item, tuple)]
    assert titles == ["Contents", "Sweet", "Bread and coffee", "Index of skills and tools"]
    starts = {title: page for _, title, page, _ in _contents(root / "output" / entry["path"])}
    sweet, bread = outline[2], outline[4]
    assert [item for item in sweet if isinstance(item, tuple)] == [
        ("Pastry Chef", starts["Pastry Chef"])
    ]
    assert [item for item in bread if isinstance(item, tuple)] == [
        ("Baker", starts["Baker"]), ("Barista", starts["Barista"]),
    ]  # fmt: skip
    chapter = sweet[1]  # what Pastry Chef holds: the glance, the parts, their sections
    assert chapter[0][0] == "At a glance"
    parts = [item[0] for item in chapter if isinstance(item, tuple)][1:]
    # A short role's sections run on under one opener (render/sections.py RUN_ON_PART).
    assert parts == ["The role in detail"]
    sections = chapter[chapter.index(("The role in detail", chapter[1][1])) + 1]
    assert [title for title, _ in sections][:2] == ["Core functions", "Key responsibilities"]


def _index(texts: list[str], first: int) -> dict[str, list[int]]:
    """The index's entries (term -> pages) from its pages' text, from page ``first`` on."""
    found: dict[str, list[int]] = {}
    for text in texts[first - 1 :]:
        if text.startswith(("My shortlist", "Questions to ask", "Notes", "Next steps")):
            break  # the designed pages and the back cover after the index
        for line in text.splitlines():
            if line.startswith(FOOT):
                continue  # the page's foot: the brand and the folio
            match = re.fullmatch(r"(.+?) (\d+(?:, \d+)*)", line.strip())
            if match and not match.group(1).isdigit():
                found[match.group(1)] = [int(n) for n in match.group(2).split(", ")]
    return found


def test_the_index_leads_to_pages_that_hold_its_terms(
    booklet: tuple[Path, dict[str, Any]],
) -> None:
    root, entry = booklet
    path = root / "output" / entry["path"]
    texts = _text(path)
    first = next(i for i, text in enumerate(texts, 1) if text.startswith("Index of skills"))
    index = _index(texts, first)
    expected = {"Time management", "Teamwork", "Stand mixer", "Digital scale"}
    for _, (_, _, _, skill, tool) in ROLES.items():
        expected |= {skill, tool}
    assert expected <= set(index)
    assert len(index["Time management"]) == 3  # one page in each chapter
    # The baker's variant is a sub-entry, set in under it by 3 mm.
    assert len(index["and planning"]) == 1 and "Time management and planning" not in index
    head = chars_of(path, "Time management", first - 1)
    sub = chars_of(path, "and planning", first - 1)
    assert head and sub and sub[0].bottom < head[0].bottom
    assert sub[0].left - head[0].left == pytest.approx(3 * 72 / 25.4, abs=0.5)
    assert len(index["Blast chiller"]) == 1
    for term, pages in index.items():
        for page in pages:
            assert squash(term) in squash(texts[page - 1]), (term, page)
            assert page < first  # in a chapter, not the index itself


def test_no_page_carries_microtext(
    booklet: tuple[Path, dict[str, Any]], demo_booklet: tuple[Path, Path], fair_booklet: Path
) -> None:
    """Review 6: a hot tool's words for screen readers, "(in high demand)", printed at 0.75 pt,
    the back cover's booking address at 6.9 pt. No character of any page, hidden or not, is
    below the 7 pt floor (issue 14: nor the chapters' sources, set at 0.9 em in two columns);
    the tinted chip's key says it on paper."""
    root, entry = booklet
    food = root / "output" / entry["path"]
    for path in (food, demo_booklet[1], fair_booklet):
        tiny = {n + 1: tiny_chars(path, 7.0, n) for n in range(len(read_pages(path)))}
        assert {n: found for n, found in tiny.items() if found} == {}, path
    text = squash("".join(c.text for page in read_pages(food) for c in page.chars))
    assert text.count(squash(catalogue("en").hot_chip_legend)) == len(ROLES)


def test_a_multiple_of_four_pages_with_designed_ones(booklet: tuple[Path, dict[str, Any]]) -> None:
    root, entry = booklet
    texts = _text(root / "output" / entry["path"])
    assert len(texts) == entry["pages"] and entry["pages"] % 4 == 0
    assert "Next steps" in texts[-1]  # the back cover stays last
    index = max(i for i, text in enumerate(texts) if "Index of skills and tools" in text[:60])
    designed = ("My shortlist", "Questions to ask", "Notes")
    pads = texts[index + 1 : -1]
    assert all(any(text.strip().startswith(d) for d in designed) for text in pads), pads
    assert not any(not text.strip() for text in texts)  # no blank page


def test_the_imposed_file_holds_the_pages_in_saddle_stitch_order(
    booklet: tuple[Path, dict[str, Any]],
) -> None:
    root, entry = booklet
    assert entry["imposed"] == "booklets/food.saddle.pdf"
    output = root / "output"
    with (
        pikepdf.open(output / entry["path"]) as source,
        pikepdf.open(output / entry["imposed"]) as imposed,
    ):
        contents = {page.obj.Contents.read_bytes(): n for n, page in enumerate(source.pages, 1)}
        assert len(imposed.pages) == len(source.pages) // 2  # two pages a side, sheets of four
        sides = []
        for side in imposed.pages:
            placed = []
            for operands, operator in pikepdf.parse_content_stream(side):
                if str(operator) == "Do":
                    form = side.obj.Resources.XObject[str(operands[0])]
                    placed.append(contents[form.read_bytes()])
            sides.append(tuple(placed))
            width, height = (float(v) for v in side.mediabox[2:])
            assert (round(width / 2.8346), round(height / 2.8346)) == (420, 297)  # A3
        assert sides == saddle_order(len(source.pages))


def test_running_heads_name_the_role_and_the_folio_counts_on(
    booklet: tuple[Path, dict[str, Any]],
) -> None:
    root, entry = booklet
    path = root / "output" / entry["path"]
    starts = sorted((page, title) for _, title, page, _ in _contents(path))
    pages = read_pages(path)
    texts = _text(path)
    ends = [page for page, _ in starts[1:]]
    ends.append(next(i for i, text in enumerate(texts, 1) if text.startswith("Index of skills")))
    for (start, title), end in zip(starts, ends, strict=True):
        heads = {
            " ".join(line.text for line in head_lines(pages[n - 1])) for n in range(start, end)
        }
        named = {head for head in heads if head}
        assert named and all(head.startswith(title) for head in named), (title, named)
    for page in pages[1:-1]:  # every page but the covers: the booklet's page number
        assert str(page.number) in [line.text.split()[-1] for line in foot_lines(page)]


def test_a_changed_role_lays_out_its_own_chapter_only(
    booklet: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    built, entry = booklet
    root = tmp_path / "proj"
    shutil.copytree(built, root)
    cache = root / "output" / ".cache" / "chapters"
    [used] = cache.glob("*.used")
    before = re.findall(r"[0-9a-f]{64}", used.read_text())
    role = root / "content" / "roles" / "barista.yaml"
    role.write_text(role.read_text().replace("serve customers", "serve guests"), encoding="utf-8")
    with pinned_date():
        again = built_entries(root, BuildRequest(kinds=("booklet",)))["booklets/food.pdf"]
    assert again["status"] == "built" and again["pages"] == entry["pages"]
    after = re.findall(r"[0-9a-f]{64}", used.read_text())
    # The pieces, in the order made: the front (to count its pages), the three chapters, the
    # index, the end (to count its pages, then with the designed pages), the front with the
    # page numbers. Pastry Chef and Baker come from the cache; Barista, changed, is laid out
    # again, and the contents that print its summary; the index and the end are as they were.
    same = [a == b for a, b in zip(before, after, strict=True)]
    assert same == [False, True, True, False, True, True, True, False]
    # Pruned (a piece laid out twice with the same HTML, the end when it needs no designed
    # pages, is one file).
    assert sorted(p.stem for p in cache.glob("*.pdf")) == sorted(set(after))
    assert squash("serve guests") in squash(" ".join(_text(root / "output" / again["path"])))
    # Asked no longer, the imposed file of a rebuilt booklet goes (it shows old pages).
    assert again["imposed"] is None and not (root / "output/booklets/food.saddle.pdf").exists()


def test_the_cover_s_pay_range_is_the_chapters_medians(demo: Path) -> None:
    """A regional booklet (the demo: US): the cover's key-facts band gives the range of the
    medians its chapters print (the official ones), not the role files' own."""
    entries = built_entries(demo, BuildRequest(kinds=("booklet",), regions=("US",)))
    [entry] = [e for e in entries.values() if e["kind"] == "booklet" and e["region"] == "US"]
    pages = _text(demo / "output" / entry["path"])
    band = re.search(r"MEDIAN PAY\s*\$([\d,]+)–\$([\d,]+)", pages[0])
    assert band, pages[0]
    printed = [
        int(value.replace(",", ""))
        for page in pages[1:]
        for value in re.findall(r"Median pay, U\.S\. \$([\d,]+) a year", page)
    ]
    assert len(printed) == 2  # one per chapter: the demo's two seed roles
    low, high = (int(v.replace(",", "")) for v in band.groups())
    assert (low, high) == (min(printed), max(printed))
    roles = (yaml.safe_load(f.read_text()) for f in (demo / "content/roles").glob("*-manager.yaml"))
    own = sorted(role["salary"]["median"] for role in roles)
    assert (low, high) != (own[0], own[-1])  # the role files' own medians differ from BLS's


@pytest.fixture(scope="module")
def demo_booklet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo's careers-fair booklet, built once: (the project, the booklet's PDF)."""
    root = demo_copy(tmp_path_factory.mktemp("demo") / "demo")
    entries = built_entries(root, BuildRequest(kinds=("booklet",)))
    entry = next(e for e in entries.values() if e["kind"] == "booklet")
    return root, root / "output" / entry["path"]


def test_the_demo_s_intro_says_both_of_its_two_roles(demo_booklet: tuple[Path, Path]) -> None:
    _, path = demo_booklet
    assert squash(catalogue("en").booklet_intro_two) in squash(_text(path)[1])


@pytest.mark.parametrize("which", ["demo", "fair"])
def test_chapters_take_the_questions_below_their_end_only(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Third review, finding 3: each chapter repeated the notes, questions and action plan
    panels. Review 8: chapters ended up to 74 % empty on their sources while the booklet's end
    set the questions to ask on a page of their own. A chapter takes no notes or action plan;
    the questions only below its end, on its last page under its own text (never alone on a
    page); a booklet whose chapters print them sets no designed page of them at its end; the
    back cover keeps its next steps."""
    found = request.getfixturevalue(f"{which}_booklet")
    root, path = found if isinstance(found, tuple) else (found.parents[2], found)
    labels = catalogue("en", root)
    pages, texts = read_pages(path), _text(path)
    ends = {chapter[-1] for chapter in _chapter_pages(path)}
    printed = panels(pages, labels)
    assert all(kind == "questions_title" and page in ends for kind, page in printed), printed
    kicker = squash(labels.questions_title.upper())
    for _, number in printed:
        page = pages[number - 1]
        top = max(line.baseline for line in page.lines() if squash(line.text) == kicker)
        area = page.height - 22 * MM  # the text area's top, below the running head
        above = [ln for ln in page.lines() if top + 5 < ln.baseline < area]
        assert len(above) >= 2, number  # the chapter's own lines above it
    index = max(n for n, text in enumerate(texts) if "Index of skills and tools" in text[:60])
    title = labels.questions_title
    asked = [n for n, text in enumerate(texts) if n > index and text.startswith(title)]
    assert not (printed and asked), (printed, asked)
    assert "Next steps" in texts[-1]


#: A chapter's page, but its last, may be this much empty (of its text area): its parts run on
#: (a page per part left 22 of the fifth review's 108 pages 40-90 % empty); what is left is a
#: diagram that waits for the next page below its section's text.
CHAPTER_PAGE_EMPTY = 0.5


def _chapter_pages(path: Path) -> list[range]:
    """Each chapter's pages, from the contents' page numbers to the index."""
    starts = sorted(printed for _, _, printed, _ in _contents(path))
    texts = _text(path)
    index = next(n for n, text in enumerate(texts, 1) if text.startswith("Index of skills"))
    return [range(a, b) for a, b in zip(starts, [*starts[1:], index], strict=True)]


def _opens_whole_first(page: Any, labels: Any) -> bool:
    """Whether ``page`` opens with a part (its 48 pt numeral in the upper third) whose first
    section begins with a block kept whole (guide_checks.WHOLE_FIRST: the day in the life's
    rail, the pay table, a case study)."""
    lines = page.lines()
    opens = any(ln.size > 40 and ln.text.strip().isdigit() and ln.baseline > page.height * 2 / 3
                for ln in lines)  # fmt: skip
    titles = {squash(labels[key]) for key in WHOLE_FIRST}
    return opens and any(squash(ln.text) in titles for ln in lines)


def _too_empty(path: Path) -> list[str]:
    """The chapters' pages, but their last, more than CHAPTER_PAGE_EMPTY empty; as in a guide
    (guide_checks), the page before a part that opens its page because its first block stays
    whole and did not fit below the text may be up to LAST_PAGE_EMPTY empty (issue 14 exempts
    the page before a part opens)."""
    pages, labels = read_pages(path), catalogue("en")
    found = []
    for chapter in _chapter_pages(path):
        for number in chapter[:-1]:
            empty = 1 - page_fill(path, number, 22, 20)
            most = LAST_PAGE_EMPTY if _opens_whole_first(pages[number], labels) else None
            if empty > (most or CHAPTER_PAGE_EMPTY):
                found.append(f"p{number} {empty:.0%} empty")
    return found


def test_a_chapter_s_parts_run_on(demo_booklet: tuple[Path, Path]) -> None:
    """Fifth review, finding 1: each part opened a page, leaving the page before it up to 86 %
    empty. A chapter opens a page and so does its at a glance; its parts run on, each part's
    heading with its first lines, and no page but a chapter's last is more than half empty."""
    _, path = demo_booklet
    pages = read_pages(path)
    assert _too_empty(path) == []
    [csm, sam] = _chapter_pages(path)
    for chapter in (csm, sam):
        # At a glance keeps the page after the opener (part 1 opens the next).
        glance = squash(catalogue("en").at_a_glance).upper()  # its kicker, in capitals
        assert any(squash(line.text) == glance for line in pages[chapter[1] - 1].lines())
        # The parts' numerals (48 pt, in each part's band): part 1 opens the page after at a
        # glance, the others run on below the text before them (or open a page as text ends).
        numerals = [
            (n, line)
            for n in chapter
            for line in pages[n - 1].lines()
            if line.size > 40 and line.text.strip().isdigit()
        ]
        assert [line.text.strip() for _, line in numerals] == ["1", "2", "3", "4", "5"]
        assert numerals[0][0] == chapter[1] + 1
        top = pages[0].height - 22 * MM  # the text area's top
        run_on = [n for n, line in numerals[1:] if line.baseline < top - 60 * MM]
        assert len(run_on) >= 2, [(n, top - line.baseline) for n, line in numerals]
        for n, line in numerals:
            # A part's band is never the last thing on its page: its first lines follow.
            below = [
                other
                for other in pages[n - 1].lines()
                if 9.5 <= other.size < 12 and other.baseline < line.baseline - 25 * MM
            ]
            assert len(below) >= 2, (n, line.text)


@pytest.fixture(scope="module")
def fair_booklet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sixth review's careers-fair booklet of the reviewers' five roles (tests/paper/roles;
    the demo booklet holds its other two chapters, the seed roles), built once: its PDF."""
    roles = sorted(path.stem for path in (REPO / "tests/paper/roles").glob("*.yaml"))
    config = (REPO / "guidepress.yaml").read_text().replace("roles: all", f"roles: {roles}")
    root = demo_copy(tmp_path_factory.mktemp("fair") / "fair", config)
    for slug in roles:
        shutil.copy(REPO / f"tests/paper/roles/{slug}.yaml", root / f"content/roles/{slug}.yaml")
    entries = built_entries(root, BuildRequest(kinds=("booklet",)))
    entry = next(e for e in entries.values() if e["kind"] == "booklet")
    assert sorted(entry["roles"]) == roles
    return root / "output" / entry["path"]


@pytest.mark.parametrize("which", ["demo", "fair"])
def test_every_chapter_prints_its_sections_in_the_contents_order(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Sixth review, D: the paginator set a plain section above a section that opens with a
    diagram ("Work-life balance and stress" above "A day in the life" in 4 of 7 chapters,
    "Portfolio tips" above "Career ladder"). Every chapter's bookmarks (its headings, in page
    order) follow the contents' order; and no part's band ends its page without its first
    section's heading and lines (C: "PART 4 / Day to day" alone at the foot, 2 of 35); and
    no side label without its note or chart below it on its page."""
    path = request.getfixturevalue(f"{which}_booklet")
    path = path[1] if isinstance(path, tuple) else path
    assert out_of_order(path, catalogue("en")) == []
    assert stranded_heads(path) == []
    # Review 7: a side chart's label at a page's foot, its chart on the next (p36, p55).
    assert parted_side_labels(path, catalogue("en")) == []


@pytest.mark.parametrize("which", ["demo", "fair"])
def test_lists_keep_their_pitch_and_two_items_on_each_side_of_a_break(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Review 7, item 6: the paginator shared a page's gap evenly between its blocks and set
    one-line list items 27 to 30 pt apart against 17 (the business analyst's mistakes and
    advice, p11); item 7: the registered nurse's last tier alone at the top of p58. No list's
    items stand further apart than their text's leading allows, and a list that splits keeps
    two items on each side."""
    path = request.getfixturevalue(f"{which}_booklet")
    path = path[1] if isinstance(path, tuple) else path
    pages = read_pages(path)
    assert spaced_lists(pages) == []
    root = path.parents[2]
    project, _ = load_project(root)
    slugs = [f.stem for f in (root / "content/roles").glob("*.yaml") if "." not in f.stem]
    lone = [
        f"{slug}: {line}"
        for slug in sorted(slugs)
        for name, items in role_lists(project.localized(slug, "en")).items()
        for line in lone_items(pages, items, name)
    ]
    assert lone == []


def _part_openers(path: Path) -> list[int]:
    """The pages whose text opens with a part's band: its kicker ("PART 5") first below the
    running head's zone."""
    labels = catalogue("en")
    kickers = {squash(labels.format("part", number=n)).casefold() for n in range(1, 10)}
    found = []
    for page in read_pages(path):
        heads = head_lines(page)
        body = [line for line in page.lines() if line not in heads]
        if body and squash(body[0].text).casefold() in kickers:
            found.append(page.number)
    return found


@pytest.mark.parametrize("which", ["demo", "fair"])
def test_a_page_that_opens_with_a_part_has_no_running_head(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Review 8: a chapter's part that came to open a page (its parts run on, so no forced
    break) carried the section before's running head ("Pros and cons" above "PART 5", the
    review's booklet p40, p49, p57); a guide leaves the head off above a part's title, and so
    does the booklet now (pdf/heads.py). Running heads read from the text at the page top."""
    path = request.getfixturevalue(f"{which}_booklet")
    path = path[1] if isinstance(path, tuple) else path
    openers = _part_openers(path)
    assert openers  # chapters' parts that open a page (the fair booklet: three of them)
    pages = read_pages(path)
    headed = {n: [ln.text for ln in head_lines(pages[n - 1])] for n in openers}
    assert {n: head for n, head in headed.items() if head} == {}


def test_the_index_does_not_end_on_a_few_lines(demo_booklet: tuple[Path, Path]) -> None:
    """Fifth review, finding 8: the demo's index ran onto a page by three lines (93 % empty).
    The index is set a little tighter when that saves such a page; its last page is full enough
    (the demo's index: one page)."""
    _, path = demo_booklet
    texts = _text(path)
    first = next(n for n, text in enumerate(texts, 1) if text.startswith("Index of skills"))
    last = max(n for n, text in enumerate(texts, 1) if n >= first and _index([text], 1))
    assert page_fill(path, last, 20, 20) > 0.3, (first, last)
    assert last == first
    sizes = {round(c.size, 1) for c in read_pages(path)[first - 1].chars if c.text.strip()}
    assert 8.2 in sizes and 8.6 not in sizes  # set tighter, as render/booklet.py estimates


def test_the_index_of_six_roles_takes_two_full_pages(tmp_path: Path) -> None:
    """Fourth review: the index of its six roles took three pages, every column stopping about
    62 % down its page, then (the entries' heights overestimated) two full pages and a few
    lines. Now two pages: the first page's columns end near the bottom margin (within 15 % of
    the text area), no entry below it. And each chapter's Sources cite a work once (the
    Handbook was the outlook's source and a reference); and each chapter's pros and cons stay
    whole (up to ten rows)."""
    root = new_project(tmp_path / "proj")
    for slug in ("business-intelligence-data-analyst", "ux-designer-researcher", "electrician",
                 "registered-nurse"):  # fmt: skip
        shutil.copy(Path(__file__).parent / "roles" / f"{slug}.yaml", root / "content/roles")
    for slug in SEED_ROLES:
        shutil.copy(REPO / "content/roles" / f"{slug}.yaml", root / "content/roles")
    write(root, "guidepress.yaml", "title: T\nbooklets:\n  all: {title: All, roles: all}\n")
    entries = built_entries(root, BuildRequest(kinds=("booklet",)))
    path = root / "output" / entries["booklets/all.pdf"]["path"]
    pages, texts = read_pages(path), _text(path)
    first = next(n for n, text in enumerate(texts) if text.startswith("Index of skills"))
    # The index ends where the designed pages that round the count begin (there may be none),
    # else at the back cover.
    labels = catalogue("en")
    pads = (labels.shortlist_title, labels.questions_title, labels.notes)
    after = [n for n, text in enumerate(texts) if n > first and text.startswith(pads)]
    end = after[0] if after else len(texts) - 1
    assert end - first == 2  # two full pages, not three
    assert len(_contents(path)) == 6
    # Review 6: the contents' introduction counts the roles (the demo's said "across both").
    contents = squash(texts[1])
    assert squash("The six careers of this booklet") in contents
    assert squash("across all six.") in contents
    assert _too_empty(path) == []  # their parts run on (fifth review, finding 1)
    margin = 20 * MM  # styles/booklet.css, @page index
    for page in pages[first:end]:
        body = [c for c in page.chars if c.text.strip() and c.size > 7.5]  # not the foot
        assert min(c.bottom for c in body) > margin - 0.5, page.number  # none in the margin
    for page in pages[first : end - 1]:
        body = [c for c in page.chars if c.text.strip() and margin - 2 < c.bottom]
        for n in range(3):
            inside = [c for c in body if n * page.width / 3 <= c.left < (n + 1) * page.width / 3]
            lowest = min(c.bottom for c in inside)
            empty = (lowest - margin) / (page.height - 2 * margin)
            assert empty < 0.15, (page.number, n, f"{empty:.0%}")
    lists = citation_lists(path, catalogue("en").sources)
    assert len(lists) >= 6  # a chapter's Sources, and its key facts' short list
    for found in lists:
        assert [int(text.split(".")[0]) for text in found] == list(range(1, len(found) + 1))
        for work in ("OutlookHandbook,Electricians", "OutlookHandbook,RegisteredNurses"):
            assert sum(squash(text).count(work) for text in found) <= 1, found
    handbooks = [squash(text) for found in lists for text in found]
    handbooks = [text for text in handbooks if "OutlookHandbook" in text]
    assert any("Electricians" in text for text in handbooks)
    assert any("RegisteredNurses" in text for text in handbooks)
    # Each chapter's pros and cons (four to six rows) whole on one page: the column heads,
    # which repeat on a page the block runs onto, once per chapter (a block of five rows split
    # three and two left the two rows alone on a page).
    both = f"{labels.pros} {labels.cons}"
    heads = [n for n, text in enumerate(texts) if both in text.splitlines()]
    assert len(heads) == 6, heads


#: Of the seven chapters of the demo and fair booklets, how many may end on a page more than half
#: empty (page_fill): issue 14 found five ending on their sources alone, 50-68 % empty, the
#: same notices in each; with them printed once and the sources in two columns, three (the
#: registered nurse, strategic account manager and UX designer: their sources, 45-60 mm,
#: do not fit the 30-40 mm left below their questions); review 8: a chapter ending more than
#: half empty takes the questions to ask below its end, none.
HALF_EMPTY_ENDS = 0


def test_the_notices_are_printed_once_for_the_booklet(
    demo_booklet: tuple[Path, Path], fair_booklet: Path
) -> None:
    """Issue 14: every chapter repeated O*NET's licence notice and the disclaimer below its
    sources (100 pt of the 240 pt the physical therapist's took), putting five of seven
    chapters' sources on a page of their own. A booklet is one publication: it prints the
    notice (the licence asks for it in each publication) and the disclaimer once, in the back
    cover's colophon; a chapter keeps its occupation's O*NET title; no chapter's last page
    but HALF_EMPTY_ENDS of the seven is more than half empty."""
    credit, disclaimer = squash(ONET_CREDIT), squash(catalogue("en").disclaimer)
    ends = {}
    for which, path in (("demo", demo_booklet[1]), ("fair", fair_booklet)):
        texts = [squash(text) for text in _text(path)]
        assert [n for n, text in enumerate(texts, 1) if credit in text] == [len(texts)]
        assert "".join(texts).count(credit) == 1
        assert [n for n, text in enumerate(texts, 1) if disclaimer in text] == [len(texts)]
        chapters = _chapter_pages(path)
        # The chapters of roles with an O*NET code keep their occupation's title and description.
        assert any("O*NET-SOC" in texts[n - 1] for chapter in chapters for n in chapter)
        for chapter in chapters:
            ends[f"{which} p{chapter[-1]}"] = 1 - page_fill(path, chapter[-1], 22, 20)
    assert len(ends) == 7
    assert len([end for end in ends.values() if end > 0.5]) <= HALF_EMPTY_ENDS, ends
