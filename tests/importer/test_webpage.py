"""Saved web pages as page text (webpage.py): the same role file as the page's copied text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidepress.errors import ContentError
from guidepress.importer import import_text
from guidepress.importer.webpage import page_text

from .conftest import (
    CASES,
    check_round_trip,
    markup_in,
    needs_seeds,
    pages,
    seed_bytes,
    without_provenance,
)

SEED_PAGES = ["000_d44a76b2e4663afc", "004_e941a6e8a69fed1f"]
KICKER = (
    "text before the page's title left out (1 block(s), from 'Career Guide · Updated June 2, 2025')"
)


def html_page(stem: str) -> bytes:
    return (CASES / f"{stem}.html").read_bytes()


@pytest.fixture(scope="module")
def sam_html() -> str:
    return html_page(SEED_PAGES[0]).decode("utf-8")


TITLES = {
    "000_d44a76b2e4663afc": "Strategic Account Manager Career Path Guide",
    "004_e941a6e8a69fed1f": "Customer Success Manager Career Path Guide",
}


@needs_seeds
@pytest.mark.parametrize("stem", SEED_PAGES)
def test_saved_page_gives_the_role_file_of_its_text(stem: str) -> None:
    """The seed page as a saved web page (site header, menu, cookie banner, scripts, styles,
    sidebar, share buttons, ads, related articles, footer) gives the seed text's role file,
    byte for byte (the source's file name aside), with the page's citation from its head."""
    page = import_text(html_page(stem), f"{stem}.html")
    text = import_text(seed_bytes(f"{stem}.txt"), f"{stem}.txt")
    assert page.kind == "html" and text.kind == "text"
    citation = page.role["provenance"]
    assert (citation["title"], citation["publisher"]) == (TITLES[stem], "Jobicy")
    title = f"  title: {citation['title']}\n"  # from the text's first line too
    cited = f"{title}  publisher: Jobicy\n  url: https://jobicy.example/career-guides/{stem}\n"
    expected = text.yaml_text.replace(title, cited)
    assert page.yaml_text == expected.replace(f"{stem}.txt", f"{stem}.html")
    assert page.warnings == ([KICKER] if stem.startswith("004") else [])
    assert page.role["provenance"]["encoding_repaired"] is stem.startswith("004")
    assert markup_in(page.role) == []
    check_round_trip(page)


def test_the_site_around_the_guide_is_left_out(sam_html: str) -> None:
    text = page_text(sam_html).text
    assert text.startswith("Strategic Account Manager Career Path Guide\n\nA Strategic")
    assert text.endswith("\n\nSources & References\n")
    for furniture in (
        "cookies",  # cookie banner
        "Remote Jobs",  # site menu
        "Search jobs",
        "Skip to content",
        "Home",  # breadcrumbs
        "On this page",  # table of contents
        "Share",  # share buttons
        "LinkedIn\n",
        "Related career guides",
        "inbox",  # newsletter
        "Latest remote jobs",  # sidebar
        "Jobicy",  # logo, subscription dialog, footer
        "Template text",
        "dataLayer",
        "content:",
        "Globe",
        "not text",
        "Subscribe",
        "↑",
    ):
        assert furniture not in text, furniture


Variant = Callable[[str], bytes]
_UTF8 = '<meta charset="utf-8">'


def _cp1252(html: str, declaration: str) -> bytes:
    return html.replace(_UTF8, declaration).encode("cp1252", "xmlcharrefreplace")


VARIANTS: dict[str, Variant] = {
    "minified": lambda h: re.sub(r">\s+<", "><", h).encode(),
    "crlf": lambda h: h.replace("\n", "\r\n").encode(),
    "upper-case-tags": lambda h: re.sub(r"<(/?)(p|li|ul|h2|h3|section)\b", _upper, h).encode(),
    "implied-end-tags": lambda h: h.replace("</p>", "").replace("</li>", "").encode(),
    "no-charset-declared": lambda h: h.replace(_UTF8, "").encode(),
    "utf-8-bom": lambda h: b"\xef\xbb\xbf" + h.encode(),
    "utf-16-bom": lambda h: h.encode("utf-16"),  # the BOM wins over <meta charset="utf-8">
    "windows-1252": lambda h: _cp1252(h, '<meta charset="windows-1252">'),
    "iso-8859-1-http-equiv": lambda h: _cp1252(
        h, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    ),
    "no-main": lambda h: h.replace("<main ", "<div ").replace("</main>", "</div>").encode(),
    "no-main-no-article": lambda h: re.sub(r"<(/?)(main|article)\b", r"<\1div", h).encode(),
    "nbsp-and-entities": lambda h: (
        h.replace("Median: <", "Median:&nbsp;<").replace("Skill Map<", "Skill&#32;Map<").encode()
    ),
}


def _upper(match: re.Match[str]) -> str:
    return f"<{match.group(1)}{match.group(2).upper()}"


@needs_seeds
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_page_variants_give_the_same_role(
    name: str, sam_html: str, sam_role: dict[str, Any]
) -> None:
    result = import_text(VARIANTS[name](sam_html), "variant.html")
    assert without_provenance(result) == sam_role
    assert result.role["provenance"]["encoding_repaired"] is False
    assert result.warnings == []


@needs_seeds
def test_a_wrong_charset_declaration_is_repaired(sam_html: str, sam_role: dict[str, Any]) -> None:
    """UTF-8 bytes declared as windows-1252 read as mojibake, which repair undoes."""
    page = sam_html.replace(_UTF8, '<meta charset="windows-1252">').encode("utf-8")
    result = import_text(page, "wrong.html")
    assert without_provenance(result) == sam_role
    assert result.role["provenance"]["encoding_repaired"] is True


SIMPLE = """<html><head><title>Physical Therapist</title></head><body>
<h1>Physical Therapist Career Path Guide</h1>
<p>Physical therapists help people <em>recover movement</em> after injury &amp; illness.</p>
<h2>Key Responsibilities</h2>
<ul><li>Assess <strong>patients</strong></li><li>Plan <a href="/care">treatment</a></li></ul>
</body></html>
"""


@pytest.mark.parametrize("name", ["pt.html", "pt.htm", "pt.txt", "stdin"])
def test_a_simple_page_imports_without_tags(name: str) -> None:
    """Issue 13 item 7: the title was ``<h1>Physical Therapist Career Path Guide</h1>``."""
    result = import_text(SIMPLE.encode(), name)
    check_round_trip(result)
    assert result.kind == "html"
    assert result.role["title"] == "Physical Therapist"
    assert result.role["summary"] == (
        "Physical therapists help people recover movement after injury & illness."
    )
    assert result.role["responsibilities"] == ["Assess patients", "Plan treatment"]
    assert markup_in(result.role) == [] and "<" not in result.yaml_text
    read_as_html = ["the text is an HTML document: read as a web page"]
    assert result.warnings == (read_as_html if name in ("pt.txt", "stdin") else [])


def test_text_before_the_title_is_left_out_with_a_warning() -> None:
    page = page_text("<main><p>Guides</p><p>June</p><h1>Chef</h1><p>Cooks.</p></main>")
    assert page.text == "Chef\n\nCooks.\n"
    assert page.warnings == ["text before the page's title left out (2 block(s), from 'Guides')"]


def test_a_title_outside_main_widens_the_guide() -> None:
    page = page_text(
        "<body><header class='hero'><h1>Chef</h1><p>Cooks.</p></header>"
        "<nav>Menu</nav><main><h2>Key Responsibilities</h2><ul><li>Cook</li></ul></main>"
        "<footer>(c)</footer></body>"
    )
    assert page.text == "Chef\n\nCooks.\n\nKey Responsibilities\n\n  • Cook\n"


def test_a_page_without_h1_starts_at_its_content() -> None:
    page = page_text("<body><nav>Menu</nav><p>Chef Career Path Guide</p><p>Cooks.</p></body>")
    assert page.text == "Chef Career Path Guide\n\nCooks.\n"
    assert page.warnings == []


def test_deep_nesting_does_not_overflow() -> None:
    page = page_text("<h1>T</h1>" + "<div>" * 5000 + "deep" + "</div>" * 5000)
    assert page.text == "T\n\ndeep\n"


@pages
@given(st.one_of(st.text(), st.binary(), st.text().map(lambda t: f"<h1>{t}</h1><p>{t}</p>")))
def test_arbitrary_input_as_a_web_page_imports_or_reports_problems(data: str | bytes) -> None:
    try:
        result = import_text(data, "any.html")
    except ContentError as exc:
        assert exc.problems and all(p.file == "any.html" for p in exc.problems)
        assert all("\n" not in str(p) for p in exc.problems)  # one line each
        return
    assert result.kind == "html" and markup_in(result.role) == []


def test_the_page_head_gives_the_citation() -> None:
    head = (
        "<head><title>Chef Career Path Guide | Kitchen Jobs</title>"
        '<link rel="canonical" href="https://jobs.example/chef"></head>'
    )
    found = page_text(f"<html>{head}<body><h1>Chef Career Path Guide</h1><p>Cooks.</p></body>")
    assert found.citation == {
        "title": "Chef Career Path Guide",
        "publisher": "Kitchen Jobs",
        "url": "https://jobs.example/chef",
    }
    og = (
        '<head><meta property="og:title" content="Chef  guide"><meta property="og:site_name" '
        'content="Cooks"><link rel="canonical" href="javascript:alert(1)"></head>'
    )
    assert page_text(f"<html>{og}<body><h1>Chef</h1></body>").citation == {
        "title": "Chef guide",
        "publisher": "Cooks",
    }
    assert page_text("<p>No head at all.</p>").citation == {}
