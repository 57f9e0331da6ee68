"""Lists that take less height on the guide's page (issue 14, review 4 finding 1), read back
from the PDF: short-item lists in two balanced columns side by side, read down then across;
pros and cons in rows that may break between them, after the heading and three rows, never
leaving fewer than three, the heading repeated and the marks kept (a plus, a minus)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

from guidepress.build.request import BuildRequest
from guidepress.i18n.labels import catalogue
from tests.helpers import REPO, built_entries, squash, write
from tests.paper.measure import MM, Line, Page, read_pages

pytestmark = pytest.mark.pdf

SAM = "strategic-account-manager"
#: Ten short items (at most 45 characters): two columns of five.
SHORT = [
    "Zephyr account planning",
    "Zephyr negotiation with procurement",
    "Zephyr forecasting in a CRM",
    "Zephyr executive presentations",
    "Zephyr contract renewals and pricing",
    "Zephyr stakeholder mapping",
    "Zephyr quarterly business reviews",
    "Zephyr cross-selling to accounts",
    "Zephyr reading a balance sheet",
    "Zephyr territory planning",
]
#: Nine items, one of them three lines long in a column (96 characters): one column.
MIXED = [f"Quillon {item[7:]}" for item in SHORT[:8]] + [
    "Quillon explaining a complex multi-year service agreement to a finance director and to "
    "the board"
]
#: Six items, one of two lines in a column (85 characters; review 6): two columns.
PAIRED = [f"Wren {item[7:]}" for item in SHORT[:5]] + [
    "Wren forgetting to confirm the renewal terms in writing with the finance director too"
]
#: Pros and cons longer than a page (rows of two lines): the block must break between rows;
#: fewer cons, so that the last rows have a pro alone.
PROS = [f"Pro number {n}: a reason to choose this work, which takes two lines" for n in range(30)]
CONS = [f"Con number {n}: a reason to think twice about it" for n in range(27)]


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lists") / "proj"
    shutil.copytree(REPO / "content", root / "content")
    write(root, "guidepress.yaml", "title: Lists\n")
    path = root / "content/roles" / f"{SAM}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(tech_skills=SHORT, soft_skills=MIXED, common_mistakes=PAIRED, pros=PROS, cons=CONS)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    request = BuildRequest(roles=(SAM,), kinds=("guide",), out=root / "out", jobs=1)
    entries = built_entries(root, request)
    assert all(e["status"] == "built" for e in entries.values()), entries
    return root / "out" / "guides" / f"{SAM}.pdf"


def _item_lines(pages: tuple[Page, ...], items: list[str]) -> dict[str, tuple[int, Line]]:
    """Each item's first line: (page number, line); an item may share a baseline with the item
    beside it, so a line is matched by where the item's text starts in it."""
    found: dict[str, tuple[int, Line]] = {}
    for item in items:
        head = squash(item)[:20]
        for page in pages:
            for line in page.lines():
                at = squash(line.text).find(head)
                if at >= 0 and item not in found:
                    left = [c for c in line.chars if not c.text.isspace()]
                    chars = tuple(left[at:])
                    found[item] = (page.number, Line(chars))
    assert set(found) == set(items), set(items) - set(found)
    return found


def test_a_list_of_short_items_is_set_in_two_balanced_columns(guide: Path) -> None:
    found = _item_lines(read_pages(guide), SHORT)
    assert len({number for number, _ in found.values()}) == 1  # kept whole, on one page
    lines = [line for _, line in found.values()]
    # Two columns side by side, half the text width and the gap apart (170 mm, 8 mm): none
    # beyond the text area.
    first = [found[i][1] for i in SHORT[:5]]
    second = [found[i][1] for i in SHORT[5:]]
    assert max(ln.left for ln in first) - min(ln.left for ln in first) < 1.5 * MM
    assert max(ln.left for ln in second) - min(ln.left for ln in second) < 1.5 * MM
    assert 86 * MM <= second[0].left - first[0].left <= 92 * MM, lines
    assert max(ln.right for ln in second) <= (210 - 20) * MM
    # Down then across: each column in order from the top; balanced, level at top and foot.
    for column in (first, second):
        assert [ln.baseline for ln in column] == sorted(
            (ln.baseline for ln in column), reverse=True
        )
    assert abs(first[0].baseline - second[0].baseline) < 0.5
    assert abs(first[-1].baseline - second[-1].baseline) < 0.5


