"""The booklet index's columns (render/booklet.py::index_pages): as few pages as hold the
entries, each column run to its page's foot but the last page's (about equally long), a group's
heading never alone at the foot of a column."""

from __future__ import annotations

import pytest

from guidepress.i18n.labels import catalogue
from guidepress.paper import page_mm
from guidepress.render.booklet import (
    ENTRY_MM,
    INDEX_COLUMNS,
    INDEX_GAP_MM,
    INDEX_HEAD_MM,
    INDEX_MARGINS_MM,
    INDEX_SLACK_MM,
    INDEX_TYPE,
    INITIAL_MM,
    LINE_MM,
    TIGHT_TYPE,
    IndexItem,
    booklet_intro,
    column_height,
    index_pages,
    index_set,
)
from guidepress.render.pieces import Chapter, Piece, Term
from guidepress.render.typefaces import THEME_FAMILY, THEME_FILES, Face
from tests.helpers import REPO

INTER = Face((THEME_FAMILY,), tuple((w, (REPO / "styles" / p,)) for w, p in THEME_FILES.items()))


def terms(count: int, prefix: str) -> tuple[Term, ...]:
    text = "{} {:03d} with a few more words"
    return tuple(Term(text.format(prefix, n), (n % 50 + 3,)) for n in range(count))


def test_a_short_index_is_one_page_of_balanced_columns() -> None:
    [page] = index_pages(terms(12, "Tool"), terms(30, "Skill"), catalogue("en"), "a4", INTER)
    assert len(page) == INDEX_COLUMNS
    sizes = [len(column) for column in page]
    assert max(sizes) - min(sizes) <= 3, sizes
    assert page[0][0].group and page[0][0].text == "Tools and technologies"
    assert all(not column[-1].group for column in page)


def test_a_long_index_fills_its_columns_to_the_foot() -> None:
    """Fourth review: every column of a three-page index stopped about 62 % down its page (the
    entries shared out evenly). Columns run to the foot; only the last page's share what is
    left, about equally."""
    pages = index_pages(terms(60, "Tool"), terms(170, "Skill"), catalogue("en"), "letter", INTER)
    assert len(pages) == 2
    width, height = page_mm("letter")
    column = (width - INDEX_MARGINS_MM[1] - (INDEX_COLUMNS - 1) * INDEX_GAP_MM) / INDEX_COLUMNS
    room = height - INDEX_MARGINS_MM[0] - INDEX_SLACK_MM - INDEX_HEAD_MM
    for found in pages[0]:
        used = column_height(found, column, INTER)
        # Full: the next entry (two lines at most) would not have fitted.
        assert room - 2 * LINE_MM - INITIAL_MM - ENTRY_MM < used <= room, (used, room)
    sizes = [len(found) for found in pages[1]]
    assert max(sizes) - min(sizes) <= 3, sizes
    read = [item.text for page in pages for found in page for item in found]
    assert read[0] == "Tools and technologies" and read.count("Skills") == 1
    assert len(read) == 60 + 170 + 2


def test_an_index_that_would_end_on_a_few_lines_is_set_tighter() -> None:
    """Fifth review, finding 8: three lines of the index on a page of their own. Set tighter
    (TIGHT_TYPE), the index saves that page; an index whose last page holds enough is set as
    usual."""
    tools = terms(20, "Tool")
    loose = index_pages(tools, terms(128, "Skill"), catalogue("en"), "a4", INTER)
    assert len(loose) == 2 and sum(len(column) for column in loose[1]) <= 8
    kind, pages = index_set(tools, terms(128, "Skill"), catalogue("en"), "a4", INTER)
    assert kind is TIGHT_TYPE and len(pages) == 1
    width, height = page_mm("a4")
    column = (width - INDEX_MARGINS_MM[1] - (INDEX_COLUMNS - 1) * INDEX_GAP_MM) / INDEX_COLUMNS
    room = height - INDEX_MARGINS_MM[0] - INDEX_SLACK_MM - INDEX_HEAD_MM
    assert all(column_height(c, column, INTER, TIGHT_TYPE) <= room for c in pages[0])
    assert len([item for c in pages[0] for item in c]) == 20 + 128 + 2
    # A second page of a sixth of its room: an index's end, set as usual.
    kind, pages = index_set(tools, terms(176, "Skill"), catalogue("en"), "a4", INTER)
    assert kind is INDEX_TYPE and len(pages) == 2


