"""One input as the page text the importer reads, whichever its kind (source.py)."""

from __future__ import annotations

from guidepress.importer.source import read_page

HTML = "<h1>Chef Career Path Guide</h1>\n<p>Chefs <b>cook</b>.</p>\n"


def test_the_kind_can_be_asked_for() -> None:
    page = read_page(HTML, "chef.txt", kind="text")  # text, however much it looks like HTML
    assert page.kind == "text" and page.html is None
    assert page.text == "Chef Career Path Guide\nChefs cook.\n"
    assert page.warnings == ["removed 6 HTML tag(s) from the page text"]
    page = read_page(b"Chef Career Path Guide\n\nChefs cook.\n", "chef", kind="html")
    assert page.kind == "html" and page.text == "Chef Career Path Guide Chefs cook.\n"


def test_a_web_page_by_name_or_by_content() -> None:
    for name, warnings in (
        ("chef.html", []),
        ("chef.HTM", []),
        ("chef.txt", ["the text is an HTML document: read as a web page"]),
        ("stdin", ["the text is an HTML document: read as a web page"]),
    ):
        page = read_page(HTML.encode(), name)
        assert (page.kind, page.text, page.warnings) == (
            "html",
            "Chef Career Path Guide\n\nChefs cook.\n",
            warnings,
        )
        assert page.html == HTML


def test_mojibake_is_repaired_after_extraction() -> None:
    page = read_page("<h1>Caf\u00c3\u00a9 Guide</h1><p>\u00e2\u20ac\u201d</p>", "x.html")
    assert page.text == "Café Guide\n\n—\n" and page.repaired == 2