def test_a_list_with_a_long_item_stays_in_one_column(guide: Path) -> None:
    lines = [line for _, line in _item_lines(read_pages(guide), MIXED).values()]
    assert max(ln.left for ln in lines) - min(ln.left for ln in lines) < 1.5 * MM


def test_six_items_of_up_to_two_lines_take_two_columns(guide: Path) -> None:
    """Review 6: six items, one of 49 characters, printed in one column. Items of up to two
    lines of a column, from six of them, take two, balanced by lines (three beside three, the
    left a line shorter); the longest item takes no more than the two lines estimated."""
    pages = read_pages(guide)
    found = _item_lines(pages, PAIRED)
    first, second = [found[i][1] for i in PAIRED[:3]], [found[i][1] for i in PAIRED[3:]]
    assert 86 * MM <= second[0].left - first[0].left <= 92 * MM
    assert abs(first[0].baseline - second[0].baseline) < 0.5
    number, start = found[PAIRED[-1]]
    end = [ln for ln in pages[number - 1].lines() if squash(ln.text).endswith("financedirectortoo")]
    assert len(end) == 1 and 0 < start.baseline - end[0].baseline < 2 * start.size


def _rows(pages: tuple[Page, ...], items: list[str]) -> dict[int, list[Line]]:
    by_page: dict[int, list[Line]] = {}
    for number, line in _item_lines(pages, items).values():
        by_page.setdefault(number, []).append(line)
    return by_page


def test_pros_and_cons_break_between_rows_keeping_three_and_three(guide: Path) -> None:
    pages = read_pages(guide)
    pros, cons = _rows(pages, PROS), _rows(pages, CONS)
    assert len(pros) >= 2, pros  # the block ran over a page
    numbers = sorted(pros)
    assert numbers == list(range(numbers[0], numbers[-1] + 1))
    assert len(pros[numbers[0]]) >= 3 and len(pros[numbers[-1]]) >= 3
    assert set(cons) <= set(pros)
    # A pro beside its con, on one baseline, in the same row of every page.
    for item, (number, line) in _item_lines(pages, CONS).items():
        pro = _item_lines(pages, [PROS[CONS.index(item)]])[PROS[CONS.index(item)]]
        assert pro[0] == number and abs(pro[1].baseline - line.baseline) < 0.5, item
    # The column heads on every page the block is on.
    labels = catalogue("en", REPO)
    for number in numbers:
        texts = [squash(ln.text) for ln in pages[number - 1].lines()]
        assert any(t.startswith(squash(labels.pros)) for t in texts), number
        assert any(squash(labels.cons) in t for t in texts), number


def _mark(path: Path, page: int, line: Line) -> tuple[float, float]:
    """Width and height (mm) of the ink left of ``line``'s first character: the item's mark."""
    dpi = 200
    pdf = pdfium.PdfDocument(str(path))
    try:
        document_page = pdf[page - 1]
        height = document_page.get_height()
        image = document_page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    px = dpi / 72
    left, right = (line.left - 6 * MM) * px, (line.left - 0.3 * MM) * px
    top, bottom = (height - line.baseline - 4 * MM) * px, (height - line.baseline + 1 * MM) * px
    area = image.crop((int(left), int(top), int(right), int(bottom)))
    box = area.point(lambda v: 255 if v < 160 else 0).getbbox()
    assert box is not None, "no mark"
    return (box[2] - box[0]) / px / MM, (box[3] - box[1]) / px / MM


def test_pros_have_a_plus_and_cons_a_minus(guide: Path) -> None:
    pages = read_pages(guide)
    for items, plus in ((PROS, True), (CONS, False)):
        for number, line in list(_item_lines(pages, items).values())[:4]:
            width, height = _mark(guide, number, line)
            assert width > 1.5, (line.text, width)
            assert (height > 1.5) is plus, (line.text, height)