def test_a_head_term_stays_with_its_sub_entries() -> None:
    # Every fourth entry heads three variants: wherever a column ends, it does not end on a
    # head term, and a head term's variants follow it in its column.
    subs = tuple(Term(f"variant {n} of the term", (n + 3,)) for n in range(3))
    heads = tuple(
        Term(f"Skill {n:03d} with a few more words", (), subs if n % 4 == 0 else ())
        for n in range(120)
    )
    pages = index_pages((), heads, catalogue("en"), "a4", INTER)
    columns = [column for page in pages for column in page if column]
    assert len(columns) > 3
    read = [item for column in columns for item in column]
    assert len(read) == 1 + 120 + 30 * 3
    for column in columns:
        assert not column[-1].head and not column[0].sub
    for n, item in enumerate(read):
        assert item.head == (item.text.startswith("Skill ") and int(item.text[6:9]) % 4 == 0)
        if item.head:
            assert [i.sub for i in read[n + 1 : n + 4]] == [True] * 3


def test_initials_are_the_locale_s() -> None:
    words = ("Écoute active", "Escucha", "Nube", "Ñandú", "Oso")
    found = tuple(Term(w, (3,)) for w in words)
    [page] = index_pages((), found, catalogue("es"), "a4", INTER, "es")
    read = [item for column in page for item in column][1:]
    assert [item.initial for item in read] == [True, False, True, True, True]


@pytest.mark.parametrize(
    ("text", "pages", "sub", "lines"),
    [
        # As WeasyPrint set them in a 54 mm column of the fourth review's six-role booklet.
        ("Concur (expense management)", (67,), False, 1),
        ("Insulation-resistance tester", (42,), False, 1),
        ("Fish tape and cable puller", (42,), False, 1),
        ("Customer education and training program development", (24,), False, 2),
        ("Google Workspace (Docs, Sheets, Slides)", (25, 67), False, 2),
        ("Presentation and proposal software (e.g., PowerPoint, Google Slides)", (66,), False, 3),
        ("tools (Zoom, Microsoft Teams)", (66, 67), True, 2),
        ("Confluence", (10, 25, 84), False, 1),
    ],
)
def test_an_entry_takes_the_lines_it_is_printed_on(
    text: str, pages: tuple[int, ...], sub: bool, lines: int
) -> None:
    assert IndexItem(text, pages, sub=sub).lines(54.0, INTER) == lines


def _front(count: int, intro: str | None = None) -> Piece:
    chapters = tuple(Chapter(f"r{n}", n, f"Role {n}", "A role.") for n in range(1, count + 1))
    return Piece("front", "Careers", None, intro, chapters)


@pytest.mark.parametrize(
    ("locale", "two", "seven"),
    [
        ("en", "across both.", "The seven careers"),
        ("de", "in beiden.", "Die sieben Berufe"),
        ("es", "en las dos.", "Las siete profesiones"),
        ("fr", "dans les deux.", "Les sept métiers"),
    ],
)
def test_the_intro_counts_the_booklet_s_roles(locale: str, two: str, seven: str) -> None:
    """Review 6: the demo's intro said "Two careers ... across both" over seven chapters. The
    catalogue's counts the roles in words, in every language; the config's may say {count}."""
    labels = catalogue(locale)
    assert booklet_intro(_front(2), labels).endswith(two)
    many = booklet_intro(_front(7), labels)
    assert many.startswith(seven) and "{" not in many
    assert many.endswith(f" {labels.count_words.split()[6]}.")
    assert booklet_intro(_front(5), labels) != booklet_intro(_front(7), labels)
    assert booklet_intro(_front(1), labels) == labels.booklet_intro_one
    assert "13" in booklet_intro(_front(13), labels)  # past twelve, in figures
    assert booklet_intro(_front(5, "Our {count} roles."), labels).endswith(
        f" {labels.count_words.split()[4]} roles."
    )
