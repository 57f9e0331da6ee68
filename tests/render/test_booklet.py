"""The booklet index's columns (render/booklet.py::index_pages): as few pages as hold the
entries, the columns of each page about equally long, a group's heading never alone at the
foot of a column."""

from __future__ import annotations

from guidepress.i18n.labels import catalogue
from guidepress.render.booklet import INDEX_COLUMNS, index_pages
from guidepress.render.pieces import Term


def terms(count: int, prefix: str) -> tuple[Term, ...]:
    text = "{} {:03d} with a few more words"
    return tuple(Term(text.format(prefix, n), (n % 50 + 3,)) for n in range(count))


def test_a_short_index_is_one_page_of_balanced_columns() -> None:
    [page] = index_pages(terms(12, "Tool"), terms(30, "Skill"), catalogue("en"), "a4")
    assert len(page) == INDEX_COLUMNS
    sizes = [len(column) for column in page]
    assert max(sizes) - min(sizes) <= 3, sizes
    assert page[0][0].group and page[0][0].text == "Tools and technologies"
    assert all(not column[-1].group for column in page)


def test_a_long_index_spreads_over_its_pages_evenly() -> None:
    pages = index_pages(terms(60, "Tool"), terms(170, "Skill"), catalogue("en"), "letter")
    assert len(pages) == 2
    counts = [sum(len(column) for column in page) for page in pages]
    # The last page is not a few lines alone: the pages hold about as much (the first less,
    # below the index's title).
    assert counts[1] >= 0.8 * counts[0], counts
    read = [item.text for page in pages for column in page for item in column]
    assert read[0] == "Tools and technologies" and read.count("Skills") == 1
    assert len(read) == 60 + 170 + 2
